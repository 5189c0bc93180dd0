import { describe, expect, it } from 'vitest';
import { gini, lorenzCurve, type LorenzPoint } from './lorenz';
import { giniCoefficient } from './pareto';

const pts = (...xy: [number, number][]): LorenzPoint[] => xy.map(([x, y]) => ({ x, y }));

describe('lorenzCurve', () => {
  it.each([
    ['no accounts', [], pts([0, 0], [1, 1])],
    ['one account', [5], pts([0, 0], [1, 1])],
    ['one account at zero', [0], pts([0, 0], [1, 1])],
    // Sorted 0, 10, 30 of 40.
    ['unsorted with a zero', [10, 0, 30], pts([0, 0], [1 / 3, 0], [2 / 3, 0.25], [1, 1])],
    // −50 counts as 0: sorted 0, 100, 100 of 200.
    ['a net-negative account', [-50, 100, 100], pts([0, 0], [1 / 3, 0], [2 / 3, 0.5], [1, 1])],
    ['ties', [25, 25, 25, 25], pts([0, 0], [0.25, 0.25], [0.5, 0.5], [0.75, 0.75], [1, 1])],
    ['one holds everything', [0, 100, 0, 0], pts([0, 0], [0.25, 0], [0.5, 0], [0.75, 0], [1, 1])],
    ['all zero → diagonal', [0, 0, 0], pts([0, 0], [1 / 3, 1 / 3], [2 / 3, 2 / 3], [1, 1])],
    ['all negative → diagonal', [-1, -2], pts([0, 0], [0.5, 0.5], [1, 1])],
    [
      // Ascending 2, 3, 5, 10, 30, 50 of 100.
      '50/30/10/5/3/2',
      [10, 50, 3, 30, 2, 5],
      pts([0, 0], [1 / 6, 0.02], [2 / 6, 0.05], [3 / 6, 0.1], [4 / 6, 0.2], [5 / 6, 0.5], [1, 1]),
    ],
  ])('%s', (_label, values, expected) => {
    expect(lorenzCurve(values)).toEqual(expected);
  });

  it('ends exactly at (1,1) with fractional values', () => {
    expect(lorenzCurve([0.1, 0.2, 0.3, 0.7]).at(-1)).toEqual({ x: 1, y: 1 });
  });
});

describe('gini', () => {
  it.each([
    ['no accounts', [], 0],
    ['one account', [5], 0],
    ['ties', [25, 25, 25, 25], 0],
    ['all zero', [0, 0, 0], 0],
    ['all negative', [-1, -2], 0],
    // 1 − (1/3)·(0 + 0.25 + 1.25) = 0.5.
    ['0, 10, 30', [10, 0, 30], 0.5],
    // 1 − (1/3)·(0 + 0.5 + 1.5) = 1/3.
    ['a net-negative account', [-50, 100, 100], 1 / 3],
    // (n − 1) / n.
    ['one of four holds everything', [0, 100, 0, 0], 0.75],
  ])('%s → %s', (_label, values, expected) => {
    expect(gini(values)).toBeCloseTo(expected, 12);
  });

  it.each([
    [[]],
    [[7]],
    [[10, 0, 30]],
    [[-50, 100, 100]],
    [[10, 50, 3, 30, 2, 5]],
    [[1, 1, 1, 1000000]],
    [[0, 0, 0]],
    [[123456789, 42, 7, 7, 7, -3, 0, 99999]],
  ])('agrees with pareto giniCoefficient on %j', (values) => {
    expect(gini(values)).toBeCloseTo(giniCoefficient(values), 12);
  });
});
