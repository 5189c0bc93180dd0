import { describe, expect, it } from 'vitest';
import { computePareto, giniCoefficient, type ParetoItem } from './pareto';

const items = (...values: number[]): ParetoItem[] =>
  values.map((valueMinor, i) => ({ accountId: i + 1, valueMinor }));

describe('computePareto', () => {
  it('classes 50/30/10/5/3/2 by the share held before each account', () => {
    // Before: 0, .50, .80, .90, .95, .98 → A, A, B (.80 is not < .80), B, C (.95 not < .95), C.
    const result = computePareto(items(10, 50, 3, 30, 2, 5));
    expect(result.entries.map((e) => [e.accountId, e.rank, e.abc])).toEqual([
      [2, 1, 'A'],
      [4, 2, 'A'],
      [1, 3, 'B'],
      [6, 4, 'B'],
      [3, 5, 'C'],
      [5, 6, 'C'],
    ]);
    expect(result.entries.map((e) => e.share)).toEqual([0.5, 0.3, 0.1, 0.05, 0.03, 0.02]);
    expect(result.entries.map((e) => e.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.95, 0.98, 1]);
    expect(result.totalMinor).toBe(100);
    expect(result.countForA).toBe(2);
    expect(result.shareOfAccountsForA).toBeCloseTo(2 / 6, 12);
  });

  it('makes the account that crosses the cut-off A', () => {
    // Before: 0, .60, .90 → A, A (ends at .90, crossing .80), B (.90 < .95).
    const result = computePareto(items(60, 30, 10));
    expect(result.entries.map((e) => e.abc)).toEqual(['A', 'A', 'B']);
  });

  it('breaks ties by accountId ascending', () => {
    const result = computePareto([
      { accountId: 3, valueMinor: 20 },
      { accountId: 2, valueMinor: 40 },
      { accountId: 1, valueMinor: 40 },
    ]);
    // Before: 0, .40, .80 → A, A, B.
    expect(result.entries.map((e) => [e.accountId, e.rank, e.abc])).toEqual([
      [1, 1, 'A'],
      [2, 2, 'A'],
      [3, 3, 'B'],
    ]);
  });

  it('puts zero and negative values in C with no share', () => {
    const result = computePareto(items(100, 0, -50, 300));
    expect(result.entries).toEqual([
      { accountId: 4, valueMinor: 300, rank: 1, share: 0.75, cumulativeShare: 0.75, abc: 'A' },
      { accountId: 1, valueMinor: 100, rank: 2, share: 0.25, cumulativeShare: 1, abc: 'A' },
      { accountId: 2, valueMinor: 0, rank: 3, share: 0, cumulativeShare: 1, abc: 'C' },
      { accountId: 3, valueMinor: -50, rank: 4, share: 0, cumulativeShare: 1, abc: 'C' },
    ]);
    expect(result.totalMinor).toBe(400);
    expect(result.countForA).toBe(2);
    expect(result.shareOfAccountsForA).toBe(0.5);
  });

  it('handles empty input', () => {
    expect(computePareto([])).toEqual({
      entries: [],
      totalMinor: 0,
      countForA: 0,
      shareOfAccountsForA: 0,
    });
  });

  it('makes everything C when nothing is positive', () => {
    const result = computePareto(items(0, 0, -5));
    expect(result.entries.map((e) => [e.accountId, e.abc, e.share, e.cumulativeShare])).toEqual([
      [1, 'C', 0, 0],
      [2, 'C', 0, 0],
      [3, 'C', 0, 0],
    ]);
    expect(result.countForA).toBe(0);
    expect(result.shareOfAccountsForA).toBe(0);
  });

  it('takes custom cut-offs', () => {
    // Before: 0, .50, .80, .90, .95, .98 with A < .5, B < .9 → A, B, B, C, C, C.
    const result = computePareto(items(50, 30, 10, 5, 3, 2), { a: 0.5, b: 0.9 });
    expect(result.entries.map((e) => e.abc)).toEqual(['A', 'B', 'B', 'C', 'C', 'C']);
    expect(result.countForA).toBe(1);
  });

  it('makes a single positive account A', () => {
    const result = computePareto(items(7));
    expect(result.entries[0]).toMatchObject({ abc: 'A', share: 1, cumulativeShare: 1 });
    expect(result.shareOfAccountsForA).toBe(1);
  });

  it('does not mutate its input', () => {
    const input = items(1, 3, 2);
    computePareto(input);
    expect(input.map((i) => i.valueMinor)).toEqual([1, 3, 2]);
  });
});

describe('giniCoefficient', () => {
  it.each([
    ['equal values', [5, 5, 5, 5], 0],
    ['one holds all of four', [0, 0, 0, 1], 0.75],
    // 2·(1·1 + 2·2 + 3·3 + 4·4) / (4·10) − 5/4 = 60/40 − 1.25.
    ['1, 2, 3, 4', [4, 2, 3, 1], 0.25],
    ['negatives count as 0', [-5, 0, 0, 1], 0.75],
    ['two, one holds all', [0, 10], 0.5],
    ['empty', [], 0],
    ['all zero', [0, 0], 0],
    ['single', [9], 0],
  ])('%s → %d', (_label, values, gini) => {
    expect(giniCoefficient(values)).toBeCloseTo(gini, 12);
  });
});
