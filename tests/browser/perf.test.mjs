// Frame rate while both networks train, at the default settings and at 6 hidden layers of 8,
// in this headless Chromium: frames per second (requestAnimationFrame callbacks), epochs per
// frame, and the page's own work per frame. Written to artifacts/perf.json and printed.
// The structural requirement (at least one epoch per frame per network, everything redrawn) is
// asserted; the 30 fps floor only when PERF_ASSERT=1 (timings are not a unit test's business).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { launch, openPage, FILE_URL, artifactsDir } from './helpers.mjs';

let browser;
const results = {};
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  writeFileSync(join(artifactsDir(), 'perf.json'), `${JSON.stringify(results, null, 2)}\n`);
});

async function measure(page, seconds) {
  return page.evaluate((ms) => new Promise((resolve) => {
    const pg = window.playground;
    let frames = 0;
    const e0 = pg.get().networks[0].epoch;
    const t0 = performance.now();
    const tick = (now) => {
      frames++;
      if (now - t0 < ms) requestAnimationFrame(tick);
      else {
        const g = pg.get(), secs = (now - t0) / 1000;
        resolve({ fps: frames / secs, epochsPerSecond: (g.networks[0].epoch - e0) / secs,
          epochsPerFrame: (g.networks[0].epoch - e0) / frames, workMsPerFrame: g.perf.msPerFrame,
          msTrain: g.perf.msTrain, msEvaluate: g.perf.msEvaluate, msDraw: g.perf.msDraw, heatmapSize: g.perf.heatmapSize, frames });
      }
    };
    requestAnimationFrame(tick);
  }), seconds * 1000);
}

