import { blankAccount, toOrderRow, type NewOrder } from './rows';
import { assignedId, bumpDataVersion, type KeyplanDB } from './db';
import { recoverInterruptedImports, removeImport } from './importWriter';
import type { AccountRow, ImportRow, ImportSettings, MappingRow } from './schema';

export type { NewOrder };

/** The parts of an import plan worth remembering per header layout. */
export type PlanToRemember = Omit<ImportSettings, 'formats'> & {
  kind: MappingRow['kind'];
  mapping: MappingRow['mapping'];
  formats: ImportSettings['formats'];
};

export type NewImport = Omit<ImportRow, 'id' | 'workspaceId' | 'rowsImported' | 'accountsCreated'>;

export interface ImportCommitResult {
  importId: number;
  rowsImported: number;
  accountsCreated: number;
}

const ORDERS_PER_BATCH = 20_000;

export function importsRepo(db: KeyplanDB) {
  return {
    /** Rolls back imports whose tab died mid-way (see importWriter). */
    recoverInterrupted(isAlive: (row: ImportRow) => Promise<boolean>): Promise<number[]> {
      return recoverInterruptedImports(db, isAlive);
    },
    /** Imports still marked running (by this or another tab, or left by a crash). */
    running(): Promise<ImportRow[]> {
      return db.imports.where('status').equals('running').toArray();
    },
    /** Removes a finished import: its orders and contacts, the accounts only it created. */
    async undo(importId: number): Promise<void> {
      await removeImport(db, importId);
    },
    rememberedMapping(workspaceId: number, signature: string): Promise<MappingRow | undefined> {
      return db.mappings.get([workspaceId, signature]);
    },
    /** Remembers how files with these headers were read, to offer it next time. */
    async rememberMapping(
      workspaceId: number,
      signature: string,
      plan: PlanToRemember,
    ): Promise<void> {
      await db.mappings.put({
        workspaceId,
        signature,
        kind: plan.kind,
        mapping: plan.mapping,
        settings: {
          encoding: plan.encoding,
          delimiter: plan.delimiter,
          headerRow: plan.headerRow,
          formats: plan.formats,
          cancelPrefix: plan.cancelPrefix,
          keepCustom: plan.keepCustom,
          skipDuplicates: plan.skipDuplicates,
        },
        usedAt: new Date().toISOString(),
      });
    },
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
      return db.transaction('rw', [db.imports, db.accounts, db.orders, db.meta], async () => {
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
        await bumpDataVersion(db);
        return { importId, rowsImported: orders.length, accountsCreated: newAccounts.length };
      });
    },
  };
}
