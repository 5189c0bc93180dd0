// Workspaces (issue 8): one per client — create with its own currency, format and fiscal year,
// switch, rename, duplicate, delete with confirmation; another tab follows.
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';
const ORDERS = fileURLToPath(new URL('../fixtures/orders_small.csv', import.meta.url));
const DEMO = 'Demo — East China Industrial Supply';

/** Name → [accounts, orders, plans] as the workspaces table shows them. */
async function table(page: Page): Promise<Record<string, number[]>> {
  const rows = page.getByTestId('workspace-row');
  await expect(rows.first()).toBeVisible();
  const result: Record<string, number[]> = {};
  for (const row of await rows.all()) {
    const name = (await row.getByTestId('workspace-row-name').textContent())?.trim() ?? '';
    const nums = await row.locator('td.num').allTextContents();
    result[name] = nums.map((n) => Number(n.replace(/\D/g, '')));
  }
  return result;
}

async function openWorkspaces(page: Page) {
  await page.getByTestId('workspace-name').click();
  await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();
}

function row(page: Page, name: string) {
  return page
    .getByTestId('workspace-row')
    .filter({ has: page.getByTestId('workspace-row-name').getByText(name, { exact: true }) });
}

test('a consultant keeps one workspace per client: create, switch, rename, duplicate, delete', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await openWorkspaces(page);
  const demoCounts = (await table(page))[DEMO]!;
  expect(demoCounts[0]).toBeGreaterThan(100);
  expect(demoCounts[1]).toBeGreaterThan(1000);

  // A new client in euros, German number format, fiscal year from April; no data yet.
  await page.getByTestId('new-workspace-name').fill('Client B');
  await page.getByTestId('new-workspace-currency').selectOption('EUR');
  await page.getByTestId('new-workspace-locale').selectOption('de-DE');
  await page.getByTestId('new-workspace-fiscal').selectOption('4');
  await page.getByTestId('new-workspace-create').click();
  await expect(page.getByRole('heading', { name: 'Import data' })).toBeVisible();
  await expect(page.getByTestId('workspace-name')).toHaveText('Client B');
  await page.getByTestId('import-file').setInputFiles(ORDERS);
  await app.checkAndImport();
  await app.nav('Accounts');
  await expect(page.getByTestId('accounts-count')).toContainText('8');
  // Money in the workspace's own currency and format: 1.234,50 €, not ¥1,234.50.
  const revenue = await page.locator('.ag-row [col-id="revenueMinor"]').allTextContents();
  expect(revenue.length).toBe(8);
  for (const cell of revenue) expect(cell).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\s€$/);
  await app.nav('Settings');
  await expect(page.getByTestId('settings-currency')).toHaveValue('EUR');
  await expect(page.getByTestId('settings-fiscal')).toHaveValue('4');

  // Switch back to the demo; the choice survives a reload.
  await openWorkspaces(page);
  expect(await table(page)).toEqual({ [DEMO]: demoCounts, 'Client B': [8, 50, 0] });
  await row(page, DEMO).getByTestId('workspace-open').click();
  await expect(page.getByTestId('workspace-name')).toHaveText(DEMO);
  await expect(page.getByTestId('accounts-count')).toContainText(String(demoCounts[0]));
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText(DEMO);

  // Rename: a name another workspace has is refused; Escape gives up; Enter saves.
  await openWorkspaces(page);
  await row(page, 'Client B').getByTestId('workspace-rename').click();
  const input = page.getByTestId('rename-input');
  await expect(input).toBeFocused();
  await input.fill(DEMO.toUpperCase());
  await input.press('Enter');
  await expect(page.getByRole('alert')).toContainText('There is already a workspace called');
  await input.fill('Client Beta');
  await input.press('Enter');
  await expect(page.getByRole('status')).toContainText('Renamed to “Client Beta”.');
  expect(Object.keys(await table(page))).toEqual([DEMO, 'Client Beta']);

  // Duplicate the demo: a full copy under a new name, the original untouched.
  await row(page, DEMO).getByTestId('workspace-duplicate').click();
  const copy = `${DEMO} (copy)`;
  await expect(page.getByRole('status')).toContainText(`as “${copy}”`);
  await expect(row(page, copy)).toBeVisible();
  expect((await table(page))[copy]).toEqual(demoCounts);
  await row(page, copy).getByTestId('workspace-open').click();
  await expect(page.getByTestId('accounts-count')).toContainText(String(demoCounts[0]));
  await page.screenshot({ path: `${SHOTS}/workspaces-copy-open.png` });

  // Delete asks first and says what goes; Cancel keeps it.
  await openWorkspaces(page);
  await row(page, copy).getByTestId('workspace-delete').click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`Delete “${copy}”?`);
  await expect(confirm).toContainText(`accounts: ${demoCounts[0]!.toLocaleString('en')}`);
  await expect(page.getByTestId('delete-workspace-cancel')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/workspaces-delete-confirm.png`, fullPage: true });
  await page.getByTestId('delete-workspace-cancel').click();
  await expect(confirm).toBeHidden();
  expect(Object.keys(await table(page))).toHaveLength(3);

  // Deleting the open workspace opens another one; the others keep all their data.
  await row(page, copy).getByTestId('workspace-delete').click();
  await page.getByTestId('delete-workspace-confirm').click();
  await expect(page.getByRole('status')).toContainText(`Deleted “${copy}”.`);
  expect(await table(page)).toEqual({ [DEMO]: demoCounts, 'Client Beta': [8, 50, 0] });
  await expect(page.getByTestId('workspace-name')).toHaveText(DEMO);

  // Deleting every workspace ends on the welcome screen.
  await row(page, 'Client Beta').getByTestId('workspace-delete').click();
  await page.getByTestId('delete-workspace-confirm').click();
  await expect(page.getByRole('status')).toContainText('Deleted “Client Beta”.');
  await row(page, DEMO).getByTestId('workspace-delete').click();
  await page.getByTestId('delete-workspace-confirm').click();
  await expect(page.getByRole('button', { name: /Load demo workspace/ })).toBeVisible();
});

test('another tab follows a rename and closes a workspace deleted elsewhere', async ({
  context,
}) => {
  const first = await context.newPage();
  const app = new KeyplanApp(first);
  await app.open();
  await app.startEmpty();
  await first.getByTestId('workspace-name').click();
  await first.getByTestId('new-workspace-name').fill('Other client');
  await first.getByTestId('new-workspace-create').click();
  await expect(first.getByTestId('workspace-name')).toHaveText('Other client');

  // The second tab opens what was current last: "Other client".
  const second = await context.newPage();
  await second.goto('/#/accounts');
  await expect(second.getByTestId('workspace-name')).toHaveText('Other client');

  await openWorkspaces(first);
  await row(first, 'Other client').getByTestId('workspace-rename').click();
  await first.getByTestId('rename-input').fill('Renamed client');
  await first.getByTestId('rename-input').press('Enter');
  await expect(second.getByTestId('workspace-name')).toHaveText('Renamed client');

  await row(first, 'Renamed client').getByTestId('workspace-delete').click();
  await first.getByTestId('delete-workspace-confirm').click();
  await expect(second.getByTestId('workspace-name')).toHaveText('My workspace');
});
