// Lorenz curve of revenue concentration: the picture behind the 80/20 rule (seeds 000) and the
// Gini coefficient, drawn with the smallest accounts first as is customary.

export interface LorenzPoint {
  /** Share of accounts, 0..1. */
  x: number;
  /** Cumulative share of the positive total held by those accounts, 0..1. */
  y: number;
}

/**
 * n + 1 points from (0,0) to (1,1), accounts ascending by value. Negative values count as 0, as
 * in computePareto: a net-negative account holds no share. With no positive total every account
 * holds the same (nothing), so the curve is the diagonal; with no accounts it is (0,0)–(1,1).
 */
export function lorenzCurve(values: readonly number[]): LorenzPoint[] {
  const n = values.length;
  if (n === 0) {
    return [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
  }
  // Typed-array sort is numeric without a comparator.
  const sorted = Float64Array.from(values, (v) => Math.max(0, v)).sort();
  const total = sorted.reduce((sum, v) => sum + v, 0);
  const points: LorenzPoint[] = [{ x: 0, y: 0 }];
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    cumulative += sorted[i]!;
    const x = (i + 1) / n;
    // The running sum repeats the total's additions in the same order, so the last y is exactly 1.
    points.push({ x, y: total > 0 ? cumulative / total : x });
  }
  return points;
}

/**
 * Gini coefficient as 1 − 2 × the area under the Lorenz curve (trapezoids). For these step
 * points it equals pareto.ts `giniCoefficient`; computing it from the curve keeps the number the
 * screen prints tied to the curve it draws. 0 = equal, (n−1)/n = one account holds everything.
 */
export function gini(values: readonly number[]): number {
  const points = lorenzCurve(values);
  let twiceArea = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    twiceArea += (b.x - a.x) * (a.y + b.y);
  }
  // Clamp: equal values can come out as −1e-16 through rounding.
  return Math.max(0, 1 - twiceArea);
}
