import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { viewCsv, type ExportColumn } from './exportAccounts';
import type { AccountView } from '../../state/workspaceData.svelte';

const base: AccountView = {
  id: 1,
  key: 'k1',
  name: '=HYPERLINK("x")',
  industry: '',
  region: 'East',
  owner: '',
  tier: 'key',
  isKeyAccount: true,
  notes: 'a, "b"\nc',
  custom: { cf_1: 5, cf_2: true, cf_3: '-1+1' },
  orders: 2,
  revenueMinor: -12_345,
  lastOrderDate: '2026-01-31',
  r: 1,
  f: 2,
  m: 3,
  segment: 'champions',
  abc: 'A',
  growth: -0.25,
  churnRisk: false,
  relationshipDays: 400,
  clvMinor: -500,
  estimatedSpendMinor: 1_000_000,
  shareOfWallet: 0.123456,
};
const names = { segment: (id: string) => `S:${id}`, tier: (id: string) => `T:${id}` };
const columns = (ids: string[]): ExportColumn[] => ids.map((colId) => ({ colId, header: colId }));

describe('viewCsv', () => {
  it('writes the visible columns in order, figures as exact decimals, text neutralised', () => {
    const csv = viewCsv(
      [base],
      columns([
        'name',
        'revenueMinor',
        'growth',
        'clvMinor',
        'estimatedSpendMinor',
        'shareOfWallet',
        'segment',
        'tier',
        'custom.cf_1',
        'custom.cf_3',
        'notes',
      ]),
      2,
      names,
    );
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual([
      `'=HYPERLINK("x")`,
      '-123.45',
      '-0.2500',
      '-5.00',
      '10000.00',
      '0.1235',
      'S:champions',
      'T:key',
      '5',
      "'-1+1",
      'a, "b"\nc',
    ]);
  });

  it('leaves unknown figures empty', () => {
    const csv = viewCsv(
      [{ ...base, growth: null, clvMinor: null, estimatedSpendMinor: null, shareOfWallet: null }],
      columns(['growth', 'clvMinor', 'estimatedSpendMinor', 'shareOfWallet', 'custom.none']),
      2,
      names,
    );
    expect(csv.split('\r\n')[1]).toBe(',,,,');
  });
});
