// Kinds of import file (orders, customer master, contacts), their fields, and header
// auto-mapping with English, 简体 and 繁體 synonyms. Pure.

export type ImportKind = 'orders' | 'accounts' | 'contacts';

export const IMPORT_KINDS: readonly ImportKind[] = ['orders', 'accounts', 'contacts'];

export type FieldType = 'text' | 'amount' | 'date' | 'number';

export interface FieldSpec {
  id: string;
  type: FieldType;
  /** Required on its own. Fields that are required only as one of several are in REQUIRED_RULES. */
  required: boolean;
  /** Header spellings, written naturally; they go through {@link normalizeHeader} too. */
  synonyms: readonly string[];
  /**
   * Headers too vague to trust ('name' in an orders file, 'code' in a customer list): they count
   * only as the whole header, and only after every ordinary synonym of every field had its turn.
   */
  weakSynonyms?: readonly string[];
}

/** Field id → column index; null = not mapped. */
export type FieldMapping = Record<string, number | null>;

/** NFKC (full-width → ASCII), lower case, and drop spaces, underscores, punctuation and symbols. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

// Shared by all kinds: a customer's id in the ERP. Kept apart from the name so that '客户编码'
// never becomes the account name and '客户' never becomes the code.
const ACCOUNT_CODE_SYNONYMS = [
  'customer id',
  'customer code',
  'customer no',
  'customer number',
  'account id',
  'account code',
  'account no',
  'account number',
  'client id',
  'client code',
  'client no',
  'cust id',
  'cust no',
  'cust code',
  'debtor no',
  'sold-to party',
  '客户编码',
  '客户代码',
  '客户编号',
  '客户号',
  '客户id',
  '客户代号',
  '往来单位编码',
  '往来单位编号',
  '客戶編號',
  '客戶代碼',
  '客戶編碼',
  '客戶代號',
  '客戶號',
];

const ORDER_FIELDS: readonly FieldSpec[] = [
  {
    id: 'account',
    type: 'text',
    required: false,
    synonyms: [
      // German, French, Spanish, Italian exports.
      'kunde',
      'kundenname',
      'firma',
      'client',
      'nom du client',
      'société',
      'cliente',
      'ragione sociale',
      'customer',
      'customer name',
      'client',
      'client name',
      'account',
      'account name',
      'company',
      'company name',
      'buyer',
      'billing name',
      'billing company',
      'bill to',
      'bill to name',
      'sold-to name',
      'sold-to party name',
      'name of sold-to party',
      '客户',
      '客户名称',
      '客户名',
      '客户全称',
      '客户简称',
      '顾客',
      '公司名称',
      '单位名称',
      '购买方',
      '购买方名称',
      '购货单位',
      '往来单位',
      '买家',
      '买家会员名',
      '客戶',
      '客戶名稱',
      '客戶全稱',
      '客戶簡稱',
      '公司',
      '公司名稱',
      '購買方',
      '往來單位',
    ],
    // Shopify's 'Name' is the order number (#1001) and the customer is 'Billing Name'.
    weakSynonyms: ['name'],
  },
  { id: 'accountCode', type: 'text', required: false, synonyms: ACCOUNT_CODE_SYNONYMS },
  {
    id: 'date',
    type: 'date',
    required: true,
    synonyms: [
      // German, French, Spanish, Italian exports.
      'datum',
      'belegdatum',
      'rechnungsdatum',
      'auftragsdatum',
      'date de commande',
      'date facture',
      'fecha',
      'data',
      'date',
      'order date',
      'invoice date',
      'posting date',
      'document date',
      'transaction date',
      'created at',
      'order time',
      'created time',
      'paid at',
      '日期',
      '订单日期',
      '下单日期',
      '开票日期',
      '交易日期',
      '单据日期',
      '业务日期',
      '下单时间',
      '创建时间',
      '订单创建时间',
      '付款时间',
      '成交时间',
      '交易时间',
      '訂單日期',
      '單據日期',
      '交易時間',
      '下單時間',
    ],
  },
  {
    id: 'amount',
    type: 'amount',
    required: false,
    synonyms: [
      // German, French, Spanish, Italian exports.
      'betrag',
      'umsatz',
      'rechnungsbetrag',
      'gesamtbetrag',
      'nettobetrag',
      'montant',
      'montant ttc',
      'montant ht',
      'importe',
      'importo',
      'amount',
      'total',
      'sales',
      'revenue',
      'net amount',
      'value',
      'total amount',
      'order total',
      'grand total',
      'invoice amount',
      'line total',
      'line amount',
      'sales amount',
      'net sales',
      'total price',
      'extended price',
      '金额',
      '销售额',
      '销售金额',
      '订单金额',
      '总金额',
      '价税合计',
      '合计金额',
      '金额合计',
      '总价',
      '实付金额',
      '实收金额',
      '成交金额',
      '交易金额',
      '金額',
      '銷售額',
      '訂單金額',
      '總金額',
      '銷售金額',
      '總價',
      '價稅合計',
    ],
  },
  {
    id: 'unitPrice',
    type: 'amount',
    required: false,
    synonyms: [
      // German, French, Spanish, Italian exports.
      'einzelpreis',
      'stückpreis',
      'prix unitaire',
      'precio unitario',
      'unit price',
      'price',
      'price each',
      'net price',
      'selling price',
      'sale price',
      '单价',
      '含税单价',
      '不含税单价',
      '无税单价',
      '销售单价',
      '售价',
      '單價',
      '含稅單價',
      '售價',
    ],
  },
  {
    id: 'quantity',
    type: 'number',
    required: false,
    synonyms: [
      // German, French, Spanish, Italian exports.
      'menge',
      'anzahl',
      'quantité',
      'cantidad',
      'quantità',
      'qty',
      'quantity',
      'units',
      'pcs',
      'pieces',
      'qty ordered',
      'quantity ordered',
      '数量',
      '數量',
      '件数',
      '销售数量',
      '订货数量',
      '件數',
    ],
  },
  {
    id: 'orderNo',
    type: 'text',
    required: false,
    synonyms: [
      // German, French, Spanish, Italian exports.
      'auftragsnr',
      'auftragsnummer',
      'belegnr',
      'rechnungsnr',
      'n° commande',
      'numéro de commande',
      'no commande',
      'n° facture',
      'pedido',
      'order',
      'order id',
      'order no',
      'order number',
      'invoice',
      'invoice no',
      'invoice number',
      'so number',
      'document no',
      'document number',
      'po number',
      'voucher no',
      '订单号',
      '订单编号',
      '单号',
      '单据编号',
      '单据号',
      '发票号',
      '发票号码',
      '销售单号',
      '出库单号',
      '訂單號',
      '訂單編號',
      '單號',
      '單據編號',
      '發票號碼',
    ],
  },
  {
    id: 'product',
    type: 'text',
    required: false,
    synonyms: [
      // German, French, Spanish, Italian exports.
      'artikel',
      'artikelbezeichnung',
      'produit',
      'désignation',
      'producto',
      'prodotto',
      'product',
      'item',
      'sku',
      'product name',
      'description',
      'item name',
      'item description',
      'product title',
      'lineitem name',
      'material',
      'material description',
      '产品',
      '产品名称',
      '商品',
      '商品名称',
      '品名',
      '物料',
      '物料名称',
      '存货',
      '存货名称',
      '货品名称',
      '商品标题',
      '宝贝标题',
      '產品',
      '產品名稱',
      '商品名稱',
      '物料名稱',
      '存貨名稱',
    ],
  },
  {
    id: 'cost',
    type: 'amount',
    required: false,
    synonyms: [
      'cost',
      'cost amount',
      'total cost',
      'cogs',
      'cost of goods sold',
      '成本',
      '成本金额',
      '销售成本',
      '毛利前成本',
      '成本金額',
      '銷售成本',
    ],
  },
];

const ACCOUNT_FIELDS: readonly FieldSpec[] = [
  {
    id: 'accountCode',
    type: 'text',
    required: false,
    synonyms: ACCOUNT_CODE_SYNONYMS,
    // In a customer list a bare 'Code' / '编号' column is the customer's code.
    weakSynonyms: ['id', 'code', '编码', '编号', '代码', '編號', '編碼', '代碼'],
  },
  {
    id: 'name',
    type: 'text',
    required: true,
    synonyms: [
      'name',
      'customer',
      'customer name',
      'company',
      'company name',
      'account',
      'account name',
      'client',
      'client name',
      'organization',
      'organisation',
      '客户',
      '客户名称',
      '客户全称',
      '公司',
      '公司名称',
      '单位名称',
      '企业名称',
      '往来单位',
      '客戶',
      '客戶名稱',
      '客戶全稱',
      '公司名稱',
      '企業名稱',
    ],
  },
  {
    id: 'industry',
    type: 'text',
    required: false,
    synonyms: [
      'industry',
      'sector',
      'vertical',
      '行业',
      '所属行业',
      '行业类别',
      '行业分类',
      '行業',
      '所屬行業',
      '產業',
    ],
  },
  {
    id: 'region',
    type: 'text',
    required: false,
    synonyms: [
      'region',
      'area',
      'territory',
      'province',
      'state',
      'city',
      'sales region',
      '区域',
      '地区',
      '省份',
      '城市',
      '大区',
      '片区',
      '销售区域',
      '所属区域',
      '區域',
      '地區',
      '所屬區域',
    ],
  },
  {
    id: 'owner',
    type: 'text',
    required: false,
    synonyms: [
      'owner',
      'account owner',
      'account manager',
      'key account manager',
      'sales rep',
      'sales representative',
      'salesperson',
      'sales person',
      'salesman',
      'sales owner',
      '负责人',
      '销售',
      '销售员',
      '销售代表',
      '业务员',
      '业务代表',
      '客户经理',
      '大客户经理',
      '跟进人',
      '所属销售',
      '負責人',
      '業務員',
      '業務代表',
      '客戶經理',
      '大客戶經理',
    ],
  },
  {
    id: 'tier',
    type: 'text',
    required: false,
    synonyms: [
      'tier',
      'class',
      'level',
      'grade',
      'customer class',
      'customer tier',
      'account tier',
      'abc class',
      '等级',
      '级别',
      '客户等级',
      '客户级别',
      '等級',
      '級別',
      '客戶等級',
      '客戶級別',
    ],
  },
  {
    id: 'notes',
    type: 'text',
    required: false,
    synonyms: [
      'notes',
      'note',
      'remarks',
      'remark',
      'comment',
      'comments',
      'memo',
      '备注',
      '说明',
      '備註',
      '說明',
    ],
  },
  {
    id: 'website',
    type: 'text',
    required: false,
    synonyms: [
      'website',
      'web site',
      'url',
      'homepage',
      'web',
      '网址',
      '网站',
      '官网',
      '網址',
      '網站',
    ],
  },
];

const CONTACT_FIELDS: readonly FieldSpec[] = [
  {
    id: 'account',
    type: 'text',
    required: false,
    synonyms: [
      'customer',
      'customer name',
      'company',
      'company name',
      'account',
      'account name',
      'client',
      'organization',
      'organisation',
      '客户',
      '客户名称',
      '所属客户',
      '公司',
      '公司名称',
      '单位',
      '单位名称',
      '客戶',
      '客戶名稱',
      '所屬客戶',
      '公司名稱',
    ],
  },
  { id: 'accountCode', type: 'text', required: false, synonyms: ACCOUNT_CODE_SYNONYMS },
  {
    id: 'name',
    type: 'text',
    required: true,
    synonyms: [
      'name',
      'contact',
      'contact name',
      'contact person',
      'full name',
      '联系人',
      '联系人姓名',
      '姓名',
      '聯絡人',
      '聯絡人姓名',
      '聯繫人',
    ],
  },
  {
    id: 'title',
    type: 'text',
    required: false,
    synonyms: [
      'title',
      'job title',
      'position',
      'role',
      '职位',
      '职务',
      '职称',
      '岗位',
      '職稱',
      '職位',
      '職務',
    ],
  },
  {
    id: 'department',
    type: 'text',
    required: false,
    synonyms: ['department', 'dept', 'division', '部门', '所属部门', '部門'],
  },
  {
    id: 'phone',
    type: 'text',
    required: false,
    synonyms: [
      'phone',
      'mobile',
      'tel',
      'telephone',
      'phone number',
      'mobile phone',
      '电话',
      '手机',
      '手机号',
      '手机号码',
      '联系电话',
      '联系方式',
      '座机',
      '電話',
      '手機',
      '聯絡電話',
    ],
  },
  {
    id: 'email',
    type: 'text',
    required: false,
    synonyms: [
      'email',
      'e-mail',
      'mail',
      'email address',
      '邮箱',
      '电子邮件',
      '电子邮箱',
      '邮件',
      '電子郵件',
      '電郵',
      '郵箱',
    ],
  },
  {
    // Values: business / technical / management, or 商务 / 技术 / 管理 (ContactRow.line).
    id: 'line',
    type: 'text',
    required: false,
    synonyms: ['line', 'business line', 'contact line', '业务线', '条线', '業務線', '條線'],
  },
];

export const KIND_FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  orders: ORDER_FIELDS,
  accounts: ACCOUNT_FIELDS,
  contacts: CONTACT_FIELDS,
};

/**
 * Each inner list: at least one of these fields must be mapped. In orders, `unitPrice` only
 * stands in for `amount` together with `quantity` (see {@link FIELD_NEEDS}).
 */
