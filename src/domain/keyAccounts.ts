// Key-account identification (seeds 002, 003): KAs are found in the data and re-found every
// period. Each account gets a score from its ABC class, RFM segment and growth; the top few
// become suggested targets (a firm should develop 5–8 target KAs first). The user's own KA flag
// is shown beside the suggestion, never mixed into it.
import type { AbcClass, SegmentId } from './types';

export interface CandidateInput {
  accountId: number;
  abc: AbcClass | null;
  segment: SegmentId | null;
  /** Revenue growth over the previous period; null when it has no meaning (see periods.ts). */
  growth: number | null;
  manualKeyAccount: boolean;
}

export type CandidateReasonKind = 'abc_a' | 'abc_b' | 'segment' | 'growth' | 'manual';

export interface CandidateReason {
  kind: CandidateReasonKind;
  /** For 'segment': the segment id. */
  detail?: string;
}

export type CandidateWeightKey = 'abcA' | 'abcB' | 'champions' | 'loyal' | 'cantLose' | 'growth';
export type CandidateWeights = Record<CandidateWeightKey, number>;

export const DEFAULT_CANDIDATE_WEIGHTS: Readonly<CandidateWeights> = {
  abcA: 3,
  abcB: 1,
  champions: 2,
  loyal: 1,
  // A big customer slipping away is worth saving: as much as a champion.
  cantLose: 2,
  growth: 1,
};

export const DEFAULT_GROWTH_THRESHOLD = 0.2;

export interface ScoreOptions {
  weights?: Partial<CandidateWeights>;
  /** Growth at or above this counts (0.2 = +20%). */
  growthThreshold?: number;
}

export interface Candidate {
  accountId: number;
  score: number;
  reasons: CandidateReason[];
}

const SEGMENT_WEIGHT: Partial<Record<SegmentId, CandidateWeightKey>> = {
  champions: 'champions',
  loyal: 'loyal',
  cant_lose: 'cantLose',
};

const byScore = (a: Candidate, b: Candidate): number =>
  b.score - a.score || a.accountId - b.accountId;

/**
 * Scores every row; sorted by score desc, then accountId asc so ties never depend on input
 * order. A criterion is a reason only when its weight is non-zero: a switched-off criterion
 * explains nothing. The manual flag is always a reason and never adds to the score.
 * Throws RangeError for a negative or non-finite weight or threshold (settings are checked
 * before they get here).
 */
export function scoreCandidates(
  rows: readonly CandidateInput[],
  options: ScoreOptions = {},
): Candidate[] {
  const weights: CandidateWeights = { ...DEFAULT_CANDIDATE_WEIGHTS };
  // Only the weights given replace defaults; `{ abcA: undefined }` keeps the default.
  for (const [key, w] of Object.entries(options.weights ?? {})) {
    if (w !== undefined) weights[key as CandidateWeightKey] = w;
  }
  for (const [key, w] of Object.entries(weights)) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weight ${key} must be ≥ 0: ${w}`);
  }
  const threshold = options.growthThreshold ?? DEFAULT_GROWTH_THRESHOLD;
  if (!Number.isFinite(threshold)) throw new RangeError(`growth threshold: ${threshold}`);

  return rows
    .map((row) => {
      let score = 0;
      const reasons: CandidateReason[] = [];
      const add = (weight: number, reason: CandidateReason): void => {
        if (weight === 0) return;
        score += weight;
        reasons.push(reason);
      };
      if (row.abc === 'A') add(weights.abcA, { kind: 'abc_a' });
      else if (row.abc === 'B') add(weights.abcB, { kind: 'abc_b' });
      const segmentKey = row.segment === null ? undefined : SEGMENT_WEIGHT[row.segment];
      if (segmentKey) add(weights[segmentKey], { kind: 'segment', detail: row.segment! });
      if (row.growth !== null && row.growth >= threshold) add(weights.growth, { kind: 'growth' });
      if (row.manualKeyAccount) reasons.push({ kind: 'manual' });
      return { accountId: row.accountId, score, reasons };
    })
    .sort(byScore);
}

/** Suggested target KAs per the seeds: 5–8. */
export const DEFAULT_TARGET_COUNT = 6;

/**
 * Ids of the top `count` candidates by score (ties: lower accountId first), leaving out every
 * account with score 0 — a manual flag alone does not make a suggestion. Sorts its own copy, so
 * candidates in any order give the same answer. Throws RangeError for a count that is not a
 * whole number ≥ 0.
 */
export function suggestTargets(
  candidates: readonly Candidate[],
  count: number = DEFAULT_TARGET_COUNT,
): number[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0: ${count}`);
  }
  return candidates
    .filter((c) => c.score > 0)
    .sort(byScore)
    .slice(0, count)
    .map((c) => c.accountId);
}
