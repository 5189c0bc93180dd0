import { afterEach, describe, expect, it } from 'vitest';
import { accountOrdersRepo } from './accountOrders';
import { assignedId, KeyplanDB } from './db';
import type { ImportRow, OrderRow } from './schema';

const db = new KeyplanDB('test-account-orders-' + crypto.randomUUID());
const repo = accountOrdersRepo(db);

afterEach(() => db.delete({ disableAutoOpen: false }));

const order = (
  workspaceId: number,
  accountId: number,
  orderNo: string,
  date: string,
  importId = 0,
): OrderRow => ({
  workspaceId,
  importId,
  accountId,
  orderNo,
  date,
  amountMinor: 100,
  quantity: null,
  product: '',
  costMinor: null,
  extra: {},
});

describe('accountOrdersRepo.listByAccount', () => {
  it('returns that account’s orders in that workspace, newest first', async () => {
    await db.orders.bulkAdd([
      order(1, 10, 'a', '2024-05-01'),
      order(1, 10, 'b', '2025-01-03'),
      order(1, 11, 'x', '2025-02-01'),
      order(2, 10, 'y', '2025-02-01'),
      order(1, 10, 'c', '2025-01-03'),
      order(1, 10, 'd', '2023-12-31'),
    ]);
    expect((await repo.listByAccount(1, 10)).map((o) => o.orderNo)).toEqual(['c', 'b', 'a', 'd']);
    expect(await repo.listByAccount(1, 99)).toEqual([]);
  });

  it('leaves out orders of an import still running', async () => {
    const running = assignedId(
      await db.imports.add({ workspaceId: 1, hash: 'h', status: 'running' } as ImportRow),
    );
    await db.orders.bulkAdd([
      order(1, 10, 'done', '2024-01-01', 0),
      order(1, 10, 'busy', '2024-02-01', running),
    ]);
    expect((await repo.listByAccount(1, 10)).map((o) => o.orderNo)).toEqual(['done']);
    await db.imports.update(running, { status: 'done' });
    expect((await repo.listByAccount(1, 10)).map((o) => o.orderNo)).toEqual(['busy', 'done']);
  });
});
