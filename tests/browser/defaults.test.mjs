// No default breaks (issue 10, part 7), in Chromium through window.playground: every dataset the
// page offers, with every engine activation in either network, trains 200 epochs at the default
// settings (learningRate=auto: the dataset's own rate, shown in the Learning rate control)
// without diverging, and ends below the loss it started from. The documented exception is named
// below with its reason and checked to be one. A network that diverges stops alone: the other
// trains on, the epoch counter follows it, and a notice (en, zh) says which rate to use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, FILE_URL } from './helpers.mjs';

const EPOCHS = 200;
// The documented exception (web/README.md, "Learning rates"): the affine activation 2z + 0.5
// doubles what passes through each hidden layer, so on 2D regression (inputs up to 6, a linear
// output) its gradient at the initial weights is about 16 times the linear network's at the
// default [4, 2]: it diverges in the first epoch at the 2D-regression rate 0.01 and needs 0.001.
// Only these pairs may diverge.
const EXCEPTIONS = { plane: ['affine'], gauss_bumps: ['affine'] };

let browser, p;
before(async () => { browser = await launch(); p = await openPage(browser, FILE_URL); });
after(async () => { await p?.close(); await browser?.close(); });

test(`every dataset x activation trains ${EPOCHS} epochs at the default settings without diverging (exceptions named)`, async () => {
  const { page, errors } = p;
  const { datasets, activations, defaults } = await page.evaluate(() => ({
    datasets: [...document.querySelectorAll('#dataset option')].map((o) => o.value).filter((v) => v !== 'own'),
    activations: [...document.querySelectorAll('#activation option')].map((o) => o.value),
    defaults: window.playground.get().state,
  }));
  assert.equal(defaults.learningRate, 'auto', 'the default learning rate is the dataset\'s own');
  assert.ok(datasets.length >= 15 && activations.length >= 10, `${datasets} / ${activations}`);
  const report = [];
  const failures = [];
  const exceptionsSeen = [];
  for (const dataset of datasets) {
    // every activation once, two at a time (network 1, network 2): the networks differ only in it
    for (let i = 0; i < activations.length; i += 2) {
      const pair = [activations[i], activations[(i + 1) % activations.length]];
      const r = await page.evaluate(({ dataset, pair, epochs }) => {
        const pg = window.playground;
        const res = pg.set({ dataset, activation: pair[0], activation2: pair[1] });
        pg.reset();
        const start = pg.get().networks.map((n) => n.trainLoss);
        const nets = pg.step(epochs);
        return { ignored: res.ignored, start, nets, rate: pg.get().scene.learningRate,
          shown: document.querySelector('#learningRate').selectedOptions[0].textContent };
      }, { dataset, pair, epochs: EPOCHS });
      assert.deepEqual(r.ignored, []);
      assert.equal(r.shown, `auto (${r.rate})`, `${dataset}: the control shows the rate in use`);
      r.nets.forEach((n, k) => {
        const act = pair[k];
        const ok = !n.diverged && Number.isFinite(n.trainLoss) && n.trainLoss <= r.start[k] && n.epoch === EPOCHS;
        if (EXCEPTIONS[dataset]?.includes(act)) {
          exceptionsSeen.push(`${dataset}/${act}`);
          assert.equal(n.diverged, true, `${dataset}/${act} is documented to diverge at the default: if it no longer does, drop the exception`);
          return;
        }
        if (!ok) failures.push(`${dataset} / ${act} (network ${k + 1}, lr ${r.rate}): ${JSON.stringify(n)} from ${r.start[k]}`);
        if (act === 'linear' || act === 'tanh') report.push(`${dataset} ${act} lr ${r.rate}: ${r.start[k].toFixed(4)} -> ${n.trainLoss.toFixed(4)}`);
      });
    }
  }
  console.log(report.join('\n'));
  assert.deepEqual(failures, []);
  assert.deepEqual(exceptionsSeen.sort(), ['gauss_bumps/affine', 'plane/affine'], 'each exception was met');
  assert.deepEqual(errors, []);
});

