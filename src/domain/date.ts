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
