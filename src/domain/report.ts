// Everything the Analysis and Accounts screens show, from one FactTable and the workspace's
// analysis settings: the window and its comparison period, scores, segments, ABC, growth, churn,
// long-term value, candidates and the summaries the charts draw. Pure, so the app runs it in a
// worker and tests run it directly. Per-account results are typed arrays indexed by the table's
// dense account index (structured-clone and transfer friendly); summaries are small objects.
import type { AnalysisSettings } from './analysisSettings';
import { addDays, addMonths, fromDayNumber, toDayNumber } from './date';
import { computeAnalysis, type EngineOptions, type EngineResult } from './engine';
import { sliceFactTable, type FactTable } from './factTable';
import { scoreCandidates, suggestTargets, type CandidateReasonKind } from './keyAccounts';
import { gini, lorenzCurve, type LorenzPoint } from './lorenz';
import { fiscalYearPeriod, previousPeriod, segmentMigration, setChanges } from './periods';
import type { Migration, Period } from './periods';
import { describeBins, type BinDescription } from './scoring';
import { SEGMENT_ORDER } from './segments';
import type { AbcClass, IsoDate, SegmentId } from './types';

/** No value (not active in the window, no previous period, …) in Uint8 columns. */
export const NONE_U8 = 255;
const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
/** Churn flag bits. */
export const CHURN_OVERDUE = 1;
export const CHURN_DROP = 2;

export interface ReportContext {
  fiscalYearStartMonth: number;
}

export interface SummaryRow {
  count: number;
  revenueMinor: number;
  valueMinor: number;
}

export interface CandidateSummary {
  accountId: number;
  score: number;
  reasons: { kind: CandidateReasonKind; detail?: string }[];
  growth: number | null;
}

export interface AnalysisReport {
  /** The workspace has orders (false = nothing to show). Whether the window holds any is
   *  `activeAccounts > 0`. */
  hasData: boolean;
  asOf: IsoDate | null;
  latestDate: IsoDate | null;
  earliestDate: IsoDate | null;
  window: Period | null;
  comparison: Period | null;
  bins: number;
  valueMeasure: 'revenue' | 'margin';
  /** Lines in the window with a known cost / all lines in the window. */
  costCoverage: number;
  /** Dense index → account id (every account with an order, ever). */
  accountIds: Int32Array;
  // Per account, for the window (0 / NONE_U8 / −1 where the account has no order in it):
  revenue: Float64Array;
  value: Float64Array;
  orders: Int32Array;
  frequency: Int32Array;
  lastDay: Int32Array;
  recencyDays: Int32Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Uint8Array;
  abc: Uint8Array;
  rank: Int32Array;
  cumulativeShare: Float64Array;
  /** Index into `segmentIds`, for the comparison period. */
  previousSegment: Uint8Array;
  previousAbc: Uint8Array;
  previousRevenue: Float64Array;
  /** (revenue − previous) / previous; NaN when the previous revenue is ≤ 0. */
  growth: Float64Array;
  // Per account, over all history up to the as-of date:
  firstDay: Int32Array;
  relationshipDays: Int32Array;
  /** Net revenue per full year of relationship (at least one), rounded. */
  clvMinor: Float64Array;
  /** Net revenue in the twelve months ending on the as-of date, whatever the window: the
   *  account's spend for share of wallet. */
  trailing12Minor: Float64Array;
  churn: Uint8Array;
  /** Median gap between purchase days; −1 with fewer than two. */
  intervalDays: Int32Array;
  /** Days since the last purchase; −1 without one. */
  churnRecencyDays: Int32Array;
  /** Share by which revenue fell on the twelve months before; NaN when there was none before. */
  revenueDrop: Float64Array;
  candidateScore: Uint8Array;
  segmentIds: string[];
  // Summaries:
  activeAccounts: number;
  totalPositiveMinor: number;
  countForA: number;
  heatmap: { r: number; f: number; count: number; revenueMinor: number; valueMinor: number }[];
  segments: ({ id: string } & SummaryRow)[];
  abcRows: Record<AbcClass, SummaryRow>;
  lorenz: LorenzPoint[];
  gini: number;
  cuts: { r: BinDescription[]; f: BinDescription[]; m: BinDescription[] };
  migration: Migration[];
  enteredA: number[];
  leftA: number[];
  /** Suggested target key accounts now, with reasons. */
  suggestions: CandidateSummary[];
  /** The suggested key-account set against the one the comparison period gave. */
  enteredKeySet: number[];
  leftKeySet: number[];
  /** Net revenue per month (`YYYY-MM`) of every account, up to the as-of date. */
  trend: { month: string; revenueMinor: number }[];
  churnSettings: { k: number; drop: number };
}

