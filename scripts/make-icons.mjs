#!/usr/bin/env node
// Draws the PNG icons the web app manifest and iOS ask for from public/favicon.svg, in headless
// Chromium (the same browser the tests use, so no image library is needed). The PNGs are
// committed; run this again only when the logo changes: `node scripts/make-icons.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
// Maskable and Apple icons are cut to shape by the platform: full-bleed square, no rounded
// corners of our own (the letter already sits inside the 80% safe zone).
const square = svg.replace(/ rx="[^"]*"/, '');
if (square === svg) throw new Error('favicon.svg: the rounded background rect was not found');

const icons = [
  { file: 'public/pwa-192.png', size: 192, source: svg },
  { file: 'public/pwa-512.png', size: 512, source: svg },
  { file: 'public/pwa-maskable-512.png', size: 512, source: square },
  { file: 'public/apple-touch-icon.png', size: 180, source: square },
];

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  for (const { file, size, source } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    await page.close();
    console.log(`${file} ${size}×${size}`);
  }
} finally {
  await browser.close();
}
