// Chart models: plain data in, Chart.js data/options out. Kept apart from the .svelte views so
// they can be unit-tested and reused (profile page, exports).
import { Chart, type ChartData, type ChartOptions, type Plugin } from 'chart.js';
import type { MatrixElement } from 'chartjs-chart-matrix';
import type { ParetoResult } from '../../domain/types';

export const COLORS = {
  bar: '#8fb3d9',
  keyBar: '#c0392b',
  line: '#1f4e79',
  cutoff: '#e67e22',
  grid: '#e3e8ee',
  /** Accounts the user selected: a strong amber that reads on a projector next to red and blue. */
  selected: '#f39c12',
};

export interface ParetoLabels {
  revenue: string;
  keyRevenue: string;
  cumulative: string;
  cutoffLine: string;
  money: (minor: number) => string;
  compactMoney: (minor: number) => string;
  percent: (share: number) => string;
  /** Legend text for the bars of selected accounts (shown only when some are selected). */
  selected?: string;
}

export interface ParetoChartModel {
  data: ChartData<'bar' | 'line'>;
  options: ChartOptions<'bar' | 'line'>;
}

/**
 * Sorted revenue bars (key accounts highlighted, selected accounts highlighted over that),
 * cumulative share line and the cut-off line.
 */
export function paretoChart(
  pareto: ParetoResult,
  nameOf: (accountId: number) => string,
  isKey: (accountId: number) => boolean,
  cutoff: number,
  labels: ParetoLabels,
  isSelected?: (accountId: number) => boolean,
): ParetoChartModel {
  const entries = pareto.entries;
  const selected = entries.map((e) => isSelected?.(e.accountId) ?? false);
  const anySelected = selected.includes(true);
  const barColor = (accountId: number, i: number) =>
    selected[i] ? COLORS.selected : isKey(accountId) ? COLORS.keyBar : COLORS.bar;
  return {
    data: {
      labels: entries.map((e) => nameOf(e.accountId)),
      datasets: [
        {
          type: 'bar',
          label: labels.revenue,
          // Minor units are exact integers; the chart only needs display magnitude.
          data: entries.map((e) => e.valueMinor),
          backgroundColor: entries.map((e, i) => barColor(e.accountId, i)),
          yAxisID: 'y',
          order: 2,
          categoryPercentage: 1,
          barPercentage: 0.9,
        },
        {
          type: 'line',
          label: labels.cumulative,
          data: entries.map((e) => e.cumulativeShare * 100),
          borderColor: COLORS.line,
          backgroundColor: COLORS.line,
          borderWidth: 3,
          pointRadius: 0,
          yAxisID: 'share',
          order: 1,
        },
        {
          type: 'line',
          label: labels.cutoffLine,
          data: entries.map(() => cutoff * 100),
          borderColor: COLORS.cutoff,
          backgroundColor: COLORS.cutoff,
          borderDash: [8, 6],
          borderWidth: 2,
          pointRadius: 0,
          yAxisID: 'share',
          order: 0,
        },
      ],
    },
    options: {
      responsive: true,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            // The bar dataset has one colour per account; the legend shows both meanings.
            generateLabels: (chart) => {
              const items = Chart.defaults.plugins.legend.labels.generateLabels(chart);
              const bars = items.find((item) => item.datasetIndex === 0);
              if (!bars) return items;
              bars.fillStyle = COLORS.bar;
              bars.strokeStyle = COLORS.bar;
              const extra = [{ text: labels.keyRevenue, color: COLORS.keyBar }];
              if (anySelected && labels.selected !== undefined) {
                extra.push({ text: labels.selected, color: COLORS.selected });
              }
              return [
                ...items,
                ...extra.map(({ text, color }) => ({
                  ...bars,
                  text,
                  fillStyle: color,
                  strokeStyle: color,
                })),
              ];
            },
          },
          onClick: () => undefined,
        },
        tooltip: {
          callbacks: {
            label: (ctx) =>
              ctx.dataset.yAxisID === 'share'
                ? `${ctx.dataset.label}: ${labels.percent(Number(ctx.raw) / 100)}`
                : `${ctx.dataset.label}: ${labels.money(Number(ctx.raw))}`,
          },
        },
      },
      scales: {
        x: { ticks: { display: false }, grid: { display: false } },
        y: {
          position: 'left',
          beginAtZero: true,
          grid: { color: COLORS.grid },
          ticks: { callback: (v) => labels.compactMoney(Number(v)) },
        },
        share: {
          position: 'right',
          min: 0,
          max: 100,
          grid: { display: false },
          ticks: { callback: (v) => `${v}%` },
        },
      },
    },
  };
}

