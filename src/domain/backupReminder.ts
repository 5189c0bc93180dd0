// When to remind the user to back up (issue 8). All data lives in one browser profile, so a
// workspace with real work in it should have a recent copy in a file.
//
// The rule: remind when the workspace holds data (an account at least), is not the demo, and its
// last backup — or, never backed up, its creation — is more than BACKUP_MAX_AGE_DAYS ago. A new
// workspace is left alone for its first two weeks, so trying Keyplan out does not nag.
// "Remind me later" silences the reminder for BACKUP_SNOOZE_DAYS.

export const BACKUP_MAX_AGE_DAYS = 14;
export const BACKUP_SNOOZE_DAYS = 7;

const MS_PER_DAY = 86_400_000;

export interface BackupReminderFacts {
  isDemo: boolean;
  /** Whether the workspace holds anything the user would miss. */
  hasData: boolean;
  /** When the workspace was created (ISO). */
  createdAt: string;
  /** When it was last backed up (ISO); undefined = never. */
  lastBackupAt?: string | undefined;
  /** Until when "Remind me later" silences the reminder (ISO); null = not snoozed. */
  snoozedUntil: string | null;
}

/** Whole days from `iso` to `now` (0 for a time in the future or an unreadable date). */
export function daysSince(iso: string, now: Date): number {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 0;
  return Math.max(0, Math.floor((now.getTime() - then) / MS_PER_DAY));
}

export function backupReminderDue(facts: BackupReminderFacts, now: Date): boolean {
  if (facts.isDemo || !facts.hasData) return false;
  if (facts.snoozedUntil !== null && Date.parse(facts.snoozedUntil) > now.getTime()) return false;
  return daysSince(facts.lastBackupAt ?? facts.createdAt, now) > BACKUP_MAX_AGE_DAYS;
}

/** The end of a snooze that starts now. */
export function snoozeEnd(now: Date, days = BACKUP_SNOOZE_DAYS): string {
  return new Date(now.getTime() + days * MS_PER_DAY).toISOString();
}
