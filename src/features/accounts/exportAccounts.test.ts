import { describe, expect, it } from 'vitest';
import { accountsCsv } from './exportAccounts';
import type { AccountView } from '../../state/workspaceData.svelte';

const base: AccountView = {
  id: 1,
  key: 'k1',
  name: '=HYPERLINK("x")',
  industry: '',
  region: '',
  owner: '',
  tier: '',
  isKeyAccount: false,
  orders: 2,
  revenueMinor: -12_345,
  lastOrderDate: '2026-01-31',
  r: 1,
  f: 2,
  m: 3,
  segment: null,
  abc: null,
  growth: -0.25,
  churnRisk: false,
  relationshipDays: 400,
  clvMinor: -500,
  estimatedSpendMinor: 1_000_000,
  shareOfWallet: 0.123456,
};

describe('accountsCsv', () => {
  it('writes negative figures as numbers and neutralises text formulas', () => {
    const csv = accountsCsv([base], 2);
    const row = csv.split('\r\n')[1]!.split(',');
    expect(row[0]).toBe(`"'=HYPERLINK(""x"")"`);
    expect(row[2]).toBe('-123.45');
    expect(row[9]).toBe('-0.2500');
    expect(row[11]).toBe('-5.00');
    expect(row[12]).toBe('10000.00');
    expect(row[13]).toBe('0.1235');
  });

  it('leaves unknown figures empty', () => {
    const csv = accountsCsv(
      [{ ...base, growth: null, clvMinor: null, estimatedSpendMinor: null, shareOfWallet: null }],
      2,
    );
    const row = csv.split('\r\n')[1]!.split(',');
    expect([row[9], row[11], row[12], row[13]]).toEqual(['', '', '', '']);
  });
});
