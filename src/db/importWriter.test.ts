import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountsRepo } from './accounts';
import { emptyPlanDoc } from '../domain/planDoc';
import { assignedId, DATA_VERSION_KEY, KeyplanDB } from './db';
import {
  customByFieldId,
  existingOrderNos,
  ImportWriter,
  recoverInterruptedImports,
  removeImport,
  type AccountUpsert,
  type ContactInsert,
  type NewImportMeta,
} from './importWriter';
import { isQuotaExceeded } from './quotaError';
import { blankAccount, type NewOrder } from './rows';
import { ordersRepo } from './orders';
import { diskFullSwitch } from '../../test/factories/diskFull';
import type { AccountRow, ContactRow, ImportRow, MetaRow, OrderRow } from './schema';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const orders = ordersRepo(db);
const accounts = accountsRepo(db);

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await db.delete({ disableAutoOpen: false });
});

const WS = 1;
const OTHER_WS = 2;

// While `disk.full`, the storage under Dexie refuses every write that adds bytes, as IndexedDB
// does over quota; deletes still go through (they need no room).
const disk = diskFullSwitch(db);
afterEach(() => {
  disk.full = false;
});

function meta(hash: string, overrides: Partial<NewImportMeta> = {}): NewImportMeta {
  return {
    fileName: `${hash}.csv`,
    size: 4321,
    hash,
    encoding: 'utf-8',
    delimiter: ',',
    headers: ['Customer', 'Date', 'Amount', 'Order'],
    mapping: { account: 0, date: 1, amount: 2, orderNo: 3 },
    rowsRead: 0,
    rowsRejected: 0,
    importedAt: '2026-04-01T10:00:00.000Z',
    kind: 'orders',
    ...overrides,
  };
}

function order(accountKey: string, n: number, overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    accountKey,
    accountName: accountKey.toUpperCase(),
    orderNo: `SO-${n}`,
    date: `2025-04-${String((n % 28) + 1).padStart(2, '0')}`,
    amountMinor: 100 * n,
    quantity: n,
    product: `P${n % 3}`,
    extra: { Line: String(n) },
    ...overrides,
  };
}

function upsert(key: string, overrides: Partial<AccountUpsert> = {}): AccountUpsert {
  return { key, name: key.toUpperCase(), fields: {}, custom: {}, ...overrides };
}

function contact(accountKey: string, name: string, overrides: Partial<ContactInsert> = {}) {
  const row: ContactInsert = {
    accountKey,
    accountName: accountKey.toUpperCase(),
    contact: { name, title: 'Buyer', line: 'business', email: `${name}@example.com` },
    ...overrides,
  };
  return row;
}

async function addAccount(
  workspaceId: number,
  key: string,
  fields: Partial<AccountRow> = {},
): Promise<number> {
  return assignedId(
    await db.accounts.add({ ...blankAccount(workspaceId, key, `Hand-made ${key}`), ...fields }),
  );
}

async function accountByKey(workspaceId: number, key: string): Promise<AccountRow | undefined> {
  return db.accounts.where('[workspaceId+key]').equals([workspaceId, key]).first();
}

async function dataVersion(): Promise<unknown> {
  return (await db.meta.get(DATA_VERSION_KEY))?.value;
}

/** Every row of every table, in primary-key order. */
async function everything(): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (t) => [t.name, await t.toArray()] as const),
  );
  return Object.fromEntries(entries);
}

function rows<T>(all: Record<string, unknown[]>, table: string): T[] {
  return (all[table] ?? []) as T[];
}

/** All tables but the data version, which every removal bumps. */
function withoutDataVersion(all: Record<string, unknown[]>): Record<string, unknown[]> {
  return { ...all, meta: rows<MetaRow>(all, 'meta').filter((m) => m.key !== DATA_VERSION_KEY) };
}

/** What analysis and the account list show for a workspace, in a stable order. */
async function appView(workspaceId: number) {
  const facts = await orders.factsByWorkspace(workspaceId);
  const listed = await accounts.listByWorkspace(workspaceId);
  return {
    facts: facts.map((f) => f.orderNo).sort(),
    accounts: listed.map((a) => a.key).sort(),
  };
}

/**
 * Data that exists before the import under test: workspaces, hand-made accounts (one per
 * workspace with the same key), a finished earlier import, a typed contact, a plan with an action,
 * a remembered mapping and meta rows.
 */
