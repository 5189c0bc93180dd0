import { describe, expect, it } from 'vitest';
import { workspaceDefaults } from './workspaceDefaults';

describe('workspaceDefaults', () => {
  it.each([
    ['zh-CN', 'zh-CN', 'zh-CN', 'CNY'],
    ['zh-TW', 'zh-TW', 'zh-TW', 'TWD'],
    ['zh-TW', 'zh-HK', 'zh-HK', 'HKD'],
    ['zh-CN', 'zh', 'zh-CN', 'CNY'],
    ['zh-TW', 'en-US', 'zh-TW', 'TWD'],
    ['en', 'en-US', 'en-US', 'USD'],
    ['en', 'en-GB', 'en-GB', 'GBP'],
    ['en', 'de-DE', 'de-DE', 'EUR'],
    ['en', 'fr-FR', 'en-US', 'USD'],
    ['en', 'zh-CN', 'zh-CN', 'CNY'],
    ['zh-CN', 'en-GB', 'zh-CN', 'CNY'],
    ['en', 'not a locale', 'en-US', 'USD'],
  ])('UI %s, browser %s → format %s, currency %s', (ui, browser, locale, currency) => {
    expect(workspaceDefaults(ui, browser)).toEqual({ locale, currency, fiscalYearStartMonth: 1 });
  });
});
