import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './date';
import { mulberry32 } from './demo';
import { buildFactTable, sliceFactTable, type FactTable } from './factTable';
import type { OrderFact } from './types';

/**
 * Random facts in shuffled order. Each fact's amount is its input index, so a row of the table
 * can be traced back to the fact it came from. Dates straddle 1970-01-01 (negative day numbers)
 * and repeat often; order numbers repeat within and across accounts, some are blank or padded.
 */
function generate(seed: number, rows: number, accounts: number, spanDays: number): OrderFact[] {
  const rand = mulberry32(seed);
  const start = toDayNumber('1969-12-01');
  const facts: OrderFact[] = [];
  for (let i = 0; i < rows; i++) {
    const costRoll = rand();
    const orderRoll = rand();
    facts.push({
      accountId: 1000 - Math.floor(rand() * accounts) * 13,
      orderNo:
        orderRoll < 0.15
          ? ''
          : orderRoll < 0.2
            ? '   '
            : `${orderRoll < 0.25 ? ' ' : ''}SO-${Math.floor(rand() * rows * 0.3)}`,
      date: fromDayNumber(start + Math.floor(rand() * spanDays)),
      amountMinor: i,
      // Three ways to have no cost: null, undefined, or the key left out.
      ...(costRoll < 0.2
        ? { costMinor: null }
        : costRoll < 0.3
          ? { costMinor: undefined }
          : costRoll < 0.4
            ? {}
            : { costMinor: Math.floor(costRoll * 1000) - 500 }),
    });
  }
  return facts;
}

const hasCost = (f: OrderFact): boolean => f.costMinor !== null && f.costMinor !== undefined;

/** One string per row: account id, date, amount, cost ("NaN" when unknown). */
function tableRows(table: FactTable): string[] {
  return Array.from({ length: table.count }, (_, k) =>
    [
      table.accountIds[table.account[k]!],
      fromDayNumber(table.day[k]!),
      table.amount[k],
      table.cost[k],
    ].join('|'),
  );
}

function factRows(facts: readonly OrderFact[]): string[] {
  return facts.map((f) =>
    [f.accountId, f.date, f.amountMinor, hasCost(f) ? f.costMinor : NaN].join('|'),
  );
}

/** Canonical partition labels: the first row of each group gets 0, the next new group 1, … */
function relabel(labels: ArrayLike<number>): number[] {
  const seen = new Map<number, number>();
  return Array.from(labels, (x) => {
    if (!seen.has(x)) seen.set(x, seen.size);
    return seen.get(x)!;
  });
}

const sortedIds = (facts: readonly OrderFact[]): number[] =>
  [...new Set(facts.map((f) => f.accountId))].sort((a, b) => a - b);

describe('buildFactTable on random data', () => {
  it.each([
    [1, 400, 25, 90],
    [2, 1000, 60, 1200],
    [3, 50, 3, 5],
    [4, 200, 1, 40],
    [5, 1, 1, 1],
  ])('seed %i: %i rows, ≤ %i accounts, %i-day span', (seed, rows, accounts, span) => {
    const facts = generate(seed, rows, accounts, span);
    const table = buildFactTable(facts);

    expect(table.count).toBe(facts.length);
    expect(Array.from(table.accountIds)).toEqual(sortedIds(facts));
    expect([...table.indexOf]).toEqual(sortedIds(facts).map((id, i) => [id, i]));

    // Sorted by (account, day); rows with equal keys keep their input order (stable).
    for (let k = 1; k < table.count; k++) {
      const [a0, a1] = [table.account[k - 1]!, table.account[k]!];
      const [d0, d1] = [table.day[k - 1]!, table.day[k]!];
      expect(a0 < a1 || (a0 === a1 && d0 <= d1)).toBe(true);
      if (a0 === a1 && d0 === d1) expect(table.amount[k - 1]!).toBeLessThan(table.amount[k]!);
    }

    // Every fact becomes exactly one row, its values unchanged.
    expect(tableRows(table).sort()).toEqual(factRows(facts).sort());
    expect(table.costedRows).toBe(facts.filter(hasCost).length);

    // Same order index ⇔ same account and same non-blank trimmed number (or the same row).
    const sourceOf = (k: number) => facts[table.amount[k]!]!;
    for (let k = 0; k < table.count; k++) {
      for (let l = k + 1; l < table.count; l++) {
        const [x, y] = [sourceOf(k), sourceOf(l)];
        const number = x.orderNo.trim();
        const sameOrder =
          x.accountId === y.accountId && number !== '' && number === y.orderNo.trim();
        if ((table.order[k] === table.order[l]) !== sameOrder) {
          expect.fail(`rows ${k} and ${l}: order ${table.order[k]} vs ${table.order[l]}`);
        }
      }
    }
    // Order indexes are dense: 0 … orderCount − 1, each used.
    expect(new Set(table.order).size).toBe(table.orderCount);
    expect(Math.max(-1, ...table.order)).toBe(table.orderCount - 1);
  });
});

