// Plan health: one 0–100 score per plan, made of four parts the UI can explain (issue 7).
// Pure. Every rule is spelled out next to its code so the UI's explanation can follow it.
import { daysBetween, fiscalYearRange } from './date';
import { DEFAULT_HEALTH_WEIGHTS, type HealthWeights, type PlanAction } from './planDoc';
import type { IsoDate } from './types';

export interface HealthInput {
  /** This year's revenue target; null = none set. */
  targetRevenueMinor: number | null;
  /** Revenue of the fiscal year so far. */
  ytdRevenueMinor: number;
  /** Share of the fiscal year elapsed, 0–1 (see yearShareElapsed). */
  yearShareElapsed: number;
  actions: readonly PlanAction[];
  today: IsoDate;
  /** Relationship lines (business, technical, management) with a named contact, 0–3. */
  linesCovered: number;
  /** The account has a key contact ("node" person). */
  hasNodePerson: boolean;
  /** Days since the last contact with the account; null = never. */
  daysSinceLastContact: number | null;
}

/**
 * Reason codes, one per part, for i18n (e.g. `health.reason.no_target`):
 * - targets: 'no_target' | 'year_not_started' | 'on_track' | 'behind'
 * - overdue: 'no_open_actions' | 'none_overdue' | 'some_overdue'
 * - coverage: 'all_lines' | 'lines_missing' | 'no_node_person'
 * - contact: 'never' | 'recent' | 'fading' | 'stale'
 */
export type HealthReason =
  | 'no_target'
  | 'year_not_started'
  | 'on_track'
  | 'behind'
  | 'no_open_actions'
  | 'none_overdue'
  | 'some_overdue'
  | 'all_lines'
  | 'lines_missing'
  | 'no_node_person'
  | 'never'
  | 'recent'
  | 'fading'
  | 'stale';

export interface HealthPart {
  id: keyof HealthWeights;
  /** 0–1, 1 = healthy. */
  value: number;
  /** Normalised weight: the parts' weights add up to 1. */
  weight: number;
  reason: HealthReason;
}

