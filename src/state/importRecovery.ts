// Imports left 'running' by a tab that closed or crashed mid-way are rolled back by whichever tab
// notices: at start, once a still-held lock is let go, and before a workspace is deleted or
// replaced (a dead import must not block that, a live one must).
import { repos } from '../db';
import { isImportAlive, whenImportEnds } from '../io/importLocks';

/** Rolls back every running import whose lock nobody holds. */
export function rollBackDeadImports(): Promise<number[]> {
  return repos.imports.recoverInterrupted(isImportAlive);
}

/** At start: rolls back dead imports now, and each one still locked once its lock is let go
 *  (its tab may be closing right now). */
export async function recoverImportsAtStart(): Promise<void> {
  await rollBackDeadImports();
  for (const row of await repos.imports.running()) {
    void whenImportEnds(row)
      .then(rollBackDeadImports)
      .catch(() => {}); // the next start tries again
  }
}
