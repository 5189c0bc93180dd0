import { describe, expect, it } from 'vitest';
import {
  factsIn,
  fiscalYearPeriod,
  growthByAccount,
  lastTwelveMonths,
  makePeriod,
  previousPeriod,
  segmentMigration,
  setChanges,
  type Period,
} from './periods';
import { addDays } from './date';
import type { OrderFact } from './types';

const fact = (accountId: number, date: string, amountMinor: number, orderNo = ''): OrderFact => ({
  accountId,
  orderNo,
  date,
  amountMinor,
});

const period = (start: string, end: string): Period => ({ start, end });

describe('makePeriod', () => {
  it.each([
    ['2024-01-01', '2024-12-31', { ok: true, value: period('2024-01-01', '2024-12-31') }],
    ['2024-03-01', '2024-03-01', { ok: true, value: period('2024-03-01', '2024-03-01') }],
    ['2024-02-30', '2024-03-01', { ok: false, reason: 'not_a_date' }],
    ['', '2024-03-01', { ok: false, reason: 'not_a_date' }],
    ['2024-03-01', '2024/03/31', { ok: false, reason: 'not_a_date' }],
    ['2024-03-01', '2024-02-29', { ok: false, reason: 'end_before_start' }],
  ])('%s … %s', (start, end, expected) => {
    expect(makePeriod(start, end)).toEqual(expected);
  });
});

describe('lastTwelveMonths', () => {
  it.each([
    ['2024-06-15', '2023-06-16'],
    ['2024-12-31', '2024-01-01'],
    ['2024-03-31', '2023-04-01'],
    // 2023 has no 02-29: 12 months back clamps to 2023-02-28, the window starts the day after.
    ['2024-02-29', '2023-03-01'],
    ['2025-02-28', '2024-02-29'],
    ['2023-03-01', '2022-03-02'],
  ])('%s → starts %s', (asOf, start) => {
    expect(lastTwelveMonths(asOf)).toEqual(period(start, asOf));
  });
});

describe('fiscalYearPeriod', () => {
  it.each([
    [2024, 1, period('2024-01-01', '2024-12-31')],
    [2024, 4, period('2024-04-01', '2025-03-31')],
    [2023, 3, period('2023-03-01', '2024-02-29')],
    [2024, 12, period('2024-12-01', '2025-11-30')],
  ])('FY%i starting month %i', (year, startMonth, expected) => {
    expect(fiscalYearPeriod(year, startMonth)).toEqual(expected);
  });

  it('refuses a start month outside 1..12', () => {
    expect(() => fiscalYearPeriod(2024, 13)).toThrow(RangeError);
  });
});

describe('previousPeriod', () => {
  it.each([
    // Whole months step back by months.
    [
      'calendar year 2024 (366 days)',
      period('2024-01-01', '2024-12-31'),
      '2023-01-01',
      '2023-12-31',
    ],
    ['fiscal year from March', period('2023-03-01', '2024-02-29'), '2022-03-01', '2023-02-28'],
    ['trailing twelve months', period('2023-06-16', '2024-06-15'), '2022-06-16', '2023-06-15'],
    ['March', period('2024-03-01', '2024-03-31'), '2024-02-01', '2024-02-29'],
    ['a quarter', period('2024-03-01', '2024-05-31'), '2023-12-01', '2024-02-29'],
    ['one month, mid-month', period('2024-03-02', '2024-04-01'), '2024-02-02', '2024-03-01'],
    // Counted from the end: 2024-02-29 + 12 months − 1 day is 02-27, but 2025-02-28 − 12 months
    // + 1 day is 02-29. Stepping back by 366 days would wrongly start on 2023-02-28.
    ['twelve months to 2025-02-28', period('2024-02-29', '2025-02-28'), '2023-03-01', '2024-02-28'],
    ['twelve months to 2024-02-28', period('2023-03-01', '2024-02-28'), '2022-03-01', '2023-02-28'],
    ['three months to 05-30', period('2024-03-01', '2024-05-30'), '2023-11-30', '2024-02-29'],
    // Anything else steps back by its length in days.
    ['a week', period('2024-03-10', '2024-03-16'), '2024-03-03', '2024-03-09'],
    ['one day', period('2024-03-01', '2024-03-01'), '2024-02-29', '2024-02-29'],
    // The month to 04-30 (counted from the end) → the month to 03-30.
    ['03-31 … 04-30', period('2024-03-31', '2024-04-30'), '2024-03-01', '2024-03-30'],
    // Neither reading gives whole months: 40 days back.
    ['40 days', period('2024-03-05', '2024-04-13'), '2024-01-25', '2024-03-04'],
  ])('%s', (_label, p, start, end) => {
    expect(previousPeriod(p)).toEqual(period(start, end));
  });

  it('steps trailing twelve months back to the trailing twelve months of the eve', () => {
    const exceptions: string[] = [];
    for (let asOf = '2023-01-01'; asOf <= '2026-12-31'; asOf = addDays(asOf, 1)) {
      const current = lastTwelveMonths(asOf);
      const previous = previousPeriod(current);
      expect(previous.end).toBe(addDays(current.start, -1));
      if (previous.start !== lastTwelveMonths(previous.end).start) exceptions.push(asOf);
    }
    // The one exception: 2025-03-01 … 2026-02-28 is a March–February year, so the year before is
    // 2024-03-01 … 2025-02-28, while lastTwelveMonths('2025-02-28') starts on 2024-02-29.
    expect(exceptions).toEqual(['2026-02-28']);
  });

  it.each(['2024-06-15', '2024-02-29', '2025-02-28', '2024-03-30', '2023-12-31'])(
    'the twelve months before lastTwelveMonths(%s) are lastTwelveMonths of its eve',
    (asOf) => {
      const current = lastTwelveMonths(asOf);
      const eve = previousPeriod(current).end;
      expect(previousPeriod(current)).toEqual(lastTwelveMonths(eve));
    },
  );
});

