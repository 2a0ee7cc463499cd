// The network diagram of the compare lesson (web/network-diagram.js), in Chromium: a hovered,
// focused or tapped neuron is drawn large; a weight shows its value and can be edited (in that
// network only, checked, undone by reset); every neuron has its own name in en and zh; tiles never
// overlap at the page's largest network; the caption's W′ follows the depth.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, FILE_URL, heatmapPixels } from './helpers.mjs';
import { FEATURES } from '../../web/model.js';
import { MAX_LAYERS, MAX_NEURONS } from '../../web/scenes/compare.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const frames = (page, n = 2) => page.evaluate((k) => new Promise((resolve) => {
  const tick = (i) => (i ? requestAnimationFrame(() => tick(i - 1)) : resolve());
  tick(k);
}), n);
const node = (net, col, unit) => `.diagram-wrap[data-net="${net}"] .dg-node[data-col="${col}"][data-unit="${unit}"]`;
const weights = (page) => page.evaluate(() => window.playground.weights());
/** The centre of a neuron's button (its tile) in page coordinates, scrolled into view. */
const centre = (page, selector) => page.evaluate((sel) => {
  const b = document.querySelector(sel);
  b.scrollIntoView({ block: 'center', inline: 'center' });
  const r = b.getBoundingClientRect();
  return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
}, selector);
// The pointer acts on the canvas (the buttons let it through): move and click where a neuron is.
const hoverNode = async (page, selector) => { const p = await centre(page, selector); await page.mouse.move(p.x, p.y); };
const clickNode = async (page, selector) => { const p = await centre(page, selector); await page.mouse.click(p.x, p.y); };
/** Mean absolute difference of two pixel arrays, per channel value. */
const diff = (a, b) => a.data.reduce((s, v, i) => s + Math.abs(v - b.data[i]), 0) / a.data.length;

/** B - R of the big heatmap of `net` and of a diagram tile, each on a k x k grid of samples. */
function samples(page, net, tileSelector, k = 10) {
  return page.evaluate(({ net, tileSelector, k }) => {
    const heat = document.querySelector(`canvas.heatmap[data-net="${net}"]`);
    const hd = heat.getContext('2d').getImageData(0, 0, heat.width, heat.height);
    const wrap = document.querySelector(`.diagram-wrap[data-net="${net}"]`);
    const canvas = wrap.querySelector('canvas');
    const cr = canvas.getBoundingClientRect(), tr = document.querySelector(tileSelector).getBoundingClientRect();
    const sx = canvas.width / cr.width, sy = canvas.height / cr.height;
    const cd = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const big = [], tile = [];
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < k; i++) {
        const u = (i + 0.5) / k, v = (j + 0.5) / k;
        const p = Math.floor(v * hd.height) * hd.width + Math.floor(u * hd.width);
        big.push(hd.data[4 * p + 2] - hd.data[4 * p]);
        const x = Math.floor((tr.left - cr.left + u * tr.width) * sx), y = Math.floor((tr.top - cr.top + v * tr.height) * sy);
        const q = y * cd.width + x;
        tile.push(cd.data[4 * q + 2] - cd.data[4 * q]);
      }
    }
    return { big, tile };
  }, { net, tileSelector, k });
}
function correlation(a, b) {
  const n = a.length, ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}

