// Files that are not CSV text but arrive under a .csv name: a workbook saved with the wrong
// extension, a zipped export, a PDF, the login page a download returned. Recognised by their
// first bytes (or first characters) so the user is told what the file is instead of being shown
// a column mapping of garbage. Pure.
import type { ImportErrorParams, ImportFileError } from './importProtocol';

export interface OtherFormat {
  reason: ImportFileError;
  params: ImportErrorParams;
  /** English, for logs and tests. */
  detail: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/** Does the byte string occur in the first `limit` bytes? (Zip entry names are stored plainly.) */
function contains(bytes: Uint8Array, needle: readonly number[], limit = 64 * 1024): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

const format = (reason: ImportFileError, name: string, detail: string): OtherFormat => ({
  reason,
  params: { format: name },
  detail,
});

// Binary signatures. Only ones no text file can start with: 'BM' (bitmap) or 'BZh' (bzip2)
// would catch a CSV whose first customer is "BMW".
const IMAGES: readonly [string, readonly number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', ascii('GIF87a')],
  ['GIF', ascii('GIF89a')],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
];
const ARCHIVES: readonly [string, readonly number[]][] = [
  ['GZIP', [0x1f, 0x8b]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR', ascii('Rar!\x1a\x07')],
];

/** What the first bytes say the file is, when it is clearly not delimited text; else null. */
export function detectBinaryFormat(bytes: Uint8Array): OtherFormat | null {
  // Zip: an .xlsx has its parts under xl/ and an .ods names its mimetype first; a zip of exports
  // names a .csv or .txt entry. Entry names are stored uncompressed, so they can be searched for.
  // A zip that shows neither is taken for a workbook, by far the likeliest under a .csv name.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const workbook =
      contains(bytes, ascii('xl/')) ||
      contains(bytes, ascii('application/vnd.oasis.opendocument.spreadsheet'));
    const other =
      contains(bytes, ascii('word/')) ||
      contains(bytes, ascii('ppt/')) ||
      ['.csv', '.txt', '.tsv', '.CSV', '.TXT'].some((ext) => contains(bytes, ascii(ext)));
    return workbook || !other
      ? format('spreadsheet_file', 'XLSX', 'An Excel workbook (.xlsx), not a CSV file.')
      : format('archive_file', 'ZIP', 'A ZIP archive, not a CSV file.');
  }
  // OLE2 compound file: an old .xls (a .doc looks the same; a workbook is far more likely here).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return format('spreadsheet_file', 'XLS', 'An Excel workbook (.xls), not a CSV file.');
  }
  if (startsWith(bytes, ascii('%PDF-'))) {
    return format('pdf_file', 'PDF', 'A PDF document, not a CSV file.');
  }
  for (const [name, signature] of IMAGES) {
    if (startsWith(bytes, signature)) return format('image_file', name, `A ${name} image.`);
  }
  // WebP: RIFF....WEBP
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return format('image_file', 'WebP', 'A WebP image.');
  }
  for (const [name, signature] of ARCHIVES) {
    if (startsWith(bytes, signature)) return format('archive_file', name, `A ${name} archive.`);
  }
  return null;
}

const SPREADSHEET_XML =
  /<\?mso-application\s+progid="Excel\.Sheet"|urn:schemas-microsoft-com:office:spreadsheet/i;

/**
 * What decoded text says the file is, when it is markup or JSON rather than a table; else null.
 * `text` is the start of the file (the sniff sample).
 */
export function detectTextFormat(text: string): OtherFormat | null {
  const start = text.replace(/^[\uFEFF\s]+/, '').slice(0, 4096);
  const head = start.toLowerCase();
  // Excel 2003 XML ("XML Spreadsheet"), often saved as .xls or .csv by older ERPs.
  if (head.startsWith('<?xml') && SPREADSHEET_XML.test(start)) {
    return format('spreadsheet_file', 'XML', 'An Excel XML spreadsheet, not a CSV file.');
  }
  // A web page: an expired session's login page, or an ERP's "Excel" export that is an HTML table.
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>])/.test(head)) {
    return format('html_file', 'HTML', 'A web page (HTML), not a CSV file.');
  }
  // JSON: an object or an array of objects / arrays. `[1,2]` alone could be odd CSV, so the first
  // value after `[` must be an object, an array or a string.
  if (/^\{\s*"/.test(start) || /^\[\s*[{["]/.test(start)) {
    return format('json_file', 'JSON', 'JSON data, not a CSV table.');
  }
  return null;
}
