import type { KeyplanDB } from '../../src/db/db';
import { WORKSPACE_TABLES } from '../../src/db/workspaceRows';

/**
 * Writes one row into every per-workspace table for `workspaceId` (raw rows, linked the way the
 * app links them), so tests of delete / duplicate / backup see every table. Returns the ids.
 */
export async function seedEveryTable(
  db: KeyplanDB,
  workspaceId: number,
  tag: string,
): Promise<Record<(typeof WORKSPACE_TABLES)[number], unknown>> {
  const now = '2026-01-02T03:04:05.000Z';
  const importId = await db.imports.add({
    workspaceId,
    kind: 'orders',
    fileName: `${tag}.csv`,
    hash: `hash-${tag}`,
    importedAt: now,
    status: 'done',
  } as never);
  const accountId = await db.accounts.add({
    workspaceId,
    key: `key-${tag}`,
    name: `Account ${tag}`,
    createdByImportId: importId,
  } as never);
  const planId = await db.plans.add({
    workspaceId,
    accountId,
    year: 2026,
    status: 'draft',
  } as never);
  return {
    imports: importId,
    accounts: accountId,
    plans: planId,
    orders: await db.orders.add({
      workspaceId,
      importId,
      accountId,
      orderNo: `SO-${tag}`,
      date: '2026-01-01',
      amountMinor: 12_345,
    } as never),
    contacts: await db.contacts.add({ workspaceId, accountId, name: `Contact ${tag}` } as never),
    actions: await db.actions.add({ workspaceId, planId, title: `Action ${tag}` } as never),
    accountSnapshots: await db.accountSnapshots.add({
      importId,
      accountId,
      before: null,
    } as never),
    mappings: await db.mappings.put({
      workspaceId,
      signature: `sig-${tag}`,
      mapping: {},
    } as never),
    accountNotes: await db.accountNotes.add({
      workspaceId,
      accountId,
      text: `Note ${tag}`,
    } as never),
    visits: await db.visits.add({ workspaceId, accountId, date: '2026-01-03' } as never),
    gridViews: await db.gridViews.add({ workspaceId, name: `View ${tag}` } as never),
    planTemplates: await db.planTemplates.add({
      workspaceId,
      name: `Template ${tag}`,
    } as never),
  };
}
