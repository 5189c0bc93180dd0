// Money as integer minor units. Parsing is string-based so that '0.29' never becomes 28 fen
// through binary floating point.
import { fail, ok, type MinorUnits, type Result } from './types';

export type AmountParseError = 'empty' | 'not_a_number' | 'out_of_range';

const digitsCache = new Map<string, number>();

/** Digits after the decimal point for an ISO 4217 currency (JPY 0, CNY 2). Unknown codes → 2. */
export function currencyDigits(currency: string): number {
  // Cached: the grid asks for every money cell, and building an Intl.NumberFormat is costly.
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits!;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

// Symbols and codes that may stand before or after an amount in exported spreadsheets.
// NFKC has already folded full-width ￥ into ¥.
const CURRENCY_CODES = 'CNY|RMB|USD|EUR|GBP|JPY|HKD|TWD|NTD|KRW|SGD|AUD|CAD|CHF';
const CURRENCY_PREFIX = new RegExp(
  `^(?:[A-Z]{1,2}\\$|[¥$£€₩₹]|(?:${CURRENCY_CODES})(?![A-Z]))`,
  'i',
);
const CURRENCY_SUFFIX = new RegExp(`(?:[¥$£€₩₹元円圆]|(?<![A-Z])(?:${CURRENCY_CODES}))$`, 'i');
const MINUS_SIGNS = new Set(['-', '−']);

/** The character between whole units and the fraction: `1,234.56` ('.') or `1.234,56` (','). */
export type DecimalSeparator = '.' | ',';

export interface AmountParseOptions {
  /** Decimal separator of the column; '.' when not given. */
  decimal?: DecimalSeparator;
}

// Thousands separators that go with each decimal separator. NFKC has already folded NBSP, narrow
// NBSP and thin spaces into ' '; ’ is the Swiss apostrophe as Word and Excel on macOS type it.
const GROUP_SEPARATORS: Record<DecimalSeparator, string> = { '.': ",' ’", ',': ".' ’" };

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Body of a number: either regular thousands grouping with ONE separator throughout
 * (1,234,567 / 1 234 567) starting with a non-zero digit, or plain digits; then an optional
 * fraction. Irregular grouping (`1,23`, `12,34.5`) is refused so that typos and the other
 * decimal convention are not silently misread.
 */
function bodyPattern(decimal: DecimalSeparator): RegExp {
  const groups = escapeRe(GROUP_SEPARATORS[decimal]);
  return new RegExp(
    `^(?:(?<grouped>[1-9]\\d{0,2}(?<g>[${groups}])\\d{3}(?:\\k<g>\\d{3})*)|(?<plain>\\d*))` +
      `(?:${escapeRe(decimal)}(?<frac>\\d+))?$`,
  );
}
const BODY_PATTERNS: Record<DecimalSeparator, RegExp> = {
  '.': bodyPattern('.'),
  ',': bodyPattern(','),
};

interface SignedBody {
  negative: boolean;
  percent: boolean;
  body: string;
}

/** Peels sign, parentheses, currency markers and % off both ends; null when they conflict. */
function splitSignAndCurrency(text: string): SignedBody | null {
  let s = text;
  let sign: '' | '+' | '-' = '';
  let openParen = false;
  let closeParen = false;
  let currency = false;
  let percent = false;

  for (;;) {
    s = s.trimStart();
    const c = s.charAt(0);
    const cur = currency ? null : CURRENCY_PREFIX.exec(s);
    if (c === '(' && !openParen && !sign) {
      openParen = true;
      s = s.slice(1);
    } else if ((c === '+' || MINUS_SIGNS.has(c)) && !sign) {
      sign = c === '+' ? '+' : '-';
      s = s.slice(1);
    } else if (cur) {
      currency = true;
      s = s.slice(cur[0].length);
    } else {
      break;
    }
  }

  for (;;) {
    s = s.trimEnd();
    const c = s.charAt(s.length - 1);
    const cur = currency ? null : CURRENCY_SUFFIX.exec(s);
    if (c === ')' && openParen && !closeParen) {
      closeParen = true;
      s = s.slice(0, -1);
    } else if (MINUS_SIGNS.has(c) && !sign && !openParen) {
      // Trailing minus, as SAP and some accounting exports write it: `1,234.00-`.
      sign = '-';
      s = s.slice(0, -1);
    } else if (c === '%' && !percent) {
      percent = true;
      s = s.slice(0, -1);
    } else if (cur) {
      currency = true;
      s = s.slice(0, s.length - cur[0].length);
    } else {
      break;
    }
  }

  // `(-5)` is a double negative nobody means; refuse rather than guess.
  if (openParen && sign) return null;
  if (openParen !== closeParen) return null;
  // `$12%` is not an amount in any convention.
  if (percent && currency) return null;
  return { negative: openParen || sign === '-', percent, body: s };
}

/** Splits `1,234.56` into integer and fraction digit strings; null when malformed. */
function splitDigits(
  body: string,
  decimal: DecimalSeparator,
): { int: string; frac: string } | null {
  const g = BODY_PATTERNS[decimal].exec(body)?.groups;
  if (!g) return null;
  const int = g.grouped !== undefined ? g.grouped.replace(/\D/g, '') : (g.plain ?? '');
  const frac = g.frac ?? '';
  if (int === '' && frac === '') return null;
  return { int, frac };
}

/** Divides by 100 by moving the decimal point two digits left, on the digit strings. */
function percentToFraction(int: string, frac: string): { int: string; frac: string } {
  const digits = int + frac;
  const fracLength = frac.length + 2;
  const padded = digits.padStart(fracLength + 1, '0');
  return { int: padded.slice(0, -fracLength), frac: padded.slice(-fracLength) };
}

/**
 * Parses a human-written amount into integer minor units, exactly.
 * Digits beyond `fractionDigits` are rounded half away from zero. Accepts currency symbols and
 * codes on either side, `(1,234)` and leading or trailing minus for negatives, full-width digits,
 * and `12%` (= 0.12). `options.decimal` picks the convention: '.' (default) reads `1,234.56`,
 * `1 234.56` and `1'234.56`; ',' reads `1.234,56`, `1 234,56` and `1'234,56`.
 */
export function parseAmountToMinor(
  text: string,
  fractionDigits = 2,
  options: AmountParseOptions = {},
): Result<MinorUnits, AmountParseError> {
  const normalized = text.normalize('NFKC').trim();
  if (normalized === '') return fail('empty');
  const signed = splitSignAndCurrency(normalized);
  if (!signed) return fail('not_a_number');
  let parts = splitDigits(signed.body, options.decimal ?? '.');
  if (!parts) return fail('not_a_number');
  if (signed.percent) parts = percentToFraction(parts.int, parts.frac);

  const kept = parts.frac.slice(0, fractionDigits).padEnd(fractionDigits, '0');
  // Rounding the magnitude up is rounding away from zero; the sign is applied afterwards.
  const roundUp = parts.frac.length > fractionDigits && parts.frac.charAt(fractionDigits) >= '5';
  let magnitude = Number((parts.int || '0') + kept);
  if (roundUp) magnitude += 1;
  if (!Number.isSafeInteger(magnitude)) return fail('out_of_range');
  // `magnitude === 0` avoids returning -0 for "-0.00".
  return ok(signed.negative && magnitude !== 0 ? -magnitude : magnitude);
}

/**
 * Decimal separator of a column, decided from its values. A value decides when it parses under
 * one convention only (`1.234,56`, `12,5`, `0,125` → ','; `1,234.56`, `12.5` → '.'). A value that
 * parses under both to different amounts (`1,234`, `1.234`: one separator, three digits after) is
 * ambiguous; '.' is preferred then, unless another value decides. Integers decide nothing.
 * `ambiguous` is also set when values disagree; the majority wins, '.' on a tie.
 */
export function inferDecimalSeparator(samples: readonly string[]): {
  decimal: DecimalSeparator;
  ambiguous: boolean;
} {
  let dot = 0;
  let comma = 0;
  let undecided = 0;
  for (const sample of samples) {
    const asDot = parseAmountToMinor(sample, 2, { decimal: '.' });
    const asComma = parseAmountToMinor(sample, 2, { decimal: ',' });
    if (asDot.ok && asComma.ok) {
      if (asDot.value !== asComma.value) undecided++;
    } else if (asDot.ok) dot++;
    else if (asComma.ok) comma++;
  }
  if (dot > 0 && comma > 0) return { decimal: comma > dot ? ',' : '.', ambiguous: true };
  if (comma > 0) return { decimal: ',', ambiguous: false };
  return { decimal: '.', ambiguous: dot === 0 && undecided > 0 };
}

/** Exact decimal text of a minor amount: -5 → "-0.05", 123456 → "1234.56". */
export function minorToDecimalString(minor: MinorUnits, fractionDigits = 2): string {
  // Non-integers should not reach here; round half away from zero rather than print noise.
  const rounded = Math.sign(minor) * Math.round(Math.abs(minor));
  const digits = Math.abs(rounded).toString();
  const sign = rounded < 0 ? '-' : '';
  if (fractionDigits <= 0) return sign + digits;
  const padded = digits.padStart(fractionDigits + 1, '0');
  return `${sign}${padded.slice(0, -fractionDigits)}.${padded.slice(-fractionDigits)}`;
}

// Building an Intl.NumberFormat is costly and grids format thousands of cells.
const formatCache = new Map<string, Intl.NumberFormat>();

function cachedFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = formatCache.get(key);
  if (!f) {
    f = make();
    formatCache.set(key, f);
  }
  return f;
}

