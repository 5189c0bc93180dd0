import { describe, expect, it } from 'vitest';
import { FIXED_WIDTH, lastRecordBoundary, parseComplete, readRecords } from './rowStream';

async function readAll(bytes: Uint8Array, encoding: string, delimiter: string, chunkBytes: number) {
  const records: string[][] = [];
  const lines: number[] = [];
  let lastBytes = 0;
  for await (const batch of readRecords(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    encoding,
    delimiter,
    chunkBytes,
  })) {
    records.push(...batch.records);
    lines.push(...batch.lines);
    lastBytes = batch.bytesRead;
  }
  return { records, lines, lastBytes };
}

const CSV = [
  '客户名称,日期,金额,备注',
  '上海华东精密机械有限公司,2024-03-05,"1,234.50",普通',
  '"Northwind Trading Co., Ltd.",2024-03-06,99,"two',
  'lines ""quoted"" here"',
  '',
  '深圳市海川电子科技有限公司,2024-03-07,12,5" pipe',
  '杭州绿源食品有限公司,2024-03-08,7,end',
].join('\r\n');

const EXPECTED_RECORDS = [
  ['客户名称', '日期', '金额', '备注'],
  ['上海华东精密机械有限公司', '2024-03-05', '1,234.50', '普通'],
  ['Northwind Trading Co., Ltd.', '2024-03-06', '99', 'two\r\nlines "quoted" here'],
  ['深圳市海川电子科技有限公司', '2024-03-07', '12', '5" pipe'],
  ['杭州绿源食品有限公司', '2024-03-08', '7', 'end'],
];
const EXPECTED_LINES = [1, 2, 3, 6, 7];

describe('readRecords', () => {
  const utf8 = new TextEncoder().encode('\uFEFF' + CSV);

  // Every slice size cuts somewhere else: inside 3-byte characters, CRLF pairs and quoted fields.
  it.each([1, 2, 3, 5, 7, 11, 16, 64, 1024])(
    'gives the same records and lines with %i-byte slices',
    async (chunkBytes) => {
      const { records, lines, lastBytes } = await readAll(utf8, 'utf-8', ',', chunkBytes);
      expect(records).toEqual(EXPECTED_RECORDS);
      expect(lines).toEqual(EXPECTED_LINES);
      expect(lastBytes).toBe(utf8.length);
    },
  );

  it('decodes UTF-16 LE with its BOM across slice edges', async () => {
    const text = '\uFEFF名称\t金额\n台北市大同電子,12\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const { records } = await readAll(bytes, 'utf-16le', '\t', 3);
    expect(records).toEqual([['名称', '金额'], ['台北市大同電子,12']]);
  });

  it('stops after maxRecords for a preview', async () => {
    const batches = [];
    for await (const b of readRecords(new Blob([utf8 as Uint8Array<ArrayBuffer>]), {
      encoding: 'utf-8',
      delimiter: ',',
      chunkBytes: 16,
      maxRecords: 2,
    })) {
      batches.push(b);
    }
    const count = batches.reduce((n, b) => n + b.records.length, 0);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(batches.at(-1)!.bytesRead).toBeLessThan(utf8.length);
  });

  it('reads an empty file as no records', async () => {
    expect((await readAll(new Uint8Array(), 'utf-8', ',', 8)).records).toEqual([]);
  });
});

describe('lastRecordBoundary', () => {
  it.each([
    ['a,b\nc,d\ne', ',', 8],
    ['a,"x\ny"\nc', ',', 8],
    ['a,"x\ny', ',', 0],
    ['a,5" pipe\nb', ',', 10],
    ['a\r\nb\r', ',', 3],
    ['a;"q""\n"\nz', ';', 9],
    ['ab  cd\nef  gh', FIXED_WIDTH, 7],
  ])('%j → %s', (text, delimiter, expected) => {
    expect(lastRecordBoundary(text, delimiter)).toBe(expected);
  });
});

describe('parseComplete', () => {
  it('splits fixed-width lines at the given starts and numbers lines', () => {
    const text = 'SO-1  上海华东  2024-03-05  100\n\nSO-2  Acme  2024-03-06  7\n';
    expect(
      parseComplete(text, { delimiter: FIXED_WIDTH, fixedStarts: [0, 6, 12, 24] }, 10),
    ).toEqual({
      records: [
        ['SO-1', '上海华东', '2024-03-05', '100'],
        ['SO-2', 'Acme', '2024-03-06', '7'],
      ],
      lines: [10, 12],
      unclosed: new Set(),
      nextLine: 13,
    });
  });
});
