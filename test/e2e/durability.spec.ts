// Issue 8: durability — persistent storage with usage and quota, a newer tab upgrading the
// database, two tabs on one workspace, and an import and a grid edit that run out of quota.
//
// The quota is real: Storage.overrideQuotaForOrigin (Chrome DevTools Protocol) lowers this
// origin's quota, and IndexedDB then aborts a commit that does not fit with QuotaExceededError,
// exactly as on a full disk. navigator.storage.estimate() does not show the override (this
// Chromium reports usage + 10 GiB there, whatever the real quota), so the tests read usage and
// quota through Storage.getUsageAndQuota instead.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
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

/**
 * Every object store of the database: its row count and a SHA-256 of its keys and rows, read with
 * the raw IndexedDB API (no version: no upgrade). Equal fingerprints = the same data.
 */
async function dbFingerprint(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('keyplan');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const read = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const out: Record<string, string> = {};
    for (const name of [...idb.objectStoreNames].sort()) {
      const store = idb.transaction(name).objectStore(name);
      const keys = await read(store.getAllKeys());
      const rows = await read(store.getAll());
      const bytes = new TextEncoder().encode(JSON.stringify([keys, rows]));
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      out[name] = `${rows.length} rows, sha256 ${hex}`;
    }
    idb.close();
    return out;
  });
}

/**
 * A small quota for this origin, set through the Chrome DevTools Protocol. It is real: IndexedDB
 * then aborts a commit that does not fit with QuotaExceededError, as on a full disk.
 *
 * Chromium's IndexedDB keeps the headroom it last got from the quota manager and, for a while
 * (a lowered quota took effect after ~35 s here), asks again only when a commit does not fit in
 * it, so a quota lowered later is not seen at once (this is why Storage.overrideQuotaForOrigin
 * seemed to be ignored, with 10 GB of headroom cached). Hence: the quota is capped
 * at CAP before the app writes anything; to lower it, it is first set to what is stored now and a
 * commit bigger than CAP goes to a scratch database — it cannot fit, IndexedDB asks again, and
 * from then on every commit is checked against the lowered quota. navigator.storage.estimate()
 * does not show the override either (this Chromium reports usage + 10 GiB there), so usage and
 * quota are read through Storage.getUsageAndQuota.
 */
class SmallQuota {
  static readonly CAP = 40_000_000;

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  /** Call before the app opens. */
  static async cap(page: Page): Promise<SmallQuota> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: SmallQuota.CAP });
    return new SmallQuota(page, cdp);
  }

  async usageAndQuota(): Promise<{ usage: number; quota: number }> {
    const { usage, quota } = await this.cdp.send('Storage.getUsageAndQuota', { origin: ORIGIN });
    return { usage, quota };
  }

  private async setQuota(quotaSize: number): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize });
    expect((await this.usageAndQuota()).quota).toBe(quotaSize);
  }

  /** Leaves `room` bytes of quota above what is stored now, in force from the next commit on. */
  async leave(room: number): Promise<void> {
    await this.setQuota((await this.usageAndQuota()).usage);
    const flushed = await this.page.evaluate(async (bytes) => {
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('quota-flush');
        open.onupgradeneeded = () => open.result.createObjectStore('s', { autoIncrement: true });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      const tx = idb.transaction('s', 'readwrite');
      // Random bytes: IndexedDB compresses values, and these must take their full size.
      for (let n = 0; n < bytes; n += 65_536)
        tx.objectStore('s').put(crypto.getRandomValues(new Uint8Array(65_536)));
      const outcome = await new Promise<string>((resolve) => {
        tx.oncomplete = () => resolve('stored');
        tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
      });
      idb.close();
      return outcome;
    }, SmallQuota.CAP + 8_000_000);
    expect(flushed).toBe('QuotaExceededError');
    // The refused commit may still have grown the files: room is counted from here.
    await this.setQuota((await this.usageAndQuota()).usage + room);
  }

  /** The browser's own quota again. */
  async lift(): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
  }
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
  await expect(a.page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(banner).toBeVisible();
  await a.page.screenshot({ path: `${SHOTS}/db-upgraded-banner.png` });
});

