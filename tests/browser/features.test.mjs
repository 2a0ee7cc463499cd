// Input features in the compare lesson (issue 10, part 3): TensorFlow Playground's keys x, y,
// xSquared, ... from the URL hash and by a click on the diagram's input nodes, shared by both
// networks, round-tripping in the hash, at least one always on; the heatmaps fed through the same
// features; and C16 (docs/claims.md): a linear network on x₁², x₂² reaches >= 95 % test accuracy
// on the circle, trained here for real.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage, heatmapPixels } from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const ALL = ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'cosX', 'cosY'];
const SQUARES = '#dataset=circle&xSquared=true&ySquared=true&x=false&y=false';
const noticeTexts = (page) => page.$$eval('#notices .notice .text', (els) => els.map((e) => e.textContent));
const featureState = (page) => page.evaluate((all) => {
  const s = window.playground.get().state;
  return Object.fromEntries(all.map((k) => [k, s[k]]));
}, ALL);
/** The diagram's input nodes of network `net` as drawn: [{ name, on, x, y, size }] (CSS px in the canvas). */
const inputNodes = (page, net = 0) => page.evaluate((i) => {
  const c = document.querySelector(`canvas.diagram[data-net="${i}"]`);
  return c.dataset.inputNodes ? JSON.parse(c.dataset.inputNodes) : null;
}, net);
/** Clicks the centre of input node `name` of network `net`'s diagram, as a user would. */
async function clickNode(page, name, net = 0) {
  await page.evaluate(() => window.playground.step(1)); // a frame drawn with the current state
  const nodes = await inputNodes(page, net);
  const node = nodes.find((n) => n.name === name);
  assert.ok(node, `input node ${name} drawn: ${JSON.stringify(nodes)}`);
  await page.click(`canvas.diagram[data-net="${net}"]`, { position: { x: node.x, y: node.y } });
}

