// Turn parsed CSV rows into order drafts plus a list of rejected rows. Pure.
import type { ColumnMapping } from '../db/schema';
import { parseDate } from '../domain/date';
import { parseAmountToMinor } from '../domain/money';
import { normalizeAccountKey } from '../domain/normalize';
import { fail, ok, type IsoDate, type Result } from '../domain/types';
import { MAPPED_FIELDS } from './headerMapping';

export interface OrderDraft {
  accountName: string;
  /** normalizeAccountKey(accountName): the account's identity within a workspace. */
  accountKey: string;
  /** '' when no order-number column is mapped. */
  orderNo: string;
  date: IsoDate;
  amountMinor: number;
  quantity: number | null;
  /** '' when no product column is mapped. */
  product: string;
  /** Unmapped columns by header name. */
  extra: Record<string, string>;
}

export type RejectReason =
  'missing_account' | 'bad_date' | 'bad_amount' | 'bad_quantity' | 'column_count';

export interface RejectedRow {
  /** 1-based line as a user sees it in a text editor (or the Excel row); the header is line 1. */
  line: number;
  /** Header of the offending column, or '' when the problem is the row as a whole. */
  column: string;
  value: string;
  reason: RejectReason;
}

export interface RowsToOrdersOptions {
  /** Line of dataRows[0]; default 2 (straight after a one-line header). */
  firstDataLine?: number;
  /**
   * Line of each data row, when the parser knows better than `firstDataLine + index`
   * (quoted line breaks, skipped blank lines).
   */
  lines?: readonly number[];
  /** Minor units per major unit as decimal digits: 2 for CNY/USD, 0 for JPY. Default 2. */
  fractionDigits?: number;
}

export type MappingError = 'missing_account' | 'missing_date' | 'missing_amount';

/** Account, date and amount must be mapped before rows can become orders. */
export function validateMapping(mapping: ColumnMapping): Result<ColumnMapping, MappingError> {
  if (mapping.account === null) return fail('missing_account');
  if (mapping.date === null) return fail('missing_date');
  if (mapping.amount === null) return fail('missing_amount');
  return ok(mapping);
}

/** Keys for `extra`: the header, or `Column N` when blank; repeated headers get ` (2)`, ` (3)`… */
function extraKeys(headers: readonly string[], unmapped: readonly number[]): Map<number, string> {
  const keys = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const index of unmapped) {
    const base = headers[index]?.trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    keys.set(index, count === 1 ? base : `${base} (${count})`);
  }
  return keys;
}

// Quantities may be fractional (2.5 kg), so parse with spare digits and scale back.
const QUANTITY_DIGITS = 6;

function parseQuantity(text: string): Result<number> {
  const parsed = parseAmountToMinor(text, QUANTITY_DIGITS);
  return parsed.ok ? ok(parsed.value / 10 ** QUANTITY_DIGITS) : parsed;
}

export function rowsToOrders(
  dataRows: readonly (readonly string[])[],
  headers: readonly string[],
  mapping: ColumnMapping,
  options: RowsToOrdersOptions = {},
): { orders: OrderDraft[]; rejects: RejectedRow[] } {
  const { firstDataLine = 2, lines, fractionDigits = 2 } = options;
  const mappedColumns = new Set(
    MAPPED_FIELDS.map((field) => mapping[field]).filter((c): c is number => c !== null),
  );
  const unmapped = headers.map((_h, i) => i).filter((i) => !mappedColumns.has(i));
  const extraKey = extraKeys(headers, unmapped);
  const headerOf = (column: number | null): string =>
    column === null ? '' : (headers[column]?.trim() ?? '');

  const orders: OrderDraft[] = [];
  const rejects: RejectedRow[] = [];

  dataRows.forEach((row, index) => {
    // Padding: short rows (trailing empty cells dropped by the exporter) read as ''.
    const cell = (column: number | null): string =>
      column === null ? '' : (row[column] ?? '').trim();
    if (row.every((value) => value.trim() === '')) return;

    const line = lines?.[index] ?? firstDataLine + index;
    const reject = (reason: RejectReason, column: number | null, value: string): void => {
      rejects.push({ line, column: headerOf(column), value, reason });
    };

    // Extra non-empty cells usually mean an unquoted delimiter shifted the columns, so every
    // other value in the row is suspect. Trailing empty cells (a trailing comma) are harmless.
    const surplus = row.slice(headers.length).filter((value) => value.trim() !== '');
    if (surplus.length > 0) {
      rejects.push({ line, column: '', value: surplus.join(','), reason: 'column_count' });
      return;
    }

    const accountName = cell(mapping.account);
    const accountKey = normalizeAccountKey(accountName);
    if (accountKey === '') return reject('missing_account', mapping.account, accountName);

    const dateText = cell(mapping.date);
    const date = parseDate(dateText);
    if (!date.ok) return reject('bad_date', mapping.date, dateText);

    const amountText = cell(mapping.amount);
    const amount = parseAmountToMinor(amountText, fractionDigits);
    if (!amount.ok) return reject('bad_amount', mapping.amount, amountText);

    const quantityText = cell(mapping.quantity);
    let quantity: number | null = null;
    if (quantityText !== '') {
      const parsed = parseQuantity(quantityText);
      if (!parsed.ok) return reject('bad_quantity', mapping.quantity, quantityText);
      quantity = parsed.value;
    }

    const extra: Record<string, string> = {};
    for (const [column, key] of extraKey) extra[key] = cell(column);

    orders.push({
      accountName,
      accountKey,
      orderNo: cell(mapping.orderNo),
      date: date.value,
      amountMinor: amount.value,
      quantity,
      product: cell(mapping.product),
      extra,
    });
  });

  return { orders, rejects };
}
