// Annual financial analysis of one account, the first section of the KA plan (seeds 001).
import { fiscalYearOf } from './date';
import { isPurchase, OrderCounter } from './rfm';
import type { MinorUnits, OrderFact } from './types';

export interface AnnualFinancials {
  /** Fiscal year, named by the calendar year it starts in. */
  year: number;
  revenueMinor: MinorUnits;
  prevRevenueMinor: MinorUnits;
  twoYearsAgoRevenueMinor: MinorUnits;
  /** (this − prev) / prev; null when prev ≤ 0, where a ratio would mislead. */
  growth: number | null;
  orderCount: number;
  prevOrderCount: number;
  /** Net revenue / orders, rounded half away from zero; null without orders. */
  averageOrderMinor: MinorUnits | null;
}

const roundHalfAwayFromZero = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/**
 * Revenue and order counts of one account for fiscal `year` and the two before it.
 * Revenue is net of returns; orders are counted as in aggregateActivity (returns excluded).
 */
export function annualFinancials(
  orders: readonly OrderFact[],
  year: number,
  fiscalStartMonth = 1,
): AnnualFinancials {
  // Index 0 = year, 1 = year − 1, 2 = year − 2.
  const revenue = [0, 0, 0];
  const counters = [new OrderCounter(), new OrderCounter(), new OrderCounter()];
  for (const o of orders) {
    const back = year - fiscalYearOf(o.date, fiscalStartMonth);
    if (back < 0 || back > 2) continue;
    const sum = revenue[back]! + o.amountMinor;
    if (!Number.isSafeInteger(sum)) throw new RangeError('revenue sum exceeds 2^53 minor units');
    revenue[back] = sum;
    if (isPurchase(o)) counters[back]!.add(o.orderNo);
  }
  const [rev, prev, twoAgo] = revenue as [number, number, number];
  const orderCount = counters[0]!.count;
  return {
    year,
    revenueMinor: rev,
    prevRevenueMinor: prev,
    twoYearsAgoRevenueMinor: twoAgo,
    growth: prev > 0 ? (rev - prev) / prev : null,
    orderCount,
    prevOrderCount: counters[1]!.count,
    averageOrderMinor: orderCount > 0 ? roundHalfAwayFromZero(rev / orderCount) : null,
  };
}
