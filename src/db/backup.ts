// Backup, restore and duplicate of whole workspaces (issue 8). A dump is a plain object — what a
// backup file carries (io/backupFile) — with every row of each workspace. Restoring writes it as
// NEW workspaces with new ids and every link between rows remapped, in one transaction.
import Dexie, { type Table } from 'dexie';
import {
  assignedId,
  bumpDataVersion,
  KeyplanDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
} from './db';
import { DataError } from './errors';
import type {
  AccountNoteRow,
  AccountRow,
  AccountSnapshotRow,
  ActionRow,
  ContactRow,
  GridViewRow,
  ImportRow,
  MappingRow,
  OrderRow,
  PlanDoc,
  PlanRow,
  PlanTemplateRow,
  VisitRow,
  WorkspaceRow,
} from './schema';
import {
  assertNoImportRunning,
  deleteWorkspaceRows,
  WORKSPACE_TABLES,
  workspaceCollection,
  workspaceTables,
  type WorkspaceTableName,
} from './workspaceRows';

/** The row type of each per-workspace table. */
export interface TableRows {
  accountSnapshots: AccountSnapshotRow;
  imports: ImportRow;
  orders: OrderRow;
  accounts: AccountRow;
  contacts: ContactRow;
  plans: PlanRow;
  actions: ActionRow;
  mappings: MappingRow;
  accountNotes: AccountNoteRow;
  visits: VisitRow;
  gridViews: GridViewRow;
  planTemplates: PlanTemplateRow;
}

export type WorkspaceRowsDump = { [K in WorkspaceTableName]?: TableRows[K][] };

export interface WorkspaceDump {
  /** The workspace row as stored, with its id in the database it came from. */
  workspace: WorkspaceRow;
  /** Every row of each table, ids as stored. A table the dump's schema version lacked is absent. */
  rows: WorkspaceRowsDump;
}

export interface BackupDump {
  /** The database schema version the rows are in (db.ts). */
  schemaVersion: number;
  /** When the dump was taken (ISO). */
  createdAt: string;
  workspaces: WorkspaceDump[];
}

/** What to do with one workspace of a dump on restore. */
export interface RestoreChoice {
  /** Name of the restored workspace; default: the name in the dump. */
  name?: string;
  /** Delete this workspace in the same transaction (the restored one takes its place). */
  replace?: number;
  /** Leave this workspace of the dump out. */
  skip?: boolean;
}

/**
 * Every schema version's table layout, oldest first, so a dump made by an earlier release can be
 * upgraded by db.ts's own upgrade code (see upgradeDump). Add each new SCHEMA_Vn here.
 */
export const SCHEMAS: readonly Readonly<Record<string, string>>[] = [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
];

/** The schema version this build writes and reads. */
export const CURRENT_SCHEMA_VERSION = SCHEMAS.length;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whether `x` has the shape of a dump: a version, workspaces each with a named workspace row and
 * arrays of row objects. Row fields are not checked one by one: the file's checksum already
 * guards against damage, and links that lead nowhere are dropped on restore.
 */
export function isBackupDump(x: unknown): x is BackupDump {
  if (!isObject(x) || !Number.isInteger(x.schemaVersion) || typeof x.createdAt !== 'string') {
    return false;
  }
  if (!Array.isArray(x.workspaces)) return false;
  return x.workspaces.every(
    (ws: unknown) =>
      isObject(ws) &&
      isObject(ws.workspace) &&
      typeof ws.workspace.name === 'string' &&
      isObject(ws.rows) &&
      Object.values(ws.rows).every((rows) => Array.isArray(rows) && rows.every(isObject)),
  );
}

/** Counts a backup summary shows per workspace. */
export function dumpSummary(dump: BackupDump): {
  name: string;
  accounts: number;
  orders: number;
  plans: number;
}[] {
  return dump.workspaces.map((ws) => ({
    name: ws.workspace.name,
    accounts: ws.rows.accounts?.length ?? 0,
    orders: ws.rows.orders?.length ?? 0,
    plans: ws.rows.plans?.length ?? 0,
  }));
}

