import { getContext, setContext } from 'svelte';
import { repos } from '../db';
import type { AccountRow, CustomFieldDef, CustomValue } from '../db/schema';
import { customValues, fieldsWithImported } from '../domain/cellValues';
import { settingsFrom, type AnalysisSettings } from '../domain/analysisSettings';
import { fromDayNumber } from '../domain/date';
import {
  CHURN_DROP,
  CHURN_OVERDUE,
  NONE_U8,
  reportIndex,
  type AnalysisReport,
} from '../domain/report';
import { SEGMENT_ORDER } from '../domain/segments';
import { shareOfWallet } from '../domain/wallet';
import type { AbcClass, IsoDate } from '../domain/types';
import { tDynamic } from '../i18n/i18n.svelte';
import { analysisClient } from './analysisClient';
import { LiveQuery } from './live.svelte';
import { workspace } from './workspace.svelte';

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
  notes: string;
  /** The user's own fields, by field id. */
  custom: Record<string, CustomValue>;
  /** In the analysis window. */
  orders: number;
  revenueMinor: number;
  lastOrderDate: IsoDate | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  abc: AbcClass | null;
  /** Revenue against the comparison period; null when that had none. */
  growth: number | null;
  churnRisk: boolean;
  relationshipDays: number | null;
  clvMinor: number | null;
  estimatedSpendMinor: number | null;
  shareOfWallet: number | null;
}

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];

export function buildAccountViews(
  accounts: readonly AccountRow[],
  report: AnalysisReport | null,
  customFields: readonly CustomFieldDef[] = [],
): AccountView[] {
  const index = report ? reportIndex(report) : null;
  return accounts.map((a) => {
    const id = a.id as number;
    const i = index?.get(id);
    const estimatedSpendMinor = a.estimatedSpendMinor ?? null;
    const base = {
      id,
      key: a.key,
      name: a.name,
      industry: a.industry,
      region: a.region,
      owner: a.owner,
      tier: a.tier,
      isKeyAccount: a.isKeyAccount,
      notes: a.notes,
      custom: customValues(customFields, a.custom),
      estimatedSpendMinor,
    };
    if (!report || i === undefined) {
      return {
        ...base,
        orders: 0,
        revenueMinor: 0,
        lastOrderDate: null,
        r: null,
        f: null,
        m: null,
        segment: null,
        abc: null,
        growth: null,
        churnRisk: false,
        relationshipDays: null,
        clvMinor: null,
        shareOfWallet: null,
      };
    }
    const active = report.segment[i] !== NONE_U8;
    const growth = report.growth[i]!;
    const revenueMinor = report.revenue[i]!;
    return {
      ...base,
      orders: report.orders[i]!,
      revenueMinor,
      lastOrderDate: active ? fromDayNumber(report.lastDay[i]!) : null,
      r: active ? report.r[i]! : null,
      f: active ? report.f[i]! : null,
      m: active ? report.m[i]! : null,
      segment: active ? report.segmentIds[report.segment[i]!]! : null,
      abc: active ? ABC[report.abc[i]!]! : null,
      growth: Number.isNaN(growth) ? null : growth,
      churnRisk: (report.churn[i]! & (CHURN_OVERDUE | CHURN_DROP)) !== 0,
      relationshipDays: report.firstDay[i]! >= 0 ? report.relationshipDays[i]! : null,
      clvMinor: report.firstDay[i]! >= 0 ? report.clvMinor[i]! : null,
      // The estimate is a yearly spend, so it is set against the last 12 months, whatever window.
      shareOfWallet: shareOfWallet(report.trailing12Minor[i]!, estimatedSpendMinor),
    };
  });
}

/**
 * Live data of the current workspace. Accounts follow the database; the analysis report comes
 * from the analysis worker and is asked for again when the orders (dataVersion), the settings or
 * the fiscal year change. While a new report is computed the previous one stays on screen.
 */