const scoreTicks = (bins: number) => Array.from({ length: bins }, (_, i) => ({ value: i + 1 }));

/** A matrix point as the chart models here build it: `text` is what `cellCountLabels` writes. */
interface LabelledPoint {
  v?: number;
  text?: string;
}

/**
 * Writes each cell's `text` (or, for points without one, its value `v`) in the middle of the
 * cell, readable on a projector.
 */
export const cellCountLabels: Plugin<'matrix'> = {
  id: 'cellCountLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const points = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.font = `600 ${Math.max(12, Math.round((chart.chartArea.width || 300) / 40))}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const max = Math.max(1, ...points.map((p) => (p as LabelledPoint).v ?? 0));
    meta.data.forEach((element, i) => {
      const point = points[i] as LabelledPoint | undefined;
      const value = point?.v ?? 0;
      const { x, y } = (element as unknown as MatrixElement).getCenterPoint(true);
      // Dark cells get white text, pale ones dark text, so every label stays legible.
      ctx.fillStyle = value / max > 0.4 ? '#ffffff' : '#1d2733';
      ctx.fillText(point?.text ?? String(value), x, y);
    });
    ctx.restore();
  },
};

export interface HeatmapLabels {
  r: string;
  f: string;
  cell: (r: number, f: number, count: number, revenueMinor: number) => string;
  /** Writes revenue inside the cells for the 'revenue' metric; String when absent. */
  compactMoney?: (minor: number) => string;
  /** Second tooltip line of a cell holding selected accounts. */
  selected?: (n: number) => string;
}

export type HeatmapMetric = 'count' | 'revenue';

export interface HeatmapCellInput {
  r: number;
  f: number;
  count: number;
  revenueMinor: number;
  /** How many selected accounts sit in the cell. */
  selected?: number;
}

/** Alpha of a cell holding `value` out of `max` (max ≥ 1): zero and below read as empty. */
const cellAlpha = (value: number, max: number): number =>
  value > 0 ? 0.15 + 0.85 * Math.min(1, value / max) : 0.04;

const rgba = (rgb: string, alpha: number) => `rgba(${rgb}, ${alpha.toFixed(3)})`;
const BLUE_RGB = '31, 78, 121';
const GREEN_RGB = '30, 132, 73';
const SELECTED_BORDER = 4;
const CELL_BORDER = 2;

/**
 * R×F matrix, F on x, R on y (most recent at the top). The metric colours the cells and is
 * written in them: account count, or revenue (negative revenue reads as empty). Cells holding
 * selected accounts get a thick amber border.
 */
