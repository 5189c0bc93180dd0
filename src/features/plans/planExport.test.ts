import { describe, expect, it } from 'vitest';
import type { ActionRow, PlanRow } from '../../db/schema';
import { emptyPlanDoc } from '../../domain/planDoc';
import { actionsCsvRows, fileNamePart, measureLabel, portfolioCsvRows } from './planExport';
import type { PortfolioRow } from './portfolio/portfolio';

const plan = (id: number, accountId: number, year: number): PlanRow => ({
  id,
  workspaceId: 1,
  accountId,
  year,
  status: 'draft',
  doc: emptyPlanDoc(),
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  statusChangedAt: '2025-01-01T00:00:00Z',
  approved: null,
  lastReviewAt: null,
});
const action = (id: number, planId: number, patch: Partial<ActionRow> = {}): ActionRow => ({
  id,
  workspaceId: 1,
  planId,
  measure: 'custom',
  title: `a${id}`,
  owner: '',
  due: '',
  status: 'planned',
  budgetMinor: null,
  outcome: '',
  ...patch,
});

describe('actionsCsvRows', () => {
  it('writes one row per action with plan and account columns, by account then year', () => {
    const rows = actionsCsvRows(
      [plan(1, 10, 2025), plan(2, 20, 2025), plan(3, 10, 2024)],
      [
        action(5, 2, { budgetMinor: 12345, outcome: 'ok' }),
        action(4, 1),
        action(3, 3),
        action(9, 99),
      ],
      new Map([
        [10, { name: 'Zeta', key: 'z' }],
        [20, { name: 'Alpha', key: 'a' }],
      ]),
      {
        header: ['h'],
        planStatus: (s) => `P:${s}`,
        actionStatus: (s) => `A:${s}`,
        measure: (m) => `M:${m}`,
      },
    );
    expect(rows).toEqual([
      ['h'],
      [
        2025,
        'Alpha',
        'a',
        'P:draft',
        'M:custom',
        'a5',
        '',
        '',
        'A:planned',
        { decimal: '123.45' },
        'ok',
      ],
      [2024, 'Zeta', 'z', 'P:draft', 'M:custom', 'a3', '', '', 'A:planned', null, ''],
      [2025, 'Zeta', 'z', 'P:draft', 'M:custom', 'a4', '', '', 'A:planned', null, ''],
    ]);
  });
});

describe('portfolioCsvRows', () => {
  it('writes the rows as shown with exact amounts', () => {
    const row: PortfolioRow = {
      planId: 1,
      accountId: 2,
      accountName: '华东, "HQ"',
      accountKey: 'k',
      tierId: 'key',
      tierName: 'Key',
      owner: 'Li',
      status: 'approved',
      targetMinor: 100000,
      actualMinor: 2550,
      attainment: 0.0255,
      actionsDone: 1,
      actionsTotal: 4,
      overdue: 2,
      health: 61,
    };
    expect(portfolioCsvRows(2025, [row], { header: ['h'], planStatus: (s) => s })).toEqual([
      ['h'],
      [
        2025,
        '华东, "HQ"',
        'k',
        'Key',
        'Li',
        'approved',
        { decimal: '1000.00' },
        { decimal: '25.50' },
        { decimal: '0.0255' },
        1,
        4,
        2,
        61,
      ],
    ]);
  });
});

describe('fileNamePart', () => {
  it('drops characters file systems refuse', () => {
    expect(fileNamePart('A/B: "C"\n*')).toBe('A B C');
    expect(fileNamePart('  ')).toBe('plan');
  });
});

describe('measureLabel', () => {
  it.each(['executive_visits', 'ka_department', 'service_recovery', 'custom'])(
    '%s has a name, not a key',
    (measure) => {
      const label = measureLabel(measure);
      expect(label).not.toMatch(/^(measure|antiChurn)\./);
      expect(label.length).toBeGreaterThan(3);
    },
  );
});
