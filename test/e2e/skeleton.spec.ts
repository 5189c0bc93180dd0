import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { KeyplanApp } from './app';

const fixture = fileURLToPath(new URL('../fixtures/orders_small.csv', import.meta.url));
const expected = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../fixtures/orders_small.expected.json', import.meta.url)),
    'utf8',
  ),
) as {
  dataRows: number;
  validRows: number;
  rejects: { line: number; reason: string }[];
  distinctCustomers: number;
  revenueMinorByCustomer: Record<string, number>;
};
const SHOTS = 'test-results/screenshots';
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

test('demo workspace fills the grid and draws both charts', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await page.screenshot({ path: `${SHOTS}/welcome.png` });
  await app.loadDemo();

  await expect(page.getByTestId('accounts-count')).toHaveText('300 accounts');
  await expect(app.gridRow(0)).toBeVisible();
  // Sorted by revenue: the first row has orders and an ABC class once analysis is in.
  await expect(app.gridRow(0).locator('[col-id="abc"]')).toHaveText('A');
  await page.screenshot({ path: `${SHOTS}/accounts-demo.png` });

  await app.nav('Analysis');
  await expect(page.getByTestId('pareto-headline')).toContainText(
    /Top \d+ accounts \(\d+%\) make 80% of revenue/,
  );
  for (const chart of [
    'pareto-chart',
    'rf-heatmap',
    'segment-bars',
    'trend-chart',
    'lorenz-chart',
  ]) {
    expect((await app.canvasStats(chart)).painted, chart).toBeGreaterThan(5_000);
  }
  await page.screenshot({ path: `${SHOTS}/analysis-demo.png`, fullPage: true });
  expect(app.foreignRequests(ORIGIN)).toEqual([]);
});

test('import → flag a key account → plan with two actions → export → reload', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.startEmpty();

  // Import the small CSV (Chinese headers, Chinese and English customers, two bad rows).
  await app.importFile(fixture);
  await expect(page.getByTestId('sum-read')).toHaveText(String(expected.dataRows));
  await expect(page.getByTestId('sum-imported')).toHaveText(String(expected.validRows));
  await expect(page.getByTestId('sum-rejected')).toHaveText(String(expected.rejects.length));
  await expect(page.getByTestId('sum-accounts')).toHaveText(String(expected.distinctCustomers));
  const rejectRows = page.getByTestId('rejects-table').locator('tbody tr');
  await expect(rejectRows).toHaveCount(expected.rejects.length);
  for (const [i, reject] of expected.rejects.entries()) {
    await expect(rejectRows.nth(i).locator('td').first()).toHaveText(String(reject.line));
  }
  await page.screenshot({ path: `${SHOTS}/import-summary.png`, fullPage: true });

  // The accounts are there, biggest first.
  const biggest = Object.entries(expected.revenueMinorByCustomer).sort(
    (a, b) => b[1] - a[1],
  )[0]![0];
  await app.nav('Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText(
    `${expected.distinctCustomers} accounts`,
  );
  await expect(app.gridRows()).toHaveCount(expected.distinctCustomers);
  const firstRow = app.gridRow(0);
  await expect(firstRow.locator('[col-id="name"]')).toHaveText(biggest);

  // Charts before the edit.
  await app.nav('Analysis');
  await expect(page.getByTestId('analysis-key-count')).toHaveText('Key accounts flagged: 0');
  const before = await app.canvasStats('pareto-chart');
  expect(before.painted).toBeGreaterThan(1_000);
  // The grid and the charts show the analysis window (default: the last 12 months); the file
  // spans more, so look at all of its history.
  await page.getByTestId('period-kind').selectOption('all');
  await page.getByTestId('period-apply').click();
  const earliest = readFileSync(fixture, 'utf8')
    .split('\n')
    .map((line) => /\d{4}-\d{2}-\d{2}/.exec(line)?.[0])
    .filter((d): d is string => d !== undefined)
    .sort()[0]!;
  const earliestText = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    dateStyle: 'medium',
  }).format(new Date(`${earliest}T00:00:00Z`));
  await expect(page.getByTestId('period-summary')).toContainText(`Window ${earliestText}`);

  // Flag the biggest customer as a key account in the grid.
  await app.nav('Accounts');
  await app.gridRow(0).locator('[col-id="isKeyAccount"] input[type="checkbox"]').click();
  await expect(page.getByTestId('key-count')).toHaveText('1 key accounts');
  await page.screenshot({ path: `${SHOTS}/accounts-flagged.png` });

  // Export the grid as Excel would read it: BOM, one row per account, exact decimal revenue.
  const accountsFile = await app.download(() =>
    page.getByRole('button', { name: 'Export CSV' }).click(),
  );
  expect(accountsFile.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const accountRows = Papa.parse<string[]>(accountsFile.text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  expect(accountRows[0]!.slice(0, 3)).toEqual(['Account', 'Orders', 'Revenue']);
  expect(accountRows).toHaveLength(expected.distinctCustomers + 1);
  const revenueByName = Object.fromEntries(accountRows.slice(1).map((r) => [r[0], r[2]]));
  for (const [name, minor] of Object.entries(expected.revenueMinorByCustomer)) {
    expect(revenueByName[name]).toBe((minor / 100).toFixed(2));
  }
  expect(accountRows[1]![0]).toBe(biggest);
  expect(accountRows[1]![accountRows[0]!.indexOf('Key account')]).toBe('Yes');

  // The Pareto chart now paints the key account differently.
  await app.nav('Analysis');
  await expect(page.getByTestId('analysis-key-count')).toHaveText('Key accounts flagged: 1');
  await expect
    .poll(async () => (await app.canvasStats('pareto-chart')).fingerprint)
    .not.toBe(before.fingerprint);
  await page.screenshot({ path: `${SHOTS}/analysis-flagged.png`, fullPage: true });

  // Write the annual plan with two actions.
  await app.nav('Plans');
  await page.getByTestId('plan-account').selectOption({ label: `★ ${biggest}` });
  await page.getByTestId('plan-year').fill('2025');
  await page.getByTestId('create-plan').click();
  await expect(page.getByTestId('plan-heading')).toContainText(biggest);
  await expect(page.getByTestId('fin-revenue')).not.toHaveText(/^\D*0\.00$/);
  await page
    .getByTestId('vc-notes')
    .fill('Precision parts for their assembly lines, "A" grade, =risky text');
  await page.getByTestId('goals-notes').fill('Grow share of wallet to 40%');
  await page.getByTestId('action-template').selectOption('executive_visits');
  await page.getByTestId('add-action').click();
  await page.getByTestId('action-template').selectOption('annual_symposium');
  await page.getByTestId('add-action').click();
  const actions = page.getByTestId('actions-table').locator('tbody tr');
  await expect(actions).toHaveCount(2);
  await page.getByTestId('action-owner-0').fill('王磊, Sales');
  await page.getByTestId('action-owner-0').press('Tab');
  await page.getByTestId('action-due-1').fill('2025-12-15');
  await page.getByTestId('action-status-1').selectOption('in_progress');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.screenshot({ path: `${SHOTS}/plan-editor.png`, fullPage: true });

  // Export and read the file as Excel would.
  const file = await app.download(() => page.getByTestId('export-plan-actions').click());
  expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const parsed = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(parsed.data).toEqual([
    [
      'Plan year',
      'Account',
      'Account key',
      'Plan status',
      'Measure',
      'Action',
      'Owner',
      'Due',
      'Status',
      'Budget',
      'Outcome',
    ],
    [
      '2025',
      biggest,
      biggest,
      'Draft',
      'Executive visits to the account',
      'Executive visits to the account',
      '王磊, Sales',
      '',
      'Planned',
      '',
      '',
    ],
    [
      '2025',
      biggest,
      biggest,
      'Draft',
      'Annual key-account symposium with senior management',
      'Annual key-account symposium with senior management',
      '',
      '2025-12-15',
      'In progress',
      '',
      '',
    ],
  ]);

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByTestId('plan-heading')).toContainText(biggest);
  await expect(page.getByTestId('vc-notes')).toHaveValue(
    'Precision parts for their assembly lines, "A" grade, =risky text',
  );
  await expect(page.getByTestId('actions-table').locator('tbody tr')).toHaveCount(2);
  await app.nav('Accounts');
  await expect(page.getByTestId('key-count')).toHaveText('1 key accounts');
  await expect(
    app.gridRow(0).locator('[col-id="isKeyAccount"] input[type="checkbox"]'),
  ).toBeChecked();

  expect(app.foreignRequests(ORIGIN)).toEqual([]);
});

