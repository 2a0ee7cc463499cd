#!/usr/bin/env node
// Frame timing of the compare lesson while it trains, in headless Chromium (dist/index.html from
// file://): issue 12's frame settings. Not a test: it prints numbers (and the machine's load).
//
//   node scripts/frames.mjs                     both settings, 10 s each
//   node scripts/frames.mjs --seconds 5 --only big|speed|default
//   node scripts/frames.mjs --profile           also a per-phase breakdown of one frame (ms)
//
// Settings: "big" = both networks 8,8,8,8,8,8 on spiral at speed 1; "speed" = the default
// networks (4,2 on xor) at 25 epochs per frame; "default" = the defaults at speed 1.
// Per setting: fps (frames / seconds), median fps (1000 / median frame interval), the longest
// frame interval, how many intervals exceed 33 ms, and the page's own ms per frame.

import { loadavg, cpus } from 'node:os';
import { launch, openPage, FILE_URL } from '../tests/browser/helpers.mjs';

const args = process.argv.slice(2);
const arg = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const seconds = Number(arg('seconds', 10));
const only = arg('only', null);
const profile = args.includes('--profile');

const SETTINGS = {
  big: { set: { dataset: 'spiral', networkShape: [8, 8, 8, 8, 8, 8] }, speed: 1 },
  speed: { set: {}, speed: 25 },
  default: { set: {}, speed: 1 },
};

async function run(browser, name, { set, speed }) {
  const { page, errors, close } = await openPage(browser, FILE_URL, { play: false });
  try {
    await page.evaluate(({ set, speed }) => window.playground.set({ ...set, speed }), { set, speed });
    await page.evaluate(() => window.playground.play());
    await page.waitForTimeout(1500); // warm up (and let the heatmap resolution settle)
    const load0 = loadavg()[0];
    const r = await page.evaluate((ms) => new Promise((resolve) => {
      const times = [];
      const t0 = performance.now();
      const tick = (now) => {
        times.push(now);
        if (now - t0 < ms) requestAnimationFrame(tick); else resolve(times);
      };
      requestAnimationFrame(tick);
    }), seconds * 1000);
    const perf = await page.evaluate(() => window.playground.get().perf);
    const dts = r.slice(1).map((t, i) => t - r[i]).sort((a, b) => a - b);
    const median = dts[dts.length >> 1];
    const out = {
      setting: name, seconds, frames: dts.length,
      fps: +(dts.length / ((r[r.length - 1] - r[0]) / 1000)).toFixed(1),
      medianFps: +(1000 / median).toFixed(1),
      longestMs: +dts[dts.length - 1].toFixed(1),
      p99Ms: +dts[Math.floor(dts.length * 0.99)].toFixed(1),
      over33: dts.filter((d) => d > 33).length,
      pageMsPerFrame: +perf.msPerFrame.toFixed(2), msTrain: +perf.msTrain.toFixed(2),
      msEvaluate: +perf.msEvaluate.toFixed(2), msDraw: +perf.msDraw.toFixed(2), heatmapSize: perf.heatmapSize,
      load1m: +((load0 + loadavg()[0]) / 2).toFixed(2), cpus: cpus().length,
    };
    if (profile) out.profile = await phases(page);
    if (errors.length) out.errors = errors;
    return out;
  } finally { await close(); }
}

// Where a frame's time goes: the page's own work, phase by phase, timed in the page (paused).
async function phases(page) {
  return page.evaluate(() => {
    const pg = window.playground;
    pg.pause();
    const time = (fn, n = 30) => { fn(); const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); return +((performance.now() - t0) / n).toFixed(2); };
    return { stepOneEpochAndRender: time(() => pg.step(1)) };
  });
}

const browser = await launch();
try {
  for (const [name, s] of Object.entries(SETTINGS)) {
    if (only && only !== name) continue;
    console.log(JSON.stringify(await run(browser, name, s)));
  }
} finally { await browser.close(); }
