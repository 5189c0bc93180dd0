import { getContext, setContext } from 'svelte';
import { repos } from '../db';
import type { AccountRow } from '../db/schema';
import { analyzeOrders, type AnalysisResult } from '../domain/analysis';
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
  readonly facts: LiveQuery<OrderFact[], number | null>;
  readonly analysis: AnalysisResult;
  readonly views: AccountView[];

  constructor(workspaceId: () => number | null) {
    this.accounts = new LiveQuery(
      workspaceId,
      async (id) => (id === null ? [] : repos.accounts.listByWorkspace(id)),
      [],
    );
    this.facts = new LiveQuery(
      workspaceId,
      async (id) => (id === null ? [] : repos.orders.factsByWorkspace(id)),
      [],
    );
    this.analysis = $derived(analyzeOrders(this.facts.current));
    this.views = $derived(buildAccountViews(this.accounts.current, this.analysis));
  }
}

const KEY = Symbol('workspace-data');
export const provideWorkspaceData = (data: WorkspaceData) => setContext(KEY, data);
export const useWorkspaceData = (): WorkspaceData => getContext<WorkspaceData>(KEY);
