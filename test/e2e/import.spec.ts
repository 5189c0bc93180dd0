import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { KeyplanApp } from './app';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const expectedOf = (name: string) =>
  JSON.parse(readFileSync(fixture(`${name}.expected.json`), 'utf8')) as {
    rows: { customer: string; date: string; amountMinor: number }[];
  };
const SHOTS = 'test-results/screenshots';
// "Start empty" in an en-US browser makes a US-dollar workspace (currency follows the locale).
const money = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

async function accountNames(app: KeyplanApp): Promise<string[]> {
  await app.nav('Accounts');
  await expect(app.gridRow(0)).toBeVisible();
  return app.page.locator('.ag-row [col-id="name"]').allTextContents();
}

async function emptyWorkspace(page: Page): Promise<KeyplanApp> {
  const app = new KeyplanApp(page);
  await app.open();
  await app.startEmpty();
  return app;
}

test.describe('import of real exports', () => {
  for (const [label, name] of [
    ['GBK', 'formats/orders_gbk.csv'],
    ['UTF-16 LE (Excel Unicode text)', 'formats/orders_utf16le.txt'],
    ['Big5', 'formats/orders_big5.csv'],
  ] as const) {
    test(`a ${label} file shows its Chinese names right`, async ({ page }) => {
      const app = await emptyWorkspace(page);
      const expected = expectedOf(name);
      const firstName = expected.rows[0]!.customer;
      await page.getByTestId('import-file').setInputFiles(fixture(name));
      await expect(page.getByTestId('decoded-text')).toContainText(firstName);
      await page.screenshot({
        path: `${SHOTS}/import-preview-${name.split('/')[1]}.png`,
        fullPage: true,
      });
      await app.checkAndImport();
      const names = await accountNames(app);
      for (const row of expected.rows) expect(names).toContain(row.customer);
    });
  }

  test('a semicolon file with decimal commas and day-first dates sums right', async ({ page }) => {
    const app = await emptyWorkspace(page);
    const name = 'formats/orders_semicolon_decimal_comma.csv';
    const expected = expectedOf(name);
    await page.getByTestId('import-file').setInputFiles(fixture(name));
    await expect(page.getByTestId('import-delimiter')).toHaveValue(';');
    // German headers (Kunde, Datum, Betrag) are recognised too.
    await expect(page.getByTestId('map-account')).toHaveValue('1');
    await expect(page.getByTestId('map-amount')).toHaveValue('3');
    await expect(page.getByTestId('decimal-amount')).toHaveValue(',');
    await expect(page.getByTestId('dateorder-date')).toHaveValue('dmy');
    await app.checkAndImport();
    const total = expected.rows.reduce((sum, r) => sum + r.amountMinor, 0);
    await expect(page.getByTestId('sum-total')).toHaveText(money(total));
    await expect(page.getByTestId('sum-imported')).toHaveText(String(expected.rows.length));
  });

  test('cancel half-way leaves the database as it was', async ({ page }) => {
    const app = await emptyWorkspace(page);
    await app.importFile(fixture('orders_small.csv'));
    await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(1);

    await app.startBigImport('big.csv', 0.5);
    await page.screenshot({ path: `${SHOTS}/import-writing.png` });
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-error')).toContainText('cancelled; nothing was saved', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(1);
    await app.nav('Accounts');
    await expect(page.getByTestId('accounts-count')).toHaveText('8 accounts');
  });

  test('undo import restores the earlier state', async ({ page }) => {
    const app = await emptyWorkspace(page);
    await app.importFile(fixture('orders_small.csv'));
    await app.nav('Analysis');
    const headlineBefore = page.getByTestId('pareto-headline');
    await expect(headlineBefore).toContainText(/Top \d+ accounts/);
    const before = await headlineBefore.textContent();
    await app.nav('Import');
    await app.importFile(fixture('formats/orders_gbk.csv'));
    await app.nav('Accounts');
    const afterBoth = await page.getByTestId('accounts-count').textContent();
    expect(afterBoth).not.toBe('8 accounts');
    await app.nav('Import');
    await app.undoLatestImport(); // the GBK import
    await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(1);
    await app.nav('Accounts');
    await expect(page.getByTestId('accounts-count')).toHaveText('8 accounts');
    await app.nav('Analysis');
    await expect(page.getByTestId('pareto-headline')).toHaveText(before!);
  });

  const badFiles = [
    {
      label: 'a renamed .xlsx',
      file: {
        name: 'orders.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('PK\u0003\u0004\u0014\u0000binary'),
      },
      message: 'is an Excel workbook',
    },
    {
      label: 'an empty file',
      file: { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
      message: 'is empty',
    },
    {
      label: 'a header without rows',
      file: {
        name: 'header.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('客户名称,订单日期,金额\n'),
      },
      message: 'no data rows',
    },
  ];
  for (const { label, file, message } of badFiles) {
    test(`${label} gets a clear message and writes nothing`, async ({ page }) => {
      const app = await emptyWorkspace(page);
      await page.getByTestId('import-file').setInputFiles(file);
      await expect(page.getByTestId('import-error')).toContainText(message);
      await expect(page.getByTestId('import-history')).toHaveCount(0);
      await app.nav('Accounts');
      await expect(page.getByTestId('accounts-count')).toHaveText('0 accounts');
    });
  }

  test('a block pasted from Excel imports like a file', async ({ page }) => {
    const app = await emptyWorkspace(page);
    await page.getByTestId('paste-toggle').click();
    await page
      .getByTestId('paste-box')
      .fill(
        [
          '客户名称\t订单日期\t金额',
          '上海华东精密机械有限公司\t2025/3/5\t1,200.00',
          'Acme Industrial, Inc.\t2025/3/6\t(300.00)',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Use pasted rows' }).click();
    await app.checkAndImport();
    await expect(page.getByTestId('sum-total')).toHaveText(money(90000));
    expect(await accountNames(app)).toEqual(
      expect.arrayContaining(['上海华东精密机械有限公司', 'Acme Industrial, Inc.']),
    );
  });

  test('importing the same file again warns and skips its rows', async ({ page }) => {
    const app = await emptyWorkspace(page);
    await app.importFile(fixture('orders_small.csv'));
    await page.getByTestId('import-file').setInputFiles(fixture('orders_small.csv'));
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('same-file')).toBeVisible();
    await expect(page.getByTestId('skip-duplicates')).toBeChecked();
    await expect(page.getByTestId('import-run')).toBeDisabled();
    await page.screenshot({ path: `${SHOTS}/import-duplicate.png`, fullPage: true });
  });

  test('a customer master list updates accounts, offers to merge a near duplicate, and undoes', async ({
    page,
  }) => {
    const app = await emptyWorkspace(page);
    await app.importFile(fixture('orders_small.csv'));
    await page.getByTestId('import-file').setInputFiles(fixture('customers_master.csv'));
    await expect(page.getByTestId('import-kind')).toHaveValue('accounts');
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('sum-accounts-existing')).toHaveText('3');
    await expect(page.getByTestId('sum-accounts')).toHaveText('2');
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-summary')).toBeVisible();
    await expect(page.getByTestId('sum-accounts')).toHaveText('2');
    await expect(page.getByTestId('sum-accounts-updated')).toHaveText('3');

    const dupes = page.getByTestId('near-duplicates');
    await expect(dupes).toContainText('杭州绿源食品有限公司');
    await expect(dupes).toContainText('杭州绿源食品股份有限公司');
    await page.screenshot({ path: `${SHOTS}/import-near-duplicates.png`, fullPage: true });
    await dupes.getByRole('button', { name: 'Merge into “杭州绿源食品有限公司”' }).click();
    await expect(dupes).toHaveCount(0);

    await app.nav('Accounts');
    await expect(page.getByTestId('accounts-count')).toHaveText('9 accounts');
    await page.getByTestId('accounts-search').fill('上海华东精密机械');
    await expect(app.gridRows()).toHaveCount(1);
    await expect(app.gridRow(0).locator('[col-id="industry"]')).toHaveText('机械制造');

    // Undo the master list: the industry goes, the new customer goes, the merge stays.
    await app.nav('Import');
    await app.undoLatestImport();
    await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(1);
    await app.nav('Accounts');
    await expect(page.getByTestId('accounts-count')).toHaveText('8 accounts');
    await page.getByTestId('accounts-search').fill('上海华东精密机械');
    await expect(app.gridRow(0).locator('[col-id="industry"]')).toHaveText('');
  });

  test('a tab closed in the middle of an import leaves nothing behind', async ({
    page,
    context,
  }) => {
    const app = await emptyWorkspace(page);
    await app.importFile(fixture('orders_small.csv'));
    await app.startBigImport('closed-tab.csv', 0.3);
    await page.close();

    // Another tab opens the app: the interrupted import is rolled back before anything shows.
    const next = new KeyplanApp(await context.newPage());
    await next.open('#/import');
    await expect(next.page.getByTestId('import-history').locator('tbody tr')).toHaveCount(1, {
      timeout: 60_000,
    });
    await next.nav('Accounts');
    await expect(next.page.getByTestId('accounts-count')).toHaveText('8 accounts');
  });

  test('an ERP report: title lines skipped, header found, the 合计 row left out and reported', async ({
    page,
  }) => {
    const app = await emptyWorkspace(page);
    await page.getByTestId('import-file').setInputFiles(fixture('layout/report_title_rows.csv'));
    await expect(page.getByTestId('import-header-row')).toHaveValue('3');
    await expect(page.getByTestId('map-account')).toHaveValue('3');
    await expect(page.getByTestId('map-amount')).toHaveValue('6');
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('sum-imported')).toHaveText('10');
    await expect(page.getByTestId('sum-totals')).toContainText('16');
    await page.screenshot({ path: `${SHOTS}/import-report-check.png`, fullPage: true });
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('sum-total')).toHaveText(money(12301200));
    void app;
  });

  test('a fixed-width file is split into columns and imports', async ({ page }) => {
    const app = await emptyWorkspace(page);
    await page.getByTestId('import-file').setInputFiles(fixture('layout/fixed_width.txt'));
    await expect(page.getByTestId('import-delimiter')).toHaveValue('fixed');
    await expect(page.getByTestId('preview-table').locator('tbody tr').first()).toContainText(
      '上海华东精密机械',
    );
    await app.checkAndImport();
    await expect(page.getByTestId('sum-imported')).toHaveText('10');
  });

  test('a dropped file imports, and its mapping is remembered next time', async ({ page }) => {
    const app = await emptyWorkspace(page);
    const bytes = readFileSync(fixture('formats/orders_space_grouping.csv'));
    const drop = async () => {
      const transfer = await page.evaluateHandle(
        (data: number[]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(data)], 'dropped.csv', { type: 'text/csv' }));
          return dt;
        },
        [...bytes],
      );
      await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    };
    await drop();
    await expect(page.getByTestId('preview-table')).toBeVisible();
    // The user corrects a column: the product column is kept out of the order number.
    await page.getByTestId('map-orderNo').selectOption({ label: '(not in file)' });
    await app.checkAndImport();
    await drop();
    await expect(page.getByTestId('remembered')).toBeVisible();
    await expect(page.getByTestId('map-orderNo')).toHaveValue('-1');
  });

  test('a file whose rows do not fit its header: every row rejected with the reason, nothing to import', async ({
    page,
  }) => {
    await emptyWorkspace(page);
    const ragged = [
      '客户名称,订单日期,金额',
      'Acme,2025-01-02,100,extra,cells',
      'Beta,2025-01-03,200,more,cells',
    ];
    await page.getByTestId('import-file').setInputFiles({
      name: 'ragged.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ragged.join('\n')),
    });
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('sum-rejected')).toHaveText('2');
    const rejects = page.getByTestId('rejects-table').locator('tbody tr');
    await expect(rejects.first()).toContainText('Wrong number of columns');
    await expect(rejects.first().locator('td').first()).toHaveText('2');
    await expect(page.getByTestId('import-run')).toBeDisabled();
  });

  test('rejected rows download as a CSV naming line, column, value and reason', async ({
    page,
  }) => {
    const app = await emptyWorkspace(page);
    await page.getByTestId('import-file').setInputFiles(fixture('orders_small.csv'));
    await page.getByTestId('import-check').click();
    const file = await app.download(() =>
      page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click(),
    );
    expect(file.name).toBe('orders_small-rejected.csv');
    const rows = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows).toEqual([
      ['Row', 'Column', 'Value', 'Reason'],
      ['18', '客户名称', '', 'No customer name'],
      ['39', '订单日期', '2025-13-40', 'Not a date'],
    ]);
  });
});
