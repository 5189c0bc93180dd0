// Benchmark — analytics (`npm run bench:analytics`): the recompute of RFM + segments + Pareto/ABC
// for 1,000,000 order lines and 50,000 accounts, against the floor measured in the same run.
//
// Both work on the same input: the orders as a FactTable (typed columns with dense account and
// order indexes), which the app builds once when data is loaded and reuses for every recompute
// (other settings, another period). Building it is timed and printed, not part of the ratio.
//
// The floor: one bare pass that sums each account's revenue, then one sort of the accounts by
// it — the least any "who are my biggest accounts" needs.
// Ours: computeAnalysis — one pass (revenue, first/last purchase day, distinct orders), three
// native numeric sorts for the R, F and M quantiles, segments from a precomputed rule table and
// Pareto ranks and ABC classes from the monetary sort.
//
// Targets (issue 5; the process exits 1 when one is missed): ours ≤ 1.5 × the floor and
// ≤ 300 ms. Also printed: the whole object pipeline the screens use (analyzeTable: engine plus
// lookup maps), for information.
//
// Input is generated here with a seeded PRNG, identical on every run and machine; it is never
// written to disk.
import { syntheticOrders } from './synthetic';
import { analyzeTable } from '../src/domain/analysis';
import { settingsFrom } from '../src/domain/analysisSettings';
import { buildReport } from '../src/domain/report';
import { computeAnalysis } from '../src/domain/engine';
import { buildFactTable, type FactTable } from '../src/domain/factTable';
import { mulberry32 } from '../src/domain/demo';
import type { OrderFact } from '../src/domain/types';
import { compare, report } from './harness';

const ROWS = 1_000_000;
const ACCOUNTS = 50_000;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 1096; // 2022-01-01 … 2024-12-31: three years
const SEED = 20_240_601;
/** Pareto shape of account sizes; α ≈ 1.16 is the classic "20 % of accounts, 80 % of sales". */
const ALPHA = 1.16;
const MAX_RATIO = 1.5;
const MAX_OURS_MS = 300;

const DAY_MS = 86_400_000;

interface Generated {
  facts: OrderFact[];
  orders: number;
}

/**
 * ROWS order lines in date order (as the app reads them: `[workspaceId+date]` index). Orders of
 * 1–4 lines; every account has at least one order and the rest go to accounts by a heavy-tailed
 * (Pareto) weight; amounts are log-normal, 2 % of lines are returns, 1 % of orders carry no
 * order number. Each row gets its own date and order-number strings, as rows read back from
 * IndexedDB do — shared string objects would make comparisons and hashing unrealistically cheap.
 */
function generateFacts(): Generated {
  const rand = mulberry32(SEED);

  const { linesPerOrder, orderAccount, orderDay, byDate } = syntheticOrders(
    rand,
    ROWS,
    ACCOUNTS,
    DAYS,
    ALPHA,
  );
  const orders = linesPerOrder.length;
  if (orders < ACCOUNTS) throw new Error('fewer orders than accounts');

  // "YYYY-MM" and "DD" per day; joined per row into a fresh 10-character string.
  const yearMonth: string[] = [];
  const dayOfMonth: string[] = [];
  for (let d = 0; d < DAYS; d++) {
    const iso = new Date(FIRST_DAY + d * DAY_MS).toISOString();
    yearMonth.push(iso.slice(0, 7));
    dayOfMonth.push(iso.slice(8, 10));
  }

  const facts: OrderFact[] = new Array<OrderFact>(ROWS);
  let row = 0;
  for (let n = 0; n < orders; n++) {
    const k = byDate[n]!;
    const accountId = orderAccount[k]! + 1;
    const day = orderDay[k]!;
    const numbered = rand() >= 0.01;
    const orderSeq = 10_000_000 + n;
    for (let line = 0; line < linesPerOrder[k]!; line++) {
      // Log-normal line amount, median 200.00, via Box–Muller.
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const amount = Math.min(1_000_000_000, Math.round(20_000 * Math.exp(1.1 * z)));
      facts[row++] = {
        accountId,
        orderNo: numbered ? 'SO-' + orderSeq : '',
        date: yearMonth[day]! + '-' + dayOfMonth[day]!,
        amountMinor: rand() < 0.02 ? -amount : amount,
      };
    }
  }
  if (row !== ROWS) throw new Error(`generated ${row} rows, expected ${ROWS}`);
  return { facts, orders };
}

