// sniffFile over real exports: the format fixtures (test/fixtures/formats, expectations computed
// by make_fixtures.py), orders_small.csv, and files that are not CSV tables at all.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DateOrder } from '../domain/date';
import type { DecimalSeparator } from '../domain/money';
import { createRowConverter } from './rowConvert';
import { guessCancelPrefix, inferFormats, sniffFile, type SniffResult } from './sniff';

const FORMATS_DIR = 'test/fixtures/formats/';
const FORMAT_FIXTURES = readdirSync(FORMATS_DIR)
  .filter((f) => /\.(csv|txt)$/.test(f))
  .sort();

interface FormatExpectation {
  file: string;
  encoding: string;
  bomLength: number;
  delimiter: string;
  headers: string[];
  columns: { customer: number; date: number; amount: number };
  decimal: DecimalSeparator;
  /** null: the dates decide nothing about day/month (month names, Excel serials). */
  dateOrder: DateOrder | null;
  excelSerial: boolean;
  rows: { customer: string; date: string; amountMinor: number }[];
}

interface SmallExpectation {
  headers: string[];
  dataRows: number;
  validRows: number;
  rejects: { line: number; column: string; value: string; reason: string }[];
  distinctCustomers: number;
  revenueMinorByCustomer: Record<string, number>;
  totalRevenueMinor: number;
}

const expectedFor = (name: string): FormatExpectation =>
  JSON.parse(readFileSync(`${FORMATS_DIR}${name}.expected.json`, 'utf8')) as FormatExpectation;

const fileOf = (bytes: Uint8Array | string, name = 'upload.csv'): File =>
  new File([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)], name);

async function sniffOk(file: Blob): Promise<SniffResult> {
  const result = await sniffFile(file, {}, 2);
  if (!result.ok) throw new Error(`sniff failed: ${result.reason} (${result.detail})`);
  return result.value;
}

/** Every data record of the sample through the plan's converter, as the preview shows them. */
function convertSample(sniffed: SniffResult) {
  const convert = createRowConverter(sniffed.plan);
  const { firstDataRow } = sniffed.plan;
  return sniffed.sample
    .slice(firstDataRow)
    .map((record, i) => convert(record, sniffed.sampleLines[firstDataRow + i]!));
}

function orderRows(sniffed: SniffResult) {
  return convertSample(sniffed).map((c) =>
    c.type === 'order'
      ? { customer: c.order.accountName, date: c.order.date, amountMinor: c.order.amountMinor }
      : c,
  );
}

