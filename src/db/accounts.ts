import { assignedId, bumpDataVersion, updateExisting, type KeyplanDB } from './db';
import { DataError } from './errors';
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
  intoId: number;
  /** The kept account's fields the merge changed: their values before and after. */
  intoBefore: Partial<AccountRow>;
  intoAfter: Partial<AccountRow>;
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
    async merge(
      fromId: number,
      intoId: number,
      note: (fromName: string) => string = (name) => `Merged from: ${name}`,
    ): Promise<MergeRecord> {
      if (fromId === intoId)
        throw new DataError('merge_self', {}, 'An account cannot be merged into itself');
      return db.transaction(
        'rw',
        [db.accounts, db.orders, db.contacts, db.plans, db.accountNotes, db.visits, db.meta],
        async () => {
          const [from, into] = await db.accounts.bulkGet([fromId, intoId]);
          if (!from || !into)
            throw new DataError('merge_missing', {}, 'Account to merge does not exist');
          const fromPlans = await db.plans
            .where('workspaceId')
            .equals(from.workspaceId)
            .filter((p) => p.accountId === fromId)
            .toArray();
          for (const plan of fromPlans) {
            if (await db.plans.where('[accountId+year]').equals([intoId, plan.year]).count()) {
              throw new DataError(
                'merge_plan_conflict',
                { year: plan.year },
                `Both accounts have a plan for ${plan.year}`,
              );
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
          const intoAfter = mergedFields(into, from, note(from.name));
          const intoBefore = Object.fromEntries(
            Object.keys(intoAfter).map((k) => [k, into[k as keyof AccountRow] ?? null]),
          ) as Partial<AccountRow>;
          await db.accounts.update(intoId, intoAfter);
          await db.accounts.delete(fromId);
          await bumpDataVersion(db);
          return {
            from,
            intoId,
            intoBefore,
            intoAfter,
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
          await refuseTakenKeys(db, [record.from]);
          await db.accounts.add(record.from);
          // Only what the merge changed goes back, and only where nobody changed it since.
          const into = await db.accounts.get(record.intoId);
          if (into) {
            const back: Partial<AccountRow> = {};
            for (const [k, after] of Object.entries(record.intoAfter)) {
              const key = k as keyof AccountRow;
              if (JSON.stringify(into[key] ?? null) === JSON.stringify(after ?? null)) {
                (back as Record<string, unknown>)[key] = record.intoBefore[key] ?? null;
              }
            }
            await db.accounts.update(record.intoId, back);
          }
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
        // An import may have brought the same customer back meanwhile: never two of one.
        await refuseTakenKeys(db, deleted.accounts);
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
          if (!current)
            throw new DataError('account_missing', { id }, `Account ${id} does not exist`);
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

/**
 * The kept account after a merge: its own values win; what it lacks (industry, region, owner,
 * tier, spend, profile fields, custom values) comes from the merged account; both notes are kept,
 * with a line saying where the rest came from. Only the fields that change are returned.
 */
export function mergedFields(
  into: AccountRow,
  from: AccountRow,
  note: string,
): Partial<AccountRow> {
  const out: Partial<AccountRow> = {
    notes: [into.notes, note, from.notes].filter((n) => n.trim() !== '').join('\n'),
    isKeyAccount: into.isKeyAccount || from.isKeyAccount,
    custom: { ...from.custom, ...into.custom },
  };
  for (const key of ['industry', 'region', 'owner', 'tier'] as const) {
    if (into[key].trim() === '' && from[key].trim() !== '') out[key] = from[key];
  }
  if ((into.estimatedSpendMinor ?? null) === null && (from.estimatedSpendMinor ?? null) !== null) {
    out.estimatedSpendMinor = from.estimatedSpendMinor ?? null;
  }
  if (from.profile) {
    const profile = { ...from.profile, ...into.profile };
    for (const [k, v] of Object.entries(into.profile ?? {})) {
      if (String(v).trim() === '')
        profile[k as keyof typeof profile] = from.profile[k as keyof typeof profile];
    }
    out.profile = profile;
  }
  const changed: Partial<AccountRow> = {};
  for (const [k, v] of Object.entries(out)) {
    if (JSON.stringify(v ?? null) !== JSON.stringify(into[k as keyof AccountRow] ?? null)) {
      (changed as Record<string, unknown>)[k] = v;
    }
  }
  return changed;
}

async function refuseTakenKeys(db: KeyplanDB, accounts: readonly AccountRow[]): Promise<void> {
  for (const a of accounts) {
    const taken = await db.accounts
      .where('[workspaceId+key]')
      .equals([a.workspaceId, a.key])
      .first();
    if (taken && taken.id !== a.id) {
      throw new DataError(
        'key_taken',
        { name: a.name },
        `An account named ${a.name} exists already`,
      );
    }
  }
}