/** The floor: one pass summing revenue per account, then the accounts sorted by it. */
function floor(table: FactTable): Int32Array {
  const n = table.accountIds.length;
  const sum = new Float64Array(n);
  const { account, amount, count } = table;
  for (let i = 0; i < count; i++) sum[account[i]!]! += amount[i]!;
  return Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => sum[y]! - sum[x]!);
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`analytics bench: sanity check failed: ${message}`);
}

function main(): void {
  console.log(
    `analytics: analyzeOrders over ${ROWS.toLocaleString('en-US')} rows, ` +
      `${ACCOUNTS.toLocaleString('en-US')} accounts`,
  );
  const genStart = performance.now();
  const { facts, orders } = generateFacts();
  const genMs = performance.now() - genStart;

  const buildStart = performance.now();
  const table = buildFactTable(facts);
  const buildMs = performance.now() - buildStart;

  // One untimed run of each, to check both did the job on this input before timing them.
  const order = floor(table);
  const ours = computeAnalysis(table);
  check(order.length === ACCOUNTS, `floor saw ${order.length} accounts`);
  check(ours.accounts === ACCOUNTS, `ours saw ${ours.accounts} accounts`);
  const factsTotal = facts.reduce((s, f) => s + f.amountMinor, 0);
  const oursTotal = ours.revenue.reduce((s, v) => s + v, 0);
  check(factsTotal === oursTotal, `revenue ${oursTotal} ≠ input ${factsTotal}`);
  check(ours.rank[order[0]!] === 1, 'largest account differs from the floor');
  const objects = analyzeTable(table);
  const heatmapCount = objects.heatmap.reduce((s, c) => s + c.count, 0);
  check(heatmapCount === ACCOUNTS, `heatmap holds ${heatmapCount} accounts`);
  console.log(
    `  input    : ${orders.toLocaleString('en-US')} orders, ` +
      `${facts[0]?.date} … ${facts[ROWS - 1]?.date}, ` +
      `${(objects.pareto.shareOfAccountsForA * 100).toFixed(1)} % of accounts hold 80 % of revenue ` +
      `(generated in ${genMs.toFixed(0)} ms; fact table built once in ${buildMs.toFixed(0)} ms)`,
  );
  // Everything the Analysis screen gets from the worker for the default window (12 months) and its
  // year-ago comparison: two scored periods, growth, churn, value per year, candidates, summaries.
  const settings = settingsFrom(undefined);
  buildReport(table, settings, { fiscalYearStartMonth: 1 });
  const reportStart = performance.now();
  const full = buildReport(table, settings, { fiscalYearStartMonth: 1 });
  console.log(
    `  report   : the whole Analysis report (${full.activeAccounts.toLocaleString('en-US')} ` +
      `accounts in the window) ${(performance.now() - reportStart).toFixed(0)} ms, in the worker (info)`,
  );
  const objectsStart = performance.now();
  analyzeTable(table);
  console.log(
    `  screens  : engine + lookup maps for the screens ${(performance.now() - objectsStart).toFixed(0)} ms (info)`,
  );

  const c = compare(
    () => floor(table),
    () => computeAnalysis(table),
    { warmups: 2, runs: 9 },
  );
  const ratio = c.oursMs / c.baselineMs;
  report('analytics', ROWS, c, [
    { label: `ratio ≤ ${MAX_RATIO}`, actual: ratio.toFixed(2), ok: ratio <= MAX_RATIO },
    {
      label: `ours ≤ ${MAX_OURS_MS} ms for ${ROWS.toLocaleString('en-US')} rows`,
      actual: `${c.oursMs.toFixed(1)} ms`,
      ok: c.oursMs <= MAX_OURS_MS,
    },
  ]);
}

main();
