import { describe, expect, it } from 'vitest';
import {
  IMPORT_KINDS,
  KIND_FIELDS,
  REQUIRED_RULES,
  autoMap,
  guessKind,
  headerSignature,
  missingRequired,
  normalizeHeader,
  type FieldMapping,
  type ImportKind,
} from './fields';

/** Every field of the kind, null unless given. */
function full(kind: ImportKind, partial: FieldMapping): FieldMapping {
  const mapping: FieldMapping = {};
  for (const spec of KIND_FIELDS[kind]) mapping[spec.id] = null;
  return { ...mapping, ...partial };
}

describe('autoMap: orders', () => {
  it.each<[string, string[], FieldMapping]>([
    [
      'Kingdee / 用友 sales order export',
      ['单据编号', '单据日期', '客户编码', '客户名称', '物料名称', '数量', '含税单价', '价税合计'],
      {
        orderNo: 0,
        date: 1,
        accountCode: 2,
        account: 3,
        product: 4,
        quantity: 5,
        unitPrice: 6,
        amount: 7,
      },
    ],
    [
      'Shopify-like: "Name" is the order, "Billing Name" the customer',
      ['Name', 'Email', 'Created at', 'Total', 'Billing Name'],
      { date: 2, amount: 3, account: 4 },
    ],
    [
      'Shopify line items',
      ['Name', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Subtotal'],
      { date: 1, quantity: 2, product: 3, unitPrice: 4, account: 0 },
    ],
    [
      '"name" is the account when nothing better is there',
      ['Name', 'Date', 'Amount'],
      { account: 0, date: 1, amount: 2 },
    ],
    [
      '客户 alone is the account, 客户编码 the code',
      ['客户编码', '客户', '日期', '金额'],
      { accountCode: 0, account: 1, date: 2, amount: 3 },
    ],
    [
      'code only: the account name stays unmapped',
      ['Customer ID', 'Invoice Date', 'Invoice No', 'Net Amount'],
      { accountCode: 0, date: 1, orderNo: 2, amount: 3 },
    ],
    [
      'cost is not taken for the amount',
      ['客户名称', '订单日期', '成本金额', '销售金额'],
      { account: 0, date: 1, cost: 2, amount: 3 },
    ],
    [
      'unit price and quantity without an amount',
      ['Customer', 'Order Date', 'Unit Price', 'Qty', 'Product'],
      { account: 0, date: 1, unitPrice: 2, quantity: 3, product: 4 },
    ],
    [
      '繁體 ERP export',
      ['單據編號', '訂單日期', '客戶編號', '客戶名稱', '產品名稱', '數量', '單價', '總金額'],
      {
        orderNo: 0,
        date: 1,
        accountCode: 2,
        account: 3,
        product: 4,
        quantity: 5,
        unitPrice: 6,
        amount: 7,
      },
    ],
    [
      'e-shop export with times',
      ['订单编号', '买家会员名', '订单创建时间', '实付金额', '宝贝标题'],
      { orderNo: 0, account: 1, date: 2, amount: 3, product: 4 },
    ],
    [
      'SAP-style sold-to party',
      ['Sold-To Party', 'Name of sold-to party', 'Document Date', 'Net Value'],
      { accountCode: 0, account: 1, date: 2, amount: 3 },
    ],
    [
      'snake_case and camelCase headers',
      ['order_id', 'customerName', 'order_date', 'totalAmount', 'cost_amount'],
      { orderNo: 0, account: 1, date: 2, amount: 3, cost: 4 },
    ],
  ])('%s', (_name, headers, expected) => {
    expect(autoMap(headers, 'orders')).toEqual(full('orders', expected));
  });

  it.each<[string, string[], FieldMapping]>([
    ['"line" is not inside "Online"', ['Online Store', 'Line'], { line: 1 }],
    ['"tel" is not inside "Hotel"', ['Hotel', 'Tel'], { phone: 1 }],
  ])('contacts word starts: %s', (_name, headers, expected) => {
    const mapping = autoMap(headers, 'contacts');
    for (const [field, column] of Object.entries(expected)) expect(mapping[field]).toBe(column);
  });

  it('"Contact Tel" is the phone, "Contact Name" the person', () => {
    expect(autoMap(['Contact Tel', 'Contact Name'], 'contacts')).toMatchObject({
      phone: 0,
      name: 1,
    });
  });

  it('"total" does not match inside "Subtotal" (a short word must start a word)', () => {
    expect(autoMap(['Subtotal', 'Total'], 'orders')).toMatchObject({ amount: 1 });
    expect(autoMap(['Subtotal'], 'orders')).toMatchObject({ amount: null });
    expect(autoMap(['Order Total (USD)'], 'orders')).toMatchObject({ amount: 0 });
  });
});

describe('autoMap: accounts', () => {
  it.each<[string, string[], FieldMapping]>([
    [
      '简体 customer master',
      ['客户编码', '客户名称', '所属行业', '所属区域', '业务员', '客户等级'],
      { accountCode: 0, name: 1, industry: 2, region: 3, owner: 4, tier: 5 },
    ],
    [
      '繁體 customer master',
      ['客戶編號', '客戶名稱', '行業', '區域', '負責人', '級別', '備註', '網址'],
      { accountCode: 0, name: 1, industry: 2, region: 3, owner: 4, tier: 5, notes: 6, website: 7 },
    ],
    [
      'English CRM export',
      ['Account Name', 'Industry', 'Territory', 'Account Manager', 'Tier', 'Website', 'Notes'],
      { name: 0, industry: 1, region: 2, owner: 3, tier: 4, website: 5, notes: 6 },
    ],
    [
      'bare "Code" and "Name" columns',
      ['Code', 'Name', 'Sector', 'Province', 'Sales Rep'],
      { accountCode: 0, name: 1, industry: 2, region: 3, owner: 4 },
    ],
    [
      '客户经理 is the owner, not the name',
      ['客户', '客户经理', '客户级别'],
      { name: 0, owner: 1, tier: 2 },
    ],
    ['unknown columns stay out', ['公司名称', '地址', '电话', '大客户经理'], { name: 0, owner: 3 }],
  ])('%s', (_name, headers, expected) => {
    expect(autoMap(headers, 'accounts')).toEqual(full('accounts', expected));
  });
});

describe('autoMap: contacts', () => {
  it.each<[string, string[], FieldMapping]>([
    [
      '繁體 contacts',
      ['客戶名稱', '聯絡人', '職稱', '電話', 'Email'],
      { account: 0, name: 1, title: 2, phone: 3, email: 4 },
    ],
    [
      '简体 contacts with code and line',
      ['客户编号', '客户名称', '姓名', '部门', '职务', '手机', '电子邮件', '业务线'],
      {
        accountCode: 0,
        account: 1,
        name: 2,
        department: 3,
        title: 4,
        phone: 5,
        email: 6,
        line: 7,
      },
    ],
    [
      'English contacts: "Company Name" is the account, "Name" the person',
      ['Company Name', 'Name', 'Job Title', 'Mobile Phone', 'E-mail Address'],
      { account: 0, name: 1, title: 2, phone: 3, email: 4 },
    ],
    [
      '联系人电话 is the phone, not the person',
      ['公司', '联系人', '联系人电话', '邮箱'],
      { account: 0, name: 1, phone: 2, email: 3 },
    ],
  ])('%s', (_name, headers, expected) => {
    expect(autoMap(headers, 'contacts')).toEqual(full('contacts', expected));
  });
});

describe('autoMap: invariants', () => {
  it.each(IMPORT_KINDS)(
    '%s: every synonym maps to its own field when it is the only header',
    (kind) => {
      for (const spec of KIND_FIELDS[kind]) {
        for (const synonym of [...spec.synonyms, ...(spec.weakSynonyms ?? [])]) {
          expect([synonym, autoMap([synonym], kind)[spec.id]]).toEqual([synonym, 0]);
        }
      }
    },
  );

  it.each(IMPORT_KINDS)('%s: no synonym is listed under two fields', (kind) => {
    const owner = new Map<string, string>();
    for (const spec of KIND_FIELDS[kind]) {
      for (const synonym of [...spec.synonyms, ...(spec.weakSynonyms ?? [])]) {
        const key = normalizeHeader(synonym);
        expect([synonym, owner.get(key) ?? spec.id]).toEqual([synonym, spec.id]);
        owner.set(key, spec.id);
      }
    }
  });

  it.each(IMPORT_KINDS)('%s: each column is used at most once', (kind) => {
    const headers = KIND_FIELDS[kind].flatMap((spec) => spec.synonyms.slice(0, 3));
    const used = Object.values(autoMap([...headers, ...headers], kind)).filter((c) => c !== null);
    expect(new Set(used).size).toBe(used.length);
  });

  it('duplicate headers: the leftmost wins', () => {
    expect(autoMap(['金额', '金额'], 'orders')).toMatchObject({ amount: 0 });
  });

  it('no headers map nothing', () => {
    expect(autoMap([], 'accounts')).toEqual(full('accounts', {}));
  });
});

describe('missingRequired', () => {
  it.each<[ImportKind, FieldMapping, string[][]]>([
    ['orders', { account: 0, date: 1, amount: 2 }, []],
    ['orders', { accountCode: 0, date: 1, amount: 2 }, []],
    ['orders', { account: 0, date: 1, unitPrice: 2, quantity: 3 }, []],
    ['orders', { account: 0, date: 1, unitPrice: 2 }, [['amount', 'quantity']]],
    ['orders', { account: 0, date: 1 }, [['amount', 'unitPrice']]],
    ['orders', { amount: 2 }, [['account', 'accountCode'], ['date']]],
    ['orders', { account: null, date: 1, amount: 2 }, [['account', 'accountCode']]],
    ['accounts', { name: 0 }, []],
    ['accounts', { accountCode: 0, industry: 1 }, [['name']]],
    ['contacts', { name: 1, account: 0 }, []],
    ['contacts', { name: 1, accountCode: 0 }, []],
    ['contacts', { name: 1 }, [['account', 'accountCode']]],
    ['contacts', {}, [['name'], ['account', 'accountCode']]],
  ])('%s %j → %j', (kind, mapping, expected) => {
    expect(missingRequired(kind, mapping)).toEqual(expected);
  });

  it.each(IMPORT_KINDS)('%s: the rules only name fields of the kind', (kind) => {
    const ids = new Set(KIND_FIELDS[kind].map((s) => s.id));
    for (const rule of REQUIRED_RULES[kind]) for (const f of rule) expect(ids).toContain(f);
  });

  it.each(IMPORT_KINDS)('%s: fields marked required are rules of their own', (kind) => {
    for (const spec of KIND_FIELDS[kind].filter((s) => s.required)) {
      expect(REQUIRED_RULES[kind]).toContainEqual([spec.id]);
    }
  });
});

describe('guessKind', () => {
  it.each<[string, string[], ImportKind]>([
    [
      'Kingdee orders',
      ['单据编号', '单据日期', '客户编码', '客户名称', '物料名称', '数量', '含税单价', '价税合计'],
      'orders',
    ],
    ['Shopify orders', ['Name', 'Email', 'Created at', 'Total', 'Billing Name'], 'orders'],
    [
      'orders with a sales rep and region',
      ['单号', '日期', '客户', '区域', '业务员', '物料', '数量', '金额'],
      'orders',
    ],
    [
      'English orders',
      ['Order No', 'Customer', 'Order Date', 'Amount', 'Qty', 'Product'],
      'orders',
    ],
    [
      '简体 accounts',
      ['客户编码', '客户名称', '所属行业', '所属区域', '业务员', '客户等级'],
      'accounts',
    ],
    [
      'English accounts',
      ['Account Name', 'Industry', 'Region', 'Owner', 'Tier', 'Website'],
      'accounts',
    ],
    ['繁體 contacts', ['客戶名稱', '聯絡人', '職稱', '電話', 'Email'], 'contacts'],
    ['English contacts', ['Company', 'Contact Name', 'Title', 'Phone', 'Email'], 'contacts'],
    ['简体 contacts', ['客户', '姓名', '部门', '职位', '手机', '邮箱'], 'contacts'],
  ])('%s → %s', (_name, headers, kind) => {
    expect(guessKind(headers).kind).toBe(kind);
  });

  it('scores every kind, the chosen one highest', () => {
    const { kind, scores } = guessKind(['客户编码', '客户名称', '所属行业', '所属区域', '业务员']);
    expect(kind).toBe('accounts');
    expect(scores.accounts).toBeGreaterThan(scores.orders);
    expect(scores.accounts).toBeGreaterThan(scores.contacts);
  });

  it('unknown headers fall back to orders with zero scores', () => {
    expect(guessKind(['foo', 'bar'])).toEqual({
      kind: 'orders',
      scores: { orders: 0, accounts: 0, contacts: 0 },
    });
  });
});

describe('headerSignature', () => {
  it.each<[string[], string]>([
    [['Order No', 'Customer', 'Amount'], 'orderno|customer|amount'],
    [['ORDER_NO', ' customer ', 'Amount ($)'], 'orderno|customer|amount'],
    [['客户名称', '金额（元）'], '客户名称|金额元'],
    [['a', '', 'b', '', ''], 'a||b'],
    [[], ''],
  ])('%j → %j', (headers, signature) => {
    expect(headerSignature(headers)).toBe(signature);
  });

  it('is order-sensitive and ignores a trailing empty column', () => {
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
    expect(headerSignature(['a', 'b', ''])).toBe(headerSignature(['a', 'b']));
  });
});
