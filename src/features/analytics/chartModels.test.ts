import { Chart, Legend, type LegendItem } from 'chart.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { computePareto } from '../../domain/pareto';
import { rfHeatmap } from '../../domain/rfm';
import {
  COLORS,
  heatmapChart,
  migrationAxes,
  migrationChart,
  monthlyTrendChart,
  paretoChart,
  segmentBarsChart,
  type MigrationLabels,
} from './chartModels';

// The models' callbacks are plain functions of (part of) a Chart.js context: call them directly.
type AnyFn = (...args: never[]) => unknown;
const call = (fn: unknown, ...args: unknown[]): unknown =>
  (fn as (...a: unknown[]) => unknown).call({}, ...args);
const tooltipLabel = (options: { plugins?: unknown }, dataIndex: number): unknown => {
  const plugins = options.plugins as { tooltip: { callbacks: { label: AnyFn } } };
  return call(plugins.tooltip.callbacks.label, { dataIndex });
};
const click = (options: { onClick?: unknown }, index: number): void => {
  call(options.onClick, {}, [{ index }], {});
};

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

  it.each([
    ['no selection function', undefined, [COLORS.keyBar, COLORS.bar, COLORS.bar]],
    ['nothing selected', () => false, [COLORS.keyBar, COLORS.bar, COLORS.bar]],
    ['a plain account', (id: number) => id === 3, [COLORS.keyBar, COLORS.bar, COLORS.selected]],
    // Selection wins over the key-account red.
    ['a key account', (id: number) => id === 1, [COLORS.selected, COLORS.bar, COLORS.bar]],
    ['all', () => true, [COLORS.selected, COLORS.selected, COLORS.selected]],
  ])('selection colours: %s', (_, isSelected, expected) => {
    const model = paretoChart(pareto, String, (id) => id === 1, 0.8, labels, isSelected);
    expect(model.data.datasets[0]!.backgroundColor).toEqual(expected);
  });

  describe('legend', () => {
    beforeAll(() => {
      Chart.register(Legend);
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    const legendTexts = (model: ReturnType<typeof paretoChart>) => {
      // Chart.js's own items, one per dataset; the model recolours the bars and adds its own.
      const base: LegendItem[] = [0, 1, 2].map((datasetIndex) => ({
        text: `dataset ${datasetIndex}`,
        datasetIndex,
        fillStyle: 'rgba(0,0,0,0.1)',
        strokeStyle: 'rgba(0,0,0,0.1)',
      }));
      vi.spyOn(Chart.defaults.plugins.legend.labels, 'generateLabels').mockReturnValue(base);
      const generate = model.options.plugins!.legend!.labels!.generateLabels!;
      return (call(generate, {}) as LegendItem[]).map((item) => [item.text, item.fillStyle]);
    };

    const withSelection = { ...labels, selected: 'Selected accounts' };

    it('adds the key-revenue entry only, without a selection (as before)', () => {
      for (const isSelected of [undefined, () => false]) {
        const model = paretoChart(pareto, String, () => false, 0.8, withSelection, isSelected);
        expect(legendTexts(model)).toEqual([
          ['dataset 0', COLORS.bar],
          ['dataset 1', 'rgba(0,0,0,0.1)'],
          ['dataset 2', 'rgba(0,0,0,0.1)'],
          ['Revenue (key account)', COLORS.keyBar],
        ]);
      }
    });

    it('adds an entry for the selected accounts when any is selected', () => {
      const model = paretoChart(
        pareto,
        String,
        () => false,
        0.8,
        withSelection,
        (id) => id === 2,
      );
      expect(legendTexts(model)).toEqual([
        ['dataset 0', COLORS.bar],
        ['dataset 1', 'rgba(0,0,0,0.1)'],
        ['dataset 2', 'rgba(0,0,0,0.1)'],
        ['Revenue (key account)', COLORS.keyBar],
        ['Selected accounts', COLORS.selected],
      ]);
    });
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

describe('heatmapChart metrics and selection', () => {
  // A 2×2 grid: one cell with negative net revenue (returns), one empty.
  const cells = [
    { r: 1, f: 1, count: 1, revenueMinor: -500 },
    { r: 1, f: 2, count: 0, revenueMinor: 0 },
    { r: 2, f: 1, count: 2, revenueMinor: 1000, selected: 1 },
    { r: 2, f: 2, count: 4, revenueMinor: 4000, selected: 0 },
  ];
  const cellLabels = {
    r: 'R',
    f: 'F',
    cell: (r: number, f: number, count: number, revenue: number) =>
      `R${r} F${f}: ${count}, ${revenue}`,
    compactMoney: (m: number) => `¥${m / 100}`,
    selected: (n: number) => `${n} selected`,
  };
  type Point = { x: number; y: number; v: number; text: string };

  it.each([
    [
      'count',
      ['1', '0', '2', '4'],
      // 0.15 + 0.85 × count / 4; the empty cell at the alpha floor.
      ['0.362', '0.040', '0.575', '1.000'],
    ],
    [
      'revenue',
      ['¥-5', '¥0', '¥10', '¥40'],
      // Negative revenue reads as empty, like zero.
      ['0.040', '0.040', '0.362', '1.000'],
    ],
  ] as const)('%s metric: cell texts and colours', (metric, texts, alphas) => {
    const model = heatmapChart(cells, 2, cellLabels, undefined, metric);
    const points = model.data.datasets[0]!.data as Point[];
    expect(points.map((p) => p.text)).toEqual(texts);
    expect(model.data.datasets[0]!.backgroundColor).toEqual(
      alphas.map((a) => `rgba(31, 78, 121, ${a})`),
    );
  });

  it('writes revenue with String when no compactMoney is given', () => {
    const { compactMoney: _, ...plain } = cellLabels;
    const model = heatmapChart(cells, 2, plain, undefined, 'revenue');
    expect((model.data.datasets[0]!.data as Point[]).map((p) => p.text)).toEqual([
      '-500',
      '0',
      '1000',
      '4000',
    ]);
  });

  it('never colours NaN, even when every cell has negative revenue', () => {
    const model = heatmapChart(
      [
        { r: 1, f: 1, count: 1, revenueMinor: -5 },
        { r: 1, f: 2, count: 1, revenueMinor: -7 },
      ],
      2,
      cellLabels,
      undefined,
      'revenue',
    );
    expect(model.data.datasets[0]!.backgroundColor).toEqual([
      'rgba(31, 78, 121, 0.040)',
      'rgba(31, 78, 121, 0.040)',
    ]);
  });

  it('defaults to the count metric', () => {
    const model = heatmapChart(cells, 2, cellLabels);
    expect((model.data.datasets[0]!.data as Point[]).map((p) => [p.v, p.text])).toEqual([
      [1, '1'],
      [0, '0'],
      [2, '2'],
      [4, '4'],
    ]);
  });

  it('gives cells holding selected accounts a thick amber border', () => {
    const dataset = heatmapChart(cells, 2, cellLabels).data.datasets[0]!;
    expect(dataset.borderColor).toEqual(['#ffffff', '#ffffff', COLORS.selected, '#ffffff']);
    expect(dataset.borderWidth).toEqual([2, 2, 4, 2]);
  });

  it.each([
    [0, 'R1 F1: 1, -500'],
    [2, ['R2 F1: 2, 1000', '1 selected']],
    [3, 'R2 F2: 4, 4000'],
  ])('tooltip of cell %i', (index, expected) => {
    const model = heatmapChart(cells, 2, cellLabels, undefined, 'revenue');
    expect(tooltipLabel(model.options, index)).toEqual(expected);
  });

  it('keeps a one-line tooltip without a selected label', () => {
    const { selected: _, ...plain } = cellLabels;
    expect(tooltipLabel(heatmapChart(cells, 2, plain).options, 2)).toBe('R2 F1: 2, 1000');
  });

  it('reports the clicked cell as (r, f)', () => {
    const onCell = vi.fn();
    const model = heatmapChart(cells, 2, cellLabels, onCell, 'revenue');
    click(model.options, 1);
    expect(onCell).toHaveBeenCalledWith(1, 2);
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

describe('monthlyTrendChart with a selection', () => {
  const trendLabels = {
    revenue: 'Revenue',
    selection: 'Selected',
    compactMoney: String,
    money: (m: number) => `¥${m}`,
  };

  it('aligns both series on the sorted union of months, gaps at 0', () => {
    const model = monthlyTrendChart(
      [
        { month: '2025-03', revenueMinor: 300 },
        { month: '2025-01', revenueMinor: -20 },
      ],
      trendLabels,
      [
        { month: '2025-03', revenueMinor: 30 },
        { month: '2024-12', revenueMinor: 5 },
        { month: '2025-02', revenueMinor: 7 },
      ],
    );
    expect(model.data.labels).toEqual(['2024-12', '2025-01', '2025-02', '2025-03']);
    const [bars, line] = model.data.datasets;
    expect(bars!.data).toEqual([0, -20, 0, 300]);
    expect(bars!.backgroundColor).toEqual([COLORS.line, COLORS.keyBar, COLORS.line, COLORS.line]);
    expect(line).toMatchObject({
      type: 'line',
      label: 'Selected',
      data: [5, 0, 7, 30],
      borderColor: COLORS.selected,
      pointRadius: 4,
      yAxisID: 'selection',
    });
    // The selection gets its own right-hand axis; without one there is none.
    const scales = model.options.scales as Record<string, { position?: string }>;
    expect(scales['selection']?.position).toBe('right');
    expect(Object.keys(monthlyTrendChart([], trendLabels).options.scales as object).sort()).toEqual(
      ['x', 'y'],
    );
    expect(model.options.plugins!.legend!.display).toBe(true);
  });

  it('names the series in the tooltip when there are two', () => {
    const model = monthlyTrendChart([{ month: '2025-01', revenueMinor: 1 }], trendLabels, []);
    const label = model.options.plugins!.tooltip!.callbacks!.label!;
    expect(call(label, { dataset: { label: 'Selected' }, raw: 12 })).toBe('Selected: ¥12');
  });

  it('keeps the single bar series, its order and no legend without a selection', () => {
    const model = monthlyTrendChart(
      [
        { month: '2025-02', revenueMinor: 2 },
        { month: '2025-01', revenueMinor: 1 },
      ],
      trendLabels,
    );
    expect(model.data.labels).toEqual(['2025-02', '2025-01']);
    expect(model.data.datasets).toHaveLength(1);
    expect(model.data.datasets[0]!.data).toEqual([2, 1]);
    expect(model.options.plugins!.legend!.display).toBe(false);
    const label = model.options.plugins!.tooltip!.callbacks!.label!;
    expect(call(label, { dataset: { label: 'Revenue' }, raw: 12 })).toBe('¥12');
  });
});

describe('migrationAxes', () => {
  it.each([
    ['empty', [], ['a', 'b'], [], []],
    [
      'listed ids in the given order',
      [
        { from: 'b', to: 'a', count: 1 },
        { from: 'a', to: 'b', count: 2 },
      ],
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
    ],
    [
      'unknown ids after the listed ones, in code-unit order',
      [
        { from: 'zeta', to: 'b', count: 1 },
        { from: 'Zeta', to: 'none', count: 1 },
        { from: 'b', to: 'alpha', count: 1 },
        { from: 'none', to: 'b', count: 1 },
      ],
      ['b', 'none'],
      ['b', 'none', 'Zeta', 'zeta'],
      ['b', 'none', 'alpha'],
    ],
    [
      'only ids that occur, each once',
      [
        { from: 'c', to: 'c', count: 1 },
        { from: 'c', to: 'a', count: 1 },
      ],
      ['a', 'b', 'c', 'a'],
      ['c'],
      ['a', 'c'],
    ],
  ])('%s', (_, migration, order, rows, columns) => {
    expect(migrationAxes(migration, order)).toEqual({ rows, columns });
  });
});

describe('migrationChart', () => {
  const migration = [
    { from: 'lost', to: 'lost', count: 3 },
    { from: 'champions', to: 'lost', count: 1 },
    { from: 'champions', to: 'champions', count: 6 },
    { from: 'none', to: 'champions', count: 2 },
  ];
  const migrationLabels: MigrationLabels = {
    from: 'Before',
    to: 'Now',
    name: (id) => id.toUpperCase(),
    cell: (from, to, count) => `${from} → ${to}: ${count}`,
    order: ['champions', 'lost', 'none'],
  };
  type Point = { x: number; y: number; v: number; text: string };
  const model = migrationChart(migration, migrationLabels);
  const dataset = model.data.datasets[0]!;
  const points = dataset.data as Point[];

  it('draws the full rows × columns grid, zeros included, counts as text', () => {
    // Rows champions, lost, none; columns champions, lost.
    expect(points.map((p) => [p.y, p.x, p.v, p.text])).toEqual([
      [0, 0, 6, '6'],
      [0, 1, 1, '1'],
      [1, 0, 0, '0'],
      [1, 1, 3, '3'],
      [2, 0, 2, '2'],
      [2, 1, 0, '0'],
    ]);
  });

  it('colours stayed (diagonal) green and moved blue, by count', () => {
    expect(dataset.backgroundColor).toEqual([
      'rgba(30, 132, 73, 1.000)',
      // 0.15 + 0.85 × 1 / 6
      'rgba(31, 78, 121, 0.292)',
      'rgba(31, 78, 121, 0.040)',
      // 0.15 + 0.85 × 3 / 6
      'rgba(30, 132, 73, 0.575)',
      'rgba(31, 78, 121, 0.433)',
      'rgba(31, 78, 121, 0.040)',
    ]);
  });

  it('labels the axes with segment names at each index, first row at the top', () => {
    type Axis = {
      min: number;
      max: number;
      reverse: boolean;
      title: { text: string };
      afterBuildTicks: AnyFn;
      ticks: { callback: AnyFn };
    };
    const scales = model.options.scales as unknown as { x: Axis; y: Axis };
    const ticksOf = (axis: Axis) => {
      const scale = { ticks: [] as { value: number }[] };
      call(axis.afterBuildTicks, scale);
      return scale.ticks.map((t) => [t.value, call(axis.ticks.callback, t.value)]);
    };
    expect(ticksOf(scales.x)).toEqual([
      [0, 'CHAMPIONS'],
      [1, 'LOST'],
    ]);
    expect(ticksOf(scales.y)).toEqual([
      [0, 'CHAMPIONS'],
      [1, 'LOST'],
      [2, 'NONE'],
    ]);
    expect(call(scales.x.ticks.callback, 0.5)).toBe('');
    expect([scales.x.min, scales.x.max, scales.x.title.text]).toEqual([-0.5, 1.5, 'Now']);
    expect([scales.y.min, scales.y.max, scales.y.title.text]).toEqual([-0.5, 2.5, 'Before']);
    expect([scales.x.reverse, scales.y.reverse]).toEqual([false, true]);
  });

  it.each([
    [0, 'champions', 'champions', 'champions → champions: 6'],
    [1, 'champions', 'lost', 'champions → lost: 1'],
    [5, 'none', 'lost', 'none → lost: 0'],
  ])('cell %i: click opens (%s, %s), tooltip from labels.cell', (index, from, to, tooltip) => {
    const onCell = vi.fn();
    const clicked = migrationChart(migration, migrationLabels, onCell);
    click(clicked.options, index);
    expect(onCell).toHaveBeenCalledWith(from, to);
    expect(tooltipLabel(clicked.options, index)).toBe(tooltip);
  });

  it('sums repeated pairs and draws nothing for no migration', () => {
    const summed = migrationChart(
      [
        { from: 'a', to: 'a', count: 1 },
        { from: 'a', to: 'a', count: 2 },
      ],
      migrationLabels,
    );
    expect((summed.data.datasets[0]!.data as Point[]).map((p) => p.text)).toEqual(['3']);
    expect(migrationChart([], migrationLabels).data.datasets[0]!.data).toEqual([]);
  });
});