describe('sniffFile over the format fixtures', () => {
  it.each(FORMAT_FIXTURES)(
    '%s: encoding, delimiter, header row, headers and kind',
    async (name) => {
      const expected = expectedFor(name);
      const sniffed = await sniffOk(fileOf(readFileSync(FORMATS_DIR + name), name));
      const { plan } = sniffed;
      expect(sniffed.encodingGuess.encoding).toBe(expected.encoding);
      expect(sniffed.encodingGuess.bomLength).toBe(expected.bomLength);
      expect(plan.encoding).toBe(expected.encoding);
      expect(plan.delimiter).toBe(expected.delimiter);
      expect(plan.fixedStarts).toBeNull();
      expect(plan.headerRow).toBe(0);
      expect(plan.firstDataRow).toBe(1);
      expect(plan.headers).toEqual(expected.headers);
      expect(plan.kind).toBe('orders');
      expect(plan.fractionDigits).toBe(2);
      // Header on line 1, one data row per line after it (no blank lines, no quoted breaks).
      expect(sniffed.sample).toHaveLength(expected.rows.length + 1);
      expect(sniffed.sampleLines).toEqual(
        Array.from({ length: expected.rows.length + 1 }, (_, i) => i + 1),
      );
      expect(sniffed.totalBytes).toBe(readFileSync(FORMATS_DIR + name).length);
    },
  );

  for (const name of FORMAT_FIXTURES) {
    it(`${name}: customer, date and amount mapped to the right columns`, async () => {
      const expected = expectedFor(name);
      const { plan } = await sniffOk(fileOf(readFileSync(FORMATS_DIR + name), name));
      expect(plan.mapping).toMatchObject({
        account: expected.columns.customer,
        date: expected.columns.date,
        amount: expected.columns.amount,
      });
      expect(plan.kind).toBe('orders');
    });
  }

  for (const name of FORMAT_FIXTURES) {
    it(`${name}: decimal separator and date order inferred; sample converts exactly`, async () => {
      const expected = expectedFor(name);
      const sniffed = await sniffOk(fileOf(readFileSync(FORMATS_DIR + name), name));
      const { formats } = sniffed.plan;
      expect(sniffed.ambiguous).toEqual([]);
      expect(formats.amount?.decimal).toBe(expected.decimal);
      expect(formats.date?.excelSerial).toBe(expected.excelSerial);
      if (expected.dateOrder !== null) expect(formats.date?.dateOrder).toBe(expected.dateOrder);
      expect(orderRows(sniffed)).toEqual(expected.rows);
    });
  }

  // What the preview does when the user picks a column by hand: inferFormats on that column
  // alone. With the right columns every fixture reads exactly, whatever the header language.
  it.each(FORMAT_FIXTURES)(
    '%s: with the columns mapped by hand the sample converts exactly',
    async (name) => {
      const expected = expectedFor(name);
      const sniffed = await sniffOk(fileOf(readFileSync(FORMATS_DIR + name), name));
      const { plan } = sniffed;
      const rows = sniffed.sample.slice(plan.firstDataRow);
      const { customer, date, amount } = expected.columns;
      plan.mapping = { ...plan.mapping, account: customer, date, amount };
      for (const [field, column] of [
        ['date', date],
        ['amount', amount],
      ] as const) {
        const { formats, ambiguous } = inferFormats(plan.kind, { [field]: column }, rows);
        expect(ambiguous).toEqual([]);
        plan.formats[field] = formats[field]!;
      }
      expect(plan.formats.amount?.decimal).toBe(expected.decimal);
      if (expected.dateOrder !== null)
        expect(plan.formats.date?.dateOrder).toBe(expected.dateOrder);
      expect(orderRows(sniffed)).toEqual(expected.rows);
    },
  );

  it('orders_cp1252.csv: bytes 0x80–0x9F decode as windows-1252 (€, ’), not Latin-1', async () => {
    // Node's own TextDecoder('windows-1252') is Latin-1 for these; the sample must not be.
    const sniffed = await sniffOk(fileOf(readFileSync(FORMATS_DIR + 'orders_cp1252.csv')));
    expect(sniffed.sample.map((r) => r[1])).toContain('Zoë’s Bakery');
    expect(sniffed.sample.map((r) => r[3])).toContain('€980.00');
    expect(sniffed.textPreview).not.toMatch(/[\u0080-\u009f]/);
  });
});

describe('sniffFile over orders_small.csv', () => {
  const bytes = readFileSync('test/fixtures/orders_small.csv');
  const expected = JSON.parse(
    readFileSync('test/fixtures/orders_small.expected.json', 'utf8'),
  ) as SmallExpectation;

  it('reads encoding, delimiter, header and mapping', async () => {
    const sniffed = await sniffOk(fileOf(bytes, 'orders_small.csv'));
    const { plan } = sniffed;
    expect(plan).toMatchObject({
      kind: 'orders',
      encoding: 'utf-8',
      delimiter: ',',
      headerRow: 0,
      firstDataRow: 1,
      headers: expected.headers,
      mapping: { orderNo: 0, account: 1, date: 2, amount: 3, quantity: 4, product: 5 },
      formats: {
        date: { dateOrder: 'ymd', excelSerial: false },
        amount: { decimal: '.' },
      },
    });
    expect(sniffed.ambiguous).toEqual([]);
    expect(sniffed.sample).toHaveLength(expected.dataRows + 1);
  });

  it('converts the sample to the expected rows, rejects and revenue', async () => {
    const converted = convertSample(await sniffOk(fileOf(bytes, 'orders_small.csv')));
    expect(converted).toHaveLength(expected.dataRows);
    const rejects = converted.flatMap((c) => (c.type === 'reject' ? [c.reject] : []));
    expect(rejects).toEqual(expected.rejects);
    const revenue: Record<string, number> = {};
    for (const c of converted) {
      if (c.type !== 'order') continue;
      revenue[c.order.accountName] = (revenue[c.order.accountName] ?? 0) + c.order.amountMinor;
    }
    expect(converted.filter((c) => c.type === 'order')).toHaveLength(expected.validRows);
    expect(revenue).toEqual(expected.revenueMinorByCustomer);
    expect(Object.keys(revenue)).toHaveLength(expected.distinctCustomers);
    expect(Object.values(revenue).reduce((a, b) => a + b, 0)).toBe(expected.totalRevenueMinor);
  });
});

