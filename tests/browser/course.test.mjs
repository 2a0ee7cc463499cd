// Course mode, as a teacher uses it: hidden controls, the compact embed, pace, exercises with goals,
// and links that keep the comparison. (The postMessage API: embed.test.mjs.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, FILE_URL, artifactsDir } from './helpers.mjs';
import { LESSONS } from '../../web/scenes/index.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = (page, fn, arg) => page.evaluate(fn, arg);
const noticeTexts = (page) => page.$$eval('#notices .notice .text', (els) => els.map((e) => e.textContent));

test('<key>_hide removes a control, the layout closes up, and hide keys round-trip in the hash', async () => {
  const hide = ['learningRate', 'activation2', 'optimizer', 'seed', 'lang', 'scene', 'playButton', 'stepButton', 'resetButton', 'speed'];
  const { page, errors, close } = await openPage(browser, `${FILE_URL}#${hide.map((k) => `${k}_hide=true`).join('&')}`);
  try {
    for (const k of hide) assert.equal(await page.isVisible(`[data-control="${k}"]`), false, `${k} hidden`);
    for (const k of ['dataset', 'activation', 'batchSize', 'networkShape']) assert.equal(await page.isVisible(`[data-control="${k}"]`), true, `${k} shown`);
    assert.equal(await page.isVisible('#regenerate'), false, 'seed_hide hides the regenerate button');
    await page.waitForFunction(() => location.hash.includes('learningRate_hide=true') && location.hash.includes('playButton_hide=true'));
    // a whole panel hidden: its heading goes too; every sidebar control hidden: the networks take the width
    const wide0 = await run(page, () => document.querySelector('.twins').getBoundingClientRect().width);
    const sidebarKeys = ['dataset', 'noise', 'percTrainData', 'seed', 'showTestData', 'discretize', 'learningRate', 'batchSize', 'optimizer',
      'regularization', 'regularizationRate', 'outputActivation', 'points'];
    await run(page, (keys) => window.playground.set(Object.fromEntries(keys.map((k) => [`${k}_hide`, true]))), sidebarKeys);
    assert.equal(await page.isVisible('.sidebar'), false);
    const wide1 = await run(page, () => document.querySelector('.twins').getBoundingClientRect().width);
    assert.ok(wide1 > wide0 + 150, `the networks widen when the sidebar goes: ${wide0} -> ${wide1}`);
    await run(page, () => window.playground.set({ learningRate_hide: false }));
    assert.equal(await page.isVisible('#learningRate'), true);
    assert.equal(await page.isVisible('.sidebar'), true);
    // hideText: no title, lede or explanation
    await run(page, () => window.playground.set({ hideText: true }));
    assert.equal(await page.isVisible('h1'), false);
    assert.equal(await page.isVisible('.explain-panel'), false);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

for (const lang of ['en', 'zh']) {
  test(`embed=1 (${lang}): no title or footer, and every lesson's key figures inside 900x600 and 640x480`, async () => {
    const { page, errors, close } = await openPage(browser, `${FILE_URL}#embed=1&autoplay=false&lang=${lang}`, { viewport: { width: 900, height: 600 } });
    try {
      assert.equal(await page.isVisible('h1'), false);
      assert.equal(await page.isVisible('.footer'), false);
      for (const [w, h] of [[900, 600], [640, 480]]) {
        await page.setViewportSize({ width: w, height: h });
        for (const lesson of LESSONS) {
          await run(page, (id) => { window.playground.set({ scene: id }); window.playground.step(5); }, lesson.id);
          await page.waitForTimeout(80);
          const out = await run(page, (sels) => sels.map((s) => {
            const shown = [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length);
            return { s, n: shown.length, boxes: shown.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round); }) };
          }), lesson.embedFigures);
          assert.ok(lesson.embedFigures.length > 0, `${lesson.id}: declares its key figures`);
          for (const { s, n, boxes } of out) {
            assert.ok(n >= 1, `${lesson.id} at ${w}x${h}: ${s} is shown`);
            for (const [l, t, r, b] of boxes) assert.ok(l >= 0 && t >= 0 && r <= w && b <= h, `${lesson.id} at ${w}x${h}: ${s} at ${[l, t, r, b]} is inside the frame`);
          }
          if (lesson.id === 'compare' || lesson.id === 'collapse') {
            await page.screenshot({ path: join(artifactsDir(), `embed-${lesson.id}-${w}x${h}-${lang}.png`) });
          }
        }
      }
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}

test('a TensorFlow Playground link keeps the comparison; a replaced hash is a complete description', async () => {
  const { page, errors, close } = await openPage(browser, `${FILE_URL}#activation=relu&dataset=circle&noise=20`);
  try {
    let s = (await run(page, () => window.playground.get())).state;
    assert.equal(s.activation, 'linear');
    assert.equal(s.activation2, 'relu');
    assert.ok((await noticeTexts(page)).some((t) => /network 2/i.test(t) && /relu/.test(t)), 'a notice says so');
    // the page rewrites its own hash with both activations: a reload keeps them
    await page.waitForFunction(() => location.hash.includes('activation2=relu'));
    // a linear link: network 2 stays tanh
    await run(page, () => { location.hash = '#activation=linear&dataset=xor'; });
    await page.waitForFunction(() => window.playground.get().state.dataset === 'xor');
    s = (await run(page, () => window.playground.get())).state;
    assert.equal(s.activation, 'linear');
    assert.equal(s.activation2, 'tanh');
    assert.equal(s.noise, 0, 'noise, omitted from the new hash, is back to its default');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('autoplay=false opens paused at epoch 0; speed trains that many epochs a frame and the chart keeps every epoch', async () => {
  const { page, errors, close } = await openPage(browser, `${FILE_URL}#autoplay=false&speed=25`, { play: true });
  try {
    await page.waitForTimeout(400);
    let g = await run(page, () => window.playground.get());
    assert.equal(g.playing, false);
    assert.equal(g.networks[0].epoch, 0);
    assert.equal(await page.inputValue('#speed'), '25');
    await run(page, () => window.playground.play());
    await page.waitForFunction(() => window.playground.get().networks[0].epoch >= 100);
    await run(page, () => window.playground.pause());
    g = await run(page, () => window.playground.get());
    assert.equal(g.networks[0].epoch % 25, 0, `whole frames of 25 epochs: ${g.networks[0].epoch}`);
    assert.equal(g.networks[0].chartEpochs, g.networks[0].epoch + 1, 'the chart has epoch 0 and every epoch after it');
    const n = await run(page, () => { window.playground.reset(); return window.playground.step(40); });
    assert.equal(n[1].chartEpochs, 41, 'step(40): 41 points');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('goals: shown with a live status, marked when first met, a goal event with an xAPI statement; a bad goal gets a notice', async () => {
  const goal = encodeURIComponent('net2.trainAccuracy>=0.9;net1.epoch>=10;net1.testAccuracy>0.99;bogus<1');
  const { page, errors, close } = await openPage(browser, `${FILE_URL}#autoplay=false&goal=${goal}&goalText=${encodeURIComponent('Make network 2 learn XOR')}`);
  try {
    assert.ok((await noticeTexts(page)).some((t) => t.includes('bogus<1')), 'the invalid goal is named');
    assert.equal(await page.textContent('#goals .goal-text'), 'Make network 2 learn XOR');
    assert.equal(await page.locator('#goals li').count(), 3);
    const events = await run(page, () => {
      const got = [];
      window.playground.on('goal', (e) => got.push(e));
      window.playground.step(40);
      return got;
    });
    assert.deepEqual(events.map((e) => e.goal).sort(), ['net1.epoch>=10', 'net2.trainAccuracy>=0.9']);
    const st = events[0].statement;
    assert.equal(st.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
    assert.equal(st.result.success, true);
    assert.match(st.object.id, /index\.html#.*goal=/);
    const met = await page.$$eval('#goals li', (els) => els.map((e) => e.classList.contains('met')));
    assert.deepEqual(met, [true, true, false]);
    // met once: no second event on the next step
    const again = await run(page, () => { const got = []; window.playground.on('goal', (e) => got.push(e)); window.playground.step(1); return got.length; });
    assert.equal(again, 0);
    await run(page, () => window.playground.set({ lang: 'zh' }));
    assert.match(await page.textContent('#goals li'), /网络 2/);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
