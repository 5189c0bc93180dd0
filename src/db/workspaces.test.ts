import { afterEach, describe, expect, it } from 'vitest';
import { KeyplanDB } from './db';
import { workspacesRepo, type WorkspaceSettings } from './workspaces';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const workspaces = workspacesRepo(db);

const settings = (name: string): WorkspaceSettings => ({
  name,
  currency: 'CNY',
  locale: 'zh-CN',
  fiscalYearStartMonth: 1,
});

// Drops the whole database after each test; the next test reopens an empty one.
afterEach(() => db.delete({ disableAutoOpen: false }));

describe('workspacesRepo', () => {
  it('create stores the settings and makes the new workspace current', async () => {
    const first = await workspaces.create(settings('First'));
    expect(await workspaces.currentId()).toBe(first);
    const second = await workspaces.create(settings('Second'), true);
    expect(await workspaces.currentId()).toBe(second);
    expect(await db.meta.get('currentWorkspaceId')).toEqual({
      key: 'currentWorkspaceId',
      value: second,
    });

    const row = await db.workspaces.get(second);
    expect(row).toMatchObject({ ...settings('Second'), id: second, isDemo: true });
    expect(Date.parse(row?.createdAt ?? '')).not.toBeNaN();
    expect((await db.workspaces.get(first))?.isDemo).toBe(false);
    expect((await workspaces.list()).map((w) => w.name)).toEqual(['First', 'Second']);
  });

  it.each([
    ['nothing is stored', undefined],
    ['the stored value is not a number', 'abc'],
    ['the stored id points to a deleted workspace', 'deleted'],
    ['the stored id never existed', 999],
  ] as const)('currentId returns null when %s', async (_label, value) => {
    const id = await workspaces.create(settings('Gone'));
    if (value === 'deleted') {
      await db.workspaces.delete(id);
    } else if (value === undefined) {
      await db.meta.delete('currentWorkspaceId');
    } else {
      await db.meta.put({ key: 'currentWorkspaceId', value });
    }
    expect(await workspaces.currentId()).toBeNull();
  });

  it('setCurrent switches the current workspace', async () => {
    const a = await workspaces.create(settings('A'));
    await workspaces.create(settings('B'));
    await workspaces.setCurrent(a);
    expect(await workspaces.currentId()).toBe(a);
  });

  it.each<[string, Partial<WorkspaceSettings>]>([
    ['name', { name: 'Renamed' }],
    ['currency and locale', { currency: 'EUR', locale: 'de-DE' }],
    ['fiscal year start', { fiscalYearStartMonth: 4 }],
  ])('update persists %s and leaves the rest alone', async (_label, patch) => {
    const id = await workspaces.create(settings('Before'));
    const before = await db.workspaces.get(id);
    await workspaces.update(id, patch);
    expect(await workspaces.get(id)).toEqual({ ...before, ...patch });
  });

  it('update of a missing workspace throws and writes nothing', async () => {
    await expect(workspaces.update(42, { name: 'x' })).rejects.toThrow(
      'Workspace 42 does not exist',
    );
    expect(await db.workspaces.count()).toBe(0);
  });
});
