// The analysis worker's memory: one fact table per workspace and data version (built once per
// import), and the last few reports per settings, so switching back to a period or a setting is
// instant. Loading is injected so tests run it without a worker or IndexedDB.
import type { AnalysisSettings } from '../domain/analysisSettings';
import { buildFactTable, type FactTable } from '../domain/factTable';
import {
  buildReport,
  selectionTrend,
  type AnalysisReport,
  type ReportContext,
} from '../domain/report';
import type { OrderFact } from '../domain/types';
import type { DataKey } from './analysisProtocol';

const MAX_REPORTS = 12;

export class AnalysisCache {
  private table: { key: string; table: Promise<FactTable> } | null = null;
  /** Insertion-ordered: the oldest entry is evicted first; a hit moves to the end. */
  private readonly reports = new Map<string, AnalysisReport>();

  constructor(private readonly loadFacts: (workspaceId: number) => Promise<OrderFact[]>) {}

  /** The table for this data; a new workspace or version drops the old table and its reports. */
  tableFor(key: DataKey): Promise<FactTable> {
    const id = `${key.workspaceId}@${key.dataVersion}`;
    if (this.table?.key !== id) {
      this.reports.clear();
      const table = this.loadFacts(key.workspaceId).then(buildFactTable);
      // A failed load must not stick: the next request tries again.
      table.catch(() => {
        if (this.table?.key === id) this.table = null;
      });
      this.table = { key: id, table };
    }
    return this.table.table;
  }

  async report(
    key: DataKey,
    settings: AnalysisSettings,
    context: ReportContext,
  ): Promise<{ report: AnalysisReport; cached: boolean }> {
    const table = await this.tableFor(key);
    const id = JSON.stringify([key.workspaceId, key.dataVersion, settings, context]);
    const hit = this.reports.get(id);
    if (hit) {
      this.reports.delete(id);
      this.reports.set(id, hit);
      return { report: hit, cached: true };
    }
    const report = buildReport(table, settings, context);
    this.reports.set(id, report);
    if (this.reports.size > MAX_REPORTS) this.reports.delete(this.reports.keys().next().value!);
    return { report, cached: false };
  }

  async trend(key: DataKey, asOf: string, accountIds: readonly number[]) {
    return selectionTrend(await this.tableFor(key), asOf, accountIds);
  }
}
