// How a workspace analyses its accounts: the window, the scoring, the segment rules and the churn
// warning. Stored on the workspace, validated at the edge (the settings forms) so the engine only
// ever sees sane values; `settingsFrom` fills what older stored settings lack.
import { DEFAULT_CHURN_SETTINGS } from './churn';
import { isIsoDate } from './date';
import { validateThresholds, type ThresholdError } from './scoring';
import { validateRule, type EditableRule, type RuleError } from './segmentRules';
import { fail, ok, type IsoDate, type Result } from './types';

/** Which orders are analysed. Every window ends at the as-of date at the latest. */
export type AnalysisWindow =
  /** The twelve months ending on the as-of date (the default). */
  | { kind: 'trailing12' }
  /** A fiscal year, named by the calendar year it starts in. */
  | { kind: 'fiscalYear'; year: number }
  | { kind: 'range'; start: IsoDate; end: IsoDate }
  /** Every order up to the as-of date. */
  | { kind: 'all' };

/** What the window is compared with. */
export type ComparisonChoice =
  /** The same dates one year earlier (year over year). */
  | { kind: 'yearAgo' }
  /** The window of the same length just before. */
  | { kind: 'previous' }
  | { kind: 'range'; start: IsoDate; end: IsoDate };

export type Metric = 'r' | 'f' | 'm';

export interface AnalysisSettings {
  /** Score bins per metric: 3, 4 or 5. */
  bins: number;
  /** Cumulative share below which an account is A (0.8 = the 80/20 rule). */
  cutoffA: number;
  /** Cumulative share below which an account is B. */
  cutoffB: number;
  /** F = distinct orders, or distinct purchase days. */
  frequency: 'orders' | 'days';
  /** M and the Pareto ranking: net revenue, or margin where the cost is known. */
  value: 'revenue' | 'margin';
  /**
   * User cut values per metric (bins − 1, ascending); null = quintiles (quantiles). R in days,
   * F in orders or days, M in minor units.
   */
  thresholds: Record<Metric, number[] | null>;
  /** Segment rules on the 1–5 scale; null = the defaults (R's rfm package). */
  rules: EditableRule[] | null;
  window: AnalysisWindow;
  /** Recency is measured to this day; null = the latest order date. */
  asOf: IsoDate | null;
  compareWith: ComparisonChoice;
  /** Churn: overdue when recency > k × the usual interval. */
  churnK: number;
  /** Churn: revenue down by more than this share of the year before (0.3 = 30 %). */
  churnDrop: number;
}

export const DEFAULT_ANALYSIS: Readonly<AnalysisSettings> = {
  bins: 5,
  cutoffA: 0.8,
  cutoffB: 0.95,
  frequency: 'orders',
  value: 'revenue',
  thresholds: { r: null, f: null, m: null },
  rules: null,
  window: { kind: 'trailing12' },
  asOf: null,
  compareWith: { kind: 'yearAgo' },
  churnK: DEFAULT_CHURN_SETTINGS.k,
  churnDrop: DEFAULT_CHURN_SETTINGS.dropShare,
};

export const BIN_CHOICES = [3, 4, 5] as const;
export const METRICS: readonly Metric[] = ['r', 'f', 'm'];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isNumber = (x: unknown): x is number => typeof x === 'number';
const isString = (x: unknown): x is string => typeof x === 'string';
const numbers = (x: unknown): number[] | null =>
  Array.isArray(x) && x.every(isNumber) ? [...x] : null;
const pair = (x: unknown): [number, number] | null => {
  const v = numbers(x);
  return v?.length === 2 ? [v[0]!, v[1]!] : null;
};

// Stored data is not type-checked (older versions, hand edits): each reader below gives a fresh
// value of the right shape, or undefined for anything else, which then means "the default".

