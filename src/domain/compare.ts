// Identification is dynamic (seeds 003): the same analysis for this period and the one before,
// and what changed — who entered or left class A, how accounts moved between RFM segments.
import { toDayNumber } from './date';
import { computeAnalysis, type EngineOptions } from './engine';
import { buildFactTable } from './factTable';
import {
  factsIn,
  lastTwelveMonths,
  previousPeriod,
  segmentMigration,
  setChanges,
  type Migration,
  type Period,
} from './periods';
import type { IsoDate, OrderFact } from './types';

export interface PeriodSnapshot {
  period: Period;
  segmentById: Map<number, string>;
  classA: Set<number>;
}

export interface PeriodComparison {
  current: PeriodSnapshot;
  previous: PeriodSnapshot;
  migration: Migration[];
  enteredA: number[];
  leftA: number[];
}

/** Scores one period on its own orders, with recency measured to the period's last day. */
export function snapshot(
  facts: readonly OrderFact[],
  period: Period,
  options: Omit<EngineOptions, 'asOfDay'> = {},
): PeriodSnapshot {
  const table = buildFactTable(factsIn(facts, period));
  const res = computeAnalysis(table, { ...options, asOfDay: toDayNumber(period.end) });
  const segmentById = new Map<number, string>();
  const classA = new Set<number>();
  for (let a = 0; a < res.accounts; a++) {
    const id = table.accountIds[a]!;
    segmentById.set(id, res.segmentIds[res.segment[a]!]!);
    if (res.abc[a] === 0) classA.add(id);
  }
  return { period, segmentById, classA };
}

/** The twelve months to `asOf` against the twelve months before. */
export function compareYearOverYear(
  facts: readonly OrderFact[],
  asOf: IsoDate,
  options: Omit<EngineOptions, 'asOfDay'> = {},
): PeriodComparison {
  const currentPeriod = lastTwelveMonths(asOf);
  const current = snapshot(facts, currentPeriod, options);
  const previous = snapshot(facts, previousPeriod(currentPeriod), options);
  const a = setChanges(previous.classA, current.classA);
  return {
    current,
    previous,
    migration: segmentMigration(previous.segmentById, current.segmentById),
    enteredA: a.entered,
    leftA: a.left,
  };
}