const minIso = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/** The analysed window and its as-of date for these settings and data. */
export function resolveWindow(
  settings: AnalysisSettings,
  earliest: IsoDate,
  latest: IsoDate,
  context: ReportContext,
): { window: Period; asOf: IsoDate } {
  const w = settings.window;
  switch (w.kind) {
    case 'trailing12': {
      const asOf = settings.asOf ?? latest;
      return { window: { start: addDays(addMonths(asOf, -12), 1), end: asOf }, asOf };
    }
    case 'all': {
      const asOf = settings.asOf ?? latest;
      return { window: { start: minIso(earliest, asOf), end: asOf }, asOf };
    }
    case 'fiscalYear':
    case 'range': {
      const p = w.kind === 'range' ? w : fiscalYearPeriod(w.year, context.fiscalYearStartMonth);
      // A past period is seen from its last day; the current one from the latest order; one
      // after every order from its last day too, so the window still starts before its as-of.
      const asOf = settings.asOf ?? (latest < p.start ? p.end : minIso(p.end, latest));
      // A user's as-of date before the period (a fiscal year: checkSettings rejects a range)
      // stays the cut-off, as for 'all': the window shrinks to that one day and never inverts.
      return { window: { start: minIso(p.start, asOf), end: minIso(p.end, asOf) }, asOf };
    }
  }
}

/** The period the window is compared with. */
export function comparisonPeriod(settings: AnalysisSettings, window: Period): Period {
  const c = settings.compareWith;
  if (c.kind === 'range') return { start: c.start, end: c.end };
  if (c.kind === 'previous') return previousPeriod(window);
  // Stepping back from the day before the start keeps a window that starts on 29 February (or
  // any month end) flush with the year before: 2024-02-29 → 2023-03-01, as the churn year does.
  return {
    start: addDays(addMonths(addDays(window.start, -1), -12), 1),
    end: addMonths(window.end, -12),
  };
}

function engineOptions(settings: AnalysisSettings, asOfDay: number): EngineOptions {
  return {
    bins: settings.bins,
    cutoffs: { a: settings.cutoffA, b: settings.cutoffB },
    asOfDay,
    frequency: settings.frequency,
    value: settings.value,
    thresholds: settings.thresholds,
    ...(settings.rules ? { rules: settings.rules } : {}),
  };
}

/** Net revenue per account (full dense index) of the rows dated from … to. */
function revenueIn(table: FactTable, from: number, to: number): Float64Array {
  const out = new Float64Array(table.accountIds.length);
  const { day, amount, account, count } = table;
  for (let i = 0; i < count; i++) {
    const d = day[i]!;
    if (d >= from && d <= to) out[account[i]!]! += amount[i]!;
  }
  return out;
}

const growthOf = (current: number, previous: number): number =>
  previous > 0 ? (current - previous) / previous : NaN;

interface Scored {
  res: EngineResult;
  /** Engine index → full dense index. */
  toFull: Int32Array;
  costCoverage: number;
}

function score(
  table: FactTable,
  period: Period,
  settings: AnalysisSettings,
  asOf: IsoDate,
): Scored {
  const slice = sliceFactTable(table, toDayNumber(period.start), toDayNumber(period.end));
  const res = computeAnalysis(slice, engineOptions(settings, toDayNumber(asOf)));
  const toFull = Int32Array.from(slice.accountIds, (id) => table.indexOf.get(id)!);
  return { res, toFull, costCoverage: slice.count > 0 ? slice.costedRows / slice.count : 0 };
}

/** The suggested key-account set from a scored period and its growth. */
function suggestedSet(
  table: FactTable,
  scored: Scored,
  growth: Float64Array,
): { set: Set<number>; candidates: ReturnType<typeof scoreCandidates> } {
  const { res, toFull } = scored;
  const rows = Array.from({ length: res.accounts }, (_, a) => {
    const full = toFull[a]!;
    const g = growth[full]!;
    return {
      accountId: table.accountIds[full]!,
      abc: ABC[res.abc[a]!]!,
      segment: res.segmentIds[res.segment[a]!]! as SegmentId,
      growth: Number.isNaN(g) ? null : g,
      manualKeyAccount: false,
    };
  });
  const candidates = scoreCandidates(rows);
  return { set: new Set(suggestTargets(candidates)), candidates };
}

