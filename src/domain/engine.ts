// The analysis engine: RFM scores, segments and Pareto/ABC for every account in one pass over a
// FactTable plus three native numeric sorts. Results are typed arrays by dense account index.
// Semantics are exactly those of the reference functions (aggregateActivity, computeRfm,
// computePareto, rfHeatmap); engine.test.ts checks that on generated data.
import { fromDayNumber } from './date';
import type { FactTable } from './factTable';
import { DEFAULT_PARETO_CUTOFFS, type ParetoCutoffs } from './pareto';
import { DEFAULT_SEGMENT_RULES } from './segments';
import { firstMatch, scaleScore } from './segmentRules';
import type { AbcClass, AccountActivity, ParetoEntry, ParetoResult, RfmScore } from './types';

/** A segment rule as the engine needs it: an id and inclusive 1–5 score ranges. */
export interface EngineRule {
  id: string;
  r: readonly [number, number];
  f: readonly [number, number];
  m: readonly [number, number];
}

/** User cut values per metric (see scoring.ts `scoreByThresholds`); absent = quantiles. */
export interface EngineThresholds {
  r?: readonly number[] | null;
  f?: readonly number[] | null;
  /** In minor units of the value measure (revenue or margin). */
  m?: readonly number[] | null;
}

export interface EngineOptions {
  bins?: number;
  cutoffs?: ParetoCutoffs;
  /**
   * Segment rules on the 1–5 scale, first match wins; with 3 or 4 bins the scores are spread
   * onto 1–5 before the rules are applied (scaleScore in segmentRules.ts).
   */
  rules?: readonly EngineRule[];
  /** Recency is measured to this day; default the latest order day. */
  asOfDay?: number;
  /** F counts distinct orders (default) or distinct purchase days. */
  frequency?: 'orders' | 'days';
  /** M and the Pareto ranking use net revenue (default) or margin (lines with a known cost). */
  value?: 'revenue' | 'margin';
  thresholds?: EngineThresholds;
}

export interface EngineResult {
  accounts: number;
  bins: number;
  asOfDay: number | null;
  revenue: Float64Array;
  /** Σ (amount − cost) over lines with a known cost; null unless value = 'margin'. */
  margin: Float64Array | null;
  /** The measure M and the Pareto ranking use: `revenue` or `margin`. */
  value: Float64Array;
  orders: Int32Array;
  /** Distinct purchase days. */
  days: Int32Array;
  /** The measure F scores: `orders` or `days`. */
  frequency: Int32Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  recencyDays: Int32Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into `segmentIds`. */
  segment: Uint8Array;
  segmentIds: readonly string[];
  /** 0 = A, 1 = B, 2 = C. */
  abc: Uint8Array;
  /** 1-based Pareto rank (value desc, ties by account id). */
  rank: Int32Array;
  cumulativeShare: Float64Array;
  totalPositiveMinor: number;
  countForA: number;
}

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
const NONE = 0x7fffffff;

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The midrank quantile score of scoreByQuantile, from counts: equal values always score equal. */
function midrankScore(less: number, equal: number, n: number, bins: number): number {
  const score = Math.ceil(((2 * less + equal) * bins) / (2 * n));
  return score < 1 ? 1 : score > bins ? bins : score;
}

/**
 * Quantile scores of small non-negative integers (days since last order, order counts) by a
 * histogram: counting instead of sorting, O(n + largest value).
 */
function histogramScores(values: Int32Array, bins: number, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  const hist = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) hist[values[i]!]! += 1;
  // below[v] = how many values are strictly smaller than v.
  const below = new Int32Array(max + 2);
  for (let v = 1; v <= max + 1; v++) below[v] = below[v - 1]! + hist[v - 1]!;
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const equal = hist[v]!;
    // Lower is better (recency): "less" counts the values that are larger.
    const less = higherIsBetter ? below[v]! : n - below[v]! - equal;
    scores[i] = midrankScore(less, equal, n, bins);
  }
  return scores;
}

/** Scores by user cut values (scoreByThresholds): 1 + the number of cuts the value reaches. */
function thresholdScores(
  values: ArrayLike<number>,
  cuts: readonly number[],
  higherIsBetter: boolean,
): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let score = 1;
    for (const cut of cuts) if (higherIsBetter ? v >= cut : v <= cut) score += 1;
    scores[i] = score;
  }
  return scores;
}

