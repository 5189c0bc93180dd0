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

export const HEADER = '订单号,客户名称,订单日期,金额,数量,产品';
export const ACCOUNTS = 50_000;
const SEED = 20_240_601;
const ALPHA = 1.16;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 1096;
const DAY_MS = 86_400_000;
/** Rows per string part of the Blob: big enough to be cheap, small enough to stay flat. */
const PART_ROWS = 10_000;

/** A list written as one string, so it stays compact. */
const words = (list: string, separator = ' '): string[] => list.split(separator);

const CITIES = words(
  '北京 上海 广州 深圳 杭州 南京 苏州 成都 重庆 武汉 西安 天津 青岛 厦门 宁波 长沙 郑州 合肥 济南 福州 大连 沈阳 无锡 佛山 东莞 昆明 南昌 温州 常州 珠海',
);
const CORES = words(
  '恒达 华信 金泰 宏远 鼎盛 瑞丰 天成 永安 新元 博众 中科 汇通 嘉禾 润泽 东方 长城 飞扬 明辉 盛世 安泰 联创 海纳 正大 万隆 德信 兴业 宝丰 同力 卓越 启航 信达 光明 华美 百川 九州 亿联 中鼎 致远 和谐 锦程 凯旋 睿智 朗润 星河 蓝海 青松 富源 晨光 泰和 福瑞 英华 山河 佳禾 祥云 立信 弘毅 君安 华盛 龙腾 远航',
);
const TRADES = words(
  '科技 贸易 电子 机械 化工 医药 物流 建材 食品 纺织 软件 能源 环保 汽配 家居 传媒 实业 仪器 光电 材料 工程 设备 电气 通信 精密 模具 包装 印务 农业 商贸',
);
const CN_SUFFIXES = ['有限公司', '有限公司', '股份有限公司', ''];
const EN_CORES = words(
  'Northwind|Blue Ridge|Summit|Evergreen|Silverline|Redwood|Bright Star|Harbor|Pioneer|Keystone|Golden Gate|Riverside|Atlas|Vertex|Orion|Sterling|Crescent|Beacon|Maple Leaf|Granite|Lakeside|Horizon|Falcon|Cedar|Westbrook|Ironwood|Nova|Apex|Meridian|Oakmont|Pacific|Union|Aurora|Cobalt|Highland|Liberty|Monarch|Pinnacle|Quantum|Sapphire',
  '|',
);
const EN_TRADES = words(
  'Trading|Electronics|Industries|Logistics|Foods|Systems|Materials|Chemicals|Textiles|Devices|Components|Packaging|Machinery|Software|Medical|Energy|Motors|Instruments|Optics|Supplies|Tools|Plastics|Metals|Networks|Controls',
  '|',
);
const EN_PLACES = words(
  'Asia|Pacific|Europe|America|Global|International|Hong Kong|Singapore|Shanghai|Shenzhen|Taiwan|Japan|Korea|Vietnam|Thailand|Malaysia|Australia|Canada|Germany|UK|France|Italy|Spain|Holland|Nordic|Brazil|Mexico|India|Dubai|Africa',
  '|',
);
const EN_SUFFIXES = words('Ltd|Co. Ltd|Limited|Corp|GmbH|LLC', '|');
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
