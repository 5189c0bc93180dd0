import { minorToDecimalString } from '../../domain/money';
import { toCsv } from '../../io/csvExport';
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
  const body = rows.map((r) => [
    r.name,
    r.orders,
    minorToDecimalString(r.revenueMinor, digits),
    r.lastOrderDate ?? '',
    r.r,
    r.f,
    r.m,
    r.segment ? segmentName(r.segment) : '',
    r.abc ?? '',
    r.growth === null ? '' : r.growth.toFixed(4),
    r.churnRisk ? t('common.yes') : '',
    r.clvMinor === null ? '' : minorToDecimalString(r.clvMinor, digits),
    r.estimatedSpendMinor === null ? '' : minorToDecimalString(r.estimatedSpendMinor, digits),
    r.shareOfWallet === null ? '' : r.shareOfWallet.toFixed(4),
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