export interface HealthScore {
  /** 0–100 integer. */
  score: number;
  /** In the order targets, overdue, coverage, contact. */
  parts: HealthPart[];
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** An action still to do: planned or in progress. */
export function isActionOpen(a: PlanAction): boolean {
  return a.status === 'planned' || a.status === 'in_progress';
}

/** An open action whose due date lies before today (due today is not overdue; no due date never is). */
export function isActionOverdue(a: PlanAction, today: IsoDate): boolean {
  return isActionOpen(a) && a.due !== '' && a.due < today;
}

/**
 * Counts for the portfolio: done, total (all but cancelled), open (planned + in progress) and
 * overdue (see isActionOverdue).
 */
export function actionCounts(
  actions: readonly PlanAction[],
  today: IsoDate,
): { done: number; total: number; open: number; overdue: number } {
  let done = 0;
  let total = 0;
  let open = 0;
  let overdue = 0;
  for (const a of actions) {
    if (a.status !== 'cancelled') total++;
    if (a.status === 'done') done++;
    if (isActionOpen(a)) open++;
    if (isActionOverdue(a, today)) overdue++;
  }
  return { done, total, open, overdue };
}

/**
 * Share of fiscal year `fiscalYear` (named by the calendar year it starts in, starting on the
 * 1st of `fiscalStartMonth`) elapsed at the end of `today`: days from the first day up to and
 * including today / days in the fiscal year. 0 before the year starts, 1 from its last day on.
 */
export function yearShareElapsed(
  today: IsoDate,
  fiscalYear: number,
  fiscalStartMonth: number,
): number {
  const { start, end } = fiscalYearRange(fiscalYear, fiscalStartMonth);
  if (today < start) return 0;
  if (today >= end) return 1;
  return (daysBetween(start, today) + 1) / (daysBetween(start, end) + 1);
}

/**
 * Usable weights: null → DEFAULT_HEALTH_WEIGHTS; a negative or non-finite weight counts as 0;
 * when all are 0 the defaults are used. Then divided by their sum so they add up to 1.
 */
export function normaliseWeights(weights: HealthWeights | null): HealthWeights {
  const keys = ['targets', 'overdue', 'coverage', 'contact'] as const;
  const clean = (w: HealthWeights): HealthWeights => {
    const r = { ...w };
    for (const k of keys) r[k] = Number.isFinite(w[k]) && w[k] > 0 ? w[k] : 0;
    return r;
  };
  let w = clean(weights ?? DEFAULT_HEALTH_WEIGHTS);
  let sum = keys.reduce((s, k) => s + w[k], 0);
  if (sum <= 0) {
    w = clean(DEFAULT_HEALTH_WEIGHTS);
    sum = keys.reduce((s, k) => s + w[k], 0);
  }
  return {
    targets: w.targets / sum,
    overdue: w.overdue / sum,
    coverage: w.coverage / sum,
    contact: w.contact / sum,
  };
}

/** Days up to which the last contact counts as fully recent, and from which it counts 0. */
export const CONTACT_RECENT_DAYS = 30;
export const CONTACT_STALE_DAYS = 180;

/**
 * The plan's health, 0–100, and its four parts (each 0–1, 1 = healthy):
 *
 * 1. targets — revenue on track: expected = target × share of the year elapsed;
 *    value = ytd revenue / expected, capped to 0–1 ('on_track' at 1, else 'behind').
 *    No target (null or ≤ 0) → 0.5, 'no_target'. Target set but the year has not started
 *    (share 0) → 1, 'year_not_started'.
 * 2. overdue — actions on time: 1 − overdue / open, where open = planned or in progress and
 *    overdue = open with a due date before today. No open actions → 1, 'no_open_actions';
 *    'none_overdue' when 0 overdue, else 'some_overdue'.
 * 3. coverage — stakeholder coverage: lines covered (business, technical, management; 0–3) / 3,
 *    minus 0.25 without a key ("node") person, not below 0. 'no_node_person' when there is
 *    none, else 'lines_missing' below 3 lines, else 'all_lines'.
 * 4. contact — recency of contact: 1 up to 30 days since the last contact ('recent'), falling
 *    linearly to 0 at 180 days ('fading' in between), 0 from 180 days ('stale') and when there
 *    was never a contact ('never').
 *
 * score = round(100 × Σ weight × value) with the weights normalised (see normaliseWeights).
 */
export function healthScore(input: HealthInput, weights: HealthWeights | null): HealthScore {
  const w = normaliseWeights(weights);

  let targets: { value: number; reason: HealthReason };
  const target = input.targetRevenueMinor;
  if (target === null || !(target > 0)) targets = { value: 0.5, reason: 'no_target' };
  else if (!(input.yearShareElapsed > 0)) targets = { value: 1, reason: 'year_not_started' };
  else {
    const value = clamp01(input.ytdRevenueMinor / (target * Math.min(1, input.yearShareElapsed)));
    targets = { value, reason: value >= 1 ? 'on_track' : 'behind' };
  }

  const { open, overdue } = actionCounts(input.actions, input.today);
  const onTime: { value: number; reason: HealthReason } =
    open === 0
      ? { value: 1, reason: 'no_open_actions' }
      : { value: 1 - overdue / open, reason: overdue === 0 ? 'none_overdue' : 'some_overdue' };

  const lines = Math.min(
    3,
    Math.max(0, Number.isFinite(input.linesCovered) ? input.linesCovered : 0),
  );
  const coverage: { value: number; reason: HealthReason } = {
    value: Math.max(0, lines / 3 - (input.hasNodePerson ? 0 : 0.25)),
    reason: !input.hasNodePerson ? 'no_node_person' : lines < 3 ? 'lines_missing' : 'all_lines',
  };

  const days = input.daysSinceLastContact;
  let contact: { value: number; reason: HealthReason };
  if (days === null || !Number.isFinite(days)) contact = { value: 0, reason: 'never' };
  else if (days <= CONTACT_RECENT_DAYS) contact = { value: 1, reason: 'recent' };
  else if (days >= CONTACT_STALE_DAYS) contact = { value: 0, reason: 'stale' };
  else {
    contact = {
      value: (CONTACT_STALE_DAYS - days) / (CONTACT_STALE_DAYS - CONTACT_RECENT_DAYS),
      reason: 'fading',
    };
  }

  const parts: HealthPart[] = [
    { id: 'targets', value: targets.value, weight: w.targets, reason: targets.reason },
    { id: 'overdue', value: onTime.value, weight: w.overdue, reason: onTime.reason },
    { id: 'coverage', value: coverage.value, weight: w.coverage, reason: coverage.reason },
    { id: 'contact', value: contact.value, weight: w.contact, reason: contact.reason },
  ];
  const total = parts.reduce((s, p) => s + p.weight * p.value, 0);
  return { score: Math.min(100, Math.max(0, Math.round(100 * total))), parts };
}
