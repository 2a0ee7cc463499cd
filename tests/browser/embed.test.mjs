// The postMessage API (web/messages.js, docs/embedding.md): a host page on another origin embeds
// the built page in <iframe sandbox="allow-scripts"> and drives it with messages. Replies to every
// command (ok: false for a bad one, and then nothing changes), the events (ready, change,
// progress at most 4 a second, resize in embed mode, goal), parentOrigin, and the example course
// page (examples/course-page.html) opened from file://.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serveDist, ROOT } from './helpers.mjs';

// The host: an iframe (sandboxed unless ?sandbox=0) of ?src, auto-sized from its resize events;
// every message from it lands in window.__msgs as { origin, data, t }. __send posts a command,
// __ask posts one with a fresh id and resolves to its reply (null when none came in `ms`).
const HOST_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>host</title></head>
<body style="margin:0">
<iframe id="f" title="playground" style="display:block;width:100%;height:300px;border:0"></iframe>
<script>
  const f = document.getElementById('f');
  const q = new URLSearchParams(location.search);
  if (q.get('sandbox') !== '0') f.setAttribute('sandbox', 'allow-scripts');
  window.__msgs = [];
  addEventListener('message', (e) => {
    if (e.source !== f.contentWindow) return;
    window.__msgs.push({ origin: e.origin, data: e.data, t: performance.now() });
    if (e.data && e.data.type === 'playground:resize') f.style.height = e.data.height + 'px';
  });
  window.__send = (msg) => f.contentWindow.postMessage(msg, '*');
  let n = 0;
  window.__ask = (msg, ms = 10000) => new Promise((resolve) => {
    const id = 'q' + (++n);
    const timer = setTimeout(() => { removeEventListener('message', on); resolve(null); }, ms);
    function on(e) {
      if (e.source !== f.contentWindow || !e.data || e.data.type !== 'playground:reply' || e.data.id !== id) return;
      clearTimeout(timer); removeEventListener('message', on); resolve(e.data);
    }
    addEventListener('message', on);
    f.contentWindow.postMessage({ ...msg, id }, '*');
  });
  f.src = q.get('src');
</script>
</body></html>`;

let browser, server, host;
before(async () => {
  browser = await launch();
  server = await serveDist();
  // the host's own server: another port, so another origin than the page's
  const srv = createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOST_HTML); });
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${srv.address().port}`;
  host = { origin, close: () => new Promise((r) => srv.close(r)) };
});
after(async () => { await browser?.close(); await server?.close(); await host?.close(); });

/**
 * Opens the host page with the playground at `hash` in its iframe and waits for the ready event.
 * The context prefers reduced motion, so the page starts paused (numbers depend only on the test).
 */
async function openHost(hash, { sandbox = true, width = 1100, height = 800, waitReady = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce', locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const src = `${server.url}#${hash}`;
  await page.goto(`${host.origin}/host.html?sandbox=${sandbox ? 1 : 0}&src=${encodeURIComponent(src)}`);
  if (waitReady) await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'playground:ready'), null, { timeout: 20000 });
  return { page, errors, src, close: () => context.close() };
}

