import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type UiLocale = 'en' | 'zh-CN';
export const UI_LOCALES: readonly { id: UiLocale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
];

const catalogs: Record<UiLocale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'keyplan.locale';

function initialLocale(): UiLocale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  const browser = globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

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
export type { MessageKey };