test('demo in 简体中文: search the grid, see the sample plan, every screen renders', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(
    page.getByRole('navigation').getByRole('link', { name: '客户', exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId('accounts-count')).toHaveText('300 个客户');
  await expect(page.locator('.ag-header-cell[col-id="name"]')).toContainText('客户');

  // Quick search narrows the grid to matching names.
  const firstName = (await app.gridRow(0).locator('[col-id="name"]').textContent())!.trim();
  await page.getByTestId('accounts-search').fill(firstName);
  await expect(app.gridRows()).toHaveCount(1);
  await page.getByTestId('accounts-search').fill('');
  await page.screenshot({ path: `${SHOTS}/accounts-zh.png` });

  await app.page.getByRole('navigation').getByRole('link', { name: '分析', exact: true }).click();
  await expect(page.getByTestId('pareto-headline')).toContainText('贡献了 80% 的销售额');
  await page.screenshot({ path: `${SHOTS}/analysis-zh.png`, fullPage: true });

  // The demo starts with one plan for the biggest key account.
  await app.page.getByRole('navigation').getByRole('link', { name: '计划', exact: true }).click();
  await expect(page.getByTestId('portfolio-row')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/plans-zh.png` });
  await page.getByTestId('portfolio-row').getByRole('link').first().click();
  await expect(page.getByTestId('actions-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('plan-heading')).toContainText('大客户年度发展计划');
  await page.screenshot({ path: `${SHOTS}/plan-zh.png`, fullPage: true });

  await app.page.getByRole('navigation').getByRole('link', { name: '导入', exact: true }).click();
  await expect(page.getByRole('heading', { name: '导入数据' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-zh.png` });
  await app.page.getByRole('navigation').getByRole('link', { name: '设置', exact: true }).click();
  await expect(page.getByTestId('settings-name')).toHaveValue(
    'Demo — East China Industrial Supply',
  );
  await page.screenshot({ path: `${SHOTS}/settings-zh.png` });
  expect(app.foreignRequests(ORIGIN)).toEqual([]);
});