export const REQUIRED_RULES: Record<ImportKind, readonly (readonly string[])[]> = {
  orders: [['account', 'accountCode'], ['date'], ['amount', 'unitPrice']],
  accounts: [['name']],
  contacts: [['name'], ['account', 'accountCode']],
};

/** A field that only counts as mapped when these other fields are mapped too. */
export const FIELD_NEEDS: Record<ImportKind, Readonly<Record<string, readonly string[]>>> = {
  orders: { unitPrice: ['quantity'] },
  accounts: {},
  contacts: {},
};

const isMapped = (mapping: FieldMapping, field: string): boolean =>
  typeof mapping[field] === 'number';

/**
 * The rules of REQUIRED_RULES that the mapping does not meet, each as the fields that would
 * meet it. An alternative that is mapped but lacks what it needs (unit price without quantity)
 * is replaced by the fields it still needs: [['amount', 'quantity']] reads "map amount or
 * quantity".
 */
export function missingRequired(kind: ImportKind, mapping: FieldMapping): string[][] {
  const needs = FIELD_NEEDS[kind];
  const missing: string[][] = [];
  for (const rule of REQUIRED_RULES[kind]) {
    const usable = (field: string): boolean =>
      isMapped(mapping, field) && (needs[field] ?? []).every((n) => isMapped(mapping, n));
    if (rule.some(usable)) continue;
    const fix: string[] = [];
    for (const field of rule) {
      const extra = isMapped(mapping, field)
        ? (needs[field] ?? []).filter((n) => !isMapped(mapping, n))
        : [field];
      for (const f of extra) if (!fix.includes(f)) fix.push(f);
    }
    missing.push(fix);
  }
  return missing;
}

