import { describe, expect, it } from 'vitest';
import {
  describeBins,
  quantileCutValues,
  scoreByThresholds,
  validateThresholds,
  type BinDescription,
} from './scoring';

describe('scoreByThresholds', () => {
  it.each([
    // Higher is better: score = 1 + number of cuts ≤ value; a value on a cut goes up.
    [
      'higher, 5 bins',
      [10, 20, 30, 40],
      true,
      [-5, 0, 9.99, 10, 15, 20, 39, 40, 1000],
      [1, 1, 1, 2, 2, 3, 4, 5, 5],
    ],
    ['higher, 3 bins', [5, 10], true, [4, 5, 9, 10, 11], [1, 2, 2, 3, 3]],
    ['higher, negative cuts', [-10, 0], true, [-11, -10, -1, 0], [1, 2, 2, 3]],
    // Lower is better (recency days): score = 1 + number of cuts ≥ value; on a cut goes up.
    [
      'lower, 5 bins',
      [30, 90, 180, 365],
      false,
      [0, 30, 31, 90, 91, 180, 365, 366, 1000],
      [5, 5, 4, 4, 3, 3, 2, 1, 1],
    ],
    ['lower, 4 bins', [7, 30, 90], false, [7, 8, 30, 31, 90, 91], [4, 3, 3, 2, 2, 1]],
    ['no cuts → one bin', [], true, [1, 2, 3], [1, 1, 1]],
    ['no values', [10], false, [], []],
    ['infinities', [0, 1], true, [-Infinity, Infinity], [1, 3]],
  ])('%s', (_label, cuts, higherIsBetter, values, expected) => {
    expect(scoreByThresholds(values, { cuts }, higherIsBetter)).toEqual(expected);
  });

  it('defaults to higher is better', () => {
    expect(scoreByThresholds([0, 50, 100], { cuts: [50, 100] })).toEqual([1, 2, 3]);
  });
});

describe('validateThresholds', () => {
  it.each([
    [[10, 20, 30, 40], 5],
    [[30, 90], 3],
    [[-1, 0, 0.5], 4],
    [[], 1],
  ])('accepts %j for %i bins', (cuts, bins) => {
    expect(validateThresholds(cuts, bins)).toEqual({ ok: true, value: cuts });
  });

  it.each([
    [[10, 20, 30], 5, 'wrong_count'],
    [[10, 20, 30, 40, 50], 5, 'wrong_count'],
    [[], 3, 'wrong_count'],
    [[1, 2], 3.5, 'wrong_count'],
    [[10, Number.NaN], 3, 'not_finite'],
    [[10, Infinity], 3, 'not_finite'],
    // Finiteness is checked before order.
    [[Number.NaN, 5, 1], 4, 'not_finite'],
    [[20, 10], 3, 'not_ascending'],
    [[10, 10], 3, 'not_ascending'],
    [[1, 3, 2, 4], 5, 'not_ascending'],
  ] as const)('rejects %j for %s bins: %s', (cuts, bins, reason) => {
    expect(validateThresholds(cuts, bins)).toEqual({ ok: false, reason });
  });

  it('returns a copy', () => {
    const cuts = [1, 2];
    const result = validateThresholds(cuts, 3);
    expect(result.ok && result.value !== cuts).toBe(true);
  });
});

const filled = (score: number, min: number, max: number, count: number): BinDescription => ({
  score,
  min,
  max,
  count,
  mergedInto: null,
});
const empty = (score: number, mergedInto: number | null): BinDescription => ({
  score,
  min: null,
  max: null,
  count: 0,
  mergedInto,
});