describe('factsIn', () => {
  it('keeps facts inside the window, ends included, in input order', () => {
    const facts = [
      fact(1, '2024-12-31', 10),
      fact(2, '2023-12-31', 20),
      fact(3, '2024-01-01', 30),
      fact(4, '2025-01-01', 40),
      fact(5, '2024-06-30', -50),
    ];
    expect(factsIn(facts, period('2024-01-01', '2024-12-31')).map((f) => f.accountId)).toEqual([
      1, 3, 5,
    ]);
  });

  it('returns nothing for no facts', () => {
    expect(factsIn([], period('2024-01-01', '2024-12-31'))).toEqual([]);
  });
});

describe('segmentMigration', () => {
  it.each([
    [
      'moves, stays, arrivals and departures',
      [
        [1, 'champions'],
        [2, 'loyal'],
        [3, 'loyal'],
        [4, 'lost'],
      ],
      [
        [1, 'champions'],
        [2, 'champions'],
        [3, 'at_risk'],
        [5, 'new'],
        [6, 'new'],
      ],
      // 'lost' < 'loyal' ('s' < 'y'); account 4 left (→ none), 5 and 6 arrived (none →).
      [
        { from: 'champions', to: 'champions', count: 1 },
        { from: 'lost', to: 'none', count: 1 },
        { from: 'loyal', to: 'at_risk', count: 1 },
        { from: 'loyal', to: 'champions', count: 1 },
        { from: 'none', to: 'new', count: 2 },
      ],
    ],
    [
      'ABC classes, upper case before none',
      [
        [1, 'A'],
        [2, 'B'],
      ],
      [
        [3, 'A'],
        [1, 'B'],
      ],
      [
        { from: 'A', to: 'B', count: 1 },
        { from: 'B', to: 'none', count: 1 },
        { from: 'none', to: 'A', count: 1 },
      ],
    ],
    ['one account, unchanged', [[7, 'C']], [[7, 'C']], [{ from: 'C', to: 'C', count: 1 }]],
    ['both empty', [], [], []],
  ] as [string, [number, string][], [number, string][], unknown][])(
    '%s',
    (_label, before, after, expected) => {
      expect(segmentMigration(new Map(before), new Map(after))).toEqual(expected);
      // Insertion order of the maps does not matter.
      expect(
        segmentMigration(new Map([...before].reverse()), new Map([...after].reverse())),
      ).toEqual(expected);
    },
  );
});

describe('setChanges', () => {
  it.each([
    ['mixed', [3, 1, 2], [2, 5, 4, 3], { entered: [4, 5], left: [1], stayed: [2, 3] }],
    // Numeric order, not string order (10 after 9).
    ['numeric order', [10, 9], [], { entered: [], left: [9, 10], stayed: [] }],
    ['identical', [1, 2], [2, 1], { entered: [], left: [], stayed: [1, 2] }],
    ['from empty', [], [8], { entered: [8], left: [], stayed: [] }],
    ['both empty', [], [], { entered: [], left: [], stayed: [] }],
  ])('%s', (_label, before, after, expected) => {
    expect(setChanges(new Set(before), new Set(after))).toEqual(expected);
  });
});

describe('growthByAccount', () => {
  const y2024 = period('2024-01-01', '2024-12-31');
  const y2023 = period('2023-01-01', '2023-12-31');
  const facts = [
    fact(1, '2023-03-01', 1000),
    fact(1, '2024-03-01', 1500),
    // A return pulls this year below zero.
    fact(2, '2023-05-01', 2000),
    fact(2, '2024-02-01', 500),
    fact(2, '2024-03-01', -800),
    fact(3, '2024-07-01', 700),
    // Last year netted below zero: no meaningful growth.
    fact(4, '2023-02-01', 500),
    fact(4, '2023-02-02', -700),
    fact(4, '2024-02-01', 100),
    fact(5, '2022-12-31', 999),
    fact(6, '2023-12-31', 400),
    fact(6, '2024-01-01', 400),
    fact(7, '2023-08-08', 1000),
  ];
  const result = growthByAccount(facts, y2024, y2023);

  it.each([
    [1, 1500, 1000, 0.5],
    // (−300 − 2000) / 2000
    [2, -300, 2000, -1.15],
    [3, 700, 0, null],
    [4, 100, -200, null],
    [6, 400, 400, 0],
    [7, 0, 1000, -1],
  ])('account %i: %i now, %i before → %s', (id, currentMinor, previousMinor, growth) => {
    expect(result.get(id)).toEqual({ currentMinor, previousMinor, growth });
  });

  it('lists only accounts with facts in either window', () => {
    expect([...result.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('counts a fact in both windows when they overlap', () => {
    const overlap = growthByAccount(
      [fact(1, '2024-06-15', 300)],
      y2024,
      period('2024-06-01', '2024-06-30'),
    );
    expect(overlap.get(1)).toEqual({ currentMinor: 300, previousMinor: 300, growth: 0 });
  });

  it('is empty for no facts', () => {
    expect(growthByAccount([], y2024, y2023).size).toBe(0);
  });
});
