// A running import holds a Web Lock (in its worker) from before its row is written until it has
// finished or rolled back. Another tab that finds a 'running' import whose lock nobody holds knows
// its tab died. The name is made before the import row exists (so there is no moment when the row
// says 'running' and no lock says alive) and stored on the row.

/** Every import's lock name starts with this (a reload waits for them: state/appUpdate). */
export const IMPORT_LOCK_PREFIX = 'keyplan-import-';

/** A fresh lock name for one import. */
export function newImportLockName(): string {
  return `${IMPORT_LOCK_PREFIX}${crypto.randomUUID()}`;
}

/** The lock an import's worker holds; rows of earlier releases used the import id. */
export function importLockName(row: { id?: number; lockName?: string }): string {
  return row.lockName ?? `${IMPORT_LOCK_PREFIX}${row.id}`;
}

type Locks = {
  query(): Promise<{ held?: { name?: string }[] }>;
  request(name: string, callback: () => Promise<void>): Promise<void>;
};

/** Is some tab still working on this import? Without Web Locks, assume not. */
export async function isImportAlive(row: { id?: number; lockName?: string }): Promise<boolean> {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  if (!locks) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === importLockName(row));
}

/**
 * Resolves once nobody holds this import's lock: the import finished, rolled back, or the tab
 * running it went away. A tab that is closing keeps its worker (and the lock) for a moment, so a
 * tab opened right then must wait rather than decide once at start.
 */
export async function whenImportEnds(row: { id?: number; lockName?: string }): Promise<void> {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  if (!locks) return;
  await locks.request(importLockName(row), async () => {});
}
