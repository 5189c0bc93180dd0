// Issue 5 beyond the defaults: the analysis window and comparison, scoring options, the segment
// rule editor, grid selection highlighted in the charts, share of wallet.
import { expect, test, type Page } from '@playwright/test';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';
/** COLORS.selected in chartModels.ts. */
const AMBER: [number, number, number] = [0xf3, 0x9c, 0x12];

const summary = (page: Page) => page.getByTestId('period-summary');

async function applyPeriod(page: Page, change: () => Promise<unknown>) {
  await change();
  await page.getByTestId('period-apply').click();
}

test('analysis window: all history, a custom range, the period before, a fiscal year', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  // Default: the 12 months to the latest order (the demo ends on 2026-10-30), year over year.
  await expect(summary(page)).toContainText(
    'Window Oct 31, 2025 – Oct 30, 2026 · compared with Oct 31, 2024 – Oct 30, 2025',
  );
  await expect(page.getByTestId('analysis-status')).toContainText('off the main thread');
  const recentAccounts = Number(
    /· (\d+) accounts/.exec((await page.getByTestId('analysis-as-of').textContent()) ?? '')?.[1],
  );
  expect(recentAccounts).toBeLessThan(300);

  await applyPeriod(page, () => page.getByTestId('period-kind').selectOption('all'));
  await expect(page.getByTestId('analysis-as-of')).toContainText('300 accounts');

  await applyPeriod(page, async () => {
    await page.getByTestId('period-kind').selectOption('range');
    await page.getByTestId('period-start').fill('2025-01-01');
    await page.getByTestId('period-end').fill('2025-06-30');
  });
  await expect(summary(page)).toContainText(
    'Window Jan 1, 2025 – Jun 30, 2025 · compared with Jan 1, 2024 – Jun 30, 2024 · recency measured to Jun 30, 2025',
  );
  await applyPeriod(page, () => page.getByTestId('compare-kind').selectOption('previous'));
  await expect(summary(page)).toContainText('compared with Jul 1, 2024 – Dec 31, 2024');

  // A window that ends before it starts is refused and nothing changes.
  await applyPeriod(page, () => page.getByTestId('period-end').fill('2024-06-30'));
  await expect(page.getByRole('alert')).toContainText('The window ends before it starts.');
  await expect(summary(page)).toContainText('Window Jan 1, 2025 – Jun 30, 2025');

  await applyPeriod(page, async () => {
    await page.getByTestId('period-kind').selectOption('fiscalYear');
    await page.getByTestId('period-year').selectOption('2024');
    await page.getByTestId('compare-kind').selectOption('yearAgo');
  });
  await expect(summary(page)).toContainText(
    'Window Jan 1, 2024 – Dec 31, 2024 · compared with Jan 1, 2023 – Dec 31, 2023 · recency measured to Dec 31, 2024',
  );
  await page.screenshot({ path: `${SHOTS}/analysis-fiscal-year.png` });

  // Stored with the workspace.
  await page.reload();
  await expect(summary(page)).toContainText('Window Jan 1, 2024 – Dec 31, 2024');
  await expect(page.getByTestId('period-kind')).toHaveValue('fiscalYear');
});

