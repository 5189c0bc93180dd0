import { assignedId, type KeyplanDB } from '../../src/db/db';

/** A plain workspace row for tests that need one to write into; returns its id. */
export async function addTestWorkspace(db: KeyplanDB, name = 'Test'): Promise<number> {
  return assignedId(
    await db.workspaces.add({
      name,
      currency: 'CNY',
      locale: 'zh-CN',
      fiscalYearStartMonth: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      isDemo: false,
    }),
  );
}