export function heatmapChart(
  cells: readonly HeatmapCellInput[],
  bins: number,
  labels: HeatmapLabels,
  onCell?: (r: number, f: number) => void,
  metric: HeatmapMetric = 'count',
): { data: ChartData<'matrix'>; options: ChartOptions<'matrix'> } {
  const money = labels.compactMoney ?? String;
  const points = cells.map((c) => {
    const v = metric === 'revenue' ? c.revenueMinor : c.count;
    return {
      x: c.f,
      y: c.r,
      v,
      count: c.count,
      revenue: c.revenueMinor,
      selected: c.selected ?? 0,
      text: metric === 'revenue' ? money(c.revenueMinor) : String(c.count),
    };
  });
  const max = Math.max(1, ...points.map((p) => p.v));
  return {
    data: {
      datasets: [
        {
          label: 'R×F',
          data: points,
          backgroundColor: points.map((p) => rgba(BLUE_RGB, cellAlpha(p.v, max))),
          borderColor: points.map((p) => (p.selected > 0 ? COLORS.selected : '#ffffff')),
          borderWidth: points.map((p) => (p.selected > 0 ? SELECTED_BORDER : CELL_BORDER)),
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / bins - 2,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / bins - 2,
        },
      ],
    },
    options: {
      // Linked: a cell opens the accounts grid filtered to it.
      ...matrixOptions(points, onCell && ((p) => onCell(p.y, p.x)), (p) => {
        const cell = labels.cell(p.y, p.x, p.count, p.revenue);
        return p.selected > 0 && labels.selected ? [cell, labels.selected(p.selected)] : cell;
      }),
      scales: {
        x: {
          type: 'linear',
          min: 0.5,
          max: bins + 0.5,
          offset: false,
          afterBuildTicks: (axis) => {
            axis.ticks = scoreTicks(bins);
          },
          grid: { display: false },
          title: { display: true, text: labels.f },
        },
        y: {
          type: 'linear',
          min: 0.5,
          max: bins + 0.5,
          offset: false,
          // The matrix plugin reverses y by default; score 5 (most recent) belongs at the top.
          reverse: false,
          afterBuildTicks: (axis) => {
            axis.ticks = scoreTicks(bins);
          },
          grid: { display: false },
          title: { display: true, text: labels.r },
        },
      },
    },
  };
}

/** What both matrix charts share: no animation or legend, a click and a tooltip per cell. */
function matrixOptions<P>(
  points: readonly P[],
  onPoint: ((point: P) => void) | undefined,
  tooltip: (point: P) => string | string[],
): ChartOptions<'matrix'> {
  return {
    responsive: true,
    animation: false,
    onClick: (_event, elements) => {
      const p = elements[0] ? points[elements[0].index] : undefined;
      if (p && onPoint) onPoint(p);
    },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { title: () => '', label: (ctx) => tooltip(points[ctx.dataIndex]!) } },
    },
  };
}

export interface MigrationLabels {
  /** Axis title of the rows (where accounts came from). */
  from: string;
  /** Axis title of the columns (where accounts went). */
  to: string;
  name: (id: string) => string;
  cell: (from: string, to: string, count: number) => string;
  /** Display order of segment ids; ids not listed follow, in code-unit order. */
  order: readonly string[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Distinct ids, listed ones in `order`'s order, the rest after them in code-unit order. */
function orderedIds(ids: Iterable<string>, order: readonly string[]): string[] {
  const rank = new Map<string, number>();
  order.forEach((id, i) => {
    if (!rank.has(id)) rank.set(id, i);
  });
  return [...new Set(ids)].sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? (ra < rb ? -1 : 1) : byCodeUnits(a, b);
  });
}

/** Rows (`from` values that occur) and columns (`to` values that occur) of a migration matrix. */
export function migrationAxes(
  migration: readonly { from: string; to: string; count: number }[],
  order: readonly string[],
): { rows: string[]; columns: string[] } {
  return {
    rows: orderedIds(
      migration.map((m) => m.from),
      order,
    ),
    columns: orderedIds(
      migration.map((m) => m.to),
      order,
    ),
  };
}

const indexTicks = (n: number) => Array.from({ length: n }, (_, i) => ({ value: i }));

/**
 * Segment migration matrix: rows = where accounts were (first row at the top), columns = where
 * they are now, every row × column cell drawn (zeros too) with its count written in it. Cells on
 * the diagonal (stayed) are green, the others (moved) blue.
 */
