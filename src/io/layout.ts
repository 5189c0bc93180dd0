// Where the table sits inside a parsed file: title lines above the header, no header at all,
// total lines at the bottom, or columns aligned with spaces instead of delimiters. Pure.
import { parseDate } from '../domain/date';
import { KIND_FIELDS, normalizeHeader } from './fields';

export interface LayoutGuess {
  /** Index into rows; null = the file has no header row. */
  headerRow: number | null;
  firstDataRow: number;
  columnCount: number;
  /** Rows skipped above the header (or above the first data row when there is no header). */
  titleRows: number;
}

type Rows = readonly (readonly string[])[];

const NUMBER = /^[-+]?(?:\d[\d,.' ]*|[.,]\d+)$/;
const CURRENCY = /^(?:[$€£¥￥₩₹]|rmb|cny|usd|eur|hkd|twd|nt\$)\s*/i;
// Day-first / month-first and month-name spellings; parseDate covers the year-first ones.
const OTHER_DATES = [
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^\d{1,2}[-\s][a-z]{3,9}[-\s]\d{2,4}$/i,
  /^[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}$/i,
];

export function isNumberLike(cell: string): boolean {
  let s = cell.normalize('NFKC').trim();
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim(); // accounting negative
  s = s.replace(/^[-+]/, '').replace(CURRENCY, '').replace(/%$/, '').trim();
  return NUMBER.test(s) && /\d/.test(s);
}

export function isDateLike(cell: string): boolean {
  const s = cell.normalize('NFKC').trim();
  if (s === '') return false;
  return parseDate(s).ok || OTHER_DATES.some((re) => re.test(s));
}

const typed = (cell: string): 'number' | 'date' | null =>
  isDateLike(cell) ? 'date' : isNumberLike(cell) ? 'number' : null;

// "公司：华东工业", "Period: 2024" — a title fragment, not a column label.
const KEY_VALUE = /[:：]\s*\S/;

function isLabelLike(cell: string): boolean {
  const s = cell.trim();
  return s !== '' && typed(s) === null && /\p{L}/u.test(s) && !KEY_VALUE.test(s);
}

const YEAR = /^(?:19|20)\d{2}$/;

let knownHeaders: Set<string> | null = null;
/** Every header synonym of every kind, normalized: a cell equal to one is a column label. */
function isKnownHeader(cell: string): boolean {
  if (knownHeaders === null) {
    knownHeaders = new Set(
      Object.values(KIND_FIELDS).flatMap((specs) =>
        specs.flatMap((spec) => spec.synonyms.map(normalizeHeader)),
      ),
    );
  }
  const key = normalizeHeader(cell);
  return key !== '' && knownHeaders.has(key);
}

const nonEmpty = (row: readonly string[]): string[] =>
  row.map((c) => c.trim()).filter((c) => c !== '');

/** Index of the last non-empty cell + 1: padding commas after a title do not widen it. */
function rowWidth(row: readonly string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if ((row[i] ?? '').trim() !== '') return i + 1;
  return 0;
}

/** Most common width among rows of two or more cells (title lines have one); ties → wider. */
function modalWidth(widths: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths) if (w >= 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [w, count] of counts) {
    if (count > bestCount || (count === bestCount && w > best)) [best, bestCount] = [w, count];
  }
  return best > 0 ? best : Math.max(0, ...widths);
}

const FOLLOWING_SAMPLE = 30;
const TYPE_AGREEMENT = 0.6;

function followingRows(rows: Rows, from: number): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (let i = from + 1; i < rows.length && out.length < FOLLOWING_SAMPLE; i++) {
    const row = rows[i]!;
    if (nonEmpty(row).length > 0 && !isTotalRow(row)) out.push(row);
  }
  return out;
}

/** Share of the rows whose cell in `column` is of `type` (empty cells left out). */
function typeShare(rows: Rows, column: number, type: 'number' | 'date'): number {
  let filled = 0;
  let matching = 0;
  for (const row of rows) {
    const cell = (row[column] ?? '').trim();
    if (cell === '') continue;
    filled++;
    if (typed(cell) === type) matching++;
  }
  return filled === 0 ? 0 : matching / filled;
}

/** Could this wide-enough row be the header, or the first data row? Neither means a title. */
function isTitleLike(row: readonly string[]): boolean {
  const cells = nonEmpty(row);
  const labels = cells.filter(isLabelLike).length;
  const values = cells.filter((c) => typed(c) !== null).length;
  // Merged title cells exported as copies: "销售明细表,销售明细表,销售明细表".
  const distinct = new Set(cells).size / cells.length;
  return (labels + values) * 2 < cells.length || (values === 0 && distinct < 0.8);
}

