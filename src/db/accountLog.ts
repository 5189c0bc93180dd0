import { assignedId, updateExisting, type KeyplanDB } from './db';
import type { AccountNoteRow, VisitRow } from './schema';

export type NoteFields = Pick<AccountNoteRow, 'kind' | 'date' | 'text' | 'status'>;
export type VisitFields = Pick<VisitRow, 'date' | 'visitor' | 'level' | 'purpose' | 'outcome'>;

/** Newest first; entries of the same day newest written first. */
const newestFirst = (a: { date: string; id?: number }, b: { date: string; id?: number }) =>
  a.date < b.date ? 1 : a.date > b.date ? -1 : (b.id ?? 0) - (a.id ?? 0);

/**
 * The account's needs, complaints and suggestions (需求、投诉与建议) and its visit log (拜访记录).
 * Rows carry the account's workspace and are listed newest first.
 */
export function accountLogRepo(db: KeyplanDB) {
  async function workspaceOf(accountId: number): Promise<number> {
    const account = await db.accounts.get(accountId);
    if (!account) throw new Error(`Account ${accountId} does not exist`);
    return account.workspaceId;
  }

  return {
    notes: {
      async listByAccount(accountId: number): Promise<AccountNoteRow[]> {
        return (await db.accountNotes.where('accountId').equals(accountId).toArray()).sort(
          newestFirst,
        );
      },
      add(accountId: number, fields: NoteFields): Promise<number> {
        return db.transaction('rw', db.accounts, db.accountNotes, async () => {
          const workspaceId = await workspaceOf(accountId);
          return assignedId(await db.accountNotes.add({ ...fields, workspaceId, accountId }));
        });
      },
      async update(id: number, patch: Partial<NoteFields>): Promise<void> {
        await updateExisting(db.accountNotes, id, patch, 'Note');
      },
      async remove(id: number): Promise<void> {
        await db.accountNotes.delete(id);
      },
    },
    visits: {
      async listByAccount(accountId: number): Promise<VisitRow[]> {
        return (await db.visits.where('accountId').equals(accountId).toArray()).sort(newestFirst);
      },
      add(accountId: number, fields: VisitFields): Promise<number> {
        return db.transaction('rw', db.accounts, db.visits, async () => {
          const workspaceId = await workspaceOf(accountId);
          return assignedId(await db.visits.add({ ...fields, workspaceId, accountId }));
        });
      },
      async update(id: number, patch: Partial<VisitFields>): Promise<void> {
        await updateExisting(db.visits, id, patch, 'Visit');
      },
      async remove(id: number): Promise<void> {
        await db.visits.delete(id);
      },
    },
  };
}
