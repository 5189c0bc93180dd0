// The orders CSV of the import benchmark, generated in the page from a seeded PRNG: identical on
// every run and machine, never written to disk or committed.
//
// Shape (≈ 80 bytes a row, UTF-8, LF line ends, no BOM):
//   订单号,客户名称,订单日期,金额,数量,产品
//   SO20220000001,上海恒达科技有限公司,2022-01-01,1234.56,12,伺服电机-A123
// • ACCOUNTS customers, 3 in 5 with Chinese names (city + core + trade + optional company
//   suffix), 2 in 5 with English ones; 3 % of the English names contain a comma ("…, Inc."), so
//   those fields are quoted, as Excel exports them. Every name is unique.
// • Orders of 1–4 lines in date order over three years (2022-01-01 … 2024-12-31); the first
//   ACCOUNTS orders give every customer one, the rest go by a heavy-tailed Pareto weight
//   (α = 1.16: roughly a quarter of the customers hold 80 % of the orders).
// • Amounts log-normal (median 2,000.00) with two decimals; quantities 1–200; 600 products.
import { syntheticOrders } from '../synthetic';
import { mulberry32 } from '../../src/domain/demo';
import {
  CITIES,
  CORES,
  EN_CORES,
  EN_PLACES,
  EN_SUFFIXES,
  EN_TRADES,
  TRADES,
  words,
} from '../names';

export const HEADER = '订单号,客户名称,订单日期,金额,数量,产品';
export const ACCOUNTS = 50_000;
const SEED = 20_240_601;
const ALPHA = 1.16;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 1096;
const DAY_MS = 86_400_000;
/** Rows per string part of the Blob: big enough to be cheap, small enough to stay flat. */
const PART_ROWS = 10_000;

const CN_SUFFIXES = ['有限公司', '有限公司', '股份有限公司', ''];
const PRODUCT_KINDS = words(
  '伺服电机|变频器|传感器|控制器|继电器|轴承|减速机|气缸|电磁阀|触摸屏|Servo Motor|Inverter|Sensor|Controller|Relay|Bearing|Gearbox|Cylinder|Valve|HMI Panel',
  '|',
);

export interface GeneratedCsv {
  file: File;
  rows: number;
  /** Distinct customers that occur in the file. */
  customers: number;
  /** Sum of amounts in minor units (cents). */
  totalMinor: number;
}

/** Name of customer `i` (0 ≤ i < ACCOUNTS): unique by construction. */
function customerName(i: number): string {
  if (i % 5 < 3) {
    // Chinese: i → (city, core, trade) is injective for i < 30·60·30 = 54,000.
    const c = Math.floor(i / 5) * 3 + (i % 5);
    const city = CITIES[c % CITIES.length]!;
    const core = CORES[Math.floor(c / CITIES.length) % CORES.length]!;
    const trade = TRADES[Math.floor(c / (CITIES.length * CORES.length)) % TRADES.length]!;
    return city + core + trade + CN_SUFFIXES[c % CN_SUFFIXES.length]!;
  }
  // English: i → (core, trade, place) is injective for i < 40·25·30 = 30,000 (we need 20,000).
  const e = Math.floor(i / 5) * 2 + (i % 5) - 3;
  const core = EN_CORES[e % EN_CORES.length]!;
  const trade = EN_TRADES[Math.floor(e / EN_CORES.length) % EN_TRADES.length]!;
  const place = EN_PLACES[Math.floor(e / (EN_CORES.length * EN_TRADES.length)) % EN_PLACES.length]!;
  const name = `${core} ${trade} ${place}`;
  // 3 %: a comma in the name, so the field is quoted.
  if (e % 33 === 7) return `"${name}, Inc."`;
  return `${name} ${EN_SUFFIXES[e % EN_SUFFIXES.length]!}`;
}

function productName(p: number): string {
  const kind = PRODUCT_KINDS[p % PRODUCT_KINDS.length]!;
  const letter = String.fromCharCode(65 + (Math.floor(p / PRODUCT_KINDS.length) % 26));
  return `${kind}-${letter}${100 + ((p * 37) % 900)}`;
}

/** `rows` order lines as a File, generated in memory. */
export function generateOrdersCsv(rows: number): GeneratedCsv {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`rows must be ≥ 1, got ${rows}`);
  const rand = mulberry32(SEED);

  const {
    linesPerOrder,
    orderAccount: orderCustomer,
    orderDay,
    byDate,
  } = syntheticOrders(rand, rows, ACCOUNTS, DAYS, ALPHA);
  const orders = linesPerOrder.length;

  const isoDays = Array.from({ length: DAYS }, (_, d) =>
    new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10),
  );
  const names = Array.from({ length: ACCOUNTS }, (_, i) => customerName(i));
  const products = Array.from({ length: 600 }, (_, p) => productName(p));
  const used = new Uint8Array(ACCOUNTS);

  const parts: string[] = [HEADER + '\n'];
  let lines: string[] = [];
  let totalMinor = 0;
  let customers = 0;
  for (let n = 0; n < orders; n++) {
    const k = byDate[n]!;
    const customer = orderCustomer[k]!;
    if (!used[customer]) {
      used[customer] = 1;
      customers++;
    }
    const day = orderDay[k]!;
    const orderNo = `SO${isoDays[day]!.slice(0, 4)}${String(n + 1).padStart(7, '0')}`;
    const prefix = `${orderNo},${names[customer]!},${isoDays[day]!},`;
    for (let line = 0; line < linesPerOrder[k]!; line++) {
      // Log-normal amount (median 2,000.00) via Box–Muller, in whole cents.
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const cents = Math.max(1, Math.round(200_000 * Math.exp(z)));
      totalMinor += cents;
      const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const quantity = 1 + Math.floor(Math.pow(rand(), 3) * 200);
      const product = products[Math.floor(rand() * products.length)]!;
      lines.push(`${prefix}${amount},${quantity},${product}`);
      if (lines.length === PART_ROWS) {
        parts.push(lines.join('\n') + '\n');
        lines = [];
      }
    }
  }
  if (lines.length > 0) parts.push(lines.join('\n') + '\n');
  const file = new File(parts, `orders-${rows}.csv`, { type: 'text/csv' });
  return { file, rows, customers, totalMinor };
}
