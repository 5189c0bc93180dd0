// Upgrade safety: data written by every released schema version must open with today's KeyplanDB.
// When a schema version is added, add a row to VERSIONS that writes data the way that release's
// code did (raw tables, that version's row shapes) and returns what today's code should read back.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeAccountKey } from '../domain/normalize';
import { emptyPlanDoc } from '../domain/planDoc';
import {
  assignedId,
  DATA_VERSION_KEY,
  KeyplanDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
} from './db';
import { existingOrderNos } from './importWriter';
import { createRepos } from './index';
import type {
  AccountNoteRow,
  GridViewRow,
  VisitRow,
  AccountRow,
  AccountSnapshotRow,
  ActionRow,
  ContactRow,
  ImportRow,
  ImportSettings,
  MappingRow,
  MetaRow,
  OrderRow,
  PlanRow,
  PlanSections,
  PlanTemplateRow,
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
  accountSnapshots: AccountSnapshotRow[];
  mappings: MappingRow[];
  accountNotes: AccountNoteRow[];
  visits: VisitRow[];
  gridViews: GridViewRow[];
  planTemplates: PlanTemplateRow[];
}

/** Plans and actions as v1–v3 stored them: five text sections, no budget or outcome. */
type PlanRowV1 = Omit<PlanRow, 'doc' | 'statusChangedAt' | 'approved' | 'lastReviewAt'> & {
  sections: PlanSections;
};
type ActionRowV1 = Omit<ActionRow, 'budgetMinor' | 'outcome'>;

/** v4 upgrade: the sections move into the document's text fields; nothing approved yet. */
const withV4Plan = ({ sections, ...p }: PlanRowV1): PlanRow => ({
  ...p,
  doc: {
    ...emptyPlanDoc(),
    financialNotes: sections.financialNotes,
    valueChain: { ...emptyPlanDoc().valueChain, notes: sections.valueChain },
    buyingNotes: sections.buyingProcess,
    competitorNotes: sections.competitors,
    goalsNotes: sections.goals,
  },
  statusChangedAt: p.updatedAt,
  approved: null,
  lastReviewAt: null,
});
const withV4Action = (a: ActionRowV1): ActionRow => ({ ...a, budgetMinor: null, outcome: '' });

/** v3 upgrade: contacts written before v3 read with every new field "not set". */
const withV3Fields = (c: ContactRow): ContactRow => ({
  ...c,
  buyingRole: '',
  influence: null,
  attitude: '',
  reportsToId: null,
  lastContact: '',
});

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

  const plan: PlanRowV1 = {
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
  const planId = assignedId(await d.table<PlanRowV1, number>('plans').add(plan));

  const action: ActionRowV1 = {
    workspaceId,
    planId,
    measure: 'executive_visits',
    title: 'CEO visit',
    owner: 'Li Na',
    due: '2026-05-01',
    status: 'in_progress',
  };
  const actionId = assignedId(await d.table<ActionRowV1, number>('actions').add(action));

  const meta: MetaRow[] = [
    { key: 'currentWorkspaceId', value: workspaceId },
    { key: 'ui', value: { lang: 'zh', columns: ['a', 'b'] } },
  ];
  await d.table<MetaRow, string>('meta').bulkPut(meta);

  return {
    workspaces: [{ ...workspace, id: workspaceId }],
    // v2 upgrade: every earlier import was a finished orders import.
    imports: [{ ...imp, id: importId, status: 'done', kind: 'orders' }],
    orders: orders.map((o, i) => ({ ...o, id: orderIds[i] })),
    // v2 upgrade: keys are recomputed from the name with today's normalisation.
    accounts: [{ ...account, id: accountId, key: normalizeAccountKey(account.key) }],
    // v2 upgrade: contacts made before v2 were typed in.
    contacts: [withV3Fields({ ...contact, id: contactId, importId: null })],
    plans: [withV4Plan({ ...plan, id: planId })],
    actions: [withV4Action({ ...action, id: actionId })],
    // Primary-key order.
    meta: [...meta].sort((a, b) => a.key.localeCompare(b.key)),
    accountSnapshots: [],
    mappings: [],
    accountNotes: [],
    visits: [],
    gridViews: [],
    planTemplates: [],
  };
}

