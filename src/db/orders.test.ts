import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyplanDB } from './db';
import { ordersRepo } from './orders';
import type { OrderRow } from './schema';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const orders = ordersRepo(db);

afterEach(() => db.delete({ disableAutoOpen: false }));

function row(
  workspaceId: number,
  accountId: number,
  date: string,
  orderNo: string,
  amountMinor = 100,
): OrderRow {
  return {
    workspaceId,
    importId: 1,
    accountId,
    orderNo,
    date,
    amountMinor,
    quantity: 1,
    product: 'P',
    costMinor: null,
    extra: { Note: orderNo },
  };
}

// Stored out of date order, across three workspaces, to prove the index does the sorting.
const ROWS: OrderRow[] = [
  row(1, 10, '2025-05-01', 'A-3', 300),
  row(2, 20, '2025-01-01', 'B-1'),
  row(1, 11, '2024-12-31', 'A-1', -50),
  row(1, 10, '2025-02-14', 'A-2', 200),
  row(3, 30, '2023-01-01', 'C-1'),
  row(2, 10, '2025-02-14', 'B-2'),
  row(1, 11, '2026-01-01', 'A-4', 400),
];

beforeEach(async () => {
  await db.orders.bulkAdd(ROWS);
});

describe('ordersRepo', () => {
  it('factsByWorkspace returns only that workspace’s facts, in date order', async () => {
    expect(await orders.factsByWorkspace(1)).toEqual([
      { accountId: 11, orderNo: 'A-1', date: '2024-12-31', amountMinor: -50 },
      { accountId: 10, orderNo: 'A-2', date: '2025-02-14', amountMinor: 200 },
      { accountId: 10, orderNo: 'A-3', date: '2025-05-01', amountMinor: 300 },
      { accountId: 11, orderNo: 'A-4', date: '2026-01-01', amountMinor: 400 },
    ]);
    expect((await orders.factsByWorkspace(2)).map((f) => f.orderNo)).toEqual(['B-1', 'B-2']);
    expect(await orders.factsByWorkspace(99)).toEqual([]);
  });

  it.each([
    [1, 10, ['A-3', 'A-2']],
    [1, 11, ['A-1', 'A-4']],
    // Account ids are global, but the workspace still narrows the query.
    [2, 10, ['B-2']],
    [3, 10, []],
    [1, 99, []],
  ])('byAccount(%i, %i) returns %j with full rows', async (workspaceId, accountId, expected) => {
    const found = await orders.byAccount(workspaceId, accountId);
    expect(found.map((o) => o.orderNo).sort()).toEqual([...expected].sort());
    for (const o of found) {
      const { id: _id, ...stored } = o;
      expect(ROWS).toContainEqual(stored);
    }
  });

  it.each([
    [1, 4],
    [2, 2],
    [3, 1],
    [4, 0],
  ])('countByWorkspace(%i) is %i', async (workspaceId, count) => {
    expect(await orders.countByWorkspace(workspaceId)).toBe(count);
  });
});
