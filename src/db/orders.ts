import Dexie from 'dexie';
import type { OrderFact } from '../domain/types';
import type { KeyplanDB } from './db';
import type { OrderRow } from './schema';

export function ordersRepo(db: KeyplanDB) {
  const workspaceRange = (workspaceId: number) =>
    db.orders
      .where('[workspaceId+date]')
      .between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey]);

  return {
    /** The slim view analytics need, read in date order. */
    async factsByWorkspace(workspaceId: number): Promise<OrderFact[]> {
      const facts: OrderFact[] = [];
      await workspaceRange(workspaceId).each((o) => {
        facts.push({
          accountId: o.accountId,
          orderNo: o.orderNo,
          date: o.date,
          amountMinor: o.amountMinor,
        });
      });
      return facts;
    },
    byAccount(workspaceId: number, accountId: number): Promise<OrderRow[]> {
      return db.orders.where('[workspaceId+accountId]').equals([workspaceId, accountId]).toArray();
    },
    countByWorkspace(workspaceId: number): Promise<number> {
      return workspaceRange(workspaceId).count();
    },
  };
}
