// First look at a file: which encoding, delimiter, where the header is, what kind of file, which
// column is what and how its numbers and dates are written. Reads only the first slice of bytes.
import Papa from 'papaparse';
import { inferColumnFormat } from '../domain/columnFormats';
import { parseDateWithOrder } from '../domain/date';
import { parseAmountToMinor } from '../domain/money';
import { decodeAs, detectEncoding, type EncodingGuess } from './encoding';
import {
  autoMap,
  guessKind,
  KIND_FIELDS,
  normalizeHeader,
  type FieldMapping,
  type ImportKind,
} from './fields';
import { detectBinaryFormat, detectTextFormat } from './fileFormat';
import type { ColumnReading, ImportPlan } from './importPlan';
import type { ImportErrorParams, ImportFileError } from './importProtocol';
import { detectFixedWidth, detectLayout } from './layout';
import { FIXED_WIDTH, lastRecordBoundary, parseComplete } from './rowStream';

export const SNIFF_BYTES = 256 * 1024;
const SAMPLE_RECORDS = 200;
const PREVIEW_LINES = 20;
const PREVIEW_LINE_CHARS = 2000;
const DELIMITERS = [',', ';', '\t', '|'];
/**
 * Widest file the preview and the column mapping can show (every column is a choice in nine
 * drop-downs). Real exports stay far below: a Shopify orders export has about 70 columns.
 */
export const MAX_COLUMNS = 1000;
/** Excel's cell limit; a single line longer than this is not a header row. */
const ONE_LINE_CHARS = 32_767;
/** Nothing but blanks, separators, quotes and byte-order marks. */
const NO_VALUES = /^[\s,;|"\uFEFF]*$/;

export interface SniffOverrides {
  encoding?: string;
  delimiter?: string;
  headerRow?: number | null;
  kind?: ImportKind;
}

export interface SniffResult {
  plan: ImportPlan;
  encodingGuess: EncodingGuess;
  /** The first lines as decoded text, so mojibake is visible before anything is imported. */
  textPreview: string;
  /** Records of the sample (title lines and header included), with their line numbers. */
  sample: string[][];
  sampleLines: number[];
  kindScores: Record<ImportKind, number>;
  /** Columns whose number or date reading could not be decided from the sample. */
  ambiguous: { field: string; what: 'decimal' | 'dateOrder' }[];
  /**
   * Fields whose header is shared by several columns ("金额" twice): left unmapped so the user
   * chooses, instead of the first one being taken silently. Columns are 1-based.
   */
  duplicateHeaders: { field: string; header: string; columns: number[] }[];
  totalBytes: number;
}

export type SniffFailure = {
  reason: ImportFileError;
  detail: string;
  params?: ImportErrorParams;
};

function looksBinary(text: string): boolean {
  let bad = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return n > 0 && bad / n > 0.1;
}

/** The delimiter that splits the most lines into the same number (> 1) of fields. */
export function guessDelimiter(text: string): string | null {
  let best: { delimiter: string; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const records = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }).data.slice(
      0,
      SAMPLE_RECORDS,
    );
    if (records.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let modeWidth = 1;
    let modeCount = 0;
    for (const [width, count] of counts) {
      if (count > modeCount || (count === modeCount && width > modeWidth)) {
        modeWidth = width;
        modeCount = count;
      }
    }
    if (modeWidth < 2) continue;
    const score = (modeCount / records.length) * Math.log2(modeWidth + 1);
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter ?? null;
}

/** For a file without header: guess columns from the values (dates, amounts, names). */
function mapByValues(records: readonly string[][], kind: ImportKind, width: number): FieldMapping {
  const mapping: FieldMapping = {};
  if (kind !== 'orders' || records.length === 0) return mapping;
  const share = (c: number, test: (v: string) => boolean) => {
    const values = records.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    return values.length === 0 ? 0 : values.filter(test).length / values.length;
  };
  const isDate = (v: string) => parseDateWithOrder(v, 'ymd').ok || parseDateWithOrder(v, 'dmy').ok;
  const isNumber = (v: string) => parseAmountToMinor(v, 2).ok;
  const used = new Set<number>();
  const pick = (field: string, test: (c: number) => boolean, fromEnd = false) => {
    const order = Array.from({ length: width }, (_, i) => (fromEnd ? width - 1 - i : i));
    const c = order.find((i) => !used.has(i) && test(i));
    if (c !== undefined) {
      mapping[field] = c;
      used.add(c);
    }
  };
  pick('date', (c) => share(c, isDate) >= 0.8);
  pick(
    'amount',
    (c) => share(c, isNumber) >= 0.8 && share(c, (v) => /[.,]\d{1,2}$/.test(v)) > 0,
    true,
  );
  // The customer: a text column whose values repeat and carry few digits (order numbers such as
  // SO-1, SO-2 are text too, but unique and digit-heavy).
  const textColumns = Array.from({ length: width }, (_, c) => c).filter(
    (c) => !used.has(c) && share(c, (v) => !isNumber(v) && !isDate(v)) >= 0.8,
  );
  const score = (c: number) => {
    const values = records.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    const digits = values.join('').replace(/\D/g, '').length / Math.max(1, values.join('').length);
    const repeats = 1 - new Set(values).size / Math.max(1, values.length);
    return repeats - digits;
  };
  const account = textColumns.sort((a, b) => score(b) - score(a) || a - b)[0];
  if (account !== undefined) mapping.account = account;
  return mapping;
}

/**
 * Retail ERPs mark cancelled invoices with a letter before the number (C536379 next to 536365).
 * Suggest that prefix when some order numbers carry it and most are plain digits.
 */
export function guessCancelPrefix(mapping: FieldMapping, rows: readonly string[][]): string {
  const c = mapping.orderNo;
  if (c === null || c === undefined) return '';
  const values = rows.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
  const prefixed = values.filter((v) => /^C\d+$/i.test(v)).length;
  const plain = values.filter((v) => /^\d+$/.test(v)).length;
  return prefixed > 0 && plain >= values.length / 2 && prefixed + plain === values.length
    ? 'C'
    : '';
}

export function columnNames(headerRecord: readonly string[] | null, width: number): string[] {
  return Array.from({ length: width }, (_, i) => {
    const name = headerRecord?.[i]?.trim() ?? '';
    return name || `Column ${i + 1}`;
  });
}

/**
 * Unmaps every field whose column shares its header with another column, and says which.
 * Blank headers are "Column N" (unique) by then; "金额" and "金 额" count as the same.
 */
export function unmapDuplicateHeaders(
  headers: readonly string[],
  mapping: FieldMapping,
): SniffResult['duplicateHeaders'] {
  const byName = new Map<string, number[]>();
  headers.forEach((header, column) => {
    const key = normalizeHeader(header);
    if (key === '') return;
    const columns = byName.get(key);
    if (columns) columns.push(column);
    else byName.set(key, [column]);
  });
  const duplicates: SniffResult['duplicateHeaders'] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (column === null || column === undefined) continue;
    const same = byName.get(normalizeHeader(headers[column] ?? '')) ?? [];
    if (same.length < 2) continue;
    mapping[field] = null;
    duplicates.push({
      field,
      header: (headers[column] ?? '').trim(),
      columns: same.map((c) => c + 1),
    });
  }
  return duplicates;
}

