// Calendar dates as `YYYY-MM-DD` strings. Arithmetic runs on UTC day numbers, so local
// daylight-saving shifts can never add or lose a day.
import { fail, ok, type IsoDate, type Result } from './types';

export type DateParseError = 'empty' | 'not_a_date';

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatYmd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

// Optional time after the date; it is checked for shape and then dropped. The date is kept
// as written, even when an offset is given: the exporter's calendar day is the business day.
const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?\s*(?:[AP]M)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const DATE_PATTERNS: readonly RegExp[] = [
  // 2024-03-05, 2024/3/5, 2024.3.5 — one separator used throughout.
  new RegExp(String.raw`^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})${TIME}$`, 'i'),
  // 2024年3月5日 (日 or 号 optional).
  new RegExp(
    String.raw`^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?${TIME}$`,
    'i',
  ),
  // 20240305
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
];

/** Parses the common year-first spellings of a date; validates the calendar day. */
export function parseDate(text: string): Result<IsoDate, DateParseError> {
  const s = text.normalize('NFKC').trim();
  if (s === '') return fail('empty');
  for (const re of DATE_PATTERNS) {
    const g = re.exec(s)?.groups;
    if (!g) continue;
    const [y, m, d] = [Number(g.y), Number(g.m), Number(g.d)];
    return isValidYmd(y, m, d) ? ok(formatYmd(y, m, d)) : fail('not_a_date');
  }
  return fail('not_a_date');
}

/** Which of day, month and year comes first in a numeric date such as `05/03/2024`. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export interface DateOrderOptions {
  /** Read a plain number (45356, 45356.5) as an Excel serial date, 1900 date system. */
  excelSerial?: boolean;
}

// Year-first spellings, unambiguous whatever the column's order: 2024-03-05, 2024/3/5,
// 2024.3.5, 2024 3 5, 2024年3月5日, 20240305.
const YEAR_FIRST_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`^(?<y>\d{4})(?<sep>[-/. ])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})${TIME}$`, 'i'),
  ...DATE_PATTERNS.slice(1),
];

// Three numbers with the year last (05/03/2024, 5.3.24) — or first, two-digit, for 'ymd' (24-03-05).
const THREE_NUMBERS = new RegExp(
  String.raw`^(?<a>\d{1,2})(?<sep>[-/. ])(?<b>\d{1,2})\k<sep>(?<c>\d{2}|\d{4})${TIME}$`,
  'i',
);

const MONTH = String.raw`(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
// An optional weekday in front ("Tue, 5 Mar 2024") carries no information: the date decides.
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?<y>\d{4}|\d{2})`;

// English month names make the order explicit: 5 Mar 2024, 05-Mar-24, Mar 5, 2024, 2024-Mar-05.
const MONTH_NAME_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`^${WEEKDAY}(?<d>\d{1,2})${ORDINAL}[-/.\s]*${MONTH}[-/.,\s]*${YEAR}${TIME}$`,
    'i',
  ),
  new RegExp(
    String.raw`^${WEEKDAY}${MONTH}[-/.\s]*(?<d>\d{1,2})${ORDINAL}(?:,\s*|[-/.\s]+)${YEAR}${TIME}$`,
    'i',
  ),
  new RegExp(String.raw`^(?<y>\d{4})[-/.\s]+${MONTH}[-/.\s]+(?<d>\d{1,2})${TIME}$`, 'i'),
];

const MONTH_PREFIXES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/** Two-digit years as Excel reads them: 00–29 → 2000–2029, 30–99 → 1930–1999. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length !== 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

// Excel's 1900 date system counts a 1900-02-29 that never was (serial 60), a bug kept from
// Lotus 1-2-3: serials 1–59 count from 1899-12-31, serials from 61 on from 1899-12-30.
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31
const EXCEL_SERIAL = /^(?<day>\d{1,7})(?:[.,]\d+)?$/;
const DAY_1899_12_30 = -25_569;

function excelSerialToDate(serial: number): Result<IsoDate, DateParseError> {
  // Serial 60 names the fictional 1900-02-29; refuse it rather than pick a neighbour.
  if (serial < 1 || serial > EXCEL_MAX_SERIAL || serial === 60) return fail('not_a_date');
  return ok(fromDayNumber(DAY_1899_12_30 + serial + (serial < 60 ? 1 : 0)));
}

const checked = (y: number, m: number, d: number): Result<IsoDate, DateParseError> =>
  isValidYmd(y, m, d) ? ok(formatYmd(y, m, d)) : fail('not_a_date');

/**
 * Parses a date whose numeric day/month order is known for the column (see `inferDateOrder`).
 * Year-first forms, `2024年3月5日`, `20240305` and English month names are read whatever the
 * order; `05/03/2024` and `05/03/24` follow it. A time after the date is checked for shape and
 * dropped. With `excelSerial`, a plain number 1–2958465 is an Excel serial day (time fraction
 * dropped). The calendar day is validated.
 */
