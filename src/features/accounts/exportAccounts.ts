import { minorToDecimalString } from '../../domain/money';
import { csvDecimal, toCsv, type CsvCell } from '../../io/csvExport';
import { downloadText } from '../../io/download';
import { t } from '../../i18n/i18n.svelte';
import type { AccountView } from '../../state/workspaceData.svelte';
import { fmt } from '../../state/format';
import { CUSTOM_PREFIX } from './pastePlan';

/** A column as the grid shows it now: its id and header. */
export interface ExportColumn {
  colId: string;
  header: string;
}

export interface ExportNames {
  segment: (id: string) => string;
  tier: (id: string) => string;
}

/**
 * The accounts grid's current view as CSV: the visible columns in their order, the rows in the
 * current filter and sort. Amounts and ratios are exact decimals (never taken for formulas, so
 * a negative amount stays the number -12.50 in Excel); names of segments and tiers in words;
 * custom fields under their names, so an accounts import reads them back.
 */
export function viewCsv(
  rows: readonly AccountView[],
  columns: readonly ExportColumn[],
  digits: number,
  names: ExportNames,
): string {
  const money = (minor: number | null) =>
    minor === null ? null : csvDecimal(minorToDecimalString(minor, digits));
  const ratio = (value: number | null) => (value === null ? null : csvDecimal(value.toFixed(4)));
  const yes = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const cell = (row: AccountView, colId: string): CsvCell => {
    if (colId.startsWith(CUSTOM_PREFIX)) {
      const value = row.custom[colId.slice(CUSTOM_PREFIX.length)];
      return typeof value === 'boolean' ? yes(value) : value;
    }
    switch (colId) {
      case 'revenueMinor':
        return money(row.revenueMinor);
      case 'clvMinor':
        return money(row.clvMinor);
      case 'estimatedSpendMinor':
        return money(row.estimatedSpendMinor);
      case 'growth':
        return ratio(row.growth);
      case 'shareOfWallet':
        return ratio(row.shareOfWallet);
      case 'relationshipDays':
        return row.relationshipDays;
      case 'segment':
        return row.segment ? names.segment(row.segment) : '';
      case 'tier':
        return row.tier ? names.tier(row.tier) : '';
      case 'isKeyAccount':
        return yes(row.isKeyAccount);
      case 'churnRisk':
        return row.churnRisk ? t('common.yes') : '';
      default: {
        const value = (row as unknown as Record<string, unknown>)[colId];
        return value === undefined ? null : (value as CsvCell);
      }
    }
  };
  return toCsv([
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => cell(row, c.colId))),
  ]);
}

export function exportViewCsv(
  rows: readonly AccountView[],
  columns: readonly ExportColumn[],
  asOf: string | null,
  names: ExportNames,
): void {
  downloadText(
    `keyplan-accounts-${asOf ?? 'all'}.csv`,
    viewCsv(rows, columns, fmt.currencyDigits(), names),
  );
}