/** Reads whole workspaces. Call inside a transaction over workspaceTables(db). */
async function readWorkspaces(db: KeyplanDB, workspaceIds: readonly number[]) {
  const out: WorkspaceDump[] = [];
  for (const id of workspaceIds) {
    const workspace = await db.workspaces.get(id);
    if (!workspace) throw new DataError('workspace_missing', { id }, `Workspace ${id} is missing`);
    // A running import's rows are half written: wait for it rather than copy them.
    const running = await db.imports
      .where('workspaceId')
      .equals(id)
      .filter((imp) => imp.status === 'running')
      .count();
    if (running > 0) {
      throw new DataError(
        'backup_import_running',
        { name: workspace.name },
        `An import into ${workspace.name} is still running`,
      );
    }
    const rows: Record<string, unknown[]> = {};
    for (const name of WORKSPACE_TABLES) {
      rows[name] = await (await workspaceCollection(db, name, id)).toArray();
    }
    out.push({ workspace, rows: rows as WorkspaceRowsDump });
  }
  return out;
}

/** Old id → new id, per table whose ids other rows point at. */
interface IdMaps {
  imports: Map<number, number>;
  accounts: Map<number, number>;
  contacts: Map<number, number>;
  plans: Map<number, number>;
  actions: Map<number, number>;
}

/** The document with its contact ids (buying-stage participants) remapped; unknown ones dropped. */
function remapDoc(doc: PlanDoc, contacts: Map<number, number>): PlanDoc {
  if (!isObject(doc) || !Array.isArray(doc.buyingStages)) return doc;
  return {
    ...doc,
    buyingStages: doc.buyingStages.map((stage) => ({
      ...stage,
      participants: (stage.participants ?? []).flatMap((id) => {
        const mapped = contacts.get(id);
        return mapped === undefined ? [] : [mapped];
      }),
    })),
  };
}

/**
 * Adds rows without their ids (the table assigns new ones) and records old → new in `map`.
 * `remap` returns the row to store, or null to leave a row out (its parent is not in the dump).
 */
async function addRemapped<T extends { id?: number }>(
  table: Table,
  rows: readonly T[] | undefined,
  remap: (row: T) => T | null,
  map?: Map<number, number>,
): Promise<void> {
  const kept: T[] = [];
  const oldIds: (number | undefined)[] = [];
  for (const row of rows ?? []) {
    const out = remap(row);
    if (out === null) continue;
    const copy = { ...out };
    delete copy.id;
    kept.push(copy);
    oldIds.push(row.id);
  }
  if (kept.length === 0) return;
  const newIds = await table.bulkAdd(kept, { allKeys: true });
  if (map) {
    oldIds.forEach((old, i) => {
      if (old !== undefined) map.set(old, newIds[i] as number);
    });
  }
}

/**
 * Writes one workspace of a dump as a new workspace. Call inside a rw transaction over
 * workspaceTables(db). Rows whose parent (account, plan, import) is not in the dump are left out;
 * optional links that lead nowhere become null.
 */