test('features from the URL hash: both networks fed x₁², x₂²; the hash round-trips; a reload restores them', async () => {
  const { page, errors, close } = await openPage(browser, `${server.url}${SQUARES}`);
  try {
    assert.deepEqual(await featureState(page), { x: false, y: false, xSquared: true, ySquared: true, xTimesY: false,
      sinX: false, sinY: false, cosX: false, cosY: false });
    const g = await page.evaluate(() => window.playground.get());
    assert.deepEqual(g.scene.features, ['xSquared', 'ySquared']);
    assert.deepEqual(await noticeTexts(page), [], 'no notice: every key is understood');
    // both networks' input layers: one unit per feature on (W of layer 0 is 4 x 2)
    const w = await page.evaluate(() => window.playground.weights());
    for (const net of w) assert.equal(net[0].W.length, 4 * 2);
    const exported = await page.evaluate(() => window.playground.exportNetworks());
    for (const j of exported) assert.deepEqual(j.layers, [2, 4, 2, 1]);
    // the diagram lists every feature, these two on
    await page.evaluate(() => window.playground.step(1));
    for (const i of [0, 1]) {
      const nodes = await inputNodes(page, i);
      assert.deepEqual(nodes.map((n) => n.name), ALL);
      assert.deepEqual(nodes.filter((n) => n.on).map((n) => n.name), ['xSquared', 'ySquared']);
    }
    // the hash says the same (Playground spelling), and a reload from it gives the same state
    await page.waitForFunction(() => /xSquared=true/.test(location.hash) && /(^|&|#)x=false/.test(location.hash));
    const link = await page.evaluate(() => window.playground.link());
    assert.match(link, /ySquared=true/);
    assert.match(link, /[#&]y=false/);
    assert.doesNotMatch(link, /sinX=/, 'features at their default stay out of the hash');
    const again = await openPage(browser, link);
    try {
      assert.deepEqual(await featureState(again.page), await featureState(page));
    } finally { await again.close(); }
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a TensorFlow Playground link that turns on features gets them, with no notice', async () => {
  const tfp = 'activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0'
    + '&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=false'
    + '&xTimesY=true&xSquared=false&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=false&collectStats=false'
    + '&problem=classification&initZero=false&hideText=false';
  const { page, close } = await openPage(browser, `${server.url}#${tfp}`);
  try {
    assert.deepEqual(await featureState(page), { x: true, y: false, xSquared: false, ySquared: true, xTimesY: true,
      sinX: true, sinY: false, cosX: false, cosY: false });
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['x', 'ySquared', 'xTimesY', 'sinX']);
    const notes = await noticeTexts(page);
    assert.ok(notes.every((t) => !/feature|xSquared|ySquared|xTimesY|sinX/.test(t)), `no notice about features: ${notes}`);
  } finally { await close(); }
});

test('features by click on the diagram\'s input nodes: on, off, shared by both networks; the last one stays on', async () => {
  const { page, errors, close } = await openPage(browser, `${server.url}#dataset=circle`);
  try {
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['x', 'y']);
    await page.evaluate(() => window.playground.step(5));
    // a click on x₁² (network 1's diagram) turns it on for both networks and restarts them
    await clickNode(page, 'xSquared', 0);
    let g = await page.evaluate(() => window.playground.get());
    assert.equal(g.state.xSquared, true);
    assert.deepEqual(g.scene.features, ['x', 'y', 'xSquared']);
    assert.deepEqual(g.networks.map((n) => n.epoch), [0, 0], 'a feature change restarts both networks');
    assert.ok((await noticeTexts(page)).some((t) => /restarted/.test(t)));
    const w = await page.evaluate(() => window.playground.weights());
    assert.deepEqual(w.map((n) => n[0].W.length), [4 * 3, 4 * 3]);
    assert.deepEqual(w[0][0].W, w[1][0].W, 'the same initial weights in both');
    await page.waitForFunction(() => /xSquared=true/.test(location.hash));
    // a click on network 2's diagram acts on both too: x₂² on, then x₁ off
    await clickNode(page, 'ySquared', 1);
    await clickNode(page, 'x', 1);
    await clickNode(page, 'y', 0);
    g = await page.evaluate(() => window.playground.get());
    assert.deepEqual(g.scene.features, ['xSquared', 'ySquared']);
    for (const i of [0, 1]) assert.deepEqual((await inputNodes(page, i)).filter((n) => n.on).map((n) => n.name), ['xSquared', 'ySquared']);
    // x₁² off, then the last one (x₂²) cannot go: a notice, nothing changes
    await clickNode(page, 'xSquared', 0);
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['ySquared']);
    await clickNode(page, 'ySquared', 0);
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['ySquared']);
    assert.ok((await noticeTexts(page)).some((t) => /At least one input feature must be on/.test(t)));
    // a click right of the input column (between it and the first hidden layer) toggles nothing;
    // a click on a node's label does
    const nodes = await inputNodes(page, 0);
    await page.click('canvas.diagram[data-net="0"]', { position: { x: nodes[0].x + nodes[0].size, y: nodes[0].y } });
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['ySquared']);
    await page.click('canvas.diagram[data-net="0"]', { position: { x: nodes[0].x - nodes[0].size, y: nodes[0].y } });
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['x', 'ySquared']);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('at least one feature: a hash that turns every one off keeps the defaults and says so; set() refuses it', async () => {
  const { page, close } = await openPage(browser, `${server.url}#dataset=circle&x=false&y=false`);
  try {
    const g = await page.evaluate(() => window.playground.get());
    assert.equal(g.state.x, true);
    assert.equal(g.state.y, true);
    assert.deepEqual(g.scene.features, ['x', 'y']);
    assert.ok((await noticeTexts(page)).some((t) => /“x, y” = false: at least one input feature must be on/.test(t)), 'a notice names the keys');
    // set() refuses turning the last ones off, with the lesson's notice, changing nothing
    const r = await page.evaluate(() => window.playground.set({ x: false, y: false }));
    assert.deepEqual(r.applied, []);
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['x', 'y']);
    assert.ok((await noticeTexts(page)).some((t) => /At least one input feature must be on/.test(t)));
    // and a change that leaves one on applies
    const r2 = await page.evaluate(() => window.playground.set({ x: false, sinY: true }));
    assert.deepEqual(r2.applied.sort(), ['sinY', 'x']);
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['y', 'sinY']);
  } finally { await close(); }
  const zh = await openPage(browser, `${server.url}#x=false&y=false&lang=zh`);
  try {
    assert.ok((await noticeTexts(zh.page)).some((t) => /至少要保留一个输入特征/.test(t)));
  } finally { await zh.close(); }
});

