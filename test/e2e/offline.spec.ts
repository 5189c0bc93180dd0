// Issue 8, offline: after one visit the installed app works with the network off (the server is
// stopped and the browser is offline), and a new version waits for the user instead of reloading
// a page by itself.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir } from '../../bench/serveDir.mjs';
import { KeyplanApp } from './app';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const DIST = resolve(process.env.E2E_DIST ?? 'dist');
const SHOTS = 'test-results/screenshots';

/** The built app on a server of this test's own, so that the test can take it away. */
async function serve(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const { server, url } = (await serveDir(dir)) as { server: Server; url: string };
  return {
    url,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Waits until a service worker is active and controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every URL Workbox precached for this origin. */
async function precached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}

/** Responses that did not come from the service worker (a real network fetch). */
function watchNetwork(page: Page): string[] {
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!response.fromServiceWorker() && /^https?:/.test(url)) fromNetwork.push(url);
  });
  page.on('requestfailed', (request) => fromNetwork.push(`failed: ${request.url()}`));
  return fromNetwork;
}

test('after one visit the app opens and works with the server gone and the browser offline', async ({
  context,
  page,
}) => {
  const server = await serve(DIST);
  try {
    // First visit, online.
    await page.goto(server.url);
    await expect(page.getByRole('button', { name: /Load demo workspace/ })).toBeVisible();
    await controlled(page);

    const cached = await precached(page);
    for (const file of [
      /\/index\.html$/,
      /\/assets\/index-[\w-]+\.js$/,
      /\/assets\/index-[\w-]+\.css$/,
      /\/assets\/importWorker-[\w-]+\.js$/,
      /\/assets\/analysisWorker-[\w-]+\.js$/,
      /\/manifest\.webmanifest$/,
      /\/pwa-512\.png$/,
    ]) {
      expect(
        cached.some((url) => file.test(url.split('?')[0]!)),
        String(file),
      ).toBe(true);
    }

    // Installable: Chromium finds a valid manifest (name, icons, start URL, display) and nothing
    // that stops installation.
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      errors: { message: string }[];
      url: string;
    };
    expect(manifest.url).toMatch(/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's browser contexts are incognito-like: that one is about the test browser.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  } finally {
    await server.stop();
  }

  // The network is gone: no server, and the browser is offline.
  await context.setOffline(true);
  const fromNetwork = watchNetwork(page);
  await page.reload();
  const app = new KeyplanApp(page);
  await app.loadDemo();
  await app.nav('Accounts');
  await expect(app.gridRow(0)).toBeVisible({ timeout: 30_000 });
  await app.nav('Analysis');
  await expect(page.getByTestId('pareto-headline')).toContainText(/Top \d+ accounts/, {
    timeout: 30_000,
  });
  await app.nav('Plans');
  await expect(page.getByTestId('create-plan')).toBeVisible();
  await app.nav('Settings');
  await expect(page.getByTestId('settings-name')).toBeVisible();

  // An import offline: the import worker comes from the precache too.
  await app.nav('Import');
  await app.importFile(fixture('orders_small.csv'));
  await expect(page.getByTestId('sum-accounts')).toHaveText('8');
  await app.nav('Accounts');
  await page.getByTestId('accounts-search').fill('成都天府医药');
  await expect(
    page.locator('.ag-row [col-id="name"]').filter({ hasText: '成都天府医药有限公司' }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/offline-accounts.png` });

  // A new tab, offline, straight to a screen.
  const other = await context.newPage();
  const otherNetwork = watchNetwork(other);
  await other.goto(page.url().replace(/#.*$/, '#/analysis'));
  await expect(other.getByTestId('pareto-headline')).toContainText(/Top \d+ accounts/, {
    timeout: 30_000,
  });

  expect(fromNetwork).toEqual([]);
  expect(otherNetwork).toEqual([]);
});

/** A page with a marker that only survives as long as the page is not reloaded. */
async function openMarked(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('button', { name: /Load demo workspace/ })).toBeVisible();
  await controlled(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'not reloaded'));
  return page;
}

const marker = (page: Page) =>
  page.evaluate(() => (window as unknown as { marker?: string }).marker ?? 'reloaded');

test('a new version waits for Reload; the other tab is told, and is not reloaded behind its back', async ({
  context,
}) => {
  // A copy of the build that can be "released again".
  const dir = mkdtempSync(join(tmpdir(), 'keyplan-release-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir);
  try {
    const a = await openMarked(context, server.url);
    const b = await openMarked(context, server.url);

    // Release a new version: a changed service worker script.
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next release\n`);
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    for (const page of [a, b]) {
      await expect(page.getByTestId('update-banner')).toHaveText(
        /A new version of Keyplan is ready\./,
      );
    }
    await a.screenshot({ path: `${SHOTS}/update-banner.png` });
    expect(await marker(a)).toBe('not reloaded');

    await a.getByTestId('update-reload').click();
    await expect.poll(() => marker(a).catch(() => 'reloading')).toBe('reloaded');
    await expect(a.getByRole('button', { name: /Load demo workspace/ })).toBeVisible();
    await expect(a.getByTestId('update-banner')).toHaveCount(0);
    expect(
      await a.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting),
    ).toBeNull();

    // Tab B now runs old code under the new worker: it says so and waits for its user.
    await expect(b.getByTestId('update-banner')).toHaveText(/started in another tab/);
    expect(await marker(b)).toBe('not reloaded');
    await b.getByTestId('update-reload').click();
    await expect.poll(() => marker(b).catch(() => 'reloading')).toBe('reloaded');
    await expect(b.getByTestId('update-banner')).toHaveCount(0);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
