import { describe, expect, it } from 'vitest';
import { settingsFrom, type AnalysisSettings } from './analysisSettings';
import { churnRisk } from './churn';
import { compareYearOverYear } from './compare';
import { fromDayNumber, toDayNumber } from './date';
import { mulberry32 } from './demo';
import { computeAnalysis } from './engine';
import { buildFactTable } from './factTable';
import { factsIn, growthByAccount, setChanges, type Period } from './periods';
import {
  buildReport,
  CHURN_DROP,
  CHURN_OVERDUE,
  comparisonPeriod,
  countSelected,
  reportIndex,
  NONE_U8,
  resolveWindow,
  selectionTrend,
  type AnalysisReport,
} from './report';
import type { OrderFact } from './types';
import { historicalClv, relationshipDays } from './wallet';

const context = { fiscalYearStartMonth: 1 };
const settings = (change: Partial<AnalysisSettings> = {}): AnalysisSettings =>
  settingsFrom({ ...change });
const period = (start: string, end: string): Period => ({ start, end });

/**
 * Orders from 2022-03-01 to 2025-03-31 with returns, zero lines, blank order numbers, partly
 * known costs, and skewed account sizes (a few big accounts, a long tail of small ones).
 */
function generate(seed: number, rows: number, accounts: number): OrderFact[] {
  const rand = mulberry32(seed);
  const start = toDayNumber('2022-03-01');
  const span = toDayNumber('2025-03-31') - start + 1;
  const facts: OrderFact[] = [];
  for (let i = 0; i < rows; i++) {
    const accountId = 100 + Math.floor(rand() * rand() * accounts) * 7;
    const kind = rand();
    const amountMinor =
      kind < 0.08
        ? -Math.floor(rand() * 50) * 1000
        : kind < 0.1
          ? 0
          : Math.floor(rand() * 20) * 1000;
    facts.push({
      accountId,
      orderNo: rand() < 0.1 ? '' : `SO-${Math.floor(rand() * rows * 0.4)}`,
      // An account's orders bunch into part of the span, so some accounts stop or start late.
      date: fromDayNumber(
        start + Math.floor(rand() * span * (0.3 + ((accountId * 37) % 70) / 100)),
      ),
      amountMinor,
      costMinor: rand() < 0.5 ? Math.round(amountMinor * 0.6) : null,
    });
  }
  // Two odd accounts: one with only returns, one that only ever bought on one day.
  facts.push({ accountId: 7, orderNo: 'R', date: '2024-11-02', amountMinor: -5000 });
  facts.push({ accountId: 9, orderNo: 'X', date: '2025-01-15', amountMinor: 3000 });
  return facts;
}

function byAccount(facts: readonly OrderFact[]): Map<number, OrderFact[]> {
  const out = new Map<number, OrderFact[]>();
  for (const f of facts) out.set(f.accountId, [...(out.get(f.accountId) ?? []), f]);
  return out;
}

const latestOf = (facts: readonly OrderFact[]): string =>
  facts.reduce((d, f) => (f.date > d ? f.date : d), '');

/** Value at an account id (via the report's dense index). */
const at = <T>(report: AnalysisReport, column: ArrayLike<T>, id: number): T =>
  column[report.accountIds.indexOf(id)]!;

