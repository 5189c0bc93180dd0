// Churn warning (seeds 004; domain.md §5): a key account is flagged when it is overdue against its
// own buying rhythm, or when its revenue falls year over year. Each account is measured against
// itself, not against the others: a quarterly buyer is not late after a month.
import { daysBetween } from './date';
import { sumMinor } from './money';
import { lastTwelveMonths, previousPeriod } from './periods';
import { fail, ok, type IsoDate, type OrderFact, type Result } from './types';

/**
 * Median gap in days between distinct purchase days; null with fewer than two. Several orders on
 * one day are one buying occasion. With an even number of gaps, the mean of the middle two,
 * rounded (half up). The median keeps one long pause from redefining the rhythm.
 */
export function usualInterval(dates: readonly IsoDate[]): number | null {
  const days = [...new Set(dates)].sort();
  if (days.length < 2) return null;
  const gaps = days.slice(1).map((d, i) => daysBetween(days[i]!, d));
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[mid]! : Math.round((gaps[mid - 1]! + gaps[mid]!) / 2);
}

export interface ChurnSettings {
  /** Overdue when recency > k × usual interval. */
  k: number;
  /** Revenue drop when it falls by more than this share of last year's (0.3 = 30%). */
  dropShare: number;
}

export const DEFAULT_CHURN_SETTINGS: Readonly<ChurnSettings> = { k: 2, dropShare: 0.3 };

export type ChurnSettingsError = 'k_not_positive' | 'drop_share_out_of_range';

/** Checks settings typed by the user: k > 0, 0 ≤ dropShare < 1; missing values take defaults. */
export function checkChurnSettings(
  input: Partial<ChurnSettings>,
): Result<ChurnSettings, ChurnSettingsError> {
  const k = input.k ?? DEFAULT_CHURN_SETTINGS.k;
  const dropShare = input.dropShare ?? DEFAULT_CHURN_SETTINGS.dropShare;
  if (!Number.isFinite(k) || k <= 0) return fail('k_not_positive');
  if (!Number.isFinite(dropShare) || dropShare < 0 || dropShare >= 1) {
    return fail('drop_share_out_of_range');
  }
  return ok({ k, dropShare });
}

export type ChurnReason =
  | { kind: 'overdue'; recencyDays: number; intervalDays: number; k: number }
  /** share = (last year − this year) / last year; above 1 when returns net this year below 0. */
  | { kind: 'revenue_drop'; share: number };

export interface ChurnRisk {
  atRisk: boolean;
  reasons: ChurnReason[];
  /** Days from the last purchase to asOf; null without purchases. */
  recencyDays: number | null;
  intervalDays: number | null;
  /** Net revenue (returns included) in the twelve months ending asOf. */
  revenueThisYearMinor: number;
  /** Net revenue in the twelve months before those. */
  revenueLastYearMinor: number;
}

/**
 * Churn risk of ONE account's facts as of a date. Facts after asOf are ignored, so a past asOf
 * replays what the screen would have said then. Only purchases (amount > 0) set recency and the
 * interval: a return or a zero line is no buying occasion. A drop from last-year revenue ≤ 0 is
 * not a drop (there was nothing to lose).
 */
export function churnRisk(
  facts: readonly OrderFact[],
  asOf: IsoDate,
  settings: ChurnSettings = DEFAULT_CHURN_SETTINGS,
): ChurnRisk {
  const thisYear = lastTwelveMonths(asOf);
  const lastYear = previousPeriod(thisYear);
  const purchaseDates: IsoDate[] = [];
  const thisYearAmounts: number[] = [];
  const lastYearAmounts: number[] = [];
  for (const f of facts) {
    if (f.date > asOf) continue;
    if (f.amountMinor > 0) purchaseDates.push(f.date);
    if (f.date >= thisYear.start) thisYearAmounts.push(f.amountMinor);
    else if (f.date >= lastYear.start) lastYearAmounts.push(f.amountMinor);
  }

  let last: IsoDate | null = null;
  for (const d of purchaseDates) if (last === null || d > last) last = d;
  const recencyDays = last === null ? null : daysBetween(last, asOf);
  const intervalDays = usualInterval(purchaseDates);
  const revenueThisYearMinor = sumMinor(thisYearAmounts);
  const revenueLastYearMinor = sumMinor(lastYearAmounts);

  const reasons: ChurnReason[] = [];
  const { k, dropShare } = settings;
  if (recencyDays !== null && intervalDays !== null && recencyDays > k * intervalDays) {
    reasons.push({ kind: 'overdue', recencyDays, intervalDays, k });
  }
  if (revenueLastYearMinor > 0) {
    const share = (revenueLastYearMinor - revenueThisYearMinor) / revenueLastYearMinor;
    if (share > dropShare) reasons.push({ kind: 'revenue_drop', share });
  }
  return {
    atRisk: reasons.length > 0,
    reasons,
    recencyDays,
    intervalDays,
    revenueThisYearMinor,
    revenueLastYearMinor,
  };
}

/** churnRisk for every account in `facts`: one grouping pass, then one sort per account. */
export function churnByAccount(
  facts: readonly OrderFact[],
  asOf: IsoDate,
  settings: ChurnSettings = DEFAULT_CHURN_SETTINGS,
): Map<number, ChurnRisk> {
  const byAccount = new Map<number, OrderFact[]>();
  for (const f of facts) {
    const list = byAccount.get(f.accountId);
    if (list) list.push(f);
    else byAccount.set(f.accountId, [f]);
  }
  const result = new Map<number, ChurnRisk>();
  for (const [id, list] of byAccount) result.set(id, churnRisk(list, asOf, settings));
  return result;
}