async function writeWorkspace(
  db: KeyplanDB,
  dump: WorkspaceDump,
  fields: { name: string; createdAt: string; lastBackupAt: string | undefined },
): Promise<number> {
  const rows = dump.rows;
  const ws: WorkspaceRow = { ...dump.workspace, ...fields };
  delete ws.id;
  if (fields.lastBackupAt === undefined) delete ws.lastBackupAt;
  const workspaceId = assignedId(await db.workspaces.add(ws));
  const maps: IdMaps = {
    imports: new Map(),
    accounts: new Map(),
    contacts: new Map(),
    plans: new Map(),
    actions: new Map(),
  };
  const optional = (map: Map<number, number>, id: number | null | undefined): number | null =>
    id === null || id === undefined ? null : (map.get(id) ?? null);

  await addRemapped(db.imports, rows.imports, (r) => ({ ...r, workspaceId }), maps.imports);
  await addRemapped(
    db.accounts,
    rows.accounts,
    (r) => ({
      ...r,
      workspaceId,
      createdByImportId: optional(maps.imports, r.createdByImportId),
    }),
    maps.accounts,
  );

  // Contacts point at each other (reports-to): added first, linked once all have new ids.
  await addRemapped(
    db.contacts,
    rows.contacts,
    (r) => {
      const accountId = maps.accounts.get(r.accountId);
      if (accountId === undefined) return null;
      const row: ContactRow = { ...r, workspaceId, accountId, reportsToId: null };
      if (r.importId !== undefined) row.importId = optional(maps.imports, r.importId);
      return row;
    },
    maps.contacts,
  );
  const reportsTo = (rows.contacts ?? []).flatMap((r) => {
    const key = r.id === undefined ? undefined : maps.contacts.get(r.id);
    const to = optional(maps.contacts, r.reportsToId);
    return key === undefined || to === null ? [] : [{ key, changes: { reportsToId: to } }];
  });
  if (reportsTo.length > 0) await db.contacts.bulkUpdate(reportsTo);

  // Plans before their actions; the approval snapshot names actions, so it follows them.
  await addRemapped(
    db.plans,
    rows.plans,
    (r) => {
      const accountId = maps.accounts.get(r.accountId);
      if (accountId === undefined) return null;
      return { ...r, workspaceId, accountId, doc: remapDoc(r.doc, maps.contacts), approved: null };
    },
    maps.plans,
  );
  await addRemapped(
    db.actions,
    rows.actions,
    (r) => {
      const planId = maps.plans.get(r.planId);
      return planId === undefined ? null : { ...r, workspaceId, planId };
    },
    maps.actions,
  );
  const approvals = (rows.plans ?? []).flatMap((r) => {
    const key = r.id === undefined ? undefined : maps.plans.get(r.id);
    if (key === undefined || !r.approved) return [];
    const actions = (r.approved.actions ?? []).map((a) => {
      const copy: ActionRow = { ...a, workspaceId, planId: key };
      // An action deleted since the approval has no copy: without an id it reads as removed,
      // and it cannot be mistaken for a new action that happens to get the same id.
      const id = a.id === undefined ? undefined : maps.actions.get(a.id);
      if (id === undefined) delete copy.id;
      else copy.id = id;
      return copy;
    });
    const approved = { ...r.approved, doc: remapDoc(r.approved.doc, maps.contacts), actions };
    return [{ key, changes: { approved } }];
  });
  if (approvals.length > 0) await db.plans.bulkUpdate(approvals);

  await addRemapped(db.orders, rows.orders, (r) => {
    const accountId = maps.accounts.get(r.accountId);
    if (accountId === undefined) return null;
    // 0 marks generated demo orders; an import not in the dump leaves its orders unowned too.
    const importId = r.importId === 0 ? 0 : (maps.imports.get(r.importId) ?? 0);
    return { ...r, workspaceId, accountId, importId };
  });
  await addRemapped(db.accountSnapshots, rows.accountSnapshots, (r) => {
    const importId = maps.imports.get(r.importId);
    // A before-image of an account deleted since cannot be given a safe new id: left out, so
    // undoing that import here does not bring that account back.
    const accountId = maps.accounts.get(r.accountId);
    if (importId === undefined || accountId === undefined) return null;
    const before: AccountRow = {
      ...r.before,
      id: accountId,
      workspaceId,
      createdByImportId: optional(maps.imports, r.before?.createdByImportId),
    };
    return { ...r, importId, accountId, before };
  });
  if (rows.mappings?.length) {
    await db.mappings.bulkAdd(rows.mappings.map((r) => ({ ...r, workspaceId })));
  }
  // Needs, complaints and visits hang off their account.
  const ofAccount = <T extends { workspaceId: number; accountId: number }>(r: T): T | null => {
    const accountId = maps.accounts.get(r.accountId);
    return accountId === undefined ? null : { ...r, workspaceId, accountId };
  };
  await addRemapped(db.accountNotes, rows.accountNotes, ofAccount);
  await addRemapped(db.visits, rows.visits, ofAccount);
  await addRemapped(db.gridViews, rows.gridViews, (r) => ({ ...r, workspaceId }));
  await addRemapped(db.planTemplates, rows.planTemplates, (r) => ({
    ...r,
    workspaceId,
    doc: remapDoc(r.doc, maps.contacts),
  }));
  return workspaceId;
}

/**
 * A dump of an earlier schema version, brought to the current one by db.ts's own upgrades: the
 * rows are written into a scratch database of the dump's version, which is then opened as a
 * KeyplanDB (running every upgrade since) and read back. The scratch database is deleted.
 */
