import Dexie, { type Table } from 'dexie';
import type { KeyplanDB } from './db';
import { DataError } from './errors';

/**
 * Every table that holds a workspace's rows, and how to find them. Deleting, duplicating and
 * backing up a workspace all walk this one list, so a table added in a later schema version is
 * covered by adding it here (the test in workspaceRows.test.ts fails when a table is missing).
 * `meta` is the only table that belongs to no workspace.
 */
export const WORKSPACE_TABLES = [
  // Before imports: snapshots are found through their import.
  'accountSnapshots',
  'imports',
  'orders',
  'accounts',
  'contacts',
  'plans',
  'actions',
  'mappings',
  'accountNotes',
  'visits',
  'gridViews',
  'planTemplates',
] as const;
export type WorkspaceTableName = (typeof WORKSPACE_TABLES)[number];

/** Tables that are not per-workspace rows. */
export const GLOBAL_TABLES = ['workspaces', 'meta'] as const;

/** The tables a transaction over one whole workspace needs. */
export function workspaceTables(db: KeyplanDB): Table[] {
  return [db.workspaces, db.meta, ...WORKSPACE_TABLES.map((name) => db.table(name))];
}

/**
 * A collection of one workspace's rows in `name`. Orders have no single workspace index (the
 * compound ones serve the analysis), so they are found through [workspaceId+accountId]; account
 * snapshots hang off their import.
 */
export async function workspaceCollection(
  db: KeyplanDB,
  name: WorkspaceTableName,
  workspaceId: number,
): Promise<Dexie.Collection> {
  switch (name) {
    case 'orders':
      return db.orders
        .where('[workspaceId+accountId]')
        .between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey]);
    case 'accountSnapshots': {
      // Stored rows always have their key; the table type allows undefined only for adds.
      const importIds = (await db.imports
        .where('workspaceId')
        .equals(workspaceId)
        .primaryKeys()) as number[];
      return db.accountSnapshots.where('importId').anyOf(importIds);
    }
    default:
      return db.table(name).where('workspaceId').equals(workspaceId);
  }
}

/** Deletes every row of one workspace, the workspace itself included. Call inside a rw transaction
 *  over `workspaceTables(db)`. */
export async function deleteWorkspaceRows(db: KeyplanDB, workspaceId: number): Promise<void> {
  for (const name of WORKSPACE_TABLES) {
    await (await workspaceCollection(db, name, workspaceId)).delete();
  }
  await db.workspaces.delete(workspaceId);
}

/**
 * Refuses to delete or replace a workspace while an import writes into it (its worker would go on
 * writing rows under a workspace that no longer exists). Callers roll back dead imports first.
 */
export async function assertNoImportRunning(db: KeyplanDB, workspaceId: number): Promise<void> {
  const running = await db.imports
    .where('workspaceId')
    .equals(workspaceId)
    .filter((row) => row.status === 'running')
    .count();
  if (running === 0) return;
  const name = (await db.workspaces.get(workspaceId))?.name ?? String(workspaceId);
  throw new DataError('import_running', { name }, `An import into ${name} is still running`);
}
