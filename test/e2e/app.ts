// Page models for the end-to-end suite: tests read as what a user does.
import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export class KeyplanApp {
  /** Every URL the page asked for, to prove nothing left the app's own origin. */
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requests.push(request.url()));
  }

  foreignRequests(origin: string): string[] {
    return this.requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
  }

  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
  }

  async nav(name: 'Import' | 'Accounts' | 'Analysis' | 'Plans' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  }

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: /Load demo workspace/ }).click();
    await expect(this.page.getByTestId('workspace-name')).toBeVisible({ timeout: 30_000 });
  }

  async startEmpty(): Promise<void> {
    await this.page.getByRole('button', { name: /Start empty/ }).click();
    await expect(this.page.getByRole('heading', { name: 'Import data' })).toBeVisible();
  }

  async importFile(path: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles(path);
    await this.checkAndImport();
  }

  /**
   * Imports a generated 300,000-row file (big enough to take a while to write) and returns once
   * the writing pass has reached `share` of the file.
   */
  async startBigImport(name: string, share: number): Promise<void> {
    const lines = ['订单号,客户名称,订单日期,金额'];
    for (let i = 0; i < 300_000; i++) {
      lines.push(
        `${name}-${i},客户${i % 5000}号有限公司,2025-0${(i % 9) + 1}-1${i % 9},${(i % 997) + 0.5}`,
      );
    }
    await this.page.getByTestId('import-file').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await this.page.getByTestId('import-check').click();
    await this.page.getByTestId('import-run').click({ timeout: 60_000 });
    const bar = this.page.getByTestId('import-progress').locator('progress');
    await expect
      .poll(async () => Number(await bar.getAttribute('value')), {
        timeout: 60_000,
        intervals: [100],
      })
      .toBeGreaterThanOrEqual(share);
  }

  /** Undoes the newest import in the history (it is listed first), confirming the dialog. */
  async undoLatestImport(): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page
      .getByTestId('import-history')
      .locator('tbody tr')
      .first()
      .getByTestId('undo-import')
      .click();
  }

  /** From the column preview: check every row, then import. */
  async checkAndImport(): Promise<void> {
    await expect(this.page.getByTestId('preview-table')).toBeVisible();
    await this.page.getByTestId('import-check').click();
    await expect(this.page.getByTestId('check-summary')).toBeVisible({ timeout: 30_000 });
    await this.page.getByTestId('import-run').click();
    await expect(this.page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  }

  /** Rendered grid rows; AG Grid keeps DOM order apart from display order, so use gridRow(i). */
  gridRows() {
    return this.page.locator('.ag-row[row-index]');
  }

  /** The row shown at position `index` (0 = top) in the current sort. */
  gridRow(index: number) {
    return this.page.locator(`.ag-row[row-index="${index}"]`);
  }

  /** Pixels of a chart within `tolerance` of one colour (e.g. the selection's amber). */
  async colorPixels(
    testId: string,
    rgb: [number, number, number],
    tolerance = 12,
  ): Promise<number> {
    return this.page.getByTestId(testId).evaluate(
      (node, [color, tol]) => {
        const canvas = node as HTMLCanvasElement;
        const ctx = canvas.getContext('2d');
        if (!ctx) return 0;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (
            data[i + 3]! > 200 &&
            Math.abs(data[i]! - color[0]) <= tol &&
            Math.abs(data[i + 1]! - color[1]) <= tol &&
            Math.abs(data[i + 2]! - color[2]) <= tol
          ) {
            n += 1;
          }
        }
        return n;
      },
      [rgb, tolerance] as const,
    );
  }

  /** Pixels a chart drew (not background), and a fingerprint of its image. */
  async canvasStats(testId: string): Promise<{ painted: number; fingerprint: string }> {
    return this.page.getByTestId(testId).evaluate((node) => {
      const canvas = node as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx) return { painted: 0, fingerprint: '' };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) {
        // Drawn = neither transparent nor the white background every chart gets.
        const white = data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245;
        if (data[i + 3]! > 0 && !white) painted += 1;
        hash = (hash * 31 + data[i]! + data[i + 1]! * 7 + data[i + 2]! * 13) >>> 0;
      }
      return { painted, fingerprint: `${canvas.width}x${canvas.height}:${hash}` };
    });
  }

  async download(
    trigger: () => Promise<void>,
  ): Promise<{ name: string; text: string; bytes: Buffer }> {
    const [download]: [Download, void] = await Promise.all([
      this.page.waitForEvent('download'),
      trigger(),
    ]);
    const path = await download.path();
    const bytes = readFileSync(path);
    return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
  }
}

export interface PageWatch {
  violations: () => Promise<string[]>;
  errors: string[];
}

/** Records CSP violations (in the page) and console errors / uncaught exceptions. */
export async function watchPage(page: Page): Promise<PageWatch> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}`);
    });
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    errors,
    violations: () =>
      page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      ),
  };
}