export function migrationChart(
  migration: readonly { from: string; to: string; count: number }[],
  labels: MigrationLabels,
  onCell?: (from: string, to: string) => void,
): { data: ChartData<'matrix'>; options: ChartOptions<'matrix'> } {
  const { rows, columns } = migrationAxes(migration, labels.order);
  // JSON keeps the pair unambiguous whatever characters the ids hold.
  const key = (from: string, to: string) => JSON.stringify([from, to]);
  const counts = new Map<string, number>();
  for (const m of migration) {
    counts.set(key(m.from, m.to), (counts.get(key(m.from, m.to)) ?? 0) + m.count);
  }
  const points = rows.flatMap((from, y) =>
    columns.map((to, x) => {
      const count = counts.get(key(from, to)) ?? 0;
      return { x, y, v: count, from, to, text: String(count) };
    }),
  );
  const max = Math.max(1, ...points.map((p) => p.v));
  const axis = (ids: readonly string[], title: string, reverse: boolean) => ({
    type: 'linear' as const,
    min: -0.5,
    max: Math.max(1, ids.length) - 0.5,
    offset: false,
    reverse,
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      scale.ticks = indexTicks(ids.length);
    },
    ticks: {
      callback: (value: number | string) => {
        const id = ids[Number(value)];
        return id === undefined ? '' : labels.name(id);
      },
    },
    grid: { display: false },
    title: { display: true, text: title },
  });
  return {
    data: {
      datasets: [
        {
          label: `${labels.from} → ${labels.to}`,
          data: points,
          backgroundColor: points.map((p) =>
            rgba(p.from === p.to ? GREEN_RGB : BLUE_RGB, cellAlpha(p.v, max)),
          ),
          borderColor: '#ffffff',
          borderWidth: CELL_BORDER,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / Math.max(1, columns.length) - 2,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / Math.max(1, rows.length) - 2,
        },
      ],
    },
    options: {
      ...matrixOptions(points, onCell && ((p) => onCell(p.from, p.to)), (p) =>
        labels.cell(p.from, p.to, p.v),
      ),
      scales: {
        x: axis(columns, labels.to, false),
        // Row 0 at the top: the matrix plugin's default reversed y axis, kept explicit.
        y: axis(rows, labels.from, true),
      },
    },
  };
}

export interface LorenzLabels {
  accounts: string;
  revenue: string;
  curve: string;
  equality: string;
  percent: (share: number) => string;
}

/** At most this many points are drawn: the curve is smooth, 50,000 points would only cost. */
const LORENZ_POINTS = 200;

/** Lorenz curve against the line of perfect equality, both in % on 0–100 axes. */
export function lorenzChart(
  points: readonly { x: number; y: number }[],
  labels: LorenzLabels,
): { data: ChartData<'line'>; options: ChartOptions<'line'> } {
  const step = Math.max(1, Math.ceil(points.length / LORENZ_POINTS));
  const shown = points.filter((_, i) => i % step === 0 || i === points.length - 1);
  return {
    data: {
      datasets: [
        {
          label: labels.curve,
          data: shown.map((p) => ({ x: p.x * 100, y: p.y * 100 })),
          borderColor: COLORS.line,
          backgroundColor: 'rgba(31, 78, 121, 0.12)',
          fill: 'origin',
          borderWidth: 3,
          pointRadius: 0,
        },
        {
          label: labels.equality,
          data: [
            { x: 0, y: 0 },
            { x: 100, y: 100 },
          ],
          borderColor: COLORS.cutoff,
          borderDash: [8, 6],
          borderWidth: 2,
          pointRadius: 0,
        },
      ],
    },
    options: {
      responsive: true,
      animation: false,
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const p = ctx.raw as { x: number; y: number };
              return `${labels.accounts}: ${labels.percent(p.x / 100)} → ${labels.revenue}: ${labels.percent(p.y / 100)}`;
            },
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: 100,
          title: { display: true, text: labels.accounts },
          ticks: { callback: (v) => `${v}%` },
        },
        y: {
          min: 0,
          max: 100,
          title: { display: true, text: labels.revenue },
          ticks: { callback: (v) => `${v}%` },
        },
      },
    },
  };
}

export interface SegmentBarsLabels {
  accounts: string;
  revenue: string;
  segment: (id: string) => string;
  compactMoney: (minor: number) => string;
  money: (minor: number) => string;
}

