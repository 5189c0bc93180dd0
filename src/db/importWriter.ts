// Writes one import in batches, so a million-row file never sits in memory or in one transaction.
// Safety comes from tagging instead: every row written carries the import id, the import stays
// 'running' (and invisible to the app) until finish(), and rollback removes exactly what it wrote.
import { assignedId, bumpDataVersion, type KeyplanDB } from './db';
import { isQuotaExceeded } from './quotaError';
import { blankAccount, toOrderRow, type NewOrder } from './rows';
import Dexie from 'dexie';
import type {
  AccountRow,
  AccountSnapshotRow,
  ContactRow,
  CustomFieldDef,
  CustomValue,
  ImportRow,
} from './schema';

/**
 * Kept columns of an accounts file are stored by field id: a column named like one of the user's
 * fields (its name in any case, or its id) fills that field; any other column keeps its header
 * as key and shows in the grid as a text field of that name.
 */
export function customByFieldId(
  defs: readonly CustomFieldDef[],
  custom: Readonly<Record<string, CustomValue>>,
): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const [header, value] of Object.entries(custom)) {
    const lower = header.trim().toLowerCase();
    const def =
      defs.find((d) => d.id === header) ?? defs.find((d) => d.name.trim().toLowerCase() === lower);
    out[def ? def.id : header] = value;
  }
  return out;
}

/** An account row from a master-list import; only fields the file maps are set. */
export interface AccountUpsert {
  key: string;
  nameKey?: string;
  name: string;
  fields: Partial<Pick<AccountRow, 'industry' | 'region' | 'owner' | 'tier' | 'notes'>>;
  custom: Record<string, string>;
}

export interface ContactInsert {
  accountKey: string;
  nameKey?: string;
  accountName: string;
  contact: Pick<ContactRow, 'name' | 'title' | 'line' | 'department' | 'phone' | 'email'>;
}

export type NewImportMeta = Omit<
  ImportRow,
  'id' | 'workspaceId' | 'status' | 'rowsImported' | 'accountsCreated' | 'accountsUpdated'
>;

export interface ImportCounts {
  rowsImported: number;
  accountsCreated: number;
  accountsUpdated: number;
  contactsCreated: number;
}

export class ImportWriter {
  private readonly counts: ImportCounts = {
    rowsImported: 0,
    accountsCreated: 0,
    accountsUpdated: 0,
    contactsCreated: 0,
  };
  private readonly snapshotted = new Set<number>();

  private constructor(
    private readonly db: KeyplanDB,
    readonly workspaceId: number,
    readonly importId: number,
    private readonly idByKey: Map<string, number>,
  ) {}

  /** Registers a running import and loads the workspace's account keys once. */
  static async begin(
    db: KeyplanDB,
    workspaceId: number,
    meta: NewImportMeta,
  ): Promise<ImportWriter> {
    const importId = assignedId(
      await db.imports.add({
        ...meta,
        workspaceId,
        status: 'running',
        rowsImported: 0,
        accountsCreated: 0,
        accountsUpdated: 0,
        contactsCreated: 0,
      }),
    );
    const idByKey = new Map<string, number>();
    await db.accounts
      .where('workspaceId')
      .equals(workspaceId)
      .each((a) => {
        if (a.id !== undefined && !idByKey.has(a.key)) idByKey.set(a.key, a.id);
      });
    return new ImportWriter(db, workspaceId, importId, idByKey);
  }

  /** The account keys known before this import wrote anything (a copy: it does not grow). */
  knownKeys(): Set<string> {
    return new Set(this.idByKey.keys());
  }

  get written(): Readonly<ImportCounts> {
    return this.counts;
  }

