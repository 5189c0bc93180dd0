import { assignedId, bumpDataVersion, updateExisting, type KeyplanDB } from './db';
import type {
  AccountNoteRow,
  AccountRow,
  ActionRow,
  ContactRow,
  CustomValue,
  OrderRow,
  PlanRow,
  VisitRow,
} from './schema';

/** One account's patch in a multi-row change (paste, bulk edit, fill down). */
export interface AccountPatch {
  id: number;
  patch: Partial<EditableAccountFields> & { custom?: Record<string, CustomValue> };
}

/** Everything a deletion removed, so undo can put it back exactly (same ids). */
export interface DeletedAccounts {
  accounts: AccountRow[];
  orders: OrderRow[];
  contacts: ContactRow[];
  plans: PlanRow[];
  actions: ActionRow[];
  notes: AccountNoteRow[];
  visits: VisitRow[];
}

/** What a merge changed, so undo can take it apart again. */
export interface MergeRecord {
  from: AccountRow;
  intoBefore: AccountRow;
  orderIds: number[];
  contactIds: number[];
  planIds: number[];
  noteIds: number[];
  visitIds: number[];
}

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
     * Two records of the same customer: `fromId`'s orders, contacts, plans, notes and visits move
     * to `intoId` and `fromId` goes; its name is noted on the kept account. Refused when both have
     * a plan for the same year (the user decides which plan stays). Returns what undo needs.
     */
    async merge(fromId: number, intoId: number): Promise<MergeRecord> {
      if (fromId === intoId) throw new Error('An account cannot be merged into itself');
      return db.transaction(
        'rw',
        [db.accounts, db.orders, db.contacts, db.plans, db.accountNotes, db.visits, db.meta],
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
          const orders = db.orders
            .where('[workspaceId+accountId]')
            .equals([from.workspaceId, fromId]);
          const orderIds = (await orders.primaryKeys()) as number[];
          await orders.modify({ accountId: intoId });
          const contactIds = (await db.contacts
            .where('accountId')
            .equals(fromId)
            .primaryKeys()) as number[];
          await db.contacts.where('accountId').equals(fromId).modify({ accountId: intoId });
          const noteIds = (await db.accountNotes
            .where('accountId')
            .equals(fromId)
            .primaryKeys()) as number[];
          await db.accountNotes.where('accountId').equals(fromId).modify({ accountId: intoId });
          const visitIds = (await db.visits
            .where('accountId')
            .equals(fromId)
            .primaryKeys()) as number[];
          await db.visits.where('accountId').equals(fromId).modify({ accountId: intoId });
          for (const plan of fromPlans)
            await db.plans.update(plan.id as number, { accountId: intoId });
          const note = `Merged from: ${from.name}`;
          await db.accounts.update(intoId, {
            notes: into.notes ? `${into.notes}\n${note}` : note,
            isKeyAccount: into.isKeyAccount || from.isKeyAccount,
            // Values the kept account lacks are taken from the merged one.
            custom: { ...from.custom, ...into.custom },
          });
          await db.accounts.delete(fromId);
          await bumpDataVersion(db);
          return {
            from,
            intoBefore: into,
            orderIds,
            contactIds,
            planIds: fromPlans.map((p) => p.id as number),
            noteIds,
            visitIds,
          };
        },
      );
    },
    /** Undoes a merge: the merged account comes back with its own orders, contacts and plans. */
    async unmerge(record: MergeRecord): Promise<void> {
      const fromId = record.from.id as number;
      await db.transaction(
        'rw',
        [db.accounts, db.orders, db.contacts, db.plans, db.accountNotes, db.visits, db.meta],
        async () => {
          if (await db.accounts.get(fromId)) throw new Error('The merged account exists again');
          await db.accounts.put(record.from);
          await db.accounts.put(record.intoBefore);
          const back = { accountId: fromId };
          await db.orders.where(':id').anyOf(record.orderIds).modify(back);
          await db.contacts.where(':id').anyOf(record.contactIds).modify(back);
          await db.plans.where(':id').anyOf(record.planIds).modify(back);
          await db.accountNotes.where(':id').anyOf(record.noteIds).modify(back);
          await db.visits.where(':id').anyOf(record.visitIds).modify(back);
          await bumpDataVersion(db);
        },
      );
    },
    /** An account typed in by hand. */
    async add(
      workspaceId: number,
      fields: Partial<EditableAccountFields> & { key: string; name: string },
    ): Promise<number> {
      return db.transaction('rw', db.accounts, async () => {
        if (
          await db.accounts.where('[workspaceId+key]').equals([workspaceId, fields.key]).count()
        ) {
          throw new Error(`An account named ${fields.name} exists already`);
        }
        return assignedId(
          await db.accounts.add({
            workspaceId,
            industry: '',
            region: '',
            owner: '',
            tier: '',
            isKeyAccount: false,
            notes: '',
            custom: {},
            estimatedSpendMinor: null,
            createdByImportId: null,
            ...fields,
          }),
        );
      });
    },
    /**
     * Deletes accounts with everything that belongs to them (orders, contacts, plans and their
     * actions, notes, visits), in one transaction; returns it all so undo can restore it.
     */
    async removeWithDependents(ids: readonly number[]): Promise<DeletedAccounts> {
      const tables = [
        db.accounts,
        db.orders,
        db.contacts,
        db.plans,
        db.actions,
        db.accountNotes,
        db.visits,
        db.meta,
      ];
      return db.transaction('rw', tables, async () => {
        const accounts = (await db.accounts.bulkGet([...ids])).filter(
          (a): a is AccountRow => a !== undefined,
        );
        const deleted: DeletedAccounts = {
          accounts,
          orders: [],
          contacts: [],
          plans: [],
          actions: [],
          notes: [],
          visits: [],
        };
        for (const account of accounts) {
          const id = account.id as number;
          const orders = db.orders
            .where('[workspaceId+accountId]')
            .equals([account.workspaceId, id]);
          deleted.orders.push(...(await orders.toArray()));
          await orders.delete();
          deleted.contacts.push(...(await db.contacts.where('accountId').equals(id).toArray()));
          await db.contacts.where('accountId').equals(id).delete();
          const plans = await db.plans
            .where('workspaceId')
            .equals(account.workspaceId)
            .filter((p) => p.accountId === id)
            .toArray();
          deleted.plans.push(...plans);
          for (const plan of plans) {
            const actions = db.actions.where('planId').equals(plan.id as number);
            deleted.actions.push(...(await actions.toArray()));
            await actions.delete();
          }
          await db.plans.bulkDelete(plans.map((p) => p.id as number));
          deleted.notes.push(...(await db.accountNotes.where('accountId').equals(id).toArray()));
          await db.accountNotes.where('accountId').equals(id).delete();
          deleted.visits.push(...(await db.visits.where('accountId').equals(id).toArray()));
          await db.visits.where('accountId').equals(id).delete();
        }
        await db.accounts.bulkDelete(accounts.map((a) => a.id as number));
        if (deleted.orders.length > 0) await bumpDataVersion(db);
        return deleted;
      });
    },
    /** Puts back what removeWithDependents took, with the same ids. */
    async restore(deleted: DeletedAccounts): Promise<void> {
      const tables = [
        db.accounts,
        db.orders,
        db.contacts,
        db.plans,
        db.actions,
        db.accountNotes,
        db.visits,
        db.meta,
      ];
      await db.transaction('rw', tables, async () => {
        await db.accounts.bulkAdd(deleted.accounts);
        await db.orders.bulkAdd(deleted.orders);
        await db.contacts.bulkAdd(deleted.contacts);
        await db.plans.bulkAdd(deleted.plans);
        await db.actions.bulkAdd(deleted.actions);
        await db.accountNotes.bulkAdd(deleted.notes);
        await db.visits.bulkAdd(deleted.visits);
        if (deleted.orders.length > 0) await bumpDataVersion(db);
      });
    },
    /**
     * Several accounts changed at once (paste, bulk edit, fill down): all or nothing. Custom
     * values are merged into the stored ones. Returns each account's values before, for undo.
     */
    async patchMany(patches: readonly AccountPatch[]): Promise<AccountPatch[]> {
      return db.transaction('rw', db.accounts, async () => {
        const stored = await db.accounts.bulkGet(patches.map((p) => p.id));
        const before: AccountPatch[] = [];
        const next: AccountRow[] = [];
        patches.forEach(({ id, patch }, i) => {
          const current = stored[i];
          if (!current) throw new Error(`Account ${id} does not exist`);
          const { custom, ...fields } = patch;
          const old: AccountPatch['patch'] = {};
          for (const key of Object.keys(fields) as (keyof EditableAccountFields)[]) {
            (old as Record<string, unknown>)[key] = current[key] ?? null;
          }
          if (custom) {
            old.custom = Object.fromEntries(
              Object.keys(custom).map((k) => [k, current.custom[k] ?? null]),
            );
          }
          before.push({ id, patch: old });
          next.push({ ...current, ...fields, custom: { ...current.custom, ...custom } });
        });
        await db.accounts.bulkPut(next);
        return before;
      });
    },
    async update(id: number, patch: Partial<EditableAccountFields>): Promise<void> {
      await updateExisting(db.accounts, id, patch, 'Account');
    },
  };
}
