import { describe, expect, it } from 'vitest';
import {
  buildPortfolioRows,
  cadenceMonthsByTier,
  emptyFilter,
  filterRows,
  keyAccountsWithoutPlan,
  nextSort,
  NO_OWNER,
  NO_TIER,
  ownersOf,
  revenueByAccount,
  sortRows,
  yearChoices,
  type PortfolioAccount,
} from './portfolio';

const accounts: PortfolioAccount[] = [
  { id: 1, key: 'acme', name: 'Acme', owner: 'Li', tier: 'strategic', isKeyAccount: true },
  { id: 2, key: 'beta', name: 'Beta 贝塔', owner: '', tier: '', isKeyAccount: true },
  { id: 3, key: 'cora', name: 'Cora', owner: 'Wang', tier: 'key', isKeyAccount: false },
  { id: 4, key: 'delta', name: 'Delta', owner: 'Wang', tier: 'key', isKeyAccount: true },
];
const byId = new Map(accounts.map((a) => [a.id, a]));

function rows() {
  return buildPortfolioRows({
    plans: [
      { id: 10, accountId: 1, year: 2025, status: 'approved', targetMinor: 1000 },
      { id: 11, accountId: 2, year: 2025, status: 'draft', targetMinor: null },
      { id: 12, accountId: 3, year: 2025, status: 'in_review', targetMinor: 0 },
    ],
    accounts: byId,
    actions: [
      { planId: 10, due: '2025-01-10', status: 'done' },
      { planId: 10, due: '2025-02-10', status: 'planned' },
      { planId: 10, due: '2025-09-10', status: 'planned' },
      { planId: 10, due: '2025-01-01', status: 'cancelled' },
      { planId: 11, due: '', status: 'in_progress' },
      { planId: 99, due: '2025-01-01', status: 'planned' },
    ],
    revenue: new Map([
      [1, 500],
      [3, 70],
    ]),
    today: '2025-06-01',
    tierName: (id) => (id === '' ? '' : id.toUpperCase()),
    health: (r) => (r.actionsTotal === 0 ? null : 100 - 10 * r.overdue),
  });
}

describe('buildPortfolioRows', () => {
  it('joins each plan with its account, revenue and action counts', () => {
    const [a, b, c] = rows();
    expect(a).toEqual({
      planId: 10,
      accountId: 1,
      accountName: 'Acme',
      accountKey: 'acme',
      tierId: 'strategic',
      tierName: 'STRATEGIC',
      owner: 'Li',
      status: 'approved',
      targetMinor: 1000,
      actualMinor: 500,
      attainment: 0.5,
      actionsDone: 1,
      actionsTotal: 3,
      overdue: 1,
      health: 90,
    });
    expect(b).toMatchObject({ actualMinor: 0, attainment: null, actionsTotal: 1, overdue: 0 });
    // A zero target gives no attainment rather than infinity.
    expect(c).toMatchObject({ attainment: null, actionsTotal: 0, health: null });
  });
});

describe('revenueByAccount', () => {
  it('sums orders within the dates, both ends included', () => {
    const sums = revenueByAccount(
      [
        { accountId: 1, date: '2024-12-31', amountMinor: 1 },
        { accountId: 1, date: '2025-01-01', amountMinor: 10 },
        { accountId: 1, date: '2025-06-01', amountMinor: 20 },
        { accountId: 2, date: '2025-06-02', amountMinor: 40 },
      ],
      '2025-01-01',
      '2025-06-01',
    );
    expect([...sums]).toEqual([[1, 30]]);
  });
});

describe('filterRows', () => {
  it('filters by status, owner, tier and text, with "none" choices', () => {
    const all = rows();
    const names = (f: Partial<ReturnType<typeof emptyFilter>>) =>
      filterRows(all, { ...emptyFilter(), ...f }).map((r) => r.accountName);
    expect(names({})).toEqual(['Acme', 'Beta 贝塔', 'Cora']);
    expect(names({ status: 'draft' })).toEqual(['Beta 贝塔']);
    expect(names({ owner: 'Wang' })).toEqual(['Cora']);
    expect(names({ owner: NO_OWNER })).toEqual(['Beta 贝塔']);
    expect(names({ tier: NO_TIER })).toEqual(['Beta 贝塔']);
    expect(names({ tier: 'key' })).toEqual(['Cora']);
    expect(names({ text: ' 贝塔 ' })).toEqual(['Beta 贝塔']);
    expect(names({ text: 'STRAT' })).toEqual(['Acme']);
  });
});

describe('sortRows', () => {
  it('sorts both ways and keeps empty values last', () => {
    const all = rows();
    const order = (key: Parameters<typeof sortRows>[1]['key'], dir: 'asc' | 'desc') =>
      sortRows(all, { key, dir }).map((r) => r.planId);
    expect(order('account', 'desc')).toEqual([12, 11, 10]);
    expect(order('actual', 'desc')).toEqual([10, 12, 11]);
    expect(order('actual', 'asc')).toEqual([11, 12, 10]);
    expect(order('target', 'asc')).toEqual([12, 10, 11]);
    expect(order('target', 'desc')).toEqual([10, 12, 11]);
    expect(order('owner', 'asc')).toEqual([10, 12, 11]);
    expect(order('status', 'asc')).toEqual([11, 12, 10]);
    expect(order('health', 'desc')).toEqual([11, 10, 12]);
  });

  it('flips on the same header, starts a figure descending', () => {
    expect(nextSort({ key: 'account', dir: 'asc' }, 'account')).toEqual({
      key: 'account',
      dir: 'desc',
    });
    expect(nextSort({ key: 'account', dir: 'asc' }, 'overdue')).toEqual({
      key: 'overdue',
      dir: 'desc',
    });
    expect(nextSort({ key: 'overdue', dir: 'asc' }, 'tier')).toEqual({ key: 'tier', dir: 'asc' });
  });
});

describe('keyAccountsWithoutPlan', () => {
  it('lists flagged accounts without a plan that year, by name', () => {
    const plans = [
      { accountId: 1, year: 2025 },
      { accountId: 4, year: 2024 },
    ];
    expect(keyAccountsWithoutPlan(accounts, plans, 2025).map((a) => a.id)).toEqual([2, 4]);
    expect(keyAccountsWithoutPlan(accounts, plans, 2024).map((a) => a.id)).toEqual([1, 2]);
  });
});

describe('small helpers', () => {
  it('maps the review cadence to months', () => {
    expect(
      cadenceMonthsByTier([
        { id: 'a', reviewCadence: 'monthly' },
        { id: 'b', reviewCadence: 'quarterly' },
        { id: 'c', reviewCadence: 'half-yearly' },
        { id: 'd', reviewCadence: 'yearly' },
      ]),
    ).toEqual({ a: 1, b: 3, c: 6, d: 12 });
  });

  it('lists owners and years', () => {
    expect(ownersOf([{ owner: 'b' }, { owner: '' }, { owner: 'a' }, { owner: 'b' }])).toEqual({
      owners: ['a', 'b'],
      hasEmpty: true,
    });
    expect(yearChoices([2023, 2025, 2023], 2025)).toEqual([2026, 2025, 2023]);
  });
});
