#!/usr/bin/env node
// The page's figures, beside TensorFlow Playground's: bytes before the first frame over http and
// of the single offline file (raw and gzip -9), time from navigation start to the first drawn
// heatmap over http and from file:// (median of several fresh loads), and the frame rate at two
// settings, in headless Chromium (Debian's, through playwright-core, as the browser tests).
// `npm run bench` prints these after the engine table (bench/run.mjs); alone:
//
//   node bench/page.mjs                  sizes, first frame (7 loads each), frames (10 s each)
//   node bench/page.mjs --loads=5 --fps-seconds=5 --json=FILE
//   node bench/page.mjs --sizes          sizes only (no browser)
//   node bench/page.mjs --fps-seconds=0  sizes and first frame only
//
// A bench, not a test: it prints, it never asserts a time. See bench/README.md ("Page").

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIRST_WASM } from '../web/engine-later.js';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = process.env.NLP_DIST ? path.resolve(process.env.NLP_DIST) : path.join(ROOT, 'dist');  // NLP_DIST: another build's dist/

/** TensorFlow Playground (playground.tensorflow.org), the page this one is measured against. */
export const ANCHOR = Object.freeze({
  name: 'TensorFlow Playground',
  httpGzipKB: 120.7,           // its whole page, gzip
  cpuMsPerFrame: 34,           // about 34 ms of CPU per frame for one 6x8 network
});

const KB = 1000;  // kB, as tests/node/size.test.mjs
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** { raw, gzip } bytes of a file of dist/. */
export function fileSize(rel) {
  const buf = fs.readFileSync(path.join(DIST, rel));
  return { file: rel, raw: buf.length, gzip: gz(buf) };
}

/**
 * The static size figures: the single offline file (dist/nonlinear-playground.html when the
 * build writes one, else dist/index.html) and, over http, the files a loaded page asked for
 * before its first frame (`httpFiles`, measured in the browser; without it, index.html,
 * nlp-page.js and the first part of the module, web/engine-later.js).
 */
export function pageSizes(httpFiles = null) {
  const single = fs.existsSync(path.join(DIST, 'nonlinear-playground.html')) ? 'nonlinear-playground.html' : 'index.html';
  const files = httpFiles ?? ['index.html', 'nlp-page.js', FIRST_WASM];
  const http = files.map(fileSize);
  return {
    http: { files: http, raw: http.reduce((s, f) => s + f.raw, 0), gzip: http.reduce((s, f) => s + f.gzip, 0) },
    single: fileSize(single),
  };
}

async function browser() {
  const { chromium } = await import('playwright-core');
  const args = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'];
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
}

// Before any script of the page: the time of the first drawn heatmap, from the page's own mark
// (web/app.js: performance.mark('nlp:first-frame')) or, for a build without it, from the first
// putImageData on a heatmap canvas.
// And when the next animation frame after the mark has been rendered: the first frame is on
// screen once the task that drew it has ended, whatever else was queued before the next frame
// has run, and that frame's callbacks (the page's own too), style, layout and paint are done.
const FIRST_FRAME_PROBE = () => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    const entry = mark(name, ...rest);
    // a task posted at the highest priority from the next animation frame's callbacks runs once
    // that frame's rendering (the page's own callbacks, style, layout, paint) is done, ahead of
    // the timers already due (scheduler.postTask: Chromium 94+)
    if (name === 'nlp:first-frame') {
      requestAnimationFrame(() => {
        scheduler.postTask(() => { window.__nlpFirstPainted = performance.now(); }, { priority: 'user-blocking' });
      });
    }
    return entry;
  };
  const put = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (...a) {
    if (window.__nlpFirstPut == null && this.canvas.classList.contains('heatmap')) window.__nlpFirstPut = performance.now();
    return put.apply(this, a);
  };
};