for (const [name, shape] of [['default (4,2)', null], ['6x8 hidden', [8, 8, 8, 8, 8, 8]]]) {
  test(`frame rate while training: ${name}`, async (t) => {
    const { page, errors, close } = await openPage(browser, FILE_URL, { play: false });
    try {
      if (shape) await page.evaluate((s) => window.playground.set({ networkShape: s }), shape);
      await page.evaluate(() => window.playground.play());
      await page.waitForTimeout(1000); // warm up
      const r = { ...(await measure(page, 4)), loadAverage1m: loadavg()[0], cpus: cpus().length };
      results[name] = r;
      t.diagnostic(`${name}: ${r.fps.toFixed(1)} fps, ${r.epochsPerFrame.toFixed(2)} epochs/frame, page work ${r.workMsPerFrame.toFixed(1)} ms/frame, heatmap ${r.heatmapSize}^2, load ${r.loadAverage1m.toFixed(1)} on ${r.cpus} cores`);
      console.log(`# perf ${name}: ${JSON.stringify(r)}`);
      assert.ok(r.epochsPerFrame >= 0.95, `at least one epoch per frame: ${r.epochsPerFrame}`);
      if (process.env.PERF_ASSERT === '1') assert.ok(r.fps >= 30, `>= 30 fps: ${r.fps}`);
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}

// Where a frame's drawing goes, counted rather than timed: at both networks 8,8,8,8,8,8 on
// spiral, one frame redraws every picture (both large heatmaps, both diagrams with every neuron's
// tile, the chart) with a bounded number of canvas calls: the diagrams are one putImageData each
// (their few hundred weight curves are rasterised in script, not stroked one path per weight).
test('a frame at 6x8 on spiral redraws every picture with a bounded number of canvas calls', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL, { play: false });
  try {
    await page.evaluate(() => window.playground.set({ dataset: 'spiral', networkShape: [8, 8, 8, 8, 8, 8] }));
    const r = await page.evaluate(() => {
      const P = CanvasRenderingContext2D.prototype, names = ['stroke', 'fill', 'fillRect', 'strokeRect', 'drawImage', 'putImageData', 'fillText', 'bezierCurveTo', 'arc'];
      const calls = Object.fromEntries(names.map((n) => [n, 0]));
      const drawn = new Set();
      // a frame while it trains: the data's points are drawn once per data set and size, not
      // every frame (the first frame after set() draws them; a layout change redraws them too)
      window.playground.step(1);
      const saved = names.map((n) => [n, P[n]]);
      for (const [n, f] of saved) P[n] = function (...a) { calls[n]++; drawn.add(this.canvas); return f.apply(this, a); };
      try { window.playground.step(1); } finally { for (const [n, f] of saved) P[n] = f; }
      const pictures = [...document.querySelectorAll('#compareView canvas.heatmap, #compareView canvas.diagram, #lossChart')];
      return { calls, redrawn: pictures.map((c) => drawn.has(c)), pictures: pictures.length };
    });
    console.log(`# canvas calls in one frame at 6x8: ${JSON.stringify(r.calls)}`);
    assert.equal(r.pictures, 5);
    assert.deepEqual(r.redrawn, [true, true, true, true, true], 'every picture is redrawn');
    const paths = r.calls.stroke + r.calls.fill + r.calls.strokeRect + r.calls.bezierCurveTo;
    assert.ok(paths <= 40, `path calls bounded (not one per weight or per tile): ${paths}`);
    assert.ok(r.calls.putImageData <= 6, `putImageData: ${r.calls.putImageData}`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// The first frame is painted as the start drew it (web/app.js: the first animation frame only
// checks the goals): nothing is trained or drawn again between the mark and that frame's paint,
// which would only put the pixels on screen later; but a change made in between is drawn in it
// (a host's set() once the page is ready, in a frame that gets no animation frames yet: hidden,
// or out of view in a frame of another origin). Counted, not timed: the heatmaps' putImageData
// calls and the epoch shown, at the mark and once the next animation frame has been rendered.
// `hold`: animation frames are held back until `change` (a function's source) has run after ready.
async function firstPaint({ hold = false, change = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((holdFrames) => {
      const put = CanvasRenderingContext2D.prototype.putImageData;
      let puts = 0;
      CanvasRenderingContext2D.prototype.putImageData = function (...a) {
        if (this.canvas.classList.contains('heatmap')) puts++;
        return put.apply(this, a);
      };
      window.__seen = () => ({ puts, epoch: document.getElementById('epoch').textContent });
      const raf = window.requestAnimationFrame.bind(window), held = [];
      window.requestAnimationFrame = (cb) => (holdFrames ? (held.push(cb), 0) : raf(cb));
      window.__release = () => { holdFrames = false; for (const cb of held.splice(0)) raf(cb); };
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        const entry = mark(name, ...rest);
        if (name === 'nlp:first-frame') {
          const atMark = window.__seen();
          // a task posted at the highest priority from the next animation frame's callbacks runs
          // once that frame's callbacks (the page's own too), style, layout and paint are done
          window.requestAnimationFrame(() => {
            scheduler.postTask(() => { window.__firstPaint = { atMark, painted: window.__seen() }; }, { priority: 'user-blocking' });
          });
        }
        return entry;
      };
    }, hold);
    await page.goto(FILE_URL);
    let beforeFrame = null;
    if (hold) {
      await page.evaluate(() => window.playground.ready);
      beforeFrame = await page.evaluate((source) => {
        new Function(source)(); // eslint-disable-line no-new-func
        const seen = window.__seen();
        window.__release();
        return seen;
      }, change);
    }
    const r = await page.waitForFunction(() => window.__firstPaint).then((h) => h.jsonValue());
    // and the page goes on: it autoplays
    await page.waitForFunction(() => window.playground.get().networks[0].epoch >= 3, null, { timeout: 10000 });
    assert.deepEqual(errors, []);
    return { ...r, beforeFrame };
  } finally {
    await context.close();
  }
}

test('the first frame is painted as the start drew it: nothing trained or drawn again before its paint', async () => {
  const r = await firstPaint();
  assert.ok(r.atMark.puts >= 2, `the start drew both networks' heatmaps: ${JSON.stringify(r)}`);
  assert.equal(r.atMark.epoch, '0');
  assert.deepEqual(r.painted, r.atMark, 'the first paint shows what the start drew');
});

test('a change made after ready but before the first animation frame is drawn before that frame is painted', async () => {
  const r = await firstPaint({ hold: true, change: "window.playground.set({ dataset: 'circle' });" });
  assert.ok(r.painted.puts >= r.beforeFrame.puts + 2, `both heatmaps drawn for the new data in the first frame: ${JSON.stringify(r)}`);
});
