import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../db/schema';
import { rowsToOrders, validateMapping, type OrderDraft, type RejectedRow } from './orderRows';

const HEADERS = ['订单号', '客户名称', '订单日期', '金额', '数量', '产品', '区域'];
const MAPPING: ColumnMapping = {
  orderNo: 0,
  account: 1,
  date: 2,
  amount: 3,
  quantity: 4,
  product: 5,
};

describe('validateMapping', () => {
  it.each<[string, Partial<ColumnMapping>, ReturnType<typeof validateMapping>['ok'], string?]>([
    ['complete mapping', {}, true],
    ['only the required fields', { orderNo: null, quantity: null, product: null }, true],
    ['no account', { account: null }, false, 'missing_account'],
    ['no date', { date: null }, false, 'missing_date'],
    ['no amount', { amount: null }, false, 'missing_amount'],
    [
      'nothing mapped: account reported first',
      { account: null, date: null, amount: null },
      false,
      'missing_account',
    ],
  ])('%s', (_name, patch, isOk, reason) => {
    const mapping = { ...MAPPING, ...patch };
    expect(validateMapping(mapping)).toEqual(
      isOk ? { ok: true, value: mapping } : { ok: false, reason },
    );
  });
});

describe('rowsToOrders', () => {
  it('turns a good row into an order draft', () => {
    const { orders, rejects } = rowsToOrders(
      [['SO-1', '  Ｎｏｒｔｈｗｉｎｄ  Trading ', '2024/3/5', '¥1,234.56', '12', 'Widget', '华东']],
      HEADERS,
      MAPPING,
    );
    expect(rejects).toEqual([]);
    expect(orders).toEqual<OrderDraft[]>([
      {
        accountName: 'Ｎｏｒｔｈｗｉｎｄ  Trading',
        accountKey: 'northwind trading',
        orderNo: 'SO-1',
        date: '2024-03-05',
        amountMinor: 123456,
        quantity: 12,
        product: 'Widget',
        extra: { 区域: '华东' },
      },
    ]);
  });

  it.each<[string, string[], Partial<OrderDraft>]>([
    [
      'negative amount in parentheses (a return)',
      ['', 'A', '2024-01-02', '(1,234)', '', '', ''],
      { amountMinor: -123400, quantity: null },
    ],
    [
      'Chinese date and full-width digits',
      ['', 'A', '2024年3月5日', '１２３', '２', '', ''],
      { date: '2024-03-05', amountMinor: 12300, quantity: 2 },
    ],
    [
      'compact date and fractional quantity',
      ['', 'A', '20240305', '10', '2.5', '', ''],
      { date: '2024-03-05', quantity: 2.5 },
    ],
    [
      'date-time keeps the calendar day',
      ['', 'A', '2024-03-05 23:59:00', '1', '', '', ''],
      { date: '2024-03-05' },
    ],
    [
      'short row is padded',
      ['SO-9', 'A', '2024-03-05', '7'],
      { orderNo: 'SO-9', quantity: null, product: '', extra: { 区域: '' } },
    ],
    [
      'trailing empty cells are ignored',
      ['', 'A', '2024-03-05', '7', '', '', '', '', ''],
      { amountMinor: 700 },
    ],
    [
      'cells are trimmed',
      [' SO-1 ', ' A ', ' 2024-03-05 ', ' 7 ', ' 3 ', ' P ', ' X '],
      { orderNo: 'SO-1', accountName: 'A', product: 'P', extra: { 区域: 'X' } },
    ],
  ])('%s', (_name, row, expected) => {
    const { orders, rejects } = rowsToOrders([row], HEADERS, MAPPING);
    expect(rejects).toEqual([]);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject(expected);
  });

  it('rounds amounts to the currency: 0 fraction digits for JPY', () => {
    const { orders } = rowsToOrders(
      [['', 'A', '2024-03-05', '¥1,234', '', '', '']],
      HEADERS,
      MAPPING,
      {
        fractionDigits: 0,
      },
    );
    expect(orders[0]?.amountMinor).toBe(1234);
  });

  const rows: string[][] = [
    ['SO-1', 'Acme', '2024-01-02', '100', '1', 'P', 'N'], // line 2: ok
    ['SO-2', '', '2024-01-02', '100', '1', 'P', 'N'], // line 3: missing_account
    ['SO-3', '   ', '2024-01-02', '100', '1', 'P', 'N'], // line 4: missing_account (blank)
    ['', '', '', '', '', '', ''], // line 5: empty row, skipped silently
    ['SO-4', 'Acme', '2025-13-40', '100', '1', 'P', 'N'], // line 6: bad_date
    ['SO-5', 'Acme', '', '100', '1', 'P', 'N'], // line 7: bad_date (empty)
    ['SO-6', 'Acme', '2024-01-02', 'abc', '1', 'P', 'N'], // line 8: bad_amount
    ['SO-7', 'Acme', '2024-01-02', '', '1', 'P', 'N'], // line 9: bad_amount (empty)
    ['SO-8', 'Acme', '2024-01-02', '100', 'many', 'P', 'N'], // line 10: bad_quantity
    ['SO-9', 'Acme', 'Inc.', '2024-01-02', '100', '1', 'P', 'N'], // line 11: column_count
    ['', '', 'not a date', 'nan', 'x', '', ''], // line 12: first problem only
    ['SO-10', 'Beta', '2024-01-03', '200'], // line 13: ok, padded
  ];

  it.each<[number, RejectedRow | undefined]>([
    [3, { line: 3, column: '客户名称', value: '', reason: 'missing_account' }],
    [4, { line: 4, column: '客户名称', value: '', reason: 'missing_account' }],
    [6, { line: 6, column: '订单日期', value: '2025-13-40', reason: 'bad_date' }],
    [7, { line: 7, column: '订单日期', value: '', reason: 'bad_date' }],
    [8, { line: 8, column: '金额', value: 'abc', reason: 'bad_amount' }],
    [9, { line: 9, column: '金额', value: '', reason: 'bad_amount' }],
    [10, { line: 10, column: '数量', value: 'many', reason: 'bad_quantity' }],
    [11, { line: 11, column: '', value: 'N', reason: 'column_count' }],
    [12, { line: 12, column: '客户名称', value: '', reason: 'missing_account' }],
    [2, undefined],
    [5, undefined],
    [13, undefined],
  ])('line %i', (line, expected) => {
    const { rejects } = rowsToOrders(rows, HEADERS, MAPPING);
    expect(rejects.find((r) => r.line === line)).toEqual(expected);
  });

  it('accounts for every non-empty row exactly once', () => {
    const { orders, rejects } = rowsToOrders(rows, HEADERS, MAPPING);
    expect(orders.map((o) => o.orderNo)).toEqual(['SO-1', 'SO-10']);
    expect(rejects).toHaveLength(9);
    expect(orders.length + rejects.length).toBe(rows.length - 1);
  });

  it.each<[string, { firstDataLine?: number; lines?: number[] }, number[]]>([
    ['default: header on line 1', {}, [3, 5]],
    ['firstDataLine shifts every line', { firstDataLine: 10 }, [11, 13]],
    ['explicit lines from the parser win', { lines: [4, 9, 20, 21] }, [9, 21]],
  ])('line numbers: %s', (_name, options, expected) => {
    const data = [
      ['SO-1', 'A', '2024-01-02', '1'],
      ['SO-2', '', '2024-01-02', '1'],
      ['SO-3', 'A', '2024-01-02', '1'],
      ['SO-4', 'A', 'bad', '1'],
    ];
    const { rejects } = rowsToOrders(data, HEADERS, MAPPING, options);
    expect(rejects.map((r) => r.line)).toEqual(expected);
  });

  it.each<[string, string[], Record<string, string>]>([
    [
      'blank header becomes Column N',
      ['客户名称', '订单日期', '金额', '', '备注'],
      { 'Column 4': 'x', 备注: 'y' },
    ],
    [
      'repeated header is numbered',
      ['客户名称', '订单日期', '金额', '备注', '备注'],
      { 备注: 'x', '备注 (2)': 'y' },
    ],
  ])('extra keys: %s', (_name, headers, expected) => {
    const mapping: ColumnMapping = {
      account: 0,
      date: 1,
      amount: 2,
      orderNo: null,
      quantity: null,
      product: null,
    };
    const { orders } = rowsToOrders([['A', '2024-01-02', '1', 'x', 'y']], headers, mapping);
    expect(orders[0]?.extra).toEqual(expected);
  });

  it('with an unmapped account every row is a missing_account reject, none dropped', () => {
    const mapping = { ...MAPPING, account: null };
    const { orders, rejects } = rowsToOrders(rows.slice(0, 2), HEADERS, mapping);
    expect(orders).toEqual([]);
    expect(rejects.map((r) => [r.line, r.reason, r.column])).toEqual([
      [2, 'missing_account', ''],
      [3, 'missing_account', ''],
    ]);
  });
});
