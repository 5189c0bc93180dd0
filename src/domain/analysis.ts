// One pass from order facts to everything the Accounts and Analysis screens show.
import { computeAnalysis, engineObjects } from './engine';
import { buildFactTable, type FactTable } from './factTable';
import type { ParetoCutoffs } from './pareto';
import type { rfHeatmap } from './rfm';
import type {
  AccountActivity,
  IsoDate,
  OrderFact,
  ParetoEntry,
  ParetoResult,
  RfmScore,
} from './types';
import { fromDayNumber } from './date';

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
  cutoffs?: ParetoCutoffs;
}

/** Scores a fact table (built once per data load) with the given settings. */
export function analyzeTable(table: FactTable, options: AnalysisOptions = {}): AnalysisResult {
  const res = computeAnalysis(table, options);
  const { activities, rfm, pareto, heatmap } = engineObjects(table, res);
  return {
    asOf: res.asOfDay === null ? null : fromDayNumber(res.asOfDay),
    activityById: new Map(activities.map((a) => [a.accountId, a])),
    rfmById: new Map(rfm.map((s) => [s.accountId, s])),
    paretoById: new Map(pareto.entries.map((e) => [e.accountId, e])),
    pareto,
    heatmap,
    rfm,
  };
}

export function analyzeOrders(
  facts: readonly OrderFact[],
  options: AnalysisOptions = {},
): AnalysisResult {
  return analyzeTable(buildFactTable(facts), options);
}
