import { describe, expect, it } from 'vitest';
import type { OrderFact } from './types';
import { historicalClv, relationshipDays, shareOfWallet, type HistoricalClv } from './wallet';

const fact = (date: string, amountMinor: number): OrderFact => ({
  accountId: 1,
  orderNo: '',
  date,
  amountMinor,
});

describe('shareOfWallet', () => {
  it.each([
    [500, 1000, 0.5],
    [0, 1000, 0],
    // More than the estimate: reported as is, the estimate is too low.
    [1500, 1000, 1.5],
    // Returns netted below zero.
    [-200, 1000, -0.2],
    [500, null, null],
    [500, 0, null],
    [500, -10, null],
    [500, Number.NaN, null],
    [500, Number.POSITIVE_INFINITY, null],
  ])('%i of %s → %s', (revenue, estimate, expected) => {
    expect(shareOfWallet(revenue, estimate)).toBe(expected);
  });
});

describe('relationshipDays', () => {
  it.each([
    ['2024-01-01', '2024-12-31', 365],
    ['2023-03-01', '2024-03-01', 366],
    ['2024-06-01', '2024-06-01', 0],
    ['2024-06-02', '2024-06-01', 0],
  ])('%s → %s: %i', (first, asOf, expected) => {
    expect(relationshipDays(first, asOf)).toBe(expected);
  });
});

const clv = (
  averageAnnualRevenueMinor: number,
  years: number,
  totalMinor: number,
): HistoricalClv => ({
  averageAnnualRevenueMinor,
  years,
  totalMinor,
});

describe('historicalClv', () => {
  it.each([
    ['no facts', [], '2024-12-31', undefined, clv(0, 1, 0)],
    [
      'under a year counts as one',
      [fact('2024-03-01', 1000), fact('2024-07-01', 2000)],
      '2024-12-31',
      undefined,
      clv(3000, 1, 3000),
    ],
    [
      // 2021-12-31 + 3 years = 2024-12-31, reached on asOf.
      'three full years to the day',
      [fact('2021-12-31', 3000), fact('2023-05-05', 4000), fact('2024-06-01', 2000)],
      '2024-12-31',
      undefined,
      clv(3000, 3, 9000),
    ],
    [
      // 2022-01-01 + 3 years = 2025-01-01, not reached: 2 full years; 7001 / 2 = 3500.5 → 3501.
      'a day short of three years',
      [fact('2022-01-01', 5000), fact('2024-01-01', 2001)],
      '2024-12-31',
      undefined,
      clv(3501, 2, 7001),
    ],
    [
      // 2 full years (2022-06-01 → 2024-06-01); −5 / 2 = −2.5 → −3, half away from zero.
      'net negative rounds away from zero',
      [fact('2022-06-01', 100), fact('2023-01-01', -105)],
      '2024-12-31',
      undefined,
      clv(-3, 2, -5),
    ],
    [
      'returns net the year below zero',
      [fact('2024-01-10', 1000), fact('2024-02-10', -1500)],
      '2024-12-31',
      undefined,
      clv(-500, 1, -500),
    ],
    [
      // 3 full years (2021-01-01 → 2024-01-01); −1 / 3 rounds to 0, not −0.
      'a tiny negative average is 0',
      [fact('2021-01-01', 100), fact('2021-02-01', -101)],
      '2024-12-31',
      undefined,
      clv(0, 3, -1),
    ],
    [
      // Window 2022-01-01 … 2024-12-31; five years of relationship, divided by 3.
      'look back three of five years',
      [
        fact('2019-06-01', 100000),
        fact('2021-12-31', 50000),
        fact('2022-01-01', 3000),
        fact('2023-07-01', 3000),
        fact('2024-12-31', 3000),
      ],
      '2024-12-31',
      3,
      clv(3000, 3, 9000),
    ],
    [
      // The window holds the whole 1.5-year relationship; 1 full year.
      'look back three years of a younger account',
      [fact('2023-06-01', 1000), fact('2024-06-01', 1000)],
      '2024-12-31',
      3,
      clv(2000, 1, 2000),
    ],
    [
      'look back one year',
      [fact('2020-01-01', 9999), fact('2024-05-05', 1234)],
      '2024-12-31',
      1,
      clv(1234, 1, 1234),
    ],
    [
      'facts after asOf are ignored',
      [fact('2024-01-01', 100), fact('2025-01-01', 900)],
      '2024-12-31',
      undefined,
      clv(100, 1, 100),
    ],
    [
      // 2020-02-29 + 4 years = 2024-02-29, one day after asOf: 3 full years.
      'relationship from a leap day',
      [fact('2020-02-29', 600), fact('2023-01-01', 300)],
      '2024-02-28',
      undefined,
      clv(300, 3, 900),
    ],
    [
      // The relationship starts at the first purchase; the earlier return still nets.
      'a return before the first purchase',
      [fact('2022-01-15', -200), fact('2024-03-01', 1200)],
      '2024-12-31',
      undefined,
      clv(1000, 1, 1000),
    ],
    [
      // Returns only: the first fact starts the relationship, 3 full years.
      'returns only',
      [fact('2021-01-01', -300)],
      '2024-12-31',
      undefined,
      clv(-100, 3, -300),
    ],
  ] as [string, OrderFact[], string, number | undefined, HistoricalClv][])(
    '%s',
    (_label, facts, asOf, years, expected) => {
      expect(historicalClv(facts, asOf, years === undefined ? {} : { years })).toEqual(expected);
    },
  );

  it.each([0, -1, 1.5, Number.NaN])('refuses years = %s', (years) => {
    expect(() => historicalClv([], '2024-12-31', { years })).toThrow(RangeError);
  });

  it('works without options', () => {
    expect(historicalClv([fact('2024-01-01', 10)], '2024-12-31')).toEqual(clv(10, 1, 10));
  });
});
