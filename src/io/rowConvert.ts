// One record of the file → one order, account or contact, or a rejected row saying line, column
// and why. Pure and deterministic: the check pass and the writing pass give identical answers.
import { parseDateWithOrder } from '../domain/date';
import { parseAmountToMinor } from '../domain/money';
import { accountCodeKey, normalizeAccountKey } from '../domain/normalize';
import type { IsoDate } from '../domain/types';
import type { NewOrder } from '../db/rows';
import type { AccountUpsert, ContactInsert } from '../db/importWriter';
import type { ContactRow } from '../db/schema';
import { REQUIRED_RULES } from './fields';
import { readingFor, type ImportPlan } from './importPlan';

export type RejectReason =
  | 'missing_account'
  | 'missing_name'
  | 'bad_date'
  | 'bad_amount'
  | 'bad_unit_price'
  | 'bad_quantity'
  | 'bad_cost'
  | 'column_count'
  /** A cell holds U+FFFD (bytes the encoding could not read), NUL or another control character. */
  | 'bad_characters'
  /** A cell longer than Excel can hold: a broken file, not a value. */
  | 'cell_too_long'
  /** A quoted field opens here and never closes; the rest of the file went into it. */
  | 'unclosed_quote'
  /** A mapped cell holds an Excel error (#REF!, #N/A…): a broken formula, not a value. */
  | 'excel_error';

export interface RejectedRow {
  /** 1-based line as a user sees it in a text editor (the Excel row for simple files). */
  line: number;
  /** Header of the offending column, or '' when the problem is the row as a whole. */
  column: string;
  value: string;
  reason: RejectReason;
}

export type Converted =
  | { type: 'order'; order: NewOrder; date: IsoDate }
  | { type: 'account'; account: AccountUpsert }
  | { type: 'contact'; contact: ContactInsert }
  | { type: 'reject'; reject: RejectedRow };

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Shown of a rejected value that is too long to show whole. */
const SHOWN_CHARS = 60;
// Controls other than tab, LF and CR (C0, DEL, C1), and the replacement character a decoder puts
// where bytes were not valid in the chosen encoding. No export means either.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const BAD_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

// Excel's error values, as a CSV export writes them in place of a formula's result.
const EXCEL_ERROR =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** A value for the rejects list: cut short, with control characters made visible (␀ for NUL). */
export function shownValue(value: string): string {
  const short = value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
  // eslint-disable-next-line no-control-regex -- made visible as the Unicode control pictures
  return short.replace(/[\u0000-\u001f]/g, (c) =>
    c === '\t' || c === '\n' || c === '\r' ? ' ' : String.fromCharCode(0x2400 + c.charCodeAt(0)),
  );
}

/** The reject for a record whose quote never closed (rowStream flags them). */
export function unclosedQuoteReject(
  record: readonly string[],
  line: number,
  headers: readonly string[],
): RejectedRow {
  const c = Math.max(0, record.length - 1);
  return {
    line,
    column: headers[c] ?? `Column ${c + 1}`,
    value: shownValue(record[c] ?? ''),
    reason: 'unclosed_quote',
  };
}

const QUANTITY_DIGITS = 6;
const QUANTITY_SCALE = 10 ** QUANTITY_DIGITS;

const LINE_WORDS: Record<string, ContactRow['line']> = {
  business: 'business',
  commercial: 'business',
  商务: 'business',
  商務: 'business',
  technical: 'technical',
  tech: 'technical',
  技术: 'technical',
  技術: 'technical',
  management: 'management',
  管理: 'management',
};

/** Keys for kept columns: the header, `Column N` when blank, ` (2)` for repeats. */
export function customKeys(
  headers: readonly string[],
  columns: readonly number[],
): Map<number, string> {
  const keys = new Map<number, string>();
  const used = new Set<string>();
  for (const c of columns) {
    const base = headers[c]?.trim() || `Column ${c + 1}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base} (${n})`;
    used.add(key);
    keys.set(c, key);
  }
  return keys;
}

