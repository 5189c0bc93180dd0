import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../db/schema';
import { handleImportRequest } from './importJob';
import type { ImportFileError, ImportRequest, ImportResponse } from './importProtocol';

const MAPPING: ColumnMapping = {
  account: 0,
  date: 1,
  amount: 2,
  orderNo: null,
  quantity: null,
  product: null,
};

async function run(request: ImportRequest): Promise<ImportResponse[]> {
  const posted: ImportResponse[] = [];
  await handleImportRequest(request, (r) => posted.push(r));
  return posted;
}

const file = (content: BlobPart, name = 'orders.csv'): File => new File([content], name);

describe('handleImportRequest: preview', () => {
  it('returns headers, the first rows, delimiter, encoding and size', async () => {
    const text =
      '\uFEFF客户;日期;金额\n上海;2024-01-02;1,5\n北京;2024-01-03;2\n深圳;2024-01-04;3\n';
    const posted = await run({ type: 'preview', requestId: 7, file: file(text), maxRows: 2 });
    expect(posted).toEqual([
      {
        type: 'preview',
        requestId: 7,
        headers: ['客户', '日期', '金额'],
        rows: [
          ['上海', '2024-01-02', '1,5'],
          ['北京', '2024-01-03', '2'],
        ],
        delimiter: ';',
        encoding: 'utf-8',
        totalBytes: new TextEncoder().encode(text).length,
      },
    ]);
  });

  it.each<[string, BlobPart, ImportFileError]>([
    ['empty file', '', 'empty_file'],
    ['whitespace only', '  \r\n\r\n', 'empty_file'],
    ['header only', 'customer,date,amount\r\n', 'header_only'],
    ['binary', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'binary_file'],
    ['unclosed quote', 'a,b\n"x,1\n', 'parse_failed'],
  ])('%s -> error %s', async (_name, content, reason) => {
    const posted = await run({ type: 'preview', requestId: 3, file: file(content), maxRows: 20 });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'error', requestId: 3, reason });
    expect(posted[0]?.type === 'error' && posted[0].detail).not.toBe('');
  });
});

describe('handleImportRequest: parse', () => {
  it('posts progress every 5,000 rows, then the orders, rejects and file hash', async () => {
    const lines = ['customer,date,amount'];
    for (let i = 0; i < 12_000; i++)
      lines.push(`C${i % 7},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}`);
    lines[100] = 'C1,2024-02-30,5'; // line 101 in the file
    const text = lines.join('\r\n') + '\r\n';
    const bytes = new TextEncoder().encode(text);

    const posted = await run({
      type: 'parse',
      requestId: 9,
      file: file(bytes),
      mapping: MAPPING,
      fractionDigits: 2,
    });

    const progress = posted.filter((r) => r.type === 'progress');
    expect(progress.map((p) => p.rowsRead)).toEqual([5000, 10000, 12000]);
    expect(progress.every((p) => p.requestId === 9 && p.totalBytes === bytes.length)).toBe(true);
    expect(progress.at(-1)?.bytesRead).toBe(bytes.length);
    expect(progress[0]!.bytesRead).toBeGreaterThan(0);
    expect(progress[0]!.bytesRead).toBeLessThan(progress[1]!.bytesRead);

    const done = posted.at(-1);
    if (done?.type !== 'parsed') throw new Error(JSON.stringify(done));
    expect(done.requestId).toBe(9);
    expect(done.rowsRead).toBe(12_000);
    expect(done.orders).toHaveLength(11_999);
    expect(done.rejects).toEqual([
      { line: 101, column: 'date', value: '2024-02-30', reason: 'bad_date' },
    ]);
    expect(done.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(done).toMatchObject({
      delimiter: ',',
      encoding: 'utf-8',
      headers: ['customer', 'date', 'amount'],
    });
  });

  it('reports lines as a text editor shows them, past quoted line breaks and blank lines', async () => {
    const text = 'customer,date,amount,note\n"A",2024-01-02,1,"two\nlines"\n\nB,2024-13-01,2,x\n';
    const posted = await run({
      type: 'parse',
      requestId: 1,
      file: file(text),
      mapping: MAPPING,
      fractionDigits: 2,
    });
    const done = posted.at(-1);
    expect(done?.type === 'parsed' && done.rejects).toEqual([
      { line: 5, column: 'date', value: '2024-13-01', reason: 'bad_date' },
    ]);
  });

  it('rows read = orders + rejects: nothing is dropped silently', async () => {
    const text = 'customer,date,amount\nA,2024-01-02,1\n,2024-01-02,1\nB,x,1\nC,2024-01-02,?\n,,\n';
    const posted = await run({
      type: 'parse',
      requestId: 2,
      file: file(text),
      mapping: MAPPING,
      fractionDigits: 2,
    });
    const done = posted.at(-1);
    if (done?.type !== 'parsed') throw new Error(JSON.stringify(done));
    expect(done.rowsRead).toBe(4);
    expect(done.orders.length + done.rejects.length).toBe(done.rowsRead);
  });

  it('answers with parse_failed instead of throwing when the file cannot be read', async () => {
    const broken = {
      arrayBuffer: () => Promise.reject(new Error('NotReadableError')),
    } as unknown as File;
    const posted = await run({
      type: 'parse',
      requestId: 4,
      file: broken,
      mapping: MAPPING,
      fractionDigits: 2,
    });
    expect(posted).toEqual([
      { type: 'error', requestId: 4, reason: 'parse_failed', detail: 'NotReadableError' },
    ]);
  });
});