test('hovering a neuron draws its output large (and only in its network); leaving restores the output', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    // with a feature beyond x₁, x₂ on: a hidden neuron is computed from what the network is fed
    await page.evaluate(() => { window.playground.set({ dataset: 'circle', networkShape: [4, 2], xSquared: true }); window.playground.step(40); });
    await frames(page);
    const out0 = await heatmapPixels(page, 0), out1 = await heatmapPixels(page, 1);
    assert.equal(await page.isVisible('.output-box .showing-badge'), false);
    await hoverNode(page, node(1, 1, 2));
    await frames(page);
    const hov1 = await heatmapPixels(page, 1);
    assert.ok(diff(hov1, out1) > 5, `network 2's large picture changed (${diff(hov1, out1).toFixed(1)})`);
    assert.equal(diff(await heatmapPixels(page, 0), out0), 0, 'network 1 still shows its output');
    // it is that neuron: the large picture follows the neuron's own tile
    const s = await samples(page, 1, node(1, 1, 2));
    const r = correlation(s.big, s.tile);
    assert.ok(r > 0.9, `large picture ~ the neuron's tile: r = ${r.toFixed(3)}`);
    const badge = await page.textContent('.net-card[data-net="1"] .showing-badge');
    assert.match(badge, /neuron 3 of layer 1/);
    await page.evaluate(() => window.playground.set({ lang: 'zh' }));
    await frames(page);
    assert.match(await page.textContent('.net-card[data-net="1"] .showing-badge'), /这里显示的是第 1 层第 3 个神经元的输出/);
    await page.evaluate(() => window.playground.set({ lang: 'en' }));
    await frames(page);
    // another neuron, then away
    await hoverNode(page, node(1, 2, 0));
    await frames(page);
    const hov2 = await heatmapPixels(page, 1);
    assert.ok(diff(hov2, hov1) > 5, 'another neuron, another picture');
    await page.mouse.move(5, 790);
    await frames(page);
    assert.equal(diff(await heatmapPixels(page, 1), out1), 0, 'back to the output');
    assert.equal(await page.isVisible('.net-card[data-net="1"] .showing-badge'), false);
    // an input feature's node: the feature itself, large (it follows its tile too)
    const sq = node(1, 0, FEATURES.findIndex((f) => f.name === 'xSquared'));
    await hoverNode(page, sq);
    await frames(page);
    const f = await samples(page, 1, sq);
    assert.ok(correlation(f.big, f.tile) > 0.9, `x₁² large ~ its tile: r = ${correlation(f.big, f.tile).toFixed(3)}`);
    assert.match(await page.textContent('.net-card[data-net="1"] .showing-badge'), /Showing input x₁²/);
    await page.mouse.move(5, 790);
    // a pinned neuron whose layer goes away: the picture is the output again, nothing breaks
    await clickNode(page, node(1, 2, 1));
    await page.mouse.move(5, 790);
    await frames(page);
    assert.match(await page.textContent('.net-card[data-net="1"] .showing-badge'), /neuron 2 of layer 2.*again/);
    await page.evaluate(() => window.playground.set({ networkShape: [3] }));
    await frames(page);
    assert.equal(await page.isVisible('.net-card[data-net="1"] .showing-badge'), false);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('keyboard: one tab stop; focus shows a neuron, arrows walk neurons and weights, names are distinct (en, zh)', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    await page.evaluate(() => { window.playground.set({ dataset: 'xor', networkShape: [3, 2] }); window.playground.step(10); });
    await frames(page);
    const out0 = await heatmapPixels(page, 0);
    // one element of each diagram is in the tab order
    const tabbable = await page.evaluate(() => [0, 1].map((i) => document.querySelectorAll(`.diagram-wrap[data-net="${i}"] [tabindex="0"]`).length));
    assert.deepEqual(tabbable, [1, 1]);
    await page.focus(node(0, 0, 0));
    await page.keyboard.press('ArrowDown'); // x₂
    await page.keyboard.press('ArrowRight'); // its first weight
    await page.keyboard.press('ArrowRight'); // the neuron it leads to: layer 1, neuron 1
    await frames(page);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Network 1, layer 1, neuron 1');
    assert.ok(diff(await heatmapPixels(page, 0), out0) > 5, 'the focused neuron is drawn large');
    assert.match(await page.evaluate(() => document.activeElement.matches(':focus-visible') && getComputedStyle(document.activeElement).outlineStyle), /solid/, 'focus visible');
    // a weight: its name says where it runs, its value is read out
    await page.keyboard.press('ArrowRight');
    const w = await page.evaluate(() => ({ name: document.activeElement.getAttribute('aria-label'), value: document.activeElement.getAttribute('aria-description'),
      card: document.querySelector('.diagram-wrap[data-net="0"] .dg-card').textContent }));
    assert.equal(w.name, 'Network 1, weight from neuron 1 of layer 1 to neuron 1 of layer 2');
    const W = (await weights(page))[0][1].W[0];
    assert.match(w.value, /^Weight /);
    assert.ok(Math.abs(Number(w.value.replace('Weight ', '').replace('\u2212', '-')) - W) < 5e-3 * Math.max(1, Math.abs(W)), `${w.value} ~ ${W}`);
    assert.match(w.card, /Weight/);
    // an input node is a toggle: pressed when the networks are fed it
    assert.equal(await page.getAttribute(node(0, 0, 0), 'aria-pressed'), 'true', 'x₁ fed');
    assert.equal(await page.getAttribute(node(0, 0, FEATURES.findIndex((f) => f.name === 'sinX')), 'aria-pressed'), 'false', 'sin(x₁) not fed');
    // every neuron's name is its own, in both networks and both languages
    for (const lang of ['en', 'zh']) {
      await page.evaluate((l) => window.playground.set({ lang: l }), lang);
      await frames(page);
      const names = await page.evaluate(() => [...document.querySelectorAll('.dg-node')].map((b) => b.getAttribute('aria-label')));
      assert.equal(names.length, 2 * (FEATURES.length + 3 + 2 + 1), 'every input feature, then 3, 2 and 1 neurons');
      assert.equal(new Set(names).size, names.length, `distinct names (${lang}): ${names.join(' | ')}`);
      if (lang === 'zh') {
        assert.ok(names.includes('网络 1，第 2 层，第 1 个神经元'), names.join(' | '));
        assert.ok(names.includes('网络 2，输入 x₁'));
        assert.ok(names.includes('网络 2，输出神经元'));
      } else {
        assert.ok(names.includes('Network 2, layer 1, neuron 3'));
        assert.ok(names.includes('Network 1, input x₂'));
        assert.ok(names.includes('Network 2, input sin(x₁)'));
      }
    }
    // Escape-free exit: the focus leaves, the large picture is the output again
    await page.evaluate(() => window.playground.set({ lang: 'en' }));
    await page.focus('#addLayer');
    await frames(page);
    assert.equal(diff(await heatmapPixels(page, 0), out0), 0);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

/** Opens network `net`'s editor on weight (layer, in -> out) from the keyboard. */
async function openEditorByKeys(page, net, layer, from) {
  await page.focus(node(net, layer, from));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.diagram-wrap[data-net="${net}"] .dg-editor:not([hidden])`);
}

test('editing a weight changes that network only; reset restores the shared initial weights', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    await page.evaluate(() => window.playground.set({ dataset: 'circle', networkShape: [4, 2] }));
    await frames(page);
    const initial = await weights(page);
    assert.deepEqual(initial[0], initial[1], 'both networks start from the same weights');
    await page.evaluate(() => window.playground.step(20));
    await frames(page);
    const before = await weights(page), px0 = await heatmapPixels(page, 0), px1 = await heatmapPixels(page, 1);
    const loss0 = (await page.evaluate(() => window.playground.get().networks))[0].trainLoss;
    // network 1, the weight from x₁ to neuron 1 of layer 1
    await openEditorByKeys(page, 0, 0, 0);
    await page.fill('.diagram-wrap[data-net="0"] .dg-edit-input', '−2.5'); // a real minus sign is fine
    await page.keyboard.press('Enter');
    await frames(page);
    const after = await weights(page);
    assert.equal(after[0][0].W[0], -2.5, 'the weight is set');
    const changed = after[0].flatMap((l, i) => l.W.map((v, j) => (v !== before[0][i].W[j] ? 1 : 0))).reduce((a, b) => a + b, 0);
    assert.equal(changed, 1, 'one weight of network 1 changed');
    assert.deepEqual(after[1], before[1], 'network 2 is untouched');
    assert.ok(diff(await heatmapPixels(page, 0), px0) > 1, 'network 1 draws the new output');
    assert.equal(diff(await heatmapPixels(page, 1), px1), 0, 'network 2 draws the same output');
    const loss1 = (await page.evaluate(() => window.playground.get().networks))[0].trainLoss;
    assert.notEqual(loss1, loss0, 'the loss is measured again');
    assert.equal(await page.isVisible('.diagram-wrap[data-net="0"] .dg-editor'), false, 'the editor closed');
    // the mouse: hover a weight for its value, click it to edit (network 2, x₂ -> neuron 4 of layer 1)
    const pt = await page.evaluate(() => {
      const r = (s) => document.querySelector(s).getBoundingClientRect();
      const a = r('.diagram-wrap[data-net="1"] .dg-node[data-col="0"][data-unit="1"]'), b = r('.diagram-wrap[data-net="1"] .dg-node[data-col="1"][data-unit="3"]');
      // the curve's height at a fraction s of the way: t from 1.5t - 1.5t² + t³ = s, then 3t² - 2t³
      const s = 0.3;
      let t = s;
      for (let k = 0; k < 30; k++) t -= (1.5 * t - 1.5 * t * t + t ** 3 - s) / (1.5 - 3 * t + 3 * t * t);
      const ya = (a.top + a.bottom) / 2, yb = (b.top + b.bottom) / 2;
      return { x: a.right + (b.left - a.right) * s, y: ya + (yb - ya) * (3 * t * t - 2 * t ** 3) };
    });
    await page.mouse.move(pt.x, pt.y);
    await frames(page, 1);
    const card = await page.textContent('.diagram-wrap[data-net="1"] .dg-card');
    assert.match(card, /Weight .*from input x₂ to neuron 4 of layer 1/);
    await page.mouse.click(pt.x, pt.y);
    await page.waitForSelector('.diagram-wrap[data-net="1"] .dg-editor:not([hidden])');
    await page.fill('.diagram-wrap[data-net="1"] .dg-edit-input', '0.75');
    await page.click('.diagram-wrap[data-net="1"] .dg-set');
    const after2 = await weights(page);
    assert.equal(after2[1][0].W[3 * 2 + 1], 0.75, 'network 2, W (out 4, in 2)');
    assert.deepEqual(after2[0], after[0], 'network 1 untouched by network 2\'s edit');
    // reset: both back to the shared initial weights
    await page.click('#reset');
    await frames(page);
    const reset = await weights(page);
    assert.deepEqual(reset[0], initial[0]);
    assert.deepEqual(reset[1], initial[0]);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a weight that is not a number in range gets a clear message and changes nothing (en, zh)', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    await page.evaluate(() => { window.playground.set({ networkShape: [4, 2] }); window.playground.step(5); });
    await frames(page);
    const before = await weights(page), px = await heatmapPixels(page, 0);
    await openEditorByKeys(page, 0, 1, 2);
    const input = '.diagram-wrap[data-net="0"] .dg-edit-input', err = '.diagram-wrap[data-net="0"] .dg-error';
    for (const bad of ['abc', '', '1e9', '101', '0.5.5', 'NaN', 'Infinity', '--1', '1,5']) {
      await page.fill(input, bad);
      await page.keyboard.press('Enter');
      assert.equal(await page.isVisible(err), true, `a message for "${bad}"`);
      assert.match(await page.textContent(err), /Type a number from −100 to 100.*has not changed/);
      assert.equal(await page.getAttribute(input, 'aria-invalid'), 'true');
      assert.equal(await page.isVisible('.diagram-wrap[data-net="0"] .dg-editor'), true, 'the editor stays open');
    }
    await frames(page);
    assert.deepEqual(await weights(page), before, 'nothing changed');
    assert.equal(diff(await heatmapPixels(page, 0), px), 0);
    // Chinese: the message in Chinese; a full-width number and the ideographic point are read
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.playground.set({ lang: 'zh' }));
    await openEditorByKeys(page, 0, 1, 2);
    await page.fill(input, '很大');
    await page.keyboard.press('Enter');
    assert.match(await page.textContent(err), /请输入 −100 到 100 之间的数.*权重没有改变/);
    await page.fill(input, '－０。２５');
    await page.keyboard.press('Enter');
    assert.equal((await weights(page))[0][1].W[0 * 4 + 2], -0.25);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('touch: a tap on a neuron pins its picture (tap again: the output); a tap on a weight opens the editor; 44 px targets', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(FILE_URL);
    await page.evaluate(() => window.playground.ready);
    await page.evaluate(() => { window.playground.pause(); window.playground.set({ dataset: 'circle', networkShape: [4, 2] }); window.playground.step(30); });
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
    await frames(page);
    const out0 = await heatmapPixels(page, 0);
    // every neuron: a 44 x 44 target (its button's box, apart from every other) that a tap
    // anywhere on reaches: a tap near one corner pins it, a tap near the opposite one unpins it
    const boxes = await page.evaluate(() => [...document.querySelectorAll('.diagram-wrap[data-net="0"] .dg-node')].map((b) => {
      const r = b.getBoundingClientRect();
      return { name: b.getAttribute('aria-label'), col: b.dataset.col, unit: b.dataset.unit, l: r.left, t: r.top, r: r.right, b: r.bottom };
    }));
    assert.equal(boxes.length, FEATURES.length + 4 + 2 + 1);
    for (const a of boxes) {
      assert.ok(a.r - a.l >= 44 && a.b - a.t >= 44, `${a.name}: ${a.r - a.l} x ${a.b - a.t}`);
      for (const b of boxes) if (a !== b) assert.ok(a.r <= b.l || b.r <= a.l || a.b <= b.t || b.b <= a.t, `${a.name} and ${b.name} apart`);
    }
    for (const { col, unit, name } of boxes.filter((b) => b.col !== '0')) {
      const sel = node(0, col, unit), c = await centre(page, sel);
      await page.touchscreen.tap(c.x - 21, c.y - 21);
      assert.equal(await page.getAttribute(sel, 'aria-pressed'), 'true', `${name}: a tap near its top-left corner pins it`);
      await page.touchscreen.tap(c.x + 21, c.y + 21);
      assert.equal(await page.getAttribute(sel, 'aria-pressed'), 'false', `${name}: a tap near its bottom-right corner unpins it`);
    }
    // an input node (a feature): a tap near either corner of its square toggles it
    const sq = node(0, 0, FEATURES.findIndex((f) => f.name === 'xSquared'));
    let c = await centre(page, sq);
    await page.touchscreen.tap(c.x - 21, c.y + 21);
    assert.equal(await page.evaluate(() => window.playground.get().state.xSquared), true, 'x₁² on');
    await page.evaluate(() => window.playground.step(1));
    c = await centre(page, sq);
    await page.touchscreen.tap(c.x + 21, c.y - 21);
    assert.equal(await page.evaluate(() => window.playground.get().state.xSquared), false, 'x₁² off');
    await page.evaluate(() => { window.playground.set({ seed: 3 }); window.playground.step(30); });
    await frames(page);
    assert.equal(diff(await heatmapPixels(page, 0), out0), 0, 'nothing pinned: the output');
    const pin = await centre(page, node(0, 1, 1));
    await page.touchscreen.tap(pin.x, pin.y);
    await frames(page);
    assert.ok(diff(await heatmapPixels(page, 0), out0) > 5, 'tap: the neuron is drawn large');
    assert.equal(await page.getAttribute(node(0, 1, 1), 'aria-pressed'), 'true');
    assert.match(await page.textContent('.net-card[data-net="0"] .showing-badge'), /neuron 2 of layer 1.*again/);
    await page.touchscreen.tap(pin.x, pin.y);
    await frames(page);
    assert.equal(diff(await heatmapPixels(page, 0), out0), 0, 'tap again: the output');
    // a weight: tap near its curve (half way between x₁ and neuron 1 of layer 1)
    await centre(page, node(0, 1, 0));
    const pt = await page.evaluate(() => {
      const r = (s) => document.querySelector(s).getBoundingClientRect();
      const a = r('.diagram-wrap[data-net="0"] .dg-node[data-col="0"][data-unit="0"]'), b = r('.diagram-wrap[data-net="0"] .dg-node[data-col="1"][data-unit="0"]');
      return { x: (a.right + b.left) / 2, y: ((a.top + a.bottom) / 2 + (b.top + b.bottom) / 2) / 2 };
    });
    await page.touchscreen.tap(pt.x, pt.y);
    await page.waitForSelector('.diagram-wrap[data-net="0"] .dg-editor:not([hidden])');
    assert.match(await page.textContent('.diagram-wrap[data-net="0"] .dg-card-title'), /Weight from input x₁ to neuron 1 of layer 1/);
    const sizes = await page.evaluate(() => [...document.querySelectorAll('.diagram-wrap[data-net="0"] .dg-editor button, .diagram-wrap[data-net="0"] .dg-edit-input')]
      .map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }));
    for (const [w, h] of sizes) assert.ok(w >= 44 && h >= 44, `editor target ${w} x ${h}`);
    // the editor is whole on the screen (not clipped by the diagram that scrolls sideways)
    const card = await page.evaluate(() => {
      const c = document.querySelector('.diagram-wrap[data-net="0"] .dg-card'), r = c.getBoundingClientRect();
      const at = (x, y) => c.contains(document.elementFromPoint(x, y));
      return { l: r.left, r: r.right, t: r.top, b: r.bottom, corners: [at(r.left + 4, r.top + 4), at(r.right - 4, r.top + 4), at(r.left + 4, r.bottom - 4), at(r.right - 4, r.bottom - 4)] };
    });
    assert.ok(card.l >= 0 && card.r <= 375 && card.t >= 0 && card.b <= 812, `editor inside the screen: ${JSON.stringify(card)}`);
    assert.deepEqual(card.corners, [true, true, true, true], 'nothing covers or clips the editor');
    await page.fill('.diagram-wrap[data-net="0"] .dg-edit-input', '1.5');
    await page.tap('.diagram-wrap[data-net="0"] .dg-set');
    assert.equal((await weights(page))[0][0].W[0], 1.5);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

// The page's largest network: MAX_LAYERS hidden layers of MAX_NEURONS (web/scenes/compare.js),
// on two inputs and on the three-class data (three outputs).
for (const [w, h] of [[1280, 800], [375, 812]]) {
  test(`no tiles overlap at the largest network, ${w}x${h}`, async () => {
    const { page, errors, close } = await openPage(browser, FILE_URL, { viewport: { width: w, height: h } });
    try {
      for (const dataset of ['spiral', 'spiral3']) {
        const shape = Array(MAX_LAYERS).fill(MAX_NEURONS);
        const r = await page.evaluate(({ s, dataset }) => window.playground.set({ dataset, networkShape: s }), { s: shape, dataset });
        assert.deepEqual(r.ignored, []);
        await frames(page);
        for (const net of [0, 1]) {
          const got = await page.evaluate((n) => {
            const wrap = document.querySelector(`.diagram-wrap[data-net="${n}"]`), canvas = wrap.querySelector('canvas');
            const cr = canvas.getBoundingClientRect(), sx = canvas.width / cr.width;
            const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
            const tiles = [...wrap.querySelectorAll('.dg-node')].map((b) => {
              const r = b.getBoundingClientRect();
              // the tile is drawn where its button is: opaque at its centre
              const x = Math.floor(((r.left + r.right) / 2 - cr.left) * sx), y = Math.floor(((r.top + r.bottom) / 2 - cr.top) * sx);
              return { l: r.left, t: r.top, r: r.right, b: r.bottom, alpha: img.data[4 * (y * img.width + x) + 3], name: b.getAttribute('aria-label') };
            });
            return { tiles, canvas: { l: cr.left, t: cr.top, r: cr.right, b: cr.bottom } };
          }, net);
          const { tiles, canvas } = got;
          assert.equal(tiles.length, FEATURES.length + MAX_LAYERS * MAX_NEURONS + (dataset === 'spiral3' ? 3 : 1));
          for (const a of tiles) {
            assert.ok(a.r - a.l >= 6, `${a.name}: a visible tile (${(a.r - a.l).toFixed(1)} px)`);
            assert.ok(a.l >= canvas.l - 0.5 && a.r <= canvas.r + 0.5 && a.t >= canvas.t - 0.5 && a.b <= canvas.b + 0.5, `${a.name} inside the diagram`);
            assert.equal(a.alpha, 255, `${a.name}: drawn`);
          }
          for (let i = 0; i < tiles.length; i++) {
            for (let j = i + 1; j < tiles.length; j++) {
              const a = tiles[i], b = tiles[j];
              const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;
              assert.ok(!overlap, `${dataset}, network ${net + 1}: ${a.name} and ${b.name} overlap`);
            }
          }
        }
      }
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), w, 'no sideways scrolling');
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}

test('the caption\'s W′ follows the depth: W₁W₂ for one hidden layer, W₁W₂⋯W₇ for six (en, zh)', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    const caption = () => page.textContent('.net-card[data-net="0"] .caption');
    for (const lang of ['en', 'zh']) {
      for (const outputActivation of ['auto', 'linear']) {
        await page.evaluate((s) => window.playground.set(s), { lang, outputActivation, networkShape: [4] });
        await frames(page, 1);
        let c = await caption();
        assert.match(c, /W′ = W₁W₂[，,)）]/, `${lang}, output ${outputActivation}, 1 hidden layer: ${c}`);
        assert.doesNotMatch(c, /W₃/);
        await page.evaluate(() => window.playground.set({ networkShape: [8, 8, 8, 8, 8, 8] }));
        await frames(page, 1);
        c = await caption();
        assert.match(c, /W′ = W₁W₂⋯W₇[，,)）]/, `${lang}, output ${outputActivation}, 6 hidden layers: ${c}`);
        if (lang === 'zh') assert.match(c, /[\u4e00-\u9fff]/);
      }
    }
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
