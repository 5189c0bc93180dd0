// One pass from order facts to everything the Accounts and Analysis screens show.
import { maxIsoDate } from './date';
import { computePareto } from './pareto';
import { aggregateActivity, computeRfm, rfHeatmap } from './rfm';
import type {
  AccountActivity,
  IsoDate,
  OrderFact,
  ParetoEntry,
  ParetoResult,
  RfmScore,
} from './types';

export interface AnalysisResult {
  /** Latest order date: recency is measured from here so old exports still make sense. */
  asOf: IsoDate | null;
  activityById: Map<number, AccountActivity>;
  rfmById: Map<number, RfmScore>;
  paretoById: Map<number, ParetoEntry>;
  pareto: ParetoResult;
  heatmap: ReturnType<typeof rfHeatmap>;
  rfm: RfmScore[];
}

export interface AnalysisOptions {
  bins?: number;
  cutoffs?: { a: number; b: number };
}

export function analyzeOrders(
  facts: readonly OrderFact[],
  options: AnalysisOptions = {},
): AnalysisResult {
  const bins = options.bins ?? 5;
  const activities = aggregateActivity(facts);
  const asOf = activities.length ? maxIsoDate(activities.map((a) => a.lastOrderDate)) : null;
  const rfm = asOf ? computeRfm(activities, asOf, { bins }) : [];
  const pareto = computePareto(
    activities.map((a) => ({ accountId: a.accountId, valueMinor: a.revenueMinor })),
    options.cutoffs,
  );
  return {
    asOf,
    activityById: new Map(activities.map((a) => [a.accountId, a])),
    rfmById: new Map(rfm.map((s) => [s.accountId, s])),
    paretoById: new Map(pareto.entries.map((e) => [e.accountId, e])),
    pareto,
    heatmap: rfHeatmap(rfm, bins),
    rfm,
  };
}