/**
 * Churn and long-term value of every account from its rows up to asOf. Rows are sorted by
 * account and day, so each account is one run and its purchase days come in order. Same rules
 * as churn.ts `churnRisk` and wallet.ts `historicalClv` (report.test.ts holds them to it).
 */
function historyColumns(table: FactTable, asOfDay: number, settings: AnalysisSettings) {
  const n = table.accountIds.length;
  const firstDay = new Int32Array(n).fill(-1);
  const relationshipDays = new Int32Array(n);
  const clvMinor = new Float64Array(n);
  const trailing12Minor = new Float64Array(n);
  const churn = new Uint8Array(n);
  const intervalDays = new Int32Array(n).fill(-1);
  const churnRecencyDays = new Int32Array(n).fill(-1);
  const revenueDrop = new Float64Array(n).fill(NaN);
  const asOf = fromDayNumber(asOfDay);
  const thisYearStart = toDayNumber(addDays(addMonths(asOf, -12), 1));
  const lastYearStart = toDayNumber(addDays(addMonths(asOf, -24), 1));
  const { account, day, amount, count } = table;
  const gaps: number[] = [];
  let i = 0;
  while (i < count) {
    const a = account[i]!;
    let firstAny = -1;
    let firstPurchase = -1;
    let lastPurchase = -1;
    let total = 0;
    let thisYear = 0;
    let lastYear = 0;
    gaps.length = 0;
    for (; i < count && account[i] === a; i++) {
      const d = day[i]!;
      if (d > asOfDay) continue;
      const amt = amount[i]!;
      total += amt;
      if (firstAny < 0) firstAny = d;
      if (d >= thisYearStart) thisYear += amt;
      else if (d >= lastYearStart) lastYear += amt;
      if (amt > 0) {
        if (firstPurchase < 0) firstPurchase = d;
        if (lastPurchase >= 0 && d > lastPurchase) gaps.push(d - lastPurchase);
        lastPurchase = d;
      }
    }
    if (firstAny < 0) continue;
    const first = firstPurchase >= 0 ? firstPurchase : firstAny;
    firstDay[a] = first;
    relationshipDays[a] = Math.max(0, asOfDay - first);
    const years = Math.max(1, fullYears(fromDayNumber(first), asOf));
    clvMinor[a] = Math.sign(total / years) * Math.round(Math.abs(total / years)) + 0;
    trailing12Minor[a] = thisYear;
    let flags = 0;
    if (lastPurchase >= 0) {
      churnRecencyDays[a] = asOfDay - lastPurchase;
      if (gaps.length > 0) {
        gaps.sort((x, y) => x - y);
        const mid = gaps.length >> 1;
        const interval =
          gaps.length % 2 === 1 ? gaps[mid]! : Math.round((gaps[mid - 1]! + gaps[mid]!) / 2);
        intervalDays[a] = interval;
        if (asOfDay - lastPurchase > settings.churnK * interval) flags |= CHURN_OVERDUE;
      }
    }
    if (lastYear > 0) {
      const drop = (lastYear - thisYear) / lastYear;
      revenueDrop[a] = drop;
      if (drop > settings.churnDrop) flags |= CHURN_DROP;
    }
    churn[a] = flags;
  }
  return {
    firstDay,
    relationshipDays,
    clvMinor,
    trailing12Minor,
    churn,
    intervalDays,
    churnRecencyDays,
    revenueDrop,
  };
}

/** Whole years from first to asOf (the anniversary must have been reached), ≥ 0. */
function fullYears(first: IsoDate, asOf: IsoDate): number {
  const n = Number(asOf.slice(0, 4)) - Number(first.slice(0, 4));
  return Math.max(0, addMonths(first, 12 * n) > asOf ? n - 1 : n);
}

