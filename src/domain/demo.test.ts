import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isIsoDate } from './date';
import { generateDemo, mulberry32 } from './demo';
import { normalizeAccountKey } from './normalize';
import { computePareto } from './pareto';

const demo = generateDemo();
const HAN = /[\u4e00-\u9fff]/;

function revenueByAccount(): Map<string, number> {
  const rev = new Map<string, number>();
  for (const o of demo.orders) rev.set(o.accountKey, (rev.get(o.accountKey) ?? 0) + o.amountMinor);
  return rev;
}

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(2)()).not.toBe(xs[0]);
  });
});

describe('generateDemo', () => {
  it('is deterministic per seed', () => {
    expect(generateDemo()).toEqual(demo);
    const other = generateDemo({ seed: 7 });
    expect(other.accounts.map((a) => a.name)).not.toEqual(demo.accounts.map((a) => a.name));
    expect(other.orders.length).not.toBe(demo.orders.length);
  });

  it('makes 300 accounts and about 20,000 orders by default', () => {
    expect(demo.accounts).toHaveLength(300);
    expect(demo.orders.length).toBeGreaterThanOrEqual(17_000);
    expect(demo.orders.length).toBeLessThanOrEqual(23_000);
    expect(generateDemo({ accountCount: 40, seed: 3 }).accounts).toHaveLength(40);
    expect(generateDemo({ accountCount: 0 })).toEqual({ accounts: [], orders: [] });
  });

  it('runs well under 300 ms', () => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      generateDemo({ seed: i });
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(300);
  });

  it('gives unique names and keys, mixing Chinese and English', () => {
    const names = demo.accounts.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(demo.accounts.map((a) => a.key)).size).toBe(names.length);
    for (const a of demo.accounts) expect(a.key).toBe(normalizeAccountKey(a.name));
    const chinese = names.filter((n) => HAN.test(n));
    expect(chinese.length).toBeGreaterThan(150);
    expect(chinese.every((n) => n.endsWith('有限公司'))).toBe(true);
    expect(names.length - chinese.length).toBeGreaterThan(30);
    expect(demo.accounts.every((a) => a.tier === '')).toBe(true);
    const owners = new Set(demo.accounts.map((a) => a.owner));
    expect(owners.size).toBeGreaterThanOrEqual(4);
    expect([...owners].some((o) => HAN.test(o)) && [...owners].some((o) => !HAN.test(o))).toBe(
      true,
    );
    expect(new Set(demo.accounts.map((a) => a.region))).toEqual(
      new Set(['East', 'North', 'South', 'West', 'Central']),
    );
    expect(new Set(demo.accounts.map((a) => a.industry)).size).toBe(8);
  });

  it('covers three years ending at endDate, sorted by date, with unique order numbers', () => {
    const dates = demo.orders.map((o) => o.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]! >= '2023-11-01').toBe(true);
    expect(dates.at(-1)! <= '2026-10-31').toBe(true);
    expect(dates.at(-1)! >= '2026-10-01').toBe(true);
    const numbers = demo.orders.map((o) => o.orderNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => /^(SO|RT)-20\d\d-\d{6}$/.test(n))).toBe(true);
    const keys = new Set(demo.accounts.map((a) => a.key));
    expect(demo.orders.every((o) => keys.has(o.accountKey))).toBe(true);
    expect(new Set(demo.orders.map((o) => o.accountKey)).size).toBe(300);
    expect(new Set(demo.orders.map((o) => o.product)).size).toBe(12);
  });

  it('uses integer fen from a few hundred to hundreds of thousands of yuan, few returns', () => {
    const sales = demo.orders.filter((o) => o.amountMinor > 0).map((o) => o.amountMinor);
    expect(demo.orders.every((o) => Number.isSafeInteger(o.amountMinor))).toBe(true);
    expect(Math.min(...sales)).toBeLessThan(100_000); // < 1,000 yuan
    expect(Math.max(...sales)).toBeGreaterThan(10_000_000); // > 100,000 yuan
    const returns = demo.orders.filter((o) => o.amountMinor < 0);
    expect(returns.length).toBeGreaterThan(0);
    expect(returns.length).toBeLessThan(demo.orders.length * 0.02);
    expect(returns.every((o) => o.orderNo.startsWith('RT-') && o.quantity < 0)).toBe(true);
  });

  it('is skewed: 12–30% of accounts make 80% of revenue', () => {
    const rev = revenueByAccount();
    const pareto = computePareto(
      demo.accounts.map((a, i) => ({ accountId: i, valueMinor: rev.get(a.key) ?? 0 })),
    );
    expect(pareto.shareOfAccountsForA).toBeGreaterThanOrEqual(0.12);
    expect(pareto.shareOfAccountsForA).toBeLessThanOrEqual(0.3);
  });

  it('has churned, new and declining accounts and a Q4 peak', () => {
    const end = '2026-10-31';
    const first = new Map<string, string>();
    const last = new Map<string, string>();
    for (const o of demo.orders) {
      if (o.amountMinor < 0) continue;
      if (!first.has(o.accountKey)) first.set(o.accountKey, o.date);
      last.set(o.accountKey, o.date);
    }
    const silent = [...last.values()].filter((d) => daysBetween(d, end) > 180).length;
    const fresh = [...first.values()].filter((d) => d > addMonths(end, -6)).length;
    expect(silent).toBeGreaterThanOrEqual(15);
    expect(fresh).toBeGreaterThanOrEqual(15);

    // Declining: last 12 months clearly below the 12 before, yet still buying.
    const yearRev = (key: string, from: string, to: string): number =>
      demo.orders
        .filter((o) => o.accountKey === key && o.date > from && o.date <= to)
        .reduce((s, o) => s + o.amountMinor, 0);
    const declining = demo.accounts.filter((a) => {
      const recent = yearRev(a.key, '2025-10-31', end);
      const before = yearRev(a.key, '2024-10-31', '2025-10-31');
      return recent > 0 && recent < before * 0.6;
    });
    expect(declining.length).toBeGreaterThanOrEqual(5);

    const byQuarter = [0, 0, 0, 0];
    for (const o of demo.orders) {
      if (o.date >= '2024-01-01' && o.date <= '2025-12-31') {
        byQuarter[Math.floor((Number(o.date.slice(5, 7)) - 1) / 3)]! += 1;
      }
    }
    expect(byQuarter[3]!).toBe(Math.max(...byQuarter));
  });

  it('honours endDate and rejects bad options', () => {
    const small = generateDemo({ accountCount: 20, endDate: '2025-06-15', seed: 5 });
    expect(small.orders.at(-1)!.date <= '2025-06-15').toBe(true);
    expect(small.orders[0]!.date >= '2022-06-16').toBe(true);
    expect(() => generateDemo({ endDate: '2025-02-30' })).toThrow(RangeError);
    expect(() => generateDemo({ accountCount: -1 })).toThrow(RangeError);
  });
});

describe('generateDemo costs', () => {
  const { orders } = generateDemo({ accountCount: 40 });

  it('gives every line a cost below its amount for sales and above it (less negative) for returns', () => {
    for (const o of orders) {
      expect(Number.isInteger(o.costMinor)).toBe(true);
      if (o.amountMinor > 0) {
        expect(o.costMinor).toBeGreaterThan(0);
        expect(o.costMinor).toBeLessThan(o.amountMinor);
      } else if (o.amountMinor < 0) expect(o.costMinor).toBeLessThan(0);
    }
  });

  it('makes margins differ between accounts (discounts and product mix), so ranking by margin means something', () => {
    const byAccount = new Map<string, { amount: number; cost: number }>();
    for (const o of orders) {
      const row = byAccount.get(o.accountKey) ?? { amount: 0, cost: 0 };
      row.amount += o.amountMinor;
      row.cost += o.costMinor;
      byAccount.set(o.accountKey, row);
    }
    const rates = [...byAccount.values()]
      .filter((r) => r.amount > 0)
      .map((r) => (r.amount - r.cost) / r.amount);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
  });
});
