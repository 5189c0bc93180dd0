import { currencyDigits, formatMoney, formatNumber } from '../domain/money';
import { workspace } from './workspace.svelte';

// Formatting with the workspace's locale and currency; read inside templates so it stays reactive.
const locale = () => workspace.current?.locale ?? 'en-US';
const currency = () => workspace.current?.currency ?? 'CNY';

// Intl formatters are costly to build and the grid formats every visible cell on each scroll
// frame: one per locale and options, made once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export const fmt = {
  money: (minor: number): string => formatMoney(minor, currency(), locale()),
  /** Axis labels: ¥1.2M / ¥120万 rather than fourteen digits. */
  compactMoney: (minor: number): string =>
    cached(
      `compact|${locale()}|${currency()}`,
      () =>
        new Intl.NumberFormat(locale(), {
          style: 'currency',
          currency: currency(),
          notation: 'compact',
          maximumFractionDigits: 1,
        }),
    ).format(minor / 10 ** currencyDigits(currency())),
  number: (n: number, maxFractionDigits?: number): string =>
    formatNumber(n, locale(), maxFractionDigits),
  percent: (share: number, digits = 0): string =>
    cached(
      `percent|${locale()}|${digits}`,
      () => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }),
    ).format(share),
  date: (iso: string | null): string =>
    iso
      ? cached(
          `date|${locale()}`,
          () => new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'medium' }),
        ).format(new Date(`${iso}T00:00:00Z`))
      : '—',
  currencyDigits: (): number => currencyDigits(currency()),
};
