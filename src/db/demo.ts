import type { DemoAccount, DemoOrder } from '../domain/demo';
import { assignedId, bumpDataVersion, type KeyplanDB } from './db';
import type { WorkspaceRow } from './schema';
import { blankAccount, toOrderRow } from './rows';

export interface DemoData {
  accounts: readonly DemoAccount[];
  orders: readonly DemoOrder[];
}

/** Stores a generated demo workspace in one transaction and makes it current. */
export function demoRepo(db: KeyplanDB) {
  return {
    async create(
      settings: Omit<WorkspaceRow, 'id' | 'createdAt' | 'isDemo'>,
      data: DemoData,
      keyAccountKeys: readonly string[],
    ): Promise<number> {
      return db.transaction('rw', [db.workspaces, db.accounts, db.orders, db.meta], async () => {
        const workspaceId = assignedId(
          await db.workspaces.add({
            ...settings,
            isDemo: true,
            createdAt: new Date().toISOString(),
          }),
        );
        const keySet = new Set(keyAccountKeys);
        const ids = await db.accounts.bulkAdd(
          data.accounts.map((a) => ({
            ...blankAccount(workspaceId, a.key, a.name),
            industry: a.industry,
            region: a.region,
            owner: a.owner,
            tier: a.tier,
            isKeyAccount: keySet.has(a.key),
          })),
          { allKeys: true },
        );
        const idByKey = new Map(data.accounts.map((a, i) => [a.key, ids[i] as number]));
        const accountIdOf = (key: string): number => {
          const id = idByKey.get(key);
          if (id === undefined) throw new Error(`Demo order names unknown account ${key}`);
          return id;
        };
        const rows = data.orders.map((o) =>
          toOrderRow(workspaceId, 0, accountIdOf(o.accountKey), { ...o, extra: {} }),
        );
        await db.orders.bulkAdd(rows);
        await db.meta.put({ key: 'currentWorkspaceId', value: workspaceId });
        await bumpDataVersion(db);
        return workspaceId;
      });
    },
  };
}
