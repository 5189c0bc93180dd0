// computeAnalysis options beyond the defaults: frequency by days, margin as the value measure,
// user thresholds per metric and custom segment rules. Small tables, expectations by hand.
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from './date';
import { computeAnalysis, type EngineResult, type EngineRule } from './engine';
import { buildFactTable } from './factTable';
import type { OrderFact } from './types';

const line = (
  accountId: number,
  orderNo: string,
  date: string,
  amountMinor: number,
  costMinor?: number | null,
): OrderFact => ({ accountId, orderNo, date, amountMinor, costMinor });

const segmentsOf = (res: EngineResult): string[] =>
  Array.from(res.segment, (s) => res.segmentIds[s]!);

describe('frequency: orders or purchase days', () => {
  const table = buildFactTable([
    // 1: three orders on two days.
    line(1, 'O1', '2024-01-01', 100),
    line(1, 'O2', '2024-01-01', 100),
    line(1, 'O3', '2024-01-05', 100),
    // 2: two orders on two days; the return on a third day is no purchase.
    line(2, 'P1', '2024-01-02', 100),
    line(2, 'P2', '2024-01-03', 100),
    line(2, 'R', '2024-01-04', -50),
    // 3: a zero line is not a return, so it counts as an order and a day.
    line(3, 'Q1', '2024-01-06', 100),
    line(3, 'Q2', '2024-01-07', 0),
    // 4: only a return: no order, no purchase day.
    line(4, 'X', '2024-01-08', -100),
    // 5: one order delivered over two days.
    line(5, 'S', '2024-01-01', 100),
    line(5, 'S', '2024-01-03', 100),
  ]);

  it('counts distinct orders and distinct purchase days per account', () => {
    const res = computeAnalysis(table);
    expect(Array.from(res.orders)).toEqual([3, 2, 2, 0, 1]);
    expect(Array.from(res.days)).toEqual([2, 2, 2, 0, 2]);
  });

  // Midrank quantile scores, n = 5, bins = 5: score = ceil((2·less + equal) · 5 / 10).
  //   orders [3, 2, 2, 0, 1]: 3 → ceil(4.5) = 5, 2 → ceil(3) = 3, 0 → 1, 1 → ceil(1.5) = 2.
  //   days   [2, 2, 2, 0, 2]: 2 → ceil((2 + 4) / 2) = 3, 0 → 1.
  it.each([
    [undefined, [3, 2, 2, 0, 1], [5, 3, 3, 1, 2]],
    ['orders' as const, [3, 2, 2, 0, 1], [5, 3, 3, 1, 2]],
    ['days' as const, [2, 2, 2, 0, 2], [3, 3, 3, 1, 3]],
  ])('frequency %s scores F on %j', (frequency, measured, scores) => {
    const res = computeAnalysis(table, frequency ? { frequency } : {});
    expect(Array.from(res.frequency)).toEqual(measured);
    expect(Array.from(res.f)).toEqual(scores);
  });

  it('does not let returns move the last purchase day', () => {
    // As of the latest day (account 4's return, its only activity): 2024-01-08.
    const res = computeAnalysis(table, { frequency: 'days' });
    expect(res.asOfDay).toBe(toDayNumber('2024-01-08'));
    expect(Array.from(res.recencyDays)).toEqual([3, 5, 1, 0, 5]);
  });
});

