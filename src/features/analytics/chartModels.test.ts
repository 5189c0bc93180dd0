import { describe, expect, it } from 'vitest';
import { computePareto } from '../../domain/pareto';
import { rfHeatmap } from '../../domain/rfm';
import {
  COLORS,
  heatmapChart,
  monthlyTrendChart,
  paretoChart,
  segmentBarsChart,
} from './chartModels';

const labels = {
  revenue: 'Revenue',
  keyRevenue: 'Revenue (key account)',
  cumulative: 'Cumulative share',
  cutoffLine: '80% line',
  money: (m: number) => `¥${m / 100}`,
  compactMoney: (m: number) => `¥${m / 100}`,
  percent: (s: number) => `${Math.round(s * 100)}%`,
};

describe('paretoChart', () => {
  const pareto = computePareto([
    { accountId: 1, valueMinor: 500 },
    { accountId: 2, valueMinor: 300 },
    { accountId: 3, valueMinor: 200 },
  ]);

  it('orders bars by revenue and draws the cumulative share and cut-off', () => {
    const model = paretoChart(
      pareto,
      (id) => `A${id}`,
      () => false,
      0.8,
      labels,
    );
    expect(model.data.labels).toEqual(['A1', 'A2', 'A3']);
    expect(model.data.datasets[0]!.data).toEqual([500, 300, 200]);
    expect(model.data.datasets[1]!.data).toEqual([50, 80, 100]);
    expect(model.data.datasets[2]!.data).toEqual([80, 80, 80]);
  });

  it('paints key accounts in the key colour', () => {
    const model = paretoChart(pareto, String, (id) => id === 2, 0.8, labels);
    expect(model.data.datasets[0]!.backgroundColor).toEqual([
      COLORS.bar,
      COLORS.keyBar,
      COLORS.bar,
    ]);
  });
});

describe('heatmapChart', () => {
  it('has one cell per R×F pair, darker where there are more accounts', () => {
    const cells = rfHeatmap(
      [
        {
          accountId: 1,
          recencyDays: 1,
          frequency: 9,
          monetaryMinor: 10,
          r: 5,
          f: 5,
          m: 5,
          segment: 'champions',
        },
        {
          accountId: 2,
          recencyDays: 2,
          frequency: 9,
          monetaryMinor: 10,
          r: 5,
          f: 5,
          m: 5,
          segment: 'champions',
        },
        {
          accountId: 3,
          recencyDays: 300,
          frequency: 1,
          monetaryMinor: 1,
          r: 1,
          f: 1,
          m: 1,
          segment: 'lost',
        },
      ],
      5,
    );
    const model = heatmapChart(cells, 5, { r: 'R', f: 'F', cell: () => '' });
    const points = model.data.datasets[0]!.data as { x: number; y: number; v: number }[];
    expect(points).toHaveLength(25);
    const colors = model.data.datasets[0]!.backgroundColor as string[];
    const at = (r: number, f: number) => points.findIndex((p) => p.y === r && p.x === f);
    expect(points[at(5, 5)]!.v).toBe(2);
    expect(points[at(1, 1)]!.v).toBe(1);
    expect(colors[at(5, 5)]).toBe('rgba(31, 78, 121, 1.000)');
    expect(colors[at(3, 3)]).toBe('rgba(31, 78, 121, 0.040)');
  });
});

describe('segmentBarsChart', () => {
  it('puts accounts and revenue per segment on their own axes', () => {
    const model = segmentBarsChart(
      [
        { id: 'champions', count: 3, revenueMinor: 9000 },
        { id: 'lost', count: 5, revenueMinor: 100 },
      ],
      {
        accounts: 'Accounts',
        revenue: 'Revenue',
        segment: (id) => id.toUpperCase(),
        compactMoney: String,
        money: String,
      },
    );
    expect(model.data.labels).toEqual(['CHAMPIONS', 'LOST']);
    expect(model.data.datasets.map((d) => [d.xAxisID, d.data])).toEqual([
      ['accounts', [3, 5]],
      ['revenue', [9000, 100]],
    ]);
    expect(model.options.indexAxis).toBe('y');
  });
});

describe('monthlyTrendChart', () => {
  it('draws one bar per month, negative months in the warning colour', () => {
    const model = monthlyTrendChart(
      [
        { month: '2025-01', revenueMinor: 500 },
        { month: '2025-02', revenueMinor: -20 },
      ],
      { revenue: 'Revenue', compactMoney: String, money: String },
    );
    expect(model.data.labels).toEqual(['2025-01', '2025-02']);
    expect(model.data.datasets[0]!.backgroundColor).toEqual([COLORS.line, COLORS.keyBar]);
  });
});
