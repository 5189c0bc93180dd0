// Issue 8, security: the built app's Content-Security-Policy holds for a whole session, nothing
// leaves the app's origin, text from a CSV never renders as HTML, and CSV exports neutralise
// spreadsheet formulas.
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { KeyplanApp, watchPage as watch } from './app';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const ORDERS = fixture('orders_small.csv');
const XSS = fixture('xss_orders.csv');

/** Customer names in xss_orders.csv that a browser would run if they were ever taken as HTML. */
const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(2)</script>',
  svg: '"><svg onload=alert(3)>',
  formula: '=HYPERLINK("http://x")',
} as const;

/** The origin the suite's server runs on (the config's baseURL). */
function origin(): string {
  return new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173/').origin;
}

/** Nothing from the data became markup: no injected elements, no inline handlers. */
async function expectNoInjectedMarkup(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    script: [...document.querySelectorAll('script')].filter((s) =>
      (s.textContent ?? '').includes('alert('),
    ).length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
  }));
  expect(found).toEqual({ img: 0, svg: 0, script: 0, handlers: 0, bold: 0 });
}

/** The grid row of the account with this exact name (AG Grid may split a row across containers). */
async function rowIdOf(page: Page, name: string): Promise<string> {
  const cell = page.locator('.ag-row [col-id="name"]').filter({ hasText: name }).first();
  await expect(cell).toBeVisible({ timeout: 30_000 });
  expect((await cell.textContent())?.trim()).toBe(name);
  const id = await cell.evaluate((node) => node.closest('.ag-row')?.getAttribute('row-id') ?? '');
  expect(id).toMatch(/^\d+$/);
  return id;
}

test('the built app carries a strict CSP, and a full session breaks none of it nor leaves the origin', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  const session = await watch(page);
  await app.open('?demo=1');
  await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: 30_000 });

  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

  await app.nav('Accounts');
  await expect(app.gridRow(0)).toBeVisible({ timeout: 30_000 });
  const id = await app.gridRow(0).first().getAttribute('row-id');

  await app.nav('Analysis');
  await expect
    .poll(async () => (await app.canvasStats('pareto-chart')).painted, { timeout: 30_000 })
    .toBeGreaterThan(1_000);

  await app.nav('Plans');
  await expect(page.getByTestId('create-plan')).toBeVisible();
  await page.evaluate(() => (location.hash = '#/plans/1'));
  await expect(page.getByTestId('plan-heading')).toBeVisible();
  const plan = await app.download(() => page.getByTestId('export-plan').click());
  expect(plan.name).toMatch(/\.csv$/);

  await app.nav('Settings');
  await expect(page.getByTestId('settings-name')).toBeVisible();

  await page.evaluate((hash) => (location.hash = hash), `#/accounts/${id}`);
  await expect(page.getByTestId('profile-heading')).toBeVisible();

  await app.nav('Import');
  await app.importFile(ORDERS);
  const rejects = await app.download(() =>
    page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click(),
  );
  expect(rejects.name).toMatch(/-rejected\.csv$/);

  await app.nav('Accounts');
  await expect(app.gridRow(0)).toBeVisible();
  const file = await app.download(() => page.getByTestId('export-view').click());
  expect(file.name).toMatch(/\.csv$/);

  expect(await session.violations()).toEqual([]);
  expect(session.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  expect(app.foreignRequests(origin())).toEqual([]);
});

test('text from a CSV never renders as HTML', async ({ page }) => {
  const app = new KeyplanApp(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.open();
  await app.startEmpty();
  await app.importFile(XSS);
  await expect(page.getByTestId('sum-accounts')).toHaveText('5');
  await expectNoInjectedMarkup(page);

  await app.nav('Accounts');
  const ids: Record<string, string> = {};
  for (const [kind, name] of Object.entries(HOSTILE)) ids[kind] = await rowIdOf(page, name);
  await expectNoInjectedMarkup(page);

  await app.nav('Analysis');
  await expect(page.getByTestId('pareto-chart')).toBeVisible();
  await expectNoInjectedMarkup(page);

  await page.evaluate((hash) => (location.hash = hash), `#/accounts/${ids.img}`);
  await expect(page.getByTestId('profile-heading')).toHaveText(HOSTILE.img);
  await expectNoInjectedMarkup(page);

  await app.nav('Plans');
  await page.getByTestId('plan-account').selectOption(ids.svg!);
  await page.getByTestId('plan-year').fill('2025');
  await page.getByTestId('create-plan').click();
  await expect(page.getByTestId('plan-heading')).toContainText(HOSTILE.svg);
  await expectNoInjectedMarkup(page);
  await app.nav('Plans');
  await expect(page.getByTestId('create-plan')).toBeVisible();
  await expectNoInjectedMarkup(page);

  expect(dialogs).toEqual([]);
  expect(app.foreignRequests(origin())).toEqual([]);
});

test('the accounts export neutralises formulas and keeps other text as it is', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.startEmpty();
  await app.importFile(XSS);
  await app.nav('Accounts');
  await expect(app.gridRows().first()).toBeVisible();

  const file = await app.download(() => page.getByTestId('export-view').click());
  const rows = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  const names = rows.slice(1).map((r) => r[0]);
  expect(names).toContain(`'${HOSTILE.formula}`);
  expect(names).not.toContain(HOSTILE.formula);
  // Markup is not a formula: it is written as it is (a spreadsheet shows it as text).
  expect(names).toEqual(expect.arrayContaining([HOSTILE.img, HOSTILE.script, HOSTILE.svg]));
});
