// Orders in columns (typed arrays) with dense account and order indexes, built once when the data
// is loaded. Every recompute (other settings, another period) is then a tight loop over numbers:
// no objects, no strings, no Map lookups per row.
import { toDayNumber } from './date';
import type { OrderFact } from './types';

export interface FactTable {
  /** Rows. */
  count: number;
  /** Dense account index per row (0 … accounts − 1, in ascending account id order). */
  account: Int32Array;
  /** Day number (days since 1970-01-01) per row. */
  day: Int32Array;
  /** Amount in minor units per row (integers held exactly in doubles). */
  amount: Float64Array;
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

export function buildFactTable(facts: readonly OrderFact[]): FactTable {
  const n = facts.length;
  const ids = [...new Set(facts.map((f) => f.accountId))].sort((a, b) => a - b);
  const accountIds = Int32Array.from(ids);
  const indexOf = new Map<number, number>();
  ids.forEach((id, i) => indexOf.set(id, i));

  const account = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const order = new Int32Array(n);
  // Per account, order number → dense order index; dates repeat a lot, so parse each once.
  const ordersByAccount = new Map<number, Map<string, number>>();
  const dayOf = new Map<string, number>();
  let orderCount = 0;
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    const a = indexOf.get(f.accountId)!;
    account[i] = a;
    let d = dayOf.get(f.date);
    if (d === undefined) {
      d = toDayNumber(f.date);
      dayOf.set(f.date, d);
    }
    day[i] = d;
    amount[i] = f.amountMinor;
    const number = f.orderNo.trim();
    if (number === '') {
      order[i] = orderCount++;
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
    order[i] = o;
  }
  return { count: n, account, day, amount, order, orderCount, accountIds, indexOf };
}