export function parseDateWithOrder(
  text: string,
  order: DateOrder,
  options: DateOrderOptions = {},
): Result<IsoDate, DateParseError> {
  const s = text.normalize('NFKC').trim();
  if (s === '') return fail('empty');

  if (options.excelSerial) {
    const serial = EXCEL_SERIAL.exec(s)?.groups?.day;
    if (serial !== undefined) return excelSerialToDate(Number(serial));
  }

  for (const re of YEAR_FIRST_PATTERNS) {
    const g = re.exec(s)?.groups;
    if (g) return checked(Number(g.y), Number(g.m), Number(g.d));
  }

  const n = THREE_NUMBERS.exec(s)?.groups;
  if (n) {
    const [a, b, c] = [n.a!, n.b!, n.c!];
    if (order === 'dmy') return checked(fullYear(c), Number(b), Number(a));
    if (order === 'mdy') return checked(fullYear(c), Number(a), Number(b));
    // 'ymd' with the year in front can only be a two-digit year (24-03-05); a year at the end
    // needs the user to say whether it is day- or month-first.
    if (a.length === 2 && c.length === 2) return checked(fullYear(a), Number(b), Number(c));
    return fail('not_a_date');
  }

  for (const re of MONTH_NAME_PATTERNS) {
    const g = re.exec(s)?.groups;
    if (!g) continue;
    const month = MONTH_PREFIXES.indexOf(g.mon!.slice(0, 3).toLowerCase()) + 1;
    return checked(fullYear(g.y!), month, Number(g.d));
  }
  return fail('not_a_date');
}

/**
 * Date order of a column, decided from its values. Year-first values decide nothing about day vs
 * month; in `a/b/year` values a first number over 12 means day-first ('dmy'), a second number over
 * 12 month-first ('mdy'). Conflicting votes → majority, `ambiguous`. Only values like `05/03/2024`
 * → `ambiguous`, order 'ymd' if year-first values were seen, else 'dmy' (the UI asks the user).
 * `excelSerial` when there are 5-digit plain numbers in the serial range and no other plain
 * numbers (a 20240305 counts as a year-first date, not a number).
 */
export function inferDateOrder(samples: readonly string[]): {
  order: DateOrder;
  ambiguous: boolean;
  excelSerial: boolean;
} {
  let dmy = 0;
  let mdy = 0;
  let undecided = 0;
  let yearFirst = 0;
  let serials = 0;
  let otherNumbers = 0;
  for (const sample of samples) {
    const s = sample.normalize('NFKC').trim();
    if (s === '') continue;
    const serial = EXCEL_SERIAL.exec(s)?.groups?.day;
    if (serial !== undefined && serial.length === 5) serials++;
    else if (YEAR_FIRST_PATTERNS.some((re) => re.test(s))) yearFirst++;
    else if (serial !== undefined) otherNumbers++;
    else {
      const n = THREE_NUMBERS.exec(s)?.groups;
      if (!n) continue;
      const [a, b] = [Number(n.a), Number(n.b)];
      if (a > 12 && a <= 31 && b <= 12) dmy++;
      else if (b > 12 && b <= 31 && a <= 12) mdy++;
      else if (a <= 12 && b <= 12) undecided++;
    }
  }
  const excelSerial = serials > 0 && otherNumbers === 0;
  if (dmy > 0 && mdy > 0) return { order: mdy > dmy ? 'mdy' : 'dmy', ambiguous: true, excelSerial };
  if (dmy > 0 || mdy > 0) return { order: dmy > 0 ? 'dmy' : 'mdy', ambiguous: false, excelSerial };
  return { order: yearFirst > 0 ? 'ymd' : 'dmy', ambiguous: undecided > 0, excelSerial };
}

/** True for a well-formed, real `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

/** Days since 1970-01-01 for a valid IsoDate. */
export function toDayNumber(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** b − a in whole days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Adds calendar months; a day past the target month's end clamps (01-31 + 1 month → 02-28/29). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return formatYmd(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

export function monthOf(d: IsoDate): number {
  return Number(d.slice(5, 7));
}

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`fiscal start month must be 1..12, got ${startMonth}`);
  }
}

/**
 * Fiscal year of a date, named by the calendar year it starts in (start April: 2024-03-31 is
 * FY2023, 2024-04-01 is FY2024). startMonth 1 gives the calendar year.
 */
export function fiscalYearOf(d: IsoDate, startMonth: number): number {
  checkStartMonth(startMonth);
  const y = yearOf(d);
  return monthOf(d) >= startMonth ? y : y - 1;
}

/** First and last day (inclusive) of a fiscal year. */
export function fiscalYearRange(
  year: number,
  startMonth: number,
): { start: IsoDate; end: IsoDate } {
  checkStartMonth(startMonth);
  const start = formatYmd(year, startMonth, 1);
  return { start, end: addDays(addMonths(start, 12), -1) };
}

/** Today in the user's local calendar (the business day they see), not UTC. */
export function todayIso(now: Date = new Date()): IsoDate {
  return formatYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Latest date; null when there is none. ISO strings order lexicographically. */
export function maxIsoDate(dates: Iterable<IsoDate>): IsoDate | null {
  let max: IsoDate | null = null;
  for (const d of dates) if (max === null || d > max) max = d;
  return max;
}

/** Earliest date; null when there is none. */
export function minIsoDate(dates: Iterable<IsoDate>): IsoDate | null {
  let min: IsoDate | null = null;
  for (const d of dates) if (min === null || d < min) min = d;
  return min;
}
