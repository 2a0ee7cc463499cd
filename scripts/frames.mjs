#!/usr/bin/env node
// Frame timing of the compare lesson while it trains, in headless Chromium (dist/index.html from
// file://): issue 12's frame settings. Not a test: it prints numbers (and the machine's load).
//
//   node scripts/frames.mjs                     both settings, 10 s each
//   node scripts/frames.mjs --seconds 5 --only big|speed|default
//   node scripts/frames.mjs --profile           also the time of one paused step(1) (ms)
//   node scripts/frames.mjs --page /tmp/before/index.html   another build (e.g. main's, for a before/after)
//   node scripts/frames.mjs --cpu               also the CPU time per frame from a 3 s Chromium trace
//                                               (thread time: what a frame costs, whatever the load)
//
// Settings: "big" = both networks 8,8,8,8,8,8 on spiral at speed 1; "speed" = the default
// networks (4,2 on xor) at 25 epochs per frame; "default" = the defaults at speed 1.
// Per setting: fps (frames / seconds), median fps (1000 / median frame interval), the longest
// frame interval, how many intervals exceed 33 ms, and the page's own ms per frame.

import { loadavg, cpus, tmpdir } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { launch, openPage, FILE_URL } from '../tests/browser/helpers.mjs';

const args = process.argv.slice(2);
const arg = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const seconds = Number(arg('seconds', 10));
const only = arg('only', null);
const profile = args.includes('--profile');
const cpu = args.includes('--cpu');
const url = arg('page', null) ? pathToFileURL(resolve(arg('page'))).href : FILE_URL;

const SETTINGS = {
  big: { set: { dataset: 'spiral', networkShape: [8, 8, 8, 8, 8, 8] }, speed: 1 },
  speed: { set: {}, speed: 25 },
  default: { set: {}, speed: 1 },
};

async function run(browser, name, { set, speed }) {
  const { page, errors, close } = await openPage(browser, url, { play: false });
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
    if (cpu) out.cpuPerFrame = await cpuPerFrame(browser, page);
    if (errors.length) out.errors = errors;
    return out;
  } finally { await close(); }
}

// The page's own work for one epoch and a redraw, timed in the page (paused).
async function phases(page) {
  return page.evaluate(() => {
    const pg = window.playground;
    pg.pause();
    const time = (fn, n = 30) => { fn(); const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); return +((performance.now() - t0) / n).toFixed(2); };
    return { stepOneEpochAndRender: time(() => pg.step(1)) };
  });
}

// CPU (thread) time per frame over 3 s of play, from a Chromium trace: the renderer's main thread
// (script, style and layout, paint, commit) and its compositor and raster threads, and the GPU
// process (software compositing here). Frames: the main thread's BeginMainFrame count.
async function cpuPerFrame(browser, page) {
  const path = join(tmpdir(), `frames-trace-${process.pid}.json`);
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'toplevel', 'v8', 'blink', 'cc', 'viz'] });
  await page.waitForTimeout(3000);
  await browser.stopTracing();
  const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents;
  rmSync(path, { force: true });
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const mainKey = [...names].find(([, n]) => n === 'CrRendererMain')?.[0];
  const rendererPid = mainKey?.split(':')[0];
  const ms = {}, add = (k, v) => { ms[k] = (ms[k] ?? 0) + v / 1000; };
  let frames = 0;
  // top-level tasks only (RunTask / ThreadControllerImpl::RunTask nest: take the outermost per thread)
  const ends = new Map();
  for (const e of events.filter((x) => x.ph === 'X' && x.tdur !== undefined).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`, thread = names.get(key) ?? '?';
    if (key === mainKey && e.name === 'ProxyMain::BeginMainFrame') frames++;
    if (key === mainKey && ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Commit'].includes(e.name)) add(`main.${e.name}`, e.tdur);
    if ((ends.get(key) ?? 0) > e.ts) continue; // nested
    ends.set(key, e.ts + e.dur);
    const where = key === mainKey ? 'main' : String(e.pid) === rendererPid ? `renderer.${thread.replace(/\d+$/, '')}` : `other.${thread.replace(/\d+$/, '')}`;
    add(where, e.tdur);
  }
  const per = Object.fromEntries(Object.entries(ms).sort().map(([k, v]) => [k, +(v / Math.max(1, frames)).toFixed(2)]));
  return { frames, ...per };
}

const browser = await launch();
try {
  for (const [name, s] of Object.entries(SETTINGS)) {
    if (only && only !== name) continue;
    console.log(JSON.stringify(await run(browser, name, s)));
  }
} finally { await browser.close(); }
