import { generateDemo } from '../domain/demo';
import { computePareto } from '../domain/pareto';
import { aggregateActivity } from '../domain/rfm';
import { repos } from '../db';
import type { WorkspaceSettings } from '../db/workspaces';
import type { WorkspaceRow } from '../db/schema';
import { t, tDynamic } from '../i18n/i18n.svelte';
import { addDays, fiscalYearOf } from '../domain/date';
import type { MeasureId } from '../domain/types';

/** How many demo accounts start flagged: the seeds advise 5–8 target key accounts (002). */
const DEMO_KEY_ACCOUNTS = 6;

function defaultSettings(name: string): WorkspaceSettings {
  const zh = (globalThis.navigator?.language ?? '').toLowerCase().startsWith('zh');
  return { name, currency: 'CNY', locale: zh ? 'zh-CN' : 'en-US', fiscalYearStartMonth: 1 };
}

class WorkspaceState {
  current = $state.raw<WorkspaceRow | null>(null);
  ready = $state(false);
  busy = $state(false);

  /** Derived, not a getter: readers (live queries, the analysis) restart only when the id itself
   *  changes, not on every settings update that replaces `current`. */
  readonly id: number | null = $derived(this.current?.id ?? null);

  async init(): Promise<void> {
    const id = await repos.workspaces.currentId();
    this.current = id === null ? null : ((await repos.workspaces.get(id)) ?? null);
    this.ready = true;
  }

  async startEmpty(): Promise<void> {
    const id = await repos.workspaces.create(defaultSettings(t('workspace.emptyName')));
    this.current = (await repos.workspaces.get(id)) ?? null;
  }

  async loadDemo(): Promise<void> {
    this.busy = true;
    try {
      const data = generateDemo();
      // Flag the biggest customers as key accounts so every screen has something to show.
      const byKeyIndex = new Map(data.accounts.map((a, i) => [a.key, i]));
      const facts = data.orders.map((o) => ({
        accountId: byKeyIndex.get(o.accountKey) as number,
        orderNo: o.orderNo,
        date: o.date,
        amountMinor: o.amountMinor,
      }));
      const pareto = computePareto(
        aggregateActivity(facts).map((a) => ({
          accountId: a.accountId,
          valueMinor: a.revenueMinor,
        })),
      );
      const keyAccountKeys = pareto.entries
        .slice(0, DEMO_KEY_ACCOUNTS)
        .map((e) => data.accounts[e.accountId]!.key);
      const id = await repos.demo.create(
        defaultSettings(t('workspace.demoName')),
        data,
        keyAccountKeys,
      );
      await this.addSamplePlan(id, keyAccountKeys[0], data.orders.at(-1)?.date);
      this.current = (await repos.workspaces.get(id)) ?? null;
    } finally {
      this.busy = false;
    }
  }

  /** A started plan for the top key account, so the Plans screen shows what a plan looks like. */
  private async addSamplePlan(workspaceId: number, accountKey?: string, lastDate?: string) {
    if (!accountKey || !lastDate) return;
    const accounts = await repos.accounts.listByWorkspace(workspaceId);
    const account = accounts.find((a) => a.key === accountKey);
    if (!account?.id) return;
    const planId = await repos.plans.create(workspaceId, account.id, fiscalYearOf(lastDate, 1));
    await repos.plans.updateDoc(planId, (doc) => ({ ...doc, goalsNotes: t('demo.planGoals') }));
    const samples: { measure: MeasureId; due: string }[] = [
      { measure: 'executive_visits', due: addDays(lastDate, 30) },
      { measure: 'priority_supply', due: addDays(lastDate, 45) },
      { measure: 'annual_symposium', due: addDays(lastDate, 60) },
    ];
    for (const s of samples) {
      await repos.plans.addAction(planId, {
        measure: s.measure,
        title: tDynamic(`measure.${s.measure}`),
        owner: account.owner,
        due: s.due,
        status: 'planned',
      });
    }
  }

  /** Reads the workspace row again after a repository changed it (e.g. custom fields). */
  async reload(): Promise<void> {
    const id = this.id;
    if (id !== null) this.current = (await repos.workspaces.get(id)) ?? null;
  }

  async update(patch: Partial<WorkspaceSettings>): Promise<void> {
    const id = this.id;
    if (id === null) return;
    await repos.workspaces.update(id, patch);
    this.current = (await repos.workspaces.get(id)) ?? null;
  }
}

export const workspace = new WorkspaceState();
