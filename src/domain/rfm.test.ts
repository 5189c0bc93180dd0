import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_RULES, type SegmentRule } from './segments';
import {
  aggregateActivity,
  computeRfm,
  OrderCounter,
  rfHeatmap,
  scoreByQuantile,
  scoreCutPoints,
} from './rfm';
import type { AccountActivity, OrderFact, RfmScore } from './types';

describe('scoreByQuantile', () => {
  // Midrank rule: score = ceil((2·less + equal) · bins / 2n), clamped to 1..bins.
  it.each([
    ['5 distinct', [10, 20, 30, 40, 50], 5, [1, 2, 3, 4, 5]],
    ['5 distinct, shuffled', [30, 50, 10, 40, 20], 5, [3, 5, 1, 4, 2]],
    ['10 distinct', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    // 10s: (0+3)·5/10 = 1.5 → 2; 20: (6+1)·5/10 = 3.5 → 4; 30: (8+1)·5/10 = 4.5 → 5.
    ['ties [10,10,10,20,30]', [10, 10, 10, 20, 30], 5, [2, 2, 2, 4, 5]],
    // 1s: (0+2)·5/8 = 1.25 → 2; 5s: (4+2)·5/8 = 3.75 → 4.
    ['ties, interleaved', [5, 1, 5, 1], 5, [4, 2, 4, 2]],
    // n = 6: 0s (0+2)·5/12 = 0.83 → 1; 7: (4+1)·5/12 = 2.08 → 3; 8: (6+1)·5/12 = 2.92 → 3;
    // 9s: (8+2)·5/12 = 4.17 → 5.
    ['six values with two pairs', [0, 0, 7, 8, 9, 9], 5, [1, 1, 3, 3, 5, 5]],
    ['single value', [42], 5, [3]],
    ['all equal', [7, 7, 7, 7], 5, [3, 3, 3, 3]],
    ['negatives', [-3, 0, 3, 100, 7], 5, [1, 2, 3, 5, 4]],
    ['empty', [], 5, []],
    // bins 3 on 5 distinct: (2i+1)·3/10 = 0.3, 0.9, 1.5, 2.1, 2.7.
    ['bins 3', [1, 2, 3, 4, 5], 3, [1, 1, 2, 3, 3]],
    ['bins 3, single', [9], 3, [2]],
    // bins 4 on 5 distinct: (2i+1)·4/10 = 0.4, 1.2, 2.0, 2.8, 3.6 — 2.0 stays 2.
    ['bins 4', [1, 2, 3, 4, 5], 4, [1, 2, 2, 3, 4]],
    ['bins 4 on 8', [1, 2, 3, 4, 5, 6, 7, 8], 4, [1, 1, 2, 2, 3, 3, 4, 4]],
    ['bins 4, all equal', [3, 3], 4, [2, 2]],
  ])('%s', (_label, values, bins, scores) => {
    expect(scoreByQuantile(values, bins)).toEqual(scores);
  });

  it('gives equal values equal scores whatever their position', () => {
    const values = [3, 1, 3, 2, 3, 1, 5, 5, 3, 0];
    const scores = scoreByQuantile(values);
    values.forEach((v, i) =>
      values.forEach((w, j) => {
        if (v === w) expect(scores[i]).toBe(scores[j]);
        if (v < w) expect(scores[i]!).toBeLessThanOrEqual(scores[j]!);
      }),
    );
  });

  it('treats -0 and 0 as equal', () => {
    expect(scoreByQuantile([-0, 0, 1])).toEqual([2, 2, 5]);
  });

  it('scores 100k values fast (one sort)', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
    const t0 = performance.now();
    const scores = scoreByQuantile(values);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(scores.filter((s) => s === 1)).toHaveLength(20_000);
  });

  it('rejects bad bins and non-finite values', () => {
    expect(() => scoreByQuantile([1], 0)).toThrow(RangeError);
    expect(() => scoreByQuantile([1], 2.5)).toThrow(RangeError);
    expect(() => scoreByQuantile([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('scoreCutPoints', () => {
  it('reports range and size per score, ascending', () => {
    const values = [10, 10, 10, 20, 30];
    expect(scoreCutPoints(values, scoreByQuantile(values))).toEqual([
      { score: 2, min: 10, max: 10, count: 3 },
      { score: 4, min: 20, max: 20, count: 1 },
      { score: 5, min: 30, max: 30, count: 1 },
    ]);
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(scoreCutPoints(ten, scoreByQuantile(ten))).toEqual([
      { score: 1, min: 1, max: 2, count: 2 },
      { score: 2, min: 3, max: 4, count: 2 },
      { score: 3, min: 5, max: 6, count: 2 },
      { score: 4, min: 7, max: 8, count: 2 },
      { score: 5, min: 9, max: 10, count: 2 },
    ]);
    expect(scoreCutPoints([], [])).toEqual([]);
  });
});

const fact = (
  accountId: number,
  orderNo: string,
  date: string,
  amountMinor: number,
): OrderFact => ({
  accountId,
  orderNo,
  date,
  amountMinor,
});

describe('OrderCounter', () => {
  it('counts distinct numbers, and each blank row on its own', () => {
    const c = new OrderCounter();
    for (const no of ['A', 'A', ' A ', 'B', '', '  ', '']) c.add(no);
    expect(c.count).toBe(5);
  });
});

describe('aggregateActivity', () => {
  it('nets returns, counts distinct orders, sorts by accountId', () => {
    const orders = [
      fact(2, 'RT-9', '2024-05-01', -1_000), // account 2 has nothing but a return
      fact(1, 'SO-1', '2024-01-05', 1_000),
      fact(1, 'SO-1', '2024-01-05', 500), // second line of SO-1
      fact(1, 'SO-2', '2024-02-01', 2_000),
      fact(1, 'RT-1', '2024-03-01', -700), // return after the last purchase
      fact(1, '', '2024-01-02', 300), // two rows without a number = two orders
      fact(1, '', '2024-01-02', 300),
      fact(3, 'SO-1', '2024-06-30', 0), // same number as account 1, zero value still an order
      fact(1, 'SO-2', '2024-01-20', 100), // SO-2 line dated earlier: dates per row
    ];
    expect(aggregateActivity(orders)).toEqual([
      {
        accountId: 1,
        firstOrderDate: '2024-01-02',
        lastOrderDate: '2024-02-01',
        orderCount: 4,
        revenueMinor: 1_000 + 500 + 2_000 - 700 + 300 + 300 + 100,
      },
      {
        accountId: 2,
        firstOrderDate: '2024-05-01',
        lastOrderDate: '2024-05-01',
        orderCount: 0,
        revenueMinor: -1_000,
      },
      {
        accountId: 3,
        firstOrderDate: '2024-06-30',
        lastOrderDate: '2024-06-30',
        orderCount: 1,
        revenueMinor: 0,
      },
    ]);
  });

  it('accepts any iterable and returns [] for none', () => {
    function* gen(): Generator<OrderFact> {
      yield fact(5, 'X', '2024-01-01', 1);
    }
    expect(aggregateActivity(gen())).toHaveLength(1);
    expect(aggregateActivity([])).toEqual([]);
  });
});

const activity = (
  accountId: number,
  lastOrderDate: string,
  orderCount: number,
  revenueMinor: number,
): AccountActivity => ({
  accountId,
  firstOrderDate: '2022-01-01',
  lastOrderDate,
  orderCount,
  revenueMinor,
});

describe('computeRfm', () => {
  // Six distinct values score 1, 2, 3, 3, 4, 5: (2i+1)·5/12 = 0.42, 1.25, 2.08, 2.92, 3.75, 4.58.
  const asOf = '2024-12-31';
  const table: AccountActivity[] = [
    activity(11, '2024-12-21', 12, 500_000), // 10 days
    activity(12, '2024-12-01', 8, 300_000), // 30 days
    activity(13, '2025-01-05', 1, 5_000), // after asOf → 0 days
    activity(14, '2024-01-01', 10, 400_000), // 365 days (2024 is a leap year)
    activity(15, '2024-06-30', 2, 8_000), // 184 days
    activity(16, '2024-11-01', 3, 20_000), // 60 days
  ];

  it('scores a hand-made table', () => {
    // Segments: 4,5,5 and 3,3,3 are potential_loyalist (r3-5 f3-5 m2-5; champions is 5,5,5
    // only); 5,1,1 new; 1,4,4 cant_lose; 2,2,2 loyal.
    const pick = ({ accountId, recencyDays, r, f, m, segment }: RfmScore) => ({
      accountId,
      recencyDays,
      r,
      f,
      m,
      segment,
    });
    expect(computeRfm(table, asOf).map(pick)).toEqual([
      { accountId: 11, recencyDays: 10, r: 4, f: 5, m: 5, segment: 'potential_loyalist' },
      { accountId: 12, recencyDays: 30, r: 3, f: 3, m: 3, segment: 'potential_loyalist' },
      { accountId: 13, recencyDays: 0, r: 5, f: 1, m: 1, segment: 'new' },
      { accountId: 14, recencyDays: 365, r: 1, f: 4, m: 4, segment: 'cant_lose' },
      { accountId: 15, recencyDays: 184, r: 2, f: 2, m: 2, segment: 'loyal' },
      { accountId: 16, recencyDays: 60, r: 3, f: 3, m: 3, segment: 'potential_loyalist' },
    ]);
  });

  it('copies frequency and monetary through', () => {
    const [first] = computeRfm(table, asOf);
    expect(first).toMatchObject({ frequency: 12, monetaryMinor: 500_000 });
  });

  it('measures recency in days, so a shift of asOf moves every account alike', () => {
    const later = computeRfm(table, '2025-01-31');
    expect(later.map((s) => s.recencyDays)).toEqual([41, 61, 26, 396, 215, 91]);
    expect(later.map((s) => s.r)).toEqual([4, 3, 5, 1, 2, 3]);
  });

  it('maps other bin counts onto the 5-point default rules', () => {
    // bins 3 on six distinct values: (2i+1)·3/12 = 0.25, 0.75, 1.25, 1.75, 2.25, 2.75
    // → 1, 1, 2, 2, 3, 3; for segments mapped 1→1, 2→3, 3→5.
    const scores = computeRfm(table, asOf, { bins: 3 });
    expect(scores.map((s) => [s.r, s.f, s.m])).toEqual([
      [3, 3, 3],
      [2, 2, 2],
      [3, 1, 1],
      [1, 3, 3],
      [1, 1, 1],
      [2, 2, 2],
    ]);
    // 11: 5,5,5 champions; 12: 3,3,3 potential_loyalist; 13: 5,1,1 new; 14: 1,5,5 at_risk
    // (cant_lose stops at f4); 15: 1,1,1 lost; 16: 3,3,3 potential_loyalist.
    expect(scores.map((s) => s.segment)).toEqual([
      'champions',
      'potential_loyalist',
      'new',
      'at_risk',
      'lost',
      'potential_loyalist',
    ]);

    // bins 4: (2i+1)·4/12 = 0.33, 1, 1.67, 2.33, 3, 3.67 → 1, 1, 2, 3, 3, 4; mapped 1→1, 2→2,
    // 3→4, 4→5. Unmapped, 14 (1,3,3) would be need_attention.
    const four = computeRfm(table, asOf, { bins: 4 });
    expect(four.map((s) => [s.r, s.f, s.m])).toEqual([
      [3, 4, 4],
      [3, 3, 3],
      [4, 1, 1],
      [1, 3, 3],
      [1, 1, 1],
      [2, 2, 2],
    ]);
    // 11: 4,5,5 and 12: 4,4,4 potential_loyalist; 13: 5,1,1 new; 14: 1,4,4 cant_lose;
    // 15: 1,1,1 lost; 16: 2,2,2 loyal.
    expect(four.map((s) => s.segment)).toEqual([
      'potential_loyalist',
      'potential_loyalist',
      'new',
      'cant_lose',
      'lost',
      'loyal',
    ]);
  });

  it('applies custom rules to raw scores', () => {
    const rules: SegmentRule[] = [{ id: 'champions', r: [3, 3], f: [1, 3], m: [1, 3] }];
    // Raw bins-3 scores from above: 11 (3,3,3) and 13 (3,1,1) match, nothing is rescaled.
    const scores = computeRfm(table, asOf, { bins: 3, rules });
    expect(scores.map((s) => s.segment)).toEqual([
      'champions',
      'others',
      'champions',
      'others',
      'others',
      'others',
    ]);
    expect(computeRfm(table, asOf, { rules: DEFAULT_SEGMENT_RULES })[0]!.segment).toBe(
      'potential_loyalist',
    );
  });

  it('gives a lone account the middle scores', () => {
    expect(computeRfm([activity(1, '2024-12-01', 3, 100)], asOf)).toEqual([
      {
        accountId: 1,
        recencyDays: 30,
        frequency: 3,
        monetaryMinor: 100,
        r: 3,
        f: 3,
        m: 3,
        segment: 'potential_loyalist',
      },
    ]);
    expect(computeRfm([], asOf)).toEqual([]);
  });
});

describe('rfHeatmap', () => {
  it('fills every cell, empty ones at zero', () => {
    const s = (r: number, f: number, monetaryMinor: number): RfmScore => ({
      accountId: 0,
      recencyDays: 0,
      frequency: 0,
      monetaryMinor,
      r,
      f,
      m: 1,
      segment: 'others',
    });
    const cells = rfHeatmap([s(1, 1, 100), s(1, 1, -30), s(3, 2, 50), s(5, 5, 7)]);
    expect(cells).toHaveLength(25);
    expect(cells[0]).toEqual({ r: 1, f: 1, count: 2, revenueMinor: 70 });
    expect(cells.find((c) => c.r === 3 && c.f === 2)).toEqual({
      r: 3,
      f: 2,
      count: 1,
      revenueMinor: 50,
    });
    expect(cells[24]).toEqual({ r: 5, f: 5, count: 1, revenueMinor: 7 });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(4);
    expect(rfHeatmap([], 3).map((c) => `${c.r}${c.f}`)).toEqual([
      '11',
      '12',
      '13',
      '21',
      '22',
      '23',
      '31',
      '32',
      '33',
    ]);
  });
});