async function seed() {
  await db.workspaces.bulkAdd([
    {
      id: WS,
      name: 'A',
      currency: 'CNY',
      locale: 'zh-CN',
      fiscalYearStartMonth: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      isDemo: false,
    },
    {
      id: OTHER_WS,
      name: 'B',
      currency: 'EUR',
      locale: 'de-DE',
      fiscalYearStartMonth: 4,
      createdAt: '2026-01-02T00:00:00.000Z',
      isDemo: false,
    },
  ]);
  const acme = await addAccount(WS, 'acme', {
    industry: 'Machinery',
    region: 'North',
    owner: 'Li Na',
    tier: 'A',
    isKeyAccount: true,
    custom: { credit: 5000, vip: true, code: 'X1' },
    notes: 'Met the CFO.',
  });
  const globex = await addAccount(WS, 'globex', { region: 'South', custom: { code: 'G' } });
  const otherAcme = await addAccount(OTHER_WS, 'acme', { industry: 'Other workspace' });

  const earlier = await ImportWriter.begin(db, WS, meta('earlier'));
  await earlier.addOrders([order('acme', 1), order('zeta', 2), order('acme', 3)]);
  await earlier.finish({});

  await db.contacts.add({
    workspaceId: WS,
    accountId: acme,
    name: 'Typed In',
    title: 'CEO',
    line: 'management',
    isNode: true,
    importId: null,
  });
  const planId = await db.plans.add({
    workspaceId: WS,
    accountId: globex,
    year: 2026,
    status: 'draft',
    doc: { ...emptyPlanDoc(), goalsNotes: 'x' },
    createdAt: '2026-01-05T00:00:00.000Z',
    updatedAt: '2026-01-05T00:00:00.000Z',
    statusChangedAt: '2026-01-05T00:00:00.000Z',
    approved: null,
    lastReviewAt: null,
  });
  await db.actions.add({
    workspaceId: WS,
    planId: assignedId(planId),
    measure: 'custom',
    title: 'Visit',
    owner: 'Li Na',
    due: '',
    status: 'planned',
    budgetMinor: null,
    outcome: '',
  });
  await db.mappings.put({
    workspaceId: WS,
    signature: 'customer|date|amount|order',
    kind: 'orders',
    mapping: { account: 0, date: 1, amount: 2, orderNo: 3 },
    settings: {
      encoding: 'utf-8',
      delimiter: ',',
      headerRow: 0,
      formats: {},
      cancelPrefix: '',
      keepCustom: false,
      skipDuplicates: true,
    },
    usedAt: '2026-01-05T00:00:00.000Z',
  });
  await db.meta.put({ key: 'currentWorkspaceId', value: WS });
  return { acme, globex, otherAcme, earlierId: earlier.importId };
}

describe('ImportWriter.begin', () => {
  it('adds a running import row with zero counts', async () => {
    const m = meta('h1', { rowsRead: 10, rowsRejected: 1 });
    const writer = await ImportWriter.begin(db, WS, m);

    expect(await db.imports.toArray()).toEqual([
      {
        ...m,
        id: writer.importId,
        workspaceId: WS,
        status: 'running',
        rowsImported: 0,
        accountsCreated: 0,
        accountsUpdated: 0,
        contactsCreated: 0,
      },
    ]);
    expect(writer.workspaceId).toBe(WS);
    expect(writer.written).toEqual({
      rowsImported: 0,
      accountsCreated: 0,
      accountsUpdated: 0,
      contactsCreated: 0,
    });
    expect(await dataVersion()).toBeUndefined();
  });

  it('the app sees nothing of a running import until finish()', async () => {
    await seed();
    const before = await appView(WS);
    expect(before).toEqual({
      facts: ['SO-1', 'SO-2', 'SO-3'],
      accounts: ['acme', 'globex', 'zeta'],
    });

    const writer = await ImportWriter.begin(db, WS, meta('h1'));
    await writer.addOrders([order('acme', 10), order('new-by-order', 11)]);
    await writer.addOrders([order('zeta', 12)]);
    await writer.upsertAccounts([upsert('new-by-master')]);
    await writer.addContacts([contact('new-by-contact', 'Ann')]);

    expect(await appView(WS)).toEqual(before);
    expect(await appView(OTHER_WS)).toEqual({ facts: [], accounts: ['acme'] });

    await writer.finish({});
    expect(await appView(WS)).toEqual({
      facts: ['SO-1', 'SO-10', 'SO-11', 'SO-12', 'SO-2', 'SO-3'],
      accounts: ['acme', 'globex', 'new-by-contact', 'new-by-master', 'new-by-order', 'zeta'],
    });
    expect(await appView(OTHER_WS)).toEqual({ facts: [], accounts: ['acme'] });
  });
});

