// Issue 8, languages: 繁體中文 next to English and 简体中文. The browser's language picks the UI
// language on a first visit (zh-TW, zh-HK → 繁體; zh-CN → 简体; anything else → English), the
// language menu switches it and the choice is remembered; every screen of the demo in 繁體 shows
// Traditional text and no raw message key.
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { en } from '../../src/i18n/en';
import { KeyplanApp } from './app';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const SHOTS = 'test-results/screenshots';

// A leaked key looks like `planEd.field.owner` or `segment.some_id`: a catalog namespace, a dot
// and more. Namespaces come from the English catalog, so new features are covered too.
const namespaces = [...new Set(Object.keys(en).map((key) => key.split('.')[0]!))];
const KEY_LIKE = new RegExp(`(?<![\\w@/.-])(?:${namespaces.join('|')})\\.[A-Za-z_][\\w.-]*`, 'g');

/** Raw message keys in the page's text and in the labels a screen reader or tooltip shows. */
async function leakedKeys(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[title], [placeholder], [aria-label]')].flatMap(
      (node) => ['title', 'placeholder', 'aria-label'].map((name) => node.getAttribute(name) ?? ''),
    );
    return [document.body.innerText, document.title, ...labels];
  });
  return [...new Set(texts.flatMap((text) => text.match(KEY_LIKE) ?? []))];
}

async function firstAccountId(app: KeyplanApp): Promise<string> {
  await app.open('#/accounts');
  await expect(app.gridRow(0)).toBeVisible({ timeout: 30_000 });
  return (await app.gridRow(0).first().getAttribute('row-id')) ?? '';
}

/** Screens of the demo workspace, each with Traditional strings it must show. */
const SCREENS: { name: string; open: (app: KeyplanApp) => Promise<void>; shows: string[] }[] = [
  {
    name: 'import',
    open: async (app) => {
      await app.open('#/import');
      await app.page.getByTestId('import-file').setInputFiles(fixture('orders_small.csv'));
      await expect(app.page.getByTestId('preview-table')).toBeVisible();
    },
    shows: ['匯入資料', '欄位對應', '編碼', '分隔符號'],
  },
  {
    name: 'accounts',
    open: async (app) => {
      await firstAccountId(app);
    },
    shows: ['300 個客戶', '匯出 CSV', '復原'],
  },
  {
    name: 'account profile',
    open: async (app) => {
      const id = await firstAccountId(app);
      await app.open(`#/accounts/${id}`);
      await expect(app.page.getByTestId('profile-heading')).toBeVisible();
      await expect(app.page.getByTestId('orders-table').locator('tbody tr').first()).toBeVisible();
    },
    shows: ['← 返回客戶清單', '聯絡人與關鍵人物', '購買記錄', '訂單編號'],
  },
  {
    name: 'analysis',
    open: async (app) => {
      await app.open('#/analysis');
      await expect(app.page.getByTestId('pareto-headline')).toBeVisible({ timeout: 30_000 });
    },
    shows: ['貢獻了 80% 的銷售額', '帕雷托', '勞倫茲曲線', 'RFM 分群'],
  },
  {
    name: 'plans',
    open: async (app) => {
      await app.open('#/plans');
      await expect(app.page.getByTestId('missing-plans')).toBeVisible({ timeout: 30_000 });
    },
    shows: ['計畫總覽', '預設範本', '匯入計畫'],
  },
  {
    name: 'plan editor',
    open: async (app) => {
      await app.open('#/plans');
      await app.page.getByTestId('portfolio-table').locator('a[href^="#/plans/"]').first().click();
      await expect(app.page.getByTestId('plan-status')).toBeVisible();
    },
    shows: ['大客戶年度發展計畫', '一、年度財務分析', '會計年度目標', '空白市場圖', 'SWOT 分析'],
  },
  {
    name: 'settings',
    open: async (app) => {
      await app.open('#/settings');
      await expect(app.page.getByTestId('settings-name')).toBeVisible();
    },
    shows: ['工作區名稱', '數字與日期格式', '客戶分級與服務等級', '幣別'],
  },
];

test.describe('a browser in 繁體中文 (zh-TW)', () => {
  test.use({ locale: 'zh-TW' });

  test('opens the demo in 繁體 with no raw message key on any screen', async ({ page }) => {
    test.setTimeout(180_000);
    const app = new KeyplanApp(page);
    await app.open('?demo=1');
    await expect(page.getByTestId('workspace-name')).toHaveText('範例 — 華東工業供應', {
      timeout: 30_000,
    });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await expect(page.getByTestId('language')).toHaveValue('zh-TW');
    const nav = page.getByRole('navigation');
    for (const name of ['匯入', '客戶', '分析', '計畫', '設定']) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }

    const leaks: string[] = [];
    for (const screen of SCREENS) {
      await screen.open(app);
      for (const text of screen.shows) {
        await expect(page.locator('main'), `${screen.name} shows ${text}`).toContainText(text);
      }
      leaks.push(...(await leakedKeys(page)).map((key) => `${screen.name}: ${key}`));
      if (screen.name === 'analysis' || screen.name === 'plan editor') {
        await page.screenshot({ path: `${SHOTS}/zh-tw-${screen.name.replace(' ', '-')}.png` });
      }
    }
    expect(leaks).toEqual([]);
  });

  test('the language menu switches to English and back, and the choice is remembered', async ({
    page,
  }) => {
    const app = new KeyplanApp(page);
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('辨識並發展您的大客戶');

    await page.getByTestId('language').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Find and develop your key accounts',
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    // The saved choice beats the zh-TW browser.
    await expect(page.getByTestId('language')).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Find and develop your key accounts',
    );

    await page.getByTestId('language').selectOption('zh-TW');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('辨識並發展您的大客戶');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await page.getByTestId('language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('识别并发展您的大客户');
    await page.getByTestId('language').selectOption('zh-TW');
    await page.reload();
    await expect(page.getByTestId('language')).toHaveValue('zh-TW');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('辨識並發展您的大客戶');
    expect(await page.evaluate(() => localStorage.getItem('keyplan.locale'))).toBe('zh-TW');
  });
});

// A first visit: the browser's language decides.
for (const [locale, expected, heading] of [
  ['zh-CN', 'zh-CN', '识别并发展您的大客户'],
  ['zh-HK', 'zh-TW', '辨識並發展您的大客戶'],
  ['en-US', 'en', 'Find and develop your key accounts'],
  ['de-DE', 'en', 'Find and develop your key accounts'],
] as const) {
  test(`a ${locale} browser gets ${expected}`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await new KeyplanApp(page).open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', expected);
    await expect(page.getByTestId('language')).toHaveValue(expected);
    await context.close();
  });
}