function windowFrom(x: unknown): AnalysisWindow | undefined {
  if (!isObject(x)) return undefined;
  if (x.kind === 'trailing12' || x.kind === 'all') return { kind: x.kind };
  if (x.kind === 'fiscalYear' && isNumber(x.year)) return { kind: x.kind, year: x.year };
  if (x.kind === 'range' && isString(x.start) && isString(x.end)) {
    return { kind: x.kind, start: x.start, end: x.end };
  }
  return undefined;
}

function comparisonFrom(x: unknown): ComparisonChoice | undefined {
  if (!isObject(x)) return undefined;
  if (x.kind === 'yearAgo' || x.kind === 'previous') return { kind: x.kind };
  if (x.kind === 'range' && isString(x.start) && isString(x.end)) {
    return { kind: x.kind, start: x.start, end: x.end };
  }
  return undefined;
}

function rulesFrom(x: unknown): EditableRule[] | null {
  if (!Array.isArray(x)) return null;
  const rules: EditableRule[] = [];
  for (const rule of x as unknown[]) {
    if (!isObject(rule) || !isString(rule.id)) return null;
    const [r, f, m] = [pair(rule.r), pair(rule.f), pair(rule.m)];
    if (!r || !f || !m || !(rule.name === undefined || isString(rule.name))) return null;
    rules.push({ id: rule.id, ...(rule.name === undefined ? {} : { name: rule.name }), r, f, m });
  }
  return rules;
}

function defaults(): AnalysisSettings {
  return settingsFrom(undefined);
}

/** The settings with the part `reason` names put back to its default. */
function withoutFault(s: AnalysisSettings, reason: SettingsError): AnalysisSettings {
  const d = DEFAULT_ANALYSIS;
  const metric = METRICS.find((x) => reason.startsWith(`thresholds_${x}.`));
  if (metric) return { ...s, thresholds: { ...s.thresholds, [metric]: null } };
  if (reason.startsWith('rule_')) return { ...s, rules: null };
  switch (reason) {
    case 'bins':
      return { ...s, bins: d.bins };
    case 'cutoff_range':
    case 'cutoff_order':
      return { ...s, cutoffA: d.cutoffA, cutoffB: d.cutoffB };
    case 'window_dates':
    case 'window_order':
    case 'fiscal_year':
      return { ...s, window: { ...d.window } };
    // The window is the main choice: an as-of date that does not fit it goes.
    case 'as_of':
    case 'as_of_before_window':
      return { ...s, asOf: null };
    case 'compare_dates':
      return { ...s, compareWith: { ...d.compareWith } };
    case 'churn_k':
      return { ...s, churnK: d.churnK };
    case 'churn_drop':
      return { ...s, churnDrop: d.churnDrop };
  }
  return defaults();
}

/**
 * Settings as stored (possibly by an older version, which kept only bins and cut-offs) with
 * every missing field taken from the defaults. A fresh object the caller may change, and always
 * one `checkSettings` accepts: a stored part of the wrong shape, or one the checks reject, is
 * replaced by its default (the worker would otherwise fail on it).
 */
export function settingsFrom(stored: Partial<AnalysisSettings> | undefined): AnalysisSettings {
  const d = DEFAULT_ANALYSIS;
  const raw: Record<string, unknown> = isObject(stored) ? stored : {};
  const number = (key: keyof AnalysisSettings, fallback: number): number => {
    const v = raw[key];
    return isNumber(v) ? v : fallback;
  };
  const t = isObject(raw.thresholds) ? raw.thresholds : {};
  let s: AnalysisSettings = {
    bins: number('bins', d.bins),
    cutoffA: number('cutoffA', d.cutoffA),
    cutoffB: number('cutoffB', d.cutoffB),
    frequency: raw.frequency === 'days' || raw.frequency === 'orders' ? raw.frequency : d.frequency,
    value: raw.value === 'revenue' || raw.value === 'margin' ? raw.value : d.value,
    thresholds: { r: numbers(t.r), f: numbers(t.f), m: numbers(t.m) },
    rules: rulesFrom(raw.rules),
    window: windowFrom(raw.window) ?? { ...d.window },
    asOf: isString(raw.asOf) ? raw.asOf : null,
    compareWith: comparisonFrom(raw.compareWith) ?? { ...d.compareWith },
    churnK: number('churnK', d.churnK),
    churnDrop: number('churnDrop', d.churnDrop),
  };
  // Each round puts back one part, so a few rounds always reach valid settings.
  for (let round = 0; round < 20; round++) {
    const checked = checkSettings(s);
    if (checked.ok) return s;
    s = withoutFault(s, checked.reason);
  }
  return defaults();
}

