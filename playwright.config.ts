import { defineConfig } from '@playwright/test';

import { chromiumArgs, chromiumPath } from './test/chromium.mjs';

// Several people (or helpers) can run the suite side by side: each picks its own port, build
// folder and results folder (E2E_PORT, E2E_DIST, E2E_RESULTS); the defaults are what `npm test` uses.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
const results = process.env.E2E_RESULTS ?? 'test-results';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: results,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${results}/e2e.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
