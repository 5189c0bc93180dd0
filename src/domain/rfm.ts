// RFM: recency, frequency and monetary value per account, scored by quantile (seeds 003).
import { daysBetween } from './date';
import { assignSegment, DEFAULT_SEGMENT_RULES, type SegmentRule } from './segments';
import type { AccountActivity, IsoDate, OrderFact, RfmScore } from './types';

/**
 * Counts distinct orders: by order number, or one per row when the number is blank.
 * Callers feed it purchases only — a return (negative line) is not a buying occasion.
 */
export class OrderCounter {
  private readonly numbers = new Set<string>();
  private unnumbered = 0;

  add(orderNo: string): void {
    const key = orderNo.trim();
    if (key === '') this.unnumbered += 1;
    else this.numbers.add(key);
  }

  get count(): number {
    return this.numbers.size + this.unnumbered;
  }
}

/** Zero-value lines (free samples, replacements) still mark a purchase; negative ones are returns. */
export const isPurchase = (order: OrderFact): boolean => order.amountMinor >= 0;

function addExact(total: number, v: number): number {
  const sum = total + v;
  if (!Number.isSafeInteger(sum)) throw new RangeError('revenue sum exceeds 2^53 minor units');
  return sum;
}

interface Accumulator {
  first: IsoDate;
  last: IsoDate;
  /** Dates over all rows, used only when an account has nothing but returns. */
  anyFirst: IsoDate;
  anyLast: IsoDate;
  orders: OrderCounter;
  revenue: number;
}

/**
 * One AccountActivity per account, sorted by accountId. Revenue is net of returns; order count
 * and first/last dates come from purchases, so a late return does not make an account look
 * recent. An account with only returns keeps the returns' dates and an order count of 0.
 */
export function aggregateActivity(orders: Iterable<OrderFact>): AccountActivity[] {
  const byAccount = new Map<number, Accumulator>();
  for (const o of orders) {
    let acc = byAccount.get(o.accountId);
    if (!acc) {
      acc = {
        first: '',
        last: '',
        anyFirst: o.date,
        anyLast: o.date,
        orders: new OrderCounter(),
        revenue: 0,
      };
      byAccount.set(o.accountId, acc);
    }
    acc.revenue = addExact(acc.revenue, o.amountMinor);
    if (o.date < acc.anyFirst) acc.anyFirst = o.date;
    if (o.date > acc.anyLast) acc.anyLast = o.date;
    if (!isPurchase(o)) continue;
    acc.orders.add(o.orderNo);
    if (acc.first === '' || o.date < acc.first) acc.first = o.date;
    if (acc.last === '' || o.date > acc.last) acc.last = o.date;
  }
  return [...byAccount.entries()]
    .sort(([a], [b]) => a - b)
    .map(([accountId, acc]) => ({
      accountId,
      firstOrderDate: acc.first || acc.anyFirst,
      lastOrderDate: acc.last || acc.anyLast,
      orderCount: acc.orders.count,
      revenueMinor: acc.revenue,
    }));
}

function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be an integer ≥ 1: ${bins}`);
}

/** First index in sorted `a` whose value is ≥ v (or > v when `strict`). */
function bound(a: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v || (strict && a[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Scores 1..bins by quantile, higher value → higher score, in input order.
 * Midrank rule: p = (countLess + countEqual / 2) / n, score = clamp(ceil(p · bins), 1, bins).
 * Equal values always share a score, so the result never depends on input order, and a lone
 * or all-equal value lands on the middle score. One sort plus binary searches: O(n log n).
 */
export function scoreByQuantile(values: readonly number[], bins = 5): number[] {
  checkBins(bins);
  const n = values.length;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`scoreByQuantile: not a finite number: ${v}`);
  }
  // Native numeric sort of a typed array, no comparator callbacks.
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => {
    const less = bound(sorted, v, false);
    const equal = bound(sorted, v, true) - less;
    // p · bins = (2·less + equal) · bins / 2n, kept in integers until the single division.
    const score = Math.ceil(((2 * less + equal) * bins) / (2 * n));
    return Math.min(bins, Math.max(1, score));
  });
}

export interface ScoreCutPoint {
  score: number;
  min: number;
  max: number;
  count: number;
}

/** Value range and size of each score that occurs, ascending by score (for the UI legend). */
export function scoreCutPoints(
  values: readonly number[],
  scores: readonly number[],
): ScoreCutPoint[] {
  const byScore = new Map<number, ScoreCutPoint>();
  values.forEach((v, i) => {
    const score = scores[i];
    if (score === undefined) return;
    const cut = byScore.get(score);
    if (!cut) byScore.set(score, { score, min: v, max: v, count: 1 });
    else {
      cut.min = Math.min(cut.min, v);
      cut.max = Math.max(cut.max, v);
      cut.count += 1;
    }
  });
  return [...byScore.values()].sort((a, b) => a.score - b.score);
}

export interface RfmOptions {
  bins?: number;
  rules?: readonly SegmentRule[];
}

/** Maps a 1..bins score onto 1..5 so the default (5-point) rules stay meaningful. */
function toFivePoint(score: number, bins: number): number {
  return bins === 1 ? 3 : Math.round(1 + ((score - 1) * 4) / (bins - 1));
}

/**
 * Scores every account against `asOf`. R is scored on −recencyDays (recent → high), F on order
 * count, M on net revenue. Output is in input order. With the default rules and bins ≠ 5 the
 * scores are mapped onto 1..5 for segment lookup only; custom rules see the raw scores.
 */
export function computeRfm(
  activities: readonly AccountActivity[],
  asOf: IsoDate,
  options: RfmOptions = {},
): RfmScore[] {
  const bins = options.bins ?? 5;
  const rules = options.rules ?? DEFAULT_SEGMENT_RULES;
  const rescale = options.rules === undefined && bins !== 5;
  const seg = (s: number): number => (rescale ? toFivePoint(s, bins) : s);

  // A last order after asOf (asOf set in the past) counts as "today", not as negative days.
  const recency = activities.map((a) => Math.max(0, daysBetween(a.lastOrderDate, asOf)));
  const r = scoreByQuantile(
    recency.map((d) => -d),
    bins,
  );
  const f = scoreByQuantile(
    activities.map((a) => a.orderCount),
    bins,
  );
  const m = scoreByQuantile(
    activities.map((a) => a.revenueMinor),
    bins,
  );
  return activities.map((a, i) => {
    const [ri, fi, mi] = [r[i]!, f[i]!, m[i]!];
    return {
      accountId: a.accountId,
      recencyDays: recency[i]!,
      frequency: a.orderCount,
      monetaryMinor: a.revenueMinor,
      r: ri,
      f: fi,
      m: mi,
      segment: assignSegment(seg(ri), seg(fi), seg(mi), rules),
    };
  });
}

export interface HeatmapCell {
  r: number;
  f: number;
  count: number;
  revenueMinor: number;
}

/** R × F grid with every cell present (empty ones at zero), r-major, both ascending. */
export function rfHeatmap(scores: readonly RfmScore[], bins = 5): HeatmapCell[] {
  checkBins(bins);
  const cells: HeatmapCell[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) cells.push({ r, f, count: 0, revenueMinor: 0 });
  }
  for (const s of scores) {
    if (s.r < 1 || s.r > bins || s.f < 1 || s.f > bins) continue;
    const cell = cells[(s.r - 1) * bins + (s.f - 1)]!;
    cell.count += 1;
    cell.revenueMinor = addExact(cell.revenueMinor, s.monetaryMinor);
  }
  return cells;
}
