import Dexie from 'dexie';
import type { OrderFact } from '../domain/types';
import { DATA_VERSION_KEY, type KeyplanDB } from './db';
import type { OrderRow } from './schema';

export function ordersRepo(db: KeyplanDB) {
  const workspaceRange = (workspaceId: number) =>
    db.orders
      .where('[workspaceId+accountId]')
      .between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey]);

  /** Orders of an import still running are not part of the data yet. */
  const runningImportIds = async (): Promise<Set<number>> =>
    new Set(
      (await db.imports.where('status').equals('running').primaryKeys()).filter(
        (id): id is number => id !== undefined,
      ),
    );

  return {
    /** Changes whenever orders change as a whole (import, undo, demo): a cheap thing to watch. */
    async dataVersion(): Promise<number> {
      return Number((await db.meta.get(DATA_VERSION_KEY))?.value) || 0;
    },
    /** The slim view analytics need (grouped by account; analysis does not need date order). */
    async factsByWorkspace(workspaceId: number): Promise<OrderFact[]> {
      const running = await runningImportIds();
      const facts: OrderFact[] = [];
      await workspaceRange(workspaceId).each((o) => {
        if (running.size > 0 && running.has(o.importId)) return;
        facts.push({
          accountId: o.accountId,
          orderNo: o.orderNo,
          date: o.date,
          amountMinor: o.amountMinor,
          costMinor: o.costMinor,
        });
      });
      return facts;
    },
    async byAccount(workspaceId: number, accountId: number): Promise<OrderRow[]> {
      const rows = await db.orders
        .where('[workspaceId+accountId]')
        .equals([workspaceId, accountId])
        .toArray();
      return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    },
    countByWorkspace(workspaceId: number): Promise<number> {
      return workspaceRange(workspaceId).count();
    },
  };
}
