// The package entry, dist/engine.mjs, imported as an ES module by a page in Chromium: the same
// API Node gets (tests/node/), in a browser, with no request outside its own origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveDist, ROOT } from './helpers.mjs';

test('dist/engine.mjs loads and trains in Chromium as an ES module', async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'engine.mjs')), 'dist/engine.mjs is missing: run npm run build');
  const server = await serveDist();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    const requests = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('request', (r) => requests.push(r.url()));
    // A bare course page of our own at the server's origin (the site's index has its own CSP).
    await page.route(`${server.url}entry-test.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>entry</title>' }));
    await page.goto(`${server.url}entry-test.html`);
    const result = await page.evaluate(async () => {
      const { loadEngine } = await import('/engine.mjs');
      const engine = await loadEngine();
      const d = engine.dataset('xor', { n: 200, seed: 3 });
      const net = engine.createNetwork({ layers: [2, 8, 8, 1], activation: 'tanh', seed: 1 });
      net.fit(d.x, d.y, { epochs: 300, learningRate: 0.01 });
      const out = net.predict(d.x);
      let ok = 0;
      out.forEach((v, i) => { ok += (v > 0) === (d.y[i] > 0); });
      let message = null;
      try { net.fit(d.x, d.y, { learningRate: -1 }); } catch (e) { message = e instanceof Error ? e.message : String(e); }
      net.delete();
      return { version: engine.version, accuracy: ok / out.length, message };
    });
    assert.match(result.version, /^\d+\.\d+\.\d+$/);
    assert.ok(result.accuracy >= 0.97, `accuracy ${result.accuracy}`);
    assert.match(result.message, /learningRate/);
    assert.deepEqual(errors, []);
    const origin = new URL(server.url).origin;
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  } finally {
    await browser.close();
    await server.close();
  }
});
