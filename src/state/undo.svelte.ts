// Undo and redo for the changes a user makes to accounts (edit, paste, bulk edit, fill down, add,
// delete, merge, custom fields). Module-level, so the history survives moving between screens; it
// belongs to one workspace and starts empty in another. Commands run one at a time, in order.

/** A change already made once; `redo` makes it again, `undo` takes it back. */
export interface Command {
  /** Shown on the Undo/Redo buttons ("Undo paste (12 cells)"). */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

import { describeError } from './errors';

const LIMIT = 100;

class UndoHistory {
  done = $state.raw<readonly Command[]>([]);
  undone = $state.raw<readonly Command[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);
  private workspaceId: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Drops the history when the workspace changes (undo must never touch another workspace). */
  useWorkspace(id: number | null): void {
    if (id === this.workspaceId) return;
    this.workspaceId = id;
    this.done = [];
    this.undone = [];
    this.error = null;
  }

  get canUndo(): boolean {
    return this.done.length > 0 && !this.busy;
  }
  get canRedo(): boolean {
    return this.undone.length > 0 && !this.busy;
  }

  /**
   * Runs `first` (the change itself) and keeps the command it returns. A failed change is not
   * recorded, and its error is returned for the caller to show.
   */
  perform(first: () => Promise<Command>): Promise<{ ok: true } | { ok: false; error: string }> {
    return this.serial(async () => {
      const command = await first();
      this.done = [...this.done, command].slice(-LIMIT);
      this.undone = [];
    });
  }

  undo(): Promise<{ ok: true } | { ok: false; error: string }> {
    return this.serial(async () => {
      const command = this.done.at(-1);
      if (!command) return;
      await command.undo();
      this.done = this.done.slice(0, -1);
      this.undone = [...this.undone, command];
    });
  }

  redo(): Promise<{ ok: true } | { ok: false; error: string }> {
    return this.serial(async () => {
      const command = this.undone.at(-1);
      if (!command) return;
      await command.redo();
      this.undone = this.undone.slice(0, -1);
      this.done = [...this.done, command];
    });
  }

  private serial(work: () => Promise<void>): Promise<{ ok: true } | { ok: false; error: string }> {
    const run = this.queue.then(async () => {
      this.busy = true;
      try {
        await work();
        this.error = null;
        return { ok: true } as const;
      } catch (e) {
        const error = describeError(e);
        this.error = error;
        return { ok: false, error } as const;
      } finally {
        this.busy = false;
      }
    });
    this.queue = run;
    return run;
  }
}

export const history = new UndoHistory();
export type { UndoHistory };
