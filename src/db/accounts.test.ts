import { afterEach, describe, expect, it } from 'vitest';
import { accountsRepo, type EditableAccountFields } from './accounts';
import { emptyPlanDoc } from '../domain/planDoc';
import { assignedId, KeyplanDB } from './db';
import { blankAccount } from './rows';
import type { ImportRow, ImportStatus } from './schema';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const accounts = accountsRepo(db);

afterEach(() => db.delete({ disableAutoOpen: false }));

async function addAccount(workspaceId: number, key: string): Promise<number> {
  return assignedId(await db.accounts.add(blankAccount(workspaceId, key, key.toUpperCase())));
}

describe('accountsRepo', () => {
  it('listByWorkspace returns only that workspace’s accounts', async () => {
    await addAccount(1, 'a');
    await addAccount(2, 'b');
    await addAccount(1, 'c');
    await addAccount(3, 'd');

    expect((await accounts.listByWorkspace(1)).map((a) => a.key).sort()).toEqual(['a', 'c']);
    expect((await accounts.listByWorkspace(2)).map((a) => a.key)).toEqual(['b']);
    expect(await accounts.listByWorkspace(4)).toEqual([]);
  });

  it('listByWorkspace hides accounts a running import created until it is done', async () => {
    const importRow = (workspaceId: number, status: ImportStatus): ImportRow => ({
      workspaceId,
      fileName: 'f.csv',
      size: 1,
      hash: `${workspaceId}-${status}`,
      encoding: 'utf-8',
      delimiter: ',',
      headers: [],
      mapping: {},
      rowsRead: 0,
      rowsImported: 0,
      rowsRejected: 0,
      accountsCreated: 0,
      importedAt: '2026-01-01T00:00:00.000Z',
      status,
      kind: 'orders',
    });
    const running = assignedId(await db.imports.add(importRow(1, 'running')));
    const done = assignedId(await db.imports.add(importRow(1, 'done')));
    const byImport = async (key: string, importId: number) =>
      assignedId(
        await db.accounts.add({ ...blankAccount(1, key, key), createdByImportId: importId }),
      );
    await addAccount(1, 'hand-made');
    await byImport('from-done', done);
    await byImport('from-running-1', running);
    await byImport('from-running-2', running);
    // Created by an import whose row is gone (e.g. a pre-v2 import): visible.
    await byImport('from-unknown', 999);

    const keys = async () => (await accounts.listByWorkspace(1)).map((a) => a.key).sort();
    expect(await keys()).toEqual(['from-done', 'from-unknown', 'hand-made']);

    await db.imports.update(running, { status: 'done' });
    expect(await keys()).toEqual([
      'from-done',
      'from-running-1',
      'from-running-2',
      'from-unknown',
      'hand-made',
    ]);
    expect(await accounts.listByWorkspace(1)).toEqual(
      await db.accounts.where('workspaceId').equals(1).toArray(),
    );
  });

  it('get returns the stored row, or undefined', async () => {
    const id = await addAccount(1, 'acme');
    expect(await accounts.get(id)).toEqual({ ...blankAccount(1, 'acme', 'ACME'), id });
    expect(await accounts.get(id + 100)).toBeUndefined();
  });

  it.each<[string, Partial<EditableAccountFields>]>([
    ['name', { name: 'Acme Holdings' }],
    ['industry, region and owner', { industry: 'Retail', region: 'East', owner: 'Li Na' }],
    ['tier', { tier: 'Gold' }],
    ['the key-account flag', { isKeyAccount: true }],
    ['notes', { notes: 'Met the CFO in March.\nFollow up.' }],
    [
      'every editable field',
      {
        name: 'N',
        industry: 'I',
        region: 'R',
        owner: 'O',
        tier: 'T',
        isKeyAccount: true,
        notes: 'x',
      },
    ],
    ['a patch that changes nothing', { name: 'ACME' }],
  ])('update persists %s and leaves other fields alone', async (_label, patch) => {
    const id = await addAccount(1, 'acme');
    const other = await addAccount(1, 'other');
    const before = await db.accounts.get(id);
    const otherBefore = await db.accounts.get(other);

    await accounts.update(id, patch);

    expect(await db.accounts.get(id)).toEqual({ ...before, ...patch });
    expect(await db.accounts.get(other)).toEqual(otherBefore);
  });

  it('update of a missing id throws and creates nothing', async () => {
    const id = await addAccount(1, 'acme');
    await expect(accounts.update(id + 1, { name: 'Ghost' })).rejects.toThrow(
      `Account ${id + 1} does not exist`,
    );
    expect(await db.accounts.count()).toBe(1);
    expect(await db.accounts.get(id + 1)).toBeUndefined();
  });
});

