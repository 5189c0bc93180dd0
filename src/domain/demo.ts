// Deterministic demo workspace: three years of orders for a few hundred B2B accounts, skewed
// enough that Pareto and RFM show something real. Same seed, same data, on every machine.
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
} from './date';
import { normalizeAccountKey } from './normalize';
import type { IsoDate, MinorUnits } from './types';

export interface DemoAccount {
  key: string;
  name: string;
  industry: string;
  region: string;
  owner: string;
  tier: string;
}

export interface DemoOrder {
  accountKey: string;
  orderNo: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  quantity: number;
  product: string;
  /** Our cost of the line (list price × the product's cost share): margin = amount − cost. */
  costMinor: MinorUnits;
}

export interface DemoOptions {
  seed?: number;
  accountCount?: number;
  endDate?: IsoDate;
}

export interface DemoWorkspace {
  accounts: DemoAccount[];
  orders: DemoOrder[];
}

/** mulberry32: tiny, fast, good enough for demo data, and identical on every engine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    // Knuth: exact and cheap for the small monthly rates used here.
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k += 1;
    return k;
  }
}

type Industry =
  | 'Manufacturing'
  | 'Electronics'
  | 'Retail'
  | 'Food & Beverage'
  | 'Logistics'
  | 'Healthcare'
  | 'Construction'
  | 'Automotive';
type Region = 'East' | 'North' | 'South' | 'West' | 'Central';

const INDUSTRY_WORDS: Record<Industry, { zh: readonly string[]; en: readonly string[] }> = {
  Manufacturing: {
    zh: ['精密机械', '机械设备', '五金制品'],
    en: ['Precision Machinery', 'Industrial', 'Tooling'],
  },
  Electronics: {
    zh: ['电子科技', '微电子', '智能科技'],
    en: ['Electronics', 'Technology', 'Semiconductor'],
  },
  Retail: { zh: ['商贸', '百货', '连锁超市'], en: ['Trading', 'Retail', 'Stores'] },
  'Food & Beverage': { zh: ['食品', '饮料', '餐饮管理'], en: ['Foods', 'Beverages', 'Catering'] },
  Logistics: {
    zh: ['物流', '供应链管理', '国际货运'],
    en: ['Logistics', 'Freight', 'Supply Chain'],
  },
  Healthcare: { zh: ['医疗器械', '医药', '生物科技'], en: ['Medical', 'Healthcare', 'Biotech'] },
  Construction: {
    zh: ['建设工程', '建材', '装饰工程'],
    en: ['Construction', 'Building Materials', 'Engineering'],
  },
  Automotive: {
    zh: ['汽车零部件', '汽车配件', '车业'],
    en: ['Auto Parts', 'Motors', 'Automotive'],
  },
};
const INDUSTRIES = Object.keys(INDUSTRY_WORDS) as Industry[];
const REGIONS: readonly Region[] = ['East', 'North', 'South', 'West', 'Central'];

const CITIES: readonly (readonly [string, Region])[] = [
  ['上海', 'East'],
  ['杭州', 'East'],
  ['苏州', 'East'],
  ['南京', 'East'],
  ['宁波', 'East'],
  ['无锡', 'East'],
  ['合肥', 'East'],
  ['北京', 'North'],
  ['天津', 'North'],
  ['青岛', 'North'],
  ['沈阳', 'North'],
  ['石家庄', 'North'],
  ['深圳市', 'South'],
  ['广州', 'South'],
  ['东莞', 'South'],
  ['佛山', 'South'],
  ['厦门', 'South'],
  ['成都', 'West'],
  ['重庆', 'West'],
  ['西安', 'West'],
  ['昆明', 'West'],
  ['武汉', 'Central'],
  ['长沙', 'Central'],
  ['郑州', 'Central'],
];

/** A comma- or newline-separated word list. */
const list = (text: string): string[] => text.trim().split(/\s*[,\n]\s*/);

