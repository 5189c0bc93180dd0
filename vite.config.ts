/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative asset paths: the build works at a domain root, under any sub-path, on any static host.
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  // Pre-bundle up front: otherwise the first import in `npm run dev` discovers the worker's
  // dependencies late and Vite reloads the page in the middle of it.
  optimizeDeps: {
    include: ['papaparse', 'dexie', 'ag-grid-community', 'chart.js', 'chartjs-chart-matrix'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
