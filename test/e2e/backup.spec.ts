// Issue 8: back up a workspace to one file, restore it in a fresh browser (another computer),
// restoring over an existing workspace asks first, and a cut-off or wrong file changes nothing.
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { KeyplanApp } from './app';

const SHOTS = '.scratch';
const DEMO = 'Demo — East China Industrial Supply';

async function addAccount(page: Page, name: string, count: string) {
  await page.getByTestId('add-account').click();
  await page.getByTestId('add-name').fill(name);
  await page.getByTestId('add-confirm').click();
  await expect(page.getByTestId('accounts-count')).toHaveText(count);
}

/** Accounts whose name matches `text`, through the grid's quick search. */
async function accountsMatching(app: KeyplanApp, text: string): Promise<number> {
  await app.page.getByTestId('accounts-search').fill(text);
  // The grid filters as it goes; give it a moment to settle on a count.
  await app.page.waitForTimeout(300);
  const n = await app.gridRows().count();
  await app.page.getByTestId('accounts-search').fill('');
  return n;
}

async function chooseBackup(page: Page, file: { name: string; buffer: Buffer }) {
  await page
    .getByTestId('backup-restore-file')
    .setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

test('back up the demo, restore it in a fresh browser, replace only after asking, bad files change nothing', async ({
  page,
  browser,
}, testInfo) => {
  // Two browsers, the demo built once and restored three times: longer than one screen's test.
  test.setTimeout(180_000);
  const app = new KeyplanApp(page);
  await page.goto('/?demo=1');
  await expect(page.getByTestId('workspace-name')).toHaveText(DEMO, { timeout: 30_000 });
  await app.nav('Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText('300 accounts');
  await addAccount(page, 'Backup Probe Trading Co.', '301 accounts');

  await app.nav('Plans');
  await expect(page.getByTestId('portfolio-count')).toHaveText('1 of 1 plans');
  // Account, owner, status and actions done / planned: not the figures, which load later.
  const planCells = async (p: Page) => {
    const cells = await p.getByTestId('portfolio-row').locator('td').allInnerTexts();
    return [0, 2, 3, 7].map((i) => cells[i]?.trim());
  };
  const plan = await planCells(page);
  expect(plan[3]).toBe('0 / 3');

  // Back up this workspace: one .keyplan file, and the card says when.
  await app.nav('Settings');
  await expect(page.getByTestId('backup-last')).toContainText('never been backed up');
  const backup = await app.download(() => page.getByTestId('backup-this').click());
  expect(backup.name).toMatch(
    /^Keyplan backup - Demo — East China Industrial Supply \d{4}-\d{2}-\d{2}\.keyplan$/,
  );
  expect(backup.bytes.subarray(0, 15).toString('latin1')).toBe('KEYPLAN-BACKUP\n');
  await expect(page.getByTestId('backup-saved')).toContainText(backup.name);
  await expect(page.getByTestId('backup-last')).toContainText('Last backup of this workspace');
  const backupPath = testInfo.outputPath(backup.name);
  writeFileSync(backupPath, backup.bytes);

  // Another computer: a fresh browser restores the file from the welcome screen.
  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    const app2 = new KeyplanApp(page2);
    await page2.goto('/');
    await expect(page2.getByRole('button', { name: /Load demo workspace/ })).toBeVisible();
    await page2.screenshot({ path: `${SHOTS}/backup-welcome.png` });
    await page2.getByTestId('backup-restore-file').setInputFiles(backupPath);
    const confirm2 = page2.getByTestId('backup-confirm');
    await expect(confirm2).toContainText(backup.name);
    await expect(confirm2.getByTestId('backup-workspace')).toHaveCount(1);
    await expect(confirm2.getByTestId('backup-workspace')).toContainText(DEMO);
    await expect(confirm2.getByTestId('backup-workspace')).toContainText('301');
    await page2.getByTestId('backup-restore-confirm').click();
    await expect(page2.getByTestId('workspace-name')).toHaveText(DEMO);
    await expect(page2.getByTestId('accounts-count')).toHaveText('301 accounts');
    expect(await accountsMatching(app2, 'Backup Probe')).toBe(1);
    await app2.nav('Plans');
    await expect(page2.getByTestId('portfolio-count')).toHaveText('1 of 1 plans');
    expect(await planCells(page2)).toEqual(plan);

    // Restoring it again there and keeping both gives a second, renamed workspace.
    await app2.nav('Settings');
    await chooseBackup(page2, { name: backup.name, buffer: backup.bytes });
    await page2.getByLabel(/Keep both/).check();
    await page2.getByTestId('backup-restore-confirm').click();
    await expect(page2.getByTestId('workspace-name')).toHaveText(`${DEMO} (restored)`);
    await expect(page2.getByTestId('accounts-count')).toHaveText('301 accounts');
  } finally {
    await other.close();
  }

  // Back in the first browser: a change after the backup, then restoring asks first.
  await app.nav('Accounts');
  await addAccount(page, 'After Backup Co.', '302 accounts');
  await app.nav('Settings');
  await chooseBackup(page, { name: backup.name, buffer: backup.bytes });
  const confirm = page.getByTestId('backup-confirm');
  await expect(confirm).toContainText('A workspace with this name exists already.');
  // No choice made yet: nothing can be written.
  await expect(page.getByTestId('backup-restore-confirm')).toBeDisabled();
  await confirm.screenshot({ path: `${SHOTS}/backup-restore-confirm.png` });

  await page.getByTestId('backup-restore-cancel').click();
  await expect(confirm).toHaveCount(0);
  await app.nav('Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText('302 accounts');

  await app.nav('Settings');
  await chooseBackup(page, { name: backup.name, buffer: backup.bytes });
  await page.getByLabel('Replace it').check();
  await expect(confirm).toContainText('Replacing deletes the workspace');
  await confirm.screenshot({ path: `${SHOTS}/backup-restore-replace.png` });
  await page.getByTestId('backup-restore-confirm').click();
  await expect(page.getByTestId('accounts-count')).toHaveText('301 accounts');
  await expect(page.getByTestId('workspace-name')).toHaveText(DEMO);
  expect(await accountsMatching(app, 'After Backup')).toBe(0);
  expect(await accountsMatching(app, 'Backup Probe')).toBe(1);
  // Replaced, not added: still one workspace, so no "back up all" choice.
  await app.nav('Settings');
  await expect(page.getByTestId('backup-this')).toBeVisible();
  await expect(page.getByTestId('backup-all')).toHaveCount(0);

  // A cut-off copy and a CSV renamed .keyplan: clear messages, nothing changed.
  const cut = {
    name: 'cut off.keyplan',
    buffer: backup.bytes.subarray(0, backup.bytes.length >> 1),
  };
  await chooseBackup(page, cut);
  const error = page.getByTestId('backup-error');
  await expect(error).toContainText('“cut off.keyplan” is incomplete');
  await expect(error).toContainText('Nothing was changed');
  await expect(confirm).toHaveCount(0);
  await page.getByTestId('backup-card').screenshot({ path: `${SHOTS}/backup-error-truncated.png` });

  const csv = {
    name: 'orders.keyplan',
    buffer: Buffer.from('订单号,客户名称,金额\nSO-1,ACME,12.50\n'),
  };
  await chooseBackup(page, csv);
  await expect(error).toContainText('“orders.keyplan” is not a Keyplan backup');
  await expect(confirm).toHaveCount(0);

  await app.nav('Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText('301 accounts');
  await expect(page.getByTestId('workspace-name')).toHaveText(DEMO);
});

test('the reminder: not for the demo or a new workspace, after 14 days without a backup; later and back up now', async ({
  page,
  browser,
}) => {
  const day = (d: string) => new Date(`${d}T09:00:00Z`);
  const banner = page.getByTestId('backup-reminder');
  const reopen = async (p: Page, at: string) => {
    await p.clock.setSystemTime(day(at));
    await p.reload();
    await expect(p.getByTestId('workspace-name')).toBeVisible();
  };

  // The demo never asks, however old.
  const demo = await browser.newContext();
  try {
    const demoPage = await demo.newPage();
    await demoPage.clock.install({ time: day('2026-01-01') });
    await demoPage.goto('/?demo=1');
    await expect(demoPage.getByTestId('workspace-name')).toHaveText(DEMO, { timeout: 30_000 });
    await reopen(demoPage, '2026-03-01');
    await expect(demoPage.getByTestId('accounts-count')).toBeVisible();
    await expect(demoPage.getByTestId('backup-reminder')).toHaveCount(0);
  } finally {
    await demo.close();
  }

  // A workspace of one's own: quiet while new, then asks.
  const app = new KeyplanApp(page);
  await page.clock.install({ time: day('2026-01-01') });
  await app.open();
  await app.startEmpty();
  await app.nav('Accounts');
  await addAccount(page, 'Probe Co.', '1 accounts');
  await reopen(page, '2026-01-10');
  await expect(page.getByTestId('accounts-count')).toHaveText('1 accounts');
  await expect(banner).toHaveCount(0);
  await reopen(page, '2026-01-20');
  await expect(banner).toContainText('has never been backed up');

  // Remind me later: gone for 7 days, also after a reload.
  await page.getByTestId('backup-reminder-later').click();
  await expect(banner).toHaveCount(0);
  await reopen(page, '2026-01-26');
  await expect(page.getByTestId('accounts-count')).toHaveText('1 accounts');
  await expect(banner).toHaveCount(0);
  await reopen(page, '2026-01-28');
  await expect(banner).toBeVisible();

  // Back up now: downloads the file and the banner goes until the backup is old.
  const file = await app.download(() => page.getByTestId('backup-reminder-now').click());
  expect(file.name).toBe('Keyplan backup - My workspace 2026-01-28.keyplan');
  await expect(banner).toHaveCount(0);
  await reopen(page, '2026-02-20');
  await expect(banner).toContainText('was last backed up 22 days ago');
});
