// The built page loads over http and from file://, with no console errors, no request outside
// its own files, and the engine training both networks. Over http the engine's module is in two
// files of its own, LZMA-compressed (web/engine-later.js: dist/nlp_engine.first.wasm.lzma, fetched,
// decoded and compiled, and nlp_engine.later.wasm.lzma, the analyses, with nlp-later.js); from file://, where
// fetch() is refused, it comes from the classic script nlp_engine.wasm.js; the page's script is
// nlp-page.js, and the other lessons and the Share panel come after the first frame in
// nlp-later.js (web/later.js); the single offline file dist/nonlinear-playground.html works alone.
// What loads before the first frame is what the size budget counts (tests/node/size.test.mjs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serveDist, openPage, FILE_URL, ROOT } from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const file = (u) => u.split('#')[0].split('/').pop();

/** Loads `url`, checks it trains and draws; returns the names of the files it requested. */
async function checkLoads(url) {
  const { page, errors, requests, close } = await openPage(browser, url, { play: true });
  try {
    // the page autoplays: within a second both networks have trained
    await page.waitForFunction(() => window.playground.get().networks[0].epoch >= 5, null, { timeout: 10000 });
    const g = await page.evaluate(() => window.playground.get());
    assert.equal(g.networks.length, 2);
    assert.equal(g.networks[0].epoch, g.networks[1].epoch, 'the two networks train together');
    for (const n of g.networks) {
      assert.ok(Number.isFinite(n.trainLoss) && Number.isFinite(n.testLoss), `finite losses: ${JSON.stringify(n)}`);
      assert.ok(n.testAccuracy >= 0 && n.testAccuracy <= 1);
    }
    assert.deepEqual(g.networks.map((n) => n.activation), ['linear', 'tanh']);
    const after = await page.evaluate(() => { window.playground.pause(); const e = window.playground.get().networks[0].epoch; window.playground.step(3); return [e, window.playground.get().networks[0].epoch]; });
    assert.equal(after[1], after[0] + 3, 'step(3) trains three epochs');
    // the heatmap canvas has been drawn (not blank)
    const distinct = await page.evaluate(() => {
      const c = document.querySelector('canvas.heatmap[data-net="1"]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      return new Set(Array.from({ length: d.length / 4 }, (_, i) => d[4 * i] * 65536 + d[4 * i + 1] * 256 + d[4 * i + 2])).size;
    });
    assert.ok(distinct > 20, `heatmap has ${distinct} colours`);
    // the first drawn frame is marked (bench/page.mjs times it)
    assert.equal(await page.evaluate(() => performance.getEntriesByName('nlp:first-frame').length), 1);
    assert.deepEqual(errors, [], 'no console errors');
    const dir = url.split('#')[0].replace(/[^/]*$/, '');
    const outside = requests.filter((r) => !r.startsWith(dir));
    assert.deepEqual(outside, [], 'no request outside the page\'s own directory');
    return requests.map(file);
  } finally {
    await close();
  }
}

test('loads from dist over http: the page, then the module in its two files', async () => {
  const files = await checkLoads(server.url);
  assert.deepEqual(files.sort(), ['', 'nlp-later.js', 'nlp-page.js', 'nlp_engine.first.wasm.lzma', 'nlp_engine.later.wasm.lzma'],
    'index.html, its two scripts and the module\'s two parts, nothing else');
});

test('loads from file://: the module from the classic script beside the page', async () => {
  const files = await checkLoads(FILE_URL);
  assert.deepEqual(files.sort(), ['index.html', 'nlp-later.js', 'nlp-page.js', 'nlp_engine.wasm.js']);
});

test('dist/nonlinear-playground.html works alone: copied into an empty directory, opened from file://', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlp-single-'));
  try {
    copyFileSync(join(ROOT, 'dist', 'nonlinear-playground.html'), join(dir, 'course.html'));
    const files = await checkLoads(`${pathToFileURL(join(dir, 'course.html')).href}#dataset=circle`);
    assert.deepEqual(files, ['course.html'], 'it asks for nothing but itself');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a single file whose script is damaged (cut short) says so on its loading line, in both languages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlp-single-'));
  try {
    // its script, LZMA-compressed in base64 (scripts/build-web.mjs): half of it gone
    const html = readFileSync(join(ROOT, 'dist', 'nonlinear-playground.html'), 'utf8')
      .replace(/__nlpScriptInline\("([A-Za-z0-9+/=]+)"\)/, (_, b64) => `__nlpScriptInline("${b64.slice(0, b64.length >> 1 & ~3)}")`);
    writeFileSync(join(dir, 'course.html'), html);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, 'course.html')).href);
      await page.waitForFunction(() => document.getElementById('loading').classList.contains('error'));
      assert.match(await page.textContent('#loading'), /^The page's script could not be unpacked: lzma: input ends early\. 页面脚本解压失败：lzma: input ends early。$/);
    } finally { await context.close(); }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('over http, without nlp_engine.first.wasm.lzma (or with it damaged) the page loads the whole module from nlp_engine.wasm.js; without both it names both', async () => {
  for (const fulfil of [{ status: 404, body: 'gone' }, { status: 200, body: Buffer.from('<html>not a module</html>') }]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requests = [];
      page.on('request', (r) => requests.push(r.url().split('/').pop()));
      await page.route('**/nlp_engine.first.wasm.lzma', (route) => route.fulfill(fulfil));
      await page.goto(`${server.url}#autoplay=false`);
      await page.evaluate(() => window.playground.ready);
      const trained = await page.evaluate(() => { const e = window.playground.get().networks[0].epoch; window.playground.step(2); return window.playground.get().networks[0].epoch - e; });
      assert.equal(trained, 2);
      assert.ok(requests.includes('nlp_engine.wasm.js'), requests.join());
      assert.ok(!requests.includes('nlp_engine.later.wasm.lzma'), 'the whole module needs no later part');
    } finally { await context.close(); }
  }
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/nlp_engine.first.wasm.lzma', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.route('**/nlp_engine.wasm.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('loading').classList.contains('error'));
    assert.match(await page.textContent('#loading'), /nlp_engine\.wasm\.js did not load, nor nlp_engine\.first\.wasm\.lzma \(HTTP 404\): keep it beside index\.html/);
  } finally { await context.close(); }
});