describe('buildFactTable by hand', () => {
  const fact = (
    accountId: number,
    orderNo: string,
    date: string,
    amountMinor: number,
    costMinor?: number | null,
  ): OrderFact => ({ accountId, orderNo, date, amountMinor, costMinor });

  // Input deliberately out of (account, day) order.
  const facts = [
    fact(7, 'A', '2024-03-02', 100, 60), // 0
    fact(3, 'A', '2024-03-05', 200), // 1
    fact(7, ' A ', '2024-03-01', 300, null), // 2: same order as row 0 once trimmed
    fact(7, '', '2024-03-01', 400, 0), // 3: blank → an order of its own
    fact(7, '', '2024-03-01', 500), // 4: another one
    fact(3, 'B', '2024-03-05', 600, -50), // 5
    fact(7, 'B', '2024-03-02', 700, 10), // 6: B of account 7 is not B of account 3
  ];
  const table = buildFactTable(facts);

  it('sorts rows by account id, then date, stable within a day', () => {
    expect(Array.from(table.accountIds)).toEqual([3, 7]);
    expect(Array.from(table.account)).toEqual([0, 0, 1, 1, 1, 1, 1]);
    expect(Array.from(table.day, fromDayNumber)).toEqual([
      '2024-03-05',
      '2024-03-05',
      '2024-03-01',
      '2024-03-01',
      '2024-03-01',
      '2024-03-02',
      '2024-03-02',
    ]);
    expect(Array.from(table.amount)).toEqual([200, 600, 300, 400, 500, 100, 700]);
  });

  it('keeps a cost column with NaN where the cost is unknown; a cost of 0 is known', () => {
    expect(Array.from(table.cost)).toEqual([NaN, -50, NaN, 0, NaN, 60, 10]);
    expect(table.costedRows).toBe(4);
  });

  it('gives equal trimmed order numbers of one account one index, blanks one each', () => {
    const [a3, b3, a7trimmed, blank1, blank2, a7, b7] = Array.from(table.order);
    expect(a7trimmed).toBe(a7);
    expect(new Set([a3, b3, a7, blank1, blank2, b7]).size).toBe(6);
    expect(table.orderCount).toBe(6);
  });

  it('gives an empty table for no facts', () => {
    const empty = buildFactTable([]);
    expect(empty).toEqual({
      count: 0,
      account: new Int32Array(0),
      day: new Int32Array(0),
      amount: new Float64Array(0),
      cost: new Float64Array(0),
      costedRows: 0,
      order: new Int32Array(0),
      orderCount: 0,
      accountIds: new Int32Array(0),
      indexOf: new Map(),
    });
  });
});

describe('sliceFactTable', () => {
  const fact = (accountId: number, orderNo: string, date: string, costMinor: number | null) => ({
    accountId,
    orderNo,
    date,
    amountMinor: accountId * 100,
    costMinor,
  });
  const table = buildFactTable([
    fact(1, 'X', '2024-01-31', 10),
    fact(2, 'Y', '2024-02-01', null),
    fact(3, 'Z', '2024-02-15', 30),
    fact(4, 'X', '2024-02-29', null),
    fact(4, 'W', '2024-03-01', 40),
    fact(5, 'V', '2024-03-02', 50),
  ]);
  const slice = (from: string, to: string) =>
    sliceFactTable(table, toDayNumber(from), toDayNumber(to));

  it.each([
    ['2024-02-01', '2024-02-29', [2, 3, 4], 1],
    ['2024-01-31', '2024-01-31', [1], 1],
    ['2024-02-29', '2024-03-01', [4], 1],
    ['2024-01-01', '2024-12-31', [1, 2, 3, 4, 5], 4],
    ['2024-02-02', '2024-02-14', [], 0],
    ['2024-03-02', '2024-01-31', [], 0],
  ])('%s … %s keeps accounts %j (both ends included), %i with cost', (from, to, ids, costed) => {
    const s = slice(from, to);
    // Amounts are account id × 100, so they name the account of each kept row.
    const kept = table.amount.filter((_, k) => {
      const d = fromDayNumber(table.day[k]!);
      return d >= from && d <= to;
    });
    expect(Array.from(s.amount)).toEqual(Array.from(kept));
    expect(s.count).toBe(kept.length);
    expect(Array.from(s.accountIds)).toEqual(ids);
    expect([...s.indexOf]).toEqual(ids.map((id, i) => [id, i]));
    expect(Array.from(s.account, (a) => s.accountIds[a]! * 100)).toEqual(Array.from(kept));
    expect(s.costedRows).toBe(costed);
    expect(s.orderCount).toBe(table.orderCount);
  });

  it('keeps each row’s order index from the whole table', () => {
    const s = slice('2024-02-29', '2024-03-02');
    expect(Array.from(s.order)).toEqual(Array.from(table.order.slice(3)));
    expect(Array.from(s.cost)).toEqual([NaN, 40, 50]);
  });

  it.each([
    [11, 600, 30, 400, '1970-01-15', '1970-06-30'],
    [12, 300, 10, 60, '1969-12-01', '1969-12-31'],
    [13, 800, 80, 900, '1971-01-01', '1975-01-01'],
  ])(
    'seed %i: equals the table built from the facts in the window',
    (seed, rows, accounts, span, from, to) => {
      const facts = generate(seed, rows, accounts, span);
      const s = sliceFactTable(buildFactTable(facts), toDayNumber(from), toDayNumber(to));
      const want = buildFactTable(facts.filter((f) => f.date >= from && f.date <= to));
      expect(s.count).toBe(want.count);
      expect(s.account).toEqual(want.account);
      expect(s.day).toEqual(want.day);
      expect(s.amount).toEqual(want.amount);
      expect(s.cost).toEqual(want.cost);
      expect(s.costedRows).toBe(want.costedRows);
      expect(s.accountIds).toEqual(want.accountIds);
      expect(s.indexOf).toEqual(want.indexOf);
      // Order indexes differ in value (the slice keeps the whole table's) but group alike.
      expect(relabel(s.order)).toEqual(relabel(want.order));
    },
  );
});
