import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { AccountView } from '../../state/workspaceData.svelte';
import type { MessageKey } from '../../i18n/i18n.svelte';

export const TIER_IDS = ['', 'strategic', 'key', 'growth', 'maintain'] as const;

/** Grid columns users may type into; the rest are computed from orders. */
export const EDITABLE_FIELDS = ['isKeyAccount', 'tier', 'owner', 'estimatedSpendMinor'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function isEditableField(field: string | undefined): field is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(field ?? '');
}

interface Formatters {
  t: (key: MessageKey) => string;
  tDynamic: (key: string) => string;
  money: (minor: number) => string;
  date: (iso: string | null) => string;
  percent: (share: number) => string;
  number: (n: number, maxFractionDigits?: number) => string;
  segment: (id: string) => string;
  /** Fraction digits of the workspace currency: edits are typed in major units. */
  digits: number;
}

const DAYS_PER_YEAR = 365.25;

export function tierLabel(tier: string, tDynamic: (key: string) => string): string {
  return tier ? tDynamic(`tier.${tier}`) : '';
}

export function accountColumns(f: Formatters): ColDef<AccountView>[] {
  const computed = { editable: false, cellClass: 'cell-computed' };
  const editable = { editable: true, cellClass: 'cell-editable', headerClass: 'header-editable' };
  const score = (field: 'r' | 'f' | 'm', title: MessageKey): ColDef<AccountView> => ({
    ...computed,
    field,
    headerName: f.t(`col.${field}`),
    headerTooltip: f.t(title),
    width: 70,
    type: 'numericColumn',
  });
  return [
    {
      ...computed,
      field: 'name',
      headerName: f.t('col.name'),
      pinned: 'left',
      minWidth: 240,
      flex: 2,
    },
    {
      ...computed,
      field: 'orders',
      headerName: f.t('col.orders'),
      width: 100,
      type: 'numericColumn',
    },
    {
      ...computed,
      field: 'revenueMinor',
      headerName: f.t('col.revenue'),
      width: 150,
      type: 'numericColumn',
      sort: 'desc',
      valueFormatter: (p: ValueFormatterParams<AccountView, number>) => f.money(p.value ?? 0),
    },
    {
      ...computed,
      field: 'lastOrderDate',
      headerName: f.t('col.lastOrder'),
      width: 150,
      valueFormatter: (p: ValueFormatterParams<AccountView, string | null>) =>
        f.date(p.value ?? null),
    },
    score('r', 'col.rTitle'),
    score('f', 'col.fTitle'),
    score('m', 'col.mTitle'),
    {
      ...computed,
      field: 'segment',
      headerName: f.t('col.segment'),
      width: 160,
      valueFormatter: (p: ValueFormatterParams<AccountView, string | null>) =>
        p.value ? f.segment(p.value) : '',
      filterValueGetter: (p) => (p.data?.segment ? f.segment(p.data.segment) : ''),
      getQuickFilterText: (p) => (p.value ? f.segment(p.value) : ''),
    },
    { ...computed, field: 'abc', headerName: f.t('col.abc'), width: 80 },
    {
      ...computed,
      field: 'growth',
      headerName: f.t('col.growth'),
      headerTooltip: f.t('col.growthTitle'),
      width: 110,
      type: 'numericColumn',
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined ? '' : f.percent(p.value),
    },
    {
      ...computed,
      field: 'churnRisk',
      // A word, not a (read-only) checkbox: it is a warning, not something to tick.
      cellDataType: false,
      headerName: f.t('col.churn'),
      headerTooltip: f.t('col.churnTitle'),
      width: 110,
      valueFormatter: (p: ValueFormatterParams<AccountView, boolean>) =>
        p.value ? f.t('col.churnAtRisk') : '',
      cellClassRules: { 'cell-warning': (p) => p.value === true },
    },
    {
      ...computed,
      field: 'relationshipDays',
      headerName: f.t('col.relationship'),
      headerTooltip: f.t('col.relationshipTitle'),
      width: 120,
      type: 'numericColumn',
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined ? '' : f.number(p.value / DAYS_PER_YEAR, 1),
    },
    {
      ...computed,
      field: 'clvMinor',
      headerName: f.t('col.clv'),
      headerTooltip: f.t('col.clvTitle'),
      width: 140,
      type: 'numericColumn',
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined ? '' : f.money(p.value),
    },
    {
      ...editable,
      field: 'estimatedSpendMinor',
      headerName: f.t('col.estimatedSpend'),
      headerTooltip: f.t('col.estimatedSpendTitle'),
      width: 160,
      type: 'numericColumn',
      cellEditor: 'agNumberCellEditor',
      cellEditorParams: { min: 0 },
      // Typed and shown in major units; stored as minor units.
      valueGetter: (p) =>
        p.data?.estimatedSpendMinor === null || p.data?.estimatedSpendMinor === undefined
          ? null
          : p.data.estimatedSpendMinor / 10 ** f.digits,
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined
          ? ''
          : f.money(Math.round(p.value * 10 ** f.digits)),
    },
    {
      ...computed,
      field: 'shareOfWallet',
      headerName: f.t('col.shareOfWallet'),
      headerTooltip: f.t('col.shareOfWalletTitle'),
      width: 120,
      type: 'numericColumn',
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined ? '' : f.percent(p.value),
    },
    {
      ...editable,
      field: 'isKeyAccount',
      headerName: f.t('col.keyAccount'),
      width: 120,
      cellDataType: 'boolean',
    },
    {
      ...editable,
      field: 'tier',
      headerName: f.t('col.tier'),
      width: 140,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...TIER_IDS] },
      refData: Object.fromEntries(TIER_IDS.map((id) => [id, tierLabel(id, f.tDynamic)])),
    },
    { ...editable, field: 'owner', headerName: f.t('col.owner'), width: 150 },
    { ...computed, field: 'industry', headerName: f.t('col.industry'), width: 150 },
    { ...computed, field: 'region', headerName: f.t('col.region'), width: 110 },
  ];
}
