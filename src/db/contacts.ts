import { DataError } from './errors';
import { assignedId, updateExisting, type KeyplanDB } from './db';
import type { ContactRow } from './schema';

/** What a user types for a contact; the account and workspace come from the account. */
export type ContactFields = Required<
  Pick<
    ContactRow,
    | 'name'
    | 'title'
    | 'department'
    | 'line'
    | 'buyingRole'
    | 'influence'
    | 'attitude'
    | 'reportsToId'
    | 'isNode'
    | 'lastContact'
    | 'phone'
    | 'email'
  >
>;

export function emptyContactFields(): ContactFields {
  return {
    name: '',
    title: '',
    department: '',
    line: '',
    buyingRole: '',
    influence: null,
    attitude: '',
    reportsToId: null,
    isNode: false,
    lastContact: '',
    phone: '',
    email: '',
  };
}

const byId = (a: ContactRow, b: ContactRow) => (a.id ?? 0) - (b.id ?? 0);

export function contactsRepo(db: KeyplanDB) {
  /**
   * A reports-to link must name another contact of the same account and must not close a loop
   * (A reports to B reports to A). Call inside a transaction over db.contacts.
   */
  async function checkReportsTo(
    accountId: number,
    contactId: number | null,
    reportsToId: number | null | undefined,
  ): Promise<void> {
    if (reportsToId === null || reportsToId === undefined) return;
    if (reportsToId === contactId)
      throw new DataError('reports_to_self', {}, 'A contact cannot report to itself');
    const seen = new Set<number>();
    let current: number | null | undefined = reportsToId;
    while (current !== null && current !== undefined && !seen.has(current)) {
      seen.add(current);
      const row: ContactRow | undefined = await db.contacts.get(current);
      if (!row || row.accountId !== accountId) {
        if (current === reportsToId) {
          throw new DataError(
            'reports_to_other',
            {},
            `Contact ${reportsToId} is not a contact of this account`,
          );
        }
        return;
      }
      if (contactId !== null && row.reportsToId === contactId) {
        throw new DataError(
          'reports_to_cycle',
          {},
          'The reports-to chain would go round in a circle',
        );
      }
      current = row.reportsToId;
    }
  }

  return {
    /** The account's contacts in the order they were added. */
    async listByAccount(accountId: number): Promise<ContactRow[]> {
      return (await db.contacts.where('accountId').equals(accountId).toArray()).sort(byId);
    },
    get(id: number): Promise<ContactRow | undefined> {
      return db.contacts.get(id);
    },
    async add(accountId: number, fields: ContactFields): Promise<number> {
      return db.transaction('rw', db.accounts, db.contacts, async () => {
        const account = await db.accounts.get(accountId);
        if (!account)
          throw new DataError(
            'account_missing',
            { id: accountId },
            `Account ${accountId} does not exist`,
          );
        await checkReportsTo(accountId, null, fields.reportsToId);
        return assignedId(
          await db.contacts.add({
            ...fields,
            workspaceId: account.workspaceId,
            accountId,
            importId: null,
          }),
        );
      });
    },
    async update(id: number, patch: Partial<ContactFields>): Promise<void> {
      await db.transaction('rw', db.contacts, async () => {
        const row = await db.contacts.get(id);
        if (!row) throw new DataError('contact_missing', { id }, `Contact ${id} does not exist`);
        if ('reportsToId' in patch) await checkReportsTo(row.accountId, id, patch.reportsToId);
        await updateExisting(db.contacts, id, patch, 'Contact');
      });
    },
    /** Those who reported to the removed contact move to the top of the chart. */
    async remove(id: number): Promise<void> {
      await db.transaction('rw', db.contacts, async () => {
        const row = await db.contacts.get(id);
        if (!row) return;
        await db.contacts
          .where('accountId')
          .equals(row.accountId)
          .filter((c) => c.reportsToId === id)
          .modify({ reportsToId: null });
        await db.contacts.delete(id);
      });
    },
  };
}