/** How each mapped amount/date column is written, decided from the sample values. */
export function inferFormats(
  kind: ImportKind,
  mapping: FieldMapping,
  rows: readonly string[][],
): { formats: Record<string, ColumnReading>; ambiguous: SniffResult['ambiguous'] } {
  const formats: Record<string, ColumnReading> = {};
  const ambiguous: SniffResult['ambiguous'] = [];
  for (const spec of KIND_FIELDS[kind]) {
    const c = mapping[spec.id];
    if (
      c === null ||
      c === undefined ||
      (spec.type !== 'amount' && spec.type !== 'date' && spec.type !== 'number')
    )
      continue;
    const values = rows.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    const f = inferColumnFormat(values);
    formats[spec.id] = { decimal: f.decimal, dateOrder: f.dateOrder, excelSerial: f.excelSerial };
    if (spec.type === 'date' && f.dateAmbiguous)
      ambiguous.push({ field: spec.id, what: 'dateOrder' });
    if (spec.type !== 'date' && f.decimalAmbiguous)
      ambiguous.push({ field: spec.id, what: 'decimal' });
  }
  return { formats, ambiguous };
}

export async function sniffFile(
  file: Blob,
  overrides: SniffOverrides,
  fractionDigits: number,
): Promise<{ ok: true; value: SniffResult } | ({ ok: false } & SniffFailure)> {
  const failWith = (reason: ImportFileError, detail: string, params?: ImportErrorParams) => ({
    ok: false as const,
    reason,
    detail,
    ...(params ? { params } : {}),
  });
  if (file.size === 0) return failWith('empty_file', 'The file is empty (0 bytes).');
  const bytes = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const binary = detectBinaryFormat(bytes);
  if (binary) return failWith(binary.reason, binary.detail, binary.params);
  if (bytes.every((b) => b === 0)) return failWith('zero_bytes', 'The file holds only zero bytes.');
  const encodingGuess = detectEncoding(bytes);
  const encoding = overrides.encoding ?? encodingGuess.encoding;
  const whole = file.size <= SNIFF_BYTES;
  let text =
    encoding === 'windows-1252'
      ? decodeAs(bytes, 'windows-1252')
      : new TextDecoder(encoding).decode(bytes, { stream: !whole });
  if (looksBinary(text)) return failWith('binary_file', 'The file is not text.');
  const markup = detectTextFormat(text);
  if (markup) return failWith(markup.reason, markup.detail, markup.params);
  if (text.trim() === '' || (whole && NO_VALUES.test(text))) {
    return failWith('no_values', 'The file holds only blank lines, spaces or separators.');
  }

  const lines = text.split(/\r\n|\n|\r/);
  // A line of a broken file can be megabytes long; the preview shows its start.
  const textPreview = lines
    .slice(0, PREVIEW_LINES)
    .map((l) => (l.length > PREVIEW_LINE_CHARS ? `${l.slice(0, PREVIEW_LINE_CHARS)}…` : l))
    .join('\n');
  let delimiter = overrides.delimiter ?? guessDelimiter(text);
  let fixedStarts: number[] | null = null;
  if (delimiter === null || delimiter === FIXED_WIDTH) {
    fixedStarts = detectFixedWidth(lines.filter((l) => l.trim() !== '').slice(0, SAMPLE_RECORDS));
    delimiter = fixedStarts ? FIXED_WIDTH : (delimiter ?? ',');
  }
  const oneLine = (chars: number) =>
    failWith('one_line', `One line of ${chars} characters with no line break.`, { chars });
  if (!whole) {
    const cut = lastRecordBoundary(text, delimiter);
    // No record ends in the first 256 KB: one endless line (or a quote that never closes).
    if (cut === 0) return oneLine(text.length);
    text = text.slice(0, cut);
  }
  const parsed = parseComplete(text, { delimiter, fixedStarts }, 1);
  const sample = parsed.records.slice(0, SAMPLE_RECORDS);
  const sampleLines = parsed.lines.slice(0, SAMPLE_RECORDS);
  if (sample.length === 0) return failWith('no_values', 'The file contains no records.');
  if (sample.length === 1 && text.length > ONE_LINE_CHARS) return oneLine(text.trim().length);

  const layout = detectLayout(sample);
  const headerRow = overrides.headerRow !== undefined ? overrides.headerRow : layout.headerRow;
  // The layout's own header keeps its idea of where data starts (it skips ruler lines like ----).
  const firstDataRow =
    headerRow === null
      ? overrides.headerRow === null
        ? 0
        : layout.firstDataRow
      : headerRow === layout.headerRow
        ? layout.firstDataRow
        : headerRow + 1;
  const dataRows = sample.slice(firstDataRow);
  if (dataRows.length === 0)
    return failWith('header_only', 'The file has a header row but no data rows.');
  // With a header, its cells define the columns: rows with more filled cells than that are
  // misaligned (an unquoted comma) and get rejected, not silently shifted into new columns.
  const width =
    headerRow === null
      ? Math.max(...dataRows.slice(0, 50).map((r) => r.length))
      : (sample[headerRow]?.length ?? 0);
  if (width > MAX_COLUMNS) {
    return failWith('too_many_columns', `${width} columns; at most ${MAX_COLUMNS} are read.`, {
      columns: width,
      max: MAX_COLUMNS,
    });
  }
  const headers = columnNames(headerRow === null ? null : (sample[headerRow] ?? null), width);

  const guessed = guessKind(headerRow === null ? [] : headers);
  const kind = overrides.kind ?? (headerRow === null ? 'orders' : guessed.kind);
  const mapping = headerRow === null ? mapByValues(dataRows, kind, width) : autoMap(headers, kind);
  const duplicateHeaders = headerRow === null ? [] : unmapDuplicateHeaders(headers, mapping);
  const { formats, ambiguous } = inferFormats(kind, mapping, dataRows);

  return {
    ok: true,
    value: {
      plan: {
        kind,
        encoding,
        delimiter,
        fixedStarts,
        headerRow,
        firstDataRow,
        headers,
        mapping,
        formats,
        fractionDigits,
        cancelPrefix: guessCancelPrefix(mapping, dataRows),
        keepCustom: true,
        skipDuplicates: true,
      },
      encodingGuess,
      textPreview,
      sample,
      sampleLines,
      kindScores: guessed.scores,
      ambiguous,
      duplicateHeaders,
      totalBytes: file.size,
    },
  };
}