test('the default learning rate is the dataset\'s: 0.01 for 2D regression, 0.03 otherwise; a chosen rate stays', async () => {
  const { page } = p;
  const rates = await page.evaluate(() => {
    const pg = window.playground, out = {};
    pg.set({ activation: 'linear', activation2: 'tanh', learningRate: 'auto' });
    for (const d of ['xor', 'spiral3', 'plane', 'gauss_bumps', 'sine']) { pg.set({ dataset: d }); out[d] = pg.get().scene.learningRate; }
    pg.set({ learningRate: 0.1 });
    pg.set({ dataset: 'plane' });
    out.chosen = pg.get().scene.learningRate;
    pg.set({ learningRate: 'auto', dataset: 'xor' });
    return out;
  });
  assert.deepEqual(rates, { xor: 0.03, spiral3: 0.03, plane: 0.01, gauss_bumps: 0.01, sine: 0.03, chosen: 0.1 });
});

test('2D regression on large input features: auto lowers the rate, and the linear network does not diverge', async () => {
  const { page } = p;
  const off = { x: false, y: false, xSquared: false, ySquared: false, xTimesY: false, sinX: false, sinY: false, cosX: false, cosY: false };
  const runs = await page.evaluate(({ off, epochs }) => {
    const pg = window.playground, out = [];
    for (const dataset of ['plane', 'gauss_bumps']) {
      for (const on of [['x', 'y'], ['x', 'y', 'xTimesY'], ['xSquared', 'ySquared'], ['x', 'y', 'xSquared', 'ySquared']]) {
        pg.set({ dataset, activation: 'linear', activation2: 'tanh', learningRate: 'auto', ...off, ...Object.fromEntries(on.map((f) => [f, true])) });
        pg.reset();
        const start = pg.get().networks.map((n) => n.trainLoss);
        const nets = pg.step(epochs);
        out.push({ dataset, on, rate: pg.get().scene.learningRate, start, nets });
      }
    }
    pg.set({ ...off, x: true, y: true, dataset: 'xor' });
    return out;
  }, { off, epochs: EPOCHS });
  for (const r of runs) {
    const what = `${r.dataset} on ${r.on.join(', ')} at ${r.rate}`;
    r.nets.forEach((n, k) => assert.ok(!n.diverged && n.trainLoss <= r.start[k], `${what}: ${JSON.stringify(n)}`));
  }
  // the rate falls with the inputs' size: 0.01 on x, y; lower with x₁x₂; lower still with the squares
  for (const d of ['plane', 'gauss_bumps']) {
    const rs = runs.filter((r) => r.dataset === d).map((r) => r.rate);
    assert.equal(rs[0], 0.01);
    assert.ok(rs[1] < rs[0] && rs[2] < rs[1] && rs[3] <= rs[2], `${d}: ${rs}`);
  }
});

for (const lang of ['en', 'zh']) {
  test(`${lang}: one network diverges, the other trains on, the counter follows it, a notice says what to change`, async () => {
    const { page, errors, close } = await openPage(browser, `${FILE_URL}#lang=${lang}`);
    try {
      // 0.03 on gauss_bumps (the old default): the linear network diverges in its first epoch
      const r = await page.evaluate(() => {
        const pg = window.playground;
        pg.set({ dataset: 'gauss_bumps', activation: 'linear', activation2: 'tanh', learningRate: 0.03 });
        const nets = pg.step(40);
        return { nets, epoch: document.querySelector('#epoch').textContent, card: document.querySelector('.net-card[data-net="0"] .bad').textContent };
      });
      assert.equal(r.nets[0].diverged, true);
      assert.equal(r.nets[0].epoch, 1);
      assert.equal(r.nets[1].diverged, false);
      assert.equal(r.nets[1].epoch, 40, 'network 2 trained every epoch');
      assert.equal(r.epoch, '40', 'the counter shows the run, not the stopped network');
      const notes = await page.$$eval('#notices .notice .text', (els) => els.map((e) => e.textContent));
      const want = lang === 'en' ? /Network 1 diverged at epoch 1 and stopped; network 2 goes on\. Lower the learning rate to 0\.01/
        : /网络 1 在第 1 轮发散，已停止训练；网络 2 继续训练。请把学习率降到 0\.01/;
      assert.ok(notes.some((n) => want.test(n)), notes.join(' | '));
      assert.match(r.card, lang === 'en' ? /diverged at epoch 1: lower the learning rate to 0\.01/ : /在第 1 轮发散：请把学习率降到 0\.01/);
      // the card's button applies the rate and restarts both; then neither diverges
      await page.click('.net-card[data-net="0"] .fix-rate');
      const after = await page.evaluate(() => ({ lr: window.playground.get().state.learningRate, nets: window.playground.step(200) }));
      assert.equal(after.lr, 0.01);
      assert.deepEqual(after.nets.map((n) => [n.diverged, n.epoch]), [[false, 200], [false, 200]]);
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}
