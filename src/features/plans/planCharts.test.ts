import { describe, expect, it } from 'vitest';
import { actionTimeline, stakeholderMap, type StakeholderPoint } from './planCharts';

const labels = {
  influence: 'Influence',
  attitude: 'Attitude',
  attitudes: { opponent: 'Opponent', neutral: 'Neutral', supporter: 'Supporter' },
  node: 'node',
};

describe('stakeholderMap', () => {
  it('places contacts by attitude and influence, spreads a shared cell, leaves out the unjudged', () => {
    const contacts: StakeholderPoint[] = [
      { name: 'A', influence: 5, attitude: 'supporter', isNode: true },
      { name: 'B', influence: 5, attitude: 'supporter', isNode: false },
      { name: 'C', influence: 2, attitude: 'opponent', isNode: false },
      { name: 'D', influence: null, attitude: 'neutral', isNode: false },
      { name: 'E', influence: 3, attitude: '', isNode: false },
    ];
    const model = stakeholderMap(contacts, labels);
    expect(model.unplaced).toBe(2);
    const data = model.data.datasets[0]!.data as { x: number; y: number }[];
    expect(data).toHaveLength(3);
    expect(data[0]).toEqual({ x: 3 - 0.18, y: 5 });
    expect(data[1]!.x).toBeCloseTo(3 - 0.09);
    expect(data[2]).toEqual({ x: 1 - 0.18, y: 2 });
    expect(model.data.datasets[0]!.pointRadius).toEqual([10, 6, 6]);
  });
});

describe('actionTimeline', () => {
  it.each([
    [
      'calendar year',
      1,
      [
        { planId: 1, due: '2026-01-15', status: 'done' as const },
        { planId: 1, due: '2026-01-20', status: 'planned' as const },
        { planId: 1, due: '2026-12-31', status: 'in_progress' as const },
        { planId: 1, due: '', status: 'planned' as const },
        { planId: 1, due: '2027-01-01', status: 'planned' as const },
        { planId: 1, due: '2026-03-01', status: 'cancelled' as const },
        { planId: 9, due: '2026-03-01', status: 'planned' as const },
      ],
      { 0: { due: 2, done: 1, overdue: 1 }, 11: { due: 1, done: 0, overdue: 0 } },
      2,
    ],
    [
      'fiscal year from April',
      4,
      [
        { planId: 1, due: '2026-04-01', status: 'planned' as const },
        { planId: 1, due: '2027-03-31', status: 'planned' as const },
        { planId: 1, due: '2026-03-31', status: 'planned' as const },
      ],
      { 0: { due: 1, done: 0, overdue: 1 }, 11: { due: 1, done: 0, overdue: 0 } },
      1,
    ],
  ])('%s', (_label, start, actions, months, unscheduled) => {
    const [row, empty] = actionTimeline([1, 2], actions, 2026, start, '2026-06-01');
    for (const [index, cell] of Object.entries(months))
      expect(row!.months[Number(index)]).toEqual(cell);
    expect(row!.months.reduce((n, m) => n + m.due, 0)).toBe(
      Object.values(months).reduce((n, m) => n + m.due, 0),
    );
    expect(row!.unscheduled).toBe(unscheduled);
    expect(empty!.months.every((m) => m.due === 0)).toBe(true);
  });
});

describe('stakeholderMap axis', () => {
  it('puts the attitude ticks on the three attitudes, named', () => {
    const model = stakeholderMap([], labels);
    const x = model.options.scales!.x as {
      afterBuildTicks: (axis: { ticks: { value: number }[] }) => void;
      ticks: { callback: (value: number) => string };
    };
    const axis = { ticks: [{ value: 0.5 }, { value: 1.5 }] };
    x.afterBuildTicks(axis);
    expect(axis.ticks.map((t) => x.ticks.callback(t.value))).toEqual([
      'Opponent',
      'Neutral',
      'Supporter',
    ]);
  });
});
