import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  fiscalYearOf,
  fiscalYearRange,
  isIsoDate,
  maxIsoDate,
  minIsoDate,
  parseDate,
  todayIso,
  yearOf,
} from './date';

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 3 月 5 日', '2024-03-05'],
    ['2024年03月05号', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05T10:00:00Z', '2024-03-05'],
    ['2024-03-05T23:30:00.000+08:00', '2024-03-05'],
    ['2024-03-05 10:00', '2024-03-05'],
    ['2024/3/5 9:05:07 PM', '2024-03-05'],
    ['2024年3月5日 10:00', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['  2024-12-31  ', '2024-12-31'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['2023-02-29', 'not_a_date'],
    ['1900-02-29', 'not_a_date'],
    ['2024-04-31', 'not_a_date'],
    ['2024-13-01', 'not_a_date'],
    ['2024-00-10', 'not_a_date'],
    ['2024-01-00', 'not_a_date'],
    ['20241301', 'not_a_date'],
    ['2024-03/05', 'not_a_date'],
    ['2024-03-05x', 'not_a_date'],
    ['2024-03-05T25', 'not_a_date'],
    ['24-03-05', 'not_a_date'],
    ['hello', 'not_a_date'],
    ['2024030', 'not_a_date'],
  ])('%j is rejected as %s', (text, reason) => {
    expect(parseDate(text)).toEqual({ ok: false, reason });
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-3-5', false],
    ['', false],
  ])('%j → %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2024-01-01', '2024-12-31', 365],
    ['2023-01-01', '2023-12-31', 364],
    ['2024-03-09', '2024-03-11', 2], // across the US DST switch (2024-03-10)
    ['2024-10-26', '2024-10-28', 2], // across the EU DST switch (2024-10-27)
    ['2024-03-05', '2024-03-05', 0],
    ['2024-03-05', '2024-03-01', -4],
    ['1999-12-31', '2000-01-01', 1],
  ])('daysBetween(%s, %s) = %i', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-01-01', -1, '2023-12-31'],
    ['2024-03-05', 0, '2024-03-05'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('addDays(%s, %i) = %s', (d, n, out) => {
    expect(addDays(d, n)).toBe(out);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-15', 12, '2025-05-15'],
    ['2024-05-15', -17, '2022-12-15'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-10-31', -36, '2021-10-31'],
  ])('addMonths(%s, %i) = %s', (d, n, out) => {
    expect(addMonths(d, n)).toBe(out);
  });

  it('yearOf', () => {
    expect(yearOf('2024-03-05')).toBe(2024);
  });
});

describe('fiscal years', () => {
  it.each([
    ['2024-03-31', 4, 2023],
    ['2024-04-01', 4, 2024],
    ['2024-12-31', 4, 2024],
    ['2024-01-01', 1, 2024],
    ['2024-12-31', 1, 2024],
    ['2024-06-30', 7, 2023],
    ['2024-07-01', 7, 2024],
    ['2024-09-30', 10, 2023],
  ])('fiscalYearOf(%s, start %i) = %i', (d, start, fy) => {
    expect(fiscalYearOf(d, start)).toBe(fy);
  });

  it.each([
    [2024, 1, '2024-01-01', '2024-12-31'],
    [2024, 4, '2024-04-01', '2025-03-31'],
    [2023, 3, '2023-03-01', '2024-02-29'],
    [2024, 12, '2024-12-01', '2025-11-30'],
  ])('fiscalYearRange(%i, start %i) = %s..%s', (year, start, from, to) => {
    expect(fiscalYearRange(year, start)).toEqual({ start: from, end: to });
  });

  it('rejects a start month outside 1..12', () => {
    expect(() => fiscalYearOf('2024-01-01', 0)).toThrow(RangeError);
    expect(() => fiscalYearRange(2024, 13)).toThrow(RangeError);
  });
});

describe('todayIso / maxIsoDate', () => {
  it('uses the local calendar day', () => {
    expect(todayIso(new Date(2024, 2, 5, 23, 59))).toBe('2024-03-05');
    expect(todayIso(new Date(2024, 0, 1, 0, 0))).toBe('2024-01-01');
    expect(isIsoDate(todayIso())).toBe(true);
  });

  it('finds the latest and earliest date', () => {
    const dates = ['2024-03-05', '2025-01-01', '2023-12-31'];
    expect(maxIsoDate(dates)).toBe('2025-01-01');
    expect(minIsoDate(dates)).toBe('2023-12-31');
    expect(maxIsoDate([])).toBeNull();
    expect(minIsoDate(new Set<string>())).toBeNull();
  });
});
