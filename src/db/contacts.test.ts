import { afterEach, describe, expect, it } from 'vitest';
import { contactsRepo, emptyContactFields, type ContactFields } from './contacts';
import { assignedId, KeyplanDB } from './db';
import { blankAccount } from './rows';

const db = new KeyplanDB('test-contacts-' + crypto.randomUUID());
const contacts = contactsRepo(db);

afterEach(() => db.delete({ disableAutoOpen: false }));

const addAccount = async (workspaceId: number, key: string) =>
  assignedId(await db.accounts.add(blankAccount(workspaceId, key, key)));

const person = (name: string, extra: Partial<ContactFields> = {}): ContactFields => ({
  ...emptyContactFields(),
  name,
  ...extra,
});

describe('contactsRepo', () => {
  it('adds contacts with the account’s workspace and lists them by account, oldest first', async () => {
    const a = await addAccount(7, 'a');
    const b = await addAccount(7, 'b');
    const wang = await contacts.add(a, person('Wang', { line: 'technical', influence: 4 }));
    await contacts.add(b, person('Other'));
    const li = await contacts.add(a, person('Li', { isNode: true, reportsToId: wang }));

    const listed = await contacts.listByAccount(a);
    expect(listed.map((c) => c.name)).toEqual(['Wang', 'Li']);
    expect(listed[0]).toEqual({
      ...person('Wang', { line: 'technical', influence: 4 }),
      id: wang,
      workspaceId: 7,
      accountId: a,
      importId: null,
    });
    expect(listed[1]).toMatchObject({ id: li, isNode: true, reportsToId: wang });
    expect(await contacts.listByAccount(a + 100)).toEqual([]);
  });

  it('add to a missing account throws and stores nothing', async () => {
    await expect(contacts.add(99, person('Ghost'))).rejects.toThrow('Account 99 does not exist');
    expect(await db.contacts.count()).toBe(0);
  });

  it.each<[string, Partial<ContactFields>]>([
    ['title and department', { title: 'CTO', department: 'R&D' }],
    [
      'line, role, influence, attitude',
      { line: 'management', buyingRole: 'decision_maker', influence: 5, attitude: 'supporter' },
    ],
    ['the node flag', { isNode: true }],
    [
      'contact details',
      { phone: '+86 21 5555 0000', email: 'li@example.com', lastContact: '2025-03-01' },
    ],
    ['influence back to not judged', { influence: null }],
  ])('update persists %s and leaves the rest alone', async (_label, patch) => {
    const a = await addAccount(1, 'a');
    const id = await contacts.add(a, person('Li', { influence: 2 }));
    const before = await db.contacts.get(id);
    await contacts.update(id, patch);
    expect(await db.contacts.get(id)).toEqual({ ...before, ...patch });
  });

  it('update of a missing contact throws', async () => {
    await expect(contacts.update(5, { name: 'x' })).rejects.toThrow('Contact 5 does not exist');
  });

  it('refuses reports-to links to itself, to another account, or round in a circle', async () => {
    const a = await addAccount(1, 'a');
    const b = await addAccount(1, 'b');
    const boss = await contacts.add(a, person('Boss'));
    const mid = await contacts.add(a, person('Mid', { reportsToId: boss }));
    const low = await contacts.add(a, person('Low', { reportsToId: mid }));
    const elsewhere = await contacts.add(b, person('Elsewhere'));

    await expect(contacts.update(boss, { reportsToId: boss })).rejects.toThrow('itself');
    await expect(contacts.update(boss, { reportsToId: low })).rejects.toThrow('circle');
    await expect(contacts.update(mid, { reportsToId: elsewhere })).rejects.toThrow(
      'not a contact of this account',
    );
    await expect(contacts.add(a, person('New', { reportsToId: elsewhere }))).rejects.toThrow(
      'not a contact of this account',
    );
    expect((await db.contacts.get(boss))?.reportsToId).toBeNull();
    expect((await db.contacts.get(mid))?.reportsToId).toBe(boss);

    // Moving within the tree is fine.
    await contacts.update(low, { reportsToId: boss });
    await contacts.update(mid, { reportsToId: low });
    expect((await db.contacts.get(mid))?.reportsToId).toBe(low);
  });

  it('remove clears reports-to on those who reported to the removed contact, nothing else', async () => {
    const a = await addAccount(1, 'a');
    const boss = await contacts.add(a, person('Boss'));
    const mid = await contacts.add(a, person('Mid', { reportsToId: boss }));
    const low = await contacts.add(a, person('Low', { reportsToId: mid }));
    const peer = await contacts.add(a, person('Peer', { reportsToId: boss }));

    await contacts.remove(boss);

    expect(await db.contacts.get(boss)).toBeUndefined();
    const after = await contacts.listByAccount(a);
    expect(after.map((c) => [c.id, c.reportsToId])).toEqual([
      [mid, null],
      [low, mid],
      [peer, null],
    ]);
    await contacts.remove(12345); // a missing contact: nothing happens
    expect(await db.contacts.count()).toBe(3);
  });
});