describe('ImportWriter.addOrders', () => {
  it('stores every batch, creating each new account once and reusing existing ones', async () => {
    const { acme, globex, otherAcme, earlierId } = await seed();
    const accountsBefore = await db.accounts.toArray();
    const zeta = (await accountByKey(WS, 'zeta'))!;

    const writer = await ImportWriter.begin(db, WS, meta('h1'));
    const batches: NewOrder[][] = [
      [
        order('acme', 10),
        order('initech', 11, { accountName: '  Initech Ltd.  ' }),
        order('initech', 12, { accountName: 'Another spelling' }),
      ],
      [
        order('hooli', 13, { quantity: null, extra: {} }),
        order('initech', 14, { costMinor: 700 }),
        order('zeta', 15, { costMinor: null }),
      ],
      // 'initech' and 'hooli' were created by this import in earlier batches: reused, not re-made.
      [order('hooli', 16), order('globex', 17), order('umbrella', 18), order('initech', 19)],
    ];
    for (const batch of batches) await writer.addOrders(batch);

    // Existing accounts (hand-made, or made by the earlier import) are reused untouched.
    const accountsNow = await db.accounts.toArray();
    expect(accountsNow.slice(0, accountsBefore.length)).toEqual(accountsBefore);
    const created = accountsNow.slice(accountsBefore.length);
    expect(created).toEqual([
      {
        ...blankAccount(WS, 'initech', 'Initech Ltd.'),
        id: created[0]!.id,
        createdByImportId: writer.importId,
      },
      {
        ...blankAccount(WS, 'hooli', 'HOOLI'),
        id: created[1]!.id,
        createdByImportId: writer.importId,
      },
      {
        ...blankAccount(WS, 'umbrella', 'UMBRELLA'),
        id: created[2]!.id,
        createdByImportId: writer.importId,
      },
    ]);
    expect(zeta.createdByImportId).toBe(earlierId);

    const idOf: Record<string, number | undefined> = {
      acme,
      globex,
      zeta: zeta.id,
      initech: created[0]!.id,
      hooli: created[1]!.id,
      umbrella: created[2]!.id,
    };
    expect(Object.values(idOf)).not.toContain(otherAcme);
    const stored = await db.orders.where('importId').equals(writer.importId).toArray();
    expect(stored.map(({ id: _id, ...row }) => row)).toEqual(
      batches.flat().map((o): Omit<OrderRow, 'id'> => ({
        workspaceId: WS,
        importId: writer.importId,
        accountId: idOf[o.accountKey]!,
        orderNo: o.orderNo,
        date: o.date,
        amountMinor: o.amountMinor,
        quantity: o.quantity,
        product: o.product,
        costMinor: o.costMinor ?? null,
        extra: o.extra,
      })),
    );
    expect(writer.written).toEqual({
      rowsImported: 10,
      accountsCreated: 3,
      accountsUpdated: 0,
      contactsCreated: 0,
    });
    // Counts reach the import row only at finish().
    expect(await db.imports.get(writer.importId)).toMatchObject({
      status: 'running',
      rowsImported: 0,
      accountsCreated: 0,
    });
  });

  it('an empty batch writes nothing', async () => {
    const writer = await ImportWriter.begin(db, WS, meta('h1'));
    await writer.addOrders([]);
    expect(await db.orders.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(writer.written.rowsImported).toBe(0);
  });
});

describe('ImportWriter.finish', () => {
  it.each<[string, number | undefined, number]>([
    ['from no data version yet', undefined, 1],
    ['from an existing data version', 41, 42],
  ])(
    'marks the import done with its counts and summary, bumping the data version %s',
    async (_label, versionBefore, versionAfter) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-04-01T10:00:07.000Z'));
      if (versionBefore !== undefined) {
        await db.meta.put({ key: DATA_VERSION_KEY, value: versionBefore });
      }
      const m = meta('h1', { rowsRead: 9, rowsRejected: 2 });
      const writer = await ImportWriter.begin(db, WS, m);
      await writer.addOrders([order('a', 1), order('b', 2)]);
      await writer.addOrders([order('a', 3), order('c', 4), order('c', 5)]);
      expect(await dataVersion()).toBe(versionBefore);

      const summary: Partial<ImportRow> = {
        rowsSkippedDuplicate: 1,
        totalRowsLeftOut: 3,
        firstDate: '2025-04-02',
        lastDate: '2025-04-06',
        totalMinor: 1500,
        // Counts come from what was written, not from the caller.
        rowsImported: 999,
        accountsCreated: 999,
      };
      const row = await writer.finish(summary);

      const expected: ImportRow = {
        ...m,
        id: writer.importId,
        workspaceId: WS,
        rowsSkippedDuplicate: 1,
        totalRowsLeftOut: 3,
        firstDate: '2025-04-02',
        lastDate: '2025-04-06',
        totalMinor: 1500,
        status: 'done',
        rowsImported: 5,
        accountsCreated: 3,
        accountsUpdated: 0,
        contactsCreated: 0,
        finishedAt: '2026-04-01T10:00:07.000Z',
      };
      expect(row).toEqual(expected);
      expect(await db.imports.get(writer.importId)).toEqual(expected);
      expect(await dataVersion()).toBe(versionAfter);
    },
  );
});