describe('sniffFile: ambiguous columns are reported, not guessed silently', () => {
  it('dates that never decide day vs month', async () => {
    const csv = 'Customer,Date,Amount\nAcme,05/03/2024,10.00\nGlobex,01/02/2024,20.50\n';
    const sniffed = await sniffOk(fileOf(csv));
    expect(sniffed.ambiguous).toContainEqual({ field: 'date', what: 'dateOrder' });
    expect(sniffed.ambiguous).not.toContainEqual({ field: 'amount', what: 'decimal' });
  });

  it('amounts that never decide the decimal separator', async () => {
    const csv = 'Customer,Date,Amount\nAcme,2024-03-05,"1,234"\nGlobex,2024-03-06,"5,600"\n';
    const sniffed = await sniffOk(fileOf(csv));
    expect(sniffed.ambiguous).toEqual([{ field: 'amount', what: 'decimal' }]);
    expect(sniffed.plan.formats.amount?.decimal).toBe('.');
  });
});

describe('sniffFile: files that are not a CSV table', () => {
  it('an empty file', async () => {
    expect(await sniffFile(fileOf(new Uint8Array()), {}, 2)).toMatchObject({
      ok: false,
      reason: 'empty_file',
    });
  });

  it('a file of blank lines', async () => {
    expect(await sniffFile(fileOf(' \r\n\r\n  \n'), {}, 2)).toMatchObject({
      ok: false,
      reason: 'no_values',
    });
  });

  it.each([
    ['header line only', '客户名称,订单日期,金额\r\n'],
    ['header without a final line break', 'Customer,Date,Amount'],
    ['header and blank lines', 'Customer,Date,Amount\r\n\r\n,,\r\n'],
  ])('%s → header_only', async (_label, csv) => {
    expect(await sniffFile(fileOf(csv), {}, 2)).toMatchObject({
      ok: false,
      reason: 'header_only',
    });
  });

  it('a zip (xlsx saved as .csv) → spreadsheet_file', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const more = new TextEncoder().encode('[Content_Types].xml a,b,c\n1,2,3\n');
    const bytes = new Uint8Array([...zip, ...more]);
    expect(await sniffFile(fileOf(bytes, 'orders.csv'), {}, 2)).toMatchObject({
      ok: false,
      reason: 'spreadsheet_file',
    });
  });

  it('an old OLE2 .xls → spreadsheet_file', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await sniffFile(fileOf(bytes, 'orders.csv'), {}, 2)).toMatchObject({
      ok: false,
      reason: 'spreadsheet_file',
    });
  });

  it('random bytes → binary_file', async () => {
    let seed = 20240305;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    };
    const bytes = Uint8Array.from({ length: 8192 }, next);
    expect(await sniffFile(fileOf(bytes, 'orders.csv'), {}, 2)).toMatchObject({
      ok: false,
      reason: 'binary_file',
    });
  });

  it('a PNG under a .csv name → image_file, saying PNG', async () => {
    const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => header[i] ?? (i * 7) % 31);
    expect(await sniffFile(fileOf(bytes, 'orders.csv'), {}, 2)).toMatchObject({
      ok: false,
      reason: 'image_file',
      params: { format: 'PNG' },
    });
  });
});

