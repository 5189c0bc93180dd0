import { afterEach, describe, expect, it, vi } from 'vitest';
import { assignedId, KeyplanDB } from './db';
import { importsRepo, type NewImport, type NewOrder } from './imports';
import { blankAccount } from './rows';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const imports = importsRepo(db);

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete({ disableAutoOpen: false });
});

function meta(hash: string, importedAt = '2026-01-15T10:00:00.000Z'): NewImport {
  return {
    fileName: `orders-${hash}.csv`,
    size: 1234,
    hash,
    encoding: 'utf-8',
    delimiter: ',',
    headers: ['Customer', 'Date', 'Amount', 'Order'],
    mapping: { account: 0, date: 1, amount: 2, orderNo: 3, quantity: null, product: null },
    rowsRead: 10,
    rowsRejected: 1,
    importedAt,
  };
}

function order(accountKey: string, n: number, overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    accountKey,
    accountName: accountKey.toUpperCase(),
    orderNo: `SO-${n}`,
    date: `2025-03-${String((n % 28) + 1).padStart(2, '0')}`,
    amountMinor: 1000 * n,
    quantity: n,
    product: `P${n % 3}`,
    extra: { Line: String(n) },
    ...overrides,
  };
}

async function addAccount(workspaceId: number, key: string): Promise<number> {
  return assignedId(await db.accounts.add(blankAccount(workspaceId, key, `Hand-made ${key}`)));
}

/** Every row of the tables an import touches, in key order. */
async function snapshot() {
  return {
    imports: await db.imports.toArray(),
    accounts: await db.accounts.toArray(),
    orders: await db.orders.toArray(),
  };
}

const WS_A = 1;
const WS_B = 2;

