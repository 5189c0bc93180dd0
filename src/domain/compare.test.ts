import { describe, expect, it } from 'vitest';
import { compareYearOverYear, snapshot } from './compare';
import type { OrderFact } from './types';

const order = (accountId: number, date: string, amountMinor: number, orderNo = ''): OrderFact => ({
  accountId,
  orderNo,
  date,
  amountMinor,
});

// Previous year (2024-07-01 … 2025-06-30): account 1 dominates. This year: account 2 does,
// account 1 buys a little, account 3 is new, account 4 stopped buying.
const facts: OrderFact[] = [
  order(1, '2024-08-01', 90_000),
  order(2, '2024-09-01', 5_000),
  order(4, '2024-10-01', 5_000),
  order(1, '2025-08-01', 5_000),
  order(2, '2025-09-01', 80_000),
  order(3, '2026-06-01', 15_000),
];

describe('compareYearOverYear', () => {
  const result = compareYearOverYear(facts, '2026-06-30');

  it('compares the twelve months to the as-of date with the twelve before', () => {
    expect(result.current.period).toEqual({ start: '2025-07-01', end: '2026-06-30' });
    expect(result.previous.period).toEqual({ start: '2024-07-01', end: '2025-06-30' });
  });

  it('lists who entered and who left class A', () => {
    // Previous: total 100,000; account 1 (90%) is A, account 2 and 4 come after 90% → not A.
    expect([...result.previous.classA]).toEqual([1]);
    // Current: total 100,000; account 2 (80%) is A, account 3 starts at 80% → not A.
    expect([...result.current.classA]).toEqual([2]);
    expect(result.enteredA).toEqual([2]);
    expect(result.leftA).toEqual([1]);
  });

  it('counts every account in the migration, including those in only one period', () => {
    const total = result.migration.reduce((n, m) => n + m.count, 0);
    expect(total).toBe(4);
    expect(result.migration.find((m) => m.from === 'none')?.count).toBe(1);
    expect(result.migration.filter((m) => m.to === 'none').map((m) => m.count)).toEqual([1]);
  });
});

describe('snapshot', () => {
  it('scores only the period and measures recency to its last day', () => {
    const snap = snapshot(facts, { start: '2025-07-01', end: '2026-06-30' });
    expect([...snap.segmentById.keys()].sort()).toEqual([1, 2, 3]);
  });

  it('is empty for a period without orders', () => {
    const snap = snapshot(facts, { start: '2020-01-01', end: '2020-12-31' });
    expect(snap.segmentById.size).toBe(0);
    expect(snap.classA.size).toBe(0);
  });
});
