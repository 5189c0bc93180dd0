// The Plans screen's portfolio model, apart from the .svelte views so it can be tested: one row
// per plan of a fiscal year with its figures, filtering and sorting, the key accounts still
// without a plan, and the review cadence in months per tier. Pure: no Svelte, Dexie or DOM.
import type { ActionStatus, PlanStatus } from '../../../domain/types';

export interface PortfolioPlan {
  id: number;
  accountId: number;
  year: number;
  status: PlanStatus;
  /** The plan's revenue target (doc.targets.revenueMinor); null = not set. */
  targetMinor: number | null;
}

export interface PortfolioAccount {
  id: number;
  key: string;
  name: string;
  owner: string;
  tier: string;
  isKeyAccount: boolean;
}

export interface PortfolioAction {
  planId: number;
  due: string;
  status: ActionStatus;
}

export interface PortfolioRow {
  planId: number;
  accountId: number;
  accountName: string;
  accountKey: string;
  tierId: string;
  tierName: string;
  owner: string;
  status: PlanStatus;
  targetMinor: number | null;
  /** Revenue of the fiscal year so far (orders dated in the year up to today). */
  actualMinor: number;
  /** actual / target; null when no (positive) target is set. */
  attainment: number | null;
  actionsDone: number;
  /** Actions that count: every action but the cancelled ones. */
  actionsTotal: number;
  overdue: number;
  /** 0–100; null when it could not be computed. */
  health: number | null;
}

/** An action is overdue when due before today and neither done nor cancelled. */
export function isOverdue(action: { due: string; status: ActionStatus }, today: string): boolean {
  return (
    action.due !== '' &&
    action.due < today &&
    action.status !== 'done' &&
    action.status !== 'cancelled'
  );
}

/** Sums order amounts per account over the dates from `start` to `end` (both inclusive). */
export function revenueByAccount(
  orders: Iterable<{ accountId: number; date: string; amountMinor: number }>,
  start: string,
  end: string,
): Map<number, number> {
  const sums = new Map<number, number>();
  for (const o of orders) {
    if (o.date < start || o.date > end) continue;
    sums.set(o.accountId, (sums.get(o.accountId) ?? 0) + o.amountMinor);
  }
  return sums;
}

export interface PortfolioInput {
  plans: readonly PortfolioPlan[];
  accounts: ReadonlyMap<number, PortfolioAccount>;
  actions: readonly PortfolioAction[];
  revenue: ReadonlyMap<number, number>;
  today: string;
  tierName: (id: string) => string;
  /** The plan's health score 0–100 from the figures already counted; null = unknown. */
  health?: (row: Omit<PortfolioRow, 'health'>) => number | null;
}

/** One row per plan of the input (pass the plans of one year), in the order given. */
export function buildPortfolioRows(input: PortfolioInput): PortfolioRow[] {
  const counts = new Map<number, { done: number; total: number; overdue: number }>();
  for (const a of input.actions) {
    if (a.status === 'cancelled') continue;
    let c = counts.get(a.planId);
    if (!c) {
      c = { done: 0, total: 0, overdue: 0 };
      counts.set(a.planId, c);
    }
    c.total += 1;
    if (a.status === 'done') c.done += 1;
    else if (isOverdue(a, input.today)) c.overdue += 1;
  }
  return input.plans.map((plan) => {
    const account = input.accounts.get(plan.accountId);
    const c = counts.get(plan.id) ?? { done: 0, total: 0, overdue: 0 };
    const actualMinor = input.revenue.get(plan.accountId) ?? 0;
    const tierId = account?.tier ?? '';
    const row: Omit<PortfolioRow, 'health'> = {
      planId: plan.id,
      accountId: plan.accountId,
      accountName: account?.name ?? '',
      accountKey: account?.key ?? '',
      tierId,
      tierName: input.tierName(tierId),
      owner: account?.owner ?? '',
      status: plan.status,
      targetMinor: plan.targetMinor,
      actualMinor,
      attainment:
        plan.targetMinor !== null && plan.targetMinor > 0 ? actualMinor / plan.targetMinor : null,
      actionsDone: c.done,
      actionsTotal: c.total,
      overdue: c.overdue,
    };
    return { ...row, health: input.health ? input.health(row) : null };
  });
}

export interface PortfolioFilter {
  /** '' = any. */
  status: PlanStatus | '';
  /** '' = any owner; otherwise the exact owner ('' owners are matched by NO_OWNER). */
  owner: string;
  /** '' = any tier; otherwise the tier id (NO_TIER for accounts without one). */
  tier: string;
  text: string;
}