function monthlyTrend(
  table: FactTable,
  asOfDay: number,
  include: ((fullIndex: number) => boolean) | null,
): { month: string; revenueMinor: number }[] {
  const totals = new Map<number, number>();
  const { day, amount, account, count } = table;
  const monthOfDay = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const d = day[i]!;
    if (d > asOfDay || (include && !include(account[i]!))) continue;
    let month = monthOfDay.get(d);
    if (month === undefined) {
      const iso = fromDayNumber(d);
      month = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
      monthOfDay.set(d, month);
    }
    totals.set(month, (totals.get(month) ?? 0) + amount[i]!);
  }
  if (totals.size === 0) return [];
  const months = [...totals.keys()];
  const [lo, hi] = [Math.min(...months), Math.max(...months)];
  const out: { month: string; revenueMinor: number }[] = [];
  for (let m = lo; m <= hi; m++) {
    const y = Math.floor(m / 12);
    out.push({
      month: `${y}-${String((m % 12) + 1).padStart(2, '0')}`,
      revenueMinor: totals.get(m) ?? 0,
    });
  }
  return out;
}

/** Monthly net revenue of some accounts (ids) up to asOf: the trend for a selection. */
export function selectionTrend(
  table: FactTable,
  asOf: IsoDate,
  ids: readonly number[],
): { month: string; revenueMinor: number }[] {
  const wanted = new Uint8Array(table.accountIds.length);
  for (const id of ids) {
    const index = table.indexOf.get(id);
    if (index !== undefined) wanted[index] = 1;
  }
  return monthlyTrend(table, toDayNumber(asOf), (a) => wanted[a] === 1);
}

function emptyReport(settings: AnalysisSettings): AnalysisReport {
  const i32 = () => new Int32Array(0);
  const f64 = () => new Float64Array(0);
  const u8 = () => new Uint8Array(0);
  const row = (): SummaryRow => ({ count: 0, revenueMinor: 0, valueMinor: 0 });
  return {
    hasData: false,
    asOf: null,
    latestDate: null,
    earliestDate: null,
    window: null,
    comparison: null,
    bins: settings.bins,
    valueMeasure: settings.value,
    costCoverage: 0,
    accountIds: i32(),
    revenue: f64(),
    value: f64(),
    orders: i32(),
    frequency: i32(),
    lastDay: i32(),
    recencyDays: i32(),
    r: u8(),
    f: u8(),
    m: u8(),
    segment: u8(),
    abc: u8(),
    rank: i32(),
    cumulativeShare: f64(),
    previousSegment: u8(),
    previousAbc: u8(),
    previousRevenue: f64(),
    growth: f64(),
    firstDay: i32(),
    relationshipDays: i32(),
    clvMinor: f64(),
    trailing12Minor: f64(),
    churn: u8(),
    intervalDays: i32(),
    churnRecencyDays: i32(),
    revenueDrop: f64(),
    candidateScore: u8(),
    segmentIds: [],
    activeAccounts: 0,
    totalPositiveMinor: 0,
    countForA: 0,
    heatmap: [],
    segments: [],
    abcRows: { A: row(), B: row(), C: row() },
    lorenz: lorenzCurve([]),
    gini: 0,
    cuts: { r: [], f: [], m: [] },
    migration: [],
    enteredA: [],
    leftA: [],
    suggestions: [],
    enteredKeySet: [],
    leftKeySet: [],
    trend: [],
    churnSettings: { k: settings.churnK, drop: settings.churnDrop },
  };
}

/** At most `max` + 1 points of a curve, evenly spaced by index, both ends kept. */
function thinCurve(points: LorenzPoint[], max: number): LorenzPoint[] {
  if (points.length <= max + 1) return points;
  const last = points.length - 1;
  return Array.from({ length: max + 1 }, (_, k) => points[Math.round((k * last) / max)]!);
}

