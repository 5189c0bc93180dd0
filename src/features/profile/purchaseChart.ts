// Purchase history chart model: orders in, Chart.js data/options out (unit-tested apart from views).
import type { ChartData, ChartOptions } from 'chart.js';
import { COLORS } from '../analytics/chartModels';

export interface MonthRevenue {
  /** YYYY-MM. */
  month: string;
  revenueMinor: number;
  orders: number;
}

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * Revenue per calendar month, oldest first, every month from the first order's to the last
 * order's (months without orders show as 0, so gaps are visible). At most `maxMonths`, the latest.
 */
export function monthlyRevenue(
  orders: readonly { date: string; amountMinor: number }[],
  maxMonths = 60,
): MonthRevenue[] {
  const byMonth = new Map<string, MonthRevenue>();
  for (const o of orders) {
    const month = o.date.slice(0, 7);
    const row = byMonth.get(month) ?? { month, revenueMinor: 0, orders: 0 };
    row.revenueMinor += o.amountMinor;
    row.orders += 1;
    byMonth.set(month, row);
  }
  if (byMonth.size === 0) return [];
  const keys = [...byMonth.keys()].sort();
  const [lastYear, lastMonth] = keys[keys.length - 1]!.split('-').map(Number) as [number, number];
  const first = keys[0]!;
  const out: MonthRevenue[] = [];
  let year = lastYear;
  let month = lastMonth;
  // Walk back from the last month: bounded by maxMonths whatever dates the data holds.
  while (out.length < maxMonths) {
    const key = monthKey(year, month);
    out.push(byMonth.get(key) ?? { month: key, revenueMinor: 0, orders: 0 });
    if (key <= first) break;
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out.reverse();
}

export interface RevenueChartLabels {
  revenue: string;
  /** "2025-03" → "Mar 2025" in the user's language. */
  month: (month: string) => string;
  money: (minor: number) => string;
  compactMoney: (minor: number) => string;
}

export interface RevenueChartModel {
  data: ChartData<'bar'>;
  options: ChartOptions<'bar'>;
}

export function revenueChart(
  months: readonly MonthRevenue[],
  labels: RevenueChartLabels,
): RevenueChartModel {
  return {
    data: {
      labels: months.map((m) => labels.month(m.month)),
      datasets: [
        {
          label: labels.revenue,
          data: months.map((m) => m.revenueMinor),
          backgroundColor: COLORS.line,
          categoryPercentage: 0.9,
          barPercentage: 0.9,
        },
      ],
    },
    options: {
      responsive: true,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: { label: (item) => `${labels.revenue}: ${labels.money(Number(item.raw))}` },
        },
      },
      scales: {
        x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
        y: {
          beginAtZero: true,
          grid: { color: COLORS.grid },
          ticks: { callback: (value) => labels.compactMoney(Number(value)) },
        },
      },
    },
  };
}
