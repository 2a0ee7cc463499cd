// Shared by the browser tests: the built page, a static server over dist/, Debian's Chromium
// through playwright-core, and a page wrapper that records console errors and every request.

import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST_INDEX = join(ROOT, 'dist', 'index.html');
export const FILE_URL = pathToFileURL(DIST_INDEX).href;
export const ARTIFACTS = join(ROOT, 'artifacts');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Fails with a clear message when the site has not been built. */
export function requireDist() {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(`${DIST_INDEX} is missing: build the site first (npm run build, or node scripts/build-web.mjs)`);
  }
}

export function artifactsDir() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

export async function launch() {
  requireDist();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export async function serveDist() {
  requireDist();
  return startServer({ port: 0, root: join(ROOT, 'dist') });
}

/**
 * Opens `url` in a new page and waits for window.playground.ready. Returns { page, errors,
 * requests }: errors holds console errors and uncaught exceptions, requests every URL asked for.
 * The page starts paused unless `play` is set, so numbers depend only on what the test does.
 * `context` adds Playwright context options (hasTouch, isMobile, colorScheme, reducedMotion...).
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, locale = 'en-US', play = false, context: more = {} } = {}) {
  const context = await browser.newContext({ viewport, locale, ...more });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.evaluate(() => window.playground.ready);
  if (!play) await page.evaluate(() => window.playground.pause());
  return { page, context, errors, requests, close: () => context.close() };
}

/** The network's heatmap canvas pixels as { width, height, data: number[] } (RGBA). */
export async function heatmapPixels(page, net) {
  return page.evaluate((i) => {
    const c = document.querySelector(`canvas.heatmap[data-net="${i}"]`);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    return { width: d.width, height: d.height, data: Array.from(d.data) };
  }, net);
}

/**
 * Points where a per-pixel class flips between neighbouring pixels, scanning rows and columns;
 * each point is the midpoint between the two pixels. `cls(r, g, b)` returns -1, 1, or 0 (no class).
 */
export function flipPoints({ width, height, data }, cls) {
  const c = new Int8Array(width * height);
  for (let p = 0; p < width * height; p++) c[p] = cls(data[4 * p], data[4 * p + 1], data[4 * p + 2]);
  const pts = [];
  for (let j = 0; j < height; j++) {
    for (let i = 0; i + 1 < width; i++) {
      const a = c[j * width + i], b = c[j * width + i + 1];
      if (a && b && a !== b) pts.push([i + 0.5, j]);
    }
  }
  for (let i = 0; i < width; i++) {
    for (let j = 0; j + 1 < height; j++) {
      const a = c[j * width + i], b = c[(j + 1) * width + i];
      if (a && b && a !== b) pts.push([i, j + 0.5]);
    }
  }
  return pts;
}

/** The drawn decision boundary: where the colour flips between blue (B > R) and orange (R > B). */
export function boundaryPoints(pixels) {
  return flipPoints(pixels, (r, g, b) => (r > b + 8 ? -1 : b > r + 8 ? 1 : 0));
}

/**
 * A level set of the drawn output. On the diverging scale B - R grows monotonically with the
 * output (orange -> grey -> blue), so pixels above / below a threshold of B - R are the points
 * where the output is above / below some level: for an affine map, two half-planes. The
 * threshold is the median, so the level set crosses the picture whenever it is not uniform.
 * Returns { points, below, above } (pixel counts on each side).
 */
export function levelSetPoints(pixels) {
  const { width, height, data } = pixels;
  const s = Array.from({ length: width * height }, (_, p) => data[4 * p + 2] - data[4 * p]).sort((a, b) => a - b);
  const median = s[s.length >> 1];
  // put the threshold between two drawn values, on the side that splits the pixels most evenly
  const below = s.filter((v) => v < median).length, atOrBelow = s.filter((v) => v <= median).length;
  const useLower = Math.abs(below - s.length / 2) < Math.abs(atOrBelow - s.length / 2);
  const cut = useLower ? median - 0.5 : median + 0.5;
  const points = flipPoints(pixels, (r, g, b) => (b - r > cut ? 1 : -1));
  const nBelow = s.filter((v) => v < cut).length;
  return { points, below: nBelow, above: s.length - nBelow };
}

/** Total least squares line through pts: { maxResidual, rmsResidual } in pixels. */
export function lineFit(pts) {
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n, my = pts.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0, syy = 0, sxy = 0;
  for (const [x, y] of pts) { sxx += (x - mx) ** 2; syy += (y - my) ** 2; sxy += (x - mx) * (y - my); }
  // the direction of least spread is the line's normal
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const nx = -Math.sin(theta), ny = Math.cos(theta);
  const res = pts.map(([x, y]) => Math.abs((x - mx) * nx + (y - my) * ny));
  return { maxResidual: Math.max(...res), rmsResidual: Math.sqrt(res.reduce((s, r) => s + r * r, 0) / n) };
}