describe('importsRepo.commit', () => {
  it('creates accounts for new keys, reuses this workspace’s accounts and stores every order', async () => {
    const acmeA = await addAccount(WS_A, 'acme');
    const globexB = await addAccount(WS_B, 'globex');
    const acmeBefore = await db.accounts.get(acmeA);
    const globexBBefore = await db.accounts.get(globexB);

    const orders: NewOrder[] = [
      order('acme', 1),
      order('globex', 2),
      order('initech', 3, { accountName: '  Initech Ltd.  ' }),
      order('acme', 4, { quantity: null, extra: {} }),
      order('initech', 5, { accountName: 'Another spelling' }),
    ];
    const result = await imports.commit(WS_A, meta('h1'), orders);

    expect(result).toEqual({ importId: result.importId, rowsImported: 5, accountsCreated: 2 });
    expect(await db.imports.get(result.importId)).toEqual({
      ...meta('h1'),
      id: result.importId,
      workspaceId: WS_A,
      rowsImported: 5,
      accountsCreated: 2,
    });

    // The existing account is reused untouched; the other workspace's 'globex' is not.
    expect(await db.accounts.get(acmeA)).toEqual(acmeBefore);
    expect(await db.accounts.get(globexB)).toEqual(globexBBefore);
    const inA = await db.accounts.where('workspaceId').equals(WS_A).toArray();
    expect(inA.map((a) => a.key).sort()).toEqual(['acme', 'globex', 'initech']);
    const idByKey = new Map(inA.map((a) => [a.key, a.id]));
    expect(idByKey.get('globex')).not.toBe(globexB);
    expect(inA.find((a) => a.key === 'globex')).toEqual({
      ...blankAccount(WS_A, 'globex', 'GLOBEX'),
      id: idByKey.get('globex'),
      createdByImportId: result.importId,
    });
    // The first spelling of a new account names it, trimmed.
    expect(inA.find((a) => a.key === 'initech')).toMatchObject({
      name: 'Initech Ltd.',
      createdByImportId: result.importId,
    });
    expect(await db.accounts.where('workspaceId').equals(WS_B).count()).toBe(1);

    const stored = await db.orders.toArray();
    expect(stored.map(({ id: _id, ...row }) => row)).toEqual(
      orders.map((o) => ({
        workspaceId: WS_A,
        importId: result.importId,
        accountId: idByKey.get(o.accountKey),
        orderNo: o.orderNo,
        date: o.date,
        amountMinor: o.amountMinor,
        quantity: o.quantity,
        product: o.product,
        costMinor: null,
        extra: o.extra,
      })),
    );
  });

  it('a second import reuses the accounts the first one created', async () => {
    const first = await imports.commit(WS_A, meta('h1'), [order('a', 1), order('b', 2)]);
    const accountsAfterFirst = await db.accounts.toArray();

    const second = await imports.commit(WS_A, meta('h2'), [
      order('b', 3),
      order('a', 4),
      order('c', 5),
    ]);

    expect(second.accountsCreated).toBe(1);
    expect(second.importId).not.toBe(first.importId);
    expect((await db.imports.get(first.importId))?.accountsCreated).toBe(2);
    expect((await db.imports.get(second.importId))?.accountsCreated).toBe(1);
    const accounts = await db.accounts.toArray();
    expect(accounts.slice(0, 2)).toEqual(accountsAfterFirst);
    expect(accounts[2]).toMatchObject({ key: 'c', createdByImportId: second.importId });

    const secondOrders = await db.orders.where('importId').equals(second.importId).toArray();
    const idOf = (key: string) => accounts.find((a) => a.key === key)?.id;
    expect(secondOrders.map((o) => o.accountId)).toEqual([idOf('b'), idOf('a'), idOf('c')]);
  });

  it('an import with no orders stores only the import row', async () => {
    const result = await imports.commit(WS_A, meta('empty'), []);
    expect(result).toEqual({ importId: result.importId, rowsImported: 0, accountsCreated: 0 });
    expect(await db.imports.count()).toBe(1);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
  });

  describe('is all-or-nothing', () => {
    /** Two orders per key keeps the account step busy; > 20,000 orders spans two batches. */
    const manyOrders = (count: number): NewOrder[] =>
      Array.from({ length: count }, (_, i) => order(`k${i % 50}`, i));
    const uncloneable = { Line: (() => 1) as unknown as string };

    it.each<[string, number, () => NewOrder[], () => void]>([
      [
        'an order IndexedDB cannot clone in the first batch',
        1,
        () => [order('new1', 1), order('acme', 2, { extra: uncloneable })],
        () => {},
      ],
      [
        'an order IndexedDB cannot clone in the second batch',
        2,
        () => {
          const orders = manyOrders(20_005);
          orders[20_003] = order('new2', 20_003, { extra: uncloneable });
          return orders;
        },
        () => {},
      ],
      [
        'the second orders batch being rejected (e.g. quota)',
        2,
        () => manyOrders(20_001),
        () => {
          const original = db.orders.bulkAdd.bind(db.orders);
          let calls = 0;
          vi.spyOn(db.orders, 'bulkAdd').mockImplementation(((
            ...args: Parameters<typeof original>
          ) => {
            calls += 1;
            if (calls === 2) return Promise.reject(new Error('QuotaExceededError'));
            return original(...args);
          }) as typeof original);
        },
      ],
      [
        'the final import-row update failing',
        1,
        () => [order('new1', 1), order('acme', 2)],
        () => {
          vi.spyOn(db.imports, 'update').mockRejectedValue(new Error('disk gone'));
        },
      ],
    ])(
      'leaves every table as it was on %s',
      async (_label, expectedBatches, makeOrders, breakIt) => {
        // Earlier state: one successful import in A, a hand-made account in B.
        await imports.commit(WS_A, meta('earlier'), [order('acme', 1), order('zeta', 2)]);
        await addAccount(WS_B, 'new1');
        const before = await snapshot();

        const orders = makeOrders();
        breakIt();
        const bulkAdd = vi.spyOn(db.orders, 'bulkAdd');
        await expect(imports.commit(WS_A, meta('broken'), orders)).rejects.toThrow();
        expect(bulkAdd.mock.calls.length).toBe(expectedBatches);

        vi.restoreAllMocks();
        expect(await snapshot()).toEqual(before);
        expect(await imports.findByHash(WS_A, 'broken')).toBeUndefined();

        // The database still works: the same import, cleaned up, goes through.
        const clean = orders.map((o) => ({ ...o, extra: {} }));
        const result = await imports.commit(WS_A, meta('broken'), clean);
        expect(result.rowsImported).toBe(clean.length);
        expect(await db.orders.count()).toBe(before.orders.length + clean.length);
      },
      60_000,
    );
  });
});

describe('importsRepo queries', () => {
  it('findByHash finds an import only in its own workspace', async () => {
    const a = await imports.commit(WS_A, meta('same'), [order('x', 1)]);
    const b = await imports.commit(WS_B, meta('same'), [order('x', 2)]);
    await imports.commit(WS_A, meta('other'), [order('x', 3)]);

    expect((await imports.findByHash(WS_A, 'same'))?.id).toBe(a.importId);
    expect((await imports.findByHash(WS_B, 'same'))?.id).toBe(b.importId);
    expect(await imports.findByHash(WS_B, 'other')).toBeUndefined();
    expect(await imports.findByHash(3, 'same')).toBeUndefined();
    expect(await imports.findByHash(WS_A, 'missing')).toBeUndefined();
  });

  it('listByWorkspace returns that workspace’s imports, newest first', async () => {
    const stamps = [
      '2026-02-01T09:00:00.000Z',
      '2026-03-01T09:00:00.000Z',
      '2025-12-24T09:00:00.000Z',
      '2026-02-15T09:00:00.000Z',
    ];
    for (const [i, at] of stamps.entries()) {
      await imports.commit(WS_A, meta(`h${i}`, at), [order('x', i)]);
    }
    await imports.commit(WS_B, meta('b', '2027-01-01T00:00:00.000Z'), [order('x', 9)]);

    const listed = await imports.listByWorkspace(WS_A);
    expect(listed.map((r) => r.importedAt)).toEqual([...stamps].sort().reverse());
    expect(listed.every((r) => r.workspaceId === WS_A)).toBe(true);
    expect(await imports.listByWorkspace(3)).toEqual([]);
  });
});
