import { bumpDataVersion, updateExisting, type KeyplanDB } from './db';
import type { AccountRow } from './schema';

/** Fields a user may type into; everything else is computed or owned by imports. */
export type EditableAccountFields = Pick<
  AccountRow,
  | 'name'
  | 'industry'
  | 'region'
  | 'owner'
  | 'tier'
  | 'isKeyAccount'
  | 'notes'
  | 'estimatedSpendMinor'
>;

export function accountsRepo(db: KeyplanDB) {
  return {
    /** Accounts of the workspace, without those an import still running has just created. */
    async listByWorkspace(workspaceId: number): Promise<AccountRow[]> {
      const running = new Set(await db.imports.where('status').equals('running').primaryKeys());
      const rows = await db.accounts.where('workspaceId').equals(workspaceId).toArray();
      return running.size === 0
        ? rows
        : rows.filter((a) => a.createdByImportId === null || !running.has(a.createdByImportId));
    },
    get(id: number): Promise<AccountRow | undefined> {
      return db.accounts.get(id);
    },
    /**
     * Two records of the same customer: `fromId`'s orders, contacts and plans move to `intoId`
     * and `fromId` goes; its name is noted on the kept account. Refused when both have a plan for
     * the same year (the user decides which plan stays).
     */
    async merge(fromId: number, intoId: number): Promise<void> {
      if (fromId === intoId) return;
      await db.transaction(
        'rw',
        [db.accounts, db.orders, db.contacts, db.plans, db.meta],
        async () => {
          const [from, into] = await db.accounts.bulkGet([fromId, intoId]);
          if (!from || !into) throw new Error('Account to merge does not exist');
          const fromPlans = await db.plans
            .where('workspaceId')
            .equals(from.workspaceId)
            .filter((p) => p.accountId === fromId)
            .toArray();
          for (const plan of fromPlans) {
            if (await db.plans.where('[accountId+year]').equals([intoId, plan.year]).count()) {
              throw new Error(`Both accounts have a plan for ${plan.year}`);
            }
          }
          await db.orders
            .where('[workspaceId+accountId]')
            .equals([from.workspaceId, fromId])
            .modify({ accountId: intoId });
          await db.contacts.where('accountId').equals(fromId).modify({ accountId: intoId });
          for (const plan of fromPlans)
            await db.plans.update(plan.id as number, { accountId: intoId });
          const note = `Merged from: ${from.name}`;
          await db.accounts.update(intoId, {
            notes: into.notes ? `${into.notes}\n${note}` : note,
            isKeyAccount: into.isKeyAccount || from.isKeyAccount,
          });
          await db.accounts.delete(fromId);
          await bumpDataVersion(db);
        },
      );
    },
    async update(id: number, patch: Partial<EditableAccountFields>): Promise<void> {
      await updateExisting(db.accounts, id, patch, 'Account');
    },
  };
}
