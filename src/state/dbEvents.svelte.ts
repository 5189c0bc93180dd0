import type Dexie from 'dexie';
import { db } from '../db';

/**
 * What another tab did to this tab's database connection (issue 8):
 * - `upgraded`: a newer Keyplan opened the database with a higher schema version (or deleted it).
 *   This tab's connection is closed so the other tab's upgrade is not kept waiting; this tab must
 *   reload to go on with the new schema.
 * - `blocked`: this tab wants to upgrade but an older tab keeps its connection open; opening waits
 *   until that tab is closed or reloaded.
 */
export type DbInterruption = 'none' | 'upgraded' | 'blocked';

export class DbEvents {
  state = $state<DbInterruption>('none');
  private readonly watched = new WeakSet<Dexie>();

  /** Subscribes once per database; calling it again for the same database does nothing. */
  watch(database: Dexie): void {
    if (this.watched.has(database)) return;
    this.watched.add(database);
    database.on('versionchange', () => {
      this.state = 'upgraded';
      // Closed for good (no auto-open): queries fail fast with DatabaseClosedError instead of
      // reopening with this tab's old schema, and the other tab's upgrade goes ahead.
      database.close();
      // Dexie's own handler runs after ours and would close with auto-open; `false` stops it.
      return false;
    });
    database.on('blocked', () => {
      if (this.state === 'none') this.state = 'blocked';
    });
    // Once the other tab lets go, the open goes ahead and the notice goes away.
    database.on(
      'ready',
      () => {
        if (this.state === 'blocked') this.state = 'none';
      },
      true,
    );
  }
}

/** The app's one watcher, subscribed before anything opens the app's database. */
export const dbEvents = new DbEvents();
dbEvents.watch(db);
