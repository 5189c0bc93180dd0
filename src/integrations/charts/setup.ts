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
  Filler,
  Legend,
  Tooltip,
  MatrixController,
  MatrixElement,
);

// Projector-friendly defaults: larger type, solid colours.
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1d2733';
Chart.defaults.maintainAspectRatio = false;

export { Chart };