async function writeV2(d: Dexie): Promise<Contents> {
  const workspace: WorkspaceRow = {
    name: 'DACH',
    currency: 'EUR',
    locale: 'de-DE',
    fiscalYearStartMonth: 1,
    createdAt: '2026-03-01T08:00:00.000Z',
    isDemo: false,
  };
  const workspaceId = assignedId(await d.table<WorkspaceRow, number>('workspaces').add(workspace));

  const settings: ImportSettings = {
    encoding: 'windows-1252',
    delimiter: ';',
    headerRow: 2,
    formats: {
      date: { decimal: '.', dateOrder: 'dmy', excelSerial: false },
      amount: { decimal: ',', dateOrder: 'ymd', excelSerial: false },
    },
    cancelPrefix: 'STORNO',
    keepCustom: true,
    skipDuplicates: true,
  };
  const ordersImport: ImportRow = {
    workspaceId,
    fileName: 'Aufträge.csv',
    size: 4096,
    hash: 'cd'.repeat(32),
    encoding: 'windows-1252',
    delimiter: ';',
    headers: ['Kunde', 'Datum', 'Betrag', 'Auftrag'],
    mapping: { account: 0, date: 1, amount: 2, orderNo: 3 },
    rowsRead: 5,
    rowsImported: 2,
    rowsRejected: 1,
    accountsCreated: 1,
    importedAt: '2026-03-02T09:00:00.000Z',
    status: 'done',
    kind: 'orders',
    settings,
    accountsUpdated: 0,
    contactsCreated: 0,
    rowsSkippedDuplicate: 2,
    totalRowsLeftOut: 3,
    firstDate: '2026-01-05',
    lastDate: '2026-02-28',
    totalMinor: 99_950,
    finishedAt: '2026-03-02T09:00:03.000Z',
  };
  const ordersImportId = assignedId(await d.table<ImportRow, number>('imports').add(ordersImport));

  const account: AccountRow = {
    workspaceId,
    key: 'müller maschinenbau',
    name: 'Müller Maschinenbau GmbH',
    industry: 'Machinery',
    region: 'Bayern',
    owner: 'Anna',
    tier: 'B',
    isKeyAccount: false,
    custom: { segment: 'OEM', employees: 420 },
    notes: '',
    createdByImportId: ordersImportId,
  };
  const accountId = assignedId(await d.table<AccountRow, number>('accounts').add(account));

  // A later account master import updated the account and kept its before-image.
  const masterSettings: ImportSettings = {
    ...settings,
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 0,
    formats: {},
  };
  const masterImport: ImportRow = {
    workspaceId,
    fileName: 'Kunden.xlsx.csv',
    size: 512,
    hash: 'ef'.repeat(32),
    encoding: 'utf-8',
    delimiter: ',',
    headers: ['Kunde', 'Segment', 'Region'],
    mapping: { account: 0, 'custom:segment': 1, region: 2 },
    rowsRead: 1,
    rowsImported: 1,
    rowsRejected: 0,
    accountsCreated: 0,
    importedAt: '2026-03-03T09:00:00.000Z',
    status: 'done',
    kind: 'accounts',
    settings: masterSettings,
    accountsUpdated: 1,
    contactsCreated: 1,
    firstDate: null,
    lastDate: null,
    finishedAt: '2026-03-03T09:00:01.000Z',
  };
  const masterImportId = assignedId(await d.table<ImportRow, number>('imports').add(masterImport));
  const snapshot: AccountSnapshotRow = {
    importId: masterImportId,
    accountId,
    before: { ...account, id: accountId, region: 'Bavaria', custom: { employees: 400 } },
  };
  const snapshotId = assignedId(
    await d.table<AccountSnapshotRow, number>('accountSnapshots').add(snapshot),
  );

  const orders: OrderRow[] = [
    {
      workspaceId,
      importId: ordersImportId,
      accountId,
      orderNo: 'A-100',
      date: '2026-02-28',
      amountMinor: 100_000,
      quantity: 1.5,
      product: 'Spindel',
      costMinor: null,
      extra: { Kostenstelle: '4711' },
    },
    {
      workspaceId,
      importId: ordersImportId,
      accountId,
      orderNo: 'A-099',
      date: '2026-01-05',
      amountMinor: -50,
      quantity: null,
      product: '',
      costMinor: null,
      extra: {},
    },
  ];
  const orderIds = await d.table<OrderRow, number>('orders').bulkAdd(orders, { allKeys: true });

  const contacts: ContactRow[] = [
    {
      workspaceId,
      accountId,
      name: 'Jonas Weber',
      title: 'Einkaufsleiter',
      line: 'business',
      isNode: false,
      department: 'Einkauf',
      phone: '+49 89 1234',
      email: 'j.weber@example.de',
      importId: masterImportId,
    },
    {
      workspaceId,
      accountId,
      name: 'Eva Roth',
      title: 'CTO',
      line: 'technical',
      isNode: true,
      importId: null,
    },
  ];
  const contactIds = await d
    .table<ContactRow, number>('contacts')
    .bulkAdd(contacts, { allKeys: true });

  const plan: PlanRowV1 = {
    workspaceId,
    accountId,
    year: 2026,
    status: 'draft',
    sections: {
      financialNotes: '',
      valueChain: 'Tier 1',
      buyingProcess: '',
      competitors: '',
      goals: 'Retain',
    },
    createdAt: '2026-03-04T00:00:00.000Z',
    updatedAt: '2026-03-04T00:00:00.000Z',
  };
  const planId = assignedId(await d.table<PlanRowV1, number>('plans').add(plan));

  const action: ActionRowV1 = {
    workspaceId,
    planId,
    measure: 'custom',
    title: 'Werksbesuch',
    owner: 'Anna',
    due: '',
    status: 'planned',
  };
  const actionId = assignedId(await d.table<ActionRowV1, number>('actions').add(action));

  const mappings: MappingRow[] = [
    {
      workspaceId,
      signature: 'kunde|datum|betrag|auftrag',
      kind: 'orders',
      mapping: ordersImport.mapping,
      settings,
      usedAt: '2026-03-02T09:00:00.000Z',
    },
    {
      workspaceId,
      signature: 'kunde|segment|region',
      kind: 'accounts',
      mapping: masterImport.mapping,
      settings: masterSettings,
      usedAt: '2026-03-03T09:00:00.000Z',
    },
  ];
  await d.table<MappingRow, [number, string]>('mappings').bulkPut(mappings);

  const meta: MetaRow[] = [
    { key: 'currentWorkspaceId', value: workspaceId },
    { key: DATA_VERSION_KEY, value: 7 },
  ];
  await d.table<MetaRow, string>('meta').bulkPut(meta);

  return {
    workspaces: [{ ...workspace, id: workspaceId }],
    imports: [
      { ...ordersImport, id: ordersImportId },
      { ...masterImport, id: masterImportId },
    ],
    orders: orders.map((o, i) => ({ ...o, id: orderIds[i] })),
    accounts: [{ ...account, id: accountId }],
    contacts: contacts.map((c, i) => withV3Fields({ ...c, id: contactIds[i] })),
    plans: [withV4Plan({ ...plan, id: planId })],
    actions: [withV4Action({ ...action, id: actionId })],
    // Primary-key order.
    meta: [...meta].sort((a, b) => a.key.localeCompare(b.key)),
    accountSnapshots: [{ ...snapshot, id: snapshotId }],
    // Primary-key order: [workspaceId+signature].
    mappings: [...mappings].sort((a, b) => a.signature.localeCompare(b.signature)),
    accountNotes: [],
    visits: [],
    gridViews: [],
    planTemplates: [],
  };
}