test('on 1D data the features do not apply: the networks get x, the diagram has no feature nodes', async () => {
  const { page, errors, close } = await openPage(browser, `${server.url}#dataset=sine&xSquared=true`);
  try {
    const g = await page.evaluate(() => window.playground.get());
    assert.equal(g.state.xSquared, true, 'the key is kept for when 2D data comes back');
    assert.equal(g.scene.features, null);
    assert.deepEqual((await page.evaluate(() => window.playground.exportNetworks()))[0].layers, [1, 4, 2, 1]);
    await page.evaluate(() => window.playground.step(3));
    assert.equal(await inputNodes(page, 0), null);
    await page.evaluate(() => window.playground.set({ dataset: 'circle' }));
    assert.deepEqual((await page.evaluate(() => window.playground.get())).scene.features, ['x', 'y', 'xSquared']);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// C16. The page's defaults (SGD 0.03, batch 10, 4-2 hidden, linear network 1, tanh output),
// trained for real with playground.step; the heatmap is the network over the plane fed through
// the same features: symmetric under x₁ -> -x₁ and x₂ -> -x₂, the circle's class inside, the
// other outside.
test('C16: a linear network on x₁², x₂² reaches >= 95 % test accuracy on the circle; its drawn boundary is closed', async () => {
  const { page, errors, close } = await openPage(browser, `${server.url}${SQUARES}`);
  try {
    const run = await page.evaluate(() => {
      const pg = window.playground;
      let n = pg.get().networks;
      let epochs = 0;
      while (epochs < 200 && n[0].testAccuracy < 0.95) { n = pg.step(5); epochs += 5; }
      return { epochs, n, state: pg.get().state, best: pg.get().scene.bestLineAccuracy };
    });
    assert.equal(run.n[0].activation, 'linear');
    assert.equal(run.state.activation, 'linear');
    assert.ok(run.n[0].testAccuracy >= 0.95, `network 1 (linear) after ${run.epochs} epochs: ${run.n[0].testAccuracy}`);
    assert.ok(run.n[0].testAccuracy > run.best, `above the best straight line in the plane (${run.best})`);
    assert.ok(run.epochs <= 200);
    // the drawn output: blue (the circle's class, +1) at the centre, orange in the corners,
    // and mirror-symmetric, as a function of x₁² and x₂² must be
    const px = await heatmapPixels(page, 0);
    const at = (i, j) => { const p = 4 * (j * px.width + i); return px.data[p + 2] - px.data[p]; }; // B - R
    const w = px.width, h = px.height, c = Math.floor(w / 2);
    assert.ok(at(c, c) > 40, `centre blue: ${at(c, c)}`);
    for (const [i, j] of [[0, 0], [w - 1, 0], [0, h - 1], [w - 1, h - 1]]) assert.ok(at(i, j) < -40, `corner (${i}, ${j}) orange: ${at(i, j)}`);
    let asym = 0;
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) asym = Math.max(asym, Math.abs(at(i, j) - at(w - 1 - i, j)), Math.abs(at(i, j) - at(i, h - 1 - j)));
    assert.ok(asym <= 4, `the heatmap is symmetric (largest difference ${asym})`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('the compare lesson says where the nonlinearity can come from, in English and Chinese; its button sets it up', async () => {
  const { page, close } = await openPage(browser, server.url);
  try {
    assert.match(await page.textContent('#explainFeatures'), /on hand-made x₁², x₂², linear layers separate the circle, but someone had to choose them; a nonlinear hidden layer learns its own\./);
    await page.click('#tryFeatures');
    const g = await page.evaluate(() => window.playground.get());
    assert.equal(g.state.dataset, 'circle');
    assert.deepEqual(g.scene.features, ['xSquared', 'ySquared']);
    await page.evaluate(() => window.playground.step(1));
    assert.match(await page.textContent('.net-card[data-net="0"] .caption'), /fed the features φ = \(x₁², x₂²\).*tanh\(φ·W′ \+ b′\)/);
  } finally { await close(); }
  const zh = await openPage(browser, `${server.url}#lang=zh`);
  try {
    assert.match(await zh.page.textContent('#explainFeatures'), /非线性也可以来自输入.*自己学出/);
  } finally { await zh.close(); }
});
