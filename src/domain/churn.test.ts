import { describe, expect, it } from 'vitest';
import {
  checkChurnSettings,
  churnByAccount,
  churnRisk,
  DEFAULT_CHURN_SETTINGS,
  usualInterval,
  type ChurnRisk,
  type ChurnSettings,
} from './churn';
import type { OrderFact } from './types';

const fact = (date: string, amountMinor: number, accountId = 1, orderNo = ''): OrderFact => ({
  accountId,
  orderNo,
  date,
  amountMinor,
});

describe('usualInterval', () => {
  it.each([
    ['no dates', [], null],
    ['one date', ['2024-01-01'], null],
    ['one day twice', ['2024-01-01', '2024-01-01'], null],
    ['one gap', ['2024-01-01', '2024-01-11'], 10],
    // Distinct days 01-01, 01-31, 03-01 (leap February): gaps 30, 30.
    ['unsorted, repeated day', ['2024-03-01', '2024-01-01', '2024-01-31', '2024-01-01'], 30],
    // Gaps 10, 3, 47 → median 10.
    ['odd number of gaps', ['2024-01-01', '2024-01-11', '2024-01-14', '2024-03-01'], 10],
    // Gaps 3, 8 → 5.5 → 6.
    ['even, rounds half up', ['2024-01-01', '2024-01-04', '2024-01-12'], 6],
    // Gaps 1, 3, 10, 30 → (3 + 10) / 2 = 6.5 → 7.
    ['four gaps', ['2024-01-01', '2024-01-02', '2024-01-05', '2024-01-15', '2024-02-14'], 7],
    // Gaps 7, 7, 7, 344: one long pause does not redefine a weekly rhythm.
    ['one long pause', ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-12-31'], 7],
  ])('%s → %s', (_label, dates, expected) => {
    expect(usualInterval(dates)).toBe(expected);
  });
});

describe('checkChurnSettings', () => {
  it.each([
    [{}, { ok: true, value: { k: 2, dropShare: 0.3 } }],
    [{ k: 3 }, { ok: true, value: { k: 3, dropShare: 0.3 } }],
    [
      { k: 1.5, dropShare: 0.5 },
      { ok: true, value: { k: 1.5, dropShare: 0.5 } },
    ],
    [{ dropShare: 0 }, { ok: true, value: { k: 2, dropShare: 0 } }],
    [{ k: 0 }, { ok: false, reason: 'k_not_positive' }],
    [{ k: -1 }, { ok: false, reason: 'k_not_positive' }],
    [{ k: Number.NaN }, { ok: false, reason: 'k_not_positive' }],
    [{ k: Number.POSITIVE_INFINITY }, { ok: false, reason: 'k_not_positive' }],
    [{ dropShare: 1 }, { ok: false, reason: 'drop_share_out_of_range' }],
    [{ dropShare: -0.1 }, { ok: false, reason: 'drop_share_out_of_range' }],
  ] as [Partial<ChurnSettings>, unknown][])('%j', (input, expected) => {
    expect(checkChurnSettings(input)).toEqual(expected);
  });

  it('defaults are k = 2 and a 30% drop', () => {
    expect(DEFAULT_CHURN_SETTINGS).toEqual({ k: 2, dropShare: 0.3 });
  });
});

const risk = (
  recencyDays: number | null,
  intervalDays: number | null,
  revenueThisYearMinor: number,
  revenueLastYearMinor: number,
  reasons: ChurnRisk['reasons'] = [],
): ChurnRisk => ({
  atRisk: reasons.length > 0,
  reasons,
  recencyDays,
  intervalDays,
  revenueThisYearMinor,
  revenueLastYearMinor,
});

describe('churnRisk', () => {
  // asOf 2024-12-31: this year is 2024-01-01 … 2024-12-31, last year 2023-01-01 … 2023-12-31.
  const asOf = '2024-12-31';

  it.each([
    ['no facts', [], risk(null, null, 0, 0)],
    ['one purchase: no rhythm yet', [fact('2024-12-01', 1000)], risk(30, null, 1000, 0)],
    [
      // Gaps 31, 29, 31 → 31; 04-01 → 12-31 is 274 days > 2 × 31.
      'monthly buyer gone quiet',
      [
        fact('2024-01-01', 1000),
        fact('2024-02-01', 1000),
        fact('2024-03-01', 1000),
        fact('2024-04-01', 1000),
      ],
      risk(274, 31, 4000, 0, [{ kind: 'overdue', recencyDays: 274, intervalDays: 31, k: 2 }]),
    ],
    [
      'recency exactly k × interval is not overdue',
      [fact('2024-12-01', 500), fact('2024-12-11', 500)],
      risk(20, 10, 1000, 0),
    ],
    [
      'one day past k × interval',
      [fact('2024-11-30', 500), fact('2024-12-10', 500)],
      risk(21, 10, 1000, 0, [{ kind: 'overdue', recencyDays: 21, intervalDays: 10, k: 2 }]),
    ],
    [
      // 10000 → 5500 is a 45% drop; gap 366 days (leap day), recency 213.
      'revenue down 45%',
      [fact('2023-06-01', 10000), fact('2024-06-01', 5500)],
      risk(213, 366, 5500, 10000, [{ kind: 'revenue_drop', share: 0.45 }]),
    ],
    [
      'revenue down exactly 30% is not flagged',
      [fact('2023-06-01', 10000), fact('2024-06-01', 7000)],
      risk(213, 366, 7000, 10000),
    ],
    [
      'revenue up',
      [fact('2023-06-01', 10000), fact('2024-06-01', 12000)],
      risk(213, 366, 12000, 10000),
    ],
    [
      // This year nets to 3000 − 5000 = −2000: (10000 − (−2000)) / 10000 = 1.2.
      // Purchases 2023-03-01 and 2024-02-01: 337 days apart; recency 334.
      'returns net this year below zero',
      [fact('2023-03-01', 10000), fact('2024-02-01', 3000), fact('2024-03-01', -5000)],
      risk(334, 337, -2000, 10000, [{ kind: 'revenue_drop', share: 1.2 }]),
    ],
    [
      // Last year nets to 1000 − 1500 = −500: nothing to lose. The return is no purchase, so the
      // only gap is 2023-05-01 → 2024-12-20 = 366 + 214 (May–Nov) + 19 = 599 days.
      'a drop from a negative year is no drop',
      [fact('2023-05-01', 1000), fact('2023-05-10', -1500), fact('2024-12-20', 100)],
      risk(11, 599, 100, -500),
    ],
    [
      // Gaps 31, 30, 31 → 31; recency 365 > 62; 15000 → 1000.
      'overdue and falling',
      [
        fact('2023-10-01', 5000),
        fact('2023-11-01', 5000),
        fact('2023-12-01', 5000),
        fact('2024-01-01', 1000),
      ],
      risk(365, 31, 1000, 15000, [
        { kind: 'overdue', recencyDays: 365, intervalDays: 31, k: 2 },
        { kind: 'revenue_drop', share: 14000 / 15000 },
      ]),
    ],
    [
      'facts after asOf are ignored',
      [fact('2024-12-01', 500), fact('2024-12-11', 500), fact('2025-01-05', 9999)],
      risk(20, 10, 1000, 0),
    ],
    [
      'a zero line is no purchase',
      [fact('2024-06-01', 1000), fact('2024-12-30', 0)],
      risk(213, null, 1000, 0),
    ],
    ['returns only', [fact('2024-05-01', -300)], risk(null, null, -300, 0)],
    [
      // Older than two years: outside both revenue windows, still sets the rhythm.
      // 2022-07-01 → 2024-12-31 is 365 + 366 + 183 = 914 days.
      'old purchases still set the rhythm',
      [fact('2022-06-01', 100), fact('2022-07-01', 100)],
      risk(914, 30, 0, 0, [{ kind: 'overdue', recencyDays: 914, intervalDays: 30, k: 2 }]),
    ],
    [
      'several orders on one day count once',
      [fact('2024-12-01', 100, 1, 'a'), fact('2024-12-01', 200, 1, 'b'), fact('2024-12-11', 300)],
      risk(20, 10, 600, 0),
    ],
  ] as [string, OrderFact[], ChurnRisk][])('%s', (_label, facts, expected) => {
    expect(churnRisk(facts, asOf, DEFAULT_CHURN_SETTINGS)).toEqual(expected);
  });

  it('compares trailing twelve months when asOf is mid-year', () => {
    // This year 2023-06-16 … 2024-06-15, last year 2022-06-16 … 2023-06-15.
    // Last year 1000 + 1000 = 2000, this year 500 + 100 = 600: (2000 − 600) / 2000 = 0.7.
    // Gaps 1, 364, 1, 365 → (1 + 364) / 2 = 182.5 → 183.
    const facts = [
      fact('2022-06-15', 7777),
      fact('2022-06-16', 1000),
      fact('2023-06-15', 1000),
      fact('2023-06-16', 500),
      fact('2024-06-15', 100),
    ];
    expect(churnRisk(facts, '2024-06-15', DEFAULT_CHURN_SETTINGS)).toEqual(
      risk(0, 183, 600, 2000, [{ kind: 'revenue_drop', share: 0.7 }]),
    );
  });

  it.each([
    ['k 3 tolerates a 21-day gap after a 10-day rhythm', { k: 3, dropShare: 0.3 }, false],
    ['k 2 does not', { k: 2, dropShare: 0.3 }, true],
  ])('%s', (_label, settings, atRisk) => {
    const facts = [fact('2024-11-30', 500), fact('2024-12-10', 500)];
    expect(churnRisk(facts, asOf, settings).atRisk).toBe(atRisk);
  });

  it.each([
    [0.5, []],
    [0.4, [{ kind: 'revenue_drop', share: 0.45 }]],
  ])('dropShare %s on a 45%% drop', (dropShare, reasons) => {
    const facts = [fact('2023-06-01', 10000), fact('2024-06-01', 5500)];
    expect(churnRisk(facts, asOf, { k: 2, dropShare }).reasons).toEqual(reasons);
  });
});

describe('churnByAccount', () => {
  const asOf = '2024-12-31';
  const facts = [
    fact('2024-01-01', 1000, 2),
    fact('2023-06-01', 10000, 1),
    fact('2024-02-01', 1000, 2),
    fact('2024-06-01', 5500, 1),
    fact('2024-12-20', 700, 3),
  ];

  it('gives each account the same answer as churnRisk on its own facts', () => {
    const result = churnByAccount(facts, asOf, DEFAULT_CHURN_SETTINGS);
    expect([...result.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3]);
    for (const id of [1, 2, 3]) {
      const own = facts.filter((f) => f.accountId === id);
      expect(result.get(id)).toEqual(churnRisk(own, asOf, DEFAULT_CHURN_SETTINGS));
    }
  });

  it.each([
    [1, true],
    // Gap 31, recency 2024-02-01 → 12-31 = 334 > 62.
    [2, true],
    [3, false],
  ])('account %i at risk: %s', (id, atRisk) => {
    expect(churnByAccount(facts, asOf, DEFAULT_CHURN_SETTINGS).get(id)?.atRisk).toBe(atRisk);
  });

  it('is empty for no facts', () => {
    expect(churnByAccount([], asOf, DEFAULT_CHURN_SETTINGS).size).toBe(0);
  });
});
