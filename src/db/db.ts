import Dexie, { type EntityTable, type Table } from 'dexie';
import { normalizeAccountKey } from '../domain/normalize';
import type {
  AccountNoteRow,
  GridViewRow,
  VisitRow,
  AccountRow,
  AccountSnapshotRow,
  MappingRow,
  ActionRow,
  ContactRow,
  ImportRow,
  MetaRow,
  OrderRow,
  PlanRow,
  PlanSections,
  PlanTemplateRow,
  WorkspaceRow,
} from './schema';
import { docFromSections } from './planSections';

export const DB_NAME = 'keyplan';

/**
 * Every schema version stays listed here with its upgrade, so data written by any earlier
 * release opens. Indexes are only what repositories query by: each extra index slows imports.
 */
export const SCHEMA_V1 = {
  workspaces: '++id',
  imports: '++id, workspaceId, [workspaceId+hash]',
  orders: '++id, importId, [workspaceId+accountId], [workspaceId+date]',
  accounts: '++id, workspaceId, [workspaceId+key]',
  contacts: '++id, workspaceId, accountId',
  plans: '++id, workspaceId, [accountId+year]',
  actions: '++id, workspaceId, planId',
  meta: 'key',
} as const;

/**
 * v2 (import that takes any real export): imports carry a status so an interrupted import can be
 * rolled back; orders are found by order number (duplicate check) instead of by date (analysis
 * reads whole workspaces anyway); accounts and contacts remember the import that created them (undo);
 * account master imports keep before-images (accountSnapshots); mappings are remembered per header
 * signature. Account keys are recomputed with the v2 normalisation (company-suffix variants).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  imports: '++id, workspaceId, [workspaceId+hash], status',
  orders: '++id, importId, [workspaceId+accountId], [workspaceId+orderNo]',
  accounts: '++id, workspaceId, [workspaceId+key], createdByImportId',
  contacts: '++id, workspaceId, accountId, importId',
  accountSnapshots: '++id, importId',
  mappings: '[workspaceId+signature], workspaceId',
} as const;

/**
 * v3 (accounts as a spreadsheet, account profiles): needs/complaints, visits and saved grid views
 * get tables; contacts gain buying role, influence, attitude, reports-to and last contact (filled
 * with "not set" on upgrade). Workspaces and accounts gain optional fields only.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  accountNotes: '++id, workspaceId, accountId',
  visits: '++id, workspaceId, accountId',
  gridViews: '++id, workspaceId',
} as const;

/**
 * v4 (structured plans, issue 7): a plan's five text sections become a structured document
 * (`doc`, the texts kept in their fields), plans gain the status-change date, the approval
 * snapshot and the last review date; actions gain budget and outcome; saved plan templates get a
 * table. Indexes are unchanged.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  planTemplates: '++id, workspaceId',
} as const;

export class KeyplanDB extends Dexie {
  workspaces!: EntityTable<WorkspaceRow, 'id'>;
  imports!: EntityTable<ImportRow, 'id'>;
  orders!: EntityTable<OrderRow, 'id'>;
  accounts!: EntityTable<AccountRow, 'id'>;
  contacts!: EntityTable<ContactRow, 'id'>;
  plans!: EntityTable<PlanRow, 'id'>;
  actions!: EntityTable<ActionRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  accountSnapshots!: EntityTable<AccountSnapshotRow, 'id'>;
  mappings!: Table<MappingRow, [number, string]>;
  accountNotes!: EntityTable<AccountNoteRow, 'id'>;
  visits!: EntityTable<VisitRow, 'id'>;
  gridViews!: EntityTable<GridViewRow, 'id'>;
  planTemplates!: EntityTable<PlanTemplateRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('imports')
          .toCollection()
          .modify((row: Partial<ImportRow>) => {
            row.status = 'done';
            row.kind = 'orders';
          });
        await tx
          .table('accounts')
          .toCollection()
          .modify((row: AccountRow) => {
            // From the stored key, not the name: a renamed account keeps its identity.
            row.key = normalizeAccountKey(row.key);
          });
        await tx
          .table('contacts')
          .toCollection()
          .modify((row: Partial<ContactRow>) => {
            row.importId = null;
          });
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        await tx
          .table('contacts')
          .toCollection()
          .modify((row: ContactRow) => {
            row.buyingRole ??= '';
            row.influence ??= null;
            row.attitude ??= '';
            row.reportsToId ??= null;
            row.lastContact ??= '';
          });
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        await tx
          .table('plans')
          .toCollection()
          .modify((row: PlanRow & { sections?: PlanSections }) => {
            row.doc ??= docFromSections(row.sections);
            delete row.sections;
            // Earlier versions kept no status history: the last edit is the best guess.
            row.statusChangedAt ??= row.updatedAt;
            row.approved ??= null;
            row.lastReviewAt ??= null;
          });
        await tx
          .table('actions')
          .toCollection()
          .modify((row: ActionRow) => {
            row.budgetMinor ??= null;
            row.outcome ??= '';
          });
      });
  }
}

/** Auto-increment keys are always set after add(); Dexie's types cannot know that. */
export function assignedId(id: number | undefined): number {
  if (id === undefined) throw new Error('IndexedDB did not assign a key');
  return id;
}

/** Dexie's update() silently does nothing for a missing row; an edit to a vanished row must fail. */
export async function updateExisting<T, K extends number>(
  table: {
    update(key: K, changes: Partial<T>): Promise<number>;
    get(key: K): Promise<T | undefined>;
  },
  id: K,
  patch: Partial<T>,
  what: string,
): Promise<void> {
  const changed = await table.update(id, patch);
  if (changed === 0 && !(await table.get(id))) throw new Error(`${what} ${id} does not exist`);
}

/** Bumped whenever orders change as a whole (import, undo, demo): analysis reloads on it. */
export const DATA_VERSION_KEY = 'dataVersion';

/** Call inside a transaction that includes db.meta. */
export async function bumpDataVersion(db: KeyplanDB): Promise<void> {
  const row = await db.meta.get(DATA_VERSION_KEY);
  await db.meta.put({ key: DATA_VERSION_KEY, value: (Number(row?.value) || 0) + 1 });
}
