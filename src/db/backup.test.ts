import { afterEach, describe, expect, it } from 'vitest';
import { seedEveryTable } from '../../test/factories/everyTable';
import { emptyPlanDoc } from '../domain/planDoc';
import {
  backupRepo,
  CURRENT_SCHEMA_VERSION,
  dumpSummary,
  isBackupDump,
  SCHEMAS,
  type BackupDump,
} from './backup';
import { assignedId, KeyplanDB } from './db';
import { DataError } from './errors';
import type { ActionRow, PlanRow } from './schema';
import { WORKSPACE_TABLES, workspaceCollection } from './workspaceRows';
import { workspacesRepo } from './workspaces';

const databases: KeyplanDB[] = [];
function freshDb(): KeyplanDB {
  const db = new KeyplanDB('test-' + crypto.randomUUID());
  databases.push(db);
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const settings = (name: string) => ({
  name,
  currency: 'CNY',
  locale: 'zh-CN',
  fiscalYearStartMonth: 1,
});

/**
 * One row in every table (the shared factory) plus the links it leaves out: a contact reporting
 * to another, a buying-stage participant, an approval snapshot naming an action, a contact and a
 * before-image made by the import. Returns the ids of what it made.
 */
async function seedLinked(db: KeyplanDB, workspaceId: number, tag: string) {
  const ids = (await seedEveryTable(db, workspaceId, tag)) as Record<string, number>;
  const boss = ids.contacts as number;
  const report = assignedId(
    await db.contacts.add({
      workspaceId,
      accountId: ids.accounts as number,
      name: `Report ${tag}`,
      title: '',
      line: 'technical',
      isNode: false,
      importId: ids.imports as number,
      reportsToId: boss,
    }),
  );
  const doc = emptyPlanDoc();
  doc.buyingStages = [{ id: 's1', stage: 'Need', participants: [boss, report], infoNeeds: '' }];
  const action = (await db.actions.get(ids.actions as number)) as ActionRow;
  await db.plans.update(ids.plans as number, {
    doc,
    approved: { at: '2026-01-05T00:00:00.000Z', doc, actions: [action] },
  });
  await db.accountSnapshots.update(ids.accountSnapshots as number, {
    before: (await db.accounts.get(ids.accounts as number)) as never,
  });
  await db.planTemplates.update(ids.planTemplates as number, { doc });
  return { ...ids, report } as Record<string, number>;
}

async function countsOf(db: KeyplanDB, workspaceId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of WORKSPACE_TABLES) {
    counts[name] = await (await workspaceCollection(db, name, workspaceId)).count();
  }
  return counts;
}

/** Everything of a workspace, ids and all: to prove a workspace was not touched. */
async function everything(db: KeyplanDB, workspaceId: number) {
  const out: Record<string, unknown> = { workspace: await db.workspaces.get(workspaceId) };
  for (const name of WORKSPACE_TABLES) {
    out[name] = await (await workspaceCollection(db, name, workspaceId)).toArray();
  }
  return out;
}

/** Checks every link of a copy made from `seedLinked` points inside the copy. */
async function expectLinkedCopy(db: KeyplanDB, copyId: number, tag: string) {
  const all = async <T>(name: (typeof WORKSPACE_TABLES)[number]) =>
    (await (await workspaceCollection(db, name, copyId)).toArray()) as T[];
  const [imp] = await all<{ id: number }>('imports');
  const [account] = await all<{ id: number; name: string; createdByImportId: number }>('accounts');
  const [plan] = await all<PlanRow>('plans');
  const [action] = await all<ActionRow>('actions');
  const contacts = await all<{
    id: number;
    name: string;
    accountId: number;
    importId?: number | null;
    reportsToId?: number | null;
  }>('contacts');
  const boss = contacts.find((c) => c.name === `Contact ${tag}`);
  const report = contacts.find((c) => c.name === `Report ${tag}`);
  expect(account?.name).toBe(`Account ${tag}`);
  expect(account?.createdByImportId).toBe(imp?.id);
  expect(contacts.map((c) => c.accountId)).toEqual([account?.id, account?.id]);
  expect(report?.reportsToId).toBe(boss?.id);
  expect(report?.importId).toBe(imp?.id);
  expect(plan?.accountId).toBe(account?.id);
  expect(plan?.doc.buyingStages[0]?.participants).toEqual([boss?.id, report?.id]);
  expect(plan?.approved?.doc.buyingStages[0]?.participants).toEqual([boss?.id, report?.id]);
  expect(plan?.approved?.actions.map((a) => [a.id, a.planId, a.workspaceId])).toEqual([
    [action?.id, plan?.id, copyId],
  ]);
  expect(action?.planId).toBe(plan?.id);
  const [order] = await all<{ accountId: number; importId: number; orderNo: string }>('orders');
  expect(order).toMatchObject({ accountId: account?.id, importId: imp?.id, orderNo: `SO-${tag}` });
  const [snap] = await all<{
    importId: number;
    accountId: number;
    before: Record<string, unknown>;
  }>('accountSnapshots');
  expect(snap).toMatchObject({ importId: imp?.id, accountId: account?.id });
  expect(snap?.before).toMatchObject({
    id: account?.id,
    workspaceId: copyId,
    createdByImportId: imp?.id,
  });
  for (const name of ['accountNotes', 'visits'] as const) {
    expect(
      (await all<{ accountId: number }>(name)).map((r) => r.accountId),
      name,
    ).toEqual([account?.id]);
  }
  const [template] = await all<{ doc: PlanRow['doc'] }>('planTemplates');
  expect(template?.doc.buyingStages[0]?.participants).toEqual([boss?.id, report?.id]);
  const [mapping] = await all<{ signature: string }>('mappings');
  expect(mapping?.signature).toBe(`sig-${tag}`);
}