/**
 * Does the first full-width row hold data rather than labels? Yes when several cells are numbers
 * or dates and the rows below have the same types there; for all-text tables, yes when a value
 * repeats in its column below (a label does not: repeated header lines are whole-row copies).
 */
function looksLikeData(rows: Rows, index: number, narrow: boolean): boolean {
  const row = rows[index]!;
  const below = followingRows(rows, index);
  const cells = row.map((c) => c.trim());
  const typedColumns = cells
    .map((cell, column) => ({ column, type: typed(cell), cell }))
    .filter((c): c is { column: number; type: 'number' | 'date'; cell: string } => c.type !== null);
  const knownLabels = cells.filter(isKnownHeader).length;

  // Pivot headers: "客户,2022,2023,2024" — distinct years next to labels are column names.
  const yearsOnly =
    typedColumns.length > 0 &&
    typedColumns.every((c) => YEAR.test(c.cell)) &&
    new Set(typedColumns.map((c) => c.cell)).size === typedColumns.length &&
    cells.some(isLabelLike);
  if (yearsOnly) return false;

  if (typedColumns.length >= (narrow ? 1 : 2)) {
    if (below.length === 0) return true;
    const agreeing = typedColumns.filter(
      (c) => typeShare(below, c.column, c.type) >= TYPE_AGREEMENT,
    ).length;
    return agreeing * 2 >= typedColumns.length;
  }
  if (knownLabels > 0) return false;

  // Text-only row above typed columns: a header over numbers and dates.
  const contrast = cells.some(
    (cell, column) =>
      cell !== '' &&
      (typeShare(below, column, 'number') >= TYPE_AGREEMENT ||
        typeShare(below, column, 'date') >= TYPE_AGREEMENT),
  );
  if (contrast) return false;

  const key = cells.join('\u0000');
  return below.some(
    (other) =>
      other.map((c) => c.trim()).join('\u0000') !== key &&
      cells.some((cell, column) => cell !== '' && (other[column] ?? '').trim() === cell),
  );
}

// A ruler under the header: "-----,-----" or "=====".
const isRuler = (row: readonly string[]): boolean =>
  !row.some((cell) => /[\p{L}\p{N}]/u.test(cell));

/**
 * Find the header and the first data row among the first records of a file (as PapaParse gives
 * them: untrimmed cells, blank lines skipped). The header is the first row with about as many
 * cells as the table (≥ 60 % of the modal width) whose cells read as labels; title lines above it
 * ("销售订单明细表", "公司：华东工业", "Report generated 2024-05-01") are skipped. When that first
 * full-width row already holds data, the file has no header.
 */
export function detectLayout(rows: Rows): LayoutGuess {
  const widths = rows.map(rowWidth);
  const modal = modalWidth(widths);
  if (modal === 0) return { headerRow: null, firstDataRow: 0, columnCount: 0, titleRows: 0 };
  const narrow = modal <= 2;
  const needed = narrow ? modal : Math.max(2, Math.ceil(modal * 0.6));

  const wide = (i: number): boolean => nonEmpty(rows[i]!).length >= needed && !isRuler(rows[i]!);
  let start = rows.findIndex((_row, i) => wide(i) && !isTitleLike(rows[i]!));
  if (start < 0) start = rows.findIndex((_row, i) => wide(i));
  if (start < 0) return { headerRow: null, firstDataRow: 0, columnCount: modal, titleRows: 0 };

  if (looksLikeData(rows, start, narrow)) {
    return { headerRow: null, firstDataRow: start, columnCount: modal, titleRows: start };
  }
  let firstDataRow = start + 1;
  while (firstDataRow < rows.length && isRuler(rows[firstDataRow]!)) firstDataRow++;
  return {
    headerRow: start,
    firstDataRow,
    columnCount: Math.max(modal, widths[start] ?? 0),
    titleRows: start,
  };
}

// Total labels, compared after NFKC, lower case, and removing spaces ("合\u3000计"), a trailing
// colon and a trailing bracket ("Total (CNY)").
const TOTAL_LATIN = /^(?:grand|sub)?totals?(?:(?:for|of)\S*)?$|^sum$/;
const TOTAL_CJK =
  /^(?:本页|本頁|本月|本期|本年|全年|总|總|累计|累計)?(?:合计|总计|小计|合計|總計|小計|共计|共計)$/;

export function isTotalLabel(cell: string): boolean {
  const s = cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[:：]+$/, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/[-_]/g, '');
  return TOTAL_LATIN.test(s) || TOTAL_CJK.test(s);
}

const PLACEHOLDER = /^[-–—]$/; // "-" stands for zero in accounting layouts
const isAmountCell = (c: string): boolean =>
  PLACEHOLDER.test(c) || (isNumberLike(c) && !isDateLike(c));

