// Issue 6, classification and service tiers (seeds 002): the tier editor, owner capacity and
// the capacity summary on the Settings page.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';

const tierRow = (page: Page, index: number) => page.getByTestId('tier-row').nth(index);
const visits = (page: Page, index: number) => tierRow(page, index).getByTestId('tier-visits');

/** A number as the summary shows it (en-US grouping). */
const num = async (cell: Locator): Promise<number> =>
  Number(((await cell.textContent()) ?? '').replace(/[,\s]/g, ''));

async function openSettings(page: Page): Promise<KeyplanApp> {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Settings');
  await expect(page.getByTestId('tier-editor')).toBeVisible();
  return app;
}

test('a tier’s service level is edited, applied and kept; bad values are refused', async ({
  page,
}) => {
  await openSettings(page);
  const editor = page.getByTestId('tier-editor');
  await expect(page.getByTestId('tier-row')).toHaveCount(4);
  await expect(editor).toContainText('Using the default tiers.');
  // The defaults show their catalog names: Strategic, Key, Growth, Maintain.
  await expect(tierRow(page, 0).getByTestId('tier-name')).toHaveValue('Strategic');
  await expect(visits(page, 0)).toHaveValue('24');

  await visits(page, 0).fill('30');
  await tierRow(page, 0).getByTestId('tier-cadence').selectOption('quarterly');
  await expect(editor.getByRole('status')).toHaveText('Changes not applied yet.');
  await page.getByTestId('tier-apply').click();
  await expect(editor.getByRole('status')).toHaveText('Tiers saved.');

  await page.reload();
  await expect(visits(page, 0)).toHaveValue('30');
  await expect(tierRow(page, 0).getByTestId('tier-cadence')).toHaveValue('quarterly');
  await expect(editor).toContainText('Using your own tiers.');

  // 400 visits a year: the row says why, Apply refuses, and nothing is stored.
  await visits(page, 1).fill('400');
  await expect(tierRow(page, 1).getByTestId('tier-row-error')).toHaveText(
    'Row 2 (“Key”): visits per year must be a whole number from 0 to 365.',
  );
  await page.getByTestId('tier-apply').click();
  await expect(editor.getByRole('alert')).toHaveText(
    'Nothing was saved: fix the marked rows first.',
  );
  // A new tier without a name is refused the same way.
  await page.getByTestId('tier-add').click();
  await expect(tierRow(page, 4).getByTestId('tier-row-error')).toHaveText(
    'Row 5: give the tier a name.',
  );
  await page.reload();
  await expect(page.getByTestId('tier-row')).toHaveCount(4);
  await expect(visits(page, 1)).toHaveValue('12');
  await expect(visits(page, 0)).toHaveValue('30');

  // Reorder, then back to the defaults.
  await tierRow(page, 0).locator('[data-move="down"]').click();
  await expect(tierRow(page, 0).getByTestId('tier-name')).toHaveValue('Key');
  await page.getByTestId('tier-defaults').click();
  await expect(editor).toContainText('Using the default tiers.');
  await expect(visits(page, 0)).toHaveValue('24');
  await expect(tierRow(page, 0).getByTestId('tier-name')).toHaveValue('Strategic');
});

test('owner capacity against the visits the tiers demand', async ({ page }) => {
  await openSettings(page);
  const summary = page.getByTestId('tier-capacity');
  // Demo accounts have no tier chosen: with suggestions counted, most of them get one.
  await expect(page.getByTestId('capacity-suggested-note')).toBeVisible({ timeout: 30_000 });

  const row = summary.getByTestId('capacity-row').first();
  const owner = (await row.getAttribute('data-owner')) ?? '';
  expect(owner).not.toBe('');
  const counts: Record<string, number> = {};
  for (const id of ['strategic', 'key', 'growth', 'maintain']) {
    counts[id] = await num(row.locator(`[data-tier="${id}"]`));
  }
  // Demand by hand: 24 visits per strategic account, 12 per key, 6 per growth, 2 per maintain.
  const demanded =
    counts['strategic']! * 24 +
    counts['key']! * 12 +
    counts['growth']! * 6 +
    counts['maintain']! * 2;
  expect(demanded).toBeGreaterThan(10);
  await expect(row.locator('[data-col="demanded"]')).toHaveText(demanded.toLocaleString('en-US'));
  await expect(row.locator('[data-col="capacity"]')).toHaveText('not set');

  // Ten visits fewer than demanded: over capacity by 10, highlighted.
  const input = page
    .getByTestId('owner-capacity')
    .locator(`[data-owner="${owner}"]`)
    .getByTestId('capacity-input');
  await input.fill(String(demanded - 10));
  await page.getByTestId('capacity-apply').click();
  await expect(row.locator('[data-col="capacity"]')).toHaveText(
    (demanded - 10).toLocaleString('en-US'),
  );
  await expect(row.locator('[data-col="gap"]')).toHaveText('over by 10');
  await expect(row).toHaveClass(/over/);
  await expect(page.getByTestId('capacity-over')).toContainText('1 of');

  // Strategic accounts promised 4 more visits each: the demand grows by 4 per strategic account.
  await visits(page, 0).fill('28');
  await page.getByTestId('tier-apply').click();
  const more = demanded + 4 * counts['strategic']!;
  await expect(row.locator('[data-col="demanded"]')).toHaveText(more.toLocaleString('en-US'));
  await expect(row.locator('[data-col="gap"]')).toHaveText(
    `over by ${(more - demanded + 10).toLocaleString('en-US')}`,
  );

  // A capacity that is not whole visits is refused; the summary keeps the saved one.
  await input.fill('-5');
  await expect(page.getByTestId('capacity-row-error')).toHaveText(
    `${owner}: visits per year must be a whole number from 0 to 10,000.`,
  );
  await page.getByTestId('capacity-apply').click();
  await expect(page.getByTestId('capacity-blocked')).toHaveText(
    'Nothing was saved: fix the marked rows first.',
  );
  await expect(row.locator('[data-col="capacity"]')).toHaveText(
    (demanded - 10).toLocaleString('en-US'),
  );

  await input.fill(String(more + 15));
  await page.getByTestId('capacity-apply').click();
  await expect(row.locator('[data-col="gap"]')).toHaveText('15');
  await expect(row).not.toHaveClass(/over/);
  await page.getByTestId('tier-editor').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/tiers.png`, fullPage: true });

  // Without suggestions the demo's accounts have no tier: nothing demanded, all capacity spare.
  await page.getByTestId('capacity-suggested').uncheck();
  await expect(row.locator('[data-col="demanded"]')).toHaveText('0');
  await expect(row.locator('[data-col="gap"]')).toHaveText((more + 15).toLocaleString('en-US'));

  await page.reload();
  await expect(
    page
      .getByTestId('owner-capacity')
      .locator(`[data-owner="${owner}"]`)
      .getByTestId('capacity-input'),
  ).toHaveValue(String(more + 15));
});
