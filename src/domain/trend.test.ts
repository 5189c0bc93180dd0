import { describe, expect, it } from 'vitest';
import { monthlyRevenue } from './trend';
import type { OrderFact } from './types';

const f = (accountId: number, date: string, amountMinor: number): OrderFact => ({
  accountId,
  orderNo: '',
  date,
  amountMinor,
});

describe('monthlyRevenue', () => {
  const facts = [
    f(1, '2024-11-03', 1000),
    f(2, '2024-11-20', 500),
    f(1, '2025-01-05', 2000),
    f(1, '2025-01-09', -300),
    f(2, '2025-02-01', 700),
  ];

  it('sums net revenue per month and keeps empty months inside the range as zero', () => {
    expect(monthlyRevenue(facts)).toEqual([
      { month: '2024-11', revenueMinor: 1500 },
      { month: '2024-12', revenueMinor: 0 },
      { month: '2025-01', revenueMinor: 1700 },
      { month: '2025-02', revenueMinor: 700 },
    ]);
  });

  it('can be limited to some accounts', () => {
    expect(monthlyRevenue(facts, new Set([2]))).toEqual([
      { month: '2024-11', revenueMinor: 500 },
      { month: '2024-12', revenueMinor: 0 },
      { month: '2025-01', revenueMinor: 0 },
      { month: '2025-02', revenueMinor: 700 },
    ]);
  });

  it('is empty without orders', () => {
    expect(monthlyRevenue([])).toEqual([]);
    expect(monthlyRevenue(facts, new Set([9]))).toEqual([]);
  });
});
