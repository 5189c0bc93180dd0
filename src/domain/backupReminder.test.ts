import { describe, expect, it } from 'vitest';
import {
  backupReminderDue,
  daysSince,
  snoozeEnd,
  type BackupReminderFacts,
} from './backupReminder';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const base: BackupReminderFacts = {
  isDemo: false,
  hasData: true,
  createdAt: daysAgo(100),
  lastBackupAt: daysAgo(20),
  snoozedUntil: null,
};

describe('backupReminderDue', () => {
  it.each<[string, Partial<BackupReminderFacts>, boolean]>([
    ['last backup 20 days ago', {}, true],
    ['last backup 15 days ago', { lastBackupAt: daysAgo(15) }, true],
    ['last backup exactly 14 days ago', { lastBackupAt: daysAgo(14) }, false],
    ['last backup yesterday', { lastBackupAt: daysAgo(1) }, false],
    ['never backed up, created 30 days ago', { lastBackupAt: undefined }, true],
    [
      'never backed up, created 3 days ago',
      { lastBackupAt: undefined, createdAt: daysAgo(3) },
      false,
    ],
    ['the demo workspace', { isDemo: true, lastBackupAt: undefined }, false],
    ['an empty workspace', { hasData: false, lastBackupAt: undefined }, false],
    ['snoozed until tomorrow', { snoozedUntil: daysAgo(-1) }, false],
    ['snoozed until yesterday', { snoozedUntil: daysAgo(1) }, true],
    ['an unreadable snooze date', { snoozedUntil: 'soon' }, true],
  ])('%s → %s', (_, facts, due) => {
    expect(backupReminderDue({ ...base, ...facts }, NOW)).toBe(due);
  });
});

describe('daysSince and snoozeEnd', () => {
  it.each([
    [daysAgo(3), 3],
    [new Date(NOW.getTime() - 3 * 86_400_000 + 1).toISOString(), 2],
    [daysAgo(-2), 0],
    ['not a date', 0],
  ])('%s → %i days', (iso, days) => {
    expect(daysSince(iso, NOW)).toBe(days);
  });

  it('snoozes for seven days by default', () => {
    expect(snoozeEnd(NOW)).toBe('2026-04-07T12:00:00.000Z');
    expect(snoozeEnd(NOW, 1)).toBe('2026-04-01T12:00:00.000Z');
  });
});
