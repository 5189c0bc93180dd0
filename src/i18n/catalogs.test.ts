import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { format, pickLocale, uiLocaleFor, UI_LOCALES } from './i18n.svelte';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(en) as MessageKey[];
const translations = [
  ['zh-CN', zhCN],
  ['zh-TW', zhTW],
] as const;

describe('message catalogs', () => {
  it.each(translations)('%s defines exactly the English keys', (_, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
  });

  it.each(translations)('%s uses the same placeholders as English', (_, catalog) => {
    const mismatched = keys.filter(
      (key) => placeholders(catalog[key]).join() !== placeholders(en[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(translations)('%s leaves no message empty', (_, catalog) => {
    expect(keys.filter((key) => catalog[key].trim() === '' || en[key].trim() === '')).toEqual([]);
  });

  it('offers every catalog in the language menu', () => {
    expect(UI_LOCALES.map((option) => option.id)).toEqual(['en', 'zh-CN', 'zh-TW']);
  });
});

describe('繁體中文 (zh-TW)', () => {
  // OpenCC's character table, Simplified → Traditional (Taiwan), one character at a time: a
  // character it changes is Simplified — except these few, which are Traditional too in the words
  // Keyplan uses them in, and which OpenCC maps away only because its table keeps one reading.
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const ALSO_TRADITIONAL = new Set(['准', '台', '干']); // 核准, 這台電腦, 若干
  const simplifiedIn = (text: string) =>
    [...text].filter((ch) => !ALSO_TRADITIONAL.has(ch) && toTraditional(ch) !== ch);

  it.each([
    ['导入数据', ['导', '数', '据']],
    ['设置已保存', ['设']],
    ['账户', ['账', '户']],
    ['匯入資料', []],
    ['帳戶設定已儲存', []],
    ['核准 · 這台電腦 · 若干', []],
  ] as const)('the check finds the Simplified characters in %s', (text, expected) => {
    expect(simplifiedIn(text)).toEqual(expected);
  });

  it('has no Simplified characters', () => {
    const found = keys
      .map((key) => [key, simplifiedIn(zhTW[key]).join('')])
      .filter(([, chars]) => chars !== '');
    expect(found).toEqual([]);
  });

  it('is not the Simplified catalog', () => {
    expect(keys.filter((key) => simplifiedIn(zhCN[key]).length > 0).length).toBeGreaterThan(
      keys.length / 2,
    );
  });

  it('quotes with 「」 as Taiwan does, not “”', () => {
    expect(keys.filter((key) => /[“”]/.test(zhTW[key]))).toEqual([]);
  });

  // Taiwan words, not character-converted mainland ones; rows are 列 and columns 欄 in Taiwan.
  it.each([
    ['nav.import', '匯入'],
    ['accounts.export', '匯出 CSV'],
    ['common.save', '儲存'],
    ['nav.settings', '設定'],
    ['import.title', '匯入資料'],
    ['portfolio.import.choose', '選擇計畫 CSV 檔案'],
    ['portfolio.create.default', '預設範本'],
    ['views.label', '已儲存檢視'],
    ['grid.undo', '復原'],
    ['grid.fields', '自訂欄位'],
    ['grid.columns', '顯示欄'],
    ['import.previewRows', '前 {n} 列'],
    ['profile.keyAccount', '大客戶'],
    ['tier.key', '重點客戶'],
    ['analysis.lorenz.gini', '吉尼係數 {gini}'],
    ['analysis.status.done', '計算用時 {ms} 毫秒（在背景執行緒）'],
  ] as const)('%s → %s', (key, expected) => {
    expect(zhTW[key]).toBe(expected);
  });
});

describe('choosing the UI language', () => {
  it.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-CN', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['de-DE', null],
    ['ja', null],
  ] as const)('browser language %s → %s', (tag, expected) => {
    expect(uiLocaleFor(tag)).toBe(expected);
  });

  it.each([
    ['a saved choice wins', 'en', ['zh-TW'], 'en'],
    ['a saved 繁體 is read back', 'zh-TW', ['en-US'], 'zh-TW'],
    ['a saved 简体 is read back', 'zh-CN', ['zh-TW'], 'zh-CN'],
    ['an unknown saved value is ignored', 'fr', ['zh-HK'], 'zh-TW'],
    ['nothing saved: the browser', null, ['zh-TW', 'en'], 'zh-TW'],
    ['the first language the app has', undefined, ['fr-FR', 'ja', 'zh-Hant-TW', 'en'], 'zh-TW'],
    ['English before Chinese in the list', null, ['de', 'en-GB', 'zh-CN'], 'en'],
    ['no language the app has', null, ['fr', 'de'], 'en'],
    ['no languages at all', null, [], 'en'],
  ] as const)('%s', (_, saved, browser, expected) => {
    expect(pickLocale(saved, browser)).toBe(expected);
  });
});

describe('format', () => {
  it.each([
    ['{n} accounts', { n: 3 }, '3 accounts'],
    ['Top {n} ({pct})', { n: 2, pct: '25%' }, 'Top 2 (25%)'],
    ['missing {x}', {}, 'missing {x}'],
    ['no params', undefined, 'no params'],
  ])('%s → %s', (template, params, expected) => {
    expect(format(template, params)).toBe(expected);
  });
});

describe('repository refusals', () => {
  it('every DataError code has a message', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../db/errors.ts', import.meta.url), 'utf8');
    const codes = [...source.matchAll(/\| '([a-z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((code) => !(`dataError.${code}` in en))).toEqual([]);
  });
});
