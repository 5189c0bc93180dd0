import { describe, expect, it } from 'vitest';
import { detectBinaryFormat, detectTextFormat } from './fileFormat';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)),
  );

describe('detectBinaryFormat', () => {
  it.each([
    [
      'xlsx',
      bytes([0x50, 0x4b, 3, 4], 'xxxx[Content_Types].xml...xl/workbook.xml'),
      'spreadsheet_file',
      'XLSX',
    ],
    [
      'xlsx without [Content_Types] first',
      bytes([0x50, 0x4b, 3, 4], '....xl/styles.xml'),
      'spreadsheet_file',
      'XLSX',
    ],
    [
      'docx',
      bytes([0x50, 0x4b, 3, 4], '[Content_Types].xml word/document.xml'),
      'archive_file',
      'ZIP',
    ],
    [
      'a zip whose entries are out of view',
      bytes([0x50, 0x4b, 3, 4, 0x14, 0], 'binary'),
      'spreadsheet_file',
      'XLSX',
    ],
    ['plain zip', bytes([0x50, 0x4b, 3, 4], 'orders.csv'), 'archive_file', 'ZIP'],
    [
      'old xls',
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      'spreadsheet_file',
      'XLS',
    ],
    ['pdf', bytes('%PDF-1.7\n'), 'pdf_file', 'PDF'],
    ['png', bytes([0x89], 'PNG\r\n', [0x1a], '\n'), 'image_file', 'PNG'],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image_file', 'JPEG'],
    ['gif', bytes('GIF89a'), 'image_file', 'GIF'],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'image_file', 'WebP'],
    ['gzip', bytes([0x1f, 0x8b, 8, 0]), 'archive_file', 'GZIP'],
    ['7z', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'archive_file', '7z'],
    ['rar', bytes('Rar!', [0x1a, 0x07, 0]), 'archive_file', 'RAR'],
  ])('%s', (_label, input, reason, format) => {
    expect(detectBinaryFormat(input)).toMatchObject({ reason, params: { format } });
  });

  it.each([
    ['a CSV whose first customer is BMW', 'BMW,2024-01-01,100\n'],
    ['a CSV starting with PK as a code', 'PK01,Acme,2024-01-01,100\n'],
    ['a UTF-8 BOM', '\ufeffCustomer,Date\n'],
    ['empty', ''],
  ])('leaves %s alone', (_label, text) => {
    expect(detectBinaryFormat(new TextEncoder().encode(text))).toBeNull();
  });
});

describe('detectTextFormat', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><body></body></html>', 'html_file'],
    ['an HTML page after a BOM and blank lines', '\ufeff\n\n  <html lang="zh">', 'html_file'],
    [
      'an ERP "xls" that is an HTML table',
      '<table border=1><tr><td>客户</td></tr></table>',
      'html_file',
    ],
    ['a JSON array of objects', '[\n  {"customer": "Acme"}\n]', 'json_file'],
    ['a JSON object', '{"orders": []}', 'json_file'],
    [
      'Excel 2003 XML',
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>',
      'spreadsheet_file',
    ],
  ])('%s', (_label, text, reason) => {
    expect(detectTextFormat(text)?.reason).toBe(reason);
  });

  it.each([
    ['a CSV', 'Customer,Date,Amount\nAcme,2024-01-01,100\n'],
    ['a CSV whose first cell is a bracketed number', '[1],2024-01-01,100\n'],
    ['a CSV whose first cell starts with <', '<none>,2024-01-01,100\n'],
    ['other XML', '<?xml version="1.0"?><orders/>'],
  ])('leaves %s alone', (_label, text) => {
    expect(detectTextFormat(text)).toBeNull();
  });
});
