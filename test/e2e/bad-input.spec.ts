// Issue 8: the bad-input corpus (test/fixtures/bad) through the import screen, as a user picks
// files. Each file must get a clear message naming it (and the row and column where that
// applies), no import may be possible where nothing valid is left, and the database must stay
// exactly as it was: nothing here is ever imported.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { en } from '../../src/i18n/en';
import { KeyplanApp } from './app';

const SHOTS = 'test-results/screenshots';
const dir = (name: string) => fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url));

interface Expectation {
  file: string;
  outcome: 'refused' | 'choose_columns' | 'no_rows' | 'some_rows';
  stage?: 'sniff' | 'check';
  rowsValid?: number;
  rejects?: { line: number; column: string; reason: string }[];
  message: string;
}
const EXPECTED = (
  JSON.parse(readFileSync(dir('expected.json'), 'utf8')) as { files: Expectation[] }
).files;

/** Screenshots of two kinds of message, for review. */
const SHOT_OF: Record<string, string> = {
  'renamed_xlsx.csv': 'bad-input-refused.png',
  'dates_all_invalid.csv': 'bad-input-no-rows.png',
  'duplicate_headers.csv': 'bad-input-duplicate-headers.png',
  'invalid_utf8.csv': 'bad-input-some-rows.png',
};

/**
 * Row counts of every object store, and a SHA-256 of every row of the stores an import writes
 * to, read with the raw IndexedDB API (no version: no upgrade).
 */
async function fingerprint(page: Page): Promise<Record<string, string | number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string | number>>((resolve, reject) => {
        const open = indexedDB.open('keyplan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const names = [...idb.objectStoreNames].filter((n) => n !== 'meta');
          const tx = idb.transaction(names);
          const out: Record<string, string | number> = {};
          const hashed = ['imports', 'orders', 'accounts', 'contacts', 'mappings'];
          const reads = names.map(
            (name) =>
              new Promise<void>((done, fail) => {
                const req = tx.objectStore(name).getAll();
                req.onerror = () => fail(req.error);
                req.onsuccess = () => {
                  const rows = req.result as unknown[];
                  out[`${name}.count`] = rows.length;
                  if (!hashed.includes(name)) return done();
                  const bytes = new TextEncoder().encode(JSON.stringify(rows));
                  void crypto.subtle.digest('SHA-256', bytes).then((digest) => {
                    out[`${name}.sha256`] = [...new Uint8Array(digest)]
                      .map((b) => b.toString(16).padStart(2, '0'))
                      .join('');
                    done();
                  }, fail);
                };
              }),
          );
          Promise.all(reads).then(
            () => {
              idb.close();
              resolve(out);
            },
            (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
          );
        };
      }),
  );
}

test('every file of the bad-input corpus gets a clear message and changes nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  const app = new KeyplanApp(page);
  await app.open();
  await app.loadDemo();
  await app.nav('Import');
  const history = page.getByTestId('import-history').locator('tbody tr');
  const historyRows = await history.count();
  const before = await fingerprint(page);
  expect(before['orders.count']).toBeGreaterThan(0);
  expect(before['accounts.count']).toBeGreaterThan(0);

  const input = page.getByTestId('import-file');
  const errorBox = page.getByTestId('import-error');
  const preview = page.getByTestId('import-preview');
  const cancelPreview = async () => {
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(input).toBeAttached();
  };
  const shoot = async (file: string) => {
    const shot = SHOT_OF[file];
    if (shot) await page.screenshot({ path: `${SHOTS}/${shot}`, fullPage: true });
  };

  for (const expected of EXPECTED) {
    await test.step(expected.file, async () => {
      await input.setInputFiles(dir(expected.file));

      if (expected.outcome === 'refused' && expected.stage === 'sniff') {
        await expect(errorBox).toContainText(expected.message);
        await expect(preview).toHaveCount(0);
        await shoot(expected.file);
        return;
      }

      await expect(preview).toBeVisible();
      if (expected.outcome === 'choose_columns') {
        await expect(preview).toContainText(expected.message);
        await expect(page.getByTestId('import-check')).toBeDisabled();
        await shoot(expected.file);
        await cancelPreview();
        return;
      }

      await page.getByTestId('import-check').click();
      if (expected.outcome === 'refused') {
        await expect(errorBox).toContainText(expected.message);
        await expect(page.getByTestId('check-summary')).toHaveCount(0);
        await shoot(expected.file);
        await cancelPreview();
        return;
      }

      await expect(page.getByTestId('check-summary')).toBeVisible();
      const run = page.getByTestId('import-run');
      if (expected.outcome === 'no_rows') {
        await expect(page.getByTestId('nothing-to-import')).toContainText(expected.message);
        await expect(run).toBeDisabled();
      } else {
        await expect(page.getByTestId('nothing-to-import')).toHaveCount(0);
        await expect(run).toHaveText(`Import ${expected.rowsValid} rows`);
      }
      // Each rejected row is listed with its row number, its column and the reason.
      const table = page.getByTestId('rejects-table');
      for (const reject of expected.rejects ?? []) {
        const row = table.locator('tbody tr').filter({
          has: page.locator('td:first-child', { hasText: new RegExp(`^${reject.line}$`) }),
        });
        await expect(row.locator('td').nth(1)).toHaveText(reject.column);
        const reason = (en as Record<string, string>)[`import.reject.${reject.reason}`];
        await expect(row.locator('td').nth(3)).toHaveText(reason ?? reject.reason);
      }
      if (expected.outcome === 'some_rows') await expect(table).toContainText(expected.message);
      await shoot(expected.file);
      await page.getByRole('button', { name: 'Back to columns' }).click();
      await cancelPreview();
    });
  }

  // The messages are translated: one of them in 简体中文.
  await page.getByTestId('language').selectOption('zh-CN');
  await input.setInputFiles(dir('renamed_pdf.csv'));
  await expect(errorBox).toHaveText(
    'renamed_pdf.csv 是 PDF 文档，不是 CSV 文件。请从原系统将数据导出为 CSV。',
  );
  await page.screenshot({ path: `${SHOTS}/bad-input-refused-zh.png` });

  await expect(history).toHaveCount(historyRows);
  expect(await fingerprint(page)).toEqual(before);
  expect(pageErrors).toEqual([]);
});