  /**
   * Creates accounts for keys not seen before, tagged with this import so undo can remove them.
   * Returns key → id for the batch; the writer's own map is only updated by commitBatch() once the
   * batch's transaction has committed, so a failed batch leaves no stale ids behind.
   */
  private async ensureAccounts(
    refs: Iterable<{ key: string; name: string; nameKey?: string | undefined }>,
  ): Promise<{ ids: Map<string, number>; created: number }> {
    const batchIds = new Map<string, number>();
    const fresh: AccountRow[] = [];
    for (const { key, name, nameKey } of refs) {
      if (batchIds.has(key)) continue;
      // A customer code not seen before may belong to an account known so far only by name.
      const known =
        this.idByKey.get(key) ?? (nameKey !== undefined ? this.idByKey.get(nameKey) : undefined);
      if (known !== undefined) {
        batchIds.set(key, known);
        continue;
      }
      batchIds.set(key, -1);
      fresh.push({
        ...blankAccount(this.workspaceId, key, name.trim()),
        createdByImportId: this.importId,
      });
    }
    if (fresh.length > 0) {
      const ids = await this.db.accounts.bulkAdd(fresh, { allKeys: true });
      fresh.forEach((a, i) => batchIds.set(a.key, ids[i] as number));
    }
    return { ids: batchIds, created: fresh.length };
  }

  /** After a batch's transaction committed: remember its new accounts and count. */
  private commitBatch(
    batchIds: Map<string, number>,
    rows: number,
    snapshotted: number[] = [],
    created = 0,
  ): void {
    for (const [key, id] of batchIds) if (!this.idByKey.has(key)) this.idByKey.set(key, id);
    this.counts.accountsCreated += created;
    for (const id of snapshotted) this.snapshotted.add(id);
    this.counts.accountsUpdated += snapshotted.length;
    this.counts.rowsImported += rows;
  }

  /** One transaction per batch: a batch is either fully stored or not at all. */
  async addOrders(orders: readonly NewOrder[]): Promise<void> {
    if (orders.length === 0) return;
    const db = this.db;
    const { ids, created } = await db.transaction('rw', db.accounts, db.orders, async () => {
      const ensured = await this.ensureAccounts(
        orders.map((o) => ({ key: o.accountKey, name: o.accountName, nameKey: o.nameKey })),
      );
      await db.orders.bulkAdd(
        orders.map((o) =>
          toOrderRow(this.workspaceId, this.importId, ensured.ids.get(o.accountKey) as number, o),
        ),
      );
      return ensured;
    });
    this.commitBatch(ids, orders.length, [], created);
  }

  /**
   * Creates new accounts and updates mapped fields of existing ones. The first time this import
   * touches an account it did not create, the account is kept as it was (undo puts it back).
   * Several rows for one account in a batch apply one after another to the same working copy.
   */
  async upsertAccounts(rows: readonly AccountUpsert[]): Promise<void> {
    if (rows.length === 0) return;
    const db = this.db;
    const { batchIds, created, snapshotted } = await db.transaction(
      'rw',
      db.accounts,
      db.accountSnapshots,
      db.workspaces,
      async () => {
        const ensured = await this.ensureAccounts(rows);
        const defs = (await db.workspaces.get(this.workspaceId))?.customFields ?? [];
        const ids = ensured.ids;
        const uniqueIds = [...new Set(rows.map((r) => ids.get(r.key) as number))];
        const stored = await db.accounts.bulkGet(uniqueIds);
        const working = new Map<number, AccountRow>();
        const snapshots: AccountSnapshotRow[] = [];
        stored.forEach((account) => {
          if (!account) return;
          const id = account.id as number;
          working.set(id, account);
          if (account.createdByImportId !== this.importId && !this.snapshotted.has(id)) {
            snapshots.push({ importId: this.importId, accountId: id, before: account });
          }
        });
        for (const row of rows) {
          const id = ids.get(row.key) as number;
          const current = working.get(id);
          if (!current) continue;
          working.set(id, {
            ...current,
            ...row.fields,
            name: row.name.trim() || current.name,
            custom: { ...current.custom, ...customByFieldId(defs, row.custom) },
          });
        }
        await db.accountSnapshots.bulkAdd(snapshots);
        await db.accounts.bulkPut([...working.values()]);
        return {
          batchIds: ids,
          created: ensured.created,
          snapshotted: snapshots.map((s) => s.accountId),
        };
      },
    );
    this.commitBatch(batchIds, rows.length, snapshotted, created);
  }