/** One fresh load of `url`: ms from navigation start to the first drawn heatmap, and the files fetched by then. */
async function loadOnce(br, url) {
  const context = await br.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_FRAME_PROBE);
    const requests = [];
    page.on('request', (r) => requests.push({ url: r.url(), t: Date.now() }));
    await page.goto(url);
    const r = await page.waitForFunction(() => {
      const m = performance.getEntriesByName('nlp:first-frame')[0];
      if (m) return { ms: m.startTime, source: 'mark', firstPutMs: window.__nlpFirstPut };
      return window.__nlpFirstPut != null ? { ms: window.__nlpFirstPut, source: 'putImageData', firstPutMs: window.__nlpFirstPut } : null;
    }, null, { timeout: 30000 }).then((h) => h.jsonValue());
    // the first frame that draws what a lesson left out of the first (compare: its diagrams, with nlp-later.js)
    r.paintedMs = r.source === 'mark' ? await page.waitForFunction(() => window.__nlpFirstPainted ?? null).then((h) => h.jsonValue()) : null;
    r.completeMs = await page.waitForFunction(() => performance.getEntriesByName('nlp:first-frame-complete')[0]?.startTime ?? null, null, { timeout: 5000 })
      .then((h) => h.jsonValue(), () => null);
    const before = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.startTime <= (performance.getEntriesByName('nlp:first-frame')[0]?.startTime ?? window.__nlpFirstPut)).map((e) => e.name));
    const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? { dcl: n.domContentLoadedEventStart } : {}; });
    return { ...r, ...nav, fetched: [url.split('#')[0], ...before] };
  } finally {
    await context.close();
  }
}

/** Frames while the page trains: rAF callbacks over `seconds` after a 1-s warm-up. */
async function frames(br, url, setting, seconds) {
  const context = await br.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => window.playground.ready);
    await page.evaluate((s) => { window.playground.pause(); window.playground.set(s); window.playground.play(); }, setting);
    await page.waitForTimeout(1000);
    return await page.evaluate((ms) => new Promise((resolve) => {
      const pg = window.playground;
      const times = [];
      const e0 = pg.get().networks[0]?.epoch ?? 0;
      const tick = (now) => {
        times.push(now);
        if (now - times[0] < ms) requestAnimationFrame(tick);
        else {
          const gaps = times.slice(1).map((t, i) => t - times[i]);
          const g = pg.get();
          resolve({ fps: gaps.length / ((times[times.length - 1] - times[0]) / 1000), longestMs: Math.max(...gaps),
            over33: gaps.filter((d) => d > 33.4).length, frames: gaps.length,
            epochsPerFrame: ((g.networks[0]?.epoch ?? 0) - e0) / gaps.length, workMsPerFrame: g.perf.msPerFrame,
            msTrain: g.perf.msTrain, heatmapSize: g.perf.heatmapSize });
        }
      };
      requestAnimationFrame(tick);
    }), seconds * 1000);
  } finally {
    await context.close();
  }
}

/** The two frame-rate settings of issue 12. */
export const FPS_SETTINGS = [
  { name: '8x6 on spiral, speed 1', set: { dataset: 'spiral', networkShape: [8, 8, 8, 8, 8, 8], speed: 1 } },
  { name: 'default nets, speed 25', set: { speed: 25 } },
];

