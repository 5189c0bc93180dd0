// Orders in columns (typed arrays) with dense account and order indexes, built once when the data
// is loaded. Every recompute (other settings, another period) is then a tight loop over numbers:
// no objects, no strings, no Map lookups per row.
import { toDayNumber } from './date';
import type { OrderFact } from './types';

export interface FactTable {
  /** Rows, sorted by account, then day (the engine counts distinct purchase days from that). */
  count: number;
  /** Dense account index per row (0 … accounts − 1, in ascending account id order). */
  account: Int32Array;
  /** Day number (days since 1970-01-01) per row. */
  day: Int32Array;
  /** Amount in minor units per row (integers held exactly in doubles). */
  amount: Float64Array;
  /** Cost in minor units per row; NaN where the export had none. */
  cost: Float64Array;
  /** Rows with a known cost. */
  costedRows: number;
  /**
   * Dense order index per row: rows of the same account with the same (trimmed) order number
   * share one; a row without order number is an order of its own.
   */
  order: Int32Array;
  orderCount: number;
  /** Account id of each dense index, ascending. */
  accountIds: Int32Array;
  /** Account id → dense index. */
  indexOf: Map<number, number>;
}

/**
 * Row order sorted by (account, day), stable: two counting sorts, O(rows + days + accounts).
 * Days are bucketed relative to the earliest one, so any span of dates costs one array of it.
 */
function sortedOrder(account: Int32Array, day: Int32Array, accounts: number): Int32Array {
  const n = account.length;
  if (n === 0) return new Int32Array(0);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (day[i]! < minDay) minDay = day[i]!;
    if (day[i]! > maxDay) maxDay = day[i]!;
  }
  const byDay = countingSort(n, maxDay - minDay + 1, (i) => day[i]! - minDay, null);
  return countingSort(n, accounts, (i) => account[i]!, byDay);
}

function countingSort(
  n: number,
  buckets: number,
  keyOf: (row: number) => number,
  input: Int32Array | null,
): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[keyOf(i) + 1]! += 1;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const row = input === null ? k : input[k]!;
    out[start[keyOf(row)]!++] = row;
  }
  return out;
}

export function buildFactTable(facts: readonly OrderFact[]): FactTable {
  const n = facts.length;
  const ids = [...new Set(facts.map((f) => f.accountId))].sort((a, b) => a - b);
  const accountIds = Int32Array.from(ids);
  const indexOf = new Map<number, number>();
  ids.forEach((id, i) => indexOf.set(id, i));

  const rowAccount = new Int32Array(n);
  const rowDay = new Int32Array(n);
  const rowOrder = new Int32Array(n);
  // Per account, order number → dense order index; dates repeat a lot, so parse each once.
  const ordersByAccount = new Map<number, Map<string, number>>();
  const dayOf = new Map<string, number>();
  let orderCount = 0;
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    const a = indexOf.get(f.accountId)!;
    rowAccount[i] = a;
    let d = dayOf.get(f.date);
    if (d === undefined) {
      d = toDayNumber(f.date);
      dayOf.set(f.date, d);
    }
    rowDay[i] = d;
    const number = f.orderNo.trim();
    if (number === '') {
      rowOrder[i] = orderCount++;
      continue;
    }
    let numbers = ordersByAccount.get(a);
    if (!numbers) {
      numbers = new Map();
      ordersByAccount.set(a, numbers);
    }
    let o = numbers.get(number);
    if (o === undefined) {
      o = orderCount++;
      numbers.set(number, o);
    }
    rowOrder[i] = o;
  }

  const perm = sortedOrder(rowAccount, rowDay, ids.length);
  const account = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const cost = new Float64Array(n);
  const order = new Int32Array(n);
  let costedRows = 0;
  for (let k = 0; k < n; k++) {
    const i = perm[k]!;
    const f = facts[i]!;
    account[k] = rowAccount[i]!;
    day[k] = rowDay[i]!;
    amount[k] = f.amountMinor;
    const c = f.costMinor;
    if (c === null || c === undefined) cost[k] = NaN;
    else {
      cost[k] = c;
      costedRows++;
    }
    order[k] = rowOrder[i]!;
  }
  return {
    count: n,
    account,
    day,
    amount,
    cost,
    costedRows,
    order,
    orderCount,
    accountIds,
    indexOf,
  };
}

/**
 * The rows dated fromDay … toDay (inclusive) as a table of their own: accounts without a row in
 * the window drop out and the rest are re-indexed densely (still ascending by id). Order indexes
 * are kept, so orderCount stays that of the whole table. One pass over typed arrays.
 */
export function sliceFactTable(table: FactTable, fromDay: number, toDay: number): FactTable {
  const { count, day } = table;
  let rows = 0;
  for (let i = 0; i < count; i++) if (day[i]! >= fromDay && day[i]! <= toDay) rows++;
  const account = new Int32Array(rows);
  const days = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const cost = new Float64Array(rows);
  const order = new Int32Array(rows);
  const ids: number[] = [];
  let costedRows = 0;
  let previous = -1;
  let k = 0;
  for (let i = 0; i < count; i++) {
    const d = day[i]!;
    if (d < fromDay || d > toDay) continue;
    const a = table.account[i]!;
    // Rows are sorted by account, so a new account index starts a new dense slot.
    if (a !== previous) {
      ids.push(table.accountIds[a]!);
      previous = a;
    }
    account[k] = ids.length - 1;
    days[k] = d;
    amount[k] = table.amount[i]!;
    cost[k] = table.cost[i]!;
    if (!Number.isNaN(cost[k])) costedRows++;
    order[k] = table.order[i]!;
    k++;
  }
  const accountIds = Int32Array.from(ids);
  const indexOf = new Map<number, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  return {
    count: rows,
    account,
    day: days,
    amount,
    cost,
    costedRows,
    order,
    orderCount: table.orderCount,
    accountIds,
    indexOf,
  };
}
