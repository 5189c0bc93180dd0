// First look at a file: which encoding, delimiter, where the header is, what kind of file, which
// column is what and how its numbers and dates are written. Reads only the first slice of bytes.
import Papa from 'papaparse';
import { inferColumnFormat } from '../domain/columnFormats';
import { parseDateWithOrder } from '../domain/date';
import { parseAmountToMinor } from '../domain/money';
import { decodeAs, detectEncoding, type EncodingGuess } from './encoding';
import { autoMap, guessKind, KIND_FIELDS, type FieldMapping, type ImportKind } from './fields';
import type { ColumnReading, ImportPlan } from './importPlan';
import type { ImportFileError } from './importProtocol';
import { detectFixedWidth, detectLayout } from './layout';
import { FIXED_WIDTH, lastRecordBoundary, parseComplete } from './rowStream';

export const SNIFF_BYTES = 256 * 1024;
const SAMPLE_RECORDS = 200;
const PREVIEW_LINES = 20;
const DELIMITERS = [',', ';', '\t', '|'];

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
  totalBytes: number;
}

export type SniffFailure = { reason: ImportFileError; detail: string };

/** Zip (xlsx, docx…) and OLE2 (old .xls) signatures: spreadsheets saved under a .csv name. */
function spreadsheetSignature(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

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
  const failWith = (reason: ImportFileError, detail: string) => ({
    ok: false as const,
    reason,
    detail,
  });
  if (file.size === 0) return failWith('empty_file', 'The file is empty (0 bytes).');
  const bytes = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (spreadsheetSignature(bytes)) {
    return failWith('spreadsheet_file', 'This is an Excel workbook (.xlsx/.xls), not a CSV file.');
  }
  const encodingGuess = detectEncoding(bytes);
  const encoding = overrides.encoding ?? encodingGuess.encoding;
  const whole = file.size <= SNIFF_BYTES;
  let text =
    encoding === 'windows-1252'
      ? decodeAs(bytes, 'windows-1252')
      : new TextDecoder(encoding).decode(bytes, { stream: !whole });
  if (looksBinary(text)) return failWith('binary_file', 'The file is not text.');
  if (text.trim() === '') return failWith('empty_file', 'The file contains no text.');

  const lines = text.split(/\r\n|\n|\r/);
  const textPreview = lines.slice(0, PREVIEW_LINES).join('\n');
  let delimiter = overrides.delimiter ?? guessDelimiter(text);
  let fixedStarts: number[] | null = null;
  if (delimiter === null || delimiter === FIXED_WIDTH) {
    fixedStarts = detectFixedWidth(lines.filter((l) => l.trim() !== '').slice(0, SAMPLE_RECORDS));
    delimiter = fixedStarts ? FIXED_WIDTH : (delimiter ?? ',');
  }
  if (!whole) text = text.slice(0, lastRecordBoundary(text, delimiter));
  const parsed = parseComplete(text, { delimiter, fixedStarts }, 1);
  const sample = parsed.records.slice(0, SAMPLE_RECORDS);
  const sampleLines = parsed.lines.slice(0, SAMPLE_RECORDS);
  if (sample.length === 0) return failWith('empty_file', 'The file contains no records.');

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
  const headers = columnNames(headerRow === null ? null : (sample[headerRow] ?? null), width);

  const guessed = guessKind(headerRow === null ? [] : headers);
  const kind = overrides.kind ?? (headerRow === null ? 'orders' : guessed.kind);
  const mapping = headerRow === null ? mapByValues(dataRows, kind, width) : autoMap(headers, kind);
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
      totalBytes: file.size,
    },
  };
}