describe('value: revenue or margin', () => {
  const table = buildFactTable([
    // 10: big revenue, but cost is known for one small line only → margin 100.
    line(10, 'A1', '2024-05-01', 19_000),
    line(10, 'A2', '2024-05-02', 1_000, 900),
    // 20: margin 2,000 on revenue 3,000.
    line(20, 'B1', '2024-05-03', 3_000, 1_000),
    // 30: a return with its cost takes back its margin: 500 − (−200 − −100) = 400.
    line(30, 'C1', '2024-05-04', 1_000, 500),
    line(30, 'C2', '2024-05-05', -200, -100),
    // 40: sold below cost.
    line(40, 'D1', '2024-05-06', 500, 600),
  ]);

  it('defaults to revenue and leaves margin null', () => {
    const res = computeAnalysis(table);
    expect(res.margin).toBeNull();
    expect(Array.from(res.value)).toEqual([20_000, 3_000, 800, 500]);
    expect(Array.from(res.revenue)).toEqual([20_000, 3_000, 800, 500]);
  });

  it('sums amount − cost over the lines with a known cost', () => {
    const res = computeAnalysis(table, { value: 'margin' });
    expect(Array.from(res.margin!)).toEqual([100, 2_000, 400, -100]);
    expect(Array.from(res.value)).toEqual([100, 2_000, 400, -100]);
    // Revenue still counts every line.
    expect(Array.from(res.revenue)).toEqual([20_000, 3_000, 800, 500]);
  });

  // n = 4, bins = 5: score = ceil((2·less + 1) · 5 / 8) → less 0, 1, 2, 3 → 1, 2, 4, 5.
  // ABC (A below 80 % before, B below 95 %):
  //   revenue total 24,300: 10 (0) A; 20 (20,000 = 82 %) B; 30 (23,000 = 94.7 %) B;
  //   40 (23,800 = 97.9 %) C.
  //   margin positive total 2,500: 20 (0) A; 30 (2,000 = 80 %) B; 10 (2,400 = 96 %) C;
  //   40 has a negative margin → C.
  it.each([
    ['revenue' as const, [5, 4, 2, 1], [1, 2, 3, 4], ['A', 'B', 'B', 'C'], 24_300, 1],
    ['margin' as const, [2, 5, 4, 1], [3, 1, 2, 4], ['C', 'A', 'B', 'C'], 2_500, 1],
  ])('%s: M %j, rank %j, ABC %j', (value, m, rank, abc, total, countForA) => {
    const res = computeAnalysis(table, { value });
    expect(Array.from(res.m)).toEqual(m);
    expect(Array.from(res.rank)).toEqual(rank);
    expect(Array.from(res.abc, (c) => 'ABC'[c])).toEqual(abc);
    expect(res.totalPositiveMinor).toBe(total);
    expect(res.countForA).toBe(countForA);
  });

  it('accumulates cumulative shares over positive margins only', () => {
    const res = computeAnalysis(table, { value: 'margin' });
    // By rank: 20 (2,000), 30 (+400), 10 (+100), 40 (adds nothing).
    expect(Array.from(res.cumulativeShare)).toEqual([2_500 / 2_500, 0.8, 2_400 / 2_500, 1]);
  });
});

