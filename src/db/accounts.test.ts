import { afterEach, describe, expect, it } from 'vitest';
import { accountsRepo, type EditableAccountFields } from './accounts';
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
