import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export type UiLocale = 'en' | 'zh-CN' | 'zh-TW';
export const UI_LOCALES: readonly { id: UiLocale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
  { id: 'zh-TW', label: '繁體中文' },
];

const catalogs: Record<UiLocale, Record<MessageKey, string>> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
};
const STORAGE_KEY = 'keyplan.locale';

const isUiLocale = (value: unknown): value is UiLocale =>
  UI_LOCALES.some((option) => option.id === value);

/** The UI language for one browser language tag, or null when the app has no catalog for it. */
export function uiLocaleFor(tag: string): UiLocale | null {
  const [language, ...rest] = tag.toLowerCase().split(/[-_]/);
  if (language === 'en') return 'en';
  if (language !== 'zh') return null;
  // An explicit script decides; otherwise Taiwan, Hong Kong and Macau read Traditional.
  if (rest.includes('hant')) return 'zh-TW';
  if (rest.includes('hans')) return 'zh-CN';
  return rest.some((subtag) => ['tw', 'hk', 'mo'].includes(subtag)) ? 'zh-TW' : 'zh-CN';
}

/** A saved choice wins; else the first of the browser's languages the app has; else English. */
export function pickLocale(saved: string | null | undefined, browser: readonly string[]): UiLocale {
  if (isUiLocale(saved)) return saved;
  for (const tag of browser) {
    const locale = uiLocaleFor(tag);
    if (locale) return locale;
  }
  return 'en';
}

function initialLocale(): UiLocale {
  const nav = globalThis.navigator;
  const browser = nav?.languages?.length ? nav.languages : [nav?.language ?? 'en'];
  return pickLocale(globalThis.localStorage?.getItem(STORAGE_KEY), browser);
}

/** Whether a UI language writes Chinese, which runs sentences on without spaces. */
export const isChinese = (locale: UiLocale): boolean => locale.startsWith('zh');

/** Fills `{name}` placeholders. Unknown placeholders stay visible so gaps show up in review. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

class I18n {
  locale = $state<UiLocale>(initialLocale());

  setLocale(locale: UiLocale): void {
    this.locale = locale;
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    if (globalThis.document) document.documentElement.lang = locale;
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    format(catalogs[this.locale][key] ?? en[key], params);

  /** For keys built at run time (e.g. `segment.${id}`); falls back to the key itself. */
  tDynamic = (key: string, params?: Record<string, string | number>): string => {
    const catalog = catalogs[this.locale] as Record<string, string>;
    const template = catalog[key] ?? (en as Record<string, string>)[key] ?? key;
    return format(template, params);
  };
}

export const i18n = new I18n();
export const t = i18n.t;
export const tDynamic = i18n.tDynamic;
/** Sentences in a row: Chinese runs them on, English puts a space between. */
export const joinSentences = (...sentences: string[]): string =>
  sentences.join(isChinese(i18n.locale) ? '' : ' ');
export type { MessageKey };