describe('sniffFile: layouts', () => {
  const REPORT = [
    '销售订单明细表',
    '公司：华东工业,,',
    '报表日期：2024-05-01,,',
    '',
    '客户名称,订单日期,金额',
    '上海华东精密机械有限公司,2024-03-05,"1,234.50"',
    'Blue Harbor Logistics,2024-03-06,99.00',
    '合计,,"1,333.50"',
    '',
  ].join('\r\n');

  it('title lines above the header are skipped; line numbers follow the file', async () => {
    const sniffed = await sniffOk(fileOf(REPORT, 'report.csv'));
    const { plan } = sniffed;
    // Sample indices skip the blank line 4; the header is record 3 on line 5.
    expect(plan.headerRow).toBe(3);
    expect(plan.firstDataRow).toBe(4);
    expect(sniffed.sampleLines[plan.headerRow!]).toBe(5);
    expect(plan.headers).toEqual(['客户名称', '订单日期', '金额']);
    expect(plan.mapping).toMatchObject({ account: 0, date: 1, amount: 2 });
    const converted = convertSample(sniffed);
    expect(converted.slice(0, 2)).toMatchObject([
      { type: 'order', order: { accountName: '上海华东精密机械有限公司', amountMinor: 123450 } },
      { type: 'order', order: { accountName: 'Blue Harbor Logistics', amountMinor: 9900 } },
    ]);
  });

  it('a file without a header: headerRow null, columns guessed from the values', async () => {
    const csv = [
      '上海华东精密机械有限公司,2024-03-05,3,"1,234.50"',
      'Blue Harbor Logistics,2024-03-06,2,99.00',
      '杭州绿源食品有限公司,2024-03-09,1,10.25',
      'Blue Harbor Logistics,2024-03-11,4,7.00',
    ].join('\n');
    const sniffed = await sniffOk(fileOf(csv));
    const { plan } = sniffed;
    expect(plan.headerRow).toBeNull();
    expect(plan.firstDataRow).toBe(0);
    expect(plan.kind).toBe('orders');
    expect(plan.headers).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4']);
    expect(plan.mapping).toMatchObject({ account: 0, date: 1, amount: 3 });
    expect(orderRows(sniffed)).toEqual([
      { customer: '上海华东精密机械有限公司', date: '2024-03-05', amountMinor: 123450 },
      { customer: 'Blue Harbor Logistics', date: '2024-03-06', amountMinor: 9900 },
      { customer: '杭州绿源食品有限公司', date: '2024-03-09', amountMinor: 1025 },
      { customer: 'Blue Harbor Logistics', date: '2024-03-11', amountMinor: 700 },
    ]);
  });

  it('a header-less file with order numbers first: the customer column is the account', async () => {
    const csv = [
      'SO-1,上海华东精密机械有限公司,2024-03-05,"1,234.50"',
      'SO-2,Blue Harbor Logistics,2024-03-06,99.00',
      'SO-3,杭州绿源食品有限公司,2024-03-09,10.25',
      'SO-4,Blue Harbor Logistics,2024-03-11,7.00',
    ].join('\n');
    const { plan } = await sniffOk(fileOf(csv));
    expect(plan.headerRow).toBeNull();
    expect(plan.mapping).toMatchObject({ date: 2, amount: 3 });
    expect(plan.mapping.account).toBe(1);
  });

  it('an override of the header row wins over the guess', async () => {
    const result = await sniffFile(fileOf(REPORT), { headerRow: null }, 2);
    expect(result).toMatchObject({
      ok: true,
      value: { plan: { headerRow: null, firstDataRow: 0 } },
    });
  });
});

describe('guessCancelPrefix', () => {
  it.each([
    [['536365', '536366', 'C536379', '536367'], 'C'],
    [['536365', '536366', '536367'], ''],
    [['SO-1', 'SO-2', 'C-3'], ''],
    [['C1', 'C2', 'C3'], ''],
    [[], ''],
  ])('%j → %j', (orderNos, expected) => {
    const rows = orderNos.map((n) => [n, 'Acme', '2024-01-01', '1']);
    expect(guessCancelPrefix({ orderNo: 0 }, rows)).toBe(expected);
  });

  it('is off when no order-number column is mapped', () => {
    expect(guessCancelPrefix({ orderNo: null }, [['C1'], ['2']])).toBe('');
  });
});
