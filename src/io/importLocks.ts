// A running import holds a Web Lock with this name (in its worker) until it has finished or rolled
// back. Another tab that finds a 'running' import whose lock nobody holds knows its tab died.

export function importLockName(importId: number): string {
  return `keyplan-import-${importId}`;
}

type Locks = { query(): Promise<{ held?: { name?: string }[] }> };

/** Is some tab still working on this import? Without Web Locks, assume not. */
export async function isImportAlive(importId: number): Promise<boolean> {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  if (!locks) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === importLockName(importId));
}