async function upgradeDump(dump: BackupDump): Promise<BackupDump> {
  const schema = SCHEMAS[dump.schemaVersion - 1];
  if (!schema) {
    throw new DataError('backup_version', { version: dump.schemaVersion }, 'Unknown schema');
  }
  const name = `keyplan-upgrade-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  try {
    const old = new Dexie(name);
    old.version(dump.schemaVersion).stores(schema);
    const ids: number[] = [];
    await old.transaction('rw', old.tables, async () => {
      for (const ws of dump.workspaces) {
        ids.push((await old.table('workspaces').add(ws.workspace)) as number);
        for (const [table, rows] of Object.entries(ws.rows)) {
          if (!(table in schema)) {
            throw new DataError(
              'backup_version',
              { version: dump.schemaVersion },
              `Table ${table} is not in schema ${dump.schemaVersion}`,
            );
          }
          await old.table(table).bulkAdd(rows);
        }
      }
    });
    old.close();
    const upgraded = new KeyplanDB(name);
    try {
      const workspaces = await upgraded.transaction('r', workspaceTables(upgraded), () =>
        readWorkspaces(upgraded, ids),
      );
      return { ...dump, schemaVersion: CURRENT_SCHEMA_VERSION, workspaces };
    } finally {
      upgraded.close();
    }
  } finally {
    await Dexie.delete(name);
  }
}

/** The dump in the current schema version; refused when it is newer than this build. */
export async function currentDump(dump: BackupDump): Promise<BackupDump> {
  if (dump.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new DataError(
      'backup_newer',
      { version: dump.schemaVersion },
      `Backup schema ${dump.schemaVersion} is newer than ${CURRENT_SCHEMA_VERSION}`,
    );
  }
  return dump.schemaVersion === CURRENT_SCHEMA_VERSION ? dump : upgradeDump(dump);
}

export function backupRepo(db: KeyplanDB) {
  const CURRENT_KEY = 'currentWorkspaceId';
  return {
    /** Every row of these workspaces, read in one transaction (a consistent snapshot). */
    async dump(workspaceIds: readonly number[]): Promise<BackupDump> {
      const createdAt = new Date().toISOString();
      const workspaces = await db.transaction('r', workspaceTables(db), () =>
        readWorkspaces(db, workspaceIds),
      );
      return { schemaVersion: CURRENT_SCHEMA_VERSION, createdAt, workspaces };
    },

    /**
     * Writes the dump's workspaces as new workspaces (new ids, every link remapped), all in one
     * transaction: all or nothing. `choices[i]` applies to the dump's i-th workspace (missing =
     * restore under its own name). A replaced workspace is deleted in the same transaction; when
     * it was the current one, its replacement becomes current. A restored workspace counts as
     * backed up when the dump was made. Returns the new ids, in dump order, skipped ones left out.
     */
    async restore(dump: BackupDump, choices: readonly RestoreChoice[] = []): Promise<number[]> {
      const upToDate = await currentDump(dump);
      return db.transaction('rw', workspaceTables(db), async () => {
        const current = (await db.meta.get(CURRENT_KEY))?.value;
        const ids: number[] = [];
        for (const [i, ws] of upToDate.workspaces.entries()) {
          const choice = choices[i] ?? {};
          if (choice.skip) continue;
          if (choice.replace !== undefined) {
            if (!(await db.workspaces.get(choice.replace))) {
              throw new DataError(
                'workspace_missing',
                { id: choice.replace },
                `Workspace ${choice.replace} to replace is missing`,
              );
            }
            await assertNoImportRunning(db, choice.replace);
            await deleteWorkspaceRows(db, choice.replace);
          }
          const id = await writeWorkspace(db, ws, {
            name: choice.name ?? ws.workspace.name,
            createdAt: ws.workspace.createdAt,
            lastBackupAt: upToDate.createdAt,
          });
          if (choice.replace !== undefined && choice.replace === current) {
            await db.meta.put({ key: CURRENT_KEY, value: id });
          }
          ids.push(id);
        }
        await bumpDataVersion(db);
        return ids;
      });
    },

    /**
     * A copy of the workspace under `newName`, with everything in it, in one transaction.
     * Returns the new id; the copy is not made current. It is new: created now, never backed up.
     */
    async duplicate(workspaceId: number, newName: string): Promise<number> {
      return db.transaction('rw', workspaceTables(db), async () => {
        const [ws] = await readWorkspaces(db, [workspaceId]);
        const id = await writeWorkspace(db, ws as WorkspaceDump, {
          name: newName,
          createdAt: new Date().toISOString(),
          lastBackupAt: undefined,
        });
        await bumpDataVersion(db);
        return id;
      });
    },

    /** Notes that these workspaces were backed up at `at` (ISO), for the reminder. */
    async markBackedUp(workspaceIds: readonly number[], at: string): Promise<void> {
      await db.transaction('rw', db.workspaces, async () => {
        for (const id of workspaceIds) await db.workspaces.update(id, { lastBackupAt: at });
      });
    },

    /** Whether the workspace holds anything the user would miss (an account at least). */
    async hasData(workspaceId: number): Promise<boolean> {
      return (await db.accounts.where('workspaceId').equals(workspaceId).limit(1).count()) > 0;
    },
  };
}