describe('ImportWriter.upsertAccounts', () => {
  it('creates unknown keys and updates only the given fields of existing accounts', async () => {
    const { acme, globex, otherAcme } = await seed();
    const acmeBefore = (await db.accounts.get(acme))!;
    const globexBefore = (await db.accounts.get(globex))!;
    const otherBefore = (await db.accounts.get(otherAcme))!;
    const zetaBefore = (await accountByKey(WS, 'zeta'))!;

    const writer = await ImportWriter.begin(db, WS, meta('master', { kind: 'accounts' }));
    await writer.upsertAccounts([
      upsert('acme', {
        name: '  Acme Holdings  ',
        fields: { industry: 'Retail', tier: 'B' },
        custom: { code: 'X2', segment: 'OEM' },
      }),
      upsert('newco', {
        name: 'NewCo',
        fields: { region: 'West', owner: 'Wang' },
        custom: { segment: 'Dealer' },
      }),
      // A blank name keeps the stored one.
      upsert('globex', { name: '   ', fields: { notes: 'From the master list' } }),
    ]);

    expect(await db.accounts.get(acme)).toEqual({
      ...acmeBefore,
      name: 'Acme Holdings',
      industry: 'Retail',
      tier: 'B',
      custom: { credit: 5000, vip: true, code: 'X2', segment: 'OEM' },
    });
    expect(await db.accounts.get(globex)).toEqual({
      ...globexBefore,
      notes: 'From the master list',
    });
    const newco = (await accountByKey(WS, 'newco'))!;
    expect(newco).toEqual({
      ...blankAccount(WS, 'newco', 'NewCo'),
      id: newco.id,
      region: 'West',
      owner: 'Wang',
      custom: { segment: 'Dealer' },
      createdByImportId: writer.importId,
    });
    // Same key in another workspace, and accounts not in the file: untouched.
    expect(await db.accounts.get(otherAcme)).toEqual(otherBefore);
    expect(await db.accounts.get(zetaBefore.id!)).toEqual(zetaBefore);

    expect(await db.accountSnapshots.toArray()).toEqual([
      { id: expect.any(Number), importId: writer.importId, accountId: acme, before: acmeBefore },
      {
        id: expect.any(Number),
        importId: writer.importId,
        accountId: globex,
        before: globexBefore,
      },
    ]);
    expect(writer.written).toEqual({
      rowsImported: 3,
      accountsCreated: 1,
      accountsUpdated: 2,
      contactsCreated: 0,
    });
  });

  it('keeps one before-image per pre-existing account, even when touched in two batches', async () => {
    const { acme, globex } = await seed();
    const acmeBefore = (await db.accounts.get(acme))!;
    const globexBefore = (await db.accounts.get(globex))!;

    const writer = await ImportWriter.begin(db, WS, meta('master', { kind: 'accounts' }));
    await writer.upsertAccounts([
      upsert('acme', { fields: { tier: 'B' }, custom: { a: '1' } }),
      upsert('newco', { fields: { tier: 'C' } }),
    ]);
    await writer.upsertAccounts([
      upsert('acme', { fields: { owner: 'Zhao' }, custom: { b: '2' } }),
      upsert('globex', { fields: { industry: 'Chemicals' } }),
      // Made by this import in the first batch: updated, but no before-image.
      upsert('newco', { fields: { region: 'East' }, custom: { c: '3' } }),
    ]);

    const snapshots = await db.accountSnapshots.toArray();
    expect(snapshots.map(({ id: _id, ...s }) => s)).toEqual([
      { importId: writer.importId, accountId: acme, before: acmeBefore },
      { importId: writer.importId, accountId: globex, before: globexBefore },
    ]);
    expect(await db.accounts.get(acme)).toEqual({
      ...acmeBefore,
      name: 'ACME',
      tier: 'B',
      owner: 'Zhao',
      custom: { ...acmeBefore.custom, a: '1', b: '2' },
    });
    const newco = (await accountByKey(WS, 'newco'))!;
    expect(newco).toMatchObject({
      tier: 'C',
      region: 'East',
      custom: { c: '3' },
      createdByImportId: writer.importId,
    });
    expect(await db.accounts.where('[workspaceId+key]').equals([WS, 'newco']).count()).toBe(1);
    expect(writer.written).toMatchObject({ rowsImported: 5, accountsCreated: 1 });
  });
});

describe('ImportWriter.addContacts', () => {
  it('creates contacts tagged with the import, creating missing accounts once', async () => {
    const { acme } = await seed();
    const acmeBefore = await db.accounts.get(acme);
    const contactsBefore = await db.contacts.toArray();

    const writer = await ImportWriter.begin(db, WS, meta('people', { kind: 'contacts' }));
    const batches: ContactInsert[][] = [
      [
        contact('acme', 'Emma'),
        contact('newco', 'Bob', { accountName: ' NewCo GmbH ' }),
        contact('newco', 'Carl', {
          contact: {
            name: 'Carl',
            title: 'CTO',
            line: 'technical',
            department: 'R&D',
            phone: '+49 1',
            email: 'carl@newco.example',
          },
        }),
      ],
      [
        contact('newco', 'Dana'),
        contact('other', 'Eve', { contact: { name: 'Eve', title: '', line: '' } }),
      ],
    ];
    for (const batch of batches) await writer.addContacts(batch);

    const newco = (await accountByKey(WS, 'newco'))!;
    const other = (await accountByKey(WS, 'other'))!;
    expect(newco).toEqual({
      ...blankAccount(WS, 'newco', 'NewCo GmbH'),
      id: newco.id,
      createdByImportId: writer.importId,
    });
    expect(other.createdByImportId).toBe(writer.importId);
    expect(await db.accounts.get(acme)).toEqual(acmeBefore);

    const idOf: Record<string, number | undefined> = { acme, newco: newco.id, other: other.id };
    const contactsNow = await db.contacts.toArray();
    expect(contactsNow.slice(0, contactsBefore.length)).toEqual(contactsBefore);
    expect(contactsNow.slice(contactsBefore.length).map(({ id: _id, ...c }) => c)).toEqual(
      batches.flat().map((r): Omit<ContactRow, 'id'> => ({
        workspaceId: WS,
        accountId: idOf[r.accountKey]!,
        isNode: false,
        ...r.contact,
        importId: writer.importId,
      })),
    );
    expect(await db.contacts.where('importId').equals(writer.importId).count()).toBe(5);
    expect(writer.written).toEqual({
      rowsImported: 5,
      accountsCreated: 2,
      accountsUpdated: 0,
      contactsCreated: 5,
    });
    const row = await writer.finish({});
    expect(row).toMatchObject({ contactsCreated: 5, accountsCreated: 2, rowsImported: 5 });
  });
});