const msgs = (page, type) => page.evaluate((ty) => window.__msgs.filter((m) => m.data.type === ty), type);
const ask = (page, msg, ms) => page.evaluate(([m, t]) => window.__ask(m, t), [msg, ms]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The part of get() that a command may change: the state and the numbers. */
const snapshot = async (page) => {
  const r = await ask(page, { type: 'playground:get' });
  assert.equal(r.ok, true);
  return { state: r.result.state, networks: r.result.networks, scene: r.result.scene };
};

test('ready arrives once, with the engine version and the state, from the sandboxed page', async () => {
  const { page, errors, close } = await openHost('scene=compare&dataset=circle');
  try {
    await sleep(300);
    const ready = await msgs(page, 'playground:ready');
    assert.equal(ready.length, 1, 'one ready event');
    assert.equal(ready[0].origin, 'null', 'a sandboxed iframe has an opaque origin');
    assert.match(String(ready[0].data.version), /\S/);
    assert.equal(ready[0].data.state.scene, 'compare');
    assert.equal(ready[0].data.state.dataset, 'circle');
    const g = await ask(page, { type: 'playground:get' });
    assert.equal(g.type, 'playground:reply');
    assert.equal(g.ok, true);
    assert.equal(g.result.engineVersion, ready[0].data.version);
    assert.equal(g.result.playing, false, 'reduced motion: the page starts paused');
    assert.equal(g.result.networks.length, 2);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('set: a change event and a get reply that agree; step: the networks, epoch advanced; play/pause/reset', async () => {
  const { page, errors, close } = await openHost('scene=compare');
  try {
    const r = await ask(page, { type: 'playground:set', state: { dataset: 'spiral', noise: 10, networkShape: [6, 6] } });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual([...r.result.applied].sort(), ['dataset', 'networkShape', 'noise']);
    assert.deepEqual(r.result.ignored, []);
    const changes = await msgs(page, 'playground:change');
    assert.equal(changes.length, 1, 'one change event for one set');
    const changed = changes[0].data.state;
    assert.equal(changed.dataset, 'spiral');
    assert.equal(changed.noise, 10);
    assert.deepEqual(changed.networkShape, [6, 6]);
    const g = await ask(page, { type: 'playground:get' });
    assert.deepEqual(g.result.state, changed, 'get() agrees with the change event');
    assert.equal(g.result.networks[0].epoch, 0, 'set() restarted the networks');

    const s = await ask(page, { type: 'playground:step', epochs: 25 });
    assert.equal(s.ok, true, JSON.stringify(s));
    assert.equal(s.result.length, 2);
    assert.deepEqual(s.result.map((n) => n.epoch), [25, 25]);
    assert.ok(Number.isFinite(s.result[1].trainLoss));
    const again = await ask(page, { type: 'playground:step' });
    assert.equal(again.result[0].epoch, 26, 'epochs defaults to 1');
    // the last progress event of the burst carries the final numbers
    await page.waitForFunction(() => window.__msgs.filter((m) => m.data.type === 'playground:progress').at(-1)?.data.networks[0].epoch === 26);

    const play = await ask(page, { type: 'playground:play' });
    assert.equal(play.ok, true);
    assert.equal(play.result.playing, true);
    const pause = await ask(page, { type: 'playground:pause' });
    assert.equal(pause.result.playing, false);
    const reset = await ask(page, { type: 'playground:reset' });
    assert.equal(reset.ok, true);
    assert.deepEqual(reset.result.networks.map((n) => n.epoch), [0, 0]);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('progress while playing: at most 4 a second, and the final numbers at the end', async () => {
  const { page, errors, close } = await openHost('scene=compare');
  try {
    await ask(page, { type: 'playground:play' });
    await sleep(2100);
    const paused = await ask(page, { type: 'playground:pause' });
    const final = paused.result.networks[0].epoch;
    assert.ok(final >= 10, `it trained while playing (epoch ${final})`);
    await sleep(500);
    const progress = await msgs(page, 'playground:progress');
    assert.ok(progress.length >= 4 && progress.length <= 11, `${progress.length} progress events in about 2 s`);
    // received times jitter by a frame (the host may share the page's thread): at most 5 in any
    // second, and 250 ms apart on average
    for (const a of progress) {
      const inSecond = progress.filter((b) => b.t >= a.t && b.t < a.t + 1000).length;
      assert.ok(inSecond <= 5, `${inSecond} progress events within a second`);
    }
    const mean = (progress.at(-1).t - progress[0].t) / (progress.length - 1);
    assert.ok(mean >= 235, `progress events ${mean.toFixed(0)} ms apart on average`);
    assert.equal(progress.at(-1).data.networks[0].epoch, final, 'the last progress event has the final epoch');
    assert.equal(progress.at(-1).data.networks.length, 2);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('bad messages are answered with ok: false and change nothing; foreign messages are ignored', async () => {
  const { page, errors, close } = await openHost('scene=compare&dataset=moons');
  try {
    await ask(page, { type: 'playground:step', epochs: 3 });
    const before = await snapshot(page);
    const bad = [
      [{ type: 'playground:frobnicate' }, /frobnicate/],
      [{ type: 'playground:set', state: { noise: 20, dataset: 'nope' } }, /dataset/],
      [{ type: 'playground:set', state: { bogus: 1, learningRate: 0.1 } }, /bogus/],
      [{ type: 'playground:set', state: { networkShape: [4, 99], seed: 5 } }, /networkShape/],
      [{ type: 'playground:set', state: 'dataset=xor' }, /state/],
      [{ type: 'playground:set' }, /state/],
      [{ type: 'playground:step', epochs: 0 }, /epochs/],
      [{ type: 'playground:step', epochs: 'x' }, /epochs/],
      [{ type: 'playground:step', epochs: '5' }, /epochs/],
      [{ type: 'playground:step', epochs: 1.5 }, /epochs/],
      [{ type: 'playground:step', epochs: 100001 }, /epochs/],
    ];
    for (const [msg, re] of bad) {
      const r = await ask(page, msg);
      assert.ok(r, `a reply to ${JSON.stringify(msg)}`);
      assert.equal(r.ok, false, `${JSON.stringify(msg)} -> ${JSON.stringify(r)}`);
      assert.equal(r.type, 'playground:reply');
      assert.match(r.error, re);
      assert.equal('result' in r, false);
    }
    // not ours: no reply at all
    for (const msg of [{ type: 'other:get' }, { type: 'get' }, { type: 'playground:reply', ok: true }, { type: 'playground:ready' }, { type: 'playground:change' }]) {
      assert.equal(await ask(page, msg, 400), null, `no reply to ${JSON.stringify(msg)}`);
    }
    // a string, null, a number: ignored; a command without an id: answered with id undefined
    await page.evaluate(() => { for (const m of ['playground:get', null, 7, { type: 'playground:get' }]) window.__send(m); });
    await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'playground:reply' && m.data.id === undefined));
    await sleep(200);
    const noId = (await msgs(page, 'playground:reply')).filter((m) => m.data.id === undefined);
    assert.equal(noId.length, 1, 'only the object command was answered');
    assert.equal(noId[0].data.ok, true);

    const after = await snapshot(page);
    assert.deepEqual(after, before, 'the state and the networks are unchanged');
    assert.equal((await msgs(page, 'playground:change')).length, 0, 'no change event');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('every lesson answers get and step with structured-cloneable data', async () => {
  const { page, errors, close } = await openHost('scene=compare');
  try {
    for (const id of ['compare', 'activations', 'collapse', 'squashing', 'regression', 'step', 'relu', 'universal', 'pca', 'warp', 'synthetic']) {
      const s = await ask(page, { type: 'playground:set', state: { scene: id } });
      assert.equal(s.ok, true, `${id}: ${JSON.stringify(s)}`);
      const st = await ask(page, { type: 'playground:step', epochs: 2 });
      assert.equal(st.ok, true, `${id}: ${JSON.stringify(st)}`);
      const g = await ask(page, { type: 'playground:get' });
      assert.equal(g.ok, true);
      assert.equal(g.result.scene.id, id);
    }
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('embed mode: resize events with the content height, which follows the width', async () => {
  const { page, errors, close } = await openHost('scene=compare&embed=1', { width: 1200 });
  try {
    await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'playground:resize'), null, { timeout: 5000 });
    const first = (await msgs(page, 'playground:resize')).at(-1).data.height;
    assert.ok(Number.isInteger(first) && first > 100, `height ${first}`);
    // the host sized the iframe from it: the page inside fits without scrolling
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await sleep(200);
    const inner = await frame.evaluate(() => ({ h: document.documentElement.scrollHeight, vh: innerHeight }));
    assert.ok(Math.abs(inner.vh - (await msgs(page, 'playground:resize')).at(-1).data.height) <= 1, `iframe ${inner.vh} px high`);
    assert.ok(inner.h <= inner.vh + 1, `content ${inner.h} px fits the iframe ${inner.vh} px`);

    // a narrow host: the layout stacks, the content gets taller, a new height is posted
    await page.setViewportSize({ width: 420, height: 800 });
    await page.waitForFunction((h) => {
      const r = window.__msgs.filter((m) => m.data.type === 'playground:resize');
      return r.length && r.at(-1).data.height !== h;
    }, first, { timeout: 5000 });
    // the layout may pass through intermediate heights while it reflows: take the one it settles on
    let narrow = (await msgs(page, 'playground:resize')).at(-1).data.height;
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      const last = (await msgs(page, 'playground:resize')).at(-1).data.height;
      if (last === narrow) break;
      narrow = last;
    }
    assert.ok(Number.isInteger(narrow) && narrow > first, `narrow ${narrow} > wide ${first}`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('auto-sizing settles, also where the lesson sizes its plot by the viewport height', async () => {
  for (const width of [1100, 700, 420]) {
    const { page, errors, close } = await openHost('scene=relu&embed=1', { width });
    try {
      await sleep(1500);
      const settled = (await msgs(page, 'playground:resize')).length;
      assert.ok(settled >= 1 && settled <= 8, `${width} px: ${settled} resize events`);
      await sleep(1000);
      assert.equal((await msgs(page, 'playground:resize')).length, settled, `${width} px: no resize events once settled`);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      const h = (await msgs(page, 'playground:resize')).at(-1).data.height;
      assert.ok(Math.abs(await frame.evaluate(() => innerHeight) - h) <= 1, 'the host applied the last height');
      assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('autosized')), true,
        'the page knows it is auto-sized');
      assert.deepEqual(errors, []);
    } finally { await close(); }
  }
});

test('no resize events without embed=1', async () => {
  const { page, errors, close } = await openHost('scene=compare');
  try {
    await page.setViewportSize({ width: 500, height: 800 });
    await sleep(500);
    assert.equal((await msgs(page, 'playground:resize')).length, 0);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('parentOrigin: commands from another origin are ignored, nothing is posted to it', async () => {
  const { page, errors, close } = await openHost(`scene=compare&parentOrigin=${encodeURIComponent('https://lms.example.edu')}`, { waitReady: false });
  try {
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.playground && window.playground.ready);
    await frame.evaluate(() => window.playground.ready);
    assert.equal(await frame.evaluate(() => window.playground.get().state.parentOrigin), 'https://lms.example.edu',
      'the parentOrigin key is in the state');
    const before = await frame.evaluate(() => window.playground.get().state);
    assert.equal(await ask(page, { type: 'playground:get' }, 500), null, 'no reply to get');
    assert.equal(await ask(page, { type: 'playground:set', state: { dataset: 'circle' } }, 500), null, 'no reply to set');
    assert.deepEqual(await frame.evaluate(() => window.playground.get().state), before, 'set was not applied');
    assert.deepEqual(await page.evaluate(() => window.__msgs.length), 0, 'no event reached a host of another origin');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('parentOrigin: the named origin is answered', async () => {
  const { page, errors, close } = await openHost(`scene=compare&parentOrigin=${encodeURIComponent(host.origin)}`);
  try {
    const ready = (await msgs(page, 'playground:ready'))[0];
    assert.equal(ready.data.state.parentOrigin, host.origin);
    const r = await ask(page, { type: 'playground:set', state: { dataset: 'circle' } });
    assert.equal(r.ok, true);
    const p = await ask(page, { type: 'playground:set', state: { parentOrigin: 'https://evil.example' } });
    assert.equal(p.ok, false, 'parentOrigin cannot be moved by a message');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('goal: a playground:goal event with a completed xAPI statement', async () => {
  const { page, errors, src, close } = await openHost(`scene=compare&goal=${encodeURIComponent('net2.trainAccuracy>0.5')}`);
  try {
    const r = await ask(page, { type: 'playground:step', epochs: 300 });
    assert.equal(r.ok, true);
    assert.ok(r.result[1].trainAccuracy > 0.5, `tanh trained: ${JSON.stringify(r.result[1])}`);
    await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'playground:goal'), null, { timeout: 3000 });
    const goals = await msgs(page, 'playground:goal');
    assert.equal(goals.length, 1, 'the goal is met once');
    const { goal, statement } = goals[0].data;
    assert.ok(goal, 'the goal is named');
    assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
    assert.equal(statement.result.success, true);
    assert.ok(String(statement.object.id).includes(src.split('#')[0]), `object.id ${statement.object.id} names the page`);
    await ask(page, { type: 'playground:step', epochs: 10 });
    await sleep(300);
    assert.equal((await msgs(page, 'playground:goal')).length, 1, 'only when first met');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('goal: one met in the first frame, before the later parts arrive, reaches the host after playground:ready', async () => {
  const { page, errors, close } = await openHost(`scene=compare&goal=${encodeURIComponent('net1.epoch>=0')}`);
  try {
    await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'playground:goal'), null, { timeout: 5000 });
    const types = (await page.evaluate(() => window.__msgs.map((m) => m.data.type))).filter((ty) => ty === 'playground:ready' || ty === 'playground:goal');
    assert.deepEqual(types, ['playground:ready', 'playground:goal'], 'ready first, then the goal, once');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('examples/course-page.html (file://): both lessons load, size themselves and log events', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  try {
    await page.goto(pathToFileURL(join(ROOT, 'examples', 'course-page.html')).href);
    const frames = page.locator('iframe');
    assert.equal(await frames.count(), 2);
    for (let i = 0; i < 2; i++) {
      assert.equal(await frames.nth(i).getAttribute('sandbox'), 'allow-scripts');
    }
    // each lesson's card says it is ready, and its log has the ready event
    await page.waitForFunction(() => document.querySelectorAll('[data-status="ready"]').length === 2, null, { timeout: 20000 });
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 350), null, { timeout: 5000 });
    assert.match(await page.locator('#log').textContent(), /playground:ready/);
    // the relu lesson's goal was set by a message; the compare lesson's is in its src
    await page.waitForFunction(() => /scene\.pieces>=12/.test(document.getElementById('log').textContent), null, { timeout: 5000 });
    // train the first lesson from the course page: its goal is met, the statement is shown
    await page.click('#lesson-compare button[data-do="step"]');
    await page.click('#lesson-compare button[data-do="step"]');
    await page.waitForSelector('#lesson-compare [data-role="result"]:not([hidden])', { timeout: 5000 });
    const statement = JSON.parse(await page.locator('#lesson-compare pre').textContent());
    assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
    assert.equal(await page.locator('#lesson-relu [data-role="result"]').isHidden(), true, 'the other lesson is not done');
    // the goal can be met by the first step, before the second step's reply: wait for that reply
    await page.waitForFunction(() => /epoch 200/.test(document.querySelector('#lesson-compare [data-role="readout"]').textContent), null, { timeout: 5000 })
      .catch(() => {});
    assert.match(await page.locator('#lesson-compare [data-role="readout"]').textContent(), /epoch 200/);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
