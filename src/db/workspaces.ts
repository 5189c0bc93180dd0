import { assignedId, updateExisting, type KeyplanDB } from './db';
import type { WorkspaceRow } from './schema';
import {
  assertNoImportRunning,
  deleteWorkspaceRows,
  workspaceCollection,
  workspaceTables,
} from './workspaceRows';

const CURRENT_KEY = 'currentWorkspaceId';

export type WorkspaceSettings = Pick<
  WorkspaceRow,
  'name' | 'currency' | 'locale' | 'fiscalYearStartMonth'
> & { analysis?: WorkspaceRow['analysis'] } & Partial<
    Pick<WorkspaceRow, 'tiers' | 'ownerCapacity'>
  >;

/** One line of the workspaces list: the row and how much is in it. */
export interface WorkspaceSummary {
  workspace: WorkspaceRow;
  accounts: number;
  orders: number;
  plans: number;
}

export function workspacesRepo(db: KeyplanDB) {
  return {
    list(): Promise<WorkspaceRow[]> {
      return db.workspaces.toArray();
    },
    /** Every workspace with its counts, oldest first; one read transaction so counts agree. */
    summaries(): Promise<WorkspaceSummary[]> {
      return db.transaction('r', workspaceTables(db), async () => {
        const rows = await db.workspaces.toArray();
        return Promise.all(
          rows.map(async (workspace) => {
            const id = workspace.id as number;
            const count = async (name: 'accounts' | 'orders' | 'plans') =>
              (await workspaceCollection(db, name, id)).count();
            return {
              workspace,
              accounts: await count('accounts'),
              orders: await count('orders'),
              plans: await count('plans'),
            };
          }),
        );
      });
    },
    get(id: number): Promise<WorkspaceRow | undefined> {
      return db.workspaces.get(id);
    },
    async create(settings: WorkspaceSettings, isDemo = false): Promise<number> {
      return db.transaction('rw', db.workspaces, db.meta, async () => {
        const id = assignedId(
          await db.workspaces.add({
            ...settings,
            isDemo,
            createdAt: new Date().toISOString(),
          }),
        );
        await db.meta.put({ key: CURRENT_KEY, value: id });
        return id;
      });
    },
    async update(id: number, patch: Partial<WorkspaceSettings>): Promise<void> {
      await updateExisting(db.workspaces, id, patch, 'Workspace');
    },
    /**
     * Deletes a workspace and everything in it, in one transaction (all or nothing). When it was
     * the current one, another workspace (the oldest left) becomes current; returns that id, or
     * null when none is left.
     */
    async remove(id: number): Promise<number | null> {
      return db.transaction('rw', workspaceTables(db), async () => {
        await assertNoImportRunning(db, id);
        await deleteWorkspaceRows(db, id);
        const current = await db.meta.get(CURRENT_KEY);
        const next =
          current?.value === id
            ? ((await db.workspaces.toCollection().first())?.id ?? null)
            : ((current?.value as number | undefined) ?? null);
        if (next === null) await db.meta.delete(CURRENT_KEY);
        else await db.meta.put({ key: CURRENT_KEY, value: next });
        return next;
      });
    },
    async currentId(): Promise<number | null> {
      const row = await db.meta.get(CURRENT_KEY);
      const id = typeof row?.value === 'number' ? row.value : null;
      if (id !== null && (await db.workspaces.get(id))) return id;
      return null;
    },
    async setCurrent(id: number): Promise<void> {
      await db.meta.put({ key: CURRENT_KEY, value: id });
    },
  };
}
