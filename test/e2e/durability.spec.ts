// Issue 8: durability — persistent storage with usage and quota, a newer tab upgrading the
// database, two tabs on one workspace, and an import that runs out of quota.
import { expect, test, type Page } from '@playwright/test';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

const cell = (app: KeyplanApp, row: number, colId: string) =>
  app.gridRow(row).locator(`[col-id="${colId}"]`);

async function openAccounts(page: Page, demo: boolean): Promise<KeyplanApp> {
  const app = new KeyplanApp(page);
  await app.open();
  if (demo) await app.loadDemo();
  else await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: 30_000 });
  await app.nav('Accounts');
  // The grid is sorted by revenue once the analysis is there.
  await expect(cell(app, 0, 'segment')).not.toBeEmpty();
  return app;
}

/** Rows of one object store, read with the raw IndexedDB API (no version: no upgrade). */
async function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('keyplan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const req = idb.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            idb.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

test('the Settings storage card shows persistence, usage and quota in the UI language', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Settings');
  const card = page.getByTestId('storage-card');
  await expect(card.getByTestId('storage-persisted')).toContainText(/Storage is (not )?persistent/);
  await expect(card.getByTestId('storage-usage')).toHaveText(
    /^[\d.,]+ (byte|kB|MB|GB) of [\d.,]+ (kB|MB|GB|TB) used$/,
  );
  const persistent = await card.getByTestId('storage-persisted').innerText();
  if (/not persistent/.test(persistent)) {
    await card.getByTestId('storage-persist').click();
    await expect(
      card.getByRole('status').or(card.getByText('Storage is persistent')),
    ).toBeVisible();
  }
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SHOTS}/settings-storage.png` });

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(card.getByTestId('storage-usage')).toContainText('已使用');
  await expect(card.getByRole('heading')).toHaveText('数据保存在哪里');
  await card.screenshot({ path: `${SHOTS}/settings-storage-zh.png` });
});

test('two tabs on the same workspace: an edit in one shows in the other without a reload', async ({
  context,
}) => {
  const a = await openAccounts(await context.newPage(), true);
  const b = await openAccounts(await context.newPage(), false);
  const name = await cell(a, 0, 'name').innerText();
  await expect(cell(b, 0, 'name')).toHaveText(name);

  await cell(a, 0, 'owner').dblclick();
  await a.page.keyboard.press('Control+A');
  await a.page.keyboard.type('Zhang Wei (tab A)');
  await a.page.keyboard.press('Enter');
  await expect(cell(a, 0, 'owner')).toHaveText('Zhang Wei (tab A)');

  await expect(cell(b, 0, 'owner')).toHaveText('Zhang Wei (tab A)');
  await expect(cell(b, 0, 'name')).toHaveText(name);
});

test('a newer Keyplan upgrading the database in another tab: this tab lets go and asks for a reload', async ({
  context,
}) => {
  const a = await openAccounts(await context.newPage(), true);
  const other = await context.newPage();
  await other.goto('/favicon.svg');
  // A "newer release" in another tab: opens the database one schema version up.
  const upgraded = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const probe = indexedDB.open('keyplan');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const open = indexedDB.open('keyplan', version + 10);
          open.onupgradeneeded = () => open.result.createObjectStore('fromTheFuture');
          // Resolves only if the old tab closed its connection: otherwise this would hang.
          open.onsuccess = () => {
            open.result.close();
            resolve(open.result.version);
          };
          open.onerror = () => reject(open.error);
        };
      }),
  );
  expect(upgraded).toBeGreaterThan(0);
  const banner = a.page.getByTestId('db-banner');
  await expect(banner).toContainText('Keyplan was updated in another tab');
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
  // The page still answers (no hang): navigation works and the banner stays.
  await a.nav('Settings');
  await expect(a.page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(banner).toBeVisible();
  await a.page.screenshot({ path: `${SHOTS}/db-upgraded-banner.png` });
});

test('an import that runs out of quota fails with a clear message and keeps the data as it was', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  const ordersBefore = await countRows(page, 'orders');
  const importsBefore = await countRows(page, 'imports');
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: ORIGIN,
    quotaSize: usage + 200_000,
  });
  // Chromium 156 (Debian) answers the command with {} but leaves the quota as it was (also in a
  // persistent context and from a browser-level session): then there is nothing to prove here.
  const quota = await page.evaluate(async () => (await navigator.storage.estimate()).quota);
  test.skip(
    quota !== usage + 200_000,
    `Storage.overrideQuotaForOrigin was accepted but not applied (quota still ${quota})`,
  );

  await app.nav('Import');
  const lines = ['订单号,客户名称,订单日期,金额'];
  for (let i = 0; i < 60_000; i++) {
    lines.push(
      `Q-${i},配额客户${i % 3000}号有限公司,2025-0${(i % 9) + 1}-1${i % 9},${(i % 997) + 0.5}`,
    );
  }
  await page.getByTestId('import-file').setInputFiles({
    name: 'quota.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await page.getByTestId('import-check').click();
  await page.getByTestId('import-run').click({ timeout: 60_000 });
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toContainText('Saving quota.csv failed and nothing was kept');
  await page.screenshot({ path: `${SHOTS}/import-quota-exceeded.png` });

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
  expect(await countRows(page, 'orders')).toBe(ordersBefore);
  expect(await countRows(page, 'imports')).toBe(importsBefore);
});
