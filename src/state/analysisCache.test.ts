import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../domain/analysisSettings';
import type { OrderFact } from '../domain/types';
import { AnalysisCache } from './analysisCache';

const facts: OrderFact[] = [
  { accountId: 1, orderNo: 'A', date: '2025-01-10', amountMinor: 500 },
  { accountId: 2, orderNo: 'B', date: '2025-03-01', amountMinor: 300 },
  { accountId: 1, orderNo: 'C', date: '2025-05-01', amountMinor: 200 },
];
const context = { fiscalYearStartMonth: 1 };

function cache(load: (id: number) => Promise<OrderFact[]>) {
  const loads: number[] = [];
  const c = new AnalysisCache((id) => {
    loads.push(id);
    return load(id);
  });
  return { c, loads };
}

describe('AnalysisCache', () => {
  it('loads the orders once per data version and reuses reports per settings', async () => {
    const { c, loads } = cache(async () => facts);
    const key = { workspaceId: 7, dataVersion: 1 };
    const first = await c.report(key, settingsFrom(undefined), context);
    expect(first.cached).toBe(false);
    expect(first.report.activeAccounts).toBe(2);
    const again = await c.report(key, settingsFrom(undefined), context);
    expect(again.cached).toBe(true);
    expect(again.report).toBe(first.report);
    const threeBins = await c.report(key, settingsFrom({ bins: 3 }), context);
    expect(threeBins.cached).toBe(false);
    expect(threeBins.report.bins).toBe(3);
    expect(loads).toEqual([7]);

    // An import bumps the version: the orders are read again and old reports are gone.
    const next = await c.report({ ...key, dataVersion: 2 }, settingsFrom(undefined), context);
    expect(next.cached).toBe(false);
    expect(loads).toEqual([7, 7]);
  });

  it('tries again after a failed load', async () => {
    let fail = true;
    const { c, loads } = cache(async () => {
      if (fail) throw new Error('quota');
      return facts;
    });
    const key = { workspaceId: 1, dataVersion: 5 };
    await expect(c.report(key, settingsFrom(undefined), context)).rejects.toThrow('quota');
    fail = false;
    expect((await c.report(key, settingsFrom(undefined), context)).report.hasData).toBe(true);
    expect(loads).toEqual([1, 1]);
  });

  it('gives the monthly trend of a selection', async () => {
    const { c } = cache(async () => facts);
    const trend = await c.trend({ workspaceId: 1, dataVersion: 1 }, '2025-12-31', [1]);
    expect(trend.filter((m) => m.revenueMinor !== 0)).toEqual([
      { month: '2025-01', revenueMinor: 500 },
      { month: '2025-05', revenueMinor: 200 },
    ]);
  });
});
