// Every change a user makes to accounts, as an undoable command (state/undo.svelte.ts). Each
// factory returns the first run; the command it yields can undo and redo that change exactly.
import { repos } from '../../db';
import type {
  AccountPatch,
  DeletedAccounts,
  EditableAccountFields,
  MergeRecord,
} from '../../db/accounts';
import type { RemovedField } from '../../db/customFields';
import type { CustomFieldDef } from '../../db/schema';
import type { Command } from '../../state/undo.svelte';
import { workspace } from '../../state/workspace.svelte';

/** Edits, paste, bulk edit and fill down: one all-or-nothing patch of many accounts. */
export function patchAccounts(label: string, patches: AccountPatch[]) {
  return async (): Promise<Command> => {
    const before = await repos.accounts.patchMany(patches);
    return {
      label,
      undo: async () => {
        await repos.accounts.patchMany(before);
      },
      redo: async () => {
        await repos.accounts.patchMany(patches);
      },
    };
  };
}

export function addAccount(
  label: string,
  workspaceId: number,
  fields: Partial<EditableAccountFields> & { key: string; name: string },
) {
  return async (): Promise<Command> => {
    const id = await repos.accounts.add(workspaceId, fields);
    let removed: DeletedAccounts | null = null;
    return {
      label,
      undo: async () => {
        removed = await repos.accounts.removeWithDependents([id]);
      },
      redo: async () => {
        if (removed) await repos.accounts.restore(removed);
      },
    };
  };
}

/** Deletes accounts with their orders, contacts, plans, notes and visits; undo restores all. */
export function deleteAccounts(label: string, ids: number[]) {
  return async (): Promise<Command> => {
    let removed = await repos.accounts.removeWithDependents(ids);
    return {
      label,
      undo: () => repos.accounts.restore(removed),
      redo: async () => {
        removed = await repos.accounts.removeWithDependents(ids);
      },
    };
  };
}

export function mergeAccounts(
  label: string,
  fromId: number,
  intoId: number,
  note: (fromName: string) => string,
) {
  return async (): Promise<Command> => {
    let record: MergeRecord = await repos.accounts.merge(fromId, intoId, note);
    return {
      label,
      undo: () => repos.accounts.unmerge(record),
      redo: async () => {
        record = await repos.accounts.merge(fromId, intoId, note);
      },
    };
  };
}

/**
 * Adding, renaming or reordering custom fields. `change` is applied to the definitions as stored
 * when the command runs (not as the screen last showed them), so a rename still being saved and
 * a move right after it both take effect.
 */
export function setCustomFields(
  label: string,
  workspaceId: number,
  shown: readonly CustomFieldDef[],
  change: (defs: CustomFieldDef[]) => CustomFieldDef[],
) {
  return async (): Promise<Command> => {
    const stored = await repos.customFields.list(workspaceId);
    // Fields an import brought in have no definition yet; the list shown includes them, and
    // saving gives them one.
    const before = [...stored, ...shown.filter((d) => !stored.some((s) => s.id === d.id))];
    const after = change(before.map((d) => ({ ...d })));
    const apply = async (defs: CustomFieldDef[]) => {
      await repos.customFields.setDefs(workspaceId, defs);
      await workspace.reload();
    };
    await apply(after);
    return { label, undo: () => apply(stored), redo: () => apply(after) };
  };
}

/** Deleting a custom field removes its values too; undo brings both back. */
export function removeCustomField(label: string, workspaceId: number, field: CustomFieldDef) {
  return async (): Promise<Command> => {
    let removed: RemovedField = await repos.customFields.remove(workspaceId, field);
    await workspace.reload();
    return {
      label,
      undo: async () => {
        await repos.customFields.restore(removed);
        await workspace.reload();
      },
      redo: async () => {
        removed = await repos.customFields.remove(workspaceId, field);
        await workspace.reload();
      },
    };
  };
}