/** Every page figure: { sizes, firstFrame: { http, file }, fps: [...], loadavg, cpus }. */
export async function measurePage({ loads = 7, fpsSeconds = 10, log = () => {} } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: npm run build');
  const { startServer } = await import('../scripts/serve.mjs');
  const server = await startServer({ port: 0, root: DIST });
  const br = await browser();
  const out = { loadavgStart: os.loadavg(), cpus: os.cpus().length, firstFrame: {}, fps: [] };
  try {
    const urls = { http: server.url, file: pathToFileURL(path.join(DIST, 'index.html')).href };
    let httpFetched = null;
    await loadOnce(br, urls.http); // a first load warms the disk cache and Chromium's code paths
    for (let i = 0; i < loads; i++) {
      for (const [where, url] of Object.entries(urls)) {
        const r = await loadOnce(br, url);
        (out.firstFrame[where] ??= { runs: [], dcl: [], firstPut: [], complete: [], painted: [] }).runs.push(r.ms);
        if (r.paintedMs != null) out.firstFrame[where].painted.push(r.paintedMs);
        if (r.completeMs != null) out.firstFrame[where].complete.push(r.completeMs);
        out.firstFrame[where].dcl.push(r.dcl);
        out.firstFrame[where].firstPut.push(r.firstPutMs);
        out.firstFrame[where].source = r.source;
        if (where === 'http') httpFetched = r.fetched;
      }
    }
    for (const f of Object.values(out.firstFrame)) {
      f.median = median(f.runs); f.dclMedian = median(f.dcl); f.firstPutMedian = median(f.firstPut);
      f.completeMedian = f.complete.length ? median(f.complete) : null;
      f.paintedMedian = f.painted.length ? median(f.painted) : null;
    }
    log(`first frame: http ${fmtMs(out.firstFrame.http)}, file:// ${fmtMs(out.firstFrame.file)}`);
    const files = [...new Set(httpFetched.map((u) => decodeURIComponent(new URL(u).pathname).replace(/^\//, '') || 'index.html'))];
    out.httpFiles = files.filter((f) => fs.existsSync(path.join(DIST, f)));
    for (const s of fpsSeconds > 0 ? FPS_SETTINGS : []) {
      const r = await frames(br, urls.http, s.set, fpsSeconds);
      out.fps.push({ name: s.name, ...r });
      log(`frames, ${s.name}: ${r.fps.toFixed(1)} fps, longest ${r.longestMs.toFixed(0)} ms`);
    }
  } finally {
    await br.close();
    await server.close();
  }
  out.sizes = pageSizes(out.httpFiles);
  out.loadavgEnd = os.loadavg();
  return out;
}

const fmtKB = (b) => `${(b / KB).toFixed(1)} kB`;
const fmtMs = (f) => `${f.median.toFixed(0)} ms median (${f.runs.map((x) => x.toFixed(0)).join(', ')})`;

/** The page table, with TensorFlow Playground's figures beside ours. */
export function pageReport(p) {
  const lines = [];
  const { http, single } = p.sizes;
  lines.push('=== Page (headless Chromium; TensorFlow Playground beside it)');
  lines.push('');
  lines.push(`bytes over http, before the first frame: ${fmtKB(http.gzip)} gzip (${fmtKB(http.raw)} raw: ${http.files.map((f) => `${f.file} ${fmtKB(f.gzip)}`).join(' + ')})   TensorFlow Playground: ${ANCHOR.httpGzipKB} kB gzip`);
  lines.push(`bytes of the single offline file ${single.file}: ${fmtKB(single.gzip)} gzip (${fmtKB(single.raw)} raw)`);
  if (p.firstFrame?.http) {
    lines.push(`first drawn heatmap after navigation start: http ${fmtMs(p.firstFrame.http)}; file:// ${fmtMs(p.firstFrame.file)}`);
    lines.push(`  (${p.firstFrame.http.source === 'mark' ? "performance.mark('nlp:first-frame') after the first render" : 'the first heatmap putImageData (a build without the mark)'}; ` +
      `the first heatmap's putImageData, medians: http ${p.firstFrame.http.firstPutMedian.toFixed(0)} ms, file:// ${p.firstFrame.file.firstPutMedian.toFixed(0)} ms; ` +
      `DOMContentLoaded: http ${p.firstFrame.http.dclMedian.toFixed(0)} ms, file:// ${p.firstFrame.file.dclMedian.toFixed(0)} ms)`);
    if (p.firstFrame.http.paintedMedian != null) {
      lines.push(`  painted (the next animation frame after the mark, once its rendering is done), medians: http ${p.firstFrame.http.paintedMedian.toFixed(0)} ms, ` +
        `file:// ${p.firstFrame.file.paintedMedian.toFixed(0)} ms`);
    }
    if (p.firstFrame.http.completeMedian != null) {
      lines.push(`  the first frame with compare's diagrams, which come with nlp-later.js ('nlp:first-frame-complete'), medians: http ${p.firstFrame.http.completeMedian.toFixed(0)} ms, ` +
        `file:// ${p.firstFrame.file.completeMedian.toFixed(0)} ms`);
    }
  }
  for (const f of p.fps ?? []) {
    lines.push(`frames, ${f.name}: ${f.fps.toFixed(1)} fps, longest frame ${f.longestMs.toFixed(0)} ms, ${f.over33}/${f.frames} frames over 33 ms, ` +
      `${f.epochsPerFrame.toFixed(1)} epochs/frame, page work ${f.workMsPerFrame.toFixed(1)} ms/frame (train ${f.msTrain.toFixed(1)})` +
      `${f.name.startsWith('8x6') ? `   TensorFlow Playground: about ${ANCHOR.cpuMsPerFrame} ms CPU/frame for one 6x8 network` : ''}`);
  }
  if (p.loadavgStart) lines.push(`machine: ${p.cpus} CPUs, load average ${p.loadavgStart.map((v) => v.toFixed(2)).join(' ')} at the start, ${p.loadavgEnd.map((v) => v.toFixed(2)).join(' ')} at the end`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const arg = (name, dflt) => { const a = process.argv.find((x) => x.startsWith(`--${name}=`)); return a ? a.split('=')[1] : dflt; };
  const run = async () => {
    const p = process.argv.includes('--sizes')
      ? { sizes: pageSizes() }
      : await measurePage({ loads: Number(arg('loads', 7)), fpsSeconds: Number(arg('fps-seconds', 10)), log: (s) => console.log(`# ${s}`) });
    console.log(pageReport(p));
    const out = arg('json', null);
    if (out) fs.writeFileSync(out, `${JSON.stringify(p, null, 2)}\n`);
  };
  run().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
}