/** (r, f, m) → segment index, precomputed for all bins³ cells: rules are evaluated once per cell. */
function segmentTable(
  bins: number,
  rules: readonly EngineRule[],
): { table: Uint8Array; ids: string[] } {
  const toFive = (s: number) => (bins === 5 ? s : scaleScore(s, bins));
  const ids: string[] = [];
  const table = new Uint8Array((bins + 1) ** 3);
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const id = firstMatch(rules, toFive(r), toFive(f), toFive(m))?.id ?? 'others';
        let index = ids.indexOf(id);
        if (index < 0) index = ids.push(id) - 1;
        table[(r * (bins + 1) + f) * (bins + 1) + m] = index;
      }
    }
  }
  return { table, ids };
}

export function computeAnalysis(table: FactTable, options: EngineOptions = {}): EngineResult {
  const bins = options.bins ?? 5;
  const cutoffs = options.cutoffs ?? DEFAULT_PARETO_CUTOFFS;
  const n = table.accountIds.length;
  const revenue = new Float64Array(n);
  const orders = new Int32Array(n);
  const days = new Int32Array(n);
  const firstDay = new Int32Array(n).fill(NONE);
  const lastDay = new Int32Array(n).fill(-NONE);
  const anyFirst = new Int32Array(n).fill(NONE);
  const anyLast = new Int32Array(n).fill(-NONE);
  const seen = new Uint8Array(table.orderCount);

  // The one pass over the rows. Returns net revenue but do not count as orders or move dates.
  // Rows come sorted by account and day, so a purchase later than the last one is a new day.
  const { account, day, amount, order, count } = table;
  for (let i = 0; i < count; i++) {
    const a = account[i]!;
    const d = day[i]!;
    const amt = amount[i]!;
    revenue[a]! += amt;
    if (d < anyFirst[a]!) anyFirst[a] = d;
    if (d > anyLast[a]!) anyLast[a] = d;
    if (amt < 0) continue;
    if (d < firstDay[a]!) firstDay[a] = d;
    if (d > lastDay[a]!) {
      lastDay[a] = d;
      days[a]! += 1;
    }
    const o = order[i]!;
    if (seen[o] === 0) {
      seen[o] = 1;
      orders[a]! += 1;
    }
  }

  let maxDay = -NONE;
  for (let a = 0; a < n; a++) {
    if (!Number.isSafeInteger(revenue[a]!)) {
      throw new RangeError('revenue sum exceeds 2^53 minor units');
    }
    if (firstDay[a] === NONE) firstDay[a] = anyFirst[a]!;
    if (lastDay[a] === -NONE) lastDay[a] = anyLast[a]!;
    if (lastDay[a]! > maxDay) maxDay = lastDay[a]!;
  }
  const asOfDay = options.asOfDay ?? (n > 0 ? maxDay : null);

  let margin: Float64Array | null = null;
  if (options.value === 'margin') {
    margin = new Float64Array(n);
    const { cost } = table;
    for (let i = 0; i < count; i++) {
      const c = cost[i]!;
      if (c === c) margin[account[i]!]! += amount[i]! - c;
    }
  }
  const value = margin ?? revenue;
  const frequency = options.frequency === 'days' ? days : orders;
  const cuts = options.thresholds ?? {};

  // Scores: recency (fewer days scores higher) and frequency by histogram; monetary by one
  // native numeric sort, whose counts also give the Pareto ranks below.
  const recencyDays = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    recencyDays[a] = asOfDay === null ? 0 : Math.max(0, asOfDay - lastDay[a]!);
  }
  const r = cuts.r
    ? thresholdScores(recencyDays, cuts.r, false)
    : histogramScores(recencyDays, bins, false);
  const f = cuts.f
    ? thresholdScores(frequency, cuts.f, true)
    : histogramScores(frequency, bins, true);
  const sortedM = value.slice().sort();
  const m = cuts.m ? thresholdScores(value, cuts.m, true) : new Uint8Array(n);
  const lessM = new Int32Array(n);
  const equalM = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const v = value[a]!;
    const less = lowerBound(sortedM, v);
    // Most revenues are unique: search for the end of a run of equals only when there is one.
    const equal = sortedM[less + 1] === v ? upperBound(sortedM, v) - less : 1;
    lessM[a] = less;
    equalM[a] = equal;
    if (!cuts.m) m[a] = midrankScore(less, equal, n, bins);
  }

  const { table: cells, ids: segmentIds } = segmentTable(
    bins,
    options.rules ?? DEFAULT_SEGMENT_RULES,
  );
  const segment = new Uint8Array(n);
  const side = bins + 1;
  for (let a = 0; a < n; a++) segment[a] = cells[(r[a]! * side + f[a]!) * side + m[a]!]!;

  // Pareto from the monetary sort: rank = accounts with a larger value + position among equals
  // (by account id, which is dense-index order). Prefix sums of the descending positives give
  // each account's cumulative share before it, as computePareto accumulates them.
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k]! + Math.max(0, sortedM[n - 1 - k]!);
  const total = prefix[n]!;
  const rank = new Int32Array(n);
  const abc = new Uint8Array(n);
  const cumulativeShare = new Float64Array(n);
  const tiesSeen = new Map<number, number>();
  let countForA = 0;
  for (let a = 0; a < n; a++) {
    const v = value[a]!;
    const above = lessM[a]! + equalM[a]!;
    let tie = 0;
    if (equalM[a]! > 1) {
      tie = tiesSeen.get(v) ?? 0;
      tiesSeen.set(v, tie + 1);
    }
    const p = n - above + tie;
    rank[a] = p + 1;
    const before = prefix[p]!;
    let cls = 2;
    if (v > 0 && total > 0) {
      const shareBefore = before / total;
      cls = shareBefore < cutoffs.a ? 0 : shareBefore < cutoffs.b ? 1 : 2;
    }
    if (cls === 0) countForA++;
    abc[a] = cls;
    cumulativeShare[a] = total > 0 ? (before + (v > 0 ? v : 0)) / total : 0;
  }

  return {
    accounts: n,
    bins,
    asOfDay,
    revenue,
    margin,
    value,
    orders,
    days,
    frequency,
    firstDay,
    lastDay,
    recencyDays,
    r,
    f,
    m,
    segment,
    segmentIds,
    abc,
    rank,
    cumulativeShare,
    totalPositiveMinor: total,
    countForA,
  };
}