test('accounts selected in the grid are highlighted in the charts', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  await expect(page.getByTestId('pareto-headline')).toBeVisible();
  expect(await app.colorPixels('pareto-chart', AMBER)).toBe(0);
  const heatmapCounts = await app.canvasStats('rf-heatmap');

  await app.nav('Accounts');
  for (const i of [0, 1, 2]) {
    await app.gridRow(i).locator('.ag-selection-checkbox input').first().click();
  }
  await expect(page.getByTestId('selection-note')).toContainText('3 accounts selected');
  await app.nav('Analysis');
  await expect(page.getByTestId('selection-bar')).toContainText('3 accounts selected');
  await expect.poll(() => app.colorPixels('pareto-chart', AMBER)).toBeGreaterThan(50);
  await expect.poll(() => app.colorPixels('rf-heatmap', AMBER)).toBeGreaterThan(50);
  // The selection's own monthly line comes from the worker.
  await expect.poll(() => app.colorPixels('trend-chart', AMBER)).toBeGreaterThan(200);
  await expect(page.getByTestId('segments-table').locator('tr.selected-row')).not.toHaveCount(0);

  // Revenue instead of counts in the heatmap cells.
  await page.getByTestId('heatmap-revenue').click();
  await expect
    .poll(async () => (await app.canvasStats('rf-heatmap')).fingerprint)
    .not.toBe(heatmapCounts.fingerprint);
  await page.screenshot({ path: `${SHOTS}/analysis-selection.png`, fullPage: true });

  // The selection survives a trip to the grid and back (the rows are ticked again), and clearing
  // it removes the highlight.
  await app.nav('Accounts');
  await expect(page.getByTestId('selection-note')).toContainText('3 accounts selected');
  for (const i of [0, 1, 2]) {
    await expect(app.gridRow(i).locator('.ag-selection-checkbox input').first()).toBeChecked();
  }
  await expect(app.gridRow(3).locator('.ag-selection-checkbox input').first()).not.toBeChecked();
  await app.nav('Analysis');
  await page.getByTestId('selection-bar').getByRole('button').click();
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);
  await expect.poll(() => app.colorPixels('pareto-chart', AMBER)).toBe(0);
});

test('scoring options: purchase days, margin, my own thresholds, churn factor', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  const cutHeader = page.getByTestId('cut-points').locator('thead th');

  await page.getByTestId('scoring-frequency').selectOption('days');
  await page.getByTestId('scoring-value').selectOption('margin');
  await page.getByTestId('scoring-apply').click();
  await expect(cutHeader.nth(2)).toHaveText('F: purchase days');
  await expect(cutHeader.nth(3)).toHaveText('M: margin');
  await expect(page.getByTestId('pareto-headline')).toContainText('make 80% of margin');
  await expect(page.getByTestId('cost-coverage')).toContainText('100%');

  // Recency by my own cut values: 0–30 days scores 5, over 365 days scores 1.
  await page.getByTestId('method-r').selectOption('thresholds');
  await expect(page.getByTestId('cuts-r')).not.toHaveValue('');
  await page.getByTestId('cuts-r').fill('90, 30, 180, 365');
  await page.getByTestId('scoring-apply').click();
  await expect(page.getByTestId('scoring-error')).toContainText('Cut values must rise');
  await page.getByTestId('cuts-r').fill('30, 90, 180, 365');
  await page.getByTestId('scoring-apply').click();
  await expect(page.getByTestId('scoring-error')).toHaveCount(0);
  const rows = page.getByTestId('cut-points').locator('tbody tr');
  const range = async (score: number) => {
    const text =
      (await rows
        .nth(5 - score)
        .locator('td')
        .first()
        .textContent()) ?? '';
    if (text.startsWith('none')) return null;
    const [lo, hi] = (/^([\d,]+)(?: – ([\d,]+))?/.exec(text) ?? []).slice(1);
    return [Number(lo!.replace(/,/g, '')), Number((hi ?? lo)!.replace(/,/g, ''))] as const;
  };
  // The demo has accounts in every band, so each score's observed days sit inside its cut values.
  const bands: [number, number, number][] = [
    [5, 0, 30],
    [4, 31, 90],
    [3, 91, 180],
    [2, 181, 365],
  ];
  await expect.poll(async () => (await range(4)) !== null && (await range(4))![0] > 30).toBe(true);
  for (const [score, lo, hi] of bands) {
    const observed = await range(score);
    expect(observed, `score ${score}`).not.toBeNull();
    expect(observed![0], `score ${score} from`).toBeGreaterThanOrEqual(lo);
    expect(observed![1], `score ${score} to`).toBeLessThanOrEqual(hi);
  }

  // The churn factor reaches every overdue reason; a smaller drop flags more key accounts.
  const churnRows = page.getByTestId('churn-table').locator('tbody tr');
  const atRiskBefore = await churnRows.count();
  await page.getByTestId('scoring-churn-k').fill('1');
  await page.getByTestId('scoring-churn-drop').fill('1');
  await page.getByTestId('scoring-apply').click();
  await expect(page.getByTestId('churn')).toContainText('more than 1 ×');
  await expect(page.getByTestId('churn')).toContainText('down more than 1%');
  await expect.poll(() => churnRows.count()).toBeGreaterThan(atRiskBefore);
  const overdue = churnRows.filter({ hasText: 'No order for' });
  for (const text of await overdue.allTextContents()) expect(text).toContain('flag after 1 ×');
  await page.getByTestId('scoring').screenshot({ path: `${SHOTS}/analysis-scoring-options.png` });
});