/** Three batches of each kind of import, each touching existing and new accounts. */
const THREE_BATCHES: [string, (w: ImportWriter) => Promise<void>][] = [
  [
    'orders',
    async (w) => {
      await w.addOrders([order('acme', 10), order('new1', 11)]);
      await w.addOrders([order('zeta', 12), order('new2', 13), order('new1', 14)]);
      await w.addOrders([order('globex', 15), order('new3', 16)]);
    },
  ],
  [
    'accounts',
    async (w) => {
      await w.upsertAccounts([
        upsert('acme', { name: 'Renamed', fields: { tier: 'C' }, custom: { credit: '1' } }),
        upsert('new1'),
      ]);
      // acme again: its before-image must stay the original one.
      await w.upsertAccounts([
        upsert('acme', { fields: { notes: '' }, custom: { extra: 'x' } }),
        upsert('zeta', { fields: { industry: 'Z' } }),
      ]);
      await w.upsertAccounts([upsert('globex', { custom: { code: 'G2' } }), upsert('new1')]);
    },
  ],
  [
    'contacts',
    async (w) => {
      await w.addContacts([contact('acme', 'Ann'), contact('new1', 'Ben')]);
      await w.addContacts([contact('new2', 'Cat')]);
      await w.addContacts([contact('globex', 'Dan'), contact('new1', 'Eli')]);
    },
  ],
];

describe('ImportWriter.rollback', () => {
  it.each(THREE_BATCHES)(
    'after three %s batches leaves the database as it was before begin()',
    async (kind, threeBatches) => {
      await seed();
      await db.meta.put({ key: DATA_VERSION_KEY, value: 10 });
      const before = await everything();

      const writer = await ImportWriter.begin(db, WS, meta('cancelled'));
      await threeBatches(writer);
      expect(await everything()).not.toEqual(before);

      await writer.rollback();

      // Everything is as it was. The data version moves (views reload) only when the rollback
      // put back accounts the app had been showing updated; orders and new accounts of a running
      // import were never shown, and their rollback must not write (it may run on a full disk).
      expect(await dataVersion()).toBe(kind === 'accounts' ? 11 : 10);
      expect(withoutDataVersion(await everything())).toEqual(withoutDataVersion(before));
      expect(await db.imports.get(writer.importId)).toBeUndefined();
      expect(await db.accountSnapshots.count()).toBe(0);
    },
  );
});

describe('rolling back on a full disk', () => {
  // Orders and contacts imports roll back with deletes only, so a full quota cannot stop them.
  // An accounts import must put back the accounts it updated, which needs room: the rollback
  // fails whole, the import stays 'running', and once there is room recovery finishes it.
  it.each(THREE_BATCHES)('%s import', async (kind, threeBatches) => {
    await seed();
    await db.meta.put({ key: DATA_VERSION_KEY, value: 10 });
    const before = await everything();
    const writer = await ImportWriter.begin(db, WS, meta('full'));
    await threeBatches(writer);

    disk.full = true;
    const failure = await writer.rollback().then(
      () => null,
      (e: unknown) => e,
    );
    if (kind !== 'accounts') {
      expect(failure).toBeNull();
      expect(await everything()).toEqual(before);
      return;
    }
    expect(isQuotaExceeded(failure)).toBe(true);
    expect((await db.imports.get(writer.importId))?.status).toBe('running');
    // Recovery at start skips it while the disk is full, and the app still starts…
    expect(await recoverInterruptedImports(db, async () => false)).toEqual([]);
    disk.full = false;
    // …and finishes it once there is room.
    expect(await recoverInterruptedImports(db, async () => false)).toEqual([writer.importId]);
    expect(withoutDataVersion(await everything())).toEqual(withoutDataVersion(before));
  });
});

