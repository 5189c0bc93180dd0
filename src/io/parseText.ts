// File bytes → text → header + rows. Pure apart from crypto.subtle; runs in the worker and in node tests.
import Papa from 'papaparse';
import { fail, ok, type Result } from '../domain/types';
import type { ImportFileError } from './importProtocol';

export const DELIMITERS_TO_GUESS = [',', ';', '\t', '|'];

/** How many leading bytes are checked for NUL when deciding a file is not text. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

export interface DecodedText {
  text: string;
  encoding: string;
}

export interface ParsedCsv {
  /** First non-empty record, each cell trimmed. */
  headers: string[];
  /** Data records, blank ones already skipped. */
  rows: string[][];
  /** 1-based line on which each of `rows` starts, as a text editor counts (header line = 1 usually). */
  lines: number[];
  delimiter: string;
}

/** A Result<ParsedCsv, ImportFileError> whose failures also say what went wrong, for the user. */
export type CsvTextResult =
  { ok: true; value: ParsedCsv } | { ok: false; reason: ImportFileError; detail: string };

export interface ParseCsvOptions {
  /** Stop after this many data rows (preview). */
  maxRows?: number;
  /** Called every `progressEvery` data rows with the rows and characters read so far. */
  onProgress?: (rowsRead: number, charsRead: number) => void;
  progressEvery?: number;
}

const failWith = (reason: ImportFileError, detail: string): CsvTextResult => ({
  ok: false,
  reason,
  detail,
});

/**
 * Decode file bytes. UTF-8 by default (BOM dropped); a UTF-16 BOM switches to UTF-16 because Excel's
 * "Unicode text" export is UTF-16 and would otherwise look binary. Legacy encodings (GBK, Big5) are
 * not detected yet and decode with U+FFFD replacement characters.
 */
export function decodeBytes(bytes: Uint8Array): Result<DecodedText, ImportFileError> {
  if (bytes.length === 0) return fail('empty_file');
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  // NUL never appears in UTF-8 text; in a spreadsheet or archive it shows up within a few bytes.
  else if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return fail('binary_file');
  // The default (ignoreBOM: false) strips a leading BOM.
  const text = new TextDecoder(encoding).decode(bytes);
  return ok({ text, encoding });
}

/** SHA-256 of the bytes as lower-case hex (needs a secure context in browsers). */
export async function sha256Hex(buf: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Line breaks as a text editor counts them: CRLF, lone LF and lone CR each end a line. */
function countBreaks(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/**
 * Parse delimited text: delimiter guessed among `, ; TAB |`, blank and whitespace-only records
 * skipped, first record = headers. Fails with 'empty_file', 'header_only' or 'parse_failed'.
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): CsvTextResult {
  const { onProgress, progressEvery = 5000 } = options;
  const maxRows = Math.max(1, options.maxRows ?? Infinity);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return failWith('empty_file', 'The file contains no text.');

  // Widened with `as`: TypeScript does not see the assignments made inside the step callback.
  let headers = null as string[] | null;
  const rows: string[][] = [];
  const lines: number[] = [];
  let delimiter = ',';
  let failure = null as CsvTextResult | null;
  // Line counting is incremental so long files stay linear.
  let scanned = 0;
  let breaks = 0;

  try {
    Papa.parse<string[]>(text, {
      skipEmptyLines: 'greedy',
      delimitersToGuess: DELIMITERS_TO_GUESS,
      step(result, parser) {
        const record = result.data;
        const { cursor, linebreak } = result.meta;
        const unclosed = result.errors.some((e) => e.code === 'MissingQuotes');
        // The cursor sits after the record's own line break, so step back over it — unless an
        // unclosed quote swallowed that break into the field, where it is counted as embedded.
        const end =
          !unclosed && linebreak && text.startsWith(linebreak, cursor - linebreak.length)
            ? cursor - linebreak.length
            : cursor;
        breaks += countBreaks(text, scanned, end);
        scanned = end;
        const embedded = record.reduce((n, field) => n + countBreaks(field), 0);
        const line = 1 + breaks - embedded;

        if (unclosed) {
          // Everything after an unclosed quote lands in one field: refuse rather than lose rows.
          failure = failWith(
            'parse_failed',
            `Unclosed quote in the record starting on line ${line}.`,
          );
          parser.abort();
          return;
        }
        if (headers === null) {
          headers = record.map((h) => h.trim());
          delimiter = result.meta.delimiter;
          return;
        }
        rows.push(record);
        lines.push(line);
        if (onProgress && rows.length % progressEvery === 0) onProgress(rows.length, cursor);
        if (rows.length >= maxRows) parser.abort();
      },
    });
  } catch (error) {
    return failWith('parse_failed', error instanceof Error ? error.message : String(error));
  }

  if (failure) return failure;
  if (headers === null) return failWith('empty_file', 'The file contains no records.');
  if (rows.length === 0) return failWith('header_only', 'The file has a header row but no data.');
  return ok({ headers, rows, lines, delimiter });
}
