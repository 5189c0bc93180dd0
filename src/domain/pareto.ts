// Pareto (80/20) ranking and ABC classes: which few accounts carry most of the revenue (seeds 000).
import { sumMinor } from './money';
import type { AbcClass, MinorUnits, ParetoEntry, ParetoResult } from './types';

export interface ParetoItem {
  accountId: number;
  valueMinor: MinorUnits;
}

export interface ParetoCutoffs {
  /** Cumulative share below which an account is A (default 0.8). */
  a: number;
  /** Cumulative share below which an account is B (default 0.95). */
  b: number;
}

export const DEFAULT_PARETO_CUTOFFS: Readonly<ParetoCutoffs> = { a: 0.8, b: 0.95 };

/**
 * Ranks by value (desc, ties by accountId asc) and classes A/B/C by the cumulative share of the
 * positive total held by the accounts ranked BEFORE each one, so the account that crosses the
 * cut-off is still A. Non-positive values are always C with share 0: a net-negative account
 * carries no share of the business. `totalMinor` is that positive total (the share base).
 * Sums stay in integers; shares are divided out only per entry.
 */
export function computePareto(
  items: readonly ParetoItem[],
  cutoffs: ParetoCutoffs = DEFAULT_PARETO_CUTOFFS,
): ParetoResult {
  const sorted = [...items].sort(
    (x, y) => y.valueMinor - x.valueMinor || x.accountId - y.accountId,
  );
  const total = sumMinor(sorted.map((i) => Math.max(0, i.valueMinor)));
  let before = 0;
  let countForA = 0;
  const entries: ParetoEntry[] = sorted.map((item, index) => {
    const positive = item.valueMinor > 0 && total > 0;
    let abc: AbcClass = 'C';
    if (positive) {
      const shareBefore = before / total;
      abc = shareBefore < cutoffs.a ? 'A' : shareBefore < cutoffs.b ? 'B' : 'C';
      before += item.valueMinor;
    }
    if (abc === 'A') countForA += 1;
    return {
      accountId: item.accountId,
      valueMinor: item.valueMinor,
      rank: index + 1,
      share: positive ? item.valueMinor / total : 0,
      cumulativeShare: total > 0 ? before / total : 0,
      abc,
    };
  });
  return {
    entries,
    totalMinor: total,
    countForA,
    shareOfAccountsForA: items.length > 0 ? countForA / items.length : 0,
  };
}

/**
 * Gini coefficient of concentration: 0 when all values are equal, approaching 1 when one
 * account holds everything (max (n−1)/n). Negative values count as 0.
 */
export function giniCoefficient(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values, (v) => Math.max(0, v)).sort();
  let sum = 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    sum += v;
    weighted += (i + 1) * v;
  });
  if (sum === 0) return 0;
  // G = 2·Σ i·x_i / (n·Σ x) − (n + 1) / n, with x ascending and i from 1.
  // Clamp: equal values can come out as −1e-16 through rounding.
  return Math.max(0, (2 * weighted) / (n * sum) - (n + 1) / n);
}
