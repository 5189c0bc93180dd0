import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  detectFixedWidth,
  detectLayout,
  isTotalRow,
  splitFixedWidth,
  type LayoutGuess,
} from './layout';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/layout/${name}`, import.meta.url), 'utf-8');

/** As the import worker gets them: PapaParse records, blank lines skipped, cells untrimmed. */
const parse = (text: string): string[][] =>
  Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;

const csv = (text: string): string[][] => parse(text.replace(/^\n/, ''));

describe('detectLayout', () => {
  it.each<[string, string, LayoutGuess]>([
    [
      'ERP report: padded title, company and period lines above the header',
      `
销售订单明细表,,,,,
公司：华东工业
期间：2024-01-01 至 2024-12-31
单据编号,单据日期,客户名称,物料名称,数量,价税合计
SO-001,2024-01-05,上海华东精密机械有限公司,伺服电机,10,12300.00
SO-002,2024-01-18,成都天府医药有限公司,包装材料,200,3480.00
SO-003,2024-02-02,Blue Harbor Logistics,伺服电机,4,4920.00
合计,,,,214,20700.00`,
      { headerRow: 3, firstDataRow: 4, columnCount: 6, titleRows: 3 },
    ],
    [
      'English report: generated-on line and a blank-padded title',
      `
Sales by Customer,,,,
Report generated 2024-05-01,,,,
Customer,Order Date,Invoice No,Qty,Amount
Northwind Trading,2024-03-01,INV-1,5,100.00
Blue Harbor,2024-03-02,INV-2,6,200.00
Acme Industrial,2024-03-05,INV-3,7,300.00`,
      { headerRow: 2, firstDataRow: 3, columnCount: 5, titleRows: 2 },
    ],
    [
      'title fragments spread over several cells are still a title',
      `
公司：华东工业,期间：2024年,单位：元,
客户,日期,金额,数量
上海华东,2024-01-05,100.00,1
成都天府,2024-01-06,200.00,2
深圳海川,2024-01-07,300.00,3`,
      { headerRow: 1, firstDataRow: 2, columnCount: 4, titleRows: 1 },
    ],
    [
      'merged title exported as copies',
      `
销售明细,销售明细,销售明细,销售明细
客户,日期,金额,数量
上海华东,2024-01-05,100.00,1
成都天府,2024-01-06,200.00,2`,
      { headerRow: 1, firstDataRow: 2, columnCount: 4, titleRows: 1 },
    ],
    [
      'plain export: the first row is the header',
      `
订单号,客户名称,订单日期,金额
SO-1,上海华东,2024-01-05,100.00
SO-2,成都天府,2024-01-06,200.00`,
      { headerRow: 0, firstDataRow: 1, columnCount: 4, titleRows: 0 },
    ],
    [
      'a ruler under the header is skipped',
      `
Customer,Date,Amount
--------,----,------
Acme,2024-01-05,100.00
Globex,2024-01-06,200.00`,
      { headerRow: 0, firstDataRow: 2, columnCount: 3, titleRows: 0 },
    ],
    [
      'no header: the first row has dates and numbers like the rows below',
      `
SO-1,上海华东精密机械有限公司,2024-01-05,12300.00,10
SO-2,成都天府医药有限公司,2024-01-18,3480.00,200
SO-3,Blue Harbor Logistics,2024-02-02,4920.00,4`,
      { headerRow: null, firstDataRow: 0, columnCount: 5, titleRows: 0 },
    ],
    [
      'no header below a title line',
      `
2024年销售明细,,,
上海华东,2024-01-05,100.00,1
成都天府,2024-01-06,200.00,2
深圳海川,2024-01-07,300.00,3`,
      { headerRow: null, firstDataRow: 1, columnCount: 4, titleRows: 1 },
    ],
    [
      'no header in an all-text list: values repeat in their column',
      `
C001,上海华东精密机械,机械,华东,张三,A
C002,成都天府医药,医药,西南,李四,B
C003,深圳海川电子,电子,华南,张三,A`,
      { headerRow: null, firstDataRow: 0, columnCount: 6, titleRows: 0 },
    ],
    [
      'an all-text header is known by its words',
      `
客户编码,客户名称,所属行业,所属区域,业务员,客户等级
C001,上海华东精密机械,机械,华东,张三,A
C002,成都天府医药,医药,西南,李四,B
C003,深圳海川电子,电子,华南,张三,A`,
      { headerRow: 0, firstDataRow: 1, columnCount: 6, titleRows: 0 },
    ],
    [
      'pivot header with years is a header',
      `
