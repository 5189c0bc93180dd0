// Issue 6, the account profile (seeds 002/003): company profile, contacts on the three lines with a
// node person and an org chart, needs and visits, purchase history — all kept across a reload.
import { expect, test, type Page } from '@playwright/test';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';

/** Opens the profile of the account in the grid's first row; returns its name. */
async function openFirstProfile(page: Page): Promise<string> {
  const first = page.locator('.ag-row[row-index="0"]').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  const id = await first.getAttribute('row-id');
  expect(id).toMatch(/^\d+$/);
  await page.evaluate((hash) => (location.hash = hash), `#/accounts/${id}`);
  await expect(page.getByTestId('profile-heading')).toBeVisible();
  return (await page.getByTestId('profile-heading').textContent()) ?? '';
}

test('an account profile is filled in, shows its gaps and keeps everything after a reload', async ({
  page,
}) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  const name = await openFirstProfile(page);
  expect(name.trim()).not.toBe('');
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Accounts', exact: true }),
  ).toHaveAttribute('aria-current', 'page');

  // At a glance: the shared analysis figures; purchase history: orders and a drawn chart.
  await expect(page.getByTestId('glance-rfm')).toHaveText(/R \d · F \d · M \d/);
  await expect(page.getByTestId('glance-abc')).toHaveText(/^[ABC]$/);
  await expect(page.getByTestId('glance-revenue')).toContainText(/\d/);
  await expect(page.getByTestId('orders-summary')).toContainText(/\d+ orders/);
  await expect(page.getByTestId('orders-table').locator('tbody tr').first()).toBeVisible();
  await expect
    .poll(async () => (await app.canvasStats('profile-revenue-chart')).painted)
    .toBeGreaterThan(1_000);

  // Company profile: a bad website is refused with a message; the rest saves on leaving a field.
  const website = page.getByTestId('profile-website');
  await website.fill('not a website');
  await website.press('Tab');
  await expect(page.getByTestId('profile-website-error')).toHaveText(
    'The website must be an address such as www.example.com.',
  );
  await expect(page.getByTestId('profile-save-state')).toHaveText('Not saved — fix the errors');
  await website.fill('www.acme-example.cn');
  await page.getByTestId('profile-strategy').fill('Become the first supplier in East China');
  await expect(page.getByTestId('profile-website-error')).toBeHidden();
  await page.getByTestId('profile-size').fill('1,200 staff');
  await page.getByTestId('profile-products').fill('Valves, pumps');
  await page.getByTestId('profile-organisation').fill('Group with three plants');
  await page.getByTestId('profile-notes').fill('Met the purchasing director in March.');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-save-state')).toHaveText('Saved');

  // No contacts yet: every gap is flagged.
  const gaps = page.getByTestId('coverage-gaps');
  await expect(page.getByTestId('gap-node')).toContainText('No node person');
  await expect(page.getByTestId('gap-technical')).toHaveText('⚠ No contact on the technical line');

  // First contact, checked before saving: a name is required, influence is 1–5.
  await page.getByTestId('contact-add').click();
  const form = page.getByTestId('contact-form');
  await page.getByTestId('contact-influence').fill('9');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText([
    'Enter the contact’s name.',
    'Influence is a whole number from 1 to 5, or empty.',
  ]);
  await page.getByTestId('contact-name').fill('Wang Wei');
  await page.getByTestId('contact-title').fill('Chief engineer');
  await page.getByTestId('contact-department').fill('R&D');
  await page.getByTestId('contact-line').selectOption('technical');
  await page.getByTestId('contact-role').selectOption('decision_maker');
  await page.getByTestId('contact-influence').fill('5');
  await page.getByTestId('contact-attitude').selectOption('supporter');
  await page.getByTestId('contact-last-contact').fill('2025-03-12');
  await page.getByTestId('contact-phone').fill('+86 21 5555 0101');
  await page.getByTestId('contact-email').fill('wang.wei@acme-example.cn');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('gap-technical')).toBeHidden();
  await expect(page.getByTestId('gap-node')).toBeVisible();

  // Second contact reports to the first; still no node person.
  await page.getByTestId('contact-add').click();
  await page.getByTestId('contact-name').fill('Li Na');
  await page.getByTestId('contact-title').fill('Purchasing manager');
  await page.getByTestId('contact-line').selectOption('business');
  await page.getByTestId('contact-role').selectOption('champion');
  await page.getByTestId('contact-reports-to').selectOption({ label: 'Wang Wei' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(2);
  await expect(page.getByTestId('gap-node')).toBeVisible();
  await expect(page.getByTestId('gap-business')).toBeHidden();

  // Marking her as the node person removes that gap; only the management line is left.
  await page
    .getByTestId('contact-row')
    .filter({ hasText: 'Li Na' })
    .getByTestId('contact-edit')
    .click();
  await page.getByTestId('contact-node').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('gap-node')).toBeHidden();
  await expect(gaps.locator('li')).toHaveText(['⚠ No contact on the management line']);

  // A need and a visit.
  await page.getByTestId('note-kind').selectOption('need');
  await page.getByTestId('note-date').fill('2025-04-02');
  await page.getByTestId('note-text').fill('Priority stock before the peak season');
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note-row')).toHaveCount(1);
  await page.getByTestId('note-kind').selectOption('complaint');
  await page.getByTestId('note-text').fill('Two late deliveries in March');
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note-row')).toHaveCount(2);
  await page
    .getByTestId('note-row')
    .filter({ hasText: 'late deliveries' })
    .getByTestId('note-toggle')
    .click();
  await expect(
    page.getByTestId('note-row').filter({ hasText: 'late deliveries' }).getByTestId('note-status'),
  ).toHaveText('Resolved');

  await page.getByTestId('visit-date').fill('2025-04-10');
  await page.getByTestId('visit-visitor').fill('Chen Jun (VP Sales)');
  await page.getByTestId('visit-level').selectOption('executive');
  await page.getByTestId('visit-purpose').fill('Annual review and new product trial');
  await page.getByTestId('visit-outcome').fill('Trial of the new valve line agreed for Q3');
  await page.getByTestId('visit-add').click();
  await expect(page.getByTestId('visit-row')).toHaveCount(1);

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByTestId('profile-heading')).toHaveText(name);
  await expect(page.getByTestId('glance-rfm')).toHaveText(/R \d · F \d · M \d/);
  await expect(page.getByTestId('profile-strategy')).toHaveValue(
    'Become the first supplier in East China',
  );
  await expect(page.getByTestId('profile-size')).toHaveValue('1,200 staff');
  await expect(page.getByTestId('profile-products')).toHaveValue('Valves, pumps');
  await expect(page.getByTestId('profile-organisation')).toHaveValue('Group with three plants');
  await expect(page.getByTestId('profile-website')).toHaveValue('www.acme-example.cn');
  await expect(page.getByTestId('profile-notes')).toHaveValue(
    'Met the purchasing director in March.',
  );
  const rows = page.getByTestId('contact-row');
  await expect(rows).toHaveCount(2);
  // Listed in the order added; Li Na's row names Wang Wei too (as her manager).
  const wang = rows.nth(0);
  await expect(wang.locator('td').first()).toHaveText('Wang Wei');
  await expect(wang).toContainText('Chief engineer');
  await expect(wang).toContainText('R&D');
  await expect(wang).toContainText('Technical line');
  await expect(wang).toContainText('Decision maker');
  await expect(wang).toContainText('Supporter');
  await expect(wang).toContainText('wang.wei@acme-example.cn');
  const li = rows.nth(1);
  await expect(li.locator('td').first()).toContainText('Li Na');
  await expect(li.getByTestId('node-badge')).toBeVisible();
  await expect(li).toContainText('Champion');
  await expect(li.locator('td').nth(6)).toHaveText('Wang Wei');
  await expect(page.getByTestId('gap-node')).toBeHidden();
  await expect(page.getByTestId('gap-management')).toBeVisible();

  // The org chart puts Li Na under Wang Wei.
  const chart = page.getByTestId('org-chart');
  const top = chart.locator('ul.root > li');
  await expect(top).toHaveCount(1);
  await expect(top.getByTestId('org-box').first()).toContainText('Wang Wei');
  await expect(top.locator('ul.children').getByTestId('org-box')).toContainText('Li Na');

  await expect(page.getByTestId('note-row')).toHaveCount(2);
  // Newest first: both on 2 April, the complaint was written last.
  await expect(page.getByTestId('note-row').nth(0)).toContainText('Two late deliveries');
  await expect(page.getByTestId('note-row').nth(0)).toContainText('Resolved');
  await expect(page.getByTestId('note-row').nth(1)).toContainText('Priority stock');
  await expect(page.getByTestId('note-row').nth(1)).toContainText('NeedPriority');
  await expect(page.getByTestId('note-row').nth(1).getByTestId('note-status')).toHaveText('Open');
  await expect(page.getByTestId('visit-row')).toContainText('Chen Jun (VP Sales)');
  await expect(page.getByTestId('visit-row')).toContainText('Executive');
  await expect(page.getByTestId('visit-row')).toContainText('Trial of the new valve line');

  await page.screenshot({ path: `${SHOTS}/profile.png`, fullPage: true });

  // The method's own words in Chinese.
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('gap-management')).toHaveText('⚠ 管理线上没有联系人');
  await expect(li.getByTestId('node-badge')).toHaveText('★ 节点人物');
  await expect(li).toContainText('内部支持者');
  await expect(page.getByTestId('visit-log').getByRole('heading')).toHaveText('拜访记录');
  await page.screenshot({ path: `${SHOTS}/profile-zh.png`, fullPage: true });
  await page.getByTestId('language').selectOption('en');

  // The back link returns to the grid.
  await page.getByTestId('profile-back').click();
  await expect(app.gridRow(0)).toBeVisible();
});

test('an unknown account id says so', async ({ page }) => {
  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await page.evaluate(() => (location.hash = '#/accounts/999999'));
  await expect(page.getByTestId('profile-not-found')).toHaveText(
    'This account does not exist in this workspace.',
  );
});