describe('removeImport', () => {
  it("'undo' of a finished import removes what it wrote and restores what it updated", async () => {
    const { acme, globex } = await seed();
    const before = await everything();

    const writer = await ImportWriter.begin(db, WS, meta('master', { kind: 'accounts' }));
    await writer.upsertAccounts([
      upsert('acme', { name: 'Changed', fields: { tier: 'Z' }, custom: { credit: '0' } }),
      upsert('solo'),
    ]);
    await writer.upsertAccounts([upsert('globex', { fields: { region: 'Moon' } })]);
    await writer.finish({});
    const orderWriter = await ImportWriter.begin(db, WS, meta('orders'));
    await orderWriter.addOrders([order('only-here', 20), order('acme', 21)]);
    await orderWriter.finish({});
    const contactWriter = await ImportWriter.begin(db, WS, meta('people', { kind: 'contacts' }));
    await contactWriter.addContacts([contact('acme', 'Ann'), contact('via-contact', 'Ben')]);
    await contactWriter.finish({});
    await db.meta.put({ key: DATA_VERSION_KEY, value: 20 });

    // Undo newest first: each undo takes exactly its own import away.
    await removeImport(db, contactWriter.importId);
    expect(await accountByKey(WS, 'via-contact')).toBeUndefined();
    expect(await db.contacts.where('importId').equals(contactWriter.importId).count()).toBe(0);
    expect(await dataVersion()).toBe(21);

    await removeImport(db, orderWriter.importId);
    expect(await accountByKey(WS, 'only-here')).toBeUndefined();
    expect(await db.orders.where('importId').equals(orderWriter.importId).count()).toBe(0);
    expect(await dataVersion()).toBe(22);

    await removeImport(db, writer.importId);
    expect(await dataVersion()).toBe(23);
    expect(await db.accounts.get(acme)).toEqual(
      rows<AccountRow>(before, 'accounts').find((a) => a.id === acme),
    );
    expect(await db.accounts.get(globex)).toEqual(
      rows<AccountRow>(before, 'accounts').find((a) => a.id === globex),
    );
    expect(withoutDataVersion(await everything())).toEqual(withoutDataVersion(before));
  });

  /** Ways other data comes to point at an account the undone import created. */
  const KEEPERS: [string, (accountId: number) => Promise<void>][] = [
    [
      'an order of a later import',
      async () => {
        const later = await ImportWriter.begin(db, WS, meta('later'));
        await later.addOrders([order('made', 90)]);
        await later.finish({});
      },
    ],
    [
      'a contact typed by hand',
      async (accountId) => {
        await db.contacts.add({
          workspaceId: WS,
          accountId,
          name: 'Typed',
          title: '',
          line: '',
          isNode: false,
          importId: null,
        });
      },
    ],
    [
      'a plan',
      async (accountId) => {
        await db.plans.add({
          workspaceId: WS,
          accountId,
          year: 2027,
          status: 'draft',
          doc: emptyPlanDoc(),
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          statusChangedAt: '2026-01-01T00:00:00.000Z',
          approved: null,
          lastReviewAt: null,
        });
      },
    ],
  ];

  it.each(KEEPERS)(
    "'undo' keeps an account it created that now has %s (no longer marked as created by it)",
    async (_label, pointAt) => {
      await seed();
      const writer = await ImportWriter.begin(db, WS, meta('undone'));
      await writer.addOrders([order('made', 1), order('gone', 2)]);
      await writer.addContacts([contact('made', 'From file')]);
      await writer.finish({});
      const made = (await accountByKey(WS, 'made'))!;
      await pointAt(made.id!);
      const versionBefore = Number(await dataVersion());

      await removeImport(db, writer.importId);

      expect(await db.accounts.get(made.id!)).toEqual({ ...made, createdByImportId: null });
      expect(await accountByKey(WS, 'gone')).toBeUndefined();
      expect(await db.orders.where('importId').equals(writer.importId).count()).toBe(0);
      expect(await db.contacts.where('importId').equals(writer.importId).count()).toBe(0);
      expect(await db.imports.get(writer.importId)).toBeUndefined();
      expect(await dataVersion()).toBe(versionBefore + 1);
      // Whatever pointed at the account still finds it.
      for (const o of await db.orders.toArray())
        expect(await db.accounts.get(o.accountId)).toBeDefined();
      for (const c of await db.contacts.toArray())
        expect(await db.accounts.get(c.accountId)).toBeDefined();
      for (const p of await db.plans.toArray())
        expect(await db.accounts.get(p.accountId)).toBeDefined();
    },
  );

  it('of an unknown import changes nothing', async () => {
    await seed();
    await db.meta.put({ key: DATA_VERSION_KEY, value: 3 });
    const before = await everything();
    await removeImport(db, 12345);
    expect(await everything()).toEqual(before);
  });
});

describe('recoverInterruptedImports', () => {
  it('rolls back running imports no tab works on, and only those', async () => {
    await seed();
    const before = await everything();

    const dead1 = await ImportWriter.begin(db, WS, meta('dead1'));
    await dead1.addOrders([order('acme', 30), order('dead-new', 31)]);
    const alive = await ImportWriter.begin(db, WS, meta('alive'));
    await alive.addOrders([order('alive-new', 32)]);
    const dead2 = await ImportWriter.begin(db, OTHER_WS, meta('dead2', { kind: 'accounts' }));
    await dead2.upsertAccounts([upsert('acme', { fields: { tier: 'Q' } }), upsert('d2')]);
    const done = await ImportWriter.begin(db, WS, meta('done'));
    await done.addOrders([order('done-new', 33)]);
    await done.finish({});
    const doneOrders = await db.orders.where('importId').equals(done.importId).toArray();
    const aliveOrders = await db.orders.where('importId').equals(alive.importId).toArray();
    const aliveAccount = await accountByKey(WS, 'alive-new');

    const isAlive = vi.fn(async (row: ImportRow) => row.id === alive.importId);
    const rolledBack = await recoverInterruptedImports(db, isAlive);

    expect(rolledBack).toEqual([dead1.importId, dead2.importId]);
    expect(isAlive.mock.calls.map(([row]) => row.id).sort()).toEqual(
      [dead1.importId, alive.importId, dead2.importId].sort(),
    );
    expect((await db.imports.toArray()).map((i) => [i.id, i.status])).toEqual([
      [rows<ImportRow>(before, 'imports')[0]!.id, 'done'],
      [alive.importId, 'running'],
      [done.importId, 'done'],
    ]);
    expect(await db.orders.where('importId').equals(dead1.importId).count()).toBe(0);
    expect(await accountByKey(WS, 'dead-new')).toBeUndefined();
    expect(await accountByKey(OTHER_WS, 'd2')).toBeUndefined();
    expect(await accountByKey(OTHER_WS, 'acme')).toEqual(
      rows<AccountRow>(before, 'accounts').find((a) => a.workspaceId === OTHER_WS),
    );
    expect(await db.accountSnapshots.count()).toBe(0);
    expect(await db.orders.where('importId').equals(alive.importId).toArray()).toEqual(aliveOrders);
    expect(await accountByKey(WS, 'alive-new')).toEqual(aliveAccount);
    expect(await db.orders.where('importId').equals(done.importId).toArray()).toEqual(doneOrders);

    // Nothing left to recover but the live one.
    expect(await recoverInterruptedImports(db, isAlive)).toEqual([]);
  });

  it('leaves an import its tab finished after recovery looked', async () => {
    await seed();
    const late = await ImportWriter.begin(db, WS, meta('late'));
    await late.addOrders([order('late-new', 34)]);
    // The lock was let go (isAlive false) and the tab finished the import before the removal ran.
    const isAlive = vi.fn(async () => {
      await late.finish({});
      return false;
    });
    expect(await recoverInterruptedImports(db, isAlive)).toEqual([]);
    expect((await db.imports.get(late.importId))?.status).toBe('done');
    expect(await db.orders.where('importId').equals(late.importId).count()).toBe(1);
  });

  it('does nothing when no import is running', async () => {
    await seed();
    const before = await everything();
    const isAlive = vi.fn(async () => false);
    expect(await recoverInterruptedImports(db, isAlive)).toEqual([]);
    expect(isAlive).not.toHaveBeenCalled();
    expect(await everything()).toEqual(before);
  });
});