describe('thresholds: user cut values per metric', () => {
  const asOf = '2024-12-31';
  const asOfDay = toDayNumber(asOf);

  it.each([
    [0, 5],
    [30, 5], // on a cut: the better side
    [31, 4],
    [90, 4],
    [91, 3],
    [180, 3],
    [365, 2],
    [366, 1],
  ])('recency cuts [30, 90, 180, 365]: %i days → R %i', (days, score) => {
    // The account under test plus one far-off account so the table is not trivial.
    const table = buildFactTable([
      line(1, 'A', addDays(asOf, -days), 100),
      line(2, 'B', addDays(asOf, -1000), 100),
    ]);
    const res = computeAnalysis(table, { asOfDay, thresholds: { r: [30, 90, 180, 365] } });
    expect(res.recencyDays[0]).toBe(days);
    expect(Array.from(res.r)).toEqual([score, 1]);
  });

  it.each([
    ['orders' as const, [1, 2, 3, 4, 7, 9, 10, 12], [1, 2, 2, 3, 4, 4, 5, 5]],
    // By days, every order of an account falls on one day: F = 1 for all.
    ['days' as const, [1, 2, 3, 4, 7, 9, 10, 12], [1, 1, 1, 1, 1, 1, 1, 1]],
  ])('frequency (%s) cuts [2, 4, 7, 10]: counts %j → F %j', (frequency, counts, scores) => {
    const facts = counts.flatMap((count, a) =>
      Array.from({ length: count }, (_, k) => line(a + 1, `O${k}`, asOf, 100)),
    );
    const res = computeAnalysis(buildFactTable(facts), {
      frequency,
      thresholds: { f: [2, 4, 7, 10] },
    });
    expect(Array.from(res.orders)).toEqual(counts);
    expect(Array.from(res.f)).toEqual(scores);
  });

  it.each([
    ['revenue' as const, [-300, 0, 999, 1_000, 4_999, 5_000, 100_000], [1, 1, 1, 2, 2, 3, 5]],
    ['margin' as const, [-300, 0, 999, 1_000, 4_999, 5_000, 100_000], [1, 1, 1, 2, 2, 3, 5]],
  ])('monetary (%s) cuts [1,000, 5,000, 20,000, 100,000]: %j → M %j', (value, values, scores) => {
    // Cost 0 makes margin = amount; for revenue the cost column is ignored.
    const facts = values.map((v, a) => line(a + 1, 'A', asOf, v, value === 'margin' ? 0 : null));
    const res = computeAnalysis(buildFactTable(facts), {
      value,
      thresholds: { m: [1_000, 5_000, 20_000, 100_000] },
    });
    expect(Array.from(res.value)).toEqual(values);
    expect(Array.from(res.m)).toEqual(scores);
  });

  it('keeps quantile scores for the metrics without cuts (absent or null)', () => {
    const facts = [
      line(1, 'A', '2024-01-01', 100),
      line(2, 'B', '2024-06-01', 5_000),
      line(2, 'C', '2024-07-01', 5_000),
      line(3, 'D', '2024-12-01', 2_000),
    ];
    const table = buildFactTable(facts);
    const quantile = computeAnalysis(table);
    const res = computeAnalysis(table, {
      thresholds: { r: null, m: [1_000, 2_000, 3_000, 4_000] },
    });
    expect(res.r).toEqual(quantile.r);
    expect(res.f).toEqual(quantile.f);
    // m: 100 → 1; 10,000 → 5; 2,000 → 3 (on the second cut).
    expect(Array.from(res.m)).toEqual([1, 5, 3]);
  });

  it('scores 1 … cuts + 1 with 3 bins', () => {
    const facts = [0, 10, 11, 20, 21].map((days, a) => line(a + 1, 'A', addDays(asOf, -days), 1));
    const res = computeAnalysis(buildFactTable(facts), {
      bins: 3,
      asOfDay,
      thresholds: { r: [10, 20] },
    });
    expect(Array.from(res.r)).toEqual([3, 3, 2, 2, 1]);
  });
});

/**
 * Accounts placed on chosen scores through thresholds, so rule matching can be checked cell by
 * cell: recency 10 days per step below the best score, f orders, and a value of 100 × m.
 * Cuts for `bins`: r [10, 20, …] (lower is better), f [2, 3, …], m [200, 300, …].
 */
function accountsAt(cells: readonly (readonly [number, number, number])[], bins: number) {
  const asOf = '2024-06-30';
  const facts = cells.flatMap(([r, f, m], a) =>
    Array.from({ length: f }, (_, k) =>
      line(
        a + 1,
        `O${k}`,
        addDays(asOf, -10 * (bins - r) - 5 * Math.sign(bins - r)),
        k ? 0 : 100 * m,
      ),
    ),
  );
  const steps = Array.from({ length: bins - 1 }, (_, i) => i);
  return {
    table: buildFactTable(facts),
    options: {
      bins,
      asOfDay: toDayNumber(asOf),
      thresholds: {
        r: steps.map((i) => 10 * (i + 1)),
        f: steps.map((i) => i + 2),
        m: steps.map((i) => 100 * (i + 2)),
      },
    },
  };
}

