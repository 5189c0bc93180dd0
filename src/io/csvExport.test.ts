import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvDecimal,
  neutralizeFormula,
  toCsv,
  unneutralizeFormula,
  type CsvCell,
} from './csvExport';

describe('neutralizeFormula', () => {
  it.each([
    ['', ''],
    ['normal', 'normal'],
    ['中文', '中文'],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=x', "'\t=x"],
    ['\r=x', "'\r=x"],
    ["'", "''"],
    ["'abc", "''abc"],
    ['a=b', 'a=b'],
    [' =x', ' =x'],
  ])('%j -> %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
});

describe('unneutralizeFormula', () => {
  it.each([
    ["'=1+2", '=1+2'],
    ["''abc", "'abc"],
    ["'abc", "'abc"],
    ["'", "'"],
    ['plain', 'plain'],
  ])('%j -> %j', (input, expected) => {
    expect(unneutralizeFormula(input)).toBe(expected);
  });

  it.each([
    '',
    "'",
    "''",
    "'''",
    "'abc",
    "'=x",
    '=1+2',
    '-5',
    '+1',
    '@SUM(A1)',
    '\t=x',
    '\r\n',
    'normal',
    '中文',
    "=cmd|' /C calc'!A0",
  ])('round-trips %j', (s) => {
    expect(unneutralizeFormula(neutralizeFormula(s))).toBe(s);
  });
});

describe('csvDecimal', () => {
  it.each([
    ['-12.50', '-12.50'],
    ['0', '0'],
    ['1234567890123.45', '1234567890123.45'],
    ['-0.2500', '-0.2500'],
    // Not a plain decimal: text, neutralised like any other.
    ['-1+2', "'-1+2"],
    ['=1', "'=1"],
    ['1e5', '1e5'],
    ['', ''],
  ])('%j is written as %j', (input, expected) => {
    expect(toCsv([[csvDecimal(input)]], { bom: false })).toBe(
      expected === '' ? '""\r\n' : `${expected}\r\n`,
    );
  });
});

describe('toCsv', () => {
  it.each<[string, CsvCell[][], string]>([
    ['plain fields', [['a', 'b']], 'a,b\r\n'],
    ['comma is quoted', [['Acme, Inc.', 'x']], '"Acme, Inc.",x\r\n'],
    ['quotes are doubled', [['say "hi"']], '"say ""hi"""\r\n'],
    ['embedded LF', [['line1\nline2']], '"line1\nline2"\r\n'],
    ['embedded CRLF', [['a\r\nb', 'c']], '"a\r\nb",c\r\n'],
    ['leading space', [[' x']], '" x"\r\n'],
    ['trailing space', [['x ']], '"x "\r\n'],
    ['DDE payload', [["=cmd|' /C calc'!A0"]], "'=cmd|' /C calc'!A0\r\n"],
    ['+1 string', [['+1']], "'+1\r\n"],
    ['-1 string is neutralised', [['-1']], "'-1\r\n"],
    ['-1 number is raw', [[-1]], '-1\r\n'],
    ['@ string', [['@x']], "'@x\r\n"],
    ['tab-led string', [['\t=x']], "'\t=x\r\n"],
    ['CR-led string is neutralised and quoted', [['\r=x']], '"\'\r=x"\r\n'],
    ['Chinese text', [['上海华东精密机械有限公司', '金额']], '上海华东精密机械有限公司,金额\r\n'],
    ['numbers and booleans', [[12800.5, 0, true, false]], '12800.5,0,true,false\r\n'],
    ['null, undefined and non-finite become empty', [[null, undefined, NaN, Infinity]], ',,,\r\n'],
    ['a lone empty field stays a record', [['']], '""\r\n'],
    ['several records', [['a'], ['b']], 'a\r\nb\r\n'],
    ['no rows', [], ''],
  ])('%s', (_name, rows, expected) => {
    expect(toCsv(rows, { bom: false })).toBe(expected);
  });

  it('starts with a BOM by default', () => {
    expect(toCsv([['a']])).toBe('\uFEFFa\r\n');
  });

  it('omits the BOM when asked', () => {
    expect(toCsv([['a']], { bom: false }).charCodeAt(0)).toBe('a'.charCodeAt(0));
  });

  it('round-trips through PapaParse and unneutralizeFormula', () => {
    const rows = [
      ['客户名称', 'Order No', 'Note'],
      ['Northwind Trading Co., Ltd.', '=1+2', 'say "hi"'],
      ['Acme Industrial, Inc.', '-5', 'multi\r\nline'],
      ['  padded  ', '@SUM(A1)', "'quoted"],
      ['\t=x', "''", "=cmd|' /C calc'!A0"],
      ['中文', '', 'lf\nonly'],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.map(unneutralizeFormula))).toEqual(rows);
  });
});
