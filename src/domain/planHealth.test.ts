import { describe, expect, it } from 'vitest';
import type { PlanAction } from './planDoc';
import {
  actionCounts,
  healthScore,
  isActionOverdue,
  normaliseWeights,
  yearShareElapsed,
  type HealthInput,
} from './planHealth';

const act = (status: PlanAction['status'], due: string): PlanAction => ({
  measure: 'custom',
  title: '拜访, "CEO"',
  owner: '',
  due,
  status,
  budgetMinor: null,
  outcome: '',
});

const base: HealthInput = {
  targetRevenueMinor: 1_000_000,
  ytdRevenueMinor: 500_000,
  yearShareElapsed: 0.5,
  actions: [],
  today: '2025-07-01',
  linesCovered: 3,
  hasNodePerson: true,
  daysSinceLastContact: 10,
};

const part = (input: Partial<HealthInput>, id: string) =>
  healthScore({ ...base, ...input }, null).parts.find((p) => p.id === id)!;

describe('yearShareElapsed', () => {
  it.each([
    // today, fiscal year, start month, expected
    ['2025-01-01', 2025, 1, 1 / 365],
    ['2025-07-02', 2025, 1, 183 / 365],
    ['2025-12-31', 2025, 1, 1],
    ['2024-12-31', 2025, 1, 0],
    ['2026-03-01', 2025, 1, 1],
    ['2024-12-31', 2024, 1, 1],
    ['2024-02-29', 2024, 1, 60 / 366],
    // April start: FY2024 = 2024-04-01 … 2025-03-31 (365 days)
    ['2024-04-01', 2024, 4, 1 / 365],
    ['2024-03-31', 2024, 4, 0],
    ['2025-03-30', 2024, 4, 364 / 365],
    ['2025-03-31', 2024, 4, 1],
  ])('%s in FY%i (start %i) → %d', (today, year, start, expected) => {
    expect(yearShareElapsed(today, year, start)).toBeCloseTo(expected, 12);
  });
});

describe('health part: targets', () => {
  it.each([
    // target, ytd, share, value, reason
    [null, 500_000, 0.5, 0.5, 'no_target'],
    [0, 500_000, 0.5, 0.5, 'no_target'],
    [-5, 500_000, 0.5, 0.5, 'no_target'],
    [1_000_000, 0, 0, 1, 'year_not_started'],
    [1_000_000, 500_000, 0.5, 1, 'on_track'],
    [1_000_000, 900_000, 0.5, 1, 'on_track'],
    [1_000_000, 250_000, 0.5, 0.5, 'behind'],
    [1_000_000, 300_000, 0.75, 0.4, 'behind'],
    [1_000_000, -100, 0.5, 0, 'behind'],
    [4_000_000_000_000, 1_000_000_000_000, 1, 0.25, 'behind'],
  ])('target %s, ytd %s, share %s → %s %s', (target, ytd, share, value, reason) => {
    const p = part(
      { targetRevenueMinor: target, ytdRevenueMinor: ytd, yearShareElapsed: share },
      'targets',
    );
    expect(p.value).toBeCloseTo(value, 12);
    expect(p.reason).toBe(reason);
  });
});

describe('health part: overdue actions', () => {
  it.each([
    [[], 1, 'no_open_actions'],
    [[act('done', '2020-01-01'), act('cancelled', '2020-01-01')], 1, 'no_open_actions'],
    [[act('planned', '2025-07-01'), act('in_progress', '')], 1, 'none_overdue'],
    [[act('planned', '2025-06-30'), act('in_progress', '2025-08-01')], 0.5, 'some_overdue'],
    [
      [
        act('planned', '2025-06-30'),
        act('in_progress', '2025-01-01'),
        act('planned', ''),
        act('done', '2020-01-01'),
      ],
      1 / 3,
      'some_overdue',
    ],
    [[act('in_progress', '2024-12-31')], 0, 'some_overdue'],
  ] as const)('%#: value %d, %s', (actions, value, reason) => {
    const p = part({ actions: [...actions] }, 'overdue');
    expect(p.value).toBeCloseTo(value, 12);
    expect(p.reason).toBe(reason);
  });
});

