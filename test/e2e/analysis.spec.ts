import { expect, test } from '@playwright/test';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';

test('scoring settings change the scores live, show every cut point and persist', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  await expect(page.getByTestId('gini')).toContainText(/Gini coefficient 0\.\d{3}/);
  expect((await app.canvasStats('lorenz-chart')).painted).toBeGreaterThan(5_000);
  await expect(page.getByTestId('cut-points').locator('tbody tr')).toHaveCount(5);
  const heatmapBefore = await app.canvasStats('rf-heatmap');

  await page.getByTestId('scoring-bins').selectOption('3');
  await page.getByTestId('scoring-cutoff-a').fill('70');
  await page.getByTestId('scoring-apply').click();
  await expect(page.getByTestId('pareto-headline')).toContainText('make 70% of revenue');
  await expect(page.getByTestId('cut-points').locator('tbody tr')).toHaveCount(3);
  await expect
    .poll(async () => (await app.canvasStats('rf-heatmap')).fingerprint)
    .not.toBe(heatmapBefore.fingerprint);
  await page.screenshot({ path: `${SHOTS}/analysis-3-bins.png`, fullPage: true });

  // A bad cut-off is refused with a message, and nothing changes.
  await page.getByTestId('scoring-cutoff-b').fill('60');
  await page.getByTestId('scoring-apply').click();
  await expect(page.getByRole('alert')).toContainText('A cut-off must be below the B cut-off');
  await expect(page.getByTestId('pareto-headline')).toContainText('make 70% of revenue');

  await page.reload();
  await expect(page.getByTestId('scoring-bins')).toHaveValue('3');
  await expect(page.getByTestId('cut-points').locator('tbody tr')).toHaveCount(3);
});

test('key accounts at risk of churn are listed with why', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  // The seeded demo has two flagged key accounts that stopped buying about eight months ago.
  const rows = page.getByTestId('churn-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Summit Catering Group' })).toContainText(
    /No order for \d+ days — usually every \d+ days/,
  );
  await expect(rows.filter({ hasText: 'Summit Catering Group' })).toContainText(
    /Revenue down \d+% on the 12 months before/,
  );

  // Un-flagging it removes it from the key-account watch list.
  await app.nav('Accounts');
  await page.getByTestId('accounts-search').fill('Summit Catering Group');
  await app.gridRow(0).locator('[col-id="isKeyAccount"] input[type="checkbox"]').click();
  await expect(page.getByTestId('key-count')).toHaveText('5 key accounts');
  await app.nav('Analysis');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('churn').screenshot({ path: `${SHOTS}/analysis-churn.png` });
});

test('suggested target key accounts: 5–8 with reasons, flagging one keeps it', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  const rows = page.getByTestId('candidates-table').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toContainText('Class A');
  await expect(page.getByTestId('analysis-key-count')).toHaveText('Key accounts flagged: 6');
  const unflagged = rows.filter({ has: page.getByTestId('flag-candidate') }).first();
  await unflagged.getByTestId('flag-candidate').click();
  await expect(page.getByTestId('analysis-key-count')).toHaveText('Key accounts flagged: 7');
  await page.getByTestId('candidates').screenshot({ path: `${SHOTS}/analysis-candidates.png` });
});

test('each chart exports as a PNG', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  for (const chart of ['pareto-chart', 'rf-heatmap', 'lorenz-chart']) {
    const file = await app.download(() => page.getByTestId(`${chart}-png`).click());
    expect(file.name).toMatch(/^keyplan-.*\.png$/);
    expect(file.bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(file.bytes.length).toBeGreaterThan(5_000);
  }
});

test('period over period: entered and left class A, segment migration', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  const card = page.getByTestId('comparison');
  await expect(card).toContainText(/Entered class A \(\d+\)/);
  const label = await card.locator('dt').first().textContent();
  const entered = Number(/\((\d+)\)/.exec(label ?? '')?.[1]);
  const names = (await page.getByTestId('entered-a').textContent())?.split(' · ') ?? [];
  expect(names).toHaveLength(entered);
  // Every migrating account is counted once: the matrix adds up to the accounts of both years.
  const cells = await page.getByTestId('migration').locator('tbody td').allTextContents();
  const total = cells.reduce((sum, c) => sum + Number(c), 0);
  expect(total).toBeGreaterThan(200);
  expect(total).toBeLessThanOrEqual(300);
  // …and the same counts are drawn as a matrix chart.
  expect((await app.canvasStats('migration-chart')).painted).toBeGreaterThan(2000);
  await expect(page.getByTestId('movers').locator('tbody tr')).not.toHaveCount(0);
  await card.screenshot({ path: `${SHOTS}/analysis-comparison.png` });
});

test('linked: a segment, an ABC class or a heatmap cell opens the grid filtered to it', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Analysis');
  // The smallest segment in the table (the demo has no "Others" under the default rules).
  const lastRow = page.getByTestId('segments-table').locator('tbody tr').last();
  const name = (await lastRow.locator('a').textContent())!;
  const size = Number(await lastRow.locator('td.num').first().textContent());
  expect(size).toBeGreaterThan(0);
  await lastRow.getByRole('link').click();
  await expect(page.getByTestId('linked-filter')).toContainText(`Showing only: ${name}`);
  if (size <= 10) await expect(app.gridRows()).toHaveCount(size);
  for (const cell of await page.locator('.ag-row [col-id="segment"]').allTextContents()) {
    expect(cell).toBe(name);
  }

  await app.nav('Analysis');
  await page.getByTestId('abc-link-A').click();
  await expect(page.getByTestId('linked-filter')).toContainText('ABC A');
  for (const cell of await page.locator('.ag-row [col-id="abc"]').allTextContents()) {
    expect(cell).toBe('A');
  }

  // The middle of the 5×5 heatmap is the R3 · F3 cell.
  await app.nav('Analysis');
  await page.getByTestId('rf-heatmap').click();
  await expect(page.getByTestId('linked-filter')).toContainText('R3 · F3');
  await expect(app.gridRow(0)).toBeVisible();
  for (const row of await app.gridRows().all()) {
    await expect(row.locator('[col-id="r"]')).toHaveText('3');
    await expect(row.locator('[col-id="f"]')).toHaveText('3');
  }
  await page.screenshot({ path: `${SHOTS}/accounts-linked.png` });

  await page.getByTestId('linked-filter').getByRole('link').click();
  await expect(page.getByTestId('linked-filter')).toHaveCount(0);
});