describe('existingOrderNos', () => {
  it('returns the distinct non-empty order numbers of that workspace only', async () => {
    const a = await ImportWriter.begin(db, WS, meta('a'));
    await a.addOrders([
      order('x', 1),
      order('x', 2, { orderNo: 'SO-1' }),
      order('y', 3, { orderNo: '' }),
      order('y', 4, { orderNo: '订单-9' }),
      order('y', 5, { orderNo: 'zz' }),
      order('y', 6, { orderNo: ' ' }),
    ]);
    await a.finish({});
    const b = await ImportWriter.begin(db, OTHER_WS, meta('b'));
    await b.addOrders([order('x', 7, { orderNo: 'SO-1' }), order('x', 8, { orderNo: 'B-1' })]);
    await b.finish({});
    const c = await ImportWriter.begin(db, 3, meta('c'));
    await c.addOrders([order('x', 9, { orderNo: '' })]);
    await c.finish({});

    expect(await existingOrderNos(db, WS)).toEqual(new Set(['SO-1', '订单-9', 'zz', ' ']));
    expect(await existingOrderNos(db, OTHER_WS)).toEqual(new Set(['SO-1', 'B-1']));
    expect(await existingOrderNos(db, 3)).toEqual(new Set());
    expect(await existingOrderNos(db, 4)).toEqual(new Set());
  });
});

describe('a failing batch', () => {
  /** IndexedDB cannot clone functions: the batch's write throws DataCloneError. */
  const uncloneable = (() => 'x') as unknown as string;

  const FAILING: [
    string,
    (w: ImportWriter) => Promise<void>,
    (w: ImportWriter) => Promise<void>,
  ][] = [
    [
      'orders',
      (w) => w.addOrders([order('acme', 10), order('new1', 11)]),
      (w) =>
        w.addOrders([
          order('new1', 12),
          order('bad-new', 13),
          order('globex', 14, { extra: { Line: uncloneable } }),
        ]),
    ],
    [
      'accounts',
      (w) => w.upsertAccounts([upsert('acme', { fields: { tier: 'Q' } }), upsert('new1')]),
      (w) =>
        w.upsertAccounts([
          upsert('globex', { fields: { tier: 'Q' } }),
          upsert('bad-new'),
          upsert('zeta', { custom: { fn: uncloneable } }),
        ]),
    ],
    [
      'contacts',
      (w) => w.addContacts([contact('acme', 'Ann'), contact('new1', 'Ben')]),
      (w) =>
        w.addContacts([
          contact('globex', 'Cat'),
          contact('bad-new', 'Dan'),
          contact('zeta', 'Eve', {
            contact: { name: 'Eve', title: '', line: '', department: uncloneable },
          }),
        ]),
    ],
  ];

  it.each(FAILING)(
    '(%s) rejects and leaves no rows of that batch; rollback removes the earlier ones',
    async (_kind, goodBatch, badBatch) => {
      const { globex } = await seed();
      const before = await everything();
      const globexBefore = await db.accounts.get(globex);
      const zetaBefore = await accountByKey(WS, 'zeta');

      const writer = await ImportWriter.begin(db, WS, meta('failing'));
      await goodBatch(writer);
      const afterGood = await everything();

      await expect(badBatch(writer)).rejects.toThrow(/clone/i);

      expect(await everything()).toEqual(afterGood);
      expect(await accountByKey(WS, 'bad-new')).toBeUndefined();
      expect(await db.accounts.get(globex)).toEqual(globexBefore);
      expect(await accountByKey(WS, 'zeta')).toEqual(zetaBefore);
      // The first batch's rows are still there until rollback.
      expect(await accountByKey(WS, 'new1')).toMatchObject({ createdByImportId: writer.importId });

      await writer.rollback();
      expect(withoutDataVersion(await everything())).toEqual(withoutDataVersion(before));
    },
  );
});

