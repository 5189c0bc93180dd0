import { minorToDecimalString } from '../../domain/money';
import { csvDecimal, toCsv } from '../../io/csvExport';
import { downloadText } from '../../io/download';
import { t, tDynamic } from '../../i18n/i18n.svelte';
import type { AccountView } from '../../state/workspaceData.svelte';
import { fmt } from '../../state/format';

/** Accounts in the grid's current filter and sort order; amounts as exact decimals for Excel. */
export function accountsCsv(
  rows: readonly AccountView[],
  digits: number,
  segmentName: (id: string) => string = (id) => tDynamic(`segment.${id}`),
): string {
  const header = [
    t('col.name'),
    t('col.orders'),
    t('col.revenue'),
    t('col.lastOrder'),
    t('col.r'),
    t('col.f'),
    t('col.m'),
    t('col.segment'),
    t('col.abc'),
    t('col.growth'),
    t('col.churn'),
    t('col.clv'),
    t('col.estimatedSpend'),
    t('col.shareOfWallet'),
    t('col.keyAccount'),
    t('col.tier'),
    t('col.owner'),
    t('col.industry'),
    t('col.region'),
  ];
  // Figures go out as exact decimals that are never taken for formulas: a negative amount or
  // growth stays the number -12.50 in Excel, not the neutralised text '-12.50.
  const money = (minor: number | null) =>
    minor === null ? null : csvDecimal(minorToDecimalString(minor, digits));
  const ratio = (value: number | null) => (value === null ? null : csvDecimal(value.toFixed(4)));
  const body = rows.map((r) => [
    r.name,
    r.orders,
    money(r.revenueMinor),
    r.lastOrderDate ?? '',
    r.r,
    r.f,
    r.m,
    r.segment ? segmentName(r.segment) : '',
    r.abc ?? '',
    ratio(r.growth),
    r.churnRisk ? t('common.yes') : '',
    money(r.clvMinor),
    money(r.estimatedSpendMinor),
    ratio(r.shareOfWallet),
    r.isKeyAccount ? t('common.yes') : t('common.no'),
    r.tier ? tDynamic(`tier.${r.tier}`) : '',
    r.owner,
    r.industry,
    r.region,
  ]);
  return toCsv([header, ...body]);
}

export function exportAccountsCsv(
  rows: readonly AccountView[],
  asOf: string | null,
  segmentName: (id: string) => string,
): void {
  downloadText(
    `keyplan-accounts-${asOf ?? 'all'}.csv`,
    accountsCsv(rows, fmt.currencyDigits(), segmentName),
  );
}
