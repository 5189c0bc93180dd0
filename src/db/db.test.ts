// Upgrade safety: data written by every released schema version must open with today's KeyplanDB.
// When a schema version is added, add a row to VERSIONS that writes data the way that release's
// code did (raw tables, that version's row shapes) and returns what today's code should read back.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { assignedId, KeyplanDB, SCHEMA_V1 } from './db';
import { createRepos } from './index';
import type {
  AccountRow,
  ActionRow,
  ContactRow,
  ImportRow,
  MetaRow,
  OrderRow,
  PlanRow,
  WorkspaceRow,
} from './schema';

/** What every table holds, as today's code reads it (rows in primary-key order). */
interface Contents {
  workspaces: WorkspaceRow[];
  imports: ImportRow[];
  orders: OrderRow[];
  accounts: AccountRow[];
  contacts: ContactRow[];
  plans: PlanRow[];
  actions: ActionRow[];
  meta: MetaRow[];
}

interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** Writes sample data with that version's code; returns the contents today's code must see. */
  write(d: Dexie): Promise<Contents>;
}

async function writeV1(d: Dexie): Promise<Contents> {
  const workspace: WorkspaceRow = {
    name: '华东 Key Accounts',
    currency: 'CNY',
    locale: 'zh-CN',
    fiscalYearStartMonth: 4,
    createdAt: '2026-01-02T03:04:05.000Z',
    isDemo: false,
  };
  const workspaceId = assignedId(await d.table<WorkspaceRow, number>('workspaces').add(workspace));

  const imp: ImportRow = {
    workspaceId,
    fileName: 'orders 2025.csv',
    size: 2048,
    hash: 'ab'.repeat(32),
    encoding: 'gb18030',
    delimiter: ';',
    headers: ['客户', '日期', '金额'],
    mapping: { account: 0, date: 1, amount: 2, orderNo: null, quantity: null, product: null },
    rowsRead: 3,
    rowsImported: 2,
    rowsRejected: 1,
    accountsCreated: 1,
    importedAt: '2026-01-02T04:00:00.000Z',
  };
  const importId = assignedId(await d.table<ImportRow, number>('imports').add(imp));

  const account: AccountRow = {
    workspaceId,
    key: '上海海川精密机械',
    name: '上海海川精密机械有限公司',
    industry: 'Manufacturing',
    region: 'East',
    owner: '王磊',
    tier: 'A',
    isKeyAccount: true,
    custom: { credit: 5000, vip: true, note: null, code: 'X1' },
    notes: 'Line one\nLine two',
    createdByImportId: importId,
  };
  const accountId = assignedId(await d.table<AccountRow, number>('accounts').add(account));

  const orders: OrderRow[] = [
    {
      workspaceId,
      importId,
      accountId,
      orderNo: 'SO-1',
      date: '2025-06-30',
      amountMinor: 123_456,
      quantity: 3,
      product: 'Sensor',
      costMinor: 100_000,
      extra: { 备注: '加急' },
    },
    {
      workspaceId,
      importId,
      accountId,
      orderNo: '',
      date: '2025-01-15',
      amountMinor: -500,
      quantity: null,
      product: '',
      costMinor: null,
      extra: {},
    },
  ];
  const orderIds = await d.table<OrderRow, number>('orders').bulkAdd(orders, { allKeys: true });

  const contact: ContactRow = {
    workspaceId,
    accountId,
    name: 'Emma Chen',
    title: 'CFO',
    line: 'management',
    isNode: true,
  };
  const contactId = assignedId(await d.table<ContactRow, number>('contacts').add(contact));

  const plan: PlanRow = {
    workspaceId,
    accountId,
    year: 2026,
    status: 'in_review',
    sections: {
      financialNotes: 'Pays in 60 days',
      valueChain: 'OEM',
      buyingProcess: 'Tender',
      competitors: 'Acme',
      goals: 'Grow 20%',
    },
    createdAt: '2026-01-03T00:00:00.000Z',
    updatedAt: '2026-01-04T00:00:00.000Z',
  };
  const planId = assignedId(await d.table<PlanRow, number>('plans').add(plan));

  const action: ActionRow = {
    workspaceId,
    planId,
    measure: 'executive_visits',
    title: 'CEO visit',
    owner: 'Li Na',
    due: '2026-05-01',
    status: 'in_progress',
  };
  const actionId = assignedId(await d.table<ActionRow, number>('actions').add(action));

  const meta: MetaRow[] = [
    { key: 'currentWorkspaceId', value: workspaceId },
    { key: 'ui', value: { lang: 'zh', columns: ['a', 'b'] } },
  ];
  await d.table<MetaRow, string>('meta').bulkPut(meta);

  return {
    workspaces: [{ ...workspace, id: workspaceId }],
    imports: [{ ...imp, id: importId }],
    orders: orders.map((o, i) => ({ ...o, id: orderIds[i] })),
    accounts: [{ ...account, id: accountId }],
    contacts: [{ ...contact, id: contactId }],
    plans: [{ ...plan, id: planId }],
    actions: [{ ...action, id: actionId }],
    // Primary-key order.
    meta: [...meta].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

const VERSIONS: SchemaVersion[] = [{ version: 1, stores: SCHEMA_V1, write: writeV1 }];

async function readAll(db: KeyplanDB): Promise<Contents> {
  return {
    workspaces: await db.workspaces.toArray(),
    imports: await db.imports.toArray(),
    orders: await db.orders.toArray(),
    accounts: await db.accounts.toArray(),
    contacts: await db.contacts.toArray(),
    plans: await db.plans.toArray(),
    actions: await db.actions.toArray(),
    meta: await db.meta.toArray(),
  };
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

describe('KeyplanDB schema', () => {
  it('VERSIONS lists every schema version up to the current one', async () => {
    const db = new KeyplanDB('test-' + crypto.randomUUID());
    opened.push(db);
    await db.open();
    expect(VERSIONS.map((v) => v.version)).toEqual(
      Array.from({ length: db.verno }, (_, i) => i + 1),
    );
    const latest = VERSIONS[VERSIONS.length - 1]!;
    expect(Object.keys(latest.stores).sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  it.each(VERSIONS)(
    'data written by schema v$version opens intact with KeyplanDB',
    async ({ version, stores, write }) => {
      const name = 'test-' + crypto.randomUUID();
      const old = new Dexie(name);
      old.version(version).stores(stores);
      const expected = await write(old);
      old.close();

      const db = new KeyplanDB(name);
      opened.push(db);
      expect(await readAll(db)).toEqual(expected);

      // The indexes the repositories query by work on the upgraded data.
      const repos = createRepos(db);
      const ws = expected.workspaces[0]!.id!;
      expect(await repos.workspaces.currentId()).toBe(ws);
      expect(await repos.accounts.listByWorkspace(ws)).toEqual(expected.accounts);
      expect(await repos.imports.findByHash(ws, expected.imports[0]!.hash)).toEqual(
        expected.imports[0],
      );
      expect((await repos.orders.factsByWorkspace(ws)).map((f) => f.date)).toEqual(
        expected.orders.map((o) => o.date).sort(),
      );
      const plan = expected.plans[0]!;
      expect(await repos.plans.findFor(plan.accountId, plan.year)).toEqual(plan);
      expect(await repos.plans.actionsByPlan(plan.id!)).toEqual(expected.actions);
      expect(db.verno).toBeGreaterThanOrEqual(version);
    },
  );
});
