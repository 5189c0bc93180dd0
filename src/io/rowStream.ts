// Reads a file as records in batches, a slice of bytes at a time, so a file of any size is never
// one string in memory. Bytes are decoded with a streaming TextDecoder (multi-byte characters cut
// at a slice edge are handled), text is cut only at a line break outside quotes, and each complete
// piece is parsed by PapaParse. Every record keeps the line number it starts on.
import Papa from 'papaparse';
import { decodeAs } from './encoding';

export interface RecordBatch {
  records: string[][];
  /** 1-based line each record starts on, as a text editor counts. */
  lines: number[];
  /**
   * Indexes into `records` of records whose quoted field never closed: everything up to the end
   * of the text was read into their last cell.
   */
  unclosed: ReadonlySet<number>;
  bytesRead: number;
  totalBytes: number;
}

export interface ReadRecordsOptions {
  /** A WHATWG encoding label (utf-8, utf-16le, gb18030, big5, windows-1252, …). */
  encoding: string;
  /** Field delimiter, or 'fixed' for fixed-width text split at `fixedStarts`. */
  delimiter: string;
  fixedStarts?: readonly number[] | null;
  /** Bytes read per slice; 4 MB keeps memory flat and PapaParse busy. */
  chunkBytes?: number;
  /** Stop early (preview): no more batches once this many records were yielded. */
  maxRecords?: number;
  /** Sees every slice of raw bytes, in order (the file fingerprint is computed from them). */
  onBytes?: (bytes: Uint8Array) => void;
}

export const FIXED_WIDTH = 'fixed';
const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

/** Line breaks as a text editor counts them: CRLF, lone LF and lone CR each end a line. */
export function countBreaks(text: string): number {
  if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/**
 * Index just after the last line break that ends a record (0 when there is none), following CSV
 * quoting as PapaParse does: a quote opens a field only at the field's start, `""` inside a quoted
 * field is a literal quote, and a stray quote inside an unquoted field (`12" pipe`) is just text.
 * `text` starts at a record boundary, so the state can be tracked from its first character.
 */
export function lastRecordBoundary(text: string, delimiter: string): number {
  if (delimiter === FIXED_WIDTH || text.indexOf('"') === -1) {
    const lf = text.lastIndexOf('\n');
    const cr = text.lastIndexOf('\r');
    // A CR as the very last character may be the first half of a CRLF: keep it for later.
    const crUsable = cr > lf && cr < text.length - 1 ? cr : -1;
    return Math.max(lf, crUsable) + 1;
  }
  const delim = delimiter.charCodeAt(0);
  let inQuotes = false;
  let fieldStart = true;
  let boundary = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (c === 13 && i === text.length - 1) break;
      boundary = i + 1;
      fieldStart = true;
    } else if (c === delim) {
      fieldStart = true;
    } else {
      if (c === 34 && fieldStart) inQuotes = true;
      fieldStart = false;
    }
  }
  return boundary;
}

function splitFixed(line: string, starts: readonly number[]): string[] {
  return starts.map((start, i) => line.slice(start, starts[i + 1] ?? line.length).trim());
}

const isBlank = (record: readonly string[]): boolean => record.every((cell) => cell.trim() === '');

/**
 * Parses complete text (whole records only). Blank records are dropped; line numbers come from
 * counting each record's own line plus the line breaks embedded in its quoted fields.
 */
export function parseComplete(
  text: string,
  options: Pick<ReadRecordsOptions, 'delimiter' | 'fixedStarts'>,
  firstLine: number,
): { records: string[][]; lines: number[]; unclosed: Set<number>; nextLine: number } {
  const records: string[][] = [];
  const lines: number[] = [];
  const unclosed = new Set<number>();
  let line = firstLine;
  if (options.delimiter === FIXED_WIDTH) {
    for (const raw of text.split(/\r\n|\n|\r/)) {
      const record = splitFixed(raw, options.fixedStarts ?? [0]);
      if (!isBlank(record)) {
        records.push(record);
        lines.push(line);
      }
      line++;
    }
    // split() yields one extra piece after a final line break.
    return { records, lines, unclosed, nextLine: firstLine + countBreaks(text) };
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: options.delimiter,
    skipEmptyLines: false,
    newline: undefined,
  });
  // PapaParse's error rows are indexes into its data, blank records included.
  const missingQuotes = new Set<number>();
  for (const error of parsed.errors) {
    if (error.code === 'MissingQuotes' && error.row !== undefined) missingQuotes.add(error.row);
  }
  parsed.data.forEach((record, index) => {
    if (!isBlank(record)) {
      if (missingQuotes.has(index)) unclosed.add(records.length);
      records.push(record);
      lines.push(line);
    }
    let embedded = 0;
    for (const cell of record) if (cell.length > 0) embedded += countBreaks(cell);
    line += 1 + embedded;
  });
  return { records, lines, unclosed, nextLine: firstLine + countBreaks(text) };
}

export async function* readRecords(
  blob: Blob,
  options: ReadRecordsOptions,
): AsyncGenerator<RecordBatch> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  // ignoreBOM: false (the default) drops a byte-order mark of the chosen encoding. Windows-1252 is
  // single-byte, so it is decoded slice by slice with our own table (some runtimes map it to
  // Latin-1, turning € into U+0080).
  const decoder = options.encoding === 'windows-1252' ? null : new TextDecoder(options.encoding);
  let carry = '';
  let line = 1;
  let offset = 0;
  let yielded = 0;
  while (offset < blob.size || carry !== '') {
    const end = Math.min(blob.size, offset + chunkBytes);
    const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    options.onBytes?.(bytes);
    offset = end;
    const last = offset >= blob.size;
    const text =
      carry +
      (decoder ? decoder.decode(bytes, { stream: !last }) : decodeAs(bytes, 'windows-1252'));
    const cut = last ? text.length : lastRecordBoundary(text, options.delimiter);
    carry = text.slice(cut);
    const parsed = parseComplete(text.slice(0, cut), options, line);
    line = parsed.nextLine;
    yield {
      records: parsed.records,
      lines: parsed.lines,
      unclosed: parsed.unclosed,
      bytesRead: offset,
      totalBytes: blob.size,
    };
    yielded += parsed.records.length;
    if (options.maxRecords !== undefined && yielded >= options.maxRecords) return;
    if (last) return;
  }
}