/** Filter values that stand for "none set", distinct from "any" (''). */
export const NO_OWNER = '\u0000none';
export const NO_TIER = '\u0000none';

export const emptyFilter = (): PortfolioFilter => ({ status: '', owner: '', tier: '', text: '' });

export function filterRows(rows: readonly PortfolioRow[], f: PortfolioFilter): PortfolioRow[] {
  const text = f.text.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (f.status === '' || r.status === f.status) &&
      (f.owner === '' || (f.owner === NO_OWNER ? r.owner === '' : r.owner === f.owner)) &&
      (f.tier === '' || (f.tier === NO_TIER ? r.tierId === '' : r.tierId === f.tier)) &&
      (text === '' ||
        [r.accountName, r.accountKey, r.owner, r.tierName].some((s) =>
          s.toLocaleLowerCase().includes(text),
        )),
  );
}

export const SORT_KEYS = [
  'account',
  'tier',
  'owner',
  'status',
  'target',
  'actual',
  'attainment',
  'actions',
  'overdue',
  'health',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface PortfolioSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const STATUS_ORDER: Record<PlanStatus, number> = {
  draft: 0,
  in_review: 1,
  approved: 2,
  closed: 3,
};

function sortValue(r: PortfolioRow, key: SortKey): string | number | null {
  switch (key) {
    case 'account':
      return r.accountName;
    case 'tier':
      return r.tierName;
    case 'owner':
      return r.owner;
    case 'status':
      return STATUS_ORDER[r.status];
    case 'target':
      return r.targetMinor;
    case 'actual':
      return r.actualMinor;
    case 'attainment':
      return r.attainment;
    case 'actions':
      return r.actionsTotal === 0 ? null : r.actionsDone / r.actionsTotal;
    case 'overdue':
      return r.overdue;
    case 'health':
      return r.health;
  }
}

/**
 * Sorted copy. Empty values (no target, no tier, '' owner) go last in either direction; ties keep
 * the account name order.
 */
export function sortRows(rows: readonly PortfolioRow[], sort: PortfolioSort): PortfolioRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const empty = (v: string | number | null) => v === null || v === '';
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (empty(va) !== empty(vb)) return empty(va) ? 1 : -1;
    let cmp = 0;
    if (!empty(va) && !empty(vb)) {
      cmp =
        typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : String(va).localeCompare(String(vb));
    }
    return sign * cmp || a.accountName.localeCompare(b.accountName) || a.planId - b.planId;
  });
}

/** The next sort when a column header is clicked: same column flips, a new one starts ascending
 *  (descending for figures, where the biggest is what one looks for). */
export function nextSort(current: PortfolioSort, key: SortKey): PortfolioSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  const textual = key === 'account' || key === 'tier' || key === 'owner' || key === 'status';
  return { key, dir: textual ? 'asc' : 'desc' };
}

/** Key accounts (flagged isKeyAccount) with no plan for the year, by name. */
export function keyAccountsWithoutPlan<A extends PortfolioAccount>(
  accounts: readonly A[],
  plans: readonly { accountId: number; year: number }[],
  year: number,
): A[] {
  const planned = new Set(plans.filter((p) => p.year === year).map((p) => p.accountId));
  return accounts
    .filter((a) => a.isKeyAccount && !planned.has(a.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const CADENCE_MONTHS: Record<string, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
};

/** Review cadence in months per tier id, for reviewDue. */
export function cadenceMonthsByTier(
  tiers: readonly { id: string; reviewCadence: string }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tier of tiers) out[tier.id] = CADENCE_MONTHS[tier.reviewCadence] ?? 12;
  return out;
}

/** The distinct non-empty owners of the rows, sorted; and whether some row has none. */
export function ownersOf(rows: readonly { owner: string }[]): {
  owners: string[];
  hasEmpty: boolean;
} {
  const set = new Set(rows.map((r) => r.owner));
  const hasEmpty = set.delete('');
  return { owners: [...set].sort((a, b) => a.localeCompare(b)), hasEmpty };
}

/** The plan years to offer in the year picker: those with plans, this year and next, newest first. */
export function yearChoices(planYears: Iterable<number>, thisYear: number): number[] {
  const set = new Set<number>([thisYear, thisYear + 1, ...planYears]);
  return [...set].sort((a, b) => b - a);
}