/** Accounts and revenue per RFM segment, side by side on two value axes. */
export function segmentBarsChart(
  rows: readonly { id: string; count: number; revenueMinor: number }[],
  labels: SegmentBarsLabels,
  onSegment?: (id: string) => void,
): { data: ChartData<'bar'>; options: ChartOptions<'bar'> } {
  return {
    data: {
      labels: rows.map((r) => labels.segment(r.id)),
      datasets: [
        {
          label: labels.accounts,
          data: rows.map((r) => r.count),
          backgroundColor: COLORS.bar,
          xAxisID: 'accounts',
        },
        {
          label: labels.revenue,
          data: rows.map((r) => r.revenueMinor),
          backgroundColor: COLORS.line,
          xAxisID: 'revenue',
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      animation: false,
      onClick: (_event, elements) => {
        const row = elements[0] ? rows[elements[0].index] : undefined;
        if (row && onSegment) onSegment(row.id);
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (ctx) =>
              ctx.dataset.xAxisID === 'revenue'
                ? `${ctx.dataset.label}: ${labels.money(Number(ctx.raw))}`
                : `${ctx.dataset.label}: ${String(ctx.raw)}`,
          },
        },
      },
      scales: {
        accounts: { position: 'top', beginAtZero: true, grid: { display: false } },
        revenue: {
          position: 'bottom',
          beginAtZero: true,
          ticks: { callback: (v) => labels.compactMoney(Number(v)) },
        },
      },
    },
  };
}

export interface MonthlyTrendLabels {
  revenue: string;
  compactMoney: (minor: number) => string;
  money: (minor: number) => string;
  /** Legend text of the selected accounts' line. */
  selection?: string;
}

type MonthRevenue = { month: string; revenueMinor: number };

/** Revenue per month (`YYYY-MM`), summed, on the given month axis; missing months are 0. */
function alignMonths(series: readonly MonthRevenue[], months: readonly string[]): number[] {
  const byMonth = new Map<string, number>();
  for (const m of series) byMonth.set(m.month, (byMonth.get(m.month) ?? 0) + m.revenueMinor);
  return months.map((month) => byMonth.get(month) ?? 0);
}

/**
 * Monthly net revenue as bars; with a selection, the selected accounts' monthly revenue as a line
 * on the same axis, both over the union of their months (ascending, gaps filled with 0).
 */
export function monthlyTrendChart(
  months: readonly MonthRevenue[],
  labels: MonthlyTrendLabels,
  selection?: readonly MonthRevenue[],
): { data: ChartData<'bar' | 'line'>; options: ChartOptions<'bar' | 'line'> } {
  const axis = selection
    ? [...new Set([...months, ...selection].map((m) => m.month))].sort(byCodeUnits)
    : months.map((m) => m.month);
  const revenue = selection ? alignMonths(months, axis) : months.map((m) => m.revenueMinor);
  const datasets: ChartData<'bar' | 'line'>['datasets'] = [
    {
      type: 'bar',
      label: labels.revenue,
      data: revenue,
      backgroundColor: revenue.map((v) => (v < 0 ? COLORS.keyBar : COLORS.line)),
      // Chart.js draws lower orders last: the selection's line goes over the bars.
      ...(selection ? { order: 1 } : {}),
    },
  ];
  if (selection) {
    datasets.push({
      type: 'line',
      label: labels.selection ?? '',
      data: alignMonths(selection, axis),
      borderColor: COLORS.selected,
      backgroundColor: COLORS.selected,
      borderWidth: 3,
      pointRadius: 4,
      pointHoverRadius: 6,
      order: 0,
      // Its own axis on the right: a few accounts next to all of them would be a flat line.
      yAxisID: 'selection',
    });
  }
  return {
    data: { labels: axis, datasets },
    options: {
      responsive: true,
      animation: false,
      plugins: {
        legend: selection
          ? {
              display: true,
              position: 'bottom',
              // Revenue first, as the datasets are listed, whatever their drawing order.
              labels: { sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
            }
          : { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) =>
              selection && ctx.dataset.label
                ? `${ctx.dataset.label}: ${labels.money(Number(ctx.raw))}`
                : labels.money(Number(ctx.raw)),
          },
        },
      },
      scales: {
        x: { grid: { display: false } },
        y: { beginAtZero: true, ticks: { callback: (v) => labels.compactMoney(Number(v)) } },
        ...(selection
          ? {
              selection: {
                position: 'right' as const,
                beginAtZero: true,
                grid: { display: false },
                ticks: {
                  color: COLORS.selected,
                  callback: (v: number | string) => labels.compactMoney(Number(v)),
                },
              },
            }
          : {}),
      },
    },
  };
}
