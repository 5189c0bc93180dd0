// Accounts selected in the grid, shared with the Analysis screen, which highlights them in its
// charts. Kept across screens (navigating away does not drop a selection) and tied to the
// workspace it was made in: another workspace sees an empty selection.
const EMPTY: ReadonlySet<number> = new Set();

class AccountSelection {
  private current = $state.raw<{ workspaceId: number | null; ids: ReadonlySet<number> }>({
    workspaceId: null,
    ids: EMPTY,
  });

  /** The selection in a workspace. Reading never writes, so it is safe inside deriveds. */
  forWorkspace(workspaceId: number | null): ReadonlySet<number> {
    return this.current.workspaceId === workspaceId ? this.current.ids : EMPTY;
  }

  set(workspaceId: number | null, ids: Iterable<number>): void {
    const next = new Set(ids);
    const { workspaceId: was, ids: prev } = this.current;
    const same =
      was === workspaceId && next.size === prev.size && [...next].every((id) => prev.has(id));
    if (!same) this.current = { workspaceId, ids: next };
  }

  clear(): void {
    if (this.current.ids.size > 0)
      this.current = { workspaceId: this.current.workspaceId, ids: EMPTY };
  }
}

export const selection = new AccountSelection();
