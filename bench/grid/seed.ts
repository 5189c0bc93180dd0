// The grid benchmark's seed page: served from the same origin as the built app, it writes a
// workspace with the generated accounts and orders into the app's own database ('keyplan',
// through the app's KeyplanDB class, so always the current schema) and makes it the current
// workspace — what the demo loader does (src/db/demo.ts), at 50,000 accounts.
import Dexie from 'dexie';
import { DB_NAME, KeyplanDB, assignedId, bumpDataVersion } from '../../src/db/db';
import { generateWorkspace } from './data';
import type { SeedOptions, SeedResult } from './protocol';

const BATCH = 20_000;

declare global {
  interface Window {
    gridSeed: (options: SeedOptions) => Promise<SeedResult>;
  }
}

window.gridSeed = async ({ accounts, orderLines }) => {
  await Dexie.delete(DB_NAME);
  const db = new KeyplanDB();
  try {
    const t0 = performance.now();
    const workspaceId = assignedId(
      await db.workspaces.add({
        name: `Grid benchmark (${accounts.toLocaleString('en-US')} accounts)`,
        currency: 'CNY',
        locale: 'en-US',
        fiscalYearStartMonth: 1,
        createdAt: new Date().toISOString(),
        isDemo: false,
      }),
    );
    const data = generateWorkspace(workspaceId, accounts, orderLines);
    const t1 = performance.now();
    await db.transaction('rw', [db.accounts, db.orders, db.meta], async () => {
      const ids = (await db.accounts.bulkAdd(data.accounts, { allKeys: true })) as number[];
      for (let start = 0; start < data.orders.length; start += BATCH) {
        const batch = data.orders.slice(start, start + BATCH);
        for (const o of batch) o.accountId = ids[o.accountId]!;
        await db.orders.bulkAdd(batch);
      }
      await db.meta.put({ key: 'currentWorkspaceId', value: workspaceId });
      await bumpDataVersion(db);
    });
    const t2 = performance.now();
    return {
      workspaceId,
      accounts: await db.accounts.count(),
      orderLines: await db.orders.count(),
      generateMs: t1 - t0,
      writeMs: t2 - t1,
    };
  } finally {
    db.close();
  }
};