test('an import that runs out of quota half-way says so and leaves the data exactly as it was', async ({
  page,
}) => {
  const quota = await SmallQuota.cap(page);
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();

  await app.nav('Import');
  // ~17 MB: four full 4 MB batches of ~74,000 rows and a short fifth one. IndexedDB counts
  // 15–25 MB against the quota for a batch, more or less from run to run (a whole 8.5 MB file once
  // fitted in 35 MB), so the file is big enough that 35 MB of room always runs out after the first
  // batch is stored: the rollback must remove rows that were really committed.
  const lines = ['订单号,客户名称,订单日期,金额'];
  for (let i = 0; i < 300_000; i++) {
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
  await expect(page.getByTestId('check-summary')).toBeVisible({ timeout: 60_000 });

  const before = await dbFingerprint(page);
  await quota.leave(35_000_000);
  await page.getByTestId('import-run').click();
  // The first batch went in (progress moved) before the quota ran out.
  const bar = page.getByTestId('import-progress').locator('progress');
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000, intervals: [50] })
    .toBeGreaterThan(0);
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toContainText(
    'quota.csv was not imported: storage for Keyplan in this browser is full. None of it was kept — your data is as it was before.',
  );
  await expect(error).toContainText('Free up disk space');
  await error.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/import-quota-exceeded.png` });

  // Not one row of the import left, and no import row stuck as 'running'.
  expect(await dbFingerprint(page)).toEqual(before);
  // The wizard went back a step: once there is room, the import can be run again.
  await quota.lift();
  await expect(page.getByTestId('import-run')).toBeEnabled();
});

test('a grid edit that does not fit in the quota says so, shows the old value and keeps the undo history', async ({
  page,
}) => {
  const quota = await SmallQuota.cap(page);
  const app = await openAccounts(page, true);
  const owner = cell(app, 0, 'owner');
  const region = cell(app, 0, 'region');
  const ownerBefore = await owner.innerText();
  const regionBefore = await region.innerText();
  const edit = async (target: typeof owner, text: string) => {
    await target.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  // One edit that fits, so there is history to keep.
  await edit(owner, 'Li Na (kept)');
  await expect(owner).toHaveText('Li Na (kept)');
  const undo = page.getByTestId('undo');
  await expect(undo).toHaveAttribute('title', /KA manager of /);
  const undoTitle = await undo.getAttribute('title');

  const before = await dbFingerprint(page);
  await quota.leave(0);
  await edit(region, 'Region that does not fit');
  const error = page.getByTestId('grid-error');
  await expect(error).toContainText(
    'Could not save the change: Storage for Keyplan in this browser is full, so this change was not saved — your data is as it was.',
  );
  await expect(region).toHaveText(regionBefore);
  expect(await dbFingerprint(page)).toEqual(before);
  await page.screenshot({ path: `${SHOTS}/grid-quota-exceeded.png` });
  // The failed edit is not in the history: Undo still takes back the edit before it.
  await expect(undo).toHaveAttribute('title', undoTitle!);
  await expect(undo).toBeEnabled();

  await quota.lift();
  await undo.click();
  await expect(owner).toHaveText(ownerBefore);
  await expect(region).toHaveText(regionBefore);
});

test('a profile edit that does not fit in the quota says so, saves nothing and can be saved later', async ({
  page,
}) => {
  const quota = await SmallQuota.cap(page);
  const app = await openAccounts(page, true);
  const id = await app.gridRow(0).getAttribute('row-id');
  await page.evaluate((hash) => (location.hash = hash), `#/accounts/${id}`);
  const card = page.getByTestId('company-profile');
  const products = page.getByTestId('profile-products');
  await expect(products).toBeVisible();
  // One save that fits first, so a stale "Saved" would show next to the failure.
  await products.fill('Valves');
  await products.press('Tab');
  await expect(page.getByTestId('profile-save-state')).toHaveText('Saved');

  const before = await dbFingerprint(page);
  await quota.leave(0);
  await products.fill('Valves, pumps and a long list that does not fit');
  await products.press('Tab');
  await expect(card.getByRole('alert')).toContainText(
    'Could not save: Storage for Keyplan in this browser is full, so this change was not saved',
  );
  await expect(page.getByTestId('profile-save-state')).not.toHaveText('Saved');
  expect(await dbFingerprint(page)).toEqual(before);

  // The typed text is kept; once there is room, saving again stores it.
  await quota.lift();
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-save-state')).toHaveText('Saved');
  await expect(card.getByRole('alert')).toBeHidden();
  expect(await dbFingerprint(page)).not.toEqual(before);
});
