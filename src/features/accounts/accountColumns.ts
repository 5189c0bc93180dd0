import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { CustomFieldDef } from '../../db/schema';
import type { AccountView } from '../../state/workspaceData.svelte';
import type { MessageKey } from '../../i18n/i18n.svelte';
import { customFieldKind, type CellKind } from '../../domain/cellValues';
import { CUSTOM_PREFIX } from './pastePlan';

export const TIER_IDS = ['', 'strategic', 'key', 'growth', 'maintain'] as const;

/** The link column that opens an account's profile; not data, so paste and export skip it. */
export const PROFILE_COLUMN = 'profile';

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
  /** Tier ids offered in the tier column ('' = none) and their names. */
  tiers?: readonly { id: string; name: string }[];
  customFields?: readonly CustomFieldDef[];
  profileLabel?: string;
  /** The tier suggested from ABC class and segment (seeds 002); shown apart from the chosen one. */
  suggestTier?: (row: AccountView) => string | null;
}

/**
 * What each column accepts when typed, pasted, cleared or filled (null = computed, read-only),
 * by column id. Built beside the column definitions so the two never disagree.
 */
export type ColumnKinds = ReadonlyMap<string, CellKind | null>;

const DAYS_PER_YEAR = 365.25;

export function tierLabel(tier: string, tDynamic: (key: string) => string): string {
  return tier ? tDynamic(`tier.${tier}`) : '';
}

export function columnKinds(f: Pick<Formatters, 'digits' | 'tiers' | 'customFields'>): ColumnKinds {
  const tiers = f.tiers ?? TIER_IDS.map((id) => ({ id, name: id }));
  const kinds = new Map<string, CellKind | null>([
    ['name', { kind: 'text', required: true }],
    ['industry', { kind: 'text' }],
    ['region', { kind: 'text' }],
    ['owner', { kind: 'text' }],
    ['notes', { kind: 'text' }],
    ['isKeyAccount', { kind: 'yesno' }],
    ['estimatedSpendMinor', { kind: 'money', digits: f.digits }],
    [
      'tier',
      {
        kind: 'choice',
        values: ['', ...tiers.map((t) => t.id).filter((id) => id !== '')],
        labels: Object.fromEntries(tiers.map((t) => [t.id, t.name])),
      },
    ],
  ]);
  for (const def of f.customFields ?? []) kinds.set(CUSTOM_PREFIX + def.id, customFieldKind(def));
  return kinds;
}

/** Column ids a user may type into. */
export function isEditableColumn(kinds: ColumnKinds, colId: string | undefined): boolean {
  return colId !== undefined && (kinds.get(colId) ?? null) !== null;
}

/**
 * Widths, sort and pinning are `initial*`: the definitions are set again when the language, the
 * tiers or the user's fields change, and that must never undo what the user did to the columns.
 */
