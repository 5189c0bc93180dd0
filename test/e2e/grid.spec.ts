// Issue 6: the accounts grid used like a spreadsheet — paste a block from Excel, undo and redo,
// custom fields that persist and export, bulk edit, merge, delete and add, saved views.
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';

const cell = (app: KeyplanApp, row: number, colId: string) =>
  app.gridRow(row).locator(`[col-id="${colId}"]`);

/** Puts text on the system clipboard and presses Ctrl+V in the focused grid cell. */
async function pasteFromClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

async function openGrid(page: Page): Promise<KeyplanApp> {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Accounts');
  // Wait for the analysis: the grid is sorted by revenue once it is there.
  await expect(cell(app, 0, 'segment')).not.toBeEmpty();
  return app;
}

const texts = async (app: KeyplanApp, rows: number[], cols: string[]) =>
  Promise.all(rows.map((r) => Promise.all(cols.map((c) => cell(app, r, c).innerText()))));

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('paste a 3×4 block from Excel, undo it, redo it; a bad block changes nothing', async ({
  page,
}) => {
  const app = await openGrid(page);
  const cols = ['owner', 'industry', 'region', 'notes'];
  const before = await texts(app, [1, 2, 3], cols);

  await cell(app, 1, 'owner').click();
  await pasteFromClipboard(
    page,
    'Li Na\tRetail\tEast\t"Visit in May, ""urgent"""\r\n' +
      '王芳\t零售\t华东\t\r\n' +
      'Tom\tHotels\tWest\tline 1\r\n',
  );
  const pasted = [
    ['Li Na', 'Retail', 'East', 'Visit in May, "urgent"'],
    ['王芳', '零售', '华东', ''],
    ['Tom', 'Hotels', 'West', 'line 1'],
  ];
  await expect.poll(() => texts(app, [1, 2, 3], cols)).toEqual(pasted);
  await page.screenshot({ path: `${SHOTS}/grid-pasted.png` });

  await page.getByTestId('undo').click();
  await expect.poll(() => texts(app, [1, 2, 3], cols)).toEqual(before);
  // Redo from the keyboard, with the focus back in the grid.
  await cell(app, 5, 'owner').click();
  await page.keyboard.press('Control+Y');
  await expect.poll(() => texts(app, [1, 2, 3], cols)).toEqual(pasted);

  // The history survives a trip to another screen.
  await app.nav('Analysis');
  await app.nav('Accounts');
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('undo').click();
  await expect.poll(() => texts(app, [1, 2, 3], cols)).toEqual(before);

  // A block that would put text into computed columns is refused whole, with each bad cell named.
  await cell(app, 1, 'revenueMinor').click();
  await pasteFromClipboard(page, '100\t2026-01-01\r\n200\tsoon\r\n');
  await expect(page.getByTestId('paste-problems')).toContainText('Row 2, column “Revenue”');
  await expect(page.getByTestId('grid-error')).toContainText('Nothing was pasted');
  await expect.poll(() => texts(app, [1, 2, 3], cols)).toEqual(before);
});

test('a custom field: add it, type into it, it survives a reload and is exported', async ({
  page,
}) => {
  const app = await openGrid(page);
  await page.getByTestId('manage-fields').click();
  await page.getByTestId('custom-field-new-name').fill('Credit limit');
  await page.getByTestId('custom-field-new-type').selectOption('number');
  await page.getByTestId('custom-field-add').click();
  await expect(page.getByTestId('custom-field-row')).toHaveCount(1);
  const colId = await page
    .locator('.ag-header-cell', { hasText: 'Credit limit' })
    .getAttribute('col-id');
  expect(colId).toMatch(/^custom\.cf_/);

  // Typed into the grid like a spreadsheet cell; shown with the locale's digit grouping.
  const credit = cell(app, 0, colId!);
  await credit.dblclick();
  await page.keyboard.type('5000');
  await page.keyboard.press('Enter');
  await expect(credit).toHaveText('5,000');
  const name = await cell(app, 0, 'name').innerText();
  await page.screenshot({ path: `${SHOTS}/grid-custom-field.png` });

  await page.reload();
  await expect(cell(app, 0, 'segment')).not.toBeEmpty();
  await expect(cell(app, 0, colId!)).toHaveText('5,000');

  const file = await app.download(() => page.getByTestId('export-view').click());
  const rows = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  const header = rows[0]!;
  expect(header).toContain('Credit limit');
  const row = rows.find((r) => r[0] === name)!;
  expect(row[header.indexOf('Credit limit')]).toBe('5000');
});

