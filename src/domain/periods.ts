// Analysis windows and period-over-period comparison. Key accounts are re-identified every
// period (seeds 003), so the Analysis screen compares one window with the one before it.
import { addDays, addMonths, daysBetween, fiscalYearRange, isIsoDate, yearOf } from './date';
import { fail, ok, type IsoDate, type OrderFact, type Result } from './types';

export interface Period {
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
}

export type PeriodError = 'not_a_date' | 'end_before_start';

/** A user-chosen window, checked: both ends real dates, start ≤ end (one day is a period). */
export function makePeriod(start: string, end: string): Result<Period, PeriodError> {
  if (!isIsoDate(start) || !isIsoDate(end)) return fail('not_a_date');
  if (end < start) return fail('end_before_start');
  return ok({ start, end });
}

/** The twelve months ending on `asOf`, inclusive: 2024-06-15 → 2023-06-16 … 2024-06-15. */
export function lastTwelveMonths(asOf: IsoDate): Period {
  return { start: addDays(addMonths(asOf, -12), 1), end: asOf };
}

/**
 * One fiscal year, named by the calendar year it starts in (see `fiscalYearOf`).
 * Throws RangeError for a start month outside 1..12, as `fiscalYearRange` does.
 */
export function fiscalYearPeriod(year: number, startMonth: number): Period {
  return fiscalYearRange(year, startMonth);
}

const monthIndex = (d: IsoDate): number => yearOf(d) * 12 + Number(d.slice(5, 7));

/**
 * The window of the same length that ends the day before `p` starts. A window of whole calendar
 * months steps back by months, so a year is compared with the year before even when one of them
 * holds 29 February; any other window steps back by its length in days. Months count from the
 * start (fiscal years, calendar months: 03-01 … 03-31 → 02-01 … 02-29) or, failing that, from the
 * end (trailing windows: 2024-02-29 … 2025-02-28 → 2023-03-01 … 2024-02-28), because month-end
 * clamping makes the two readings differ.
 */
export function previousPeriod(p: Period): Period {
  const end = addDays(p.start, -1);
  const n0 = monthIndex(p.end) - monthIndex(p.start);
  for (const n of [n0, n0 + 1].filter((n) => n >= 1)) {
    if (addDays(addMonths(p.start, n), -1) === p.end) return { start: addMonths(p.start, -n), end };
  }
  for (const n of [n0, n0 + 1].filter((n) => n >= 1)) {
    if (addDays(addMonths(p.end, -n), 1) === p.start) {
      return { start: addDays(addMonths(end, -n), 1), end };
    }
  }
  return { start: addDays(p.start, -(daysBetween(p.start, p.end) + 1)), end };
}

/** Facts dated inside the period, ends included, in input order. */
export function factsIn(facts: readonly OrderFact[], period: Period): OrderFact[] {
  // ISO dates order as strings, so no parsing per fact.
  return facts.filter((f) => f.date >= period.start && f.date <= period.end);
}

export interface Migration {
  from: string;
  to: string;
  count: number;
}

/** Label for an account missing from one side of a migration. */
export const NO_SEGMENT = 'none';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How many accounts moved from each segment (or class) to each other one, including those that
 * stayed put. An account missing from one map counts as 'none' there. Sorted by from, then to,
 * by code units so the order never depends on the user's locale.
 */
export function segmentMigration(
  before: ReadonlyMap<number, string>,
  after: ReadonlyMap<number, string>,
): Migration[] {
  const counts = new Map<string, Migration>();
  const tally = (from: string, to: string): void => {
    // JSON keeps the pair unambiguous whatever characters the labels hold.
    const key = JSON.stringify([from, to]);
    const m = counts.get(key);
    if (m) m.count += 1;
    else counts.set(key, { from, to, count: 1 });
  };
  for (const [id, from] of before) tally(from, after.get(id) ?? NO_SEGMENT);
  for (const [id, to] of after) if (!before.has(id)) tally(NO_SEGMENT, to);
  return [...counts.values()].sort(
    (a, b) => byCodeUnits(a.from, b.from) || byCodeUnits(a.to, b.to),
  );
}

export interface SetChanges {
  entered: number[];
  left: number[];
  stayed: number[];
}

/** Who entered, left or stayed in a set (class A, the key-account set); ids ascending. */
export function setChanges(before: ReadonlySet<number>, after: ReadonlySet<number>): SetChanges {
  const ascending = (ids: number[]): number[] => ids.sort((a, b) => a - b);
  return {
    entered: ascending([...after].filter((id) => !before.has(id))),
    left: ascending([...before].filter((id) => !after.has(id))),
    stayed: ascending([...before].filter((id) => after.has(id))),
  };
}

export interface AccountGrowth {
  currentMinor: number;
  previousMinor: number;
  /** (current − previous) / previous; null when previous ≤ 0, where a ratio means nothing. */
  growth: number | null;
}

function addExact(total: number, v: number): number {
  const sum = total + v;
  if (!Number.isSafeInteger(sum)) throw new RangeError('revenue sum exceeds 2^53 minor units');
  return sum;
}

/**
 * Net revenue (returns included) per account in two windows, and its growth. Accounts with at
 * least one fact in either window are listed; facts outside both are ignored. If the windows
 * overlap, a fact in both counts in both.
 */
export function growthByAccount(
  facts: readonly OrderFact[],
  current: Period,
  previous: Period,
): Map<number, AccountGrowth> {
  const sums = new Map<number, { currentMinor: number; previousMinor: number }>();
  for (const f of facts) {
    const inCurrent = f.date >= current.start && f.date <= current.end;
    const inPrevious = f.date >= previous.start && f.date <= previous.end;
    if (!inCurrent && !inPrevious) continue;
    let s = sums.get(f.accountId);
    if (!s) {
      s = { currentMinor: 0, previousMinor: 0 };
      sums.set(f.accountId, s);
    }
    if (inCurrent) s.currentMinor = addExact(s.currentMinor, f.amountMinor);
    if (inPrevious) s.previousMinor = addExact(s.previousMinor, f.amountMinor);
  }
  const result = new Map<number, AccountGrowth>();
  for (const [id, { currentMinor, previousMinor }] of sums) {
    const growth = previousMinor > 0 ? (currentMinor - previousMinor) / previousMinor : null;
    result.set(id, { currentMinor, previousMinor, growth });
  }
  return result;
}
