// The grid benchmark's baseline: a bare AG Grid page, no app. It reads the same workspace from
// the same database (the seed wrote it), sums each account's orders in one pass, and shows the
// 50,000 rows — same fields, same values shape, same column widths, same theme parameters and
// row height as the app's accounts grid — with AG Grid's defaults otherwise: no value
// formatters or getters, no cell class rules, no row selection, column virtualisation on.
// A plain <input> sets the quick filter on every keystroke, as the app's search box does.
import {
  AllCommunityModule,
  ModuleRegistry,
  createGrid,
  themeQuartz,
  type ColDef,
} from 'ag-grid-community';
import { KeyplanDB } from '../../src/db/db';
import type { AccountRow, OrderRow } from '../../src/db/schema';
import type { BaselineReady } from './protocol';

ModuleRegistry.registerModules([AllCommunityModule]);

declare global {
  interface Window {
    baselineReady: Promise<BaselineReady>;
  }
}

/** The accounts grid's fields (AccountView in src/state/workspaceData.svelte.ts), plain values. */
interface Row {
  id: number;
  key: string;
  name: string;
  industry: string;
  region: string;
  owner: string;
  tier: string;
  isKeyAccount: boolean;
  orders: number;
  revenueMinor: number;
  lastOrderDate: string | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  abc: 'A' | 'B' | 'C' | null;
  growth: number | null;
  churnRisk: boolean;
  relationshipDays: number | null;
  clvMinor: number | null;
  estimatedSpendMinor: number | null;
  shareOfWallet: number | null;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(iso) / DAY_MS;

/** 1–5 by rank of `values` (5 = highest). */
function quintiles(values: Float64Array): Uint8Array {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const score = new Uint8Array(values.length);
  order.forEach((i, rank) => (score[i] = 1 + Math.floor((rank * 5) / values.length)));
  return score;
}

async function load(): Promise<{ rows: Row[]; readMs: number; aggregateMs: number }> {
  const t0 = performance.now();
  const db = new KeyplanDB();
  const current = await db.meta.get('currentWorkspaceId');
  const workspaceId = Number(current?.value);
  const accounts = await db.accounts.where('workspaceId').equals(workspaceId).toArray();
  const orders = await db.orders.toArray();
  db.close();
  const t1 = performance.now();
  const rows = aggregate(accounts, orders);
  return { rows, readMs: t1 - t0, aggregateMs: performance.now() - t1 };
}

function aggregate(accounts: AccountRow[], orders: OrderRow[]): Row[] {
  const index = new Map(accounts.map((a, i) => [a.id!, i]));
  const n = accounts.length;
  const lines = new Float64Array(n);
  const revenue = new Float64Array(n);
  const last = new Float64Array(n).fill(-Infinity);
  const first = new Float64Array(n).fill(Infinity);
  const thisYear = new Float64Array(n);
  const lastYear = new Float64Array(n);
  for (const o of orders) {
    const i = index.get(o.accountId);
    if (i === undefined) continue;
    const day = dayOf(o.date);
    lines[i]! += 1;
    revenue[i]! += o.amountMinor;
    if (day > last[i]!) last[i] = day;
    if (day < first[i]!) first[i] = day;
    if (o.date >= '2024') thisYear[i]! += o.amountMinor;
    else if (o.date >= '2023') lastYear[i]! += o.amountMinor;
  }
  const r = quintiles(last);
  const f = quintiles(lines);
  const m = quintiles(revenue);
  const byRevenue = Array.from(revenue.keys()).sort((a, b) => revenue[b]! - revenue[a]!);
  const total = revenue.reduce((s, v) => s + v, 0);
  const abc = new Array<'A' | 'B' | 'C'>(n);
  let running = 0;
  for (const i of byRevenue) {
    running += revenue[i]!;
    abc[i] = running <= 0.8 * total ? 'A' : running <= 0.95 * total ? 'B' : 'C';
  }
  const segments = ['champions', 'loyal', 'potential', 'at_risk', 'hibernating'];
  const rows = accounts.map((a, i): Row => {
    const spend = a.estimatedSpendMinor ?? null;
    return {
      id: a.id!,
      key: a.key,
      name: a.name,
      industry: a.industry,
      region: a.region,
      owner: a.owner,
      tier: a.tier,
      isKeyAccount: a.isKeyAccount,
      orders: lines[i]!,
      revenueMinor: revenue[i]!,
      lastOrderDate: new Date(last[i]! * DAY_MS).toISOString().slice(0, 10),
      r: r[i]!,
      f: f[i]!,
      m: m[i]!,
      segment: segments[(10 - r[i]! - m[i]!) >> 1]!,
      abc: abc[i]!,
      growth: lastYear[i]! > 0 ? thisYear[i]! / lastYear[i]! - 1 : null,
      churnRisk: r[i]! <= 2,
      relationshipDays: last[i]! - first[i]!,
      clvMinor: Math.round(revenue[i]! * 1.5),
      estimatedSpendMinor: spend,
      shareOfWallet: spend ? thisYear[i]! / spend : null,
    };
  });
  return rows;
}

/** The app's columns (src/features/accounts/accountColumns.ts): fields, widths, pinning, types. */
const num = { type: 'numericColumn' };
const columnDefs: ColDef<Row>[] = [
  { field: 'name', pinned: 'left', minWidth: 240, flex: 2 },
  { field: 'orders', width: 100, ...num },
  { field: 'revenueMinor', width: 150, ...num, sort: 'desc' },
  { field: 'lastOrderDate', width: 150 },
  { field: 'r', width: 70, ...num },
  { field: 'f', width: 70, ...num },
  { field: 'm', width: 70, ...num },
  { field: 'segment', width: 160 },
  { field: 'abc', width: 80 },
  { field: 'growth', width: 110, ...num },
  { field: 'churnRisk', width: 110, cellDataType: false },
  { field: 'relationshipDays', width: 120, ...num },
  { field: 'clvMinor', width: 140, ...num },
  { field: 'estimatedSpendMinor', width: 160, ...num },
  { field: 'shareOfWallet', width: 120, ...num },
  { field: 'isKeyAccount', width: 120, cellDataType: false },
  { field: 'tier', width: 140 },
  { field: 'owner', width: 150 },
  { field: 'industry', width: 150 },
  { field: 'region', width: 110 },
];

async function main(): Promise<BaselineReady> {
  const params = new URLSearchParams(location.search);
  const host = document.getElementById('grid')!;
  host.style.height = `${Number(params.get('h')) || 700}px`;
  host.style.width = `${Number(params.get('w')) || 1300}px`;

  const { rows, readMs, aggregateMs } = await load();
  const t1 = performance.now();
  const api = createGrid<Row>(host, {
    theme: themeQuartz.withParams({
      fontSize: 14,
      headerFontWeight: 600,
      accentColor: '#1f4e79',
      fontFamily: 'inherit',
    }),
    columnDefs,
    rowData: rows,
    getRowId: (p) => String(p.data.id),
    defaultColDef: { sortable: true, filter: true, resizable: true },
    animateRows: false,
  });
  const t2 = performance.now();
  document.getElementById('count')!.textContent =
    `${api.getDisplayedRowCount().toLocaleString('en-US')} accounts`;
  const search = document.querySelector<HTMLInputElement>('[data-testid="accounts-search"]')!;
  search.addEventListener('input', () => api.setGridOption('quickFilterText', search.value));
  // Rows in the DOM (AG Grid may render them a frame after createGrid).
  while (!host.querySelector('.ag-row[row-index]')) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const firstRowsMs = performance.now();
  return {
    rows: rows.length,
    firstRowsMs,
    readMs,
    aggregateMs,
    createGridMs: t2 - t1,
  };
}

window.baselineReady = main();
