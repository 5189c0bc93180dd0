import { afterEach, describe, expect, it } from 'vitest';
import { accountsRepo, type EditableAccountFields } from './accounts';
import { assignedId, KeyplanDB } from './db';
import { blankAccount } from './imports';

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
