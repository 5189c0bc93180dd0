import { currencyDigits, formatMoney, formatNumber } from '../domain/money';
import { workspace } from './workspace.svelte';

// Formatting with the workspace's locale and currency; read inside templates so it stays reactive.
const locale = () => workspace.current?.locale ?? 'en-US';
const currency = () => workspace.current?.currency ?? 'CNY';

export const fmt = {
  money: (minor: number): string => formatMoney(minor, currency(), locale()),
  /** Axis labels: ¥1.2M / ¥120万 rather than fourteen digits. */
  compactMoney: (minor: number): string =>
    new Intl.NumberFormat(locale(), {
      style: 'currency',
      currency: currency(),
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(minor / 10 ** currencyDigits(currency())),
  number: (n: number, maxFractionDigits?: number): string =>
    formatNumber(n, locale(), maxFractionDigits),
  percent: (share: number, digits = 0): string =>
    new Intl.NumberFormat(locale(), {
      style: 'percent',
      maximumFractionDigits: digits,
    }).format(share),
  date: (iso: string | null): string =>
    iso
      ? new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'medium' }).format(
          new Date(`${iso}T00:00:00Z`),
        )
      : '—',
  currencyDigits: (): number => currencyDigits(currency()),
};