describe('resolveWindow', () => {
  const earliest = '2022-03-10';
  const latest = '2025-06-15';
  it.each<[string, Partial<AnalysisSettings>, number, Period, string]>([
    ['trailing12, as of the latest order', {}, 1, period('2024-06-16', '2025-06-15'), latest],
    [
      'trailing12, as of a date',
      { asOf: '2024-12-31' },
      1,
      period('2024-01-01', '2024-12-31'),
      '2024-12-31',
    ],
    [
      'trailing12, as of a leap day',
      { asOf: '2024-02-29' },
      1,
      period('2023-03-01', '2024-02-29'),
      '2024-02-29',
    ],
    ['all', { window: { kind: 'all' } }, 1, period(earliest, latest), latest],
    [
      'all, as of a date',
      { window: { kind: 'all' }, asOf: '2023-01-31' },
      1,
      period(earliest, '2023-01-31'),
      '2023-01-31',
    ],
    [
      'all, as of a date before the first order',
      { window: { kind: 'all' }, asOf: '2021-12-31' },
      1,
      period('2021-12-31', '2021-12-31'),
      '2021-12-31',
    ],
    // A past fiscal year is seen from its last day.
    [
      'past fiscal year',
      { window: { kind: 'fiscalYear', year: 2023 } },
      1,
      period('2023-01-01', '2023-12-31'),
      '2023-12-31',
    ],
    // The current one from the latest order, and the window ends there.
    [
      'current fiscal year',
      { window: { kind: 'fiscalYear', year: 2025 } },
      1,
      period('2025-01-01', latest),
      latest,
    ],
    [
      'past fiscal year from April',
      { window: { kind: 'fiscalYear', year: 2024 } },
      4,
      period('2024-04-01', '2025-03-31'),
      '2025-03-31',
    ],
    [
      'current fiscal year from April',
      { window: { kind: 'fiscalYear', year: 2025 } },
      4,
      period('2025-04-01', latest),
      latest,
    ],
    [
      'fiscal year from April, as of a date inside it',
      { window: { kind: 'fiscalYear', year: 2023 }, asOf: '2023-09-30' },
      4,
      period('2023-04-01', '2023-09-30'),
      '2023-09-30',
    ],
    [
      'fiscal year, as of a date after it',
      { window: { kind: 'fiscalYear', year: 2023 }, asOf: '2024-06-30' },
      1,
      period('2023-01-01', '2023-12-31'),
      '2024-06-30',
    ],
    [
      'past range',
      { window: { kind: 'range', start: '2024-03-01', end: '2024-05-31' } },
      1,
      period('2024-03-01', '2024-05-31'),
      '2024-05-31',
    ],
    [
      'range past the latest order',
      { window: { kind: 'range', start: '2025-01-01', end: '2025-12-31' } },
      1,
      period('2025-01-01', latest),
      latest,
    ],
    [
      'range, as of a date inside it',
      { window: { kind: 'range', start: '2024-01-01', end: '2024-12-31' }, asOf: '2024-07-04' },
      1,
      period('2024-01-01', '2024-07-04'),
      '2024-07-04',
    ],
    // A period after every order is seen from its last day, not from the latest order.
    [
      'fiscal year after every order',
      { window: { kind: 'fiscalYear', year: 2026 } },
      1,
      period('2026-01-01', '2026-12-31'),
      '2026-12-31',
    ],
    [
      'fiscal year from July, starting after the latest order',
      { window: { kind: 'fiscalYear', year: 2025 } },
      7,
      period('2025-07-01', '2026-06-30'),
      '2026-06-30',
    ],
    [
      'range after every order',
      { window: { kind: 'range', start: '2025-06-16', end: '2025-09-30' } },
      1,
      period('2025-06-16', '2025-09-30'),
      '2025-09-30',
    ],
    [
      'range starting on the latest order',
      { window: { kind: 'range', start: latest, end: '2025-09-30' } },
      1,
      period(latest, latest),
      latest,
    ],
    // An as-of date before the fiscal year keeps the user's cut-off; the window shrinks to it.
    [
      'fiscal year, as of a date before it',
      { window: { kind: 'fiscalYear', year: 2024 }, asOf: '2023-06-30' },
      1,
      period('2023-06-30', '2023-06-30'),
      '2023-06-30',
    ],
    [
      'fiscal year from April, as of the day before it',
      { window: { kind: 'fiscalYear', year: 2024 }, asOf: '2024-03-31' },
      4,
      period('2024-03-31', '2024-03-31'),
      '2024-03-31',
    ],
    [
      'fiscal year, as of its first day',
      { window: { kind: 'fiscalYear', year: 2024 }, asOf: '2024-01-01' },
      1,
      period('2024-01-01', '2024-01-01'),
      '2024-01-01',
    ],
  ])('%s', (_, change, fiscalYearStartMonth, window, asOf) => {
    const got = resolveWindow(settings(change), earliest, latest, { fiscalYearStartMonth });
    expect(got).toEqual({ window, asOf });
    // Never inverted, and never past the as-of date.
    expect(got.window.start <= got.window.end && got.window.end <= got.asOf).toBe(true);
  });
});

describe('comparisonPeriod', () => {
  const range = { kind: 'range', start: '2020-05-01', end: '2020-05-31' } as const;
  it.each<[AnalysisSettings['compareWith'], Period, Period]>([
    [{ kind: 'yearAgo' }, period('2024-06-16', '2025-06-15'), period('2023-06-16', '2024-06-15')],
    [{ kind: 'yearAgo' }, period('2025-01-01', '2025-03-31'), period('2024-01-01', '2024-03-31')],
    [{ kind: 'yearAgo' }, period('2023-03-01', '2024-02-29'), period('2022-03-01', '2023-02-28')],
    [{ kind: 'yearAgo' }, period('2024-02-29', '2025-02-28'), period('2023-03-01', '2024-02-28')],
    [{ kind: 'previous' }, period('2024-06-16', '2025-06-15'), period('2023-06-16', '2024-06-15')],
    [{ kind: 'previous' }, period('2025-01-01', '2025-03-31'), period('2024-10-01', '2024-12-31')],
    [{ kind: 'previous' }, period('2025-01-11', '2025-01-20'), period('2025-01-01', '2025-01-10')],
    [range, period('2025-01-01', '2025-03-31'), period('2020-05-01', '2020-05-31')],
  ])('%j of %j is %j', (compareWith, window, expected) => {
    expect(comparisonPeriod(settings({ compareWith }), window)).toEqual(expected);
  });
});

