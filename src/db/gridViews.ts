import { assignedId, type KeyplanDB } from './db';
import type { GridViewRow } from './schema';

/** Saved views of the accounts grid, per workspace. */
export function gridViewsRepo(db: KeyplanDB) {
  return {
    list(workspaceId: number): Promise<GridViewRow[]> {
      return db.gridViews.where('workspaceId').equals(workspaceId).sortBy('name');
    },
    /** Saves under the view's name: a view with that name in the workspace is replaced. */
    async save(given: Omit<GridViewRow, 'id'>): Promise<number> {
      // A copy without any id: Dexie writes the new id into the object it is given.
      const { id: _id, ...view } = given as GridViewRow;
      return db.transaction('rw', db.gridViews, async () => {
        const same = await db.gridViews
          .where('workspaceId')
          .equals(view.workspaceId)
          .filter((v) => v.name === view.name)
          .first();
        if (same) {
          await db.gridViews.put({ ...view, id: same.id });
          return same.id as number;
        }
        return assignedId(await db.gridViews.add(view));
      });
    },
    async remove(id: number): Promise<void> {
      await db.gridViews.delete(id);
    },
  };
}