/** Edge cases found in review: failed batches, repeated keys, overlapping and out-of-order undo. */
describe('writer edge cases', () => {
  it('a writer used after a failed batch never attaches orders to the wrong account', async () => {
    const writer = await ImportWriter.begin(db, WS, meta('h'));
    await writer.addOrders([order('a', 1)]);
    await expect(
      writer.addOrders([order('b', 2), order('c', 3, { extra: { L: (() => 1) as never } })]),
    ).rejects.toThrow();
    // The caller goes on (or retries): either that is refused, or it must be correct.
    await writer.addOrders([order('x', 4)]).catch(() => undefined);
    await writer.addOrders([order('b', 5)]).catch(() => undefined);

    for (const o of await db.orders.toArray()) {
      const account = await db.accounts.get(o.accountId);
      const key = o.orderNo === 'SO-5' ? 'b' : o.orderNo === 'SO-4' ? 'x' : 'a';
      expect(account?.key).toBe(key);
    }
    expect(writer.written.accountsCreated).toBe(
      await db.accounts.where('createdByImportId').equals(writer.importId).count(),
    );
  });

  it('accountsUpdated counts each pre-existing account once', async () => {
    await seed();
    const writer = await ImportWriter.begin(db, WS, meta('m', { kind: 'accounts' }));
    await writer.upsertAccounts([upsert('acme'), upsert('newco')]);
    await writer.upsertAccounts([upsert('acme'), upsert('newco'), upsert('globex')]);
    // acme and globex were updated; newco was created (accountsCreated), not updated.
    expect(writer.written).toMatchObject({ accountsCreated: 1, accountsUpdated: 2 });
  });

  it('two rows for one account in one batch apply like two batches', async () => {
    const { acme } = await seed();
    const rows = [
      upsert('acme', { fields: { tier: 'T' }, custom: { a: '1' } }),
      upsert('acme', { fields: { owner: 'O' }, custom: { b: '2' } }),
      upsert('newco', { fields: { tier: 'T' }, custom: { a: '1' } }),
      upsert('newco', { fields: { owner: 'O' }, custom: { b: '2' } }),
    ];
    const split = await ImportWriter.begin(db, WS, meta('split', { kind: 'accounts' }));
    for (const row of rows) await split.upsertAccounts([row]);
    const expected = [await db.accounts.get(acme), await accountByKey(WS, 'newco')];
    await split.rollback();

    const together = await ImportWriter.begin(db, WS, meta('together', { kind: 'accounts' }));
    await together.upsertAccounts(rows);
    const got = [await db.accounts.get(acme), await accountByKey(WS, 'newco')];
    expect(got.map((a) => ({ ...a, id: 0, createdByImportId: 0 }))).toEqual(
      expected.map((a) => ({ ...a, id: 0, createdByImportId: 0 })),
    );
  });

  it('rolling back one import never removes an account another import uses', async () => {
    const a = await ImportWriter.begin(db, WS, meta('a'));
    await a.addOrders([order('shared', 1)]);
    // A second tab starts an import while the first still runs, and finishes first.
    const b = await ImportWriter.begin(db, WS, meta('b'));
    await b.addOrders([order('shared', 2)]);
    await b.finish({});
    await a.rollback();

    const [bOrder] = await db.orders.where('importId').equals(b.importId).toArray();
    expect((await db.accounts.get(bOrder!.accountId))?.key).toBe('shared');
  });

  it('undo out of order never brings back a removed account', async () => {
    const a = await ImportWriter.begin(db, WS, meta('a'));
    await a.addOrders([order('x', 1)]);
    await a.finish({});
    const b = await ImportWriter.begin(db, WS, meta('b', { kind: 'accounts' }));
    await b.upsertAccounts([upsert('x', { fields: { tier: 'A' } })]);
    await b.finish({});

    await removeImport(db, a.importId);
    for (const s of await db.accountSnapshots.toArray()) {
      expect(await db.accounts.get(s.accountId)).toBeDefined();
    }
    await removeImport(db, b.importId);
    const importIds = new Set((await db.imports.toArray()).map((i) => i.id));
    for (const account of await db.accounts.toArray()) {
      if (account.createdByImportId !== null) {
        expect(importIds.has(account.createdByImportId)).toBe(true);
      }
    }
  });
});

describe('customByFieldId', () => {
  const defs = [
    { id: 'cf_1', name: 'Credit limit', type: 'number' as const },
    { id: 'Website', name: 'Web site', type: 'text' as const },
  ];
  it.each([
    ['by name, any case', { 'CREDIT LIMIT ': '5' }, { cf_1: '5' }],
    ['by id (a renamed imported field)', { Website: 'a.cn' }, { Website: 'a.cn' }],
    ['by its new name', { 'Web site': 'b.cn' }, { Website: 'b.cn' }],
    ['unknown header kept', { Channel: 'Direct' }, { Channel: 'Direct' }],
  ])('%s', (_label, custom, expected) => {
    expect(customByFieldId(defs, custom)).toEqual(expected);
  });
});

describe('removeImport keeps accounts with needs or visits typed in', () => {
  it.each(['accountNotes', 'visits'] as const)(
    'an imported account with %s survives undo of its import',
    async (table) => {
      const writer = await ImportWriter.begin(db, WS, meta('orders'));
      await writer.addOrders([order('fresh', 1)]);
      await writer.finish({});
      const account = await accountByKey(WS, 'fresh');
      const row =
        table === 'accountNotes'
          ? {
              workspaceId: WS,
              accountId: account!.id!,
              kind: 'need' as const,
              date: '2026-01-01',
              text: 'x',
              status: 'open' as const,
            }
          : {
              workspaceId: WS,
              accountId: account!.id!,
              date: '2026-01-01',
              visitor: 'me',
              level: 'rep' as const,
              purpose: '',
              outcome: '',
            };
      await (db[table] as unknown as { add(r: object): Promise<number> }).add(row);
      await removeImport(db, writer.importId);
      expect((await db.accounts.get(account!.id!))?.createdByImportId).toBeNull();
      expect(await db[table].where('accountId').equals(account!.id!).count()).toBe(1);
    },
  );
});
