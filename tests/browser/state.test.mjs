// State <-> controls <-> URL: a control changes the state and the hash, a URL restores the state,
// bad values are ignored with a visible notice (and never reach the DOM as HTML), Playground
// links open meaningfully, and the Chinese UI is Chinese.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage, FILE_URL } from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const hashOf = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const noticeTexts = (page) => page.$$eval('#notices .notice .text', (els) => els.map((e) => e.textContent));

test('a control changes get().state and the URL hash; reset-needing changes say so', async () => {
  const { page, errors, close } = await openPage(browser, server.url);
  try {
    await page.selectOption('#dataset', 'circle');
    assert.equal(await page.evaluate(() => window.playground.get().state.dataset), 'circle');
    await page.waitForFunction(() => location.hash.includes('dataset=circle'));
    assert.ok((await noticeTexts(page)).some((s) => /restarted/.test(s)), 'a reset notice is shown');

    await page.click('#addLayer');
    assert.deepEqual(await page.evaluate(() => window.playground.get().state.networkShape), [4, 2, 2]);
    await page.waitForFunction(() => location.hash.includes('networkShape=4%2C2%2C2') || location.hash.includes('networkShape=4,2,2'));
    await page.click('#neuronSteppers .stepper[data-layer="0"] button[data-delta="1"]');
    assert.deepEqual(await page.evaluate(() => window.playground.get().state.networkShape), [5, 2, 2]);

    await page.selectOption('#activation2', 'relu');
    assert.equal(await page.evaluate(() => window.playground.get().networks[1].activation), 'relu');

    // the noise slider (a range input: set it as a user's drag would end)
    await page.$eval('#noise', (el) => { el.value = '20'; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); });
    assert.equal(await page.evaluate(() => window.playground.get().state.noise), 20);

    // learning rate applies live: no reset
    await page.evaluate(() => window.playground.step(7));
    await page.selectOption('#learningRate', '0.1');
    const g = await page.evaluate(() => window.playground.get());
    assert.equal(g.state.learningRate, 0.1);
    assert.equal(g.networks[0].epoch, 7, 'changing the learning rate keeps training where it is');
    await page.waitForFunction(() => location.hash.includes('learningRate=0.1'));

    await page.check('#discretize');
    assert.equal(await page.evaluate(() => window.playground.get().state.discretize), true);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('set() applies synchronously; step() sees it', async () => {
  const { page, close } = await openPage(browser, FILE_URL);
  try {
    const r = await page.evaluate(() => {
      const pg = window.playground;
      const res = pg.set({ dataset: 'spiral', networkShape: [8, 8], activation2: 'sigmoid', batchSize: 5 });
      const s1 = pg.get();
      const n = pg.step(2);
      return { res, s1, n };
    });
    assert.deepEqual(r.res.ignored, []);
    assert.equal(r.s1.state.dataset, 'spiral');
    assert.deepEqual(r.s1.state.networkShape, [8, 8]);
    assert.equal(r.s1.networks[0].epoch, 0, 'set() resets the networks');
    assert.equal(r.n[1].activation, 'sigmoid');
    assert.equal(r.n[0].epoch, 2);
    await page.waitForFunction(() => location.hash.includes('dataset=spiral'));
  } finally { await close(); }
});

test('a URL round trip (and a reload) restores the state', async () => {
  const { page, close } = await openPage(browser, server.url);
  const want = { dataset: 'moons', noise: 15, percTrainData: 70, seed: 4242, networkShape: [6, 3, 5],
    activation: 'affine', activation2: 'relu', outputActivation: 'linear', learningRate: 0.01, batchSize: 20,
    optimizer: 'adam', regularization: 'L2', regularizationRate: 0.003, showTestData: true, discretize: true, lang: 'zh' };
  let url;
  try {
    await page.evaluate((s) => window.playground.set(s), want);
    await page.waitForFunction(() => location.hash.includes('seed=4242') && location.hash.includes('lang=zh'));
    url = await page.evaluate(() => location.href);
    await page.reload();
    await page.evaluate(() => window.playground.ready);
    const reloaded = await page.evaluate(() => window.playground.get().state);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(reloaded[k], v, `reload keeps ${k}`);
  } finally { await close(); }
  const other = await openPage(browser, url);
  try {
    const s = await other.page.evaluate(() => window.playground.get().state);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(s[k], v, `URL restores ${k}`);
    // and the controls show it
    assert.equal(await other.page.$eval('#dataset', (e) => e.value), 'moons');
    assert.equal(await other.page.$eval('#activation', (e) => e.value), 'affine');
    assert.equal(await other.page.$eval('#optimizer', (e) => e.value), 'adam');
    assert.equal(await other.page.$eval('#showTestData', (e) => e.checked), true);
    assert.deepEqual(await other.page.$$eval('#neuronSteppers output', (els) => els.map((e) => Number(e.value))), [6, 3, 5]);
    assert.deepEqual(other.errors, []);
  } finally { await other.close(); }
});

test('unknown and malformed values are ignored with a visible notice, never injected', async () => {
  const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const url = `${server.url}#dataset=${evil}&noise=abc&networkShape=4,99&learningRate=0.1&bogus=1&activation=tanh%3Cb%3E&seed=-3&%E0%A4%A=1`;
  const { page, errors, close } = await openPage(browser, url);
  try {
    const s = await page.evaluate(() => window.playground.get().state);
    assert.equal(s.dataset, 'xor', 'bad dataset ignored (default kept)');
    assert.equal(s.noise, 0);
    assert.deepEqual(s.networkShape, [4, 2]);
    assert.equal(s.activation, 'linear');
    assert.equal(s.seed, 3);
    assert.equal(s.learningRate, 0.1, 'the valid value next to them is applied');
    const texts = await noticeTexts(page);
    for (const key of ['dataset', 'noise', 'networkShape', 'bogus', 'activation', 'seed']) {
      assert.ok(texts.some((t) => t.includes(`“${key}”`)), `a notice names ${key}: ${JSON.stringify(texts)}`);
    }
    assert.ok(await page.isVisible('#notices .notice'));
    assert.equal(await page.$$eval('#notices img, #notices b', (e) => e.length), 0, 'values are shown as text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.waitForFunction(() => location.hash.includes('dataset=xor'));
    assert.ok(!(await page.evaluate(() => location.hash)).includes('bogus'), 'the rewritten hash drops what was ignored');
    // playground.set reports what it ignored
    const r = await page.evaluate(() => window.playground.set({ noise: 500, nope: 1, batchSize: 30 }));
    assert.deepEqual(r.ignored.sort(), ['noise', 'nope']);
    assert.deepEqual(r.applied, ['batchSize']);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a TensorFlow Playground link opens meaningfully', async () => {
  const tfp = 'activation=relu&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&regularizationRate=0.001'
    + '&noise=10&networkShape=4,3&seed=0.81726&showTestData=true&discretize=false&percTrainData=60&x=true&y=true'
    + '&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false'
    + '&problem=classification&initZero=false&hideText=false&regularization=L1';
  const { page, close } = await openPage(browser, `${server.url}#${tfp}`);
  try {
    const s = await page.evaluate(() => window.playground.get().state);
    assert.equal(s.dataset, 'xor');
    // the link's one activation goes to network 2; network 1 stays linear: the comparison stays
    assert.equal(s.activation, 'linear');
    assert.equal(s.activation2, 'relu');
    assert.deepEqual(s.networkShape, [4, 3]);
    assert.equal(s.noise, 10);
    assert.equal(s.percTrainData, 60);
    assert.equal(s.regularization, 'L1');
    assert.equal(s.regularizationRate, 0.001);
    assert.equal(s.showTestData, true);
    assert.ok(Number.isInteger(s.seed));
    const notes = await noticeTexts(page);
    assert.equal(notes.length, 1, `one notice, about the activation: ${notes}`);
    assert.match(notes[0], /network 2 uses it and network 1 stays linear/);
  } finally { await close(); }
  const reg = await openPage(browser, `${server.url}#problem=regression&regDataset=reg-gauss&dataset=circle&xSquared=true`);
  try {
    assert.equal(await reg.page.evaluate(() => window.playground.get().state.dataset), 'gauss_bumps');
    // input features are offered (tests/browser/features.test.mjs): x₁² joins x₁ and x₂
    assert.deepEqual(await reg.page.evaluate(() => window.playground.get().scene.features), ['x', 'y', 'xSquared']);
    assert.deepEqual(await noticeTexts(reg.page), []);
  } finally { await reg.close(); }
});

test('Chinese UI: by URL, by browser language, and by the switch', async () => {
  const zh = await openPage(browser, `${FILE_URL}#lang=zh`);
  try {
    const h1 = await zh.page.textContent('h1');
    assert.match(h1, /[\u4e00-\u9fff]/, `Chinese headline: ${h1}`);
    assert.equal(h1, '为什么神经网络需要非线性激活函数？');
    const labels = await zh.page.$$eval('.panel .field > span:first-child, .panel h2', (els) => els.map((e) => e.textContent));
    for (const l of labels) assert.match(l, /[\u4e00-\u9fff]/, `label "${l}" is Chinese`);
    assert.equal(await zh.page.getAttribute('html', 'lang'), 'zh-CN');
    assert.match(await zh.page.textContent('.net-card[data-net="0"] .caption'), /[\u4e00-\u9fff]/);
    // switch to English on the page
    await zh.page.click('[data-lang="en"]');
    assert.equal(await zh.page.textContent('h1'), 'Why does a neural network need a nonlinear activation?');
    await zh.page.waitForFunction(() => location.hash.includes('lang=en'));
    assert.deepEqual(zh.errors, []);
  } finally { await zh.close(); }
  const byLocale = await openPage(browser, FILE_URL, { locale: 'zh-CN' });
  try {
    assert.equal(await byLocale.page.evaluate(() => window.playground.get().state.lang), 'zh');
    assert.match(await byLocale.page.textContent('h1'), /[\u4e00-\u9fff]/);
  } finally { await byLocale.close(); }
});

test('every dataset and every activation trains without an error', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    const res = await page.evaluate(() => {
      const pg = window.playground, out = [];
      // own data (empty until the reader adds points) has its own tests: owndata.test.mjs
      const datasets = [...document.querySelectorAll('#dataset option')].map((o) => o.value).filter((v) => v !== 'own');
      const acts = [...document.querySelectorAll('#activation option')].map((o) => o.value);
      for (const dataset of datasets) {
        pg.set({ dataset, activation: 'linear', activation2: 'tanh' });
        const n = pg.step(3);
        out.push({ dataset, kind: pg.get().kind, n });
      }
      pg.set({ dataset: 'circle' });
      for (const a of acts) { pg.set({ activation2: a }); out.push({ act: a, n: pg.step(2) }); }
      return { out, datasets, acts };
    });
    assert.ok(res.datasets.length >= 13, `datasets offered: ${res.datasets}`);
    for (const d of ['xor', 'circle', 'spiral', 'gauss', 'moons', 'plane', 'gauss_bumps', 'line', 'sine', 'parabola', 'abs', 'step', 'cubic']) {
      assert.ok(res.datasets.includes(d), `dataset ${d} offered`);
    }
    assert.ok(res.acts.length >= 10, `activations offered: ${res.acts}`);
    for (const r of res.out) {
      // a network may diverge (the page says so); it must not fail
      for (const n of r.n) assert.ok(Number.isFinite(n.trainLoss) || n.diverged, JSON.stringify(r));
      if (r.dataset) assert.ok(Number.isFinite(r.n[1].trainLoss), `tanh on ${r.dataset}: ${JSON.stringify(r)}`);
      if (r.kind === 'regression') assert.equal(r.n[0].trainAccuracy, undefined);
      if (r.kind === 'classification' || r.kind === 'multiclass') assert.ok(r.n[0].trainAccuracy >= 0);
    }
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
