// Chart models: plain data in, Chart.js data/options out. Kept apart from the .svelte views so
// they can be unit-tested and reused (profile page, exports).
import { Chart, type ChartData, type ChartOptions, type Plugin } from 'chart.js';
import type { MatrixElement } from 'chartjs-chart-matrix';
import type { ParetoResult } from '../../domain/types';
import type { rfHeatmap } from '../../domain/rfm';

export const COLORS = {
  bar: '#8fb3d9',
  keyBar: '#c0392b',
  line: '#1f4e79',
  cutoff: '#e67e22',
  grid: '#e3e8ee',
};

export interface ParetoLabels {
  revenue: string;
  keyRevenue: string;
  cumulative: string;
  cutoffLine: string;
  money: (minor: number) => string;
  compactMoney: (minor: number) => string;
  percent: (share: number) => string;
}

export interface ParetoChartModel {
  data: ChartData<'bar' | 'line'>;
  options: ChartOptions<'bar' | 'line'>;
}

/** Sorted revenue bars (key accounts highlighted), cumulative share line and the cut-off line. */
export function paretoChart(
  pareto: ParetoResult,
  nameOf: (accountId: number) => string,
  isKey: (accountId: number) => boolean,
  cutoff: number,
  labels: ParetoLabels,
): ParetoChartModel {
  const entries = pareto.entries;
  return {
    data: {
      labels: entries.map((e) => nameOf(e.accountId)),
      datasets: [
        {
          type: 'bar',
          label: labels.revenue,
          // Minor units are exact integers; the chart only needs display magnitude.
          data: entries.map((e) => e.valueMinor),
          backgroundColor: entries.map((e) => (isKey(e.accountId) ? COLORS.keyBar : COLORS.bar)),
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
              return [
                ...items,
                {
                  ...bars,
                  text: labels.keyRevenue,
                  fillStyle: COLORS.keyBar,
                  strokeStyle: COLORS.keyBar,
                },
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

/** Writes each cell's account count in the middle of the cell, readable on a projector. */
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
    const max = Math.max(1, ...points.map((p) => (p as { v?: number }).v ?? 0));
    meta.data.forEach((element, i) => {
      const count = (points[i] as { v?: number } | undefined)?.v ?? 0;
      const { x, y } = (element as unknown as MatrixElement).getCenterPoint(true);
      // Dark cells get white text, pale ones dark text, so every count stays legible.
      ctx.fillStyle = count / max > 0.4 ? '#ffffff' : '#1d2733';
      ctx.fillText(String(count), x, y);
    });
    ctx.restore();
  },
};

export interface HeatmapLabels {
  r: string;
  f: string;
  cell: (r: number, f: number, count: number, revenueMinor: number) => string;
}

/** R×F matrix: colour by account count, F on x, R on y (most recent at the top). */
export function heatmapChart(
  cells: ReturnType<typeof rfHeatmap>,
  bins: number,
  labels: HeatmapLabels,
  onCell?: (r: number, f: number) => void,
): { data: ChartData<'matrix'>; options: ChartOptions<'matrix'> } {
  const max = Math.max(1, ...cells.map((c) => c.count));
  const colorFor = (count: number) => {
    const alpha = count === 0 ? 0.04 : 0.15 + 0.85 * (count / max);
    return `rgba(31, 78, 121, ${alpha.toFixed(3)})`;
  };
  const points = cells.map((c) => ({ x: c.f, y: c.r, v: c.count, revenue: c.revenueMinor }));
  return {
    data: {
      datasets: [
        {
          label: 'R×F',
          data: points,
          backgroundColor: points.map((p) => colorFor(p.v)),
          borderColor: '#ffffff',
          borderWidth: 2,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / bins - 2,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / bins - 2,
        },
      ],
    },
    options: {
      responsive: true,
      animation: false,
      // Linked: a cell opens the accounts grid filtered to it.
      onClick: (_event, elements) => {
        const p = elements[0] ? points[elements[0].index] : undefined;
        if (p && onCell) onCell(p.y, p.x);
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: () => '',
            label: (ctx) => {
              const p = points[ctx.dataIndex]!;
              return labels.cell(p.y, p.x, p.v, p.revenue);
            },
          },
        },
      },
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

/** Monthly net revenue as bars. */
export function monthlyTrendChart(
  months: readonly { month: string; revenueMinor: number }[],
  labels: {
    revenue: string;
    compactMoney: (minor: number) => string;
    money: (minor: number) => string;
  },
): { data: ChartData<'bar'>; options: ChartOptions<'bar'> } {
  return {
    data: {
      labels: months.map((m) => m.month),
      datasets: [
        {
          label: labels.revenue,
          data: months.map((m) => m.revenueMinor),
          backgroundColor: months.map((m) => (m.revenueMinor < 0 ? COLORS.keyBar : COLORS.line)),
        },
      ],
    },
    options: {
      responsive: true,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => labels.money(Number(ctx.raw)) } },
      },
      scales: {
        x: { grid: { display: false } },
        y: { beginAtZero: true, ticks: { callback: (v) => labels.compactMoney(Number(v)) } },
      },
    },
  };
}
