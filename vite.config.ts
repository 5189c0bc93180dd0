/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { pwaOptions } from './scripts/vite/pwa.ts';
import { SINGLE_FILE_NAME, singleFileExtras } from './scripts/vite/singleFile.ts';

/**
 * The built app's Content-Security-Policy (issue 8). Build only: the dev server needs its HMR
 * websocket and inline client script, which this policy forbids.
 * - default-src 'self': anything not listed below comes from the app's own origin only.
 * - script-src 'self': the bundled modules; no inline script, no eval / new Function.
 * - worker-src 'self': the import and analysis workers are same-origin module files
 *   (assets/*Worker-*.js); nothing builds a worker from a blob: or data: URL.
 * - style-src 'self' 'unsafe-inline': Svelte writes style="" attributes and style: directives,
 *   and AG Grid's theming API injects <style> elements at run time; neither can carry a nonce
 *   or hash in a static page, and inline CSS cannot run script.
 * - img-src 'self' data: AG Grid's icons are data: SVGs in its CSS; Chart.js draws on canvas.
 *   Downloads (<a download href="blob:…"> for CSV, data: for chart PNGs) are navigations, which
 *   no fetch directive governs, so they need no blob: here.
 * - font-src 'self' data: bundled fonts only (no Google Fonts).
 * - connect-src 'self': no fetch / XHR / websocket to any other origin; the data never leaves.
 * - object-src 'none', base-uri 'none', form-action 'none': no plugins, no <base> hijack, no form
 *   posts anywhere.
 * (frame-ancestors cannot be set from a <meta>; a host that wants it sends it as a header.)
 * The service worker (scripts/vite/pwa.ts) is a same-origin file: worker-src 'self' covers it, and
 * manifest-src falls back to default-src 'self'. The single file (`--mode single`) has its own
 * policy: scripts/vite/singleFile.ts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'keyplan-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `vite build --mode single` (npm run build:single): one self-contained dist-single/keyplan.html.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    // Relative asset paths: the build works at a domain root, under any sub-path, on any static host.
    base: './',
    plugins: [
      svelte(),
      // The single file brings its own policy (see singleFileExtras).
      ...(single ? [] : [contentSecurityPolicy()]),
      // Also in single mode, disabled: `virtual:pwa-register` then resolves to a no-op.
      VitePWA(pwaOptions(single)),
      ...(single
        ? [...singleFileExtras('public'), viteSingleFile({ outputFileName: SINGLE_FILE_NAME })]
        : []),
    ],
    // The single file carries everything itself; public/ (favicon, icons) is not copied beside it.
    publicDir: single ? false : 'public',
    // The single file starts its workers from blob: URLs, and Chromium refuses a *module* worker
    // from a blob: URL made by a file:// page (its origin is opaque); a classic one it starts.
    worker: { format: single ? 'iife' : 'es' },
    // Pre-bundle up front: otherwise the first import in `npm run dev` discovers the worker's
    // dependencies late and Vite reloads the page in the middle of it.
    optimizeDeps: {
      include: ['papaparse', 'dexie', 'ag-grid-community', 'chart.js', 'chartjs-chart-matrix'],
    },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      ...(single ? { outDir: 'dist-single', modulePreload: false } : {}),
    },
    server: { host: '127.0.0.1' },
    test: {
      include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['test/setup.ts'],
    },
  };
});
