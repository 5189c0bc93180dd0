import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

// Register only what the charts use: keeps the bundle small and tree-shaking honest.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Filler,
  Legend,
  Tooltip,
  MatrixController,
  MatrixElement,
);

// A white canvas, not a transparent one: exported PNGs look the same on slides and documents.
Chart.register({
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
});

// Projector-friendly defaults: larger type, solid colours.
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1d2733';
Chart.defaults.maintainAspectRatio = false;

export { Chart };