/** v3: everything v2 wrote, plus custom fields, profile, stakeholder fields, notes, visits, views. */
async function writeV3(d: Dexie): Promise<Contents> {
  const v2 = await writeV2(d);
  // v3 code writes contacts with every field.
  await d
    .table<ContactRow, number>('contacts')
    .toCollection()
    .modify((c) => {
      Object.assign(c, withV3Fields(c));
    });
  const workspace = v2.workspaces[0]!;
  const workspaceId = workspace.id!;
  const accountId = v2.accounts[0]!.id!;
  const customFields = [
    { id: 'cf_1', name: 'Credit limit', type: 'number' as const },
    { id: 'cf_2', name: '渠道', type: 'choice' as const, choices: ['直销', '经销'] },
  ];
  await d.table('workspaces').update(workspaceId, { customFields, ownerCapacity: { Anna: 40 } });
  const profile = {
    strategy: 'Grow in EV',
    size: '5,000 staff',
    products: '',
    organisation: '',
    website: 'https://example.com',
  };
  await d.table('accounts').update(accountId, { profile, custom: { cf_1: 5000, cf_2: '直销' } });
  const contact: ContactRow = {
    workspaceId,
    accountId,
    name: '李总',
    title: 'CEO',
    line: 'management',
    isNode: true,
    buyingRole: 'decision_maker',
    influence: 5,
    attitude: 'supporter',
    reportsToId: null,
    lastContact: '2026-02-01',
    importId: null,
  };
  const contactId = assignedId(await d.table<ContactRow, number>('contacts').add(contact));
  const note: AccountNoteRow = {
    workspaceId,
    accountId,
    kind: 'complaint',
    date: '2026-02-03',
    text: 'Late delivery, "again"',
    status: 'open',
  };
  const noteId = assignedId(await d.table<AccountNoteRow, number>('accountNotes').add(note));
  const visit: VisitRow = {
    workspaceId,
    accountId,
    date: '2026-02-04',
    visitor: 'Anna',
    level: 'executive',
    purpose: 'Review',
    outcome: 'Pilot agreed',
  };
  const visitId = assignedId(await d.table<VisitRow, number>('visits').add(visit));
  const view: GridViewRow = {
    workspaceId,
    name: 'Key accounts East',
    columnState: [{ colId: 'name', width: 200 }],
    filterModel: { region: { filterType: 'text', type: 'equals', filter: 'East' } },
    quickFilter: '',
  };
  const viewId = assignedId(await d.table<GridViewRow, number>('gridViews').add(view));
  return {
    ...v2,
    workspaces: [{ ...workspace, customFields, ownerCapacity: { Anna: 40 } }],
    accounts: [{ ...v2.accounts[0]!, profile, custom: { cf_1: 5000, cf_2: '直销' } }],
    contacts: [...v2.contacts, { ...contact, id: contactId }],
    accountNotes: [{ ...note, id: noteId }],
    visits: [{ ...visit, id: visitId }],
    gridViews: [{ ...view, id: viewId }],
  };
}

