import { afterEach, describe, expect, it } from 'vitest';
import { accountLogRepo, type NoteFields, type VisitFields } from './accountLog';
import { assignedId, KeyplanDB } from './db';
import { blankAccount } from './rows';

const db = new KeyplanDB('test-account-log-' + crypto.randomUUID());
const log = accountLogRepo(db);

afterEach(() => db.delete({ disableAutoOpen: false }));

const addAccount = async (workspaceId: number, key: string) =>
  assignedId(await db.accounts.add(blankAccount(workspaceId, key, key)));

const note = (date: string, text: string, extra: Partial<NoteFields> = {}): NoteFields => ({
  kind: 'need',
  date,
  text,
  status: 'open',
  ...extra,
});

const visit = (date: string, visitor: string, extra: Partial<VisitFields> = {}): VisitFields => ({
  date,
  visitor,
  level: 'rep',
  purpose: 'Quarterly review',
  outcome: '',
  ...extra,
});

describe('accountLogRepo.notes', () => {
  it('adds with the account’s workspace and lists newest first, per account', async () => {
    const a = await addAccount(3, 'a');
    const b = await addAccount(3, 'b');
    const first = await log.notes.add(a, note('2025-01-10', 'Faster delivery'));
    const second = await log.notes.add(
      a,
      note('2025-03-02', 'Invoice errors', { kind: 'complaint' }),
    );
    const sameDay = await log.notes.add(a, note('2025-01-10', 'Portal', { kind: 'suggestion' }));
    await log.notes.add(b, note('2025-05-01', 'Other account'));

    const rows = await log.notes.listByAccount(a);
    expect(rows.map((r) => r.id)).toEqual([second, sameDay, first]);
    expect(rows[0]).toEqual({
      ...note('2025-03-02', 'Invoice errors', { kind: 'complaint' }),
      id: second,
      workspaceId: 3,
      accountId: a,
    });
  });

  it.each<[string, Partial<NoteFields>]>([
    ['status resolved', { status: 'resolved' }],
    ['text and kind', { text: 'Changed', kind: 'suggestion' }],
    ['date', { date: '2024-12-31' }],
  ])('update persists %s', async (_label, patch) => {
    const a = await addAccount(1, 'a');
    const id = await log.notes.add(a, note('2025-01-10', 'Need'));
    const before = await db.accountNotes.get(id);
    await log.notes.update(id, patch);
    expect(await db.accountNotes.get(id)).toEqual({ ...before, ...patch });
  });

  it('update of a missing note throws; add to a missing account throws; remove deletes', async () => {
    await expect(log.notes.update(9, { status: 'resolved' })).rejects.toThrow(
      'Note 9 does not exist',
    );
    await expect(log.notes.add(42, note('2025-01-01', 'x'))).rejects.toThrow('Account 42');
    const a = await addAccount(1, 'a');
    const id = await log.notes.add(a, note('2025-01-10', 'Need'));
    const keep = await log.notes.add(a, note('2025-01-11', 'Keep'));
    await log.notes.remove(id);
    expect((await log.notes.listByAccount(a)).map((r) => r.id)).toEqual([keep]);
  });
});

describe('accountLogRepo.visits', () => {
  it('adds, lists newest first, updates and removes', async () => {
    const a = await addAccount(2, 'a');
    const old = await log.visits.add(a, visit('2024-06-01', 'Zhang', { level: 'manager' }));
    const recent = await log.visits.add(a, visit('2025-02-14', 'Chen', { level: 'executive' }));
    expect((await log.visits.listByAccount(a)).map((v) => v.visitor)).toEqual(['Chen', 'Zhang']);
    expect(await db.visits.get(recent)).toEqual({
      ...visit('2025-02-14', 'Chen', { level: 'executive' }),
      id: recent,
      workspaceId: 2,
      accountId: a,
    });

    await log.visits.update(old, { outcome: 'Trial order agreed' });
    expect((await db.visits.get(old))?.outcome).toBe('Trial order agreed');
    await expect(log.visits.update(old + 100, { outcome: 'x' })).rejects.toThrow(
      `Visit ${old + 100} does not exist`,
    );

    await log.visits.remove(old);
    expect((await log.visits.listByAccount(a)).map((v) => v.id)).toEqual([recent]);
    expect(await log.visits.listByAccount(a + 1)).toEqual([]);
  });
});