describe('health part: stakeholder coverage', () => {
  it.each([
    [3, true, 1, 'all_lines'],
    [2, true, 2 / 3, 'lines_missing'],
    [0, true, 0, 'lines_missing'],
    [3, false, 0.75, 'no_node_person'],
    [1, false, 1 / 3 - 0.25, 'no_node_person'],
    [0, false, 0, 'no_node_person'],
    [5, true, 1, 'all_lines'],
    [-1, true, 0, 'lines_missing'],
  ])('%i lines, node %s → %d %s', (lines, node, value, reason) => {
    const p = part({ linesCovered: lines, hasNodePerson: node }, 'coverage');
    expect(p.value).toBeCloseTo(value, 12);
    expect(p.reason).toBe(reason);
  });
});

describe('health part: recency of contact', () => {
  it.each([
    [null, 0, 'never'],
    [0, 1, 'recent'],
    [30, 1, 'recent'],
    [31, 149 / 150, 'fading'],
    [105, 0.5, 'fading'],
    [179, 1 / 150, 'fading'],
    [180, 0, 'stale'],
    [1000, 0, 'stale'],
  ])('%s days → %d %s', (days, value, reason) => {
    const p = part({ daysSinceLastContact: days }, 'contact');
    expect(p.value).toBeCloseTo(value, 12);
    expect(p.reason).toBe(reason);
  });
});

describe('healthScore', () => {
  it.each([
    // all healthy
    [{}, null, 100],
    // default weights 0.4/0.25/0.2/0.15: targets 0.5 (no target), others 1 → 100 − 20 = 80
    [{ targetRevenueMinor: null }, null, 80],
    // nothing healthy: targets 0, overdue 0, coverage 0, never contacted → 0
    [
      {
        ytdRevenueMinor: 0,
        actions: [act('planned', '2025-01-01')],
        linesCovered: 0,
        hasNodePerson: false,
        daysSinceLastContact: null,
      },
      null,
      0,
    ],
    // targets 0.5 (behind), coverage 2/3 → 0.4·0.5 + 0.25 + 0.2·2/3 + 0.15 = 0.7333 → 73
    [{ ytdRevenueMinor: 250_000, linesCovered: 2 }, null, 73],
    // equal custom weights 1,1,1,1: (0.5 + 1 + 0.75 + 0.5) / 4 = 0.6875 → 69
    [
      { targetRevenueMinor: null, hasNodePerson: false, daysSinceLastContact: 105 },
      { targets: 1, overdue: 1, coverage: 1, contact: 1 },
      69,
    ],
    // only contact counts: 105 days → 0.5 → 50
    [{ daysSinceLastContact: 105 }, { targets: 0, overdue: 0, coverage: 0, contact: 3 }, 50],
    // all-zero weights fall back to the defaults: like the no-target case → 80
    [{ targetRevenueMinor: null }, { targets: 0, overdue: 0, coverage: 0, contact: 0 }, 80],
    // negative weight counts as 0: targets ignored → 100
    [{ targetRevenueMinor: null }, { targets: -1, overdue: 1, coverage: 1, contact: 1 }, 100],
  ] as const)('case %# → %i', (input, weights, score) => {
    const r = healthScore({ ...base, ...input }, weights);
    expect(r.score).toBe(score);
    expect(Number.isInteger(r.score)).toBe(true);
    expect(r.parts.map((p) => p.id)).toEqual(['targets', 'overdue', 'coverage', 'contact']);
    expect(r.parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
  });

  it('reports normalised weights', () => {
    expect(normaliseWeights({ targets: 2, overdue: 1, coverage: 1, contact: 0 })).toEqual({
      targets: 0.5,
      overdue: 0.25,
      coverage: 0.25,
      contact: 0,
    });
    expect(normaliseWeights(null)).toEqual({
      targets: 0.4,
      overdue: 0.25,
      coverage: 0.2,
      contact: 0.15,
    });
  });
});

describe('actionCounts and isActionOverdue', () => {
  it.each([
    ['planned', '2025-06-30', true],
    ['in_progress', '2025-06-30', true],
    ['planned', '2025-07-01', false],
    ['planned', '', false],
    ['done', '2025-06-30', false],
    ['cancelled', '2025-06-30', false],
  ] as const)('%s due %s → overdue %s', (status, due, expected) => {
    expect(isActionOverdue(act(status, due), '2025-07-01')).toBe(expected);
  });

  it('counts done, total (not cancelled), open and overdue', () => {
    const actions = [
      act('done', ''),
      act('done', '2025-01-01'),
      act('cancelled', '2025-01-01'),
      act('planned', '2025-01-01'),
      act('in_progress', ''),
    ];
    expect(actionCounts(actions, '2025-07-01')).toEqual({ done: 2, total: 4, open: 2, overdue: 1 });
  });
});
