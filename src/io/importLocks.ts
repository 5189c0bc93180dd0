// A running import holds a Web Lock with this name (in its worker) until it has finished or rolled
// back. Another tab that finds a 'running' import whose lock nobody holds knows its tab died.

/** Every import's lock name starts with this (a reload waits for them: state/appUpdate). */
export const IMPORT_LOCK_PREFIX = 'keyplan-import-';

export function importLockName(importId: number): string {
  return `${IMPORT_LOCK_PREFIX}${importId}`;
}

type Locks = {
  query(): Promise<{ held?: { name?: string }[] }>;
  request(name: string, callback: () => Promise<void>): Promise<void>;
};

/** Is some tab still working on this import? Without Web Locks, assume not. */
export async function isImportAlive(importId: number): Promise<boolean> {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  if (!locks) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === importLockName(importId));
}

/**
 * Resolves once nobody holds this import's lock: the import finished, rolled back, or the tab
 * running it went away. A tab that is closing keeps its worker (and the lock) for a moment, so a
 * tab opened right then must wait rather than decide once at start.
 */
export async function whenImportEnds(importId: number): Promise<void> {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  if (!locks) return;
  await locks.request(importLockName(importId), async () => {});
}
