import { liveQuery } from 'dexie';

/**
 * Dexie liveQuery as a rune: `current` follows the database. `deps` is read inside an effect so the
 * query restarts when the reactive values it depends on (e.g. the workspace id) change.
 * Must be constructed during component init or inside `$effect.root`.
 */
export class LiveQuery<T, D> {
  current = $state.raw<T>() as T;
  error = $state.raw<unknown>(null);
  loaded = $state(false);

  constructor(deps: () => D, query: (deps: D) => Promise<T>, initial: T) {
    this.current = initial;
    $effect(() => {
      const d = deps();
      const subscription = liveQuery(() => query(d)).subscribe({
        next: (value) => {
          this.current = value;
          this.loaded = true;
          this.error = null;
        },
        error: (error: unknown) => {
          this.error = error;
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}
