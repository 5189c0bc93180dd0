// What the backup card, the restore dialog and the reminder share: making and saving a backup
// file, naming restored copies, and the reminder's snooze (kept in localStorage per workspace).
import { repos } from '../../db';
import { backupFileName, writeBackup } from '../../io/backupFile';
import { downloadBytes } from '../../io/download';
import { sameName } from '../workspaces/workspaceNames';

/**
 * Backs up these workspaces into one file and downloads it; `name` goes into the file name when
 * there is one workspace. The workspaces count as backed up from then on (the browser gives no
 * word on whether the user kept the download). Returns the file name.
 */
export async function backUpWorkspaces(workspaceIds: number[], name?: string): Promise<string> {
  const dump = await repos.backup.dump(workspaceIds);
  const bytes = await writeBackup(dump);
  const fileName = backupFileName(dump.createdAt, workspaceIds.length === 1 ? name : undefined);
  downloadBytes(fileName, bytes);
  await repos.backup.markBackedUp(workspaceIds, dump.createdAt);
  return fileName;
}

/**
 * A name no workspace has yet for a copy of `name` kept beside the original:
 * `nameFor(name, 1)` first ("Demo (restored)"), then `nameFor(name, 2)`…
 */
export function freeName(
  name: string,
  taken: ReadonlySet<string>,
  nameFor: (name: string, n: number) => string,
): string {
  // "Acme (restored)" and "acme (restored)" are the same name to a person.
  for (let n = 1; ; n++) {
    const candidate = nameFor(name, n);
    if (![...taken].some((t) => sameName(t, candidate))) return candidate;
  }
}

/** freeName for each of `names` in turn, none equal to another or to one of `existing`. */
export function freeNames(
  names: readonly string[],
  existing: readonly string[],
  nameFor: (name: string, n: number) => string,
): string[] {
  const taken = new Set(existing);
  return names.map((name) => {
    const free = freeName(name, taken, nameFor);
    taken.add(free);
    return free;
  });
}

const SNOOZE_PREFIX = 'keyplan.backupReminder.snoozedUntil.';

export function snoozedUntil(workspaceId: number): string | null {
  try {
    return globalThis.localStorage?.getItem(SNOOZE_PREFIX + workspaceId) ?? null;
  } catch {
    return null;
  }
}

export function setSnoozedUntil(workspaceId: number, until: string): void {
  try {
    globalThis.localStorage?.setItem(SNOOZE_PREFIX + workspaceId, until);
  } catch {
    // Storage refused (private mode, quota): the reminder simply comes back next time.
  }
}
