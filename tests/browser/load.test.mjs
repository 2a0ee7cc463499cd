// The built page loads over http and from file://, with no console errors, no request outside
// its own file, and the engine training both networks.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage, FILE_URL } from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

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
    assert.deepEqual(errors, [], 'no console errors');
    const outside = requests.filter((r) => !r.startsWith('data:') && r.split('#')[0] !== url.split('#')[0]);
    assert.deepEqual(outside, [], 'no request outside the page itself');
  } finally {
    await close();
  }
}

test('loads from dist over http', async () => { await checkLoads(server.url); });
test('loads from file://', async () => { await checkLoads(FILE_URL); });

test('runs inside a sandboxed iframe (scripts only, opaque origin)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
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
  } finally { await context.close(); }
});