  async addContacts(rows: readonly ContactInsert[]): Promise<void> {
    if (rows.length === 0) return;
    const db = this.db;
    const { ids, created } = await db.transaction('rw', db.accounts, db.contacts, async () => {
      const ensured = await this.ensureAccounts(
        rows.map((r) => ({ key: r.accountKey, name: r.accountName, nameKey: r.nameKey })),
      );
      await db.contacts.bulkAdd(
        rows.map((r) => ({
          workspaceId: this.workspaceId,
          accountId: ensured.ids.get(r.accountKey) as number,
          isNode: false,
          ...r.contact,
          importId: this.importId,
        })),
      );
      return ensured;
    });
    this.counts.contactsCreated += rows.length;
    this.commitBatch(ids, rows.length, [], created);
  }

  /** Makes the import visible, all at once. */
  async finish(summary: Partial<ImportRow>): Promise<ImportRow> {
    const db = this.db;
    return db.transaction('rw', db.imports, db.meta, async () => {
      const current = await db.imports.get(this.importId);
      // Rolled back meanwhile (e.g. by another tab that thought this tab had died).
      if (current?.status !== 'running') throw new Error('The import was rolled back meanwhile');
      await db.imports.update(this.importId, {
        ...summary,
        ...this.counts,
        status: 'done',
        finishedAt: new Date().toISOString(),
      });
      await bumpDataVersion(db);
      return (await db.imports.get(this.importId)) as ImportRow;
    });
  }

  async rollback(): Promise<void> {
    await removeImport(this.db, this.importId);
  }
}

/**
 * Deletes rows by primary key. An import's rows were added in one run, so their keys are usually
 * one contiguous range: then a single range delete replaces a million single deletes.
 */
async function deleteByPrimaryKeys(
  table: KeyplanDB['orders'],
  keys: readonly (number | undefined)[],
): Promise<void> {
  const ids = keys.filter((k): k is number => k !== undefined).sort((a, b) => a - b);
  if (ids.length === 0) return;
  const first = ids[0]!;
  const last = ids[ids.length - 1]!;
  const inRange = await table.where(':id').between(first, last, true, true).count();
  if (inRange === ids.length) await table.where(':id').between(first, last, true, true).delete();
  else await table.bulkDelete(ids);
}

/**
 * Removes what an import wrote — rollback of a cancelled or crashed import and undo of a
 * finished one alike: its orders and contacts, the accounts it created unless something else now
 * points at them (orders of another import, a contact, a plan, another import's before-image),
 * and it puts back the accounts it updated. Nothing is left dangling.
 */
/**
 * `onlyIfRunning`: recovery's guard — the import is removed only if, inside this transaction, it
 * is still 'running' (its tab may have finished it since recovery looked).
 */