export function accountColumns(f: Formatters): ColDef<AccountView>[] {
  const computed = { editable: false, cellClass: 'cell-computed', headerClass: 'header-computed' };
  const editable = { editable: true, cellClass: 'cell-editable', headerClass: 'header-editable' };
  const tiers = f.tiers ?? TIER_IDS.map((id) => ({ id, name: tierLabel(id, f.tDynamic) }));
  const score = (field: 'r' | 'f' | 'm', title: MessageKey): ColDef<AccountView> => ({
    ...computed,
    field,
    headerName: f.t(`col.${field}`),
    headerTooltip: f.t(title),
    initialWidth: 70,
    type: 'numericColumn',
  });
  return [
    {
      ...editable,
      field: 'name',
      headerName: f.t('col.name'),
      initialPinned: 'left',
      minWidth: 240,
      initialFlex: 2,
    },
    {
      colId: PROFILE_COLUMN,
      headerName: '',
      initialPinned: 'left',
      initialWidth: 56,
      editable: false,
      sortable: false,
      filter: false,
      resizable: false,
      suppressHeaderMenuButton: true,
      cellClass: 'cell-link',
      // The grid keeps focus on the cell, not on the link inside it: Enter on the cell follows it.
      suppressKeyboardEvent: ({ event }) => {
        if (event.key !== 'Enter' || event.type !== 'keydown') return false;
        (event.target as HTMLElement | null)?.closest('.ag-cell')?.querySelector('a')?.click();
        return true;
      },
      // A real link (keyboard, middle-click, screen readers); text only, never HTML.
      cellRenderer: (p: { data?: AccountView }) => {
        const a = document.createElement('a');
        a.href = `#/accounts/${p.data?.id ?? ''}`;
        a.textContent = '↗';
        a.title = f.profileLabel ?? '';
        a.setAttribute('aria-label', `${f.profileLabel ?? ''} ${p.data?.name ?? ''}`);
        a.dataset.testid = 'open-profile';
        return a;
      },
    },
    {
      ...computed,
      field: 'orders',
      headerName: f.t('col.orders'),
      initialWidth: 110,
      type: 'numericColumn',
    },
    {
      ...computed,
      field: 'revenueMinor',
      headerName: f.t('col.revenue'),
      initialWidth: 175,
      type: 'numericColumn',
      initialSort: 'desc',
      valueFormatter: (p: ValueFormatterParams<AccountView, number>) => f.money(p.value ?? 0),
    },
    {
      ...computed,
      field: 'lastOrderDate',
      headerName: f.t('col.lastOrder'),
      initialWidth: 150,
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
      initialWidth: 160,
      valueFormatter: (p: ValueFormatterParams<AccountView, string | null>) =>
        p.value ? f.segment(p.value) : '',
      filterValueGetter: (p) => (p.data?.segment ? f.segment(p.data.segment) : ''),
      getQuickFilterText: (p) => (p.value ? f.segment(p.value) : ''),
    },
    { ...computed, field: 'abc', headerName: f.t('col.abc'), initialWidth: 80 },
    {
      ...computed,
      field: 'growth',
      headerName: f.t('col.growth'),
      headerTooltip: f.t('col.growthTitle'),
      initialWidth: 110,
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
      initialWidth: 110,
      valueFormatter: (p: ValueFormatterParams<AccountView, boolean>) =>
        p.value ? f.t('col.churnAtRisk') : '',
      cellClassRules: { 'cell-warning': (p) => p.value === true },
    },
    {
      ...computed,
      field: 'relationshipDays',
      headerName: f.t('col.relationship'),
      headerTooltip: f.t('col.relationshipTitle'),
      initialWidth: 120,
      type: 'numericColumn',
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined ? '' : f.number(p.value / DAYS_PER_YEAR, 1),
    },
    {
      ...computed,
      field: 'clvMinor',
      headerName: f.t('col.clv'),
      headerTooltip: f.t('col.clvTitle'),
      initialWidth: 140,
      type: 'numericColumn',
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined ? '' : f.money(p.value),
    },
    {
      ...editable,
      field: 'estimatedSpendMinor',
      headerName: f.t('col.estimatedSpend'),
      headerTooltip: f.t('col.estimatedSpendTitle'),
      initialWidth: 160,
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
      initialWidth: 120,
      type: 'numericColumn',
      valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
        p.value === null || p.value === undefined ? '' : f.percent(p.value),
    },
    {
      ...editable,
      field: 'isKeyAccount',
      headerName: f.t('col.keyAccount'),
      initialWidth: 120,
      cellDataType: 'boolean',
    },
    {
      ...editable,
      field: 'tier',
      headerName: f.t('col.tier'),
      initialWidth: 140,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: ['', ...tiers.map((t) => t.id).filter((id) => id !== '')] },
      refData: Object.fromEntries([['', ''], ...tiers.map((t) => [t.id, t.name])]),
    },
    ...(f.suggestTier
      ? [
          {
            ...computed,
            colId: 'suggestedTier',
            headerName: f.t('col.suggestedTier'),
            headerTooltip: f.t('col.suggestedTierTitle'),
            initialWidth: 140,
            valueGetter: (p: { data?: AccountView }) =>
              p.data ? (f.suggestTier?.(p.data) ?? '') : '',
            refData: Object.fromEntries([['', ''], ...tiers.map((t) => [t.id, t.name])]),
            cellClassRules: {
              'cell-differs': (p: { data?: AccountView; value?: string }) =>
                !!p.data && !!p.value && p.data.tier !== '' && p.data.tier !== p.value,
            },
          } satisfies ColDef<AccountView>,
        ]
      : []),
    { ...editable, field: 'owner', headerName: f.t('col.owner'), initialWidth: 150 },
    { ...editable, field: 'industry', headerName: f.t('col.industry'), initialWidth: 150 },
    { ...editable, field: 'region', headerName: f.t('col.region'), initialWidth: 110 },
    ...(f.customFields ?? []).map((def) => customColumn(def, editable, f)),
    {
      ...editable,
      field: 'notes',
      headerName: f.t('col.notes'),
      initialWidth: 240,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
    },
  ];
}

function customColumn(
  def: CustomFieldDef,
  editable: Partial<ColDef<AccountView>>,
  f: Formatters,
): ColDef<AccountView> {
  const base: ColDef<AccountView> = {
    ...editable,
    colId: CUSTOM_PREFIX + def.id,
    headerName: def.name,
    headerTooltip: def.name,
    initialWidth: 140,
    valueGetter: (p) => p.data?.custom[def.id] ?? null,
  };
  switch (def.type) {
    case 'number':
      return {
        ...base,
        type: 'numericColumn',
        cellDataType: 'number',
        cellEditor: 'agNumberCellEditor',
        valueFormatter: (p: ValueFormatterParams<AccountView, number | null>) =>
          typeof p.value === 'number' ? f.number(p.value) : '',
      };
    case 'date':
      return {
        ...base,
        cellDataType: false,
        valueFormatter: (p: ValueFormatterParams<AccountView, string | null>) =>
          p.value ? f.date(p.value) : '',
      };
    case 'choice':
      return {
        ...base,
        cellDataType: false,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['', ...(def.choices ?? [])] },
      };
    case 'yesno':
      return { ...base, cellDataType: 'boolean', initialWidth: 110 };
    default:
      return { ...base, cellDataType: false };
  }
}
