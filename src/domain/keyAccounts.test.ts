import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CANDIDATE_WEIGHTS,
  scoreCandidates,
  suggestTargets,
  type Candidate,
  type CandidateInput,
  type ScoreOptions,
} from './keyAccounts';
import type { AbcClass, SegmentId } from './types';

const row = (
  accountId: number,
  abc: AbcClass | null,
  segment: SegmentId | null,
  growth: number | null,
  manualKeyAccount = false,
): CandidateInput => ({ accountId, abc, segment, growth, manualKeyAccount });

const ROWS: CandidateInput[] = [
  row(5, 'C', 'at_risk', 0.19),
  row(1, 'A', 'champions', 0.5),
  row(7, 'B', 'new', 1.0),
  row(2, 'A', 'cant_lose', -0.4, true),
  row(8, 'A', 'lost', null),
  row(3, 'B', 'loyal', 0.2),
  row(6, null, null, null, true),
  row(4, 'C', 'champions', null),
];

// Default weights: A 3, B 1, champions 2, loyal 1, cant_lose 2, growth ≥ 0.2 → 1.
const DEFAULT_SCORES: Candidate[] = [
  {
    accountId: 1,
    score: 6,
    reasons: [{ kind: 'abc_a' }, { kind: 'segment', detail: 'champions' }, { kind: 'growth' }],
  },
  {
    accountId: 2,
    score: 5,
    reasons: [{ kind: 'abc_a' }, { kind: 'segment', detail: 'cant_lose' }, { kind: 'manual' }],
  },
  // Growth exactly at the threshold counts. Ties at 3 and at 2: lower id first.
  {
    accountId: 3,
    score: 3,
    reasons: [{ kind: 'abc_b' }, { kind: 'segment', detail: 'loyal' }, { kind: 'growth' }],
  },
  { accountId: 8, score: 3, reasons: [{ kind: 'abc_a' }] },
  { accountId: 4, score: 2, reasons: [{ kind: 'segment', detail: 'champions' }] },
  { accountId: 7, score: 2, reasons: [{ kind: 'abc_b' }, { kind: 'growth' }] },
  // 0.19 is below the threshold; at_risk carries no weight.
  { accountId: 5, score: 0, reasons: [] },
  // The manual flag is a reason, not points.
  { accountId: 6, score: 0, reasons: [{ kind: 'manual' }] },
];

describe('scoreCandidates', () => {
  it('scores with the default weights', () => {
    expect(scoreCandidates(ROWS)).toEqual(DEFAULT_SCORES);
  });

  it('does not depend on input order', () => {
    expect(scoreCandidates([...ROWS].reverse())).toEqual(DEFAULT_SCORES);
  });

  it.each([
    [
      // growth weight 0 drops the growth reason; cant_lose 5 puts account 2 on top.
      'growth off, cant_lose 5',
      { weights: { growth: 0, cantLose: 5 } },
      [
        [2, 8],
        [1, 5],
        [8, 3],
        [3, 2],
        [4, 2],
        [7, 1],
        [5, 0],
        [6, 0],
      ],
    ],
    [
      // 0.5 (account 1) and 0.2 (account 3) fall below 0.6; 1.0 (account 7) does not.
      'growth threshold 0.6',
      { growthThreshold: 0.6 },
      [
        [1, 5],
        [2, 5],
        [8, 3],
        [3, 2],
        [4, 2],
        [7, 2],
        [5, 0],
        [6, 0],
      ],
    ],
    [
      // A negative threshold lets account 5 (0.19) count; account 2 (−0.4) still does not.
      'growth threshold −0.1',
      { growthThreshold: -0.1 },
      [
        [1, 6],
        [2, 5],
        [3, 3],
        [8, 3],
        [4, 2],
        [7, 2],
        [5, 1],
        [6, 0],
      ],
    ],
    [
      'an undefined weight keeps its default',
      { weights: { abcA: undefined } },
      DEFAULT_SCORES.map((c) => [c.accountId, c.score]),
    ],
  ] as [string, ScoreOptions, [number, number][]][])('%s', (_label, options, expected) => {
    expect(scoreCandidates(ROWS, options).map((c) => [c.accountId, c.score])).toEqual(expected);
  });

  it.each([
    ['champions, A, +20%, manual', row(1, 'A', 'champions', 0.2, true), 6],
    ['the same without the manual flag', row(1, 'A', 'champions', 0.2, false), 6],
    ['B and loyal', row(1, 'B', 'loyal', null), 2],
    ['C, nothing else', row(1, 'C', 'others', 0), 0],
    ['no class, no segment', row(1, null, null, null), 0],
    ['growth −100%', row(1, null, null, -1), 0],
  ])('one account: %s → %i', (_label, input, score) => {
    expect(scoreCandidates([input])).toEqual([
      expect.objectContaining({ accountId: 1, score }) as unknown,
    ]);
  });

  it('returns nothing for no rows', () => {
    expect(scoreCandidates([])).toEqual([]);
  });

  it('defaults follow the brief', () => {
    expect(DEFAULT_CANDIDATE_WEIGHTS).toEqual({
      abcA: 3,
      abcB: 1,
      champions: 2,
      loyal: 1,
      cantLose: 2,
      growth: 1,
    });
  });

  it.each([
    [{ weights: { abcA: -1 } }],
    [{ weights: { growth: Number.NaN } }],
    [{ growthThreshold: Number.POSITIVE_INFINITY }],
  ] as [ScoreOptions][])('refuses %j', (options) => {
    expect(() => scoreCandidates(ROWS, options)).toThrow(RangeError);
  });
});

describe('suggestTargets', () => {
  const candidates = scoreCandidates(ROWS);

  it.each([
    // Scores 6, 5, 3, 3, 2, 2, 0, 0: ties cut by lower id.
    [3, [1, 2, 3]],
    [4, [1, 2, 3, 8]],
    [5, [1, 2, 3, 8, 4]],
    [6, [1, 2, 3, 8, 4, 7]],
    // Only six accounts score above 0, so eight asks for more than there are.
    [8, [1, 2, 3, 8, 4, 7]],
    [0, []],
  ])('top %i', (count, expected) => {
    expect(suggestTargets(candidates, count)).toEqual(expected);
  });

  it('suggests six by default', () => {
    expect(suggestTargets(candidates)).toEqual([1, 2, 3, 8, 4, 7]);
  });

  it('sorts candidates given in any order', () => {
    expect(suggestTargets([...candidates].reverse(), 4)).toEqual([1, 2, 3, 8]);
  });

  it.each([
    ['no candidates', [], []],
    ['only zero scores', [{ accountId: 1, score: 0, reasons: [{ kind: 'manual' }] }], []],
    ['one account', [{ accountId: 9, score: 1, reasons: [{ kind: 'abc_b' }] }], [9]],
  ] as [string, Candidate[], number[]][])('%s', (_label, input, expected) => {
    expect(suggestTargets(input)).toEqual(expected);
  });

  it.each([-1, 2.5, Number.NaN])('refuses count %s', (count) => {
    expect(() => suggestTargets(candidates, count)).toThrow(RangeError);
  });
});