export type SettingsError =
  | 'bins'
  | 'cutoff_range'
  | 'cutoff_order'
  | `thresholds_${Metric}.${ThresholdError}`
  | `rule_${number}.${RuleError}`
  | 'rule_duplicate_id'
  | 'window_dates'
  | 'window_order'
  | 'fiscal_year'
  | 'as_of'
  /** A range window that starts after the as-of date (fiscal years: see resolveWindow). */
  | 'as_of_before_window'
  | 'compare_dates'
  | 'churn_k'
  | 'churn_drop';

function checkRange(start: string, end: string): 'dates' | 'order' | null {
  if (!isIsoDate(start) || !isIsoDate(end)) return 'dates';
  return end < start ? 'order' : null;
}

/** Every check the forms need, in the order the forms show them; the first failure is returned. */
export function checkSettings(s: AnalysisSettings): Result<AnalysisSettings, SettingsError> {
  if (!(BIN_CHOICES as readonly number[]).includes(s.bins)) return fail('bins');
  const inRange = (x: number) => Number.isFinite(x) && x > 0 && x < 1;
  if (!inRange(s.cutoffA) || !inRange(s.cutoffB)) return fail('cutoff_range');
  if (s.cutoffA >= s.cutoffB) return fail('cutoff_order');
  for (const metric of METRICS) {
    const cuts = s.thresholds[metric];
    if (cuts === null) continue;
    const checked = validateThresholds(cuts, s.bins);
    if (!checked.ok) return fail(`thresholds_${metric}.${checked.reason}` as const);
  }
  let rules: EditableRule[] | null = null;
  if (s.rules !== null) {
    const ids = new Set<string>();
    rules = [];
    for (const [i, rule] of s.rules.entries()) {
      // Rules are written on the 1–5 scale whatever the bins (scores are spread onto it).
      const checked = validateRule(rule, 5);
      if (!checked.ok) return fail(`rule_${i + 1}.${checked.reason}` as const);
      if (ids.has(rule.id)) return fail('rule_duplicate_id');
      ids.add(rule.id);
      rules.push(checked.value);
    }
  }
  const w = s.window;
  if (w.kind === 'range') {
    const bad = checkRange(w.start, w.end);
    if (bad) return fail(bad === 'dates' ? 'window_dates' : 'window_order');
  }
  if (w.kind === 'fiscalYear' && !(Number.isInteger(w.year) && w.year >= 1900 && w.year <= 2200)) {
    return fail('fiscal_year');
  }
  if (s.asOf !== null && !isIsoDate(s.asOf)) return fail('as_of');
  // The window would end before it starts. A fiscal year needs the workspace's start month to
  // know its start, so resolveWindow deals with that one.
  if (w.kind === 'range' && s.asOf !== null && s.asOf < w.start) return fail('as_of_before_window');
  if (s.compareWith.kind === 'range' && checkRange(s.compareWith.start, s.compareWith.end)) {
    return fail('compare_dates');
  }
  if (!Number.isFinite(s.churnK) || s.churnK <= 0) return fail('churn_k');
  if (!Number.isFinite(s.churnDrop) || s.churnDrop < 0 || s.churnDrop >= 1) {
    return fail('churn_drop');
  }
  // The checked rules: names trimmed, copies of the ranges.
  return ok({ ...s, rules });
}
