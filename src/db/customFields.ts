import { updateExisting, type KeyplanDB } from './db';
import type { CustomFieldDef, CustomValue } from './schema';

/** What deleting a field took away, so undo can put it back. */
export interface RemovedField {
  workspaceId: number;
  def: CustomFieldDef;
  index: number;
  values: [accountId: number, value: CustomValue][];
}

/** The user's own account columns: definitions on the workspace, values on each account. */
export function customFieldsRepo(db: KeyplanDB) {
  return {
    async list(workspaceId: number): Promise<CustomFieldDef[]> {
      return (await db.workspaces.get(workspaceId))?.customFields ?? [];
    },
    /** Stores the definitions as given (add, rename, reorder); values are untouched. */
    async setDefs(workspaceId: number, defs: CustomFieldDef[]): Promise<void> {
      await updateExisting(db.workspaces, workspaceId, { customFields: defs }, 'Workspace');
    },
    /**
     * Deletes a field and its values on every account, in one transaction. A field an import
     * brought in (values only, no definition yet) can be deleted the same way.
     */
    async remove(workspaceId: number, field: CustomFieldDef): Promise<RemovedField> {
      const fieldId = field.id;
      return db.transaction('rw', db.workspaces, db.accounts, async () => {
        const defs = (await db.workspaces.get(workspaceId))?.customFields ?? [];
        const found = defs.findIndex((d) => d.id === fieldId);
        const index = found < 0 ? defs.length : found;
        const values: RemovedField['values'] = [];
        await db.accounts
          .where('workspaceId')
          .equals(workspaceId)
          .modify((account) => {
            if (!(fieldId in account.custom)) return;
            values.push([account.id as number, account.custom[fieldId] ?? null]);
            delete account.custom[fieldId];
          });
        await db.workspaces.update(workspaceId, {
          customFields: defs.filter((d) => d.id !== fieldId),
        });
        return { workspaceId, def: defs[found] ?? field, index, values };
      });
    },
    /** Undo of remove: the definition back in its place, the values back on their accounts. */
    async restore(removed: RemovedField): Promise<void> {
      await db.transaction('rw', db.workspaces, db.accounts, async () => {
        const defs = (await db.workspaces.get(removed.workspaceId))?.customFields ?? [];
        const next = defs.filter((d) => d.id !== removed.def.id);
        next.splice(Math.min(removed.index, next.length), 0, removed.def);
        await db.workspaces.update(removed.workspaceId, { customFields: next });
        const byId = new Map(removed.values);
        await db.accounts
          .where(':id')
          .anyOf([...byId.keys()])
          .modify((account) => {
            account.custom[removed.def.id] = byId.get(account.id as number) ?? null;
          });
      });
    },
  };
}