客户,2022,2023,2024
上海华东,100.00,120.00,150.00
成都天府,80.00,90.00,70.00`,
      { headerRow: 0, firstDataRow: 1, columnCount: 4, titleRows: 0 },
    ],
    [
      'rows with trailing empty cells do not shrink the table',
      `
Customer,Date,Amount,Notes
Acme,2024-01-05,100.00,
Globex,2024-01-06,200.00,
Initech,2024-01-07,300.00,rush`,
      { headerRow: 0, firstDataRow: 1, columnCount: 4, titleRows: 0 },
    ],
    [
      'one column with a header',
      `
客户
上海华东
成都天府`,
      { headerRow: 0, firstDataRow: 1, columnCount: 1, titleRows: 0 },
    ],
    [
      'one column of numbers without header',
      `
12.50
13.00
14.25`,
      { headerRow: null, firstDataRow: 0, columnCount: 1, titleRows: 0 },
    ],
    ['nothing at all', '', { headerRow: null, firstDataRow: 0, columnCount: 0, titleRows: 0 }],
  ])('%s', (_name, text, expected) => {
    expect(detectLayout(csv(text))).toEqual(expected);
  });

  it('reads untrimmed cells', () => {
    const rows = [
      ['  Report  ', '', ''],
      [' Customer ', ' Date ', ' Amount '],
      [' Acme ', ' 2024-01-05 ', ' 100.00 '],
      [' Globex ', ' 2024-01-06 ', ' 200.00 '],
    ];
    expect(detectLayout(rows)).toEqual({
      headerRow: 1,
      firstDataRow: 2,
      columnCount: 3,
      titleRows: 1,
    });
  });
});

describe('isTotalRow', () => {
  it.each<[string[], boolean]>([
    [['合计', '', '', '12345.00'], true],
    [['Total:', '', '', '', '999'], true],
    [['Totals:', '12', '345.00'], true],
    [['Grand total', '1,234.50'], true],
    [['GRAND TOTAL', '', '¥1,234.50'], true],
    [['Sub-total', '10'], true],
    [['Sum', '10'], true],
    [['Total (CNY)', '100'], true],
    [['', '', '总计', '12,345'], true],
    [['合　计', '', '100'], true],
    [['ＴＯＴＡＬ：', '100'], true],
    [['小计', '', '(1,200.00)'], true],
    [['小計', '-', '100'], true],
    [['合計', '3', '100'], true],
    [['總計', '100'], true],
    [['本页合计', '100'], true],
    [['合计'], true],
    [['合计', '共 52 笔', '100'], true],
    // data rows
    [['SO-1', '上海华东', '2024-01-05', '100.00'], false],
    [['Total Energies', '2024-01-05', '100'], false],
    [['TotalEnergies SE', '100'], false],
    [['Sum Ltd', '2024-01-05', '100'], false],
    [['合计', '2024-12-31', '100'], false],
    [['合计科技有限公司', '100'], false],
    [['SO-1', '合计科技', '2024-01-05', '100'], false],
    [['Total', 'Acme', '100'], false],
    // a header naming a total column is not a total line
    [['客户', '合计'], false],
    [[], false],
    [['', '  '], false],
  ])('%j → %s', (row, expected) => {
    expect(isTotalRow(row)).toBe(expected);
  });
});

describe('detectFixedWidth / splitFixedWidth', () => {
  // Built with padEnd/padStart: alignment by JS characters, a CJK character counting as one.
  const table = (rows: readonly (readonly [string, string, string, string])[]): string[] =>
    rows.map(([a, b, c, d]) => a.padEnd(10) + b.padEnd(14) + c.padEnd(12) + d.padStart(10));

  const orders = table([
    ['单号', '客户', '日期', '金额'],
    ['SO-001', '上海华东精密机械', '2024-01-05', '12300.00'],
    ['SO-002', '成都天府医药', '2024-01-18', '3480.00'],
    ['SO-003', 'Blue Harbor', '2024-02-02', '4920.00'],
    ['SO-004', '深圳海川', '2024-02-27', '18600.00'],
    ['SO-005', 'Acme', '2024-03-11', '2610.00'],
  ]);

  it('finds four columns in Chinese and English rows aligned by characters', () => {
    const starts = detectFixedWidth(orders);
    // Amounts are right-aligned in [36, 46): the longest ("12300.00") starts at 38.
    expect(starts).toEqual([0, 10, 24, 38]);
    expect(orders.map((line) => splitFixedWidth(line, starts!))).toEqual([
      ['单号', '客户', '日期', '金额'],
      ['SO-001', '上海华东精密机械', '2024-01-05', '12300.00'],
      ['SO-002', '成都天府医药', '2024-01-18', '3480.00'],
      ['SO-003', 'Blue Harbor', '2024-02-02', '4920.00'],
      ['SO-004', '深圳海川', '2024-02-27', '18600.00'],
      ['SO-005', 'Acme', '2024-03-11', '2610.00'],
    ]);
  });

  it.each<[string, string[], number[] | null]>([
    [
      'a long title line may cross the columns (one line in ten)',
      ['Sales orders exported from ERP on 2024-05-01 by admin', ...orders, ...orders.slice(1, 4)],
      [0, 10, 24, 38],
    ],
    [
      'blank lines and trailing spaces are ignored',
      ['', ...orders.map((l) => `${l}   `), ''],
      [0, 10, 24, 38],
    ],
    [
      'indented lines: the first column still starts at 0',
      orders.map((l) => `  ${l}`),
      [0, 12, 26, 40],
    ],
    [
      'a value running across a column in most lines is no column',
      ['a   b', 'abcde', 'a   b', 'abcde', 'abcde'],
      null,
    ],
    ['tabs mean a delimited file', ['a\tb', 'c\td'], null],
    ['prose', ['The quick brown fox', 'jumps over the lazy', 'dog and runs away.'], null],
    ['a single column', ['上海华东', '成都天府', 'Acme'], null],
    ['one line is not enough', [orders[1]!], null],
    ['single-space gaps are not columns by default', ['ab cd', 'ef gh', 'ij kl'], null],
  ])('%s', (_name, lines, expected) => {
    expect(detectFixedWidth(lines)).toEqual(expected);
  });

  it('minGap 1 accepts single-space gaps', () => {
    expect(detectFixedWidth(['ab cd', 'ef gh', 'ij kl'], { minGap: 1 })).toEqual([0, 3]);
  });

  it.each<[string, number[], string[]]>([
    ['SO-001    Acme          2024-01-05', [0, 10, 24], ['SO-001', 'Acme', '2024-01-05']],
    ['SO-001    Acme', [0, 10, 24], ['SO-001', 'Acme', '']],
    ['', [0, 10], ['', '']],
    ['上海华东　　成都', [0, 6], ['上海华东', '成都']],
    ['x', [0], ['x']],
  ])('splitFixedWidth(%j, %j) → %j', (line, starts, cells) => {
    expect(splitFixedWidth(line, starts)).toEqual(cells);
  });
});

describe('fixtures', () => {
  interface LayoutExpectation extends LayoutGuess {
    headers?: string[];
    dataRows: number;
    totalRows: number[];
    totalRow?: string[];
  }
  const expected = (name: string): LayoutExpectation =>
    JSON.parse(fixture(name.replace(/\.\w+$/, '.expected.json'))) as LayoutExpectation;

  it.each(['report_title_rows.csv', 'headerless.csv'])('%s', (name) => {
    const rows = parse(fixture(name));
    const want = expected(name);
    const layout = detectLayout(rows);
    expect(layout).toEqual({
      headerRow: want.headerRow,
      firstDataRow: want.firstDataRow,
      columnCount: want.columnCount,
      titleRows: want.titleRows,
    });
    if (want.headers) expect(rows[layout.headerRow!]).toEqual(want.headers);
    const totals = rows.flatMap((row, i) => (isTotalRow(row) ? [i] : []));
    expect(totals).toEqual(want.totalRows);
    if (want.totalRow) expect(rows[want.totalRows[0]!]).toEqual(want.totalRow);
    expect(rows.length - layout.firstDataRow - totals.length).toBe(want.dataRows);
  });

  it('fixed_width.txt', () => {
    const want = JSON.parse(fixture('fixed_width.expected.json')) as {
      starts: number[];
      lines: number;
      header: string[];
      firstRow: string[];
      longestAmountRow: string[];
    };
    const lines = fixture('fixed_width.txt')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(want.lines);
    const starts = detectFixedWidth(lines);
    expect(starts).toEqual(want.starts);
    const cells = lines.map((line) => splitFixedWidth(line, starts!));
    expect(cells[0]).toEqual(want.header);
    expect(cells[1]).toEqual(want.firstRow);
    expect(cells).toContainEqual(want.longestAmountRow);
    expect(new Set(cells.map((row) => row.length))).toEqual(new Set([4]));
  });
});