test('before the first frame over http: only the files the size budget counts', async () => {
  const { page, close } = await openPage(browser, server.url);
  try {
    const before = await page.evaluate(() => {
      const mark = performance.getEntriesByName('nlp:first-frame')[0];
      return performance.getEntriesByType('resource').filter((e) => e.startTime <= mark.startTime).map((e) => e.name.split('/').pop());
    });
    assert.deepEqual(before.sort(), ['nlp-page.js', 'nlp_engine.first.wasm.lzma']);
    // the other lessons, the Share panel and the analyses come after it, and playground.ready waits for them
    const later = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()));
    assert.ok(later.includes('nlp-later.js') && later.includes('nlp_engine.later.wasm.lzma'), later.join());
    assert.ok(await page.isVisible('#share button'), 'the Share button is there once ready');
  } finally { await close(); }
});

test('a link that opens on a later lesson loads it before the first frame', async () => {
  const { page, errors, close } = await openPage(browser, `${server.url}#scene=warp`);
  try {
    const r = await page.evaluate(() => {
      const mark = performance.getEntriesByName('nlp:first-frame')[0];
      return { scene: window.playground.get().scene.id, shown: document.body.dataset.scene,
        before: performance.getEntriesByType('resource').filter((e) => e.startTime <= mark.startTime).map((e) => e.name.split('/').pop()).sort() };
    });
    assert.deepEqual(r, { scene: 'warp', shown: 'warp', before: ['nlp-later.js', 'nlp-page.js', 'nlp_engine.first.wasm.lzma', 'nlp_engine.later.wasm.lzma'] });
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a link that names an activation or input features of the later part loads it before the first frame', async () => {
  const { page, errors, close } = await openPage(browser, `${server.url}#activation2=relu&outputActivation=sigmoid&xSquared=true&dataset=circle`);
  try {
    const r = await page.evaluate(() => {
      const mark = performance.getEntriesByName('nlp:first-frame')[0];
      const g = window.playground.get();
      return { nets: g.networks.map((n) => n.activation), output: g.state.outputActivation, features: g.scene.features,
        before: performance.getEntriesByType('resource').filter((e) => e.startTime <= mark.startTime).map((e) => e.name.split('/').pop()).sort() };
    });
    assert.deepEqual(r, { nets: ['linear', 'relu'], output: 'sigmoid', features: ['x', 'y', 'xSquared'],
      before: ['nlp-later.js', 'nlp-page.js', 'nlp_engine.first.wasm.lzma', 'nlp_engine.later.wasm.lzma'] });
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('without nlp-later.js beside it, the first lesson still works and the page says which file is missing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlp-partial-'));
  try {
    for (const f of ['index.html', 'nlp-page.js', 'nlp_engine.wasm.js']) copyFileSync(join(ROOT, 'dist', f), join(dir, f));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      const failed = await page.evaluate(() => window.playground.ready.then(() => null, (e) => e.message));
      assert.match(failed, /nlp-later\.js did not load: keep it beside index\.html/);
      assert.match(await page.textContent('#loading'), /^Part of the page failed to load: nlp-later\.js did not load/);
      assert.equal(await page.evaluate(() => performance.getEntriesByName('nlp:first-frame').length), 1, 'the first lesson was drawn');
      // the message is a bar at the bottom: the first lesson's controls stay usable
      assert.equal(await page.evaluate(() => { const r = document.getElementById('step').getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2).closest('#step') !== null; }), true);
      const before = await page.evaluate(() => { window.playground.pause(); return window.playground.get().networks[0].epoch; });
      await page.click('#step');
      assert.equal(await page.evaluate(() => window.playground.get().networks[0].epoch), before + 1, 'Step trains');
      // a later lesson cannot come: it says so, and the first lesson stays, with the address it has
      await page.selectOption('#scene', 'pca');
      await page.waitForFunction(() => /nlp-later\.js did not load/.test(document.getElementById('notices').textContent));
      assert.deepEqual(await page.evaluate(() => [window.playground.get().state.scene, window.playground.get().scene.id, document.getElementById('scene').value]),
        ['compare', 'compare', 'compare']);
    } finally { await context.close(); }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without nlp-page.js beside it, the page says which file is missing (en and zh)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlp-partial-'));
  try {
    for (const f of ['index.html', 'nlp_engine.wasm.js']) copyFileSync(join(ROOT, 'dist', f), join(dir, f));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.waitForFunction(() => /nlp-page\.js did not load/.test(document.getElementById('loading').textContent));
      assert.match(await page.textContent('#loading'), /keep it beside index\.html.*nlp-page\.js 没能加载/);
    } finally { await context.close(); }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A fresh page over http whose requests for `file` wait until release(); errors: its page errors. */
async function withHeld(file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`**/${file}`, async (route) => { await held; await route.continue(); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, release, errors };
}

test('while nlp-later.js is on its way, a change to a later lesson waits for it, whole', async () => {
  const { context, page, release, errors } = await withHeld('nlp-later.js');
  try {
    // (the held script holds back the page's load event too)
    await page.goto(`${server.url}#autoplay=false`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('nlp:first-frame').length === 1);
    const r = await page.evaluate(() => {
      const pg = window.playground;
      const out = pg.set({ scene: 'pca', goal: 'scene.rank<=5' });
      return { out, state: pg.get().state.scene, shown: pg.get().scene.id, notices: document.getElementById('notices').textContent };
    });
    // nothing applied yet: the state names the lesson shown, and the goal is not judged on it
    assert.deepEqual(r, { out: { applied: [], ignored: [] }, state: 'compare', shown: 'compare', notices: '' });
    release();
    await page.evaluate(() => window.playground.ready);
    await page.waitForFunction(() => window.playground.get().scene.id === 'pca');
    const g = await page.evaluate(() => ({ state: window.playground.get().state, notices: document.getElementById('notices').textContent }));
    assert.equal(g.state.scene, 'pca');
    assert.equal(g.state.goal, 'scene.rank<=5');
    assert.doesNotMatch(g.notices, /Ignored/, 'the goal was read from the lesson it is about');
    await page.waitForFunction(() => /scene=pca/.test(location.hash));
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('over http, while nlp_engine.later.wasm.lzma is on its way the first lesson trains; without it the page names it and keeps to what it has', async () => {
  const { context, page, release, errors } = await withHeld('nlp_engine.later.wasm.lzma');
  try {
    await page.goto(`${server.url}#autoplay=false`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('nlp:first-frame').length === 1);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/nlp-later.js')));
    const r = await page.evaluate(() => {
      const pg = window.playground;
      const epoch = pg.get().networks[0].epoch;
      pg.step(5);
      return { trained: pg.get().networks[0].epoch - epoch, best: pg.get().scene.bestLineAccuracy, out: pg.set({ scene: 'pca' }), shown: pg.get().scene.id };
    });
    // the best line is in the later part: not known yet, and the lesson change waits for it
    assert.deepEqual(r, { trained: 5, best: undefined, out: { applied: [], ignored: [] }, shown: 'compare' });
    release();
    await page.evaluate(() => window.playground.ready);
    await page.waitForFunction(() => window.playground.get().scene.id === 'pca');
    assert.ok(await page.evaluate(() => Number.isFinite(window.playground.get().scene.pcaLoss)), 'PCA (the later part) ran');
    await page.evaluate(() => window.playground.set({ scene: 'compare' }));
    await page.waitForFunction(() => typeof window.playground.get().scene.bestLineAccuracy === 'number');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }

  // and when it cannot come: the first lesson works, and the bar names the file
  const context2 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page2 = await context2.newPage();
  await page2.route('**/nlp_engine.later.wasm.lzma', (route) => route.fulfill({ status: 404, body: 'gone' }));
  try {
    await page2.goto(`${server.url}#autoplay=false`);
    const failed = await page2.evaluate(() => window.playground.ready.then(() => null, (e) => e.message));
    assert.match(failed, /nlp_engine\.later\.wasm\.lzma did not load .*keep it beside index\.html/);
    assert.match(await page2.textContent('#loading'), /^Part of the page failed to load: nlp_engine\.later\.wasm\.lzma did not load/);
    const trained = await page2.evaluate(() => { const e = window.playground.get().networks[0].epoch; window.playground.step(2); return window.playground.get().networks[0].epoch - e; });
    assert.equal(trained, 2);
    // an activation of the later part chosen: it cannot come, the select shows the state again
    await page2.selectOption('#activation2', 'relu');
    await page2.waitForFunction(() => document.getElementById('activation2').value === 'tanh');
    assert.equal(await page2.evaluate(() => window.playground.get().state.activation2), 'tanh');
    assert.match(await page2.textContent('#notices'), /nlp_engine\.later\.wasm\.lzma did not load/);
    // a link that names one opens on the first lesson with its defaults for it, and the bar says why
    await page2.goto('about:blank');
    await page2.goto(`${server.url}#activation2=relu&dataset=circle&%E0%A4%A=1`); // and a malformed key
    assert.match(await page2.evaluate(() => window.playground.ready.then(() => '', (e) => e.message)), /nlp_engine\.later\.wasm\.lzma did not load/);
    assert.deepEqual(await page2.evaluate(() => [window.playground.get().state.dataset, window.playground.get().networks.map((n) => n.activation)]),
      ['circle', ['linear', 'tanh']]);
  } finally { await context2.close(); }
});

test('runs inside a sandboxed iframe (scripts only, opaque origin)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(file(r.url())));
  try {
    await page.setContent(`<iframe sandbox="allow-scripts" src="${server.url}#dataset=circle&lang=zh" style="width:1280px;height:850px"></iframe>`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.playground && window.playground.ready);
    await frame.evaluate(() => window.playground.ready);
    const g = await frame.evaluate(() => { window.playground.pause(); window.playground.step(20); return window.playground.get(); });
    assert.equal(g.state.dataset, 'circle');
    assert.equal(g.state.lang, 'zh');
    assert.ok(g.networks[1].epoch >= 20);
    assert.deepEqual(errors, []);
    // an opaque origin may not fetch() even its own server's files without CORS headers: the
    // module comes from the classic script
    assert.deepEqual(requests.filter((r) => r.startsWith('nlp_engine')), ['nlp_engine.wasm.js']);
  } finally { await context.close(); }
});