/**
 * v4: plans as structured documents with status dates and an approval snapshot; actions with
 * budget, outcome and an anti-churn measure; a saved plan template.
 */
async function writeV4(d: Dexie): Promise<Contents> {
  const v3 = await writeV3(d);
  const workspaceId = v3.workspaces[0]!.id!;
  const old = v3.plans[0]!;
  // v4 code writes plans and actions with every field (as the upgrade would read them).
  await d.table('plans').clear();
  await d.table('actions').clear();
  const action: ActionRow = {
    ...v3.actions[0]!,
    measure: 'ka_club',
    budgetMinor: 250_000,
    outcome: 'Joined, "very" happy',
  };
  const doc = {
    ...old.doc,
    targets: { revenueMinor: 1_000_000, growth: 0.15, margin: null },
    competitors: [
      {
        id: 'r1',
        name: 'Acme',
        share: 0.3,
        strengths: 'Price',
        weaknesses: '',
        threat: 'high' as const,
        response: 'Service',
      },
    ],
    whitespace: {
      productLines: ['Spindel'],
      units: ['Werk 1', 'Werk 2'],
      cells: [['current', '']],
    },
    history: [
      {
        at: '2026-03-05T00:00:00.000Z',
        from: 'draft' as const,
        to: 'in_review' as const,
        comment: '',
      },
      {
        at: '2026-03-06T00:00:00.000Z',
        from: 'in_review' as const,
        to: 'approved' as const,
        comment: 'OK',
      },
    ],
  } satisfies PlanRow['doc'];
  const plan: PlanRow = {
    ...old,
    status: 'approved',
    doc: { ...doc, goalsNotes: 'Retain and grow' },
    updatedAt: '2026-03-07T00:00:00.000Z',
    statusChangedAt: '2026-03-06T00:00:00.000Z',
    approved: { at: '2026-03-06T00:00:00.000Z', doc, actions: [action] },
    lastReviewAt: '2026-03-06T00:00:00.000Z',
  };
  await d.table<PlanRow, number>('plans').add(plan);
  await d.table<ActionRow, number>('actions').add(action);
  const template: PlanTemplateRow = {
    workspaceId,
    name: 'Machinery OEM',
    doc: { ...emptyPlanDoc(), team: 'KAM + engineering' },
    createdAt: '2026-03-08T00:00:00.000Z',
  };
  const templateId = assignedId(
    await d.table<PlanTemplateRow, number>('planTemplates').add(template),
  );
  return {
    ...v3,
    plans: [plan],
    actions: [action],
    planTemplates: [{ ...template, id: templateId }],
  };
}