describe('custom segment rules', () => {
  const rules: EngineRule[] = [
    { id: 'vip', r: [4, 5], f: [1, 5], m: [5, 5] },
    { id: 'champions', r: [4, 5], f: [4, 5], m: [4, 5] },
    // Inside 'vip' entirely: overlaps, but never wins a cell.
    { id: 'vip_shadow', r: [5, 5], f: [1, 5], m: [5, 5] },
    { id: 'sleepers', r: [1, 2], f: [1, 5], m: [1, 5] },
  ];

  it.each([
    [[5, 1, 5], 'vip'],
    [[5, 5, 5], 'vip'], // champions matches too, but vip comes first
    [[4, 4, 4], 'champions'],
    [[5, 5, 4], 'champions'],
    [[1, 5, 5], 'sleepers'],
    [[2, 1, 1], 'sleepers'],
    [[3, 3, 3], 'others'],
    [[4, 3, 4], 'others'],
  ] as const)('5 bins: (r, f, m) %j → %s', (cell, segment) => {
    const { table, options } = accountsAt([cell], 5);
    const res = computeAnalysis(table, { ...options, rules });
    expect([res.r[0], res.f[0], res.m[0]]).toEqual(cell);
    expect(segmentsOf(res)).toEqual([segment]);
  });

  it('never produces the id of a rule that wins no cell', () => {
    const cells = [1, 2, 3, 4, 5].flatMap((r) =>
      [1, 3, 5].flatMap((f) => [1, 4, 5].map((m) => [r, f, m] as const)),
    );
    const { table, options } = accountsAt(cells, 5);
    const res = computeAnalysis(table, { ...options, rules });
    expect(new Set(segmentsOf(res))).toEqual(new Set(['vip', 'champions', 'sleepers', 'others']));
    expect(res.segmentIds).not.toContain('vip_shadow');
  });

  it('puts everyone in others without rules', () => {
    const { table, options } = accountsAt(
      [
        [5, 5, 5],
        [1, 1, 1],
      ],
      5,
    );
    expect(segmentsOf(computeAnalysis(table, { ...options, rules: [] }))).toEqual([
      'others',
      'others',
    ]);
  });

  // 3 bins spread onto 1–5 as 1 → 1, 2 → 3, 3 → 5, so a rule on score 2 or 4 can never match.
  const rulesForThree: EngineRule[] = [
    { id: 'top', r: [5, 5], f: [5, 5], m: [5, 5] },
    { id: 'middle', r: [3, 3], f: [3, 3], m: [3, 3] },
    { id: 'r_two', r: [2, 2], f: [1, 5], m: [1, 5] },
    { id: 'low_r', r: [1, 2], f: [1, 5], m: [1, 5] },
  ];

  it.each([
    [[3, 3, 3], 'top'],
    [[2, 2, 2], 'middle'],
    [[1, 3, 3], 'low_r'],
    [[1, 1, 1], 'low_r'],
    [[2, 1, 2], 'others'],
    [[3, 2, 3], 'others'],
  ] as const)('3 bins: (r, f, m) %j → %s', (cell, segment) => {
    const { table, options } = accountsAt([cell], 3);
    const res = computeAnalysis(table, { ...options, rules: rulesForThree });
    // The result keeps the 1–3 scores; only the matching sees them on 1–5.
    expect([res.r[0], res.f[0], res.m[0]]).toEqual(cell);
    expect(segmentsOf(res)).toEqual([segment]);
    expect(res.segmentIds).not.toContain('r_two');
  });

  // 4 bins: 1 → 1, 2 → 2, 3 → 4, 4 → 5.
  it.each([
    [1, 'others'],
    [2, 'r2'],
    [3, 'r4'],
    [4, 'r5'],
  ])('4 bins: R %i matches rule %s', (r, segment) => {
    const rulesForFour: EngineRule[] = [
      { id: 'r2', r: [2, 2], f: [1, 5], m: [1, 5] },
      { id: 'r3', r: [3, 3], f: [1, 5], m: [1, 5] },
      { id: 'r4', r: [4, 4], f: [1, 5], m: [1, 5] },
      { id: 'r5', r: [5, 5], f: [1, 5], m: [1, 5] },
    ];
    const { table, options } = accountsAt([[r, 2, 2]], 4);
    const res = computeAnalysis(table, { ...options, rules: rulesForFour });
    expect(res.r[0]).toBe(r);
    expect(segmentsOf(res)).toEqual([segment]);
  });
});
