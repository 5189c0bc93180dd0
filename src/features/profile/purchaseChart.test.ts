import { describe, expect, it } from 'vitest';
import { monthlyRevenue, revenueChart, type MonthRevenue } from './purchaseChart';

const o = (date: string, amountMinor: number) => ({ date, amountMinor });
const m = (month: string, revenueMinor: number, orders: number): MonthRevenue => ({
  month,
  revenueMinor,
  orders,
});

describe('monthlyRevenue', () => {
  it.each<[string, ReturnType<typeof o>[], number | undefined, MonthRevenue[]]>([
    ['no orders', [], undefined, []],
    ['one order', [o('2025-03-14', 500)], undefined, [m('2025-03', 500, 1)]],
    [
      'sums a month, fills the gaps, any input order',
      [o('2025-03-31', 100), o('2024-12-01', 40), o('2025-03-01', 250)],
      undefined,
      [m('2024-12', 40, 1), m('2025-01', 0, 0), m('2025-02', 0, 0), m('2025-03', 350, 2)],
    ],
    [
      'keeps only the latest months',
      [o('2020-01-05', 1), o('2025-02-10', 7), o('2025-01-10', 3)],
      3,
      [m('2024-12', 0, 0), m('2025-01', 3, 1), m('2025-02', 7, 1)],
    ],
    [
      'credit notes lower a month',
      [o('2025-05-02', 1000), o('2025-05-20', -300)],
      undefined,
      [m('2025-05', 700, 2)],
    ],
  ])('%s', (_label, orders, max, expected) => {
    expect(monthlyRevenue(orders, max)).toEqual(expected);
  });

  it('stays bounded for data spanning centuries', () => {
    expect(monthlyRevenue([o('1900-01-01', 1), o('2025-01-01', 1)])).toHaveLength(60);
  });
});

describe('revenueChart', () => {
  const labels = {
    revenue: 'Revenue',
    month: (month: string) => `M${month}`,
    money: (minor: number) => `¥${minor / 100}`,
    compactMoney: (minor: number) => `¥${minor / 100}k`,
  };

  it('one bar per month with formatted labels, ticks and tooltips', () => {
    const model = revenueChart([m('2025-01', 12300, 2), m('2025-02', 0, 0)], labels);
    expect(model.data.labels).toEqual(['M2025-01', 'M2025-02']);
    expect(model.data.datasets[0]!.data).toEqual([12300, 0]);
    expect(model.data.datasets[0]!.label).toBe('Revenue');
    const y = model.options.scales?.y as { ticks: { callback: (v: number) => string } };
    expect(y.ticks.callback(5000)).toBe('¥50k');
    const tooltip = model.options.plugins?.tooltip?.callbacks?.label as unknown as (item: {
      raw: number;
    }) => string;
    expect(tooltip({ raw: 12300 })).toBe('Revenue: ¥123');
  });
});