describe('buildReport agrees with the reference functions', () => {
  const facts = generate(42, 3000, 60);
  const table = buildFactTable(facts);
  const accounts = byAccount(facts);
  const reports = new Map<string, AnalysisReport>();

  type Case = [string, Partial<AnalysisSettings>, number];
  const cases: Case[] = [
    ['defaults', {}, 1],
    ['as of a leap day', { asOf: '2024-02-29' }, 1],
    [
      'as of mid-year, churn k 1.5 and drop 10 %',
      { asOf: '2024-06-30', churnK: 1.5, churnDrop: 0.1 },
      1,
    ],
    ['4 bins, cut-offs 70/90 %', { bins: 4, cutoffA: 0.7, cutoffB: 0.9, asOf: '2023-12-31' }, 1],
    ['previous period as comparison', { compareWith: { kind: 'previous' }, asOf: '2024-09-15' }, 1],
    ['fiscal year 2023 from April', { window: { kind: 'fiscalYear', year: 2023 } }, 4],
    [
      'a quarter against the one before',
      {
        window: { kind: 'range', start: '2024-10-01', end: '2024-12-31' },
        compareWith: { kind: 'previous' },
      },
      1,
    ],
    ['all history', { window: { kind: 'all' }, bins: 3 }, 1],
  ];
  const reportFor = (name: string, change: Partial<AnalysisSettings>, month: number) => {
    if (!reports.has(name)) {
      reports.set(name, buildReport(table, settings(change), { fiscalYearStartMonth: month }));
    }
    return reports.get(name)!;
  };

  it.each(cases)('%s: churn per account equals churnRisk', (name, change, month) => {
    const s = settings(change);
    const report = reportFor(name, change, month);
    const asOf = report.asOf!;
    for (const [id, list] of accounts) {
      const risk = churnRisk(list, asOf, { k: s.churnK, dropShare: s.churnDrop });
      const overdue = risk.reasons.some((x) => x.kind === 'overdue') ? CHURN_OVERDUE : 0;
      const drop = risk.reasons.some((x) => x.kind === 'revenue_drop') ? CHURN_DROP : 0;
      const last = risk.revenueLastYearMinor;
      expect({
        id,
        churn: at(report, report.churn, id),
        interval: at(report, report.intervalDays, id),
        recency: at(report, report.churnRecencyDays, id),
        drop: at(report, report.revenueDrop, id),
        trailing12: at(report, report.trailing12Minor, id),
      }).toEqual({
        id,
        churn: overdue | drop,
        interval: risk.intervalDays ?? -1,
        recency: risk.recencyDays ?? -1,
        drop: last > 0 ? (last - risk.revenueThisYearMinor) / last : NaN,
        trailing12: risk.revenueThisYearMinor,
      });
    }
    // The generated data must actually exercise both flags.
    if (name === 'defaults') {
      expect(asOf).toBe(latestOf(facts));
      expect(report.churn.some((c) => (c & CHURN_OVERDUE) !== 0)).toBe(true);
      expect(report.churn.some((c) => (c & CHURN_DROP) !== 0)).toBe(true);
    }
  });

  it.each(cases)(
    '%s: value and relationship equal historicalClv, relationshipDays',
    (name, change, month) => {
      const report = reportFor(name, change, month);
      const asOf = report.asOf!;
      for (const [id, list] of accounts) {
        const known = list.filter((f) => f.date <= asOf);
        const purchases = known.filter((f) => f.amountMinor > 0);
        const first = [...(purchases.length > 0 ? purchases : known)].map((f) => f.date).sort()[0];
        expect({
          id,
          clv: at(report, report.clvMinor, id),
          firstDay: at(report, report.firstDay, id),
          days: at(report, report.relationshipDays, id),
        }).toEqual({
          id,
          clv: historicalClv(list, asOf).averageAnnualRevenueMinor,
          firstDay: first === undefined ? -1 : toDayNumber(first),
          days: first === undefined ? 0 : relationshipDays(first, asOf),
        });
      }
    },
  );

  it.each(cases)('%s: window revenue and growth equal growthByAccount', (name, change, month) => {
    const report = reportFor(name, change, month);
    const growth = growthByAccount(facts, report.window!, report.comparison!);
    for (const id of accounts.keys()) {
      const g = growth.get(id);
      expect({
        id,
        revenue: at(report, report.revenue, id),
        previous: at(report, report.previousRevenue, id),
        growth: at(report, report.growth, id),
      }).toEqual({
        id,
        revenue: g?.currentMinor ?? 0,
        previous: g?.previousMinor ?? 0,
        growth: g?.growth ?? NaN,
      });
    }
  });

  it.each(cases)('%s: scores equal the engine on the window’s facts', (name, change, month) => {
    const s = settings(change);
    const report = reportFor(name, change, month);
    const inWindow = factsIn(facts, report.window!);
    const windowTable = buildFactTable(inWindow);
    const res = computeAnalysis(windowTable, {
      bins: s.bins,
      cutoffs: { a: s.cutoffA, b: s.cutoffB },
      asOfDay: toDayNumber(report.asOf!),
    });
    expect(report.activeAccounts).toBe(windowTable.accountIds.length);
    for (const id of accounts.keys()) {
      const a = windowTable.indexOf.get(id);
      const got = {
        id,
        r: at(report, report.r, id),
        f: at(report, report.f, id),
        m: at(report, report.m, id),
        segment: at(report, report.segment, id),
        abc: at(report, report.abc, id),
        rank: at(report, report.rank, id),
        orders: at(report, report.orders, id),
      };
      if (a === undefined) {
        // No order in the window: no scores, no segment, no class, no rank.
        expect(got).toEqual({
          id,
          r: 0,
          f: 0,
          m: 0,
          segment: NONE_U8,
          abc: NONE_U8,
          rank: 0,
          orders: 0,
        });
        continue;
      }
      expect({ ...got, segment: report.segmentIds[got.segment] }).toEqual({
        id,
        r: res.r[a],
        f: res.f[a],
        m: res.m[a],
        segment: res.segmentIds[res.segment[a]!],
        abc: res.abc[a],
        rank: res.rank[a],
        orders: res.orders[a],
      });
    }
    // Some accounts must be outside a bounded window for the NONE_U8 branch to be exercised.
    if (s.window.kind !== 'all') expect(report.activeAccounts).toBeLessThan(accounts.size);
  });

  it.each(cases)('%s: summaries add up to the active accounts', (name, change, month) => {
    const report = reportFor(name, change, month);
    const windowRevenue = factsIn(facts, report.window!).reduce((t, f) => t + f.amountMinor, 0);
    const sum = (rows: { count: number; revenueMinor: number }[]) =>
      rows.reduce((t, row) => [t[0]! + row.count, t[1]! + row.revenueMinor], [0, 0]);
    expect(sum(report.heatmap)).toEqual([report.activeAccounts, windowRevenue]);
    expect(sum(report.segments)).toEqual([report.activeAccounts, windowRevenue]);
    expect(sum(Object.values(report.abcRows))).toEqual([report.activeAccounts, windowRevenue]);
    expect(report.heatmap).toHaveLength(report.bins ** 2);
    expect(report.segments.every((row) => row.count > 0)).toBe(true);
    // Counted account by account from the per-account columns.
    const countAbc = (c: number) => report.abc.filter((x) => x === c).length;
    expect([report.abcRows.A.count, report.abcRows.B.count, report.abcRows.C.count]).toEqual([
      countAbc(0),
      countAbc(1),
      countAbc(2),
    ]);
  });

  // compareYearOverYear is the trailing twelve months against the twelve before. Recency cuts
  // make the as-of day of each period matter (quantile scores only see the recency ranks).
  it.each<[string, Partial<AnalysisSettings>]>([
    ['the latest order', {}],
    ['a leap day', { asOf: '2024-02-29' }],
    ['mid-year', { asOf: '2024-06-30' }],
    ['a month end', { asOf: '2024-03-31' }],
    ['the day after a leap day, a year on', { asOf: '2025-03-01' }],
    [
      'mid-year, with recency cuts',
      { asOf: '2024-06-30', thresholds: { r: [30, 90, 180, 365], f: null, m: null } },
    ],
    ['a month end, by days and margin', { asOf: '2024-10-31', frequency: 'days', value: 'margin' }],
    [
      'a year end, own rules on 3 bins',
      {
        asOf: '2024-12-31',
        bins: 3,
        rules: [
          { id: 'vip', name: 'VIP', r: [3, 5], f: [3, 5], m: [3, 5] },
          { id: 'lost', r: [1, 1], f: [1, 5], m: [1, 5] },
        ],
      },
    ],
  ])('as of %s: migration and class A changes equal compareYearOverYear', (_, change) => {
    const s = settings(change);
    const report = buildReport(table, s, context);
    const want = compareYearOverYear(facts, report.asOf!, {
      bins: s.bins,
      cutoffs: { a: s.cutoffA, b: s.cutoffB },
      frequency: s.frequency,
      value: s.value,
      thresholds: s.thresholds,
      ...(s.rules ? { rules: s.rules } : {}),
    });
    expect(report.window).toEqual(want.current.period);
    expect(report.comparison).toEqual(want.previous.period);
    expect(report.migration).toEqual(want.migration);
    expect(report.enteredA).toEqual(want.enteredA);
    expect(report.leftA).toEqual(want.leftA);
    // Per account too: the report's segment columns name the same segments as the snapshots.
    const label = (column: Uint8Array, id: number) => {
      const index = at(report, column, id);
      return index === NONE_U8 ? 'none' : report.segmentIds[index];
    };
    for (const id of accounts.keys()) {
      expect([id, label(report.previousSegment, id), label(report.segment, id)]).toEqual([
        id,
        want.previous.segmentById.get(id) ?? 'none',
        want.current.segmentById.get(id) ?? 'none',
      ]);
    }
    // Non-trivial data: accounts do move between segments.
    expect(report.migration.some((m) => m.from !== m.to)).toBe(true);
  });

  // Known disagreement (report.ts left as is, reported to the lead): for a trailing window that
  // starts on 29 February, "a year ago" shifts both ends by twelve months and the start clamps to
  // 28 February (2023-02-28 … 2024-02-28), while compareYearOverYear takes the twelve months
  // before the window (2023-03-01 … 2024-02-28). An order on 2023-02-28 then counts in one only.
  it('as of 2025-02-28: the year-ago comparison equals compareYearOverYear', () => {
    const edge: OrderFact[] = [
      { accountId: 1, orderNo: 'A', date: '2023-02-28', amountMinor: 9000 },
      { accountId: 2, orderNo: 'B', date: '2023-06-01', amountMinor: 1000 },
      { accountId: 2, orderNo: 'C', date: '2025-02-28', amountMinor: 1000 },
    ];
    const report = buildReport(buildFactTable(edge), settings({ asOf: '2025-02-28' }), context);
    const want = compareYearOverYear(edge, '2025-02-28');
    expect(report.comparison).toEqual(want.previous.period);
    expect(report.migration).toEqual(want.migration);
    expect(report.leftA).toEqual(want.leftA);
    expect(report.enteredA).toEqual(want.enteredA);
  });
});

