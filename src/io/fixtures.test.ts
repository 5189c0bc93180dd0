// End-to-end over the committed fixture: bytes → text → header mapping → orders, checked against
// facts computed independently (see test/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoMapHeaders } from './headerMapping';
import { handleImportRequest } from './importJob';
import type { ImportResponse } from './importProtocol';
import { rowsToOrders, validateMapping, type OrderDraft } from './orderRows';
import { decodeBytes, parseCsvText } from './parseText';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url));

interface Expected {
  headers: string[];
  dataRows: number;
  validRows: number;
  rejects: { line: number; column: string; value: string; reason: string }[];
  distinctCustomers: number;
  revenueMinorByCustomer: Record<string, number>;
  totalRevenueMinor: number;
}

const expected = JSON.parse(fixture('orders_small.expected.json').toString('utf-8')) as Expected;
const bytes = new Uint8Array(fixture('orders_small.csv'));

function revenueByCustomer(orders: readonly OrderDraft[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const o of orders) totals[o.accountName] = (totals[o.accountName] ?? 0) + o.amountMinor;
  return totals;
}

describe('orders_small.csv', () => {
  it('imports to the expected facts through the pure functions', () => {
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    const parsed = parseCsvText(decoded.value.text);
    if (!parsed.ok) throw new Error(parsed.detail);
    const { headers, rows, lines } = parsed.value;
    expect(headers).toEqual(expected.headers);
    expect(rows).toHaveLength(expected.dataRows);

    const mapping = autoMapHeaders(headers);
    expect(mapping).toEqual({
      orderNo: 0,
      account: 1,
      date: 2,
      amount: 3,
      quantity: 4,
      product: 5,
    });
    expect(validateMapping(mapping).ok).toBe(true);

    const { orders, rejects } = rowsToOrders(rows, headers, mapping, { lines });
    expect(orders).toHaveLength(expected.validRows);
    expect(rejects).toEqual(expected.rejects);
    expect(new Set(orders.map((o) => o.accountKey)).size).toBe(expected.distinctCustomers);
    expect(revenueByCustomer(orders)).toEqual(expected.revenueMinorByCustomer);
    expect(orders.reduce((sum, o) => sum + o.amountMinor, 0)).toBe(expected.totalRevenueMinor);
  });

  it('imports to the same facts through the worker job', async () => {
    const file = new File([bytes], 'orders_small.csv', { type: 'text/csv' });
    const posted: ImportResponse[] = [];
    await handleImportRequest(
      {
        type: 'parse',
        requestId: 1,
        file,
        mapping: autoMapHeaders(expected.headers),
        fractionDigits: 2,
      },
      (r) => posted.push(r),
    );
    const done = posted.at(-1);
    if (done?.type !== 'parsed') throw new Error(JSON.stringify(done));
    expect(done.rowsRead).toBe(expected.dataRows);
    expect(done.rejects).toEqual(expected.rejects);
    expect(revenueByCustomer(done.orders)).toEqual(expected.revenueMinorByCustomer);
    expect(done.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
