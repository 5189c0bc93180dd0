// Score helpers beside quantile scoring: user thresholds per metric, and the per-score legend
// (value ranges, empty scores, scores merged by ties) the Analysis screen shows.
import { fail, ok, type Result } from './types';

/**
 * User cut values for one metric, strictly ascending; bins = cuts.length + 1.
 * Higher is better: a value ≥ cuts[i] gets at least score i + 2.
 * Lower is better (recency in days): a value ≤ cuts[i] gets at least score bins − i.
 */
export interface Thresholds {
  cuts: number[];
}

/**
 * Scores 1..cuts.length + 1 in input order. A value exactly on a cut goes to the better side in
 * both directions, so "≥ 1,000" and "≤ 30 days" read the way users type them.
 *   higherIsBetter: score = 1 + #{ i : value ≥ cuts[i] }
 *   lower is better: score = 1 + #{ i : value ≤ cuts[i] }
 * E.g. recency cuts [30, 90, 180, 365]: 0..30 days → 5, 31..90 → 4, …, over 365 → 1.
 * NaN matches no cut and scores 1; validate values before scoring.
 */
export function scoreByThresholds(
  values: readonly number[],
  thresholds: Thresholds,
  higherIsBetter = true,
): number[] {
  const { cuts } = thresholds;
  return values.map((v) => {
    let score = 1;
    for (const cut of cuts) if (higherIsBetter ? v >= cut : v <= cut) score += 1;
    return score;
  });
}

export type ThresholdError = 'wrong_count' | 'not_ascending' | 'not_finite';

/**
 * Checks user cuts for `bins` scores: exactly bins − 1 finite, strictly ascending numbers
 * (equal cuts would make a score unreachable). Checked in that order. Returns a copy.
 */
export function validateThresholds(
  cuts: readonly number[],
  bins: number,
): Result<number[], ThresholdError> {
  if (cuts.length !== bins - 1) return fail('wrong_count');
  if (!cuts.every(Number.isFinite)) return fail('not_finite');
  if (cuts.some((c, i) => i > 0 && c <= cuts[i - 1]!)) return fail('not_ascending');
  return ok([...cuts]);
}

export interface BinDescription {
  score: number;
  /** Smallest / largest value with this score; null when the score is empty. */
  min: number | null;
  max: number | null;
  count: number;
  /** For an empty score: the score that took the accounts ties pushed out of it, else null. */
  mergedInto: number | null;
}

export type ScoringMethod = 'quantile' | 'thresholds';

interface ScoreRange {
  min: number;
  max: number;
  count: number;
}

/** Score → range over paired entries; scores outside 1..bins or non-integer are ignored. */
function rangesByScore(
  values: readonly number[],
  scores: readonly number[],
  bins: number,
): Map<number, ScoreRange> {
  const byScore = new Map<number, ScoreRange>();
  const n = Math.min(values.length, scores.length);
  for (let i = 0; i < n; i++) {
    const [v, s] = [values[i]!, scores[i]!];
    if (!Number.isInteger(s) || s < 1 || s > bins) continue;
    const row = byScore.get(s);
    if (!row) byScore.set(s, { min: v, max: v, count: 1 });
    else {
      row.min = Math.min(row.min, v);
      row.max = Math.max(row.max, v);
      row.count += 1;
    }
  }
  return byScore;
}

/**
 * Finds where each empty score's accounts went under midrank quantile scoring.
 *
 * Without ties, the account at rank k (1-based, ascending) would get
 * ceil((2k − 1) · bins / 2n) — the midrank rule with one equal value. An empty score s therefore
 * "should" have held the ranks whose tie-free score is s; whatever score those ranks actually
 * got is where s merged. Sorting the actual scores gives the ranks without needing the values'
 * direction (recency is scored on −days), because quantile scores are monotone in the value.
 *
 * Why not simply "the nearest lower non-empty score": a large tie can be pushed up as well as
 * down. Values [1, 2×9] score [1, 3×9]; score 2's tie-free ranks (3, 4) hold 2s, which went to
 * 3, not to 1. When an empty score's ranks split between two scores (its ranks straddle two tie
 * groups), the score holding more of them wins and an even split goes to the lower one.
 * An empty score with no tie-free ranks at all (fewer accounts than bins) is just empty: null.
 */
function mergeTargets(scores: readonly number[], bins: number): Map<number, number> {
  const sorted = Float64Array.from(scores).sort();
  const n = sorted.length;
  // tie-free score → (actual score → how many of its ranks went there)
  const landed = new Map<number, Map<number, number>>();
  for (let k = 1; k <= n; k++) {
    const tieFree = Math.min(bins, Math.max(1, Math.ceil(((2 * k - 1) * bins) / (2 * n))));
    const actual = sorted[k - 1]!;
    const counts = landed.get(tieFree) ?? new Map<number, number>();
    counts.set(actual, (counts.get(actual) ?? 0) + 1);
    landed.set(tieFree, counts);
  }
  const targets = new Map<number, number>();
  for (const [tieFree, counts] of landed) {
    let best: [score: number, count: number] | undefined;
    for (const [score, count] of counts) {
      if (!best || count > best[1] || (count === best[1] && score < best[0])) best = [score, count];
    }
    targets.set(tieFree, best![0]);
  }
  return targets;
}

/**
 * One row per score 1..bins, empty scores included, for the score legend. `values` and `scores`
 * are paired by index (give recency as days with its scores; direction does not matter).
 * mergedInto is only meaningful for quantile scoring; with user thresholds an empty score is
 * simply a range nobody falls in, so it stays null. Bins that are not a positive integer → [].
 */
export function describeBins(
  values: readonly number[],
  scores: readonly number[],
  bins: number,
  method: ScoringMethod = 'quantile',
): BinDescription[] {
  if (!Number.isInteger(bins) || bins < 1) return [];
  const ranges = rangesByScore(values, scores, bins);
  const paired = [...ranges.entries()].flatMap(([score, row]) =>
    Array<number>(row.count).fill(score),
  );
  const targets = method === 'quantile' ? mergeTargets(paired, bins) : new Map<number, number>();
  const rows: BinDescription[] = [];
  for (let score = 1; score <= bins; score++) {
    const row = ranges.get(score);
    rows.push(
      row
        ? { score, min: row.min, max: row.max, count: row.count, mergedInto: null }
        : { score, min: null, max: null, count: 0, mergedInto: targets.get(score) ?? null },
    );
  }
  return rows;
}

/**
 * Value range of every score that occurs, ascending by score: the visible cut points.
 * from ≤ to always (for recency given in days, the best score has the smallest range).
 */
export function quantileCutValues(
  values: readonly number[],
  scores: readonly number[],
): { score: number; from: number; to: number }[] {
  return [...rangesByScore(values, scores, Infinity).entries()]
    .sort(([a], [b]) => a - b)
    .map(([score, row]) => ({ score, from: row.min, to: row.max }));
}
