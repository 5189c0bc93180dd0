// The installable app (issue 8): a web app manifest and a Workbox service worker that precaches
// every built file, so that after one visit Keyplan opens and works with the network off.
import type { VitePWAOptions } from 'vite-plugin-pwa';

export const THEME_COLOR = '#1f4e79';

/**
 * - registerType 'prompt': a new version installs in the background and waits; the app shows a
 *   "new version" banner and reloads only when the user says so (never in the middle of an
 *   import). Registration is in the app's bundle (src/state/appUpdate.svelte.ts), not an inline
 *   script the CSP would block, so injectRegister is off.
 * - Precache: every JS (workers and lazy chunks included), CSS, HTML and icon; the plugin adds
 *   the manifest itself. AG Grid makes the main chunk large, so the 2 MiB default per file is
 *   raised.
 * - No runtime caching: the app asks no other origin for anything.
 * - clientsClaim: the first visit's page is controlled at once, so it works offline without a
 *   reload. (An update still waits for the user: skipWaiting stays off.)
 * - No service worker under `npm run dev` (devOptions) nor in the single file (`disable`).
 */
export function pwaOptions(disable: boolean): Partial<VitePWAOptions> {
  return {
    disable,
    registerType: 'prompt',
    injectRegister: false,
    // The glob below already takes every file of public/; listing them again would duplicate them.
    includeAssets: [],
    includeManifestIcons: false,
    manifest: {
      name: 'Keyplan',
      short_name: 'Keyplan',
      description:
        'Key-account planning that runs entirely in your browser: import orders, find key accounts with RFM and Pareto, draft annual plans.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: '#ffffff',
      icons: [
        { src: 'pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,woff,woff2}'],
      maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      navigateFallback: 'index.html',
      runtimeCaching: [],
    },
    devOptions: { enabled: false },
  };
}