const ZH_WORDS = list(`
  华东, 海川, 绿源, 恒通, 鑫达, 宏远, 金泰, 瑞丰, 中联, 博源, 天成, 永盛, 新锐, 百川, 嘉禾
  盛世, 九洲, 康达, 华信, 同创, 远航, 众合, 德胜, 安泰, 锦程, 兴业, 立信, 凯源, 明达, 汇通
`);
const EN_WORDS = list(`
  Northwind, Blue Harbor, Silver Oak, Redwood, Summit, Evergreen, Pacific Rim
  Crescent, Ironbridge, Sunrise, Westfield, Kingsway, Brightstone, Clearwater
  Highland, Golden Dragon, Jade River, Pearl Delta, Lotus, Orient Star
`);
const EN_SUFFIXES: readonly string[] = ['Co., Ltd.', 'Ltd.', 'Inc.', 'Group', 'Limited'];
const OWNERS: readonly string[] = [
  '王磊',
  'Li Na',
  'Zhang Wei',
  'Emma Chen',
  '陈静',
  'David Liu',
  '刘洋',
];

/** What the demo firm sells, with list prices in yuan, cheapest first. */
const PRODUCTS: readonly (readonly [string, number])[] = [
  ['Thermal Label Roll', 35],
  ['Spare Parts Pack', 150],
  ['Industrial Sensor S200', 260],
  ['Barcode Scanner BS-10', 480],
  ['Control Module CM-5', 1_850],
  ['Installation Service', 2_400],
  ['Handheld Terminal HT-8', 3_200],
  ['Label Printer LP-400', 6_800],
  ['Vision Camera VC-3', 12_500],
  ['Maintenance Service (Annual)', 18_000],
  ['Conveyor Kit CK-2', 24_000],
  ['Warehouse Software License', 45_000],
];

/**
 * Our cost as a share of list price, per product: services and software carry fat margins,
 * hardware thin ones. Accounts that get big discounts therefore earn us much less margin than
 * their revenue suggests, which is what ranking by margin is for.
 */
const COST_SHARE: ReadonlyMap<string, number> = new Map([
  ['Thermal Label Roll', 0.7],
  ['Spare Parts Pack', 0.55],
  ['Industrial Sensor S200', 0.6],
  ['Barcode Scanner BS-10', 0.62],
  ['Control Module CM-5', 0.58],
  ['Installation Service', 0.35],
  ['Handheld Terminal HT-8', 0.64],
  ['Label Printer LP-400', 0.6],
  ['Vision Camera VC-3', 0.57],
  ['Maintenance Service (Annual)', 0.3],
  ['Conveyor Kit CK-2', 0.66],
  ['Warehouse Software License', 0.18],
]);
const PRICE: ReadonlyMap<string, number> = new Map(PRODUCTS);

type Lifecycle = 'steady' | 'joined' | 'churned' | 'new' | 'declining' | 'growing';

interface Profile {
  key: string;
  /** Expected orders per year at full activity. */
  ordersPerYear: number;
  /** Typical order size in yuan. */
  orderYuan: number;
  discount: number;
  /** Active window as day offsets from the first demo day, inclusive. */
  from: number;
  to: number;
  lifecycle: Lifecycle;
}

interface DraftOrder {
  seq: number;
  accountKey: string;
  day: number;
  amountMinor: number;
  quantity: number;
  product: string;
  isReturn: boolean;
}

function makeName(rng: Rng, industry: Industry): { name: string; region: Region } {
  const words = INDUSTRY_WORDS[industry];
  if (rng.float() < 0.75) {
    const [city, region] = rng.pick(CITIES);
    const form = rng.float() < 0.12 ? '股份有限公司' : '有限公司';
    return { name: `${city}${rng.pick(ZH_WORDS)}${rng.pick(words.zh)}${form}`, region };
  }
  return {
    name: `${rng.pick(EN_WORDS)} ${rng.pick(words.en)} ${rng.pick(EN_SUFFIXES)}`,
    region: rng.pick(REGIONS),
  };
}

function makeAccounts(rng: Rng, count: number): DemoAccount[] {
  const keys = new Set<string>();
  const accounts: DemoAccount[] = [];
  for (let i = 0; i < count; i++) {
    const industry = rng.pick(INDUSTRIES);
    let { name, region } = makeName(rng, industry);
    // Retry a few times; with thousands of accounts fall back to a numbered branch name.
    for (let tries = 0; keys.has(normalizeAccountKey(name)) && tries < 20; tries++) {
      ({ name, region } = makeName(rng, industry));
    }
    for (let n = 2; keys.has(normalizeAccountKey(name)); n++) name = `${name} (${n})`;
    const key = normalizeAccountKey(name);
    keys.add(key);
    accounts.push({ key, name, industry, region, owner: rng.pick(OWNERS), tier: '' });
  }
  return accounts;
}