/** Money for display, e.g. (123456, 'CNY', 'zh-CN') → "¥1,234.56". */
export function formatMoney(minor: MinorUnits, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  try {
    const f = cachedFormat(
      `money|${currency}|${locale}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
    );
    return f.format(minor / 10 ** digits);
  } catch {
    // Bad locale or currency from settings must not break rendering.
    return `${minorToDecimalString(minor, digits)} ${currency}`;
  }
}

/** Plain number for display in the workspace locale. */
export function formatNumber(n: number, locale: string, maxFractionDigits?: number): string {
  const options: Intl.NumberFormatOptions =
    maxFractionDigits === undefined ? {} : { maximumFractionDigits: maxFractionDigits };
  try {
    return cachedFormat(
      `number|${locale}|${maxFractionDigits ?? ''}`,
      () => new Intl.NumberFormat(locale, options),
    ).format(n);
  } catch {
    return cachedFormat(
      `number||${maxFractionDigits ?? ''}`,
      () => new Intl.NumberFormat(undefined, options),
    ).format(n);
  }
}

/**
 * Exact integer sum of minor amounts.
 * Throws RangeError when a value is not a safe integer or the running total leaves the safe
 * range: past 2^53 doubles silently drop fen, and a wrong total is worse than a loud failure.
 */
export function sumMinor(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`sumMinor: not a safe integer: ${v}`);
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('sumMinor: total exceeds 2^53');
  }
  return total;
}