test('segment rules: my own rule wins its accounts, a rule that can never match is flagged', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  const editor = page.getByTestId('rule-editor');
  const ruleRows = editor.getByTestId('rule-row');
  await expect(ruleRows).toHaveCount(10);
  const mFiveText =
    (await page
      .getByTestId('cut-points')
      .locator('tbody tr')
      .first()
      .locator('td')
      .nth(2)
      .textContent()) ?? '';
  const mFive = Number(/· (\d+) accounts/.exec(mFiveText)?.[1]);
  expect(mFive).toBeGreaterThan(0);

  // "Big spenders": every account with M = 5, put first so it wins them all.
  await editor.getByTestId('rule-add').click();
  const added = ruleRows.last();
  await added.getByTestId('rule-name-input').fill('Big spenders');
  await added.getByTestId('rule-m-lo').fill('5');
  const key = await added.getAttribute('data-row-key');
  const moving = editor.locator(`[data-row-key="${key}"]`);
  for (let i = 0; i < 10; i++) await moving.locator('[data-move="up"]').click();
  await expect(ruleRows.first().getByTestId('rule-name-input')).toHaveValue('Big spenders');
  // A copy of it below can never match: the editor says so before anything is applied.
  await editor.getByTestId('rule-add').click();
  await ruleRows.last().getByTestId('rule-name-input').fill('Also big');
  await ruleRows.last().getByTestId('rule-m-lo').fill('5');
  await expect(editor.getByTestId('rule-warning').first()).toContainText('can never match');
  await editor.getByTestId('rule-apply').click();

  const big = page.getByTestId('segments-table').locator('tr', { hasText: 'Big spenders' });
  await expect(big.locator('td.num').first()).toHaveText(String(mFive));
  await expect(page.getByTestId('segments-table')).not.toContainText('Also big');
  await editor.screenshot({ path: `${SHOTS}/analysis-rule-editor.png` });

  await big.getByRole('link').click();
  await expect(page.getByTestId('linked-filter')).toContainText('Showing only: Big spenders');
  await expect(app.gridRow(0)).toBeVisible();
  // Rows are virtualised: check those drawn (up to a screenful of the mFive accounts).
  const segments = await page.locator('.ag-row [col-id="segment"]').allTextContents();
  expect(segments.length).toBeGreaterThan(Math.min(mFive, 10) - 1);
  for (const segment of segments) expect(segment).toBe('Big spenders');

  await app.nav('Analysis');
  await page.getByTestId('rule-defaults').click();
  await expect(page.getByTestId('segments-table')).not.toContainText('Big spenders');
  await expect(ruleRows).toHaveCount(10);
});

test('an estimated total spend typed into the grid gives the share of wallet', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  const valueRows = page.getByTestId('value-table').locator('tbody tr');
  await expect(valueRows).toHaveCount(6);
  const first = valueRows.first();
  const name = (await first.locator('td').first().textContent())!;
  await expect(first.locator('td').last()).toHaveText('no estimate');

  await app.nav('Accounts');
  await page.getByTestId('accounts-search').fill(name);
  const cell = app.gridRow(0).locator('[col-id="estimatedSpendMinor"]');
  await cell.dblclick();
  await page.keyboard.type('100000000');
  await page.keyboard.press('Enter');
  await expect(cell).toContainText('100,000,000');
  const revenue = Number(
    ((await app.gridRow(0).locator('[col-id="revenueMinor"]').textContent()) ?? '').replace(
      /[^\d.]/g,
      '',
    ),
  );
  const share = `${Math.round((revenue / 100_000_000) * 100)}%`;
  await expect(app.gridRow(0).locator('[col-id="shareOfWallet"]')).toHaveText(share);

  await app.nav('Analysis');
  await expect(valueRows.filter({ hasText: name }).locator('td').last()).toHaveText(share);
});