/**
 * A total or subtotal line: the first non-empty cell is a total label ("Total", "Grand total",
 * "Sum", "合计", "总计", "小计", "總計", "Totals:", "合\u3000计", "ＴＯＴＡＬ：" …), at most one
 * count ("共 52 笔") follows it, and everything after that is a number. A date or a name after the
 * label means a data row, so a customer called "Total Energies" with an order on it stays in; a
 * label with neither numbers nor anything else ("合计" alone) is a total line too.
 */
export function isTotalRow(row: readonly string[]): boolean {
  const cells = nonEmpty(row);
  if (cells.length === 0 || !isTotalLabel(cells[0]!)) return false;
  let rest = cells.slice(1);
  const count = rest[0];
  if (count !== undefined && !isAmountCell(count)) {
    if (!/\d/.test(count) || isDateLike(count)) return false;
    rest = rest.slice(1);
    if (rest.length === 0) return false;
  }
  return rest.every(isAmountCell);
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\u3000';

export interface FixedWidthOptions {
  /** Narrowest run of blank positions that separates two columns; default 2. */
  minGap?: number;
}

/**
 * Column start offsets of space-aligned text (0 first), or null when the lines do not line up.
 * Positions are JS string indices (UTF-16 code units): a CJK character counts as one, so the
 * columns must align by characters — a file aligned by display width (CJK = 2 columns) or by GBK
 * bytes does not line up here. A column separator is a run of ≥ minGap positions that are blank in
 * ≥ 80 % of the lines (a title or total line may cross it); inside that run the cut goes where the
 * fewest lines have a value running across it, rightmost on ties, so right-aligned numbers longer
 * than most keep their leading digits. At most 20 % of the lines may have a value cut in two.
 * Known limit: a column blank in most lines merges into its left neighbour. Tabs mean a delimited
 * file: null.
 */
export function detectFixedWidth(
  lines: readonly string[],
  options: FixedWidthOptions = {},
): number[] | null {
  const minGap = Math.max(1, options.minGap ?? 2);
  const text = lines.map((l) => l.replace(/\s+$/u, '')).filter((l) => l.trim() !== '');
  if (text.length < 2 || text.some((l) => l.includes('\t'))) return null;
  const n = text.length;
  const width = Math.max(...text.map((l) => l.length));

  const occupied = new Array<number>(width).fill(0);
  for (const line of text) {
    for (let p = 0; p < line.length; p++) if (!isBlank(line[p])) occupied[p]!++;
  }
  const maxOccupied = Math.floor(n * 0.2);
  const runsAcross = (l: string, b: number): boolean =>
    b < l.length && !isBlank(l[b - 1]) && !isBlank(l[b]);

  // Separators: runs of ≥ minGap positions blank in ≥ 80 % of the lines.
  const gaps: { from: number; to: number }[] = [];
  let p = 0;
  while (p < width && occupied[p]! <= maxOccupied) p++; // indentation is not a column
  while (p < width) {
    if (occupied[p]! > maxOccupied) {
      p++;
      continue;
    }
    const from = p;
    while (p < width && occupied[p]! <= maxOccupied) p++;
    if (p < width && p - from >= minGap) gaps.push({ from, to: p }); // not trailing, wide enough
  }
  if (gaps.length === 0) return null;

  // A line running across two or more separators (a title, a note) says nothing about where the
  // columns start; a value running across one (a long right-aligned number) does.
  const outlier = (l: string): boolean => gaps.filter((g) => runsAcross(l, g.to)).length >= 2;
  const regular = text.filter((l) => !outlier(l));
  const starts = [0];
  for (const { from, to } of gaps) {
    // The cut goes where the fewest regular lines have a value running across it, rightmost on
    // ties: at the next column's first character, or left of its longest right-aligned value.
    let cut = to;
    let fewest = regular.filter((l) => runsAcross(l, to)).length;
    for (let b = to - 1; b >= from && fewest > 0; b--) {
      const crossing = regular.filter((l) => runsAcross(l, b)).length;
      if (crossing < fewest) [cut, fewest] = [b, crossing];
    }
    starts.push(cut);
  }

  // The lines must agree: at most 20 % may have a value running across a cut.
  const crossing = text.filter((l) => starts.some((b) => b > 0 && runsAcross(l, b))).length;
  return crossing <= maxOccupied ? starts : null;
}

/** Cut a line at the column starts (code-unit offsets, see detectFixedWidth); cells trimmed. */
export function splitFixedWidth(line: string, starts: readonly number[]): string[] {
  return starts.map((start, i) => line.slice(start, starts[i + 1] ?? line.length).trim());
}
