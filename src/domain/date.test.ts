import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  fiscalYearOf,
  fiscalYearRange,
  inferDateOrder,
  isIsoDate,
  maxIsoDate,
  minIsoDate,
  parseDate,
  parseDateWithOrder,
  todayIso,
  yearOf,
  type DateOrder,
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

describe('parseDateWithOrder', () => {
  it.each<[string, DateOrder, string]>([
    ['05/03/2024', 'dmy', '2024-03-05'],
    ['05/03/2024', 'mdy', '2024-05-03'],
    ['5/3/2024', 'dmy', '2024-03-05'],
    ['3/5/2024', 'mdy', '2024-03-05'],
    ['25/12/2024', 'dmy', '2024-12-25'],
    ['12/25/2024', 'mdy', '2024-12-25'],
    ['05.03.2024', 'dmy', '2024-03-05'],
    ['05-03-2024', 'dmy', '2024-03-05'],
    ['05 03 2024', 'dmy', '2024-03-05'],
    ['29/02/2024', 'dmy', '2024-02-29'],
    ['3/5/2024 14:30', 'mdy', '2024-03-05'],
    ['3/5/2024 2:30:15 PM', 'mdy', '2024-03-05'],
    ['05.03.2024 23:59:59', 'dmy', '2024-03-05'],
    // Two-digit years pivot like Excel: 00–29 → 20xx, 30–99 → 19xx.
    ['5/3/24', 'dmy', '2024-03-05'],
    ['5/3/00', 'dmy', '2000-03-05'],
    ['5/3/29', 'dmy', '2029-03-05'],
    ['5/3/30', 'dmy', '1930-03-05'],
    ['3/5/99', 'mdy', '1999-03-05'],
    ['24-03-05', 'ymd', '2024-03-05'],
    ['99/12/31', 'ymd', '1999-12-31'],
    // Year-first and written-out forms read the same whatever the column's order.
    ['2024-03-05', 'dmy', '2024-03-05'],
    ['2024/3/5', 'mdy', '2024-03-05'],
    ['2024.03.05', 'dmy', '2024-03-05'],
    ['2024 3 5', 'ymd', '2024-03-05'],
    ['2024年3月5日', 'mdy', '2024-03-05'],
    ['20240305', 'dmy', '2024-03-05'],
    ['2024-03-05T10:00:00+08:00', 'mdy', '2024-03-05'],
    ['2024-03-05 10:00', 'dmy', '2024-03-05'],
    ['5 Mar 2024', 'mdy', '2024-03-05'],
    ['05-Mar-24', 'mdy', '2024-03-05'],
    ['05-MAR-2024 10:00:00', 'mdy', '2024-03-05'],
    ['5 March 2024', 'ymd', '2024-03-05'],
    ['5th Mar 2024', 'dmy', '2024-03-05'],
    ['Mar 5, 2024', 'dmy', '2024-03-05'],
    ['March 5 2024', 'dmy', '2024-03-05'],
    ['Mar-05-2024', 'dmy', '2024-03-05'],
    ['Sept 30, 2024', 'dmy', '2024-09-30'],
    ['sep 30 2024', 'dmy', '2024-09-30'],
    ['Tue, 5 Mar 2024', 'mdy', '2024-03-05'],
    ['Tuesday, March 5, 2024 2:30 PM', 'dmy', '2024-03-05'],
    ['2024-Mar-05', 'mdy', '2024-03-05'],
    ['29 Feb 2024', 'mdy', '2024-02-29'],
    ['Dec 31, 99', 'dmy', '1999-12-31'],
    // Full-width digits and separators (NFKC).
    ['１２/３１/２０２４', 'mdy', '2024-12-31'],
    ['  05/03/2024  ', 'dmy', '2024-03-05'],
  ])('%j as %s → %s', (text, order, iso) => {
    expect(parseDateWithOrder(text, order)).toEqual({ ok: true, value: iso });
  });

  it.each<[string, string]>([
    ['45356', '2024-03-05'],
    ['45356.75', '2024-03-05'],
    ['45356,5', '2024-03-05'],
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    // 60 is Excel's fictional 1900-02-29; from 61 on the count is shifted by that day.
    ['61', '1900-03-01'],
    ['25569', '1970-01-01'],
    ['43831', '2020-01-01'],
    ['45351', '2024-02-29'],
    ['2958465', '9999-12-31'],
    ['４５３５６', '2024-03-05'],
    // Text dates still parse in a serial column, and 8 digits are never a serial.
    ['2024-03-05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['05/03/2024', '2024-03-05'],
  ])('Excel serial %j → %s', (text, iso) => {
    expect(parseDateWithOrder(text, 'dmy', { excelSerial: true })).toEqual({
      ok: true,
      value: iso,
    });
  });

  it.each<[string, DateOrder, boolean, string]>([
    ['', 'dmy', false, 'empty'],
    ['   ', 'mdy', true, 'empty'],
    ['45356', 'dmy', false, 'not_a_date'],
    ['0', 'dmy', true, 'not_a_date'],
    ['60', 'dmy', true, 'not_a_date'],
    ['2958466', 'dmy', true, 'not_a_date'],
    ['-5', 'dmy', true, 'not_a_date'],
    ['31/02/2024', 'dmy', false, 'not_a_date'],
    ['29/02/2023', 'dmy', false, 'not_a_date'],
    ['13/05/2024', 'mdy', false, 'not_a_date'],
    ['05/13/2024', 'dmy', false, 'not_a_date'],
    ['00/03/2024', 'dmy', false, 'not_a_date'],
    // 'ymd' cannot say whether 05/03/2024 is day- or month-first.
    ['05/03/2024', 'ymd', false, 'not_a_date'],
    ['5/3/24', 'ymd', false, 'not_a_date'],
    ['5/3-2024', 'dmy', false, 'not_a_date'],
    ['5/3/202', 'dmy', false, 'not_a_date'],
    ['5/3/20245', 'dmy', false, 'not_a_date'],
    ['123/3/2024', 'dmy', false, 'not_a_date'],
    ['32 Mar 2024', 'dmy', false, 'not_a_date'],
    ['29 Feb 2023', 'dmy', false, 'not_a_date'],
    ['Foo 5, 2024', 'dmy', false, 'not_a_date'],
    ['5 Marc 2024', 'dmy', false, 'not_a_date'],
    ['3/5/2024 25', 'mdy', false, 'not_a_date'],
    ['hello', 'dmy', false, 'not_a_date'],
    ['2024-13-01', 'dmy', false, 'not_a_date'],
  ])('%j as %s (serial %s) is rejected as %s', (text, order, excelSerial, reason) => {
    expect(parseDateWithOrder(text, order, { excelSerial })).toEqual({ ok: false, reason });
  });

  it('agrees with parseDate on every year-first form parseDate reads', () => {
    for (const text of ['2024-03-05', '2024/3/5', '2024年3月5日', '20240305', '2024-02-30']) {
      expect(parseDateWithOrder(text, 'dmy')).toEqual(parseDate(text));
    }
  });
});

describe('inferDateOrder', () => {
  it.each<[string[], DateOrder, boolean, boolean]>([
    [['2024-03-05', '2024-03-18'], 'ymd', false, false],
    [['2024/3/5', '2024年3月18日', '20240320'], 'ymd', false, false],
    [['05/03/2024', '25/03/2024'], 'dmy', false, false],
    [['05.03.2024', '28.03.2024'], 'dmy', false, false],
    [['3/5/2024', '3/15/2024'], 'mdy', false, false],
    [['3/15/2024 14:30', '4/1/2024 9:05 AM'], 'mdy', false, false],
    [['', '  ', '13/1/24'], 'dmy', false, false],
    // Year-first values next to decided ones do not disturb the decision.
    [['2024-03-05', '3/15/2024'], 'mdy', false, false],
    // Nothing decides: day-first is the guess, and the UI asks.
    [['05/03/2024', '06/04/2024'], 'dmy', true, false],
    [['2024-03-05', '05/03/2024'], 'ymd', true, false],
    // Conflicts: majority, day-first on a tie, ambiguous either way.
    [['25/03/2024', '03/25/2024'], 'dmy', true, false],
    [['25/03/2024', '03/25/2024', '3/26/2024'], 'mdy', true, false],
    // Month names and serials need no day/month decision.
    [['5 Mar 2024', 'Mar 18, 2024'], 'dmy', false, false],
    [['45356', '45366.5'], 'dmy', false, true],
    [['45356', '2024-03-05'], 'ymd', false, true],
    [['45356', '123'], 'dmy', false, false],
    [['45356', '2024'], 'dmy', false, false],
    [[], 'dmy', false, false],
  ])('%j → %s (ambiguous %s, serial %s)', (samples, order, ambiguous, excelSerial) => {
    expect(inferDateOrder(samples)).toEqual({ order, ambiguous, excelSerial });
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