/** The engine's arrays as the objects the screens and the reference functions use. */
export function engineObjects(
  table: FactTable,
  res: EngineResult,
): {
  activities: AccountActivity[];
  rfm: RfmScore[];
  pareto: ParetoResult;
  heatmap: { r: number; f: number; count: number; revenueMinor: number }[];
} {
  const n = res.accounts;
  const activities: AccountActivity[] = [];
  const rfm: RfmScore[] = [];
  const entries: ParetoEntry[] = new Array<ParetoEntry>(n);
  const cells = new Map<number, { count: number; revenueMinor: number }>();
  for (let a = 0; a < n; a++) {
    const accountId = table.accountIds[a]!;
    const revenueMinor = res.revenue[a]!;
    activities.push({
      accountId,
      firstOrderDate: fromDayNumber(res.firstDay[a]!),
      lastOrderDate: fromDayNumber(res.lastDay[a]!),
      orderCount: res.orders[a]!,
      revenueMinor,
    });
    rfm.push({
      accountId,
      recencyDays: res.recencyDays[a]!,
      frequency: res.frequency[a]!,
      monetaryMinor: res.value[a]!,
      r: res.r[a]!,
      f: res.f[a]!,
      m: res.m[a]!,
      segment: res.segmentIds[res.segment[a]!]!,
    });
    const positive = res.value[a]! > 0 && res.totalPositiveMinor > 0;
    const valueMinor = res.value[a]!;
    entries[res.rank[a]! - 1] = {
      accountId,
      valueMinor,
      rank: res.rank[a]!,
      share: positive ? valueMinor / res.totalPositiveMinor : 0,
      cumulativeShare: res.cumulativeShare[a]!,
      abc: ABC[res.abc[a]!]!,
    };
    const key = res.r[a]! * 16 + res.f[a]!;
    const cell = cells.get(key) ?? { count: 0, revenueMinor: 0 };
    cell.count += 1;
    cell.revenueMinor += revenueMinor;
    cells.set(key, cell);
  }
  const heatmap: { r: number; f: number; count: number; revenueMinor: number }[] = [];
  for (let r = 1; r <= res.bins; r++) {
    for (let f = 1; f <= res.bins; f++) {
      const cell = cells.get(r * 16 + f);
      heatmap.push({ r, f, count: cell?.count ?? 0, revenueMinor: cell?.revenueMinor ?? 0 });
    }
  }
  return {
    activities,
    rfm,
    pareto: {
      entries,
      totalMinor: res.totalPositiveMinor,
      countForA: res.countForA,
      shareOfAccountsForA: n > 0 ? res.countForA / n : 0,
    },
    heatmap,
  };
}
