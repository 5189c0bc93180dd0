// Guess which CSV column holds which order field from the header text (English, 简体, 繁體). Pure.
import type { ColumnMapping } from '../db/schema';

export type MappedField = 'account' | 'date' | 'amount' | 'orderNo' | 'quantity' | 'product';

export const MAPPED_FIELDS: readonly MappedField[] = [
  'account',
  'date',
  'amount',
  'orderNo',
  'quantity',
  'product',
];

/** Header synonyms per field, written naturally; they go through {@link normalizeHeader} too. */
export const HEADER_SYNONYMS: Readonly<Record<MappedField, readonly string[]>> = {
  account: [
    'customer',
    'customer name',
    'client',
    'client name',
    'account',
    'account name',
    'company',
    'company name',
    'buyer',
    '客户',
    '客户名称',
    '客户名',
    '顾客',
    '公司名称',
    '单位名称',
    '购买方',
    '客戶',
    '客戶名稱',
    '公司',
  ],
  date: [
    'date',
    'order date',
    'invoice date',
    'posting date',
    '日期',
    '订单日期',
    '下单日期',
    '开票日期',
    '交易日期',
    '訂單日期',
  ],
  amount: [
    'amount',
    'total',
    'sales',
    'revenue',
    'net amount',
    'value',
    '金额',
    '销售额',
    '销售金额',
    '订单金额',
    '总金额',
    '价税合计',
    '金額',
    '銷售額',
    '訂單金額',
  ],
  orderNo: [
    'order id',
    'order no',
    'order number',
    'invoice',
    'invoice no',
    'so number',
    'document no',
    '订单号',
    '订单编号',
    '单号',
    '单据编号',
    '发票号',
    '訂單號',
    '訂單編號',
  ],
  quantity: ['qty', 'quantity', 'units', '数量', '數量', '件数'],
  product: [
    'product',
    'item',
    'sku',
    'product name',
    'description',
    '产品',
    '产品名称',
    '商品',
    '品名',
    '物料',
    '產品',
    '商品名稱',
  ],
};

/** NFKC (full-width → ASCII), lower case, and drop spaces, underscores, punctuation and symbols. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const NORMALIZED_SYNONYMS: ReadonlyArray<readonly [MappedField, readonly string[]]> =
  MAPPED_FIELDS.map((field) => [field, HEADER_SYNONYMS[field].map(normalizeHeader)]);

// Exact beats a synonym at the end of the header (the head noun: "Invoice Amount", "发货日期"),
// which beats a synonym anywhere else ("Revenue (CNY)").
const EXACT = 3;
const SUFFIX = 2;
const CONTAINS = 1;

interface Candidate {
  column: number;
  field: MappedField;
  kind: number;
  length: number;
}

function bestMatch(header: string, synonyms: readonly string[]): { kind: number; length: number } {
  let best = { kind: 0, length: 0 };
  for (const synonym of synonyms) {
    let kind = 0;
    if (header === synonym) kind = EXACT;
    else if (header.endsWith(synonym)) kind = SUFFIX;
    else if (header.includes(synonym)) kind = CONTAINS;
    if (kind > best.kind || (kind === best.kind && kind > 0 && synonym.length > best.length)) {
      best = { kind, length: synonym.length };
    }
  }
  return best;
}

export function emptyMapping(): ColumnMapping {
  return { account: null, date: null, amount: null, orderNo: null, quantity: null, product: null };
}

/**
 * Map fields to columns. Strongest matches are assigned first (exact, then suffix, then contains;
 * longer synonyms before shorter; leftmost column on ties); each column and each field is used once.
 */
export function autoMapHeaders(headers: readonly string[]): ColumnMapping {
  const candidates: Candidate[] = [];
  headers.forEach((raw, column) => {
    const header = normalizeHeader(raw);
    if (header === '') return;
    for (const [field, synonyms] of NORMALIZED_SYNONYMS) {
      const { kind, length } = bestMatch(header, synonyms);
      if (kind > 0) candidates.push({ column, field, kind, length });
    }
  });
  candidates.sort(
    (a, b) =>
      b.kind - a.kind ||
      b.length - a.length ||
      a.column - b.column ||
      MAPPED_FIELDS.indexOf(a.field) - MAPPED_FIELDS.indexOf(b.field),
  );

  const mapping = emptyMapping();
  const usedColumns = new Set<number>();
  for (const { column, field } of candidates) {
    if (mapping[field] !== null || usedColumns.has(column)) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  return mapping;
}