describe('the key-account set of the comparison period', () => {
  const facts = generate(42, 3000, 60);
  const table = buildFactTable(facts);
  const range = (start: string, end: string) => ({ kind: 'range', start, end }) as const;

  // The comparison period's set is the one a report of that period on its own suggests: scored
  // as of its last day, growth against the period just before it (a year before for yearAgo).
  it.each<[string, Partial<AnalysisSettings>, 'yearAgo' | 'previous']>([
    // A compare range: its set comes from its growth against the period just before it.
    [
      'a quarter against the same quarter a year before',
      { window: range('2024-04-01', '2024-06-30'), compareWith: range('2023-04-01', '2023-06-30') },
      'previous',
    ],
    [
      'all history against an autumn',
      { window: { kind: 'all' }, compareWith: range('2022-09-01', '2022-11-30') },
      'previous',
    ],
    [
      'the trailing year against one month',
      { asOf: '2025-03-31', compareWith: range('2023-07-01', '2023-07-31') },
      'previous',
    ],
    ['the trailing year against the year before', { asOf: '2024-12-31' }, 'yearAgo'],
    [
      'a quarter against the one before',
      { window: range('2024-07-01', '2024-09-30'), compareWith: { kind: 'previous' } },
      'previous',
    ],
  ])('%s', (_, change, thenCompareWith) => {
    const report = buildReport(table, settings(change), context);
    const c = report.comparison!;
    const then = buildReport(
      table,
      settings({ window: range(c.start, c.end), compareWith: { kind: thenCompareWith } }),
      context,
    );
    expect(then.window).toEqual(c);
    const ids = (r: AnalysisReport) => new Set(r.suggestions.map((x) => x.accountId));
    const want = setChanges(ids(then), ids(report));
    expect({ entered: report.enteredKeySet, left: report.leftKeySet }).toEqual({
      entered: want.entered,
      left: want.left,
    });
  });
});

