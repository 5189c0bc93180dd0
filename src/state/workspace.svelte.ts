import { liveQuery } from 'dexie';
import { generateDemo } from '../domain/demo';
import { workspaceDefaults } from '../domain/workspaceDefaults';
import { computePareto } from '../domain/pareto';
import { aggregateActivity } from '../domain/rfm';
import { repos } from '../db';
import type { WorkspaceSettings } from '../db/workspaces';
import type { WorkspaceRow } from '../db/schema';
import { i18n, t, tDynamic } from '../i18n/i18n.svelte';
import { addDays, fiscalYearOf } from '../domain/date';
import type { MeasureId } from '../domain/types';
import { rollBackDeadImports } from './importRecovery';
import { defaultPlanSource } from './planDefaults';

/** How many demo accounts start flagged: the seeds advise 5–8 target key accounts (002). */
const DEMO_KEY_ACCOUNTS = 6;

/** A new workspace's settings: format and currency from the UI language and the browser. */
export function defaultSettings(name: string): WorkspaceSettings {
  return { name, ...workspaceDefaults(i18n.locale, globalThis.navigator?.language ?? 'en-US') };
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

  async startEmpty(settings: WorkspaceSettings = defaultSettings(t('workspace.emptyName'))) {
    const id = await repos.workspaces.create(settings);
    this.current = (await repos.workspaces.get(id)) ?? null;
  }

  /** Makes another workspace the current one (remembered for the next visit). */
  async switchTo(id: number): Promise<void> {
    const row = await repos.workspaces.get(id);
    if (!row) return;
    await repos.workspaces.setCurrent(id);
    this.current = row;
  }

  /** Deletes a workspace and all its data; when it was the open one, the next one opens (or the
   *  welcome screen when none is left). */
  async remove(id: number): Promise<void> {
    await rollBackDeadImports();
    const next = await repos.workspaces.remove(id);
    if (this.id === id)
      this.current = next === null ? null : ((await repos.workspaces.get(next)) ?? null);
  }

  /**
   * Call from an $effect: follows the open workspace's row in the database, so a rename or a
   * settings change made in another tab shows here, and a workspace deleted in another tab closes
   * here instead of leaving screens that read nothing.
   */
  followDatabase(): () => void {
    const id = this.id;
    if (id === null) return () => {};
    const subscription = liveQuery(() => repos.workspaces.get(id)).subscribe({
      next: (row) => {
        if (this.id !== id) return;
        if (!row) void this.init();
        else this.current = row;
      },
      // A closed connection (upgrade in another tab) is reported by the db banner.
      error: () => {},
    });
    return () => subscription.unsubscribe();
  }

  async loadDemo(overrides: Partial<WorkspaceSettings> = {}): Promise<void> {
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
        { ...defaultSettings(t('workspace.demoName')), currency: 'CNY', ...overrides },
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
    const planId = await repos.plans.create(
      workspaceId,
      account.id,
      fiscalYearOf(lastDate, 1),
      defaultPlanSource(),
    );
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
