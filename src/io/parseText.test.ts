import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseCsvText, sha256Hex } from './parseText';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it.each<[string, Uint8Array, { text: string; encoding: string }]>([
    ['plain UTF-8', utf8('a,b\n1,2'), { text: 'a,b\n1,2', encoding: 'utf-8' }],
    ['UTF-8 BOM is dropped', utf8('\uFEFF客户,金额'), { text: '客户,金额', encoding: 'utf-8' }],
    [
      'UTF-16LE with BOM (Excel "Unicode text")',
      new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x09, 0x00, 0x62, 0x00]),
      { text: 'a\tb', encoding: 'utf-16le' },
    ],
    [
      'UTF-16BE with BOM',
      new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0x2c, 0x00, 0x62]),
      { text: 'a,b', encoding: 'utf-16be' },
    ],
  ])('%s', (_name, bytes, expected) => {
    expect(decodeBytes(bytes)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, Uint8Array, string]>([
    ['zero bytes', new Uint8Array(0), 'empty_file'],
    [
      'xlsx (zip) header',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      'binary_file',
    ],
    ['NUL late in the first 8 KB', new Uint8Array([...utf8('a'.repeat(8000)), 0]), 'binary_file'],
  ])('%s -> %s', (_name, bytes, reason) => {
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason });
  });

  it('only sniffs the first 8 KB for NUL', () => {
    const bytes = new Uint8Array([...utf8('a'.repeat(8192)), 0]);
    expect(decodeBytes(bytes).ok).toBe(true);
  });
});

describe('sha256Hex', () => {
  it.each(['', 'abc', '订单号,客户名称\r\n1,上海'])('matches node:crypto for %j', async (s) => {
    const bytes = utf8(s);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await sha256Hex(bytes.slice().buffer)).toBe(expected);
  });

  it('hashes "abc" to the FIPS 180-2 test vector', async () => {
    expect(await sha256Hex(utf8('abc').slice().buffer)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('parseCsvText', () => {
  it.each<[string, string, string[], string[][], number[], string]>([
    [
      'comma, LF',
      'a,b\n1,2\n3,4\n',
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
      [2, 3],
      ',',
    ],
    [
      'comma, CRLF, no final break',
      'a,b\r\n1,2\r\n3,4',
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
      [2, 3],
      ',',
    ],
    ['semicolon', 'a;b\n1,5;2\n', ['a', 'b'], [['1,5', '2']], [2], ';'],
    ['tab', 'a\tb\n1\t2\n', ['a', 'b'], [['1', '2']], [2], '\t'],
    ['pipe', 'a|b\n1|2\n', ['a', 'b'], [['1', '2']], [2], '|'],
    [
      'headers are trimmed',
      ' 客户名称 , 金额 \n上海,1\n',
      ['客户名称', '金额'],
      [['上海', '1']],
      [2],
      ',',
    ],
    ['BOM in the text', '\uFEFFa,b\n1,2\n', ['a', 'b'], [['1', '2']], [2], ','],
    [
      'blank and whitespace-only lines are skipped but counted',
      'a,b\n\n1,2\n   \n , \n3,4\n',
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
      [3, 6],
      ',',
    ],
    [
      'quoted line breaks count towards later line numbers',
      'a,b\r\n"x\r\ny",1\r\n"p\nq\nr",2\r\n3,4\r\n',
      ['a', 'b'],
      [
        ['x\r\ny', '1'],
        ['p\nq\nr', '2'],
        ['3', '4'],
      ],
      [2, 4, 7],
      ',',
    ],
    ['leading blank lines before the header', '\n\na,b\n1,2\n', ['a', 'b'], [['1', '2']], [4], ','],
    [
      'old Mac CR line breaks',
      'a,b\r1,2\r3,4\r',
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
      [2, 3],
      ',',
    ],
    ['quoted comma', 'a,b\n"Acme, Inc.",2\n', ['a', 'b'], [['Acme, Inc.', '2']], [2], ','],
  ])('%s', (_name, text, headers, rows, lines, delimiter) => {
    expect(parseCsvText(text)).toEqual({ ok: true, value: { headers, rows, lines, delimiter } });
  });

  it.each([
    ['empty text', '', 'empty_file'],
    ['whitespace only', ' \r\n\t\n ', 'empty_file'],
    ['BOM only', '\uFEFF', 'empty_file'],
    ['header only', 'a,b,c\n', 'header_only'],
    ['header then blank lines', 'a,b,c\n\n , ,\n', 'header_only'],
    ['unclosed quote', 'a,b\n1,2\n"oops,3\n4,5\n', 'parse_failed'],
  ])('%s -> %s', (_name, text, reason) => {
    expect(parseCsvText(text)).toMatchObject({ ok: false, reason });
  });

  it('names the line of an unclosed quote', () => {
    expect(parseCsvText('a,b\n1,2\n"oops,3\n4,5\n')).toEqual({
      ok: false,
      reason: 'parse_failed',
      detail: 'Unclosed quote in the record starting on line 3.',
    });
  });

  it('stops after maxRows data rows', () => {
    const text = 'a\n' + Array.from({ length: 100 }, (_v, i) => `r${i}`).join('\n');
    const result = parseCsvText(text, { maxRows: 3 });
    expect(result.ok && result.value.rows).toEqual([['r0'], ['r1'], ['r2']]);
  });

  it('reports progress every N rows with a growing character offset', () => {
    const text = 'a,b\n' + Array.from({ length: 25 }, (_v, i) => `${i},x`).join('\n') + '\n';
    const calls: [number, number][] = [];
    parseCsvText(text, {
      progressEvery: 10,
      onProgress: (rows, chars) => calls.push([rows, chars]),
    });
    expect(calls.map(([rows]) => rows)).toEqual([10, 20]);
    expect(calls[0]![1]).toBe(text.indexOf('9,x\n') + 4);
    expect(calls[1]![1]).toBeGreaterThan(calls[0]![1]);
  });
});
