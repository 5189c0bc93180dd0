import { assignedId, type KeyplanDB } from './db';
import type { AccountRow, ImportRow, OrderRow } from './schema';

/** An order ready to store, still naming its account by key (accounts are resolved here). */
export interface NewOrder {
  accountKey: string;
  accountName: string;
  orderNo: string;
  date: string;
  amountMinor: number;
  quantity: number | null;
  product: string;
  extra: Record<string, string>;
}

export type NewImport = Omit<ImportRow, 'id' | 'workspaceId' | 'rowsImported' | 'accountsCreated'>;

export interface ImportCommitResult {
  importId: number;
  rowsImported: number;
  accountsCreated: number;
}

const ORDERS_PER_BATCH = 20_000;

export function blankAccount(workspaceId: number, key: string, name: string): AccountRow {
  return {
    workspaceId,
    key,
    name,
    industry: '',
    region: '',
    owner: '',
    tier: '',
    isKeyAccount: false,
    custom: {},
    notes: '',
    createdByImportId: null,
  };
}

/** The stored shape of one order; importId 0 marks generated demo data. */
export function toOrderRow(
  workspaceId: number,
  importId: number,
  accountId: number,
  o: Omit<NewOrder, 'accountKey' | 'accountName'>,
): OrderRow {
  return {
    workspaceId,
    importId,
    accountId,
    orderNo: o.orderNo,
    date: o.date,
    amountMinor: o.amountMinor,
    quantity: o.quantity,
    product: o.product,
    costMinor: null,
    extra: o.extra,
  };
}

export function importsRepo(db: KeyplanDB) {
  return {
    listByWorkspace(workspaceId: number): Promise<ImportRow[]> {
      return db.imports.where('workspaceId').equals(workspaceId).reverse().sortBy('importedAt');
    },
    findByHash(workspaceId: number, hash: string): Promise<ImportRow | undefined> {
      return db.imports.where('[workspaceId+hash]').equals([workspaceId, hash]).first();
    },
    /**
     * Writes the import record, any new accounts and all orders in ONE transaction: a failure at
     * any point (quota, crash, closed tab) leaves the database exactly as it was.
     */
    async commit(
      workspaceId: number,
      meta: NewImport,
      orders: readonly NewOrder[],
    ): Promise<ImportCommitResult> {
      return db.transaction('rw', db.imports, db.accounts, db.orders, async () => {
        const importId = assignedId(
          await db.imports.add({
            ...meta,
            workspaceId,
            rowsImported: orders.length,
            accountsCreated: 0,
          }),
        );

        const idByKey = new Map<string, number>();
        await db.accounts
          .where('workspaceId')
          .equals(workspaceId)
          .each((a) => {
            if (a.id !== undefined) idByKey.set(a.key, a.id);
          });

        const newAccounts: AccountRow[] = [];
        const seen = new Set<string>();
        for (const o of orders) {
          if (idByKey.has(o.accountKey) || seen.has(o.accountKey)) continue;
          seen.add(o.accountKey);
          newAccounts.push({
            ...blankAccount(workspaceId, o.accountKey, o.accountName.trim()),
            createdByImportId: importId,
          });
        }
        const newIds = await db.accounts.bulkAdd(newAccounts, { allKeys: true });
        newAccounts.forEach((a, i) => idByKey.set(a.key, newIds[i] as number));

        for (let start = 0; start < orders.length; start += ORDERS_PER_BATCH) {
          const batch = orders
            .slice(start, start + ORDERS_PER_BATCH)
            .map((o) => toOrderRow(workspaceId, importId, idByKey.get(o.accountKey) as number, o));
          await db.orders.bulkAdd(batch);
        }

        await db.imports.update(importId, { accountsCreated: newAccounts.length });
        return { importId, rowsImported: orders.length, accountsCreated: newAccounts.length };
      });
    },
  };
}