describe('buildReport by hand', () => {
  it('has no data for an empty table', () => {
    const report = buildReport(buildFactTable([]), settings(), context);
    expect(report.hasData).toBe(false);
    expect(report.window).toBeNull();
    expect(report.asOf).toBeNull();
    expect(report.activeAccounts).toBe(0);
    expect(report.accountIds).toHaveLength(0);
    expect(report.trend).toEqual([]);
  });

  it('has data but no account in the window when every order lies after the as-of date', () => {
    const table = buildFactTable([
      { accountId: 1, orderNo: 'A', date: '2024-05-01', amountMinor: 100 },
    ]);
    const report = buildReport(table, settings({ asOf: '2023-12-31' }), context);
    expect(report.hasData).toBe(true);
    expect(report.activeAccounts).toBe(0);
    expect(report.segment[0]).toBe(NONE_U8);
  });

  describe('a window with no orders in it', () => {
    const table = buildFactTable([
      { accountId: 1, orderNo: 'A', date: '2024-05-01', amountMinor: 100 },
      { accountId: 1, orderNo: 'B', date: '2024-06-01', amountMinor: 300 },
      { accountId: 2, orderNo: 'C', date: '2024-06-10', amountMinor: 200 },
    ]);
    it.each<[string, Partial<AnalysisSettings>, Period, string]>([
      [
        'a fiscal year after every order',
        { window: { kind: 'fiscalYear', year: 2025 } },
        period('2025-01-01', '2025-12-31'),
        '2025-12-31',
      ],
      [
        'a range after every order',
        { window: { kind: 'range', start: '2024-07-01', end: '2024-07-31' } },
        period('2024-07-01', '2024-07-31'),
        '2024-07-31',
      ],
      [
        'a fiscal year after the as-of date',
        { window: { kind: 'fiscalYear', year: 2025 }, asOf: '2024-06-30' },
        period('2024-06-30', '2024-06-30'),
        '2024-06-30',
      ],
    ])('%s: every account is inactive, history runs to the as-of date', (_, change, w, asOf) => {
      const report = buildReport(table, settings(change), context);
      expect([report.window, report.asOf]).toEqual([w, asOf]);
      expect(report.activeAccounts).toBe(0);
      expect(Array.from(report.segment)).toEqual([NONE_U8, NONE_U8]);
      expect(Array.from(report.abc)).toEqual([NONE_U8, NONE_U8]);
      expect(Array.from(report.recencyDays)).toEqual([-1, -1]);
      expect(Array.from(report.revenue)).toEqual([0, 0]);
      expect(report.suggestions).toEqual([]);
      expect(report.heatmap.every((cell) => cell.count === 0)).toBe(true);
      // Recency for churn is never negative: the as-of date is after every order.
      const day = toDayNumber(asOf);
      expect(Array.from(report.churnRecencyDays)).toEqual([
        day - toDayNumber('2024-06-01'),
        day - toDayNumber('2024-06-10'),
      ]);
    });
  });

  describe('trailing-year revenue for share of wallet', () => {
    // As of 2024-06-30 the trailing twelve months are 2023-07-01 … 2024-06-30.
    const table = buildFactTable([
      { accountId: 1, orderNo: 'A', date: '2022-05-01', amountMinor: 1_000 },
      { accountId: 1, orderNo: 'B', date: '2023-07-01', amountMinor: 200 },
      { accountId: 1, orderNo: 'C', date: '2024-06-30', amountMinor: 300 },
      { accountId: 1, orderNo: 'D', date: '2024-07-01', amountMinor: 999 },
      { accountId: 2, orderNo: 'E', date: '2023-06-30', amountMinor: 500 },
      { accountId: 2, orderNo: 'F', date: '2024-01-15', amountMinor: -100 },
      { accountId: 3, orderNo: 'G', date: '2021-01-01', amountMinor: 50 },
    ]);
    it.each<[string, Partial<AnalysisSettings>, number[], number[]]>([
      // Window revenue [1,500, 400, 50], but the wallet share needs the last twelve months.
      [
        'all history',
        { window: { kind: 'all' }, asOf: '2024-06-30' },
        [1_500, 400, 50],
        [500, -100, 0],
      ],
      ['the trailing twelve months', { asOf: '2024-06-30' }, [500, -100, 0], [500, -100, 0]],
      // As of the fiscal year's last day: 2023-01-01 … 2023-12-31.
      [
        'the first half of 2023',
        { window: { kind: 'range', start: '2023-01-01', end: '2023-06-30' }, asOf: '2023-12-31' },
        [0, 500, 0],
        [200, 500, 0],
      ],
      // As of the range's end: 2022-01-01 … 2022-12-31.
      [
        'a past range',
        { window: { kind: 'range', start: '2022-01-01', end: '2022-12-31' } },
        [1_000, 0, 0],
        [1_000, 0, 0],
      ],
    ])('%s', (_, change, revenue, trailing12) => {
      const report = buildReport(table, settings(change), context);
      expect(Array.from(report.accountIds)).toEqual([1, 2, 3]);
      expect(Array.from(report.revenue)).toEqual(revenue);
      expect(Array.from(report.trailing12Minor)).toEqual(trailing12);
    });

    it('is empty for an empty table', () => {
      expect(buildReport(buildFactTable([]), settings(), context).trailing12Minor).toEqual(
        new Float64Array(0),
      );
    });
  });

  describe('churn and long-term value on the boundaries', () => {
    const buy = (accountId: number, date: string, amountMinor = 100): OrderFact => ({
      accountId,
      orderNo: '',
      date,
      amountMinor,
    });
    const table = buildFactTable([
      // 1: last year 1,000, this year 700: a drop of exactly 30 %.
      buy(1, '2023-03-01', 1_000),
      buy(1, '2024-03-01', 700),
      // 2: every 10 days, last purchase 20 days ago: exactly k = 2 intervals, not overdue.
      buy(2, '2024-11-21'),
      buy(2, '2024-12-01'),
      buy(2, '2024-12-11'),
      // 3: the same a day earlier (21 days): overdue; a later return and zero line buy nothing.
      buy(3, '2024-11-20'),
      buy(3, '2024-11-30'),
      buy(3, '2024-12-10'),
      buy(3, '2024-12-29', 0),
      buy(3, '2024-12-30', -50),
      // 4: only a return.
      buy(4, '2024-06-01', -500),
    ]);

    it.each([
      [0.3, [0, 0, CHURN_OVERDUE, 0]],
      [0.29, [CHURN_DROP, 0, CHURN_OVERDUE, 0]],
    ])('churn drop %s → flags %j', (churnDrop, flags) => {
      const report = buildReport(table, settings({ asOf: '2024-12-31', churnDrop }), context);
      expect(Array.from(report.churn)).toEqual(flags);
      expect(Array.from(report.intervalDays)).toEqual([366, 10, 10, -1]);
      expect(Array.from(report.churnRecencyDays)).toEqual([305, 20, 21, -1]);
      expect(Array.from(report.revenueDrop)).toEqual([0.3, NaN, NaN, NaN]);
      // 1 has one full year (2023-03-01 → 2024-03-01); the others count as one year.
      expect(Array.from(report.clvMinor)).toEqual([1_700, 300, 250, -500]);
      expect(Array.from(report.relationshipDays)).toEqual([671, 40, 41, 213]);
    });
  });

  it('measures cost coverage on the lines in the window, for margin', () => {
    const line = (
      accountId: number,
      date: string,
      amountMinor: number,
      costMinor: number | null,
    ) => ({
      accountId,
      orderNo: '',
      date,
      amountMinor,
      costMinor,
    });
    const table = buildFactTable([
      // Outside the window (2024-01-01 … 2024-12-31): a costed line that must not count.
      line(1, '2023-06-01', 5_000, 1_000),
      line(1, '2024-02-01', 1_000, 400), // margin 600
      line(1, '2024-03-01', 2_000, null),
      line(2, '2024-04-01', 3_000, 0), // a cost of 0 is known: margin 3,000
      line(2, '2024-05-01', -500, -300), // return with cost: margin −200
      line(3, '2024-12-31', 700, null),
    ]);
    const report = buildReport(table, settings({ value: 'margin', asOf: '2024-12-31' }), context);
    expect(report.valueMeasure).toBe('margin');
    expect(report.costCoverage).toBe(3 / 5);
    expect(Array.from(report.value)).toEqual([600, 2_800, 0]);
    expect(Array.from(report.revenue)).toEqual([3_000, 2_500, 700]);
    // Ranked on margin: 2, then 1, then 3.
    expect(Array.from(report.rank)).toEqual([2, 1, 3]);
  });

  it('gives zero cost coverage for a window without lines', () => {
    const table = buildFactTable([
      { accountId: 1, orderNo: 'A', date: '2020-01-01', amountMinor: 100, costMinor: 50 },
    ]);
    const report = buildReport(table, settings({ asOf: '2022-06-30' }), context);
    expect(report.costCoverage).toBe(0);
    expect(report.activeAccounts).toBe(0);
    expect(Array.from(report.segment)).toEqual([NONE_U8]);
  });
});

