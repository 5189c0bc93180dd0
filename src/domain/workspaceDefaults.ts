// What a new workspace starts with, from the language the user reads the app in and the browser's
// own locale. Pure: callers pass both in.

export const WORKSPACE_CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY'] as const;
export const WORKSPACE_LOCALES = ['zh-CN', 'zh-TW', 'zh-HK', 'en-US', 'en-GB', 'de-DE'] as const;

export interface WorkspaceDefaults {
  currency: string;
  locale: string;
  fiscalYearStartMonth: number;
}

/** Region (ISO 3166) → the currency most firms there keep their books in. */
const CURRENCY_BY_REGION: Record<string, string> = {
  CN: 'CNY',
  HK: 'HKD',
  MO: 'HKD',
  TW: 'TWD',
  US: 'USD',
  GB: 'GBP',
  JP: 'JPY',
  DE: 'EUR',
  FR: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  NL: 'EUR',
  AT: 'EUR',
  IE: 'EUR',
};

function regionOf(tag: string): string | null {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return locale.region ?? null;
  } catch {
    return null;
  }
}

/**
 * Number/date format: the browser's own locale when it is one we offer, else the one that matches
 * the UI language (繁體 → zh-TW, 简体 → zh-CN, English → en-US). Currency follows that locale's
 * region; CNY when nothing says otherwise (the method's home market). Fiscal years start in
 * January unless the user says so.
 */
export function workspaceDefaults(uiLocale: string, browserLocale: string): WorkspaceDefaults {
  const offered = WORKSPACE_LOCALES as readonly string[];
  const browserLanguage = browserLocale.split('-')[0]?.toLowerCase();
  const uiLanguage = uiLocale.split('-')[0]?.toLowerCase();
  const fromUi = uiLocale === 'zh-TW' ? 'zh-TW' : uiLanguage === 'zh' ? 'zh-CN' : 'en-US';
  // The browser's locale only when it speaks the UI's language: a German browser reading the
  // English UI still gets de-DE numbers, but never a zh-CN format under an English UI by accident.
  const locale =
    offered.includes(browserLocale) && (browserLanguage === uiLanguage || uiLanguage === 'en')
      ? browserLocale
      : fromUi;
  const currency = CURRENCY_BY_REGION[regionOf(locale) ?? ''] ?? 'CNY';
  return { currency, locale, fiscalYearStartMonth: 1 };
}