describe('accountsRepo: changes that undo can take back', () => {
  async function seed() {
    const a = await addAccount(1, 'a');
    const b = await addAccount(1, 'b');
    const order = (accountId: number, orderNo: string, amountMinor: number) => ({
      workspaceId: 1,
      importId: 0,
      accountId,
      orderNo,
      date: '2026-01-02',
      amountMinor,
      quantity: null,
      product: '',
      costMinor: null,
      extra: {},
    });
    await db.orders.bulkAdd([order(a, 'A1', 100), order(a, 'A2', 250), order(b, 'B1', 1000)]);
    await db.contacts.add({
      workspaceId: 1,
      accountId: a,
      name: 'Ann',
      title: '',
      line: '',
      isNode: true,
    });
    const planId = assignedId(
      await db.plans.add({
        workspaceId: 1,
        accountId: a,
        year: 2026,
        status: 'draft',
        doc: emptyPlanDoc(),
        createdAt: '',
        updatedAt: '',
        statusChangedAt: '',
        approved: null,
        lastReviewAt: null,
      }),
    );
    await db.actions.add({
      workspaceId: 1,
      planId,
      measure: 'custom',
      title: 'x',
      owner: '',
      due: '',
      status: 'planned',
      budgetMinor: null,
      outcome: '',
    });
    await db.accountNotes.add({
      workspaceId: 1,
      accountId: a,
      kind: 'need',
      date: '2026-01-03',
      text: 'n',
      status: 'open',
    });
    await db.visits.add({
      workspaceId: 1,
      accountId: a,
      date: '2026-01-04',
      visitor: 'me',
      level: 'rep',
      purpose: '',
      outcome: '',
    });
    return { a, b };
  }
  const snapshot = async () => ({
    accounts: await db.accounts.toArray(),
    orders: await db.orders.toArray(),
    contacts: await db.contacts.toArray(),
    plans: await db.plans.toArray(),
    actions: await db.actions.toArray(),
    notes: await db.accountNotes.toArray(),
    visits: await db.visits.toArray(),
  });

  it('removeWithDependents takes orders, contacts, plans, actions, notes and visits; restore puts back the same rows', async () => {
    const { a } = await seed();
    const before = await snapshot();
    const deleted = await accounts.removeWithDependents([a]);
    const after = await snapshot();
    expect(after.accounts.map((x) => x.key)).toEqual(['b']);
    expect(after.orders.map((o) => o.orderNo)).toEqual(['B1']);
    expect([after.contacts, after.plans, after.actions, after.notes, after.visits]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(deleted.orders).toHaveLength(2);
    await accounts.restore(deleted);
    expect(await snapshot()).toEqual(before);
  });

  it('merge moves everything and sums the orders; unmerge gives back both accounts as they were', async () => {
    const { a, b } = await seed();
    const before = await snapshot();
    const record = await accounts.merge(a, b);
    expect(await db.accounts.get(a)).toBeUndefined();
    const moved = await db.orders.where('[workspaceId+accountId]').equals([1, b]).toArray();
    expect(moved.reduce((sum, o) => sum + o.amountMinor, 0)).toBe(1350);
    expect(await db.contacts.where('accountId').equals(b).count()).toBe(1);
    expect(await db.accountNotes.where('accountId').equals(b).count()).toBe(1);
    expect((await db.accounts.get(b))!.notes).toBe('Merged from: A');
    await accounts.unmerge(record);
    expect(await snapshot()).toEqual(before);
  });

  it('merge fills what the kept account lacks; unmerge takes back only what nobody changed since', async () => {
    const { a, b } = await seed();
    await db.accounts.update(a, {
      notes: 'Pays late',
      industry: 'Retail',
      owner: 'Li',
      estimatedSpendMinor: 900,
      profile: { strategy: 'Grow', size: '', products: '', organisation: '', website: 'a.cn' },
    });
    await db.accounts.update(b, {
      owner: 'Wang',
      profile: { strategy: '', size: 'Big', products: '', organisation: '', website: '' },
    });
    const record = await accounts.merge(a, b, (name) => `合并自：${name}`);
    const kept = (await db.accounts.get(b))!;
    expect(kept.notes).toBe('合并自：A\nPays late');
    expect([kept.industry, kept.owner, kept.estimatedSpendMinor]).toEqual(['Retail', 'Wang', 900]);
    expect(kept.profile).toEqual({
      strategy: 'Grow',
      size: 'Big',
      products: '',
      organisation: '',
      website: 'a.cn',
    });
    // Edited after the merge: stays as the user left it when the merge is undone.
    await db.accounts.update(b, { industry: 'Wholesale' });
    await accounts.unmerge(record);
    const back = (await db.accounts.get(b))!;
    expect(back.industry).toBe('Wholesale');
    expect([back.notes, back.estimatedSpendMinor, back.owner]).toEqual(['', null, 'Wang']);
    expect((await db.accounts.get(a))!.notes).toBe('Pays late');
  });

  it('restore refuses to bring back an account whose customer exists again', async () => {
    const { a } = await seed();
    const deleted = await accounts.removeWithDependents([a]);
    await addAccount(1, 'a');
    await expect(accounts.restore(deleted)).rejects.toMatchObject({ code: 'key_taken' });
    expect(await db.orders.count()).toBe(1);
  });

  it('merge into itself is refused', async () => {
    const { a } = await seed();
    await expect(accounts.merge(a, a)).rejects.toThrow();
  });

  it('patchMany changes all rows or none, and returns the values before', async () => {
    const { a, b } = await seed();
    await db.accounts.update(a, { custom: { cf_1: 5 } });
    const before = await accounts.patchMany([
      { id: a, patch: { tier: 'key', custom: { cf_1: 7, cf_2: 'x' } } },
      { id: b, patch: { owner: 'Li' } },
    ]);
    expect(before).toEqual([
      { id: a, patch: { tier: '', custom: { cf_1: 5, cf_2: null } } },
      { id: b, patch: { owner: '' } },
    ]);
    expect((await db.accounts.get(a))!.custom).toEqual({ cf_1: 7, cf_2: 'x' });
    await expect(
      accounts.patchMany([
        { id: a, patch: { tier: 'growth' } },
        { id: 999, patch: { tier: 'growth' } },
      ]),
    ).rejects.toThrow('999');
    expect((await db.accounts.get(a))!.tier).toBe('key');
    await accounts.patchMany(before);
    expect((await db.accounts.get(a))!.custom).toEqual({ cf_1: 5, cf_2: null });
    expect((await db.accounts.get(b))!.owner).toBe('');
  });

  it('add refuses a second account with the same key', async () => {
    const id = await accounts.add(1, { key: 'new co', name: 'New Co' });
    expect((await db.accounts.get(id))!.name).toBe('New Co');
    await expect(accounts.add(1, { key: 'new co', name: 'NEW CO' })).rejects.toThrow('NEW CO');
  });
});