const VERSIONS: SchemaVersion[] = [
  { version: 1, stores: SCHEMA_V1, write: writeV1 },
  { version: 2, stores: SCHEMA_V2, write: writeV2 },
  { version: 3, stores: SCHEMA_V3, write: writeV3 },
  { version: 4, stores: SCHEMA_V4, write: writeV4 },
];

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
    accountSnapshots: await db.accountSnapshots.toArray(),
    mappings: await db.mappings.toArray(),
    accountNotes: await db.accountNotes.toArray(),
    visits: await db.visits.toArray(),
    gridViews: await db.gridViews.toArray(),
    planTemplates: await db.planTemplates.toArray(),
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
      expect((await repos.orders.factsByWorkspace(ws)).map((f) => f.date).sort()).toEqual(
        expected.orders.map((o) => o.date).sort(),
      );
      expect(await repos.orders.byAccount(ws, expected.accounts[0]!.id!)).toEqual(
        [...expected.orders].sort((a, b) => a.date.localeCompare(b.date)),
      );
      expect(await existingOrderNos(db, ws)).toEqual(
        new Set(expected.orders.map((o) => o.orderNo).filter((n) => n !== '')),
      );
      expect(await db.imports.where('status').equals('done').count()).toBe(expected.imports.length);
      for (const imp of expected.imports) {
        expect(await db.accountSnapshots.where('importId').equals(imp.id!).toArray()).toEqual(
          expected.accountSnapshots.filter((s) => s.importId === imp.id),
        );
        expect(await db.contacts.where('importId').equals(imp.id!).toArray()).toEqual(
          expected.contacts.filter((c) => c.importId === imp.id),
        );
        expect(await db.accounts.where('createdByImportId').equals(imp.id!).toArray()).toEqual(
          expected.accounts.filter((a) => a.createdByImportId === imp.id),
        );
      }
      for (const m of expected.mappings) {
        expect(await db.mappings.get([m.workspaceId, m.signature])).toEqual(m);
      }
      expect(await db.mappings.where('workspaceId').equals(ws).toArray()).toEqual(
        expected.mappings,
      );
      const plan = expected.plans[0]!;
      expect(await repos.plans.findFor(plan.accountId, plan.year)).toEqual(plan);
      expect(await repos.plans.actionsByPlan(plan.id!)).toEqual(expected.actions);
      expect(await repos.plans.listWithActions(ws)).toEqual([{ plan, actions: expected.actions }]);
      expect(await repos.plans.listTemplates(ws)).toEqual(expected.planTemplates);
      expect(db.verno).toBeGreaterThanOrEqual(version);
    },
  );
});