export async function removeImport(
  db: KeyplanDB,
  importId: number,
  { onlyIfRunning = false } = {},
): Promise<boolean> {
  const tables = [
    db.imports,
    db.orders,
    db.accounts,
    db.contacts,
    db.accountSnapshots,
    db.plans,
    db.accountNotes,
    db.visits,
    db.meta,
  ];
  return db.transaction('rw', tables, async () => {
    const imp = await db.imports.get(importId);
    if (!imp || (onlyIfRunning && imp.status !== 'running')) return false;
    await deleteByPrimaryKeys(
      db.orders,
      await db.orders.where('importId').equals(importId).primaryKeys(),
    );
    await db.contacts.where('importId').equals(importId).delete();

    // This import's own rows are gone now; whatever still points at one of the accounts it
    // created comes from elsewhere (another import's orders or before-image, a typed contact,
    // a need or a visit, a plan) and keeps that account. Checked in a few bulk queries, not per account.
    const created = await db.accounts.where('createdByImportId').equals(importId).primaryKeys();
    const createdIds = created.filter((id): id is number => id !== undefined);
    const used = new Set<number>();
    if (createdIds.length > 0) {
      const orderKeys = await db.orders
        .where('[workspaceId+accountId]')
        .anyOf(createdIds.map((id) => [imp.workspaceId, id]))
        .keys();
      for (const key of orderKeys) used.add((key as unknown as [number, number])[1]);
      // Contacts, needs and visits typed in on the account's profile keep it too.
      for (const table of [db.contacts, db.accountNotes, db.visits]) {
        const keys = await table.where('accountId').anyOf(createdIds).keys();
        for (const key of keys) used.add(key as number);
      }
      await db.plans
        .where('workspaceId')
        .equals(imp.workspaceId)
        .each((p) => used.add(p.accountId));
      await db.accountSnapshots.each((snap) => {
        if (snap.importId !== importId) used.add(snap.accountId);
      });
    }
    const removable = createdIds.filter((id) => !used.has(id));
    const kept = createdIds.filter((id) => used.has(id));
    await db.accounts.where(':id').anyOf(kept).modify({ createdByImportId: null });
    await db.accounts.bulkDelete(removable);

    const snapshots = await db.accountSnapshots.where('importId').equals(importId).toArray();
    const restored: AccountRow[] = [];
    for (const { before } of snapshots) {
      // The import that created this account may be gone by now (undone out of order).
      const creator = before.createdByImportId;
      const creatorExists = creator === null || (await db.imports.get(creator)) !== undefined;
      restored.push(creatorExists ? before : { ...before, createdByImportId: null });
    }
    await db.accounts.bulkPut(restored);
    await db.accountSnapshots.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
    // A running import's orders and new accounts were never shown, so taking them away changes
    // nothing the app read: no new data version. Then rolling back an orders or contacts import
    // only deletes, and deletes still commit when the storage quota is full.
    if (imp.status !== 'running' || restored.length > 0 || kept.length > 0) {
      await bumpDataVersion(db);
    }
    return true;
  });
}

/**
 * Rolls back imports left 'running' by a closed tab or a crash. `isAlive` tells whether some tab
 * still works on an import (a Web Lock held by its worker), so a running import is never touched.
 */
export async function recoverInterruptedImports(
  db: KeyplanDB,
  isAlive: (row: ImportRow) => Promise<boolean>,
): Promise<number[]> {
  const running = await db.imports.where('status').equals('running').toArray();
  const rolledBack: number[] = [];
  for (const row of running) {
    const id = row.id;
    if (id === undefined || (await isAlive(row))) continue;
    try {
      if (!(await removeImport(db, id, { onlyIfRunning: true }))) continue;
    } catch (error) {
      // Putting back what an accounts import updated needs room: on a full disk the app still
      // starts, and the next start tries again.
      if (isQuotaExceeded(error)) continue;
      throw error;
    }
    rolledBack.push(id);
  }
  return rolledBack;
}

/** Account keys of a workspace, read from the index alone (no account rows). */
export async function accountKeys(db: KeyplanDB, workspaceId: number): Promise<Set<string>> {
  const keys = await db.accounts
    .where('[workspaceId+key]')
    .between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey])
    .keys();
  return new Set(keys.map((k) => (k as unknown as [number, string])[1]));
}

/** Order numbers already stored in a workspace, for the duplicate check (keys only: no rows read). */
export async function existingOrderNos(db: KeyplanDB, workspaceId: number): Promise<Set<string>> {
  const keys = await db.orders
    .where('[workspaceId+orderNo]')
    .between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey])
    .keys();
  const numbers = new Set<string>();
  for (const key of keys) {
    const orderNo = (key as unknown as [number, string])[1];
    if (orderNo) numbers.add(orderNo);
  }
  return numbers;
}