export class WorkspaceData {
  readonly accounts: LiveQuery<AccountRow[], number | null>;
  /** Watched instead of the orders table, so a running import's batches do not reload analysis. */
  readonly dataVersion: LiveQuery<number | null, number | null>;
  report = $state.raw<AnalysisReport | null>(null);
  /** The report matches the current workspace, data and settings. */
  loaded = $state(false);
  computing = $state(false);
  phase = $state<'loading' | 'scoring' | null>(null);
  lastMs = $state<number | null>(null);
  error = $state<string | null>(null);
  readonly settings: AnalysisSettings;
  readonly views: AccountView[];
  /** The user's own fields, and columns an accounts import kept that have no field yet. */
  readonly customFields: CustomFieldDef[];

  constructor(workspaceId: () => number | null) {
    this.accounts = new LiveQuery(
      workspaceId,
      async (id) => (id === null ? [] : repos.accounts.listByWorkspace(id)),
      [],
    );
    this.dataVersion = new LiveQuery(workspaceId, () => repos.orders.dataVersion(), null);
    // Through a JSON string: a derived string only changes when its text does, so updating some
    // other workspace field neither resets the settings forms nor asks the worker again.
    const settingsJson = $derived(JSON.stringify(settingsFrom(workspace.current?.analysis)));
    this.settings = $derived(JSON.parse(settingsJson) as AnalysisSettings);
    const fiscalYearStartMonth = $derived(workspace.current?.fiscalYearStartMonth ?? 1);
    $effect(() => {
      const id = workspaceId();
      const dataVersion = this.dataVersion.current;
      const settings = JSON.parse(settingsJson) as AnalysisSettings;
      const context = { fiscalYearStartMonth };
      if (dataVersion === null) return;
      if (id === null) {
        this.report = null;
        this.loaded = true;
        return;
      }
      let stale = false;
      this.computing = true;
      void analysisClient()
        .request(
          {
            type: 'report',
            key: { workspaceId: id, dataVersion },
            settings,
            context,
          },
          (progress) => {
            if (!stale) this.phase = progress.phase;
          },
        )
        .then((answer) => {
          if (stale) return;
          this.computing = false;
          this.phase = null;
          if (answer.type === 'report') {
            this.report = answer.report;
            this.lastMs = answer.ms;
            this.error = null;
            this.loaded = true;
          } else if (answer.type === 'error') {
            this.error = answer.detail;
          }
        });
      return () => {
        stale = true;
      };
    });
    // Through a JSON string, so an edit that changes no field keeps the same array (and the
    // grid its column definitions).
    const customFieldsJson = $derived(
      JSON.stringify(
        fieldsWithImported(
          workspace.current?.customFields ?? [],
          this.accounts.current.flatMap((a) => Object.keys(a.custom)),
        ),
      ),
    );
    this.customFields = $derived(JSON.parse(customFieldsJson) as CustomFieldDef[]);
    this.views = $derived(buildAccountViews(this.accounts.current, this.report, this.customFields));
  }

  /** The data key of the current report's data, for follow-up requests (a selection's trend). */
  get dataKey(): { workspaceId: number; dataVersion: number } | null {
    const id = workspace.id;
    const dataVersion = this.dataVersion.current;
    return id === null || dataVersion === null ? null : { workspaceId: id, dataVersion };
  }

  /** A segment's name: built-in ones from the catalog, the user's own from their rule. */
  segmentName(id: string): string {
    if ((SEGMENT_ORDER as readonly string[]).includes(id)) return tDynamic(`segment.${id}`);
    return this.settings.rules?.find((rule) => rule.id === id)?.name ?? id;
  }
}

const KEY = Symbol('workspace-data');
export const provideWorkspaceData = (data: WorkspaceData) => setContext(KEY, data);
export const useWorkspaceData = (): WorkspaceData => getContext<WorkspaceData>(KEY);
