import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './date';
import { mulberry32 } from './demo';
import { computeAnalysis, engineObjects } from './engine';
import { buildFactTable } from './factTable';
import { computePareto } from './pareto';
import { aggregateActivity, computeRfm, rfHeatmap } from './rfm';
import type { OrderFact } from './types';

/** Orders with the awkward cases on purpose: ties, returns, zero lines, no order numbers. */
function generate(seed: number, rows: number, accounts: number): OrderFact[] {
  const rand = mulberry32(seed);
  const start = toDayNumber('2023-01-01');
  const facts: OrderFact[] = [];
  for (let i = 0; i < rows; i++) {
    const accountId = 100 + Math.floor(rand() * rand() * accounts) * 7;
    const kind = rand();
    // Coarse amounts make equal revenues (ties) common; some lines are returns or zero.
    const amountMinor =
      kind < 0.08
        ? -Math.floor(rand() * 50) * 1000
        : kind < 0.1
          ? 0
          : Math.floor(rand() * 20) * 1000;
    facts.push({
      accountId,
      orderNo:
        rand() < 0.1 ? '' : `SO-${Math.floor(rand() * rows * 0.4)}${rand() < 0.05 ? ' ' : ''}`,
      date: fromDayNumber(start + Math.floor(rand() * 700)),
      amountMinor,
    });
  }
  return facts;
}

function reference(facts: OrderFact[], bins: number, asOf?: string) {
  const activities = aggregateActivity(facts);
  const latest = activities.reduce((d, a) => (a.lastOrderDate > d ? a.lastOrderDate : d), '');
  const rfm = computeRfm(activities, asOf ?? latest, { bins });
  const pareto = computePareto(
    activities.map((a) => ({ accountId: a.accountId, valueMinor: a.revenueMinor })),
  );
  return { activities, rfm, pareto, heatmap: rfHeatmap(rfm, bins) };
}

describe('computeAnalysis agrees with the reference functions', () => {
  it.each([
    [1, 2000, 60, 5],
    [2, 5000, 400, 5],
    [3, 3000, 150, 4],
    [4, 3000, 150, 3],
    [5, 40, 3, 5],
    [6, 1, 1, 5],
  ])('seed %i: %i rows over ≤ %i accounts, %i bins', (seed, rows, accounts, bins) => {
    const facts = generate(seed, rows, accounts);
    const table = buildFactTable(facts);
    const got = engineObjects(table, computeAnalysis(table, { bins }));
    const want = reference(facts, bins);
    expect(got.activities).toEqual(want.activities);
    expect(got.rfm).toEqual(want.rfm);
    expect(got.pareto).toEqual(want.pareto);
    expect(got.heatmap).toEqual(want.heatmap);
  });

  it('measures recency to a given as-of day, clamping later orders to 0 days', () => {
    const facts = generate(7, 1500, 80);
    const asOf = '2023-09-30';
    const table = buildFactTable(facts);
    const got = engineObjects(table, computeAnalysis(table, { asOfDay: toDayNumber(asOf) }));
    expect(got.rfm).toEqual(reference(facts, 5, asOf).rfm);
  });

  it('handles an account whose returns net below zero and an all-returns account', () => {
    const facts: OrderFact[] = [
      { accountId: 1, orderNo: 'A', date: '2024-01-10', amountMinor: 5000 },
      { accountId: 1, orderNo: 'R', date: '2024-02-10', amountMinor: -8000 },
      { accountId: 2, orderNo: 'R2', date: '2024-03-01', amountMinor: -100 },
      { accountId: 3, orderNo: '', date: '2024-03-05', amountMinor: 100 },
      { accountId: 3, orderNo: '', date: '2024-03-06', amountMinor: 100 },
    ];
    const table = buildFactTable(facts);
    const got = engineObjects(table, computeAnalysis(table));
    expect(got.activities).toEqual([
      {
        accountId: 1,
        firstOrderDate: '2024-01-10',
        lastOrderDate: '2024-01-10',
        orderCount: 1,
        revenueMinor: -3000,
      },
      {
        accountId: 2,
        firstOrderDate: '2024-03-01',
        lastOrderDate: '2024-03-01',
        orderCount: 0,
        revenueMinor: -100,
      },
      {
        accountId: 3,
        firstOrderDate: '2024-03-05',
        lastOrderDate: '2024-03-06',
        orderCount: 2,
        revenueMinor: 200,
      },
    ]);
    // Only account 3 has positive revenue: it is the whole total and class A; the others are C.
    expect(got.pareto.entries.map((e) => [e.accountId, e.abc, e.rank])).toEqual([
      [3, 'A', 1],
      [2, 'C', 2],
      [1, 'C', 3],
    ]);
    expect(got).toEqual(reference(facts, 5));
  });

  it('gives an empty result for no orders', () => {
    const table = buildFactTable([]);
    const res = computeAnalysis(table);
    expect(res.accounts).toBe(0);
    expect(res.asOfDay).toBeNull();
    expect(engineObjects(table, res).pareto).toEqual(computePareto([]));
  });
});
