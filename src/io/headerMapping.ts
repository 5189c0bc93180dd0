// Today's order-import header mapping, kept for the current import page and worker. The fields,
// synonyms and matching live in fields.ts (kind 'orders'); this file projects them onto the six
// columns that ColumnMapping knows. Pure.
import type { ColumnMapping } from '../db/schema';
import { KIND_FIELDS, autoMap, normalizeHeader, type FieldSpec } from './fields';

export { normalizeHeader };

export type MappedField = 'account' | 'date' | 'amount' | 'orderNo' | 'quantity' | 'product';

export const MAPPED_FIELDS: readonly MappedField[] = [
  'account',
  'date',
  'amount',
  'orderNo',
  'quantity',
  'product',
];

function orderSpec(field: MappedField): FieldSpec {
  const spec = KIND_FIELDS.orders.find((s) => s.id === field);
  if (!spec) throw new Error(`fields.ts lost the orders field ${field}`);
  return spec;
}

/** Header synonyms per field: the orders synonyms of fields.ts, normalized when matched. */
export const HEADER_SYNONYMS: Readonly<Record<MappedField, readonly string[]>> = {
  account: orderSpec('account').synonyms,
  date: orderSpec('date').synonyms,
  amount: orderSpec('amount').synonyms,
  orderNo: orderSpec('orderNo').synonyms,
  quantity: orderSpec('quantity').synonyms,
  product: orderSpec('product').synonyms,
};

export function emptyMapping(): ColumnMapping {
  return { account: null, date: null, amount: null, orderNo: null, quantity: null, product: null };
}

/**
 * Map fields to columns with fields.ts `autoMap(headers, 'orders')`: strongest matches first
 * (exact, suffix, contains; longer synonyms before shorter; leftmost column on ties), each column
 * and field used once. Columns claimed by fields ColumnMapping lacks (unit price, cost) stay out,
 * so a 'Cost Amount' column is never taken for the amount. Today's importer knows one customer
 * column, so a customer code column stands in for the account when there is no name column.
 */
export function autoMapHeaders(headers: readonly string[]): ColumnMapping {
  const full = autoMap(headers, 'orders');
  const mapping = emptyMapping();
  for (const field of MAPPED_FIELDS) mapping[field] = full[field] ?? null;
  if (mapping.account === null) mapping.account = full.accountCode ?? null;
  return mapping;
}
