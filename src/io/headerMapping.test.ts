import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../db/schema';
import {
  HEADER_SYNONYMS,
  MAPPED_FIELDS,
  autoMapHeaders,
  emptyMapping,
  normalizeHeader,
} from './headerMapping';

const m = (partial: ColumnMapping): ColumnMapping => ({ ...emptyMapping(), ...partial });

describe('normalizeHeader', () => {
  it.each([
    ['Order  Date', 'orderdate'],
    ['ORDER_ID', 'orderid'],
    ['客户 名称', '客户名称'],
    [' Amount ($) ', 'amount'],
    ['ＡＭＯＵＮＴ', 'amount'],
    ['金额（元）', '金额元'],
    ['Order #', 'order'],
    ['Customer-Name', 'customername'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('autoMapHeaders', () => {
  it.each<[string, string[], ColumnMapping]>([
    [
      'English export',
      ['Order No', 'Customer', 'Order Date', 'Amount', 'Qty', 'Product'],
      { orderNo: 0, account: 1, date: 2, amount: 3, quantity: 4, product: 5 },
    ],
    [
      'English ERP export with other columns',
      ['Invoice No', 'Posting Date', 'Customer Name', 'Region', 'SKU', 'Units', 'Net Amount'],
      { orderNo: 0, date: 1, account: 2, product: 4, quantity: 5, amount: 6 },
    ],
    [
      'English CRM export',
      ['Company', 'Revenue', 'Date', 'Description'],
      { account: 0, amount: 1, date: 2, product: 3 },
    ],
    [
      '简体 export',
      ['订单号', '客户名称', '订单日期', '金额', '数量', '产品'],
      { orderNo: 0, account: 1, date: 2, amount: 3, quantity: 4, product: 5 },
    ],
    [
      '简体 invoice export',
      ['发票号', '开票日期', '购买方', '品名', '件数', '价税合计'],
      { orderNo: 0, date: 1, account: 2, product: 3, quantity: 4, amount: 5 },
    ],
    [
      '繁體 export',
      ['訂單編號', '客戶名稱', '訂單日期', '訂單金額', '數量', '商品名稱'],
      { orderNo: 0, account: 1, date: 2, amount: 3, quantity: 4, product: 5 },
    ],
    [
      '繁體 short headers',
      ['訂單號', '客戶', '交易日期', '金額', '產品'],
      { orderNo: 0, account: 1, date: 2, amount: 3, product: 4 },
    ],
    [
      'mixed languages',
      ['Order ID', '客户', 'Date', '销售额', 'Qty', '物料'],
      { orderNo: 0, account: 1, date: 2, amount: 3, quantity: 4, product: 5 },
    ],
    [
      'odd spacing and case',
      ['ORDER_ID', '客户 名称', 'Order  Date', ' AMOUNT ', 'qty.'],
      { orderNo: 0, account: 1, date: 2, amount: 3, quantity: 4 },
    ],
    [
      'contains-matches when nothing is exact',
      ['Invoice Amount', 'Customer Code', '发货日期', 'Revenue (CNY)', '商品编码'],
      { amount: 0, account: 1, date: 2, product: 4 },
    ],
    [
      'full-width and unit suffixes',
      ['客户名称', '日期', '金额（元）', '数量（件）'],
      { account: 0, date: 1, amount: 2, quantity: 3 },
    ],
    ['unmapped columns stay unmapped', ['Region', 'Owner', 'Notes', ''], {}],
    [
      'a customer code column stands in when there is no name column',
      ['客户编码', '单据日期', '价税合计'],
      { account: 0, date: 1, amount: 2 },
    ],
    [
      'the name column wins over the code column',
      ['客户编码', '客户名称', '单据日期', '价税合计'],
      { account: 1, date: 2, amount: 3 },
    ],
    [
      'cost and unit price columns are not taken for the amount',
      ['Customer', 'Date', 'Cost Amount', 'Unit Price', 'Qty'],
      { account: 0, date: 1, quantity: 4 },
    ],
    ['no headers', [], {}],
  ])('%s', (_name, headers, expected) => {
    expect(autoMapHeaders(headers)).toEqual(m(expected));
  });

  it.each<[string, string[], ColumnMapping]>([
    ['exact beats contains for the same field', ['Customer Code', 'Customer'], { account: 1 }],
    ['a suffix head noun beats a prefix word', ['Sales Rep', 'Total Amount'], { amount: 1 }],
    [
      'the longer exact synonym wins between two exact columns',
      ['Amount', 'Net Amount'],
      { amount: 1 },
    ],
    [
      'a column claimed exactly is not reused by a contains-match',
      ['Invoice', 'Invoice Date', 'Invoice Amount'],
      { orderNo: 0, date: 1, amount: 2 },
    ],
    ['duplicate headers: the leftmost wins, the other stays free', ['金额', '金额'], { amount: 0 }],
  ])('no double assignment: %s', (_name, headers, expected) => {
    const mapping = autoMapHeaders(headers);
    expect(mapping).toEqual(m(expected));
    const used = Object.values(mapping).filter((v) => v !== null);
    expect(new Set(used).size).toBe(used.length);
  });

  it('maps every listed synonym to its own field when it is the only header', () => {
    for (const field of MAPPED_FIELDS) {
      for (const synonym of HEADER_SYNONYMS[field]) {
        expect([synonym, autoMapHeaders([synonym])]).toEqual([synonym, m({ [field]: 0 })]);
      }
    }
  });

  it('no synonym is listed under two fields', () => {
    const owner = new Map<string, string>();
    for (const field of MAPPED_FIELDS) {
      for (const synonym of HEADER_SYNONYMS[field].map(normalizeHeader)) {
        expect([synonym, owner.get(synonym) ?? field]).toEqual([synonym, field]);
        owner.set(synonym, field);
      }
    }
  });
});
