// Revenue per calendar month, for the trend chart. Months without orders inside the range are
// kept as zero so the line does not jump over gaps.
import type { MinorUnits, OrderFact } from './types';

export interface MonthRevenue {
  /** `YYYY-MM`. */
  month: string;
  revenueMinor: MinorUnits;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** Net revenue per month from the first to the last month with orders (`accountIds` filters). */
export function monthlyRevenue(
  facts: readonly OrderFact[],
  accountIds?: ReadonlySet<number>,
): MonthRevenue[] {
  const totals = new Map<string, number>();
  for (const f of facts) {
    if (accountIds && !accountIds.has(f.accountId)) continue;
    const month = f.date.slice(0, 7);
    totals.set(month, (totals.get(month) ?? 0) + f.amountMinor);
  }
  if (totals.size === 0) return [];
  const months = [...totals.keys()].sort();
  const result: MonthRevenue[] = [];
  for (let m = months[0]!; m <= months[months.length - 1]!; m = nextMonth(m)) {
    result.push({ month: m, revenueMinor: totals.get(m) ?? 0 });
  }
  return result;
}
