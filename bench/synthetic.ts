// The order skeleton both benchmarks generate: lines per order, a heavy-tailed customer per order
// and a day per order, in date order. Seeded, so every run and machine sees the same data.

export interface SyntheticOrders {
  /** Lines (rows) of each order; they add up to exactly the rows asked for. */
  linesPerOrder: number[];
  /** 0-based customer of each order: the first `accounts` orders cover every customer once. */
  orderAccount: Int32Array;
  /** Day of each order, 0 … days − 1. */
  orderDay: Int32Array;
  /** Order indexes sorted by day (a counting sort). */
  byDate: Int32Array;
}

/**
 * Customers get a Pareto weight (shape `alpha`; 1.16 is the classic "20 % of customers make 80 %
 * of sales") and orders are drawn through a cumulative table and a binary search.
 */
export function syntheticOrders(
  rand: () => number,
  rows: number,
  accounts: number,
  days: number,
  alpha = 1.16,
): SyntheticOrders {
  const linesPerOrder: number[] = [];
  for (let total = 0; total < rows;) {
    const lines = Math.min(1 + Math.floor(rand() * 4), rows - total);
    linesPerOrder.push(lines);
    total += lines;
  }
  const orders = linesPerOrder.length;

  const cumulative = new Float64Array(accounts);
  let totalWeight = 0;
  for (let i = 0; i < accounts; i++) {
    totalWeight += Math.pow(1 - rand(), -1 / alpha);
    cumulative[i] = totalWeight;
  }
  const orderAccount = new Int32Array(orders);
  for (let k = 0; k < orders; k++) {
    if (k < accounts) {
      orderAccount[k] = k;
      continue;
    }
    const x = rand() * totalWeight;
    let lo = 0;
    let hi = accounts - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    orderAccount[k] = lo;
  }

  const orderDay = new Int32Array(orders);
  const perDay = new Int32Array(days + 1);
  for (let k = 0; k < orders; k++) {
    const day = Math.floor(rand() * days);
    orderDay[k] = day;
    perDay[day + 1]! += 1;
  }
  for (let d = 1; d <= days; d++) perDay[d]! += perDay[d - 1]!;
  const byDate = new Int32Array(orders);
  for (let k = 0; k < orders; k++) byDate[perDay[orderDay[k]!]!++] = k;

  return { linesPerOrder, orderAccount, orderDay, byDate };
}