test('bulk-set the tier of 10 ticked accounts, undo it', async ({ page }) => {
  const app = await openGrid(page);
  const rows = [...Array(10).keys()];
  for (const i of rows) {
    await app.gridRow(i).locator('.ag-selection-checkbox input').first().click();
  }
  await expect(page.getByTestId('selection-note')).toContainText('10 accounts selected');
  await page.getByTestId('bulk-tier').selectOption({ label: 'Strategic' });
  await page.getByTestId('bulk-tier-apply').click();
  await expect
    .poll(async () => (await texts(app, rows, ['tier'])).flat())
    .toEqual(rows.map(() => 'Strategic'));
  await expect(cell(app, 10, 'tier')).not.toHaveText('Strategic');
  await page.screenshot({ path: `${SHOTS}/grid-bulk-tier.png` });
  await page.keyboard.press('Escape');
  await page.getByTestId('undo').click();
  await expect
    .poll(async () => (await texts(app, rows, ['tier'])).flat())
    .toEqual(rows.map(() => ''));
});

test('merge two accounts: the kept one has both order totals; undo splits them again', async ({
  page,
}) => {
  const app = await openGrid(page);
  const orders = async (row: number) =>
    Number((await cell(app, row, 'orders').innerText()).replace(/,/g, ''));
  const [first, second] = [await orders(0), await orders(1)];
  const [nameA, nameB] = [
    await cell(app, 0, 'name').innerText(),
    await cell(app, 1, 'name').innerText(),
  ];
  await app.gridRow(0).locator('.ag-selection-checkbox input').first().click();
  await app.gridRow(1).locator('.ag-selection-checkbox input').first().click();
  await page.getByTestId('merge-keep').selectOption({ label: nameA });
  await page.getByTestId('merge').click();
  await expect(page.getByTestId('grid-notice')).toContainText(`${nameB} was merged into ${nameA}`);
  await expect(page.getByTestId('accounts-count')).toHaveText('299 accounts');
  await expect(cell(app, 0, 'name')).toHaveText(nameA);
  await expect.poll(() => orders(0)).toBe(first + second);

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('accounts-count')).toHaveText('300 accounts');
  await expect.poll(() => orders(0)).toBe(first);
  await expect(cell(app, 1, 'name')).toHaveText(nameB);
});

test('add an account, delete it after confirming, undo brings it back', async ({ page }) => {
  const app = await openGrid(page);
  await page.getByTestId('add-account').click();
  await page.getByTestId('add-name').fill('Zeta Test Trading Co.');
  await page.getByTestId('add-confirm').click();
  await expect(page.getByTestId('accounts-count')).toHaveText('301 accounts');
  await page.getByTestId('accounts-search').fill('Zeta Test');
  await expect(app.gridRows()).toHaveCount(1);
  await app.gridRow(0).locator('.ag-selection-checkbox input').first().click();
  await page.getByTestId('delete').click();
  await expect(page.getByRole('alert')).toContainText('Delete 1 accounts');
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('accounts-count')).toHaveText('300 accounts');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('accounts-count')).toHaveText('301 accounts');
});

