import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyplanDB } from './db';
import { ordersRepo } from './orders';
import type { OrderFact } from '../domain/types';
import type { ImportRow, ImportStatus, OrderRow } from './schema';

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

function importRow(workspaceId: number, status: ImportStatus): ImportRow {
  return {
    workspaceId,
    fileName: `${status}.csv`,
    size: 1,
    hash: status,
    encoding: 'utf-8',
    delimiter: ',',
    headers: [],
    mapping: {},
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    accountsCreated: 0,
    importedAt: '2026-01-01T00:00:00.000Z',
    status,
    kind: 'orders',
  };
}

/** Facts compared as a set: factsByWorkspace promises no order. */
const byDateThenOrderNo = (facts: OrderFact[]): OrderFact[] =>
  [...facts].sort((a, b) => a.date.localeCompare(b.date) || a.orderNo.localeCompare(b.orderNo));

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
  it('factsByWorkspace returns exactly that workspace’s facts', async () => {
    expect(byDateThenOrderNo(await orders.factsByWorkspace(1))).toEqual(
      byDateThenOrderNo([
        { accountId: 11, orderNo: 'A-1', date: '2024-12-31', amountMinor: -50, costMinor: null },
        { accountId: 10, orderNo: 'A-2', date: '2025-02-14', amountMinor: 200, costMinor: null },
        { accountId: 10, orderNo: 'A-3', date: '2025-05-01', amountMinor: 300, costMinor: null },
        { accountId: 11, orderNo: 'A-4', date: '2026-01-01', amountMinor: 400, costMinor: null },
      ]),
    );
    expect(byDateThenOrderNo(await orders.factsByWorkspace(2)).map((f) => f.orderNo)).toEqual([
      'B-1',
      'B-2',
    ]);
    expect(await orders.factsByWorkspace(99)).toEqual([]);
  });

  it('factsByWorkspace carries the cost of a line when the export had one', async () => {
    await db.orders.bulkAdd([{ ...row(4, 40, '2025-06-01', 'M-1', 1000), costMinor: 650 }]);
    expect(await orders.factsByWorkspace(4)).toEqual([
      { accountId: 40, orderNo: 'M-1', date: '2025-06-01', amountMinor: 1000, costMinor: 650 },
    ]);
  });

  it('factsByWorkspace leaves out orders of an import still running', async () => {
    // ROWS belong to import 1 (no import row: treated as finished).
    const running = 50;
    const done = 51;
    await db.imports.bulkAdd([
      { ...importRow(1, 'running'), id: running },
      { ...importRow(1, 'done'), id: done },
      // A running import of another workspace hides nothing here.
      { ...importRow(2, 'running'), id: 52 },
    ]);
    await db.orders.bulkAdd([
      { ...row(1, 10, '2025-03-01', 'R-1', 700), importId: running },
      { ...row(1, 12, '2025-03-02', 'R-2', 800), importId: running },
      { ...row(1, 11, '2025-03-03', 'D-1', 900), importId: done },
    ]);
    const before = [
      { accountId: 11, orderNo: 'A-1', date: '2024-12-31', amountMinor: -50, costMinor: null },
      { accountId: 10, orderNo: 'A-2', date: '2025-02-14', amountMinor: 200, costMinor: null },
      { accountId: 10, orderNo: 'A-3', date: '2025-05-01', amountMinor: 300, costMinor: null },
      { accountId: 11, orderNo: 'A-4', date: '2026-01-01', amountMinor: 400, costMinor: null },
    ];
    const doneFact = {
      accountId: 11,
      orderNo: 'D-1',
      date: '2025-03-03',
      amountMinor: 900,
      costMinor: null,
    };

    expect(byDateThenOrderNo(await orders.factsByWorkspace(1))).toEqual(
      byDateThenOrderNo([...before, doneFact]),
    );

    await db.imports.update(running, { status: 'done' });
    expect(byDateThenOrderNo(await orders.factsByWorkspace(1))).toEqual(
      byDateThenOrderNo([
        ...before,
        doneFact,
        { accountId: 10, orderNo: 'R-1', date: '2025-03-01', amountMinor: 700, costMinor: null },
        { accountId: 12, orderNo: 'R-2', date: '2025-03-02', amountMinor: 800, costMinor: null },
      ]),
    );
  });

  it('byAccount returns the account’s rows sorted by date', async () => {
    const scrambled = [
      row(1, 12, '2025-07-01', 'S-3'),
      row(1, 12, '2024-01-31', 'S-1'),
      row(2, 12, '2024-06-01', 'other workspace'),
      row(1, 12, '2026-02-28', 'S-4'),
      row(1, 12, '2025-02-01', 'S-2'),
    ];
    await db.orders.bulkAdd(scrambled);

    const found = await orders.byAccount(1, 12);
    expect(found.map((o) => o.date)).toEqual([
      '2024-01-31',
      '2025-02-01',
      '2025-07-01',
      '2026-02-28',
    ]);
    expect(found.map(({ id: _id, ...stored }) => stored)).toEqual(
      ['S-1', 'S-2', 'S-3', 'S-4'].map((n) => scrambled.find((o) => o.orderNo === n)),
    );
    expect((await orders.byAccount(1, 10)).map((o) => o.orderNo)).toEqual(['A-2', 'A-3']);
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