describe('describeBins (quantile)', () => {
  // Scores below are the midrank rule worked by hand: ceil((2·less + equal) · bins / 2n).
  // Tie-free rank k would get ceil((2k − 1) · bins / 2n); an empty score merged into whatever
  // score its tie-free ranks actually got.
  it.each([
    [
      // 1s: (0 + 8)·5/20 = 2 → 2; 2: (16 + 1)·5/20 = 4.25 → 5; 3: (18 + 1)·5/20 = 4.75 → 5.
      // Tie-free ceil((2k − 1)/4) for k = 1..10: 1 1 2 2 3 3 4 4 5 5. Ranks 1–8 are the 1s
      // (score 2), so scores 1, 3 and 4 all went to 2 — score 1 upwards, 3 and 4 downwards.
      'eight tied lows [1×8, 2, 3]',
      [1, 1, 1, 1, 1, 1, 1, 1, 2, 3],
      [2, 2, 2, 2, 2, 2, 2, 2, 5, 5],
      5,
      [empty(1, 2), filled(2, 1, 1, 8), empty(3, 2), empty(4, 2), filled(5, 2, 3, 2)],
    ],
    [
      // 1: (0 + 1)·5/20 = 0.25 → 1; 2s: (2 + 9)·5/20 = 2.75 → 3. Score 2's tie-free ranks 3, 4
      // hold 2s, which went up to 3 — the nearest lower score (1) would be wrong here.
      'nine tied highs [1, 2×9]',
      [1, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      [1, 3, 3, 3, 3, 3, 3, 3, 3, 3],
      5,
      [filled(1, 1, 1, 1), empty(2, 3), filled(3, 2, 2, 9), empty(4, 3), empty(5, 3)],
    ],
    [
      // 1s: (0 + 4)·5/16 = 1.25 → 2; 2s: (8 + 4)·5/16 = 3.75 → 4. Tie-free for k = 1..8:
      // 1 1 2 3 3 4 5 5. Score 3 = ranks 4 (a 1 → 2) and 5 (a 2 → 4): even split → lower, 2.
      'two tie groups, split [1×4, 2×4]',
      [1, 1, 1, 1, 2, 2, 2, 2],
      [2, 2, 2, 2, 4, 4, 4, 4],
      5,
      [empty(1, 2), filled(2, 1, 1, 4), empty(3, 2), filled(4, 2, 2, 4), empty(5, 4)],
    ],
    [
      // All (0 + 4)·5/8 = 2.5 → 3. Tie-free k = 1..4: 1 2 4 5, all of them now at 3.
      'all equal',
      [7, 7, 7, 7],
      [3, 3, 3, 3],
      5,
      [empty(1, 3), empty(2, 3), filled(3, 7, 7, 4), empty(4, 3), empty(5, 3)],
    ],
    [
      // (0 + 1)·5/2 = 2.5 → 3. Tie-free k = 1 is 3 as well: the others are empty for want of
      // accounts, not because of ties.
      'one value',
      [42],
      [3],
      5,
      [empty(1, null), empty(2, null), filled(3, 42, 42, 1), empty(4, null), empty(5, null)],
    ],
    [
      // 10: (0 + 1)·5/4 = 1.25 → 2; 20: (2 + 1)·5/4 = 3.75 → 4. No ties, tie-free ranks 2, 4.
      'two distinct values',
      [20, 10],
      [4, 2],
      5,
      [empty(1, null), filled(2, 10, 10, 1), empty(3, null), filled(4, 20, 20, 1), empty(5, null)],
    ],
    [
      // 3 bins. 5s: (0 + 3)·3/8 = 1.125 → 2; 9: (6 + 1)·3/8 = 2.625 → 3.
      // Tie-free ceil((2k − 1)·3/8) for k = 1..4: 1 2 2 3; rank 1 is a 5 → score 2.
      '3 bins [5×3, 9]',
      [5, 9, 5, 5],
      [2, 3, 2, 2],
      3,
      [empty(1, 2), filled(2, 5, 5, 3), filled(3, 9, 9, 1)],
    ],
    [
      // 3 bins, 6 distinct: (2i + 1)·3/12 = 0.25 … 2.75 → 1 1 2 2 3 3, nothing empty.
      '3 bins, no ties',
      [1, 2, 3, 4, 5, 6],
      [1, 1, 2, 2, 3, 3],
      3,
      [filled(1, 1, 2, 2), filled(2, 3, 4, 2), filled(3, 5, 6, 2)],
    ],
    [
      // Recency: scored on −days. −10s: (0 + 3)·5/8 = 1.875 → 2; 0: (6 + 1)·5/8 = 4.375 → 5.
      // Tie-free k = 1..4: 1 2 4 5; sorted scores 2 2 2 5 → 1 and 4 went to 2; 3 has no rank.
      'recency days, reversed direction',
      [0, 10, 10, 10],
      [5, 2, 2, 2],
      5,
      [empty(1, 2), filled(2, 10, 10, 3), empty(3, null), empty(4, 2), filled(5, 0, 0, 1)],
    ],
    ['no values', [], [], 3, [empty(1, null), empty(2, null), empty(3, null)]],
  ])('%s', (_label, values, scores, bins, expected) => {
    expect(describeBins(values, scores, bins)).toEqual(expected);
  });

  it('ignores scores outside 1..bins and unpaired entries', () => {
    expect(describeBins([1, 2, 3, 4], [1, 9, 3], 3)).toEqual([
      filled(1, 1, 1, 1),
      // n = 2 valid pairs: tie-free ranks 1, 2 → ceil(3/4) = 1, ceil(9/4) = 3: score 2 has none.
      empty(2, null),
      filled(3, 3, 3, 1),
    ]);
  });

  it.each([0, -3, 2.5])('returns [] for bins %s', (bins) => {
    expect(describeBins([1], [1], bins)).toEqual([]);
  });
});

describe('describeBins (thresholds)', () => {
  it('never reports merges: an empty threshold bin is just an empty range', () => {
    // cuts [10, 20, 30, 40] on [1, 1, 45]: scores 1, 1, 5.
    expect(describeBins([1, 1, 45], [1, 1, 5], 5, 'thresholds')).toEqual([
      filled(1, 1, 1, 2),
      empty(2, null),
      empty(3, null),
      empty(4, null),
      filled(5, 45, 45, 1),
    ]);
  });
});

describe('quantileCutValues', () => {
  it.each([
    [
      'eight tied lows',
      [1, 1, 1, 1, 1, 1, 1, 1, 2, 3],
      [2, 2, 2, 2, 2, 2, 2, 2, 5, 5],
      [
        { score: 2, from: 1, to: 1 },
        { score: 5, from: 2, to: 3 },
      ],
    ],
    [
      // Sorted 10..60: (2i + 1)·5/12 = 0.42, 1.25, 2.08, 2.92, 3.75, 4.58 → 1 2 3 3 4 5.
      'unsorted input',
      [50, 10, 40, 20, 30, 60],
      [4, 1, 3, 2, 3, 5],
      [
        { score: 1, from: 10, to: 10 },
        { score: 2, from: 20, to: 20 },
        { score: 3, from: 30, to: 40 },
        { score: 4, from: 50, to: 50 },
        { score: 5, from: 60, to: 60 },
      ],
    ],
    [
      'recency days (best score has the smallest days)',
      [0, 10, 10, 10],
      [5, 2, 2, 2],
      [
        { score: 2, from: 10, to: 10 },
        { score: 5, from: 0, to: 0 },
      ],
    ],
    ['empty', [], [], []],
  ])('%s', (_label, values, scores, expected) => {
    expect(quantileCutValues(values, scores)).toEqual(expected);
  });
});
