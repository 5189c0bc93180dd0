import { getContext, setContext } from 'svelte';
import { repos } from '../db';
import type { AccountRow } from '../db/schema';
import { analyzeTable, type AnalysisResult } from '../domain/analysis';
import { buildFactTable, type FactTable } from '../domain/factTable';
import { DEFAULT_SCORING, type ScoringSettings } from '../domain/analysisSettings';
import type { AbcClass, IsoDate, OrderFact, SegmentId } from '../domain/types';
import { LiveQuery } from './live.svelte';

/** One row of the accounts grid: the stored account joined with its computed figures. */
export interface AccountView {
  id: number;
  key: string;
  name: string;
  industry: string;
  region: string;
  owner: string;
  tier: string;
  isKeyAccount: boolean;
  orders: number;
  revenueMinor: number;
  lastOrderDate: IsoDate | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: SegmentId | null;
  abc: AbcClass | null;
}

export function buildAccountViews(
  accounts: readonly AccountRow[],
  analysis: AnalysisResult,
): AccountView[] {
  return accounts.map((a) => {
    const id = a.id as number;
    const activity = analysis.activityById.get(id);
    const score = analysis.rfmById.get(id);
    return {
      id,
      key: a.key,
      name: a.name,
      industry: a.industry,
      region: a.region,
      owner: a.owner,
      tier: a.tier,
      isKeyAccount: a.isKeyAccount,
      orders: activity?.orderCount ?? 0,
      revenueMinor: activity?.revenueMinor ?? 0,
      lastOrderDate: activity?.lastOrderDate ?? null,
      r: score?.r ?? null,
      f: score?.f ?? null,
      m: score?.m ?? null,
      segment: score?.segment ?? null,
      abc: analysis.paretoById.get(id)?.abc ?? null,
    };
  });
}

/**
 * Live data of the current workspace. Queries restart when the workspace changes; analysis is
 * recomputed whenever orders change (an import) and views whenever accounts change (an edit).
 */
export class WorkspaceData {
  readonly accounts: LiveQuery<AccountRow[], number | null>;
  /** Watched instead of the orders table, so a running import's batches do not reload analysis. */
  readonly dataVersion: LiveQuery<number | null, number | null>;
  facts = $state.raw<OrderFact[]>([]);
  factsLoaded = $state(false);
  /** Built once per data load; every recompute (other settings) reuses it. */
  readonly table: FactTable;
  readonly analysis: AnalysisResult;
  readonly views: AccountView[];

  constructor(
    workspaceId: () => number | null,
    scoring: () => ScoringSettings = () => DEFAULT_SCORING,
  ) {
    this.accounts = new LiveQuery(
      workspaceId,
      async (id) => (id === null ? [] : repos.accounts.listByWorkspace(id)),
      [],
    );
    this.dataVersion = new LiveQuery(workspaceId, () => repos.orders.dataVersion(), null);
    $effect(() => {
      const id = workspaceId();
      const version = this.dataVersion.current;
      if (version === null) return;
      let stale = false;
      const load = id === null ? Promise.resolve([]) : repos.orders.factsByWorkspace(id);
      void load.then((facts) => {
        if (stale) return;
        this.facts = facts;
        this.factsLoaded = true;
      });
      return () => {
        stale = true;
      };
    });
    this.table = $derived(buildFactTable(this.facts));
    this.analysis = $derived.by(() => {
      const s = scoring();
      return analyzeTable(this.table, { bins: s.bins, cutoffs: { a: s.cutoffA, b: s.cutoffB } });
    });
    this.views = $derived(buildAccountViews(this.accounts.current, this.analysis));
  }
}

const KEY = Symbol('workspace-data');
export const provideWorkspaceData = (data: WorkspaceData) => setContext(KEY, data);
export const useWorkspaceData = (): WorkspaceData => getContext<WorkspaceData>(KEY);