export function buildReport(
  table: FactTable,
  settings: AnalysisSettings,
  context: ReportContext,
): AnalysisReport {
  if (table.count === 0) return emptyReport(settings);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < table.count; i++) {
    const d = table.day[i]!;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const earliestDate = fromDayNumber(minDay);
  const latestDate = fromDayNumber(maxDay);
  const { window, asOf } = resolveWindow(settings, earliestDate, latestDate, context);
  const comparison = comparisonPeriod(settings, window);
  const asOfDay = toDayNumber(asOf);
  const n = table.accountIds.length;

  const current = score(table, window, settings, asOf);
  const previous = score(table, comparison, settings, comparison.end);
  const cur = current.res;

  // One list of segment ids for both periods, in display order: the built-in order for the
  // default rules, the table's order for the user's own; "others" last.
  const ruleIds = settings.rules ? settings.rules.map((r) => r.id) : [...SEGMENT_ORDER];
  const segmentIds = [...new Set([...ruleIds.filter((id) => id !== 'others'), 'others'])];
  const unified = (ids: readonly string[]) => ids.map((id) => segmentIds.indexOf(id));

  const revenue = new Float64Array(n);
  const value = new Float64Array(n);
  const orders = new Int32Array(n);
  const frequency = new Int32Array(n);
  const lastDay = new Int32Array(n).fill(-1);
  const recencyDays = new Int32Array(n).fill(-1);
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  const segment = new Uint8Array(n).fill(NONE_U8);
  const abc = new Uint8Array(n).fill(NONE_U8);
  const rank = new Int32Array(n);
  const cumulativeShare = new Float64Array(n);
  const currentSegmentIndex = unified(cur.segmentIds);
  for (let a = 0; a < cur.accounts; a++) {
    const full = current.toFull[a]!;
    revenue[full] = cur.revenue[a]!;
    value[full] = cur.value[a]!;
    orders[full] = cur.orders[a]!;
    frequency[full] = cur.frequency[a]!;
    lastDay[full] = cur.lastDay[a]!;
    recencyDays[full] = cur.recencyDays[a]!;
    r[full] = cur.r[a]!;
    f[full] = cur.f[a]!;
    m[full] = cur.m[a]!;
    segment[full] = currentSegmentIndex[cur.segment[a]!]!;
    abc[full] = cur.abc[a]!;
    rank[full] = cur.rank[a]!;
    cumulativeShare[full] = cur.cumulativeShare[a]!;
  }

  const prev = previous.res;
  const previousSegment = new Uint8Array(n).fill(NONE_U8);
  const previousAbc = new Uint8Array(n).fill(NONE_U8);
  const previousRevenue = new Float64Array(n);
  const previousSegmentIndex = unified(prev.segmentIds);
  for (let a = 0; a < prev.accounts; a++) {
    const full = previous.toFull[a]!;
    previousSegment[full] = previousSegmentIndex[prev.segment[a]!]!;
    previousAbc[full] = prev.abc[a]!;
    previousRevenue[full] = prev.revenue[a]!;
  }
  const growth = new Float64Array(n);
  for (let a = 0; a < n; a++) growth[a] = growthOf(revenue[a]!, previousRevenue[a]!);

  // The key-account set is re-identified in each period (seeds 003): the comparison period's
  // suggestions use its growth against the period before it. A compare range would give itself
  // again, so it steps back to the period just before it.
  const before =
    settings.compareWith.kind === 'range'
      ? previousPeriod(comparison)
      : comparisonPeriod(settings, comparison);
  const beforeRevenue = revenueIn(table, toDayNumber(before.start), toDayNumber(before.end));
  const previousGrowth = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    previousGrowth[a] = growthOf(previousRevenue[a]!, beforeRevenue[a]!);
  }
  const now = suggestedSet(table, current, growth);
  const then = suggestedSet(table, previous, previousGrowth);
  const keySet = setChanges(then.set, now.set);
  const candidateScore = new Uint8Array(n);
  const candidateById = new Map(now.candidates.map((c) => [c.accountId, c]));
  for (const c of now.candidates) candidateScore[table.indexOf.get(c.accountId)!] = c.score;
  const suggestions = [...now.set].map((id) => {
    const c = candidateById.get(id)!;
    const g = growth[table.indexOf.get(id)!]!;
    return {
      accountId: id,
      score: c.score,
      reasons: c.reasons.map((x) => ({ ...x })),
      growth: Number.isNaN(g) ? null : g,
    };
  });

  // Summaries over the accounts active in the window.
  const cells = new Map<number, { count: number; revenueMinor: number; valueMinor: number }>();
  const bySegment = segmentIds.map(() => ({ count: 0, revenueMinor: 0, valueMinor: 0 }));
  const zero = (): SummaryRow => ({ count: 0, revenueMinor: 0, valueMinor: 0 });
  const abcRows: Record<AbcClass, SummaryRow> = { A: zero(), B: zero(), C: zero() };
  const add = (row: SummaryRow, a: number) => {
    row.count += 1;
    row.revenueMinor += cur.revenue[a]!;
    row.valueMinor += cur.value[a]!;
  };
  for (let a = 0; a < cur.accounts; a++) {
    const key = cur.r[a]! * 16 + cur.f[a]!;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = zero()));
    add(cell, a);
    add(bySegment[currentSegmentIndex[cur.segment[a]!]!]!, a);
    add(abcRows[ABC[cur.abc[a]!]!], a);
  }
  const heatmap: AnalysisReport['heatmap'] = [];
  for (let rr = 1; rr <= settings.bins; rr++) {
    for (let ff = 1; ff <= settings.bins; ff++) {
      heatmap.push({ r: rr, f: ff, ...(cells.get(rr * 16 + ff) ?? zero()) });
    }
  }
  const values = Array.from(cur.value);
  const method = (metric: 'r' | 'f' | 'm') =>
    settings.thresholds[metric] ? 'thresholds' : 'quantile';
  const cuts = {
    r: describeBins(Array.from(cur.recencyDays), Array.from(cur.r), settings.bins, method('r')),
    f: describeBins(Array.from(cur.frequency), Array.from(cur.f), settings.bins, method('f')),
    m: describeBins(values, Array.from(cur.m), settings.bins, method('m')),
  };

  const idsOf = (scored: Scored, keep: (a: number) => boolean) => {
    const out = new Set<number>();
    for (let a = 0; a < scored.res.accounts; a++) {
      if (keep(a)) out.add(table.accountIds[scored.toFull[a]!]!);
    }
    return out;
  };
  const classA = setChanges(
    idsOf(previous, (a) => prev.abc[a] === 0),
    idsOf(current, (a) => cur.abc[a] === 0),
  );
  const segmentMap = (scored: Scored, index: number[]) => {
    const map = new Map<number, string>();
    for (let a = 0; a < scored.res.accounts; a++) {
      const id = table.accountIds[scored.toFull[a]!]!;
      map.set(id, segmentIds[index[scored.res.segment[a]!]!]!);
    }
    return map;
  };

  return {
    hasData: true,
    asOf,
    latestDate,
    earliestDate,
    window,
    comparison,
    bins: settings.bins,
    valueMeasure: settings.value,
    costCoverage: current.costCoverage,
    accountIds: table.accountIds.slice(),
    revenue,
    value,
    orders,
    frequency,
    lastDay,
    recencyDays,
    r,
    f,
    m,
    segment,
    abc,
    rank,
    cumulativeShare,
    previousSegment,
    previousAbc,
    previousRevenue,
    growth,
    ...historyColumns(table, asOfDay, settings),
    candidateScore,
    segmentIds,
    activeAccounts: cur.accounts,
    totalPositiveMinor: cur.totalPositiveMinor,
    countForA: cur.countForA,
    heatmap,
    segments: segmentIds.map((id, i) => ({ id, ...bySegment[i]! })).filter((row) => row.count > 0),
    abcRows,
    lorenz: thinCurve(lorenzCurve(values), 400),
    gini: gini(values),
    cuts,
    migration: segmentMigration(
      segmentMap(previous, previousSegmentIndex),
      segmentMap(current, currentSegmentIndex),
    ),
    enteredA: classA.entered,
    leftA: classA.left,
    suggestions,
    enteredKeySet: keySet.entered,
    leftKeySet: keySet.left,
    trend: monthlyTrend(table, asOfDay, null),
    churnSettings: { k: settings.churnK, drop: settings.churnDrop },
  };
}

/** Account id → dense index of a report. */
export function reportIndex(report: AnalysisReport): Map<number, number> {
  const index = new Map<number, number>();
  report.accountIds.forEach((id, i) => index.set(id, i));
  return index;
}

/** How many of some accounts sit in each R×F cell (key r × 16 + f) and each segment. */
export function countSelected(
  report: AnalysisReport,
  ids: Iterable<number>,
): { cells: Map<number, number>; segments: Map<string, number> } {
  const cells = new Map<number, number>();
  const segments = new Map<string, number>();
  const index = reportIndex(report);
  for (const id of ids) {
    const i = index.get(id);
    if (i === undefined || report.segment[i] === NONE_U8) continue;
    const key = report.r[i]! * 16 + report.f[i]!;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    const segment = report.segmentIds[report.segment[i]!]!;
    segments.set(segment, (segments.get(segment) ?? 0) + 1);
  }
  return { cells, segments };
}
