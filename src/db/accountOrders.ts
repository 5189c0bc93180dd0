import type { KeyplanDB } from './db';
import type { OrderRow } from './schema';

export function accountOrdersRepo(db: KeyplanDB) {
  return {
    /**
     * The account's orders, newest first (same day: the later stored first). Orders of an import
     * still running are not part of the data yet.
     */
    async listByAccount(workspaceId: number, accountId: number): Promise<OrderRow[]> {
      const running = new Set(await db.imports.where('status').equals('running').primaryKeys());
      const rows = await db.orders
        .where('[workspaceId+accountId]')
        .equals([workspaceId, accountId])
        .toArray();
      return rows
        .filter((o) => running.size === 0 || !running.has(o.importId))
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : (b.id ?? 0) - (a.id ?? 0)));
    },
  };
}