function makeProfile(rng: Rng, key: string, lastDay: number): Profile {
  // Lognormal size drives both frequency and order size: revenue ~ exp(1.7·z), which puts
  // about 80% of revenue on about 20% of accounts.
  // z is capped so one freak draw cannot swallow a 300-account sample.
  const z = Math.min(2.5, Math.max(-2.5, rng.normal()));
  const ordersPerYear = Math.min(250, Math.max(1, 19 * Math.exp(0.85 * z)));
  const orderYuan = 6_000 * Math.exp(0.75 * z + 0.3 * rng.normal());
  const discount = Math.min(0.12, Math.max(0, 0.03 + 0.03 * z));

  const u = rng.float();
  const lifecycle: Lifecycle =
    u < 0.12
      ? 'churned'
      : u < 0.22
        ? 'new'
        : u < 0.3
          ? 'declining'
          : u < 0.36
            ? 'growing'
            : u < 0.5
              ? 'joined'
              : 'steady';
  let from = 0;
  let to = lastDay;
  if (lifecycle === 'churned') {
    // Silent for the last 6–12 months.
    from = rng.float() < 0.5 ? 0 : rng.int(0, Math.floor(lastDay * 0.4));
    to = lastDay - rng.int(185, 365);
  } else if (lifecycle === 'new') {
    from = lastDay - rng.int(20, 180);
  } else if (lifecycle === 'joined') {
    from = rng.int(60, Math.floor(lastDay * 0.66));
  }
  return { key, ordersPerYear, orderYuan, discount, from, to, lifecycle };
}

/** Revenue trend over the account's window, t in 0..1. */
function trend(lifecycle: Lifecycle, t: number): number {
  if (lifecycle === 'declining') return 1.4 - 1.1 * t;
  if (lifecycle === 'growing') return 0.6 + 0.9 * t;
  return 1;
}

/** Mild seasonality: Q4 peak, a dip around Chinese New Year. */
const SEASON = [0.85, 0.8, 1, 1, 1, 1, 0.95, 0.95, 1, 1.2, 1.25, 1.3];

function makeLine(
  rng: Rng,
  p: Profile,
  scale: number,
): Omit<DraftOrder, 'seq' | 'accountKey' | 'day' | 'isReturn'> {
  const target = p.orderYuan * scale * Math.exp(0.55 * rng.normal());
  // Prefer a product whose price fits the order size (at most 400 units), so quantities stay
  // plausible. PRODUCTS is sorted by price: the fitting ones are a contiguous run.
  let hi = 0;
  while (hi < PRODUCTS.length && PRODUCTS[hi]![1] <= target) hi++;
  let lo = 0;
  while (lo < hi && PRODUCTS[lo]![1] * 400 < target) lo++;
  const index = hi === 0 ? 0 : lo < hi ? rng.int(lo, hi - 1) : rng.int(0, hi - 1);
  const [product, price] = PRODUCTS[index]!;
  const quantity = Math.max(1, Math.round(target / price));
  const amountMinor = Math.round(quantity * price * 100 * (1 - p.discount));
  return { product, quantity, amountMinor };
}

function weekday(day: number): number {
  // Day 0 of the epoch (1970-01-01) was a Thursday; 0 = Sunday.
  return (day + 4) % 7;
}

/** Moves a weekend day to the nearest working day inside [lo, hi] when possible. */
function toWorkingDay(day: number, lo: number, hi: number): number {
  const wd = weekday(day);
  if (wd !== 0 && wd !== 6) return day;
  const monday = day + (wd === 6 ? 2 : 1);
  const friday = day - (wd === 6 ? 1 : 2);
  if (monday <= hi) return monday;
  return friday >= lo ? friday : day;
}

interface MonthSpan {
  /** First and last day offset of the calendar month (the first may be before day 0). */
  m0: number;
  m1: number;
  month: number;
}

function monthSpans(firstDate: IsoDate, lastDay: number): MonthSpan[] {
  const spans: MonthSpan[] = [];
  // Start at the 1st of the first month; days before firstDate fall outside every window.
  for (let start = `${firstDate.slice(0, 8)}01`; ; start = addMonths(start, 1)) {
    const m0 = daysBetween(firstDate, start);
    if (m0 > lastDay) return spans;
    const month = Number(start.slice(5, 7));
    spans.push({ m0, m1: m0 + daysInMonth(Number(start.slice(0, 4)), month) - 1, month });
  }
}