test('a saved view keeps hidden and pinned columns and the filter, after a reload', async ({
  page,
}) => {
  const app = await openGrid(page);
  await page.getByTestId('columns-button').click();
  const growth = page.getByTestId('column-choice').filter({ hasText: 'Growth' });
  await growth.getByRole('checkbox').uncheck();
  await page
    .getByTestId('column-choice')
    .filter({ hasText: 'KA manager' })
    .getByRole('combobox')
    .selectOption('right');
  await page.getByTestId('columns-button').click();
  await expect(page.locator('.ag-header-cell[col-id="growth"]')).toHaveCount(0);
  await expect(page.locator('[class*="pinned-right"] .ag-header-cell[col-id="owner"]')).toHaveCount(
    1,
  );
  await page.getByTestId('accounts-search').fill('East');
  const shown = await app.gridRows().count();
  await page.getByTestId('view-save').click();
  await page.getByTestId('view-name').fill('Region East');
  await page.getByTestId('view-save-confirm').click();
  await page.getByTestId('view-select').selectOption({ label: 'All columns (default view)' });
  await expect(page.getByTestId('accounts-search')).toHaveValue('');
  await expect(page.locator('.ag-header-cell[col-id="growth"]')).toHaveCount(1);
  await page.reload();
  await expect(cell(app, 0, 'segment')).not.toBeEmpty();
  await page.getByTestId('view-select').selectOption({ label: 'Region East' });
  await expect(page.getByTestId('accounts-search')).toHaveValue('East');
  await expect.poll(() => app.gridRows().count()).toBe(shown);
  await expect(page.locator('.ag-header-cell[col-id="growth"]')).toHaveCount(0);
  await expect(page.locator('[class*="pinned-right"] .ag-header-cell[col-id="owner"]')).toHaveCount(
    1,
  );
  await page.screenshot({ path: `${SHOTS}/grid-saved-view.png` });
});

test('keyboard: Delete clears a cell, Ctrl+D fills down, Ctrl+Z takes both back', async ({
  page,
}) => {
  const app = await openGrid(page);
  const [region0, region1] = [
    await cell(app, 0, 'region').innerText(),
    await cell(app, 1, 'region').innerText(),
  ];
  await cell(app, 0, 'region').click();
  await page.keyboard.press('Delete');
  await expect(cell(app, 0, 'region')).toHaveText('');
  await cell(app, 2, 'owner').click();
  const owner1 = await cell(app, 1, 'owner').innerText();
  await page.keyboard.press('Control+D');
  await expect(cell(app, 2, 'owner')).toHaveText(owner1);
  // A computed cell cannot be cleared.
  await cell(app, 1, 'orders').click();
  const orders = await cell(app, 1, 'orders').innerText();
  await page.keyboard.press('Delete');
  await expect(cell(app, 1, 'orders')).toHaveText(orders);
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await expect(cell(app, 0, 'region')).toHaveText(region0);
  await expect(cell(app, 1, 'region')).toHaveText(region1);
  await expect(cell(app, 2, 'owner')).not.toHaveText(owner1);
});

test('what the user did to the columns survives an edit and new analysis figures', async ({
  page,
}) => {
  const app = await openGrid(page);
  await page.getByTestId('columns-button').click();
  await page
    .getByTestId('column-choice')
    .filter({ hasText: 'KA manager' })
    .getByRole('combobox')
    .selectOption('right');
  await page.getByTestId('columns-button').click();
  // Sort by name instead of revenue.
  await page.locator('.ag-header-cell[col-id="name"] .ag-header-cell-label').click();
  await expect(page.locator('.ag-header-cell[col-id="name"]')).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const first = await cell(app, 0, 'name').innerText();
  await cell(app, 0, 'region').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Far East');
  await page.keyboard.press('Enter');
  await expect(cell(app, 0, 'region')).toHaveText('Far East');
  await expect(cell(app, 0, 'name')).toHaveText(first);
  await expect(page.locator('.ag-header-cell[col-id="name"]')).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(page.locator('[class*="pinned-right"] .ag-header-cell[col-id="owner"]')).toHaveCount(
    1,
  );
});
