// The accounts and orders of the grid benchmark, generated in the page from a seeded PRNG:
// identical on every run and machine, never written to disk or committed.
//
// • ACCOUNTS accounts, 3 in 5 with Chinese names (city + core + trade + company suffix), 2 in 5
//   with English ones; every name unique. Industry, region, owner and tier filled in, about 1 %
//   flagged key accounts, 30 % with an estimated spend (so share of wallet shows).
// • Order lines over three years (2022-01-01 … 2024-12-31), 1–4 lines an order, every account at
//   least one order, the rest Pareto-weighted (bench/synthetic.ts); amounts log-normal.
import { syntheticOrders } from '../synthetic';
import { mulberry32 } from '../../src/domain/demo';
import { normalizeAccountKey } from '../../src/domain/normalize';
import { blankAccount, toOrderRow } from '../../src/db/rows';
import type { AccountRow, OrderRow } from '../../src/db/schema';
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

const SEED = 20_250_606;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 1096;
const DAY_MS = 86_400_000;

const CN_SUFFIXES = ['有限公司', '股份有限公司', '有限公司', ''];
const INDUSTRIES = words(
  '制造 电子 汽车 医疗 化工 食品 物流 能源 建筑 零售 Automotive Electronics',
);
const REGIONS = words('华东 华南 华北 华中 西南 西北 东北 Export');
const OWNERS = Array.from({ length: 40 }, (_, i) => `KAM ${String(i + 1).padStart(2, '0')}`);
const TIERS = ['strategic', 'key', 'growth', 'maintain'];

/** Name of account `i`: unique for i < 50,000 (and well beyond). */
export function accountName(i: number): string {
  if (i % 5 < 3) {
    const c = Math.floor(i / 5) * 3 + (i % 5);
    const city = CITIES[c % CITIES.length]!;
    const core = CORES[Math.floor(c / CITIES.length) % CORES.length]!;
    const trade = TRADES[Math.floor(c / (CITIES.length * CORES.length)) % TRADES.length]!;
    const suffix = CN_SUFFIXES[c % CN_SUFFIXES.length]!;
    // (city, core, trade) is injective below 54,000; the round beyond gets a number.
    const round = Math.floor(c / (CITIES.length * CORES.length * TRADES.length));
    return city + core + trade + (round > 0 ? String(round + 1) : '') + suffix;
  }
  const e = Math.floor(i / 5) * 2 + (i % 5) - 3;
  const core = EN_CORES[e % EN_CORES.length]!;
  const trade = EN_TRADES[Math.floor(e / EN_CORES.length) % EN_TRADES.length]!;
  const place = EN_PLACES[Math.floor(e / (EN_CORES.length * EN_TRADES.length)) % EN_PLACES.length]!;
  const round = Math.floor(e / (EN_CORES.length * EN_TRADES.length * EN_PLACES.length));
  return `${core} ${trade} ${place}${round > 0 ? ` ${round + 1}` : ''} ${EN_SUFFIXES[e % EN_SUFFIXES.length]!}`;
}

export interface GeneratedWorkspace {
  /** Without workspaceId-dependent ids: `workspaceId` is set when stored. */
  accounts: AccountRow[];
  /** accountId holds the 0-based account index; the writer maps it to the stored id. */
  orders: OrderRow[];
}

export function generateWorkspace(
  workspaceId: number,
  accountCount: number,
  orderLines: number,
): GeneratedWorkspace {
  const rand = mulberry32(SEED);
  const accounts = Array.from({ length: accountCount }, (_, i): AccountRow => {
    const name = accountName(i);
    const r = rand();
    return {
      ...blankAccount(workspaceId, normalizeAccountKey(name), name),
      industry: INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)]!,
      region: REGIONS[Math.floor(rand() * REGIONS.length)]!,
      owner: OWNERS[Math.floor(rand() * OWNERS.length)]!,
      tier: r < 0.05 ? TIERS[Math.floor(rand() * TIERS.length)]! : '',
      isKeyAccount: r < 0.01,
      estimatedSpendMinor: rand() < 0.3 ? Math.round(1e6 * Math.exp(3 * rand())) * 100 : null,
    };
  });

  const { linesPerOrder, orderAccount, orderDay, byDate } = syntheticOrders(
    rand,
    Math.max(orderLines, accountCount),
    accountCount,
    DAYS,
  );
  const isoDays = Array.from({ length: DAYS }, (_, d) =>
    new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10),
  );
  const products = Array.from({ length: 600 }, (_, p) => `P-${String(p).padStart(4, '0')}`);
  const orders: OrderRow[] = [];
  for (let n = 0; n < linesPerOrder.length; n++) {
    const k = byDate[n]!;
    const date = isoDays[orderDay[k]!]!;
    const orderNo = `SO${date.slice(0, 4)}${String(n + 1).padStart(7, '0')}`;
    for (let line = 0; line < linesPerOrder[k]!; line++) {
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      orders.push(
        toOrderRow(workspaceId, 0, orderAccount[k]!, {
          orderNo,
          date,
          amountMinor: Math.max(1, Math.round(200_000 * Math.exp(z))),
          quantity: 1 + Math.floor(Math.pow(rand(), 3) * 200),
          product: products[Math.floor(rand() * products.length)]!,
          costMinor: null,
          extra: {},
        }),
      );
    }
  }
  return { accounts, orders };
}