// Match strength. Exact beats a synonym at the end of the header (the head noun: "Invoice
// Amount", "发货日期"), which beats a synonym anywhere else ("Revenue (CNY)"); weak synonyms last.
const EXACT = 3;
const SUFFIX = 2;
const CONTAINS = 1;
const WEAK = 0.5;

interface Matcher {
  id: string;
  synonyms: readonly string[];
  weak: readonly string[];
}

function buildMatchers(specs: readonly FieldSpec[]): Matcher[] {
  return specs.map((spec) => ({
    id: spec.id,
    synonyms: spec.synonyms.map(normalizeHeader),
    weak: (spec.weakSynonyms ?? []).map(normalizeHeader),
  }));
}

const MATCHERS: Record<ImportKind, Matcher[]> = {
  orders: buildMatchers(ORDER_FIELDS),
  accounts: buildMatchers(ACCOUNT_FIELDS),
  contacts: buildMatchers(CONTACT_FIELDS),
};

/** A header as matched: its normalized text and where words start in it. */
interface PreparedHeader {
  text: string;
  wordStarts: ReadonlySet<number>;
}

const DROPPED = /[\s\p{P}\p{S}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const ASCII_ALNUM = /[a-z0-9]/;

/**
 * normalizeHeader, remembering word starts: after a dropped character (space, '_', '-', '.'),
 * at a camelCase hump, and where Latin meets CJK ('客户ID').
 */
function prepareHeader(raw: string): PreparedHeader {
  let text = '';
  const wordStarts = new Set<number>();
  let previous = '';
  let afterGap = true;
  for (const ch of raw.normalize('NFKC')) {
    if (DROPPED.test(ch)) {
      afterGap = true;
      previous = '';
      continue;
    }
    const lower = ch.toLowerCase();
    const camel = LOWER.test(previous) && UPPER.test(ch);
    const script =
      previous !== '' && ASCII_ALNUM.test(previous.toLowerCase()) !== ASCII_ALNUM.test(lower);
    if (afterGap || camel || script) wordStarts.add(text.length);
    text += lower;
    previous = ch;
    afterGap = false;
  }
  return { text, wordStarts };
}

// Short English synonyms inside a longer header must start a word: 'line' is not in 'Online',
// 'tel' not in 'Hotel', 'total' not in 'Subtotal'; CJK synonyms and long words match anywhere.
const SHORT_LATIN = 5;
const needsWordStart = (synonym: string): boolean =>
  synonym.length <= SHORT_LATIN && /^[a-z0-9]+$/.test(synonym);

interface HeaderMatch {
  /** 3 exact, 2 suffix, 1 contains, 0.5 weak (whole header equals a vague synonym), 0 none. */
  strength: number;
  /** Length of the matching synonym: longer is more specific. */
  length: number;
}

function containsAtWordStart(header: PreparedHeader, synonym: string): boolean {
  for (let at = header.text.indexOf(synonym); at >= 0; at = header.text.indexOf(synonym, at + 1)) {
    if (header.wordStarts.has(at)) return true;
  }
  return false;
}

function bestMatch(header: PreparedHeader, matcher: Matcher): HeaderMatch {
  const { text } = header;
  let best: HeaderMatch = { strength: 0, length: 0 };
  const consider = (strength: number, length: number): void => {
    if (strength > best.strength || (strength === best.strength && length > best.length)) {
      best = { strength, length };
    }
  };
  for (const synonym of matcher.synonyms) {
    if (text === synonym) {
      consider(EXACT, synonym.length);
      continue;
    }
    if (!text.includes(synonym)) continue;
    if (needsWordStart(synonym) && !containsAtWordStart(header, synonym)) continue;
    const suffixAt = text.length - synonym.length;
    const isSuffix =
      text.endsWith(synonym) && (!needsWordStart(synonym) || header.wordStarts.has(suffixAt));
    consider(isSuffix ? SUFFIX : CONTAINS, synonym.length);
  }
  if (best.strength === 0) {
    for (const synonym of matcher.weak) if (text === synonym) consider(WEAK, synonym.length);
  }
  return best;
}

interface Candidate {
  column: number;
  field: number;
  strength: number;
  length: number;
}

function assign(
  headers: readonly string[],
  matchers: readonly Matcher[],
): { mapping: FieldMapping; strength: Record<string, number> } {
  const candidates: Candidate[] = [];
  headers.forEach((raw, column) => {
    const header = prepareHeader(raw);
    if (header.text === '') return;
    matchers.forEach((matcher, field) => {
      const { strength, length } = bestMatch(header, matcher);
      if (strength > 0) candidates.push({ column, field, strength, length });
    });
  });
  candidates.sort(
    (a, b) =>
      b.strength - a.strength || b.length - a.length || a.column - b.column || a.field - b.field,
  );

  const mapping: FieldMapping = {};
  const strength: Record<string, number> = {};
  for (const matcher of matchers) mapping[matcher.id] = null;
  const usedColumns = new Set<number>();
  for (const { column, field, strength: s } of candidates) {
    const id = matchers[field]!.id;
    if (mapping[id] !== null || usedColumns.has(column)) continue;
    mapping[id] = column;
    strength[id] = s;
    usedColumns.add(column);
  }
  return { mapping, strength };
}

/**
 * Map the kind's fields to columns. Strongest matches are assigned first (exact, then suffix,
 * then contains, then weak; longer synonyms before shorter; leftmost column on ties); each column
 * and each field is used once. Every field of the kind is present in the result, null if unmapped.
 */
export function autoMap(headers: readonly string[], kind: ImportKind): FieldMapping {
  return assign(headers, MATCHERS[kind]).mapping;
}

// guessKind weights: how much a mapped field says "this file is of that kind".
const KIND_WEIGHTS: Record<ImportKind, Readonly<Record<string, number>>> = {
  orders: {
    date: 2,
    amount: 2,
    unitPrice: 1,
    account: 1,
    accountCode: 1,
    orderNo: 1,
    quantity: 0.5,
    product: 0.5,
    cost: 0.5,
  },
  accounts: {
    name: 2,
    accountCode: 1,
    industry: 1.5,
    region: 1.5,
    owner: 1.5,
    tier: 1.5,
    website: 1,
    notes: 0.25,
  },
  contacts: {
    name: 2,
    title: 1.5,
    phone: 1.5,
    email: 1.5,
    department: 1,
    line: 1,
    account: 1,
    accountCode: 0.5,
  },
};

// What a file of the kind cannot do without; a file lacking it scores a fraction.
const KIND_GATES: Record<ImportKind, (mapped: (field: string) => boolean) => boolean> = {
  orders: (m) => m('date') && (m('amount') || m('unitPrice')),
  accounts: (m) =>
    (m('name') || m('accountCode')) &&
    (m('industry') || m('region') || m('owner') || m('tier') || m('website')),
  contacts: (m) => m('name') && (m('title') || m('phone') || m('email') || m('department')),
};

const UNGATED_FACTOR = 0.3;
// Customer and contact lists have no order date + amount; a file that does is most likely orders.
const ORDER_SHAPED_FACTOR = 0.5;

/**
 * Which kind of file these headers most likely belong to. Each kind scores the weights of its
 * mapped fields (weak matches count half); a kind missing its essentials (orders: date and an
 * amount; accounts: a name and a descriptive column; contacts: a person and a way to reach them)
 * keeps only 30 %, and accounts / contacts lose half when the headers also have an order date and
 * amount. Ties go to orders, then accounts.
 */
export function guessKind(headers: readonly string[]): {
  kind: ImportKind;
  scores: Record<ImportKind, number>;
} {
  const scores = { orders: 0, accounts: 0, contacts: 0 } as Record<ImportKind, number>;
  let orderShaped = false;
  for (const kind of IMPORT_KINDS) {
    const { mapping, strength } = assign(headers, MATCHERS[kind]);
    const mapped = (field: string): boolean => mapping[field] !== null;
    let score = 0;
    for (const [field, weight] of Object.entries(KIND_WEIGHTS[kind])) {
      if (!mapped(field)) continue;
      score += (strength[field] ?? 0) === WEAK ? weight / 2 : weight;
    }
    const gated = KIND_GATES[kind](mapped);
    if (kind === 'orders') orderShaped = gated;
    else if (orderShaped) score *= ORDER_SHAPED_FACTOR;
    scores[kind] = Math.round((gated ? score : score * UNGATED_FACTOR) * 1000) / 1000;
  }
  let kind: ImportKind = 'orders';
  for (const k of IMPORT_KINDS) if (scores[k] > scores[kind]) kind = k;
  return { kind, scores };
}

/**
 * Key for "remember this mapping for files with these headers": the normalized headers in order,
 * joined by '|' (normalizeHeader removes every '|', so the join is unambiguous). Trailing empty
 * headers are dropped: a trailing delimiter does not move any column.
 */
export function headerSignature(headers: readonly string[]): string {
  const normalized = headers.map(normalizeHeader);
  while (normalized.length > 0 && normalized[normalized.length - 1] === '') normalized.pop();
  return normalized.join('|');
}
