import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { inferColumnFormat } from '../domain/columnFormats';
import { parseDateWithOrder, type DateOrder } from '../domain/date';
import { parseAmountToMinor, type DecimalSeparator } from '../domain/money';
import {
  TEXT_ENCODINGS,
  decodeAs,
  detectEncoding,
  encodingLabel,
  type EncodingGuess,
  type TextEncodingId,
} from './encoding';

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'utf16le'));
const utf16be = (s: string): Uint8Array => utf16le(s).map((_, i, a) => a[i ^ 1]!);

/** Checks the invariants every guess keeps, then returns it. */
function detect(bytes: Uint8Array): EncodingGuess {
  const guess = detectEncoding(bytes);
  expect(guess.confidence).toBeGreaterThanOrEqual(0);
  expect(guess.confidence).toBeLessThanOrEqual(1);
  expect(guess.candidates[0]?.encoding).toBe(guess.encoding);
  const scores = guess.candidates.map((c) => c.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  return guess;
}

describe('encodingLabel', () => {
  it.each<[TextEncodingId, string]>([
    ['utf-8', 'UTF-8'],
    ['utf-16le', 'UTF-16 LE'],
    ['utf-16be', 'UTF-16 BE'],
    ['gb18030', 'GB18030 / GBK'],
    ['big5', 'Big5'],
    ['windows-1252', 'Windows-1252 (Western)'],
  ])('%s → %s', (id, label) => {
    expect(encodingLabel(id)).toBe(label);
  });

  it('every id is a label TextDecoder knows', () => {
    for (const id of TEXT_ENCODINGS) expect(new TextDecoder(id).encoding).toBe(id);
  });
});

describe('decodeAs', () => {
  it.each<[string, Uint8Array, TextEncodingId, number, string]>([
    // The Windows-1252 block that differs from Latin-1, checked against Python's cp1252 codec.
    ['cp1252 0x80–0x9F', hex('80828384858687888a8b8c8e'), 'windows-1252', 0, '€‚ƒ„…†‡ˆŠ‹ŒŽ'],
    [
      'cp1252 quotes and dashes',
      hex('9192939495969798999a9b9c9e9f'),
      'windows-1252',
      0,
      '‘’“”•–—˜™š›œžŸ',
    ],
    [
      'cp1252 undefined bytes stay C1',
      hex('818d8f909d'),
      'windows-1252',
      0,
      '\u0081\u008d\u008f\u0090\u009d',
    ],
    ['cp1252 Latin-1 half', hex('41a3e9fcdfff'), 'windows-1252', 0, 'A£éüßÿ'],
    ['UTF-8 BOM skipped', hex('efbbbfe5aea2'), 'utf-8', 3, '客'],
    ['UTF-16 LE BOM skipped', hex('fffe575b'), 'utf-16le', 2, '字'],
    ['a second BOM is content', hex('efbbbfefbbbf61'), 'utf-8', 3, '\ufeffa'],
    ['GBK', hex('b9abcbbe'), 'gb18030', 0, '公司'],
    ['Big5', hex('a4bda571'), 'big5', 0, '公司'],
  ])('%s', (_name, bytes, encoding, bomLength, text) => {
    expect(decodeAs(bytes, encoding, bomLength)).toBe(text);
  });

  it('decodes long Windows-1252 input in chunks', () => {
    const bytes = new Uint8Array(20_000).fill(0x80);
    expect(decodeAs(bytes, 'windows-1252')).toBe('€'.repeat(20_000));
  });
});

describe('detectEncoding: BOMs and UTF-16', () => {
  it.each<[string, Uint8Array, TextEncodingId, number]>([
    ['UTF-8 BOM', hex('efbbbf612c62'), 'utf-8', 3],
    ['UTF-16 LE BOM', hex('fffe61002c006200'), 'utf-16le', 2],
    ['UTF-16 BE BOM', hex('feff0061002c0062'), 'utf-16be', 2],
    ['GB18030 BOM', hex('84319533b9abcbbe'), 'gb18030', 4],
    ['UTF-8 BOM alone', hex('efbbbf'), 'utf-8', 3],
  ])('%s', (_name, bytes, encoding, bomLength) => {
    expect(detect(bytes)).toMatchObject({ encoding, bomLength, confidence: 1 });
  });

  it.each<[string, Uint8Array, TextEncodingId]>([
    ['LE, ASCII', utf16le('Order,Customer\r\n1,Acme\r\n'), 'utf-16le'],
    ['BE, ASCII', utf16be('Order,Customer\r\n1,Acme\r\n'), 'utf-16be'],
    [
      'LE, Chinese with tabs',
      utf16le('订单号\t客户名称\t金额\r\n1\t北京华联\t100\r\n'),
      'utf-16le',
    ],
    [
      'BE, Chinese with tabs',
      utf16be('订单号\t客户名称\t金额\r\n1\t北京华联\t100\r\n'),
      'utf-16be',
    ],
  ])('BOM-less UTF-16 by NUL pattern: %s', (_name, bytes, encoding) => {
    expect(detect(bytes)).toMatchObject({ encoding, bomLength: 0 });
  });

  it('8-bit text with one stray NUL is not UTF-16', () => {
    expect(detect(utf8('a,b\r\n1,2\u0000\r\n')).encoding).toBe('utf-8');
  });
});

describe('detectEncoding: UTF-8', () => {
  const chinese = utf8('客户名称,金额\r\n北京华联商贸有限公司,100\r\n');

  it.each<[string, Uint8Array]>([
    ['empty', new Uint8Array(0)],
    ['pure ASCII', utf8('Order,Customer,Amount\r\n1,Acme,12.50\r\n')],
    ['Chinese', chinese],
    ['accented Latin', utf8('Müller,Société,Größe,£12,€5')],
    ['cut after the first byte of a 3-byte character', chinese.subarray(0, 4)],
    ['cut after the second byte of a 3-byte character', chinese.subarray(0, 5)],
    ['cut inside a 4-byte character', utf8('ok 😀').subarray(0, 5)],
    ['ends right after a complete character', chinese.subarray(0, 6)],
  ])('%s → utf-8', (_name, bytes) => {
    expect(detect(bytes)).toMatchObject({ encoding: 'utf-8', bomLength: 0 });
  });

  it('pure ASCII and long valid UTF-8 are near certain', () => {
    expect(detect(utf8('a,b')).confidence).toBe(1);
    expect(detect(chinese).confidence).toBeGreaterThanOrEqual(0.99);
  });

  it('a damaged byte in the middle is not tolerated as a cut, but UTF-8 still wins on score', () => {
    const damaged = new Uint8Array([...chinese.subarray(0, 4), ...chinese.subarray(6)]);
    const guess = detect(damaged);
    expect(guess.encoding).toBe('utf-8');
    expect(guess.confidence).toBeLessThan(0.99);
  });
});

describe('detectEncoding: GBK vs Big5 vs Windows-1252 on short samples', () => {
  it.each<[string, string, TextEncodingId]>([
    ['客户名称,订单日期,金额', 'bfcdbba7c3fbb3c62cb6a9b5a5c8d5c6da2cbdf0b6ee', 'gb18030'],
    ['公司', 'b9abcbbe', 'gb18030'],
    ['你好', 'c4e3bac3', 'gb18030'],
    ['深圳市', 'c9eedbdacad0', 'gb18030'],
    [
      '北京华联商贸有限公司,2024/3/5,100',
      'b1b1bea9bbaac1aac9ccc3b3d3d0cfdeb9abcbbe2c323032342f332f352c313030',
      'gb18030',
    ],
    [
      'header + 3 rows (GBK)',
      'b6a9b5a5bac52cbfcdbba72cbdf0b6ee0d0a41312cc9cfbaa3c6d6b6abb7a2d5b92c31320d0a41322cb9e3d6ddb0d7d4c6c3b3d2d72c33300d0a41332cbabcd6ddcef7bafecab3c6b72c350d0a',
      'gb18030',
    ],
    ['客戶名稱,訂單日期,金額', 'abc8a4e1a657bad92cad71b3e6a4e9b4c12caaf7c342', 'big5'],
    ['公司', 'a4bda571', 'big5'],
    // jschardet issue #62: these two characters came back as windows-1252 at 0.95.
    ['你好', 'a741a66e', 'big5'],
    ['台北市', 'a578a55fa5ab', 'big5'],
    [
      '台北市大同電子股份有限公司,2024/03/05,100',
      'a578a55fa5aba46aa650b971a46caad1a5f7a6b3adada4bda5712c323032342f30332f30352c313030',
      'big5',
    ],
    [
      'header + 3 rows (Big5)',
      'ad71b3e6b8b92cabc8a4e12caaf7c3420d0a41312cb0aab6afb4e4c657b654a9f62c31320d0a41322cb773a6cbacecbec7b6e9b0cf2c33300d0a41332ca578ab6eaaf8ba61b9eab77e2c350d0a',
      'big5',
    ],
    ['Müller', '4dfc6c6c6572', 'windows-1252'],
    ['Café,12.50', '436166e92c31322e3530', 'windows-1252'],
    ['£12', 'a33132', 'windows-1252'],
    ['€5', '8035', 'windows-1252'],
    ['Größe', '4772f6df65', 'windows-1252'],
    ['Zoë’s Bakery,“quoted”', '5a6feb92732042616b6572792c9371756f74656494', 'windows-1252'],
  ])('%s → %s', (_text, bytes, encoding) => {
    expect(detect(hex(bytes)).encoding).toBe(encoding);
  });

  it('is more confident on a whole line than on two characters', () => {
    const short = detect(hex('b9abcbbe')).confidence;
    const line = detect(
      hex('b1b1bea9bbaac1aac9ccc3b3d3d0cfdeb9abcbbe2c323032342f332f352c313030'),
    ).confidence;
    expect(short).toBeGreaterThan(0);
    expect(line).toBeGreaterThan(short);
  });

  it('a GBK sample cut in the middle of a character is still GBK', () => {
    expect(detect(hex('b1b1bea9bbaac1aac9ccc3b3d3d0cfdeb9abcb')).encoding).toBe('gb18030');
  });
});

// --- fixtures ---------------------------------------------------------------------------------

interface Expected {
  file: string;
  encoding: TextEncodingId;
  bomLength: number;
  delimiter: string;
  headers: string[];
  columns: { customer: number; date: number; amount: number };
  decimal: DecimalSeparator;
  dateOrder: DateOrder | null;
  excelSerial: boolean;
  rows: { customer: string; date: string; amountMinor: number }[];
}

const FIXTURES = [
  'orders_utf8_bom.csv',
  'orders_gbk.csv',
  'orders_big5.csv',
  'orders_utf16le.txt',
  'orders_utf16be.csv',
  'orders_cp1252.csv',
  'orders_semicolon_decimal_comma.csv',
  'orders_space_grouping.csv',
  'orders_mdy.csv',
  'orders_dmy.csv',
  'orders_excel_serial.csv',
  'orders_mixed_numbers.csv',
];

const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/formats/${name}`, import.meta.url)));
const expectedFor = (name: string): Expected =>
  JSON.parse(new TextDecoder().decode(fixtureBytes(`${name}.expected.json`))) as Expected;

describe('format fixtures (test/fixtures/formats)', () => {
  it.each(FIXTURES)('%s: encoding detected', (name) => {
    const expected = expectedFor(name);
    const guess = detect(fixtureBytes(name));
    expect(guess.encoding).toBe(expected.encoding);
    expect(guess.bomLength).toBe(expected.bomLength);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each(FIXTURES)('%s: names, dates and amounts read back', (name) => {
    const expected = expectedFor(name);
    const bytes = fixtureBytes(name);
    const guess = detectEncoding(bytes);
    const text = decodeAs(bytes, guess.encoding, guess.bomLength);
    const parsed = Papa.parse<string[]>(text, {
      delimiter: expected.delimiter,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const [headers, ...rows] = parsed.data;
    expect(headers).toEqual(expected.headers);

    const { customer, date, amount } = expected.columns;
    const amountFormat = inferColumnFormat(rows.map((r) => r[amount]!));
    expect(amountFormat).toMatchObject({ decimal: expected.decimal, decimalAmbiguous: false });
    const dateFormat = inferColumnFormat(rows.map((r) => r[date]!));
    expect(dateFormat).toMatchObject({ dateAmbiguous: false, excelSerial: expected.excelSerial });
    if (expected.dateOrder) expect(dateFormat.dateOrder).toBe(expected.dateOrder);

    const read = rows.map((r) => {
      const d = parseDateWithOrder(r[date]!, dateFormat.dateOrder, dateFormat);
      const a = parseAmountToMinor(r[amount]!, 2, { decimal: amountFormat.decimal });
      return {
        customer: r[customer],
        date: d.ok ? d.value : d.reason,
        amountMinor: a.ok ? a.value : a.reason,
      };
    });
    expect(read).toEqual(expected.rows);
  });

  it.each([
    ['orders_gbk.csv', 'gb18030'],
    ['orders_big5.csv', 'big5'],
    ['orders_cp1252.csv', 'windows-1252'],
  ])('%s: the header line plus 3 rows is enough', (name, encoding) => {
    const bytes = fixtureBytes(name);
    let end = 0;
    for (let lines = 0; lines < 4; lines++) end = bytes.indexOf(0x0a, end) + 1;
    expect(detect(bytes.subarray(0, end)).encoding).toBe(encoding);
  });

  it.each([
    ['orders_gbk.csv', 'gb18030'],
    ['orders_big5.csv', 'big5'],
  ])('%s: the header line alone is enough', (name, encoding) => {
    const bytes = fixtureBytes(name);
    expect(detect(bytes.subarray(0, bytes.indexOf(0x0d))).encoding).toBe(encoding);
  });
});
