// CSV writing (RFC 4180) with spreadsheet formula-injection protection. Pure: no DOM.

/** A number written as exact decimal text (e.g. money "-12.50"); see {@link csvDecimal}. */
export interface CsvDecimal {
  readonly decimal: string;
}

export type CsvCell = string | number | boolean | CsvDecimal | null | undefined;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A decimal figure for a CSV cell: written as it is, like a number (a plain number cannot be a
 * formula), so "-12.50" stays a negative amount with its two digits instead of the text '-12.50.
 * Anything that is not a plain decimal is treated as text (and neutralised).
 */
export function csvDecimal(text: string): CsvDecimal {
  return { decimal: text };
}

export interface ToCsvOptions {
  /** Prefix a UTF-8 byte-order mark; Excel needs it to read UTF-8 (e.g. Chinese) correctly. */
  bom?: boolean;
}

// Characters that make Excel / LibreOffice / Sheets treat a cell as a formula (OWASP CSV injection).
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Prefix a `'` to text a spreadsheet would run as a formula. Text already starting with `'` gets one
 * more so that {@link unneutralizeFormula} can undo the escape without guessing.
 */
export function neutralizeFormula(text: string): string {
  const first = text.charAt(0);
  return FORMULA_TRIGGERS.has(first) || first === "'" ? `'${text}` : text;
}

/** Inverse of {@link neutralizeFormula}: drops the escape `'` only where neutralizeFormula adds one. */
export function unneutralizeFormula(text: string): string {
  if (text.charAt(0) !== "'" || text.length < 2) return text;
  const next = text.charAt(1);
  return FORMULA_TRIGGERS.has(next) || next === "'" ? text.slice(1) : text;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function quoteIfNeeded(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // Numbers and booleans cannot be formulas, so they are written raw (and stay numeric in Excel).
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'object') {
    return DECIMAL.test(cell.decimal)
      ? cell.decimal
      : quoteIfNeeded(neutralizeFormula(cell.decimal));
  }
  return quoteIfNeeded(neutralizeFormula(cell));
}

/** Serialise rows as RFC 4180 CSV: `,` between fields, CRLF after every record (including the last). */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: ToCsvOptions = {}): string {
  const { bom = true } = options;
  let out = bom ? '\uFEFF' : '';
  for (const row of rows) {
    let line = row.map(formatCell).join(',');
    // A lone empty field would be an empty line, which readers skip as a blank record.
    if (row.length === 1 && line === '') line = '""';
    out += line + '\r\n';
  }
  return out;
}