function makeOrders(
  rng: Rng,
  profiles: readonly Profile[],
  firstDate: IsoDate,
  lastDay: number,
): DraftOrder[] {
  const months = monthSpans(firstDate, lastDay);
  const drafts: DraftOrder[] = [];
  let seq = 0;
  const push = (p: Profile, day: number, scale: number): void => {
    drafts.push({
      seq: seq++,
      accountKey: p.key,
      day,
      isReturn: false,
      ...makeLine(rng, p, scale),
    });
  };

  for (const p of profiles) {
    const before = drafts.length;
    const span = Math.max(1, p.to - p.from);
    // Partial months at the window edges get a pro-rated rate.
    for (const { m0, m1, month } of months) {
      const lo = Math.max(m0, p.from);
      const hi = Math.min(m1, p.to, lastDay);
      if (lo > hi) continue;
      const k = trend(p.lifecycle, ((lo + hi) / 2 - p.from) / span);
      const lambda =
        (p.ordersPerYear / 12) *
        SEASON[month - 1]! *
        Math.sqrt(k) *
        ((hi - lo + 1) / (m1 - m0 + 1));
      const n = rng.poisson(lambda);
      for (let i = 0; i < n; i++) push(p, toWorkingDay(rng.int(lo, hi), lo, hi), Math.sqrt(k));
    }
    // Every account in the workspace has bought at least once.
    if (drafts.length === before) push(p, toWorkingDay(rng.int(p.from, p.to), p.from, p.to), 1);
  }

  // A few returns: part of an order comes back 5–40 days later.
  const sales = drafts.length;
  for (let i = 0; i < sales; i++) {
    const o = drafts[i]!;
    if (rng.float() >= 0.006) continue;
    const day = o.day + rng.int(5, 40);
    if (day > lastDay) continue;
    const quantity = Math.max(1, Math.round(o.quantity * (0.1 + 0.9 * rng.float())));
    drafts.push({
      seq: seq++,
      accountKey: o.accountKey,
      day,
      product: o.product,
      quantity: -quantity,
      amountMinor: -Math.round((o.amountMinor * quantity) / o.quantity),
      isReturn: true,
    });
  }
  return drafts;
}

/**
 * Builds the demo workspace: `accountCount` accounts and about 65 orders per account over the
 * three years ending at `endDate`, sorted by date, numbered SO-YYYY-NNNNNN (returns RT-…).
 */
export function generateDemo(options: DemoOptions = {}): DemoWorkspace {
  const seed = options.seed ?? 20261123;
  const accountCount = options.accountCount ?? 300;
  const endDate = options.endDate ?? '2026-10-31';
  if (!isIsoDate(endDate)) throw new RangeError(`generateDemo: bad endDate ${endDate}`);
  if (!Number.isInteger(accountCount) || accountCount < 0) {
    throw new RangeError(`generateDemo: bad accountCount ${accountCount}`);
  }

  const rng = new Rng(seed);
  const firstDate = addDays(addMonths(endDate, -36), 1);
  const lastDay = daysBetween(firstDate, endDate);
  const accounts = makeAccounts(rng, accountCount);
  const profiles = accounts.map((a) => makeProfile(rng, a.key, lastDay));
  const drafts = makeOrders(rng, profiles, firstDate, lastDay).sort(
    (a, b) => a.day - b.day || a.seq - b.seq,
  );

  const firstEpochDay = toDayNumber(firstDate);
  const counters = new Map<string, number>();
  // ~1,100 distinct days for ~20,000 rows: format each once.
  const dates = new Map<number, IsoDate>();
  const orders = drafts.map((d): DemoOrder => {
    let date = dates.get(d.day);
    if (date === undefined) {
      date = fromDayNumber(firstEpochDay + d.day);
      dates.set(d.day, date);
    }
    const prefix = `${d.isReturn ? 'RT' : 'SO'}-${date.slice(0, 4)}`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return {
      accountKey: d.accountKey,
      orderNo: `${prefix}-${String(n).padStart(6, '0')}`,
      date,
      amountMinor: d.amountMinor,
      quantity: d.quantity,
      product: d.product,
      // No random draw here, so adding cost left every other demo figure as it was.
      costMinor: Math.round(
        d.quantity * (PRICE.get(d.product) ?? 0) * 100 * (COST_SHARE.get(d.product) ?? 0.6),
      ),
    };
  });
  return { accounts, orders };
}
