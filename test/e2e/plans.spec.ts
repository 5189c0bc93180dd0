// Issue 7: a key-account plan from the template, filled, approved, changed (the change marked),
// exported in the long format and imported into an empty workspace as the same plan; print view.
import { expect, test, type Page } from '@playwright/test';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';
const NASTY = '=SUM(1,2) "引号", 逗号\t+@';

/** The plan CSV without the stored action ids (a new database gives new ones). */
const comparable = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => !/^actions,\d+,id,/.test(line))
    .join('\n');

async function saved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

test('a plan from the template: objectives, actions, approve, change marked, export, import', async ({
  page,
  browser,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Plans');

  // A key account without a plan this year: create it from the default template.
  const missing = page.getByTestId('missing-plan').first();
  await missing.getByTestId('missing-plan-create').click();
  await expect(page).toHaveURL(/#\/plans\/\d+$/);
  await expect(page.getByTestId('plan-status')).toHaveText('Draft');

  // Two objectives (the template brings two empty rows).
  await page.getByTestId('obj-title-0').fill('Share of wallet 40%');
  await page.getByTestId('obj-metric-0').fill('Share of wallet');
  await page.getByTestId('obj-target-0').fill('40%');
  await page.getByTestId('obj-title-1').fill(NASTY);
  await page.getByTestId('obj-target-1').fill('3 new product lines');

  // Three actions: a management measure, an anti-churn measure and a custom one.
  for (const template of ['executive_visits', 'service_recovery', 'custom']) {
    await page.getByTestId('action-template').selectOption(template);
    await page.getByTestId('add-action').click();
  }
  await expect(page.getByTestId('actions-table').locator('tbody tr')).toHaveCount(3);
  await page.getByTestId('action-title-2').fill(`Line one, ${NASTY}`);
  await page.getByTestId('target-revenue').fill('1000000');
  await saved(page);

  await page.getByTestId('status-submit').click();
  await expect(page.getByTestId('plan-status')).toHaveText('In review');
  await page.getByTestId('status-comment').fill('Looks right — go');
  await page.getByTestId('status-approve').click();
  await expect(page.getByTestId('plan-status')).toHaveText('Approved');
  await expect(page.getByTestId('status-history')).toContainText('Looks right — go');

  // A target changed after approval is marked, with before and after.
  await page.getByTestId('target-revenue').fill('1200000');
  await saved(page);
  await expect(page.getByTestId('changes-since-approval')).toContainText('Changed since approval');
  await expect(page.getByTestId('changes-list')).toContainText(
    'revenue target: CN¥1,000,000.00 → CN¥1,200,000.00',
  );
  await expect(page.getByTestId('changed-badge').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/plan-approved-changed.png`, fullPage: true });

  // The print view: chrome hidden, values as text.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.topbar')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/plan-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Its structure kept as a template, offered when the next plan is created.
  await page.getByTestId('save-template').click();
  await page.getByTestId('template-name').fill('Our KA template');
  await page.getByTestId('template-save-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: 'Our KA template' })).toBeVisible();

  const exported = await app.download(() => page.getByTestId('export-plan').click());
  expect(exported.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(exported.text).toContain('keyplan-plan,1');

  // An empty workspace in a fresh browser profile: the import gives the same plan.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const other = new KeyplanApp(fresh);
  await other.open();
  await other.startEmpty();
  await other.nav('Plans');
  await fresh.getByTestId('import-plan-file').setInputFiles({
    name: exported.name,
    mimeType: 'text/csv',
    buffer: exported.bytes,
  });
  await expect(fresh).toHaveURL(/#\/plans\/\d+$/);
  await expect(fresh.getByTestId('plan-status')).toHaveText('Approved');
  await expect(fresh.getByTestId('obj-title-1')).toHaveValue(NASTY);
  const again = await other.download(() => fresh.getByTestId('export-plan').click());
  expect(comparable(again.text)).toEqual(comparable(exported.text));
  await context.close();

  await app.nav('Plans');
  await page.getByTestId('plan-source-template').check();
  await expect(page.getByTestId('plan-template')).toContainText('Our KA template');
});
