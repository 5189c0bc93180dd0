import { afterEach, describe, expect, it } from 'vitest';
import { seedEveryTable } from '../../test/factories/everyTable';
import { KeyplanDB } from './db';
import { GLOBAL_TABLES, WORKSPACE_TABLES, workspaceCollection } from './workspaceRows';
import { workspacesRepo } from './workspaces';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const workspaces = workspacesRepo(db);
const settings = (name: string) => ({
  name,
  currency: 'CNY',
  locale: 'zh-CN',
  fiscalYearStartMonth: 1,
});

afterEach(() => db.delete({ disableAutoOpen: false }));

async function countsOf(workspaceId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of WORKSPACE_TABLES) {
    counts[name] = await (await workspaceCollection(db, name, workspaceId)).count();
  }
  return counts;
}

describe('workspace rows', () => {
  it('lists every table of the schema as per-workspace or global', () => {
    const listed = [...WORKSPACE_TABLES, ...GLOBAL_TABLES].sort();
    expect(db.tables.map((t) => t.name).sort()).toEqual(listed);
  });

  it('finds exactly one row per table for each seeded workspace', async () => {
    const a = await workspaces.create(settings('A'));
    const b = await workspaces.create(settings('B'));
    await seedEveryTable(db, a, 'a');
    await seedEveryTable(db, b, 'b');
    const one = Object.fromEntries(WORKSPACE_TABLES.map((n) => [n, 1]));
    expect(await countsOf(a)).toEqual(one);
    expect(await countsOf(b)).toEqual(one);
  });

  it('remove deletes every row of that workspace and nothing of the others', async () => {
    const a = await workspaces.create(settings('A'));
    const b = await workspaces.create(settings('B'));
    await seedEveryTable(db, a, 'a');
    await seedEveryTable(db, b, 'b');
    const bBefore = await countsOf(b);

    // b is current (created last); removing a keeps b current.
    expect(await workspaces.remove(a)).toBe(b);
    expect(await countsOf(a)).toEqual(Object.fromEntries(WORKSPACE_TABLES.map((n) => [n, 0])));
    expect(await countsOf(b)).toEqual(bBefore);
    for (const name of WORKSPACE_TABLES) {
      expect(await db.table(name).count(), name).toBe(1);
    }
    expect((await workspaces.list()).map((w) => w.name)).toEqual(['B']);
    expect(await workspaces.currentId()).toBe(b);
  });

  it('removing the current workspace makes the oldest remaining one current, or none', async () => {
    const a = await workspaces.create(settings('A'));
    const b = await workspaces.create(settings('B'));
    const c = await workspaces.create(settings('C'));
    expect(await workspaces.remove(c)).toBe(a);
    expect(await workspaces.currentId()).toBe(a);
    await workspaces.remove(b);
    expect(await workspaces.remove(a)).toBeNull();
    expect(await workspaces.currentId()).toBeNull();
    expect(await db.meta.get('currentWorkspaceId')).toBeUndefined();
  });

  it('remove refuses while an import into that workspace is running, and deletes nothing', async () => {
    const a = await workspaces.create(settings('Alpha'));
    await seedEveryTable(db, a, 'a');
    const running = await db.imports.add({ workspaceId: a, status: 'running' } as never);
    const before = await countsOf(a);
    await expect(workspaces.remove(a)).rejects.toMatchObject({
      code: 'import_running',
      params: { name: 'Alpha' },
    });
    expect(await countsOf(a)).toEqual(before);
    // Once it has finished (or been rolled back), the workspace can go.
    await db.imports.update(running, { status: 'done' });
    expect(await workspaces.remove(a)).toBeNull();
  });

  it('remove is all or nothing', async () => {
    const a = await workspaces.create(settings('A'));
    await seedEveryTable(db, a, 'a');
    const before = await countsOf(a);
    // A failing hook half way through must roll the whole delete back.
    const fail = () => {
      throw new Error('disk gone');
    };
    db.visits.hook('deleting', fail);
    try {
      await expect(workspaces.remove(a)).rejects.toThrow('disk gone');
    } finally {
      db.visits.hook('deleting').unsubscribe(fail);
    }
    expect(await countsOf(a)).toEqual(before);
    expect(await workspaces.get(a)).toBeDefined();
  });
});

describe('workspace summaries', () => {
  it('counts each workspace on its own', async () => {
    const a = await workspaces.create(settings('A'));
    const b = await workspaces.create(settings('B'));
    await seedEveryTable(db, a, 'a1');
    await seedEveryTable(db, a, 'a2');
    await seedEveryTable(db, b, 'b');
    const summaries = await workspaces.summaries();
    expect(
      summaries.map(({ workspace, accounts, orders, plans }) => [
        workspace.name,
        accounts,
        orders,
        plans,
      ]),
    ).toEqual([
      ['A', 2, 2, 2],
      ['B', 1, 1, 1],
    ]);
  });
});
