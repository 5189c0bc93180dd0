import { describe, expect, it } from 'vitest';
import { annualFinancials } from './financial';
import type { OrderFact } from './types';

const o = (orderNo: string, date: string, amountMinor: number): OrderFact => ({
  accountId: 7,
  orderNo,
  date,
  amountMinor,
});

// One account over four fiscal years.
const orders: OrderFact[] = [
  o('SO-1', '2022-05-10', 100_000),
  o('SO-2', '2023-03-31', 50_000),
  o('SO-3', '2023-04-01', 200_000),
  o('SO-4', '2024-03-15', 100_000),
  o('SO-5', '2024-04-01', 150_000),
  o('SO-5', '2024-04-01', 50_000), // second line of SO-5
  o('SO-6', '2024-12-20', 200_000),
  o('RT-1', '2025-02-01', -30_000), // return: nets revenue, not an order
  o('', '2025-03-31', 30_001), // no order number: counts as its own order
  o('SO-7', '2025-04-01', 999_999),
];

describe('annualFinancials', () => {
  it('uses fiscal years starting in April', () => {
    // FY2024 = 2024-04-01..2025-03-31: 150,000 + 50,000 + 200,000 − 30,000 + 30,001.
    // FY2023: SO-3 + SO-4; FY2022: SO-1 + SO-2.
    const fy = annualFinancials(orders, 2024, 4);
    expect(fy).toEqual({
      year: 2024,
      revenueMinor: 400_001,
      prevRevenueMinor: 300_000,
      twoYearsAgoRevenueMinor: 150_000,
      growth: 100_001 / 300_000,
      orderCount: 3, // SO-5, SO-6, the unnumbered row
      prevOrderCount: 2,
      averageOrderMinor: 133_334, // 400,001 / 3 = 133,333.67
    });
  });

  it('uses calendar years by default', () => {
    // 2024: SO-4, SO-5 (two lines), SO-6; 2023: SO-2, SO-3; 2022: SO-1.
    expect(annualFinancials(orders, 2024)).toEqual({
      year: 2024,
      revenueMinor: 500_000,
      prevRevenueMinor: 250_000,
      twoYearsAgoRevenueMinor: 100_000,
      growth: 1,
      orderCount: 3,
      prevOrderCount: 2,
      averageOrderMinor: 166_667, // 500,000 / 3 = 166,666.67
    });
  });

  it('returns null growth without a positive previous year, null average without orders', () => {
    const fy2022 = annualFinancials(orders, 2022, 4);
    expect(fy2022).toMatchObject({
      revenueMinor: 150_000,
      prevRevenueMinor: 0,
      twoYearsAgoRevenueMinor: 0,
      growth: null,
      orderCount: 2,
      averageOrderMinor: 75_000,
    });
    const empty = annualFinancials(orders, 2030, 4);
    expect(empty).toMatchObject({
      revenueMinor: 0,
      orderCount: 0,
      growth: null,
      averageOrderMinor: null,
    });
    const onlyReturn = annualFinancials([o('RT-2', '2024-05-01', -100)], 2024);
    expect(onlyReturn).toMatchObject({
      revenueMinor: -100,
      orderCount: 0,
      averageOrderMinor: null,
    });
  });

  it('reports a decline as negative growth and rounds negative averages away from zero', () => {
    const falling = [
      o('A', '2023-06-01', 1_000),
      o('B', '2024-06-01', 250),
      o('C', '2024-07-01', -255),
    ];
    // 2024: 250 − 255 = −5 over one order (C is a return); growth (−5 − 1,000) / 1,000.
    expect(annualFinancials(falling, 2024)).toMatchObject({
      revenueMinor: -5,
      growth: -1.005,
      orderCount: 1,
      averageOrderMinor: -5,
    });
    const halves = [o('A', '2024-01-01', -3), o('B', '2024-01-02', 0), o('C', '2024-01-03', 0)];
    // −3 / 2 orders = −1.5 → −2.
    expect(annualFinancials(halves, 2024).averageOrderMinor).toBe(-2);
  });
});
