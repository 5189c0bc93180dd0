// Accounts selected in the grid, shared with the Analysis screen, which highlights them in its
// charts. Kept per workspace and across screens (navigating away does not drop a selection).
class AccountSelection {
  ids = $state.raw<ReadonlySet<number>>(new Set());
  private workspaceId: number | null = null;

  /** The selection belongs to one workspace; switching workspaces starts empty. */
  forWorkspace(id: number | null): ReadonlySet<number> {
    if (id !== this.workspaceId) {
      this.workspaceId = id;
      if (this.ids.size > 0) this.ids = new Set();
    }
    return this.ids;
  }

  set(ids: Iterable<number>): void {
    const next = new Set(ids);
    const same = next.size === this.ids.size && [...next].every((id) => this.ids.has(id));
    if (!same) this.ids = next;
  }

  clear(): void {
    if (this.ids.size > 0) this.ids = new Set();
  }
}

export const selection = new AccountSelection();
