import { assignedId, updateExisting, type KeyplanDB } from './db';
import type { WorkspaceRow } from './schema';

const CURRENT_KEY = 'currentWorkspaceId';

export type WorkspaceSettings = Pick<
  WorkspaceRow,
  'name' | 'currency' | 'locale' | 'fiscalYearStartMonth'
> & { analysis?: WorkspaceRow['analysis'] } & Partial<
    Pick<WorkspaceRow, 'tiers' | 'ownerCapacity'>
  >;

export function workspacesRepo(db: KeyplanDB) {
  return {
    list(): Promise<WorkspaceRow[]> {
      return db.workspaces.toArray();
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
