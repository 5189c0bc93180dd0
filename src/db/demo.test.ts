import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../domain/demo';
import { KeyplanDB } from './db';
import { createRepos } from './index';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const repos = createRepos(db);

afterEach(() => db.delete({ disableAutoOpen: false }));

const data = generateDemo({ accountCount: 40 });
const settings = { name: 'Demo', currency: 'CNY', locale: 'zh-CN', fiscalYearStartMonth: 1 };

describe('demoRepo.create', () => {
  beforeAll(() => {
    expect(data.accounts).toHaveLength(40);
    expect(data.orders.length).toBeGreaterThan(40);
  });

  it.each([
    ['no key accounts', () => []],
    ['the first three accounts', () => data.accounts.slice(0, 3).map((a) => a.key)],
    ['every other account', () => data.accounts.filter((_, i) => i % 2).map((a) => a.key)],
  ])('stores the demo with %s flagged and makes it current', async (_label, keys) => {
    const keyAccountKeys = keys();
    // A workspace that exists already must stay untouched.
    const other = await repos.workspaces.create({ ...settings, name: 'Real' });

    const id = await repos.demo.create(settings, data, keyAccountKeys);

    expect(id).not.toBe(other);
    expect(await repos.workspaces.currentId()).toBe(id);
    expect(await repos.workspaces.get(id)).toMatchObject({ ...settings, isDemo: true });

    const accounts = await repos.accounts.listByWorkspace(id);
    expect(accounts).toHaveLength(data.accounts.length);
    expect(await db.accounts.count()).toBe(data.accounts.length);
    const byKey = new Map(accounts.map((a) => [a.key, a]));
    for (const a of data.accounts) {
      expect(byKey.get(a.key)).toMatchObject({
        workspaceId: id,
        name: a.name,
        industry: a.industry,
        region: a.region,
        owner: a.owner,
        tier: a.tier,
        createdByImportId: null,
      });
    }
    const flagged = accounts.filter((a) => a.isKeyAccount).map((a) => a.key);
    expect(flagged.sort()).toEqual([...keyAccountKeys].sort());

    expect(await repos.orders.countByWorkspace(id)).toBe(data.orders.length);
    expect(await repos.orders.countByWorkspace(other)).toBe(0);
    const stored = await db.orders.toArray();
    expect(stored).toHaveLength(data.orders.length);
    const accountIds = new Set(accounts.map((a) => a.id));
    const keyById = new Map(accounts.map((a) => [a.id, a.key]));
    for (const [i, o] of stored.entries()) {
      const source = data.orders[i]!;
      expect(accountIds.has(o.accountId)).toBe(true);
      expect(o).toEqual({
        id: o.id,
        workspaceId: id,
        importId: 0,
        accountId: o.accountId,
        orderNo: source.orderNo,
        date: source.date,
        amountMinor: source.amountMinor,
        quantity: source.quantity,
        product: source.product,
        costMinor: source.costMinor,
        extra: {},
      });
      expect(keyById.get(o.accountId)).toBe(source.accountKey);
    }
  });

  it('is all-or-nothing: a failing order leaves no workspace, accounts or orders', async () => {
    const before = await repos.workspaces.create(settings);
    const uncloneable = (() => 'x') as unknown as string;
    const broken = {
      accounts: data.accounts,
      orders: [...data.orders.slice(0, 10), { ...data.orders[10]!, product: uncloneable }],
    };

    await expect(repos.demo.create(settings, broken, [data.accounts[0]!.key])).rejects.toThrow();

    expect(await db.workspaces.count()).toBe(1);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    expect(await repos.workspaces.currentId()).toBe(before);
  });
});
