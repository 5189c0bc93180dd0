// Issue 8, delivery: `npm run build:single` makes one keyplan.html that a consultant can e-mail.
// Opened straight from disk (file://, no server): a workspace, a CSV import through the file
// chooser, the accounts grid, the data still there after a reload — with the single file's strict
// CSP unbroken and no request for anything but the file itself and the page's own blob:/data: URLs.
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KeyplanApp, watchPage as watch } from './app';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const SINGLE =
  process.env.E2E_SINGLE ??
  fileURLToPath(new URL('../../dist-single/keyplan.html', import.meta.url));
const SHOTS = 'test-results/screenshots/';

test('keyplan.html opened from disk imports a CSV, keeps it after a reload, and asks nothing of the network', async ({
  page,
}) => {
  expect(existsSync(SINGLE), `${SINGLE} is missing: run npm run build:single`).toBe(true);
  const html = readFileSync(SINGLE, 'utf8');
  // One file: no script, stylesheet or worker file to fetch, no service worker, no manifest.
  expect(html).not.toMatch(/<script[^>]+src=/);
  expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|manifest|modulepreload)"/);
  expect(html).not.toContain('serviceWorker.register');

  const app = new KeyplanApp(page);
  const session = await watch(page);
  const url = pathToFileURL(SINGLE).href;
  await page.goto(url);
  expect(page.url()).toMatch(/^file:\/\//);

  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(csp).toContain('worker-src blob:');
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toContain('unsafe-eval');

  await app.startEmpty();
  await page.screenshot({ path: `${SHOTS}single-file-import.png` });

  // As a user would: the file chooser, then check and import.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose CSV file' }).click(),
  ]);
  await chooser.setFiles(fixture('orders_small.csv'));
  await expect(page.getByTestId('preview-table')).toBeVisible();
  await expect(page.getByTestId('decoded-text')).toContainText('深圳市海川电子科技有限公司');
  await page.screenshot({ path: `${SHOTS}single-file-preview.png`, fullPage: true });
  await app.checkAndImport();
  await expect(page.getByTestId('sum-accounts')).toHaveText('8');
  await expect(page.getByTestId('sum-imported')).toHaveText('50');

  await app.nav('Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText('8 accounts');
  await expect(
    page.locator('.ag-row [col-id="name"]').filter({ hasText: '上海华东精密机械有限公司' }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}single-file-accounts.png` });

  // The analysis worker runs too (inlined, from a blob: URL).
  await app.nav('Analysis');
  await expect(page.getByTestId('pareto-headline')).toContainText(/Top \d+ accounts/, {
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SHOTS}single-file-analysis.png` });

  // The data lives in this browser's storage for the file: a reload finds it.
  await page.reload();
  await app.nav('Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText('8 accounts');
  await expect(
    page.locator('.ag-row [col-id="name"]').filter({ hasText: 'Blue Harbor Logistics' }),
  ).toBeVisible();

  expect(await session.violations()).toEqual([]);
  expect(session.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  expect(
    app.requests.filter(
      (r) => !r.startsWith('file:') && !r.startsWith('blob:') && !r.startsWith('data:'),
    ),
  ).toEqual([]);
  // The only file asked for is keyplan.html itself (once per load).
  expect(new Set(app.requests.filter((r) => r.startsWith('file:')))).toEqual(new Set([url]));
});