describe('selectionTrend', () => {
  const facts: OrderFact[] = [
    { accountId: 1, orderNo: 'A', date: '2024-01-05', amountMinor: 100 },
    { accountId: 3, orderNo: 'B', date: '2024-01-31', amountMinor: 40 },
    { accountId: 2, orderNo: 'C', date: '2024-02-10', amountMinor: 999 },
    { accountId: 3, orderNo: 'D', date: '2024-03-01', amountMinor: -15 },
    { accountId: 1, orderNo: 'E', date: '2024-03-31', amountMinor: 5 },
    { accountId: 1, orderNo: 'F', date: '2024-04-01', amountMinor: 7 }, // after asOf
  ];
  const table = buildFactTable(facts);

  it.each<[number[], string, { month: string; revenueMinor: number }[]]>([
    [
      // February: only account 2 bought, so the selection's month is 0 but still listed.
      [1, 3],
      '2024-03-31',
      [
        { month: '2024-01', revenueMinor: 140 },
        { month: '2024-02', revenueMinor: 0 },
        { month: '2024-03', revenueMinor: -10 },
      ],
    ],
    [[2], '2024-03-31', [{ month: '2024-02', revenueMinor: 999 }]],
    [
      [1, 99], // 99 has no orders and is ignored
      '2024-04-30',
      [
        { month: '2024-01', revenueMinor: 100 },
        { month: '2024-02', revenueMinor: 0 },
        { month: '2024-03', revenueMinor: 5 },
        { month: '2024-04', revenueMinor: 7 },
      ],
    ],
    [[], '2024-12-31', []],
    [[1, 2, 3], '2023-12-31', []],
  ])('accounts %j as of %s', (ids, asOf, expected) => {
    expect(selectionTrend(table, asOf, ids)).toEqual(expected);
  });

  it('sums per month what the selected accounts bought, on generated data', () => {
    const generated = generate(7, 1500, 40);
    const generatedTable = buildFactTable(generated);
    const asOf = '2024-10-15';
    const ids = [...new Set(generated.map((f) => f.accountId))].filter((_, i) => i % 3 === 0);
    const byMonth = new Map<string, number>();
    for (const f of generated) {
      if (f.date > asOf || !ids.includes(f.accountId)) continue;
      const month = f.date.slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + f.amountMinor);
    }
    const got = selectionTrend(generatedTable, asOf, ids);
    expect(got.filter((row) => byMonth.has(row.month))).toEqual(
      [...byMonth].sort().map(([month, revenueMinor]) => ({ month, revenueMinor })),
    );
    expect(got.every((row) => byMonth.has(row.month) || row.revenueMinor === 0)).toBe(true);
    // Every account selected: the report's own trend.
    const all = [...generatedTable.accountIds];
    const report = buildReport(generatedTable, settings({ asOf }), context);
    expect(selectionTrend(generatedTable, asOf, all)).toEqual(report.trend);
  });
});