describe('backup dump and restore', () => {
  it('knows every schema version of db.ts', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(new KeyplanDB('never-opened').verno);
    expect(SCHEMAS).toHaveLength(CURRENT_SCHEMA_VERSION);
  });

  it('round-trips a seeded workspace into another database: every table, new ids, links intact', async () => {
    const source = freshDb();
    const a = await workspacesRepo(source).create(settings('Alpha'));
    await workspacesRepo(source).create(settings('Other'));
    const seeded = await seedLinked(source, a, 'a');
    const dump = await backupRepo(source).dump([a]);
    expect(dump.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(isBackupDump(JSON.parse(JSON.stringify(dump)))).toBe(true);
    expect(dumpSummary(dump)).toEqual([{ name: 'Alpha', accounts: 1, orders: 1, plans: 1 }]);

    // Another machine: its own workspace first, so fresh ids cannot equal the old ones by luck.
    const target = freshDb();
    const existing = await workspacesRepo(target).create(settings('Mine'));
    await seedLinked(target, existing, 'mine');
    await seedLinked(target, existing, 'mine2');
    const [copy] = await backupRepo(target).restore(JSON.parse(JSON.stringify(dump)));
    expect(copy).toBeDefined();
    const copyId = copy as number;
    expect(copyId).not.toBe(a);

    const counts = await countsOf(target, copyId);
    expect(counts).toEqual({
      ...Object.fromEntries(WORKSPACE_TABLES.map((n) => [n, 1])),
      contacts: 2,
    });
    await expectLinkedCopy(target, copyId, 'a');
    const account = await (await workspaceCollection(target, 'accounts', copyId)).first();
    expect(account.id).not.toBe(seeded.accounts);
    const ws = await target.workspaces.get(copyId);
    expect(ws).toMatchObject({ name: 'Alpha', lastBackupAt: dump.createdAt });
    // The workspace already there is untouched and stays current.
    expect(await countsOf(target, existing)).toMatchObject({ accounts: 2, contacts: 4 });
    expect(await workspacesRepo(target).currentId()).toBe(existing);
  });

  it('dumps several workspaces and restores them all', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('A'));
    const b = await workspacesRepo(db).create(settings('B'));
    await seedLinked(db, a, 'a');
    await seedLinked(db, b, 'b');
    const dump = await backupRepo(db).dump([a, b]);
    const target = freshDb();
    const ids = await backupRepo(target).restore(dump);
    expect((await target.workspaces.bulkGet(ids)).map((w) => w?.name)).toEqual(['A', 'B']);
    await expectLinkedCopy(target, ids[0] as number, 'a');
    await expectLinkedCopy(target, ids[1] as number, 'b');
  });

  it('duplicate copies everything under the new name and leaves the original untouched', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('Alpha'));
    await seedLinked(db, a, 'a');
    await backupRepo(db).markBackedUp([a], '2026-01-01T00:00:00.000Z');
    const before = await everything(db, a);

    const copy = await backupRepo(db).duplicate(a, 'Alpha copy');
    expect(await everything(db, a)).toEqual(before);
    await expectLinkedCopy(db, copy, 'a');
    const ws = await db.workspaces.get(copy);
    expect(ws?.name).toBe('Alpha copy');
    expect(ws?.lastBackupAt).toBeUndefined();
    expect(await workspacesRepo(db).currentId()).toBe(a);

    // Editing the copy does not reach the original.
    const [copyAccount] = await (await workspaceCollection(db, 'accounts', copy)).toArray();
    await db.accounts.update(copyAccount.id, { name: 'Renamed' });
    expect(await everything(db, a)).toEqual(before);
  });

  it('restore with replace deletes the replaced workspace in the same go and takes over as current', async () => {
    const db = freshDb();
    const repo = workspacesRepo(db);
    const a = await repo.create(settings('Alpha'));
    await seedLinked(db, a, 'a');
    const dump = await backupRepo(db).dump([a]);
    const other = await repo.create(settings('Other'));
    await seedLinked(db, other, 'o');
    const otherBefore = await everything(db, other);
    await repo.setCurrent(a);
    // Changed after the backup: the replace brings the backed-up state back.
    await db.accounts.toCollection().modify({ name: 'Changed later' });
    await db.accounts.where('workspaceId').equals(other).modify({ name: 'Account o' });

    const [restored] = await backupRepo(db).restore(dump, [{ replace: a }]);
    expect(await db.workspaces.get(a)).toBeUndefined();
    expect(await countsOf(db, a)).toEqual(Object.fromEntries(WORKSPACE_TABLES.map((n) => [n, 0])));
    await expectLinkedCopy(db, restored as number, 'a');
    expect(await repo.currentId()).toBe(restored);
    expect(await everything(db, other)).toEqual(otherBefore);
  });

  it('restores under another name and skips workspaces left out', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('A'));
    const b = await workspacesRepo(db).create(settings('B'));
    const dump = await backupRepo(db).dump([a, b]);
    const ids = await backupRepo(db).restore(dump, [{ skip: true }, { name: 'B (restored)' }]);
    expect(ids).toHaveLength(1);
    expect((await db.workspaces.toArray()).map((w) => w.name)).toEqual(['A', 'B', 'B (restored)']);
  });

  it('a failure half way through a restore leaves the database as it was', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('Alpha'));
    await seedLinked(db, a, 'a');
    const dump = await backupRepo(db).dump([a]);
    const before = await everything(db, a);
    const tableCounts = async () =>
      Promise.all(['workspaces', ...WORKSPACE_TABLES].map((n) => db.table(n).count()));
    const countsBefore = await tableCounts();
    // Visits are written near the end, after the replaced workspace is deleted.
    const fail = () => {
      throw new Error('disk gone');
    };
    db.visits.hook('creating', fail);
    try {
      await expect(backupRepo(db).restore(dump, [{ replace: a }])).rejects.toThrow('disk gone');
    } finally {
      db.visits.hook('creating').unsubscribe(fail);
    }
    expect(await everything(db, a)).toEqual(before);
    expect(await tableCounts()).toEqual(countsBefore);
  });

  it('refuses to replace a workspace that is not there, writing nothing', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('Alpha'));
    const dump = await backupRepo(db).dump([a]);
    await expect(backupRepo(db).restore(dump, [{ replace: 999 }])).rejects.toMatchObject({
      code: 'workspace_missing',
    });
    expect(await db.workspaces.count()).toBe(1);
  });

  it('refuses to replace a workspace an import is writing into, writing nothing', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('Alpha'));
    const dump = await backupRepo(db).dump([a]);
    await db.imports.add({ workspaceId: a, status: 'running' } as never);
    await expect(backupRepo(db).restore(dump, [{ replace: a }])).rejects.toMatchObject({
      code: 'import_running',
    });
    expect(await db.workspaces.count()).toBe(1);
    expect(await db.imports.count()).toBe(1);
  });

  it('refuses a dump from a newer schema', async () => {
    const db = freshDb();
    const dump: BackupDump = {
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      createdAt: '2030-01-01T00:00:00.000Z',
      workspaces: [],
    };
    const error = await backupRepo(db)
      .restore(dump)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'backup_newer' });
  });

  it('upgrades a dump made by an earlier schema the way db.ts upgrades a database', async () => {
    // A v3 dump: plans still have their five text sections, actions no budget or outcome.
    const dump = {
      schemaVersion: 3,
      createdAt: '2025-06-01T00:00:00.000Z',
      workspaces: [
        {
          workspace: {
            id: 7,
            name: 'Old',
            currency: 'CNY',
            locale: 'zh-CN',
            fiscalYearStartMonth: 1,
            createdAt: '2025-01-01T00:00:00.000Z',
            isDemo: false,
          },
          rows: {
            accounts: [
              { id: 3, workspaceId: 7, key: 'acme', name: 'ACME', createdByImportId: null },
            ],
            contacts: [{ id: 4, workspaceId: 7, accountId: 3, name: 'Li', importId: null }],
            plans: [
              {
                id: 5,
                workspaceId: 7,
                accountId: 3,
                year: 2025,
                status: 'draft',
                sections: { goals: 'Grow', financialNotes: 'Money' },
                createdAt: '2025-02-01T00:00:00.000Z',
                updatedAt: '2025-03-01T00:00:00.000Z',
              },
            ],
            actions: [{ id: 6, workspaceId: 7, planId: 5, title: 'Visit', status: 'planned' }],
          },
        },
      ],
    } as unknown as BackupDump;
    const db = freshDb();
    const [id] = await backupRepo(db).restore(dump);
    const [plan] = await (await workspaceCollection(db, 'plans', id as number)).toArray();
    expect(plan).not.toHaveProperty('sections');
    expect(plan.doc.financialNotes).toBe('Money');
    expect(plan.doc.goalsNotes).toBe('Grow');
    expect(plan.statusChangedAt).toBe('2025-03-01T00:00:00.000Z');
    const [action] = await (await workspaceCollection(db, 'actions', id as number)).toArray();
    expect(action).toMatchObject({ planId: plan.id, budgetMinor: null, outcome: '' });
    // The scratch database used for the upgrade is gone again.
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names.filter((n) => n?.startsWith('keyplan-upgrade-'))).toEqual([]);
  });

  it('leaves out rows whose parent is not in the dump and clears links that lead nowhere', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('Alpha'));
    await seedLinked(db, a, 'a');
    const dump = await backupRepo(db).dump([a]);
    const rows = dump.workspaces[0]!.rows;
    rows.visits!.push({ ...rows.visits![0]!, id: 900, accountId: 12345 });
    rows.contacts!.push({ ...rows.contacts![0]!, id: 901, reportsToId: 12345 });
    rows.plans![0]!.doc.buyingStages[0]!.participants.push(12345);
    rows.accounts!.push({ ...rows.accounts![0]!, id: 902, key: 'x', createdByImportId: 12345 });
    // An action deleted after the approval: the snapshot still names it.
    rows.actions = [];

    const [copy] = await backupRepo(db).restore(dump);
    const copyId = copy as number;
    expect(await countsOf(db, copyId)).toMatchObject({ visits: 1, contacts: 3, actions: 0 });
    const contacts = await (await workspaceCollection(db, 'contacts', copyId)).toArray();
    expect(contacts.filter((c) => c.reportsToId === null)).toHaveLength(2);
    const [plan] = await (await workspaceCollection(db, 'plans', copyId)).toArray();
    expect(plan.doc.buyingStages[0].participants).toHaveLength(2);
    expect(plan.approved.actions).toHaveLength(1);
    expect(plan.approved.actions[0]).not.toHaveProperty('id');
    const orphan = await db.accounts.where({ workspaceId: copyId, key: 'x' }).first();
    expect(orphan?.createdByImportId).toBeNull();
  });

  it('refuses to back up a workspace while an import into it is running', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('Alpha'));
    await db.imports.add({ workspaceId: a, status: 'running' } as never);
    await expect(backupRepo(db).dump([a])).rejects.toMatchObject({
      code: 'backup_import_running',
      params: { name: 'Alpha' },
    });
    await expect(backupRepo(db).duplicate(a, 'x')).rejects.toMatchObject({
      code: 'backup_import_running',
    });
  });

  it('refuses a workspace that does not exist', async () => {
    const db = freshDb();
    await expect(backupRepo(db).dump([42])).rejects.toMatchObject({ code: 'workspace_missing' });
  });

  it('remembers when workspaces were backed up and tells whether one holds data', async () => {
    const db = freshDb();
    const a = await workspacesRepo(db).create(settings('A'));
    const b = await workspacesRepo(db).create(settings('B'));
    await seedEveryTable(db, a, 'a');
    await backupRepo(db).markBackedUp([a, b], '2026-02-03T04:05:06.000Z');
    expect((await db.workspaces.toArray()).map((w) => w.lastBackupAt)).toEqual([
      '2026-02-03T04:05:06.000Z',
      '2026-02-03T04:05:06.000Z',
    ]);
    expect(await backupRepo(db).hasData(a)).toBe(true);
    expect(await backupRepo(db).hasData(b)).toBe(false);
  });
});

describe('isBackupDump', () => {
  const good = {
    schemaVersion: 4,
    createdAt: 'x',
    workspaces: [{ workspace: { name: 'A' }, rows: { orders: [{}] } }],
  };
  it.each<[string, unknown, boolean]>([
    ['a dump', good, true],
    ['no workspaces', { ...good, workspaces: undefined }, false],
    ['a version that is text', { ...good, schemaVersion: '4' }, false],
    ['a workspace without a name', { ...good, workspaces: [{ workspace: {}, rows: {} }] }, false],
    [
      'rows that are not a list',
      { ...good, workspaces: [{ workspace: { name: 'A' }, rows: { orders: 3 } }] },
      false,
    ],
    [
      'rows that are not objects',
      { ...good, workspaces: [{ workspace: { name: 'A' }, rows: { orders: [1] } }] },
      false,
    ],
    ['an array', [], false],
    ['null', null, false],
  ])('%s → %s', (_, value, expected) => {
    expect(isBackupDump(value)).toBe(expected);
  });
});
