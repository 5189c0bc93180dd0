// The long-term view of an account (seeds 000, 001): share of wallet, length of relationship and
// a simple historical customer lifetime value. "Judge the relationship over years, not one
// purchase."
import { addDays, addMonths, daysBetween, yearOf } from './date';
import { sumMinor } from './money';
import type { IsoDate, MinorUnits, OrderFact } from './types';

/**
 * Our revenue as a share of what the account spends on the category in total. Null without a
 * usable estimate (missing, ≤ 0). Above 1 is reported as is: it means the estimate is too low,
 * and hiding that would hide a data problem.
 */
export function shareOfWallet(
  revenueMinor: MinorUnits,
  estimatedTotalSpendMinor: MinorUnits | null,
): number | null {
  if (estimatedTotalSpendMinor === null || !Number.isFinite(estimatedTotalSpendMinor)) return null;
  if (estimatedTotalSpendMinor <= 0) return null;
  return revenueMinor / estimatedTotalSpendMinor;
}

/** Days from the first order to asOf; 0 when the first order lies after asOf. */
export function relationshipDays(firstOrderDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(firstOrderDate, asOf));
}

/** Whole years from `first` to `asOf` (the anniversary must have been reached); ≥ 0. */
function fullYears(first: IsoDate, asOf: IsoDate): number {
  const n = yearOf(asOf) - yearOf(first);
  return Math.max(0, addMonths(first, 12 * n) > asOf ? n - 1 : n);
}

// Half away from zero, so a net-negative average rounds like its positive mirror.
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

export interface HistoricalClvOptions {
  /** Look back at most this many years (whole, ≥ 1); all history when absent. */
  years?: number;
}

export interface HistoricalClv {
  averageAnnualRevenueMinor: MinorUnits;
  /** Divisor: full years of relationship, at least 1, at most `options.years`. */
  years: number;
  /** Net revenue (returns included) in the look-back window. */
  totalMinor: MinorUnits;
}

/**
 * Simple historical CLV of ONE account: net revenue per full year of relationship, rounded half
 * away from zero. The relationship starts at the first purchase (amount > 0), or at the first
 * fact when there are only returns. Partial years are not counted, but the divisor is at least 1
 * so a young account is not divided by zero. Facts after asOf are ignored.
 * Throws RangeError when `years` is not a whole number ≥ 1 (a programming error, not user input).
 */
export function historicalClv(
  facts: readonly OrderFact[],
  asOf: IsoDate,
  options: HistoricalClvOptions = {},
): HistoricalClv {
  const { years: lookBack } = options;
  if (lookBack !== undefined && (!Number.isInteger(lookBack) || lookBack < 1)) {
    throw new RangeError(`years must be a whole number ≥ 1: ${lookBack}`);
  }
  const known = facts.filter((f) => f.date <= asOf);
  let firstPurchase: IsoDate | null = null;
  let firstAny: IsoDate | null = null;
  for (const f of known) {
    if (firstAny === null || f.date < firstAny) firstAny = f.date;
    if (f.amountMinor > 0 && (firstPurchase === null || f.date < firstPurchase)) {
      firstPurchase = f.date;
    }
  }
  const first = firstPurchase ?? firstAny;
  const windowStart = lookBack === undefined ? null : addDays(addMonths(asOf, -12 * lookBack), 1);
  const totalMinor = sumMinor(
    known.filter((f) => windowStart === null || f.date >= windowStart).map((f) => f.amountMinor),
  );
  const full = first === null ? 0 : fullYears(first, asOf);
  const years = Math.max(1, lookBack === undefined ? full : Math.min(full, lookBack));
  // `+ 0` turns the −0 that rounding a small negative average (−1 / 3) gives into 0.
  return { averageAnnualRevenueMinor: roundHalfAway(totalMinor / years) + 0, years, totalMinor };
}