describe('reportIndex and countSelected', () => {
  // Three accounts in the window, one only before it (no segment now), one unknown id.
  const table = buildFactTable([
    { accountId: 7, orderNo: 'a', date: '2024-06-01', amountMinor: 500 },
    { accountId: 3, orderNo: 'b', date: '2024-05-01', amountMinor: 900 },
    { accountId: 9, orderNo: 'c', date: '2024-04-01', amountMinor: 100 },
    { accountId: 5, orderNo: 'd', date: '2020-01-01', amountMinor: 100 },
  ]);
  const report = buildReport(table, settings(), context);

  it('maps every account id to its dense index', () => {
    const index = reportIndex(report);
    expect([...index.keys()].sort((a, b) => a - b)).toEqual([3, 5, 7, 9]);
    for (const [id, i] of index) expect(report.accountIds[i]).toBe(id);
  });

  it('counts selected accounts per R×F cell and per segment, skipping the inactive and unknown', () => {
    const index = reportIndex(report);
    const { cells, segments } = countSelected(report, [3, 7, 5, 404]);
    const expectedCells = new Map<number, number>();
    const expectedSegments = new Map<string, number>();
    for (const id of [3, 7]) {
      const i = index.get(id)!;
      const key = report.r[i]! * 16 + report.f[i]!;
      expectedCells.set(key, (expectedCells.get(key) ?? 0) + 1);
      const segment = report.segmentIds[report.segment[i]!]!;
      expectedSegments.set(segment, (expectedSegments.get(segment) ?? 0) + 1);
    }
    expect(cells).toEqual(expectedCells);
    expect(segments).toEqual(expectedSegments);
    expect([...cells.values()].reduce((a, b) => a + b, 0)).toBe(2);
  });
});