export function createRowConverter(
  plan: ImportPlan,
): (record: readonly string[], line: number) => Converted {
  const col = (field: string): number | null => plan.mapping[field] ?? null;
  const mappedColumns = new Set(
    Object.values(plan.mapping).filter((c): c is number => c !== null && c !== undefined),
  );
  const width = plan.headers.length;
  const kept = plan.keepCustom
    ? customKeys(
        plan.headers,
        plan.headers.map((_, i) => i).filter((i) => !mappedColumns.has(i)),
      )
    : new Map<number, string>();
  const headerOf = (c: number | null): string => (c === null ? '' : (plan.headers[c] ?? ''));
  // Per rule of REQUIRED_RULES, the columns that could meet it: a row too short to reach any of
  // them lost its cells to a wrong delimiter, not just a value.
  const requiredColumns = REQUIRED_RULES[plan.kind]
    .map((rule) => rule.map(col).filter((c): c is number => c !== null))
    .filter((columns) => columns.length > 0);
  const cancelPrefix = plan.cancelPrefix.trim().toUpperCase();
  // A file names the same customers over and over: normalise each spelling once.
  const nameKeys = new Map<string, string>();
  const keyOfName = (name: string): string => {
    let key = nameKeys.get(name);
    if (key === undefined) {
      key = normalizeAccountKey(name);
      if (nameKeys.size < 500_000) nameKeys.set(name, key);
    }
    return key;
  };

  return (record, line) => {
    const cell = (field: string): string => {
      const c = col(field);
      return c === null ? '' : (record[c] ?? '').trim();
    };
    const reject = (reason: RejectReason, field: string | null, value = ''): Converted => ({
      type: 'reject',
      reject: { line, column: field === null ? '' : headerOf(col(field)), value, reason },
    });
    // More filled cells than columns: usually an unquoted comma that shifted every later column.
    if (plan.delimiter !== 'fixed' && record.length > width) {
      for (let c = width; c < record.length; c++) {
        if ((record[c] ?? '').trim() !== '') {
          return reject('column_count', null, `${record.length} / ${width}`);
        }
      }
    }
    // Fewer: a line written with another delimiter, or cut short.
    if (
      plan.delimiter !== 'fixed' &&
      record.length < width &&
      requiredColumns.some((columns) => columns.every((c) => c >= record.length))
    ) {
      return reject('column_count', null, `${record.length} / ${width}`);
    }
    for (let c = 0; c < record.length; c++) {
      const text = record[c]!;
      const problem: RejectReason | null =
        text.length > MAX_CELL_CHARS
          ? 'cell_too_long'
          : BAD_CHARACTER.test(text)
            ? 'bad_characters'
            : null;
      if (problem) {
        return {
          type: 'reject',
          reject: {
            line,
            column: headerOf(c) || `Column ${c + 1}`,
            value: shownValue(text),
            reason: problem,
          },
        };
      }
    }
    // Only mapped cells: an unmapped helper column full of #N/A does not spoil the order.
    for (const c of mappedColumns) {
      const text = (record[c] ?? '').trim();
      if (text.startsWith('#') && EXCEL_ERROR.test(text)) {
        return {
          type: 'reject',
          reject: { line, column: headerOf(c), value: text, reason: 'excel_error' },
        };
      }
    }
    const extra: Record<string, string> = {};
    for (const [c, key] of kept) {
      const value = (record[c] ?? '').trim();
      if (value !== '') extra[key] = value;
    }

    // Identity: a mapped customer code wins over the name (names are spelt many ways).
    const code = cell('accountCode');
    const accountField = plan.kind === 'accounts' ? 'name' : 'account';
    const accountName = cell(accountField) || code;
    const nameKey = keyOfName(cell(accountField));
    const accountKey = code ? accountCodeKey(code) : nameKey;
    // With a code, the name still finds accounts that earlier imports knew only by name.
    const nameFallback = code && nameKey ? { nameKey } : {};

    if (plan.kind === 'accounts') {
      if (!accountKey) return reject('missing_name', 'name', '');
      const fields: AccountUpsert['fields'] = {};
      for (const f of ['industry', 'region', 'owner', 'tier', 'notes'] as const) {
        if (col(f) !== null && cell(f) !== '') fields[f] = cell(f);
      }
      const website = cell('website');
      const custom = website ? { ...extra, website } : extra;
      return {
        type: 'account',
        account: { key: accountKey, ...nameFallback, name: accountName, fields, custom },
      };
    }

    if (plan.kind === 'contacts') {
      if (!accountKey) return reject('missing_account', 'account', '');
      const name = cell('name');
      if (!name) return reject('missing_name', 'name', '');
      return {
        type: 'contact',
        contact: {
          accountKey,
          ...nameFallback,
          accountName,
          contact: {
            name,
            title: cell('title'),
            department: cell('department'),
            phone: cell('phone'),
            email: cell('email'),
            line: LINE_WORDS[cell('line').toLowerCase()] ?? '',
          },
        },
      };
    }

    if (!accountKey) return reject('missing_account', 'account', '');
    const dateReading = readingFor(plan, 'date');
    const dateText = cell('date');
    const date = parseDateWithOrder(dateText, dateReading.dateOrder, {
      excelSerial: dateReading.excelSerial,
    });
    if (!date.ok) return reject('bad_date', 'date', dateText);

    const amountOf = (field: string, reason: RejectReason) => {
      const text = cell(field);
      const parsed = parseAmountToMinor(text, plan.fractionDigits, {
        decimal: readingFor(plan, field).decimal,
      });
      return parsed.ok
        ? { ok: true as const, value: parsed.value }
        : { ok: false as const, text, reason };
    };

    let quantity: number | null = null;
    const quantityText = cell('quantity');
    if (quantityText !== '') {
      const parsed = parseAmountToMinor(quantityText, QUANTITY_DIGITS, {
        decimal: readingFor(plan, 'quantity').decimal,
      });
      if (!parsed.ok) return reject('bad_quantity', 'quantity', quantityText);
      quantity = parsed.value / QUANTITY_SCALE;
    }

    let amountMinor: number;
    if (col('amount') !== null && cell('amount') !== '') {
      const amount = amountOf('amount', 'bad_amount');
      if (!amount.ok) return reject(amount.reason, 'amount', amount.text);
      amountMinor = amount.value;
    } else if (col('unitPrice') !== null && quantity !== null) {
      const price = amountOf('unitPrice', 'bad_unit_price');
      if (!price.ok) return reject(price.reason, 'unitPrice', price.text);
      // Exact: integer price in minor units × quantity in millionths, rounded half away from zero.
      const product = BigInt(price.value) * BigInt(Math.round(quantity * QUANTITY_SCALE));
      const scale = BigInt(QUANTITY_SCALE);
      const half = scale / 2n;
      amountMinor = Number(product >= 0n ? (product + half) / scale : (product - half) / scale);
      if (!Number.isSafeInteger(amountMinor)) {
        return reject('bad_unit_price', 'unitPrice', cell('unitPrice'));
      }
    } else {
      return reject('bad_amount', col('amount') !== null ? 'amount' : 'unitPrice', '');
    }

    let costMinor: number | null = null;
    if (col('cost') !== null && cell('cost') !== '') {
      const cost = amountOf('cost', 'bad_cost');
      if (!cost.ok) return reject(cost.reason, 'cost', cost.text);
      costMinor = cost.value;
    }

    const orderNo = cell('orderNo');
    // Cancelled invoices (e.g. "C536379") net against revenue even when exported as positive.
    if (cancelPrefix && orderNo.toUpperCase().startsWith(cancelPrefix)) {
      if (amountMinor > 0) amountMinor = -amountMinor;
      if (quantity !== null && quantity > 0) quantity = -quantity;
      if (costMinor !== null && costMinor > 0) costMinor = -costMinor;
    }

    return {
      type: 'order',
      date: date.value,
      order: {
        accountKey,
        ...nameFallback,
        accountName,
        orderNo,
        date: date.value,
        amountMinor,
        quantity,
        product: cell('product'),
        costMinor,
        extra,
      },
    };
  };
}
