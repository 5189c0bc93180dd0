import { updateExisting, type KeyplanDB } from './db';
import type { AccountRow } from './schema';

/** Fields a user may type into; everything else is computed or owned by imports. */
export type EditableAccountFields = Pick<
  AccountRow,
  'name' | 'industry' | 'region' | 'owner' | 'tier' | 'isKeyAccount' | 'notes'
>;

export function accountsRepo(db: KeyplanDB) {
  return {
    listByWorkspace(workspaceId: number): Promise<AccountRow[]> {
      return db.accounts.where('workspaceId').equals(workspaceId).toArray();
    },
    get(id: number): Promise<AccountRow | undefined> {
      return db.accounts.get(id);
    },
    async update(id: number, patch: Partial<EditableAccountFields>): Promise<void> {
      await updateExisting(db.accounts, id, patch, 'Account');
    },
  };
}
