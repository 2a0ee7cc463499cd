// Share and take away (web/share.js, web/share.css, web/print.css): the Share panel's link and
// <iframe> snippet, Copy where the clipboard is blocked (a sandboxed frame), the lesson's picture
// (PNG), each network's model as JSON (download, import, a bad file changes nothing), the print
// handout, both languages, keyboard and touch use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { loadEngine } from 'nonlinear-playground';
import { launch, serveDist, openPage, artifactsDir, ROOT } from './helpers.mjs';

let browser, server, shareBundle;
before(async () => {
  browser = await launch();
  server = await serveDist();
  // web/share.js on its own, as window.__share, to call lessonPicture() in the page
  const out = await build({ entryPoints: [join(ROOT, 'web', 'share.js')], bundle: true, format: 'iife', globalName: '__share', write: false });
  shareBundle = out.outputFiles[0].text;
});
after(async () => { await browser?.close(); await server?.close(); });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const panelOpen = (page) => page.$eval('#sharePanel', (p) => !p.hidden);
const value = (page, sel) => page.$eval(sel, (e) => e.value);

test('the Share panel: the link and the <iframe> snippet of the current state; Escape, close and an outside click close it', async () => {
  const { page, errors, close } = await openPage(browser, server.url);
  try {
    await page.evaluate(() => window.playground.set({ dataset: 'circle', networkShape: [3] }));
    assert.equal(await panelOpen(page), false);
    assert.equal(await page.getAttribute('#shareButton', 'aria-expanded'), 'false');
    assert.equal((await page.textContent('#shareButton')).trim(), 'Share');

    await page.click('#shareButton');
    assert.equal(await panelOpen(page), true);
    assert.equal(await page.getAttribute('#shareButton', 'aria-expanded'), 'true');
    assert.equal(await page.getAttribute('#sharePanel', 'role'), 'dialog');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'shareLink', 'focus moves into the panel');

    const link = await value(page, '#shareLink');
    assert.equal(link, await page.evaluate(() => window.playground.link()));
    assert.match(link, /dataset=circle/);
    assert.match(link, /networkShape=3(&|$)/);
    assert.equal(await page.$eval('#shareLink', (e) => e.readOnly), true);

    const code = await value(page, '#shareEmbed');
    assert.equal(await page.$eval('#shareEmbed', (e) => e.readOnly && e.tagName), 'TEXTAREA');
    assert.match(code, /^<iframe src="[^"]+" width="900" height="600" sandbox="allow-scripts" style="border:0" title="Nonlinear Playground"><\/iframe>$/);
    const src = /src="([^"]+)"/.exec(code)[1].replace(/&amp;/g, '&');
    assert.match(src, /[#&]embed=1(&|$)/);
    assert.match(src, /dataset=circle/);
    assert.equal(src.split('#')[0], link.split('#')[0]);
    assert.equal((src.match(/embed=/g) ?? []).length, 1);

    // fields follow the state while the panel is open
    await page.evaluate(() => window.playground.set({ noise: 10 }));
    assert.match(await value(page, '#shareLink'), /noise=10/);
    assert.match(await value(page, '#shareEmbed'), /noise=10/);

    // Escape closes and gives the focus back to the button
    await page.keyboard.press('Escape');
    assert.equal(await panelOpen(page), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'shareButton');
    assert.equal(await page.getAttribute('#shareButton', 'aria-expanded'), 'false');

    // the keyboard opens it again (Enter on the focused button); the close button closes it
    await page.keyboard.press('Enter');
    assert.equal(await panelOpen(page), true);
    await page.click('#sharePanel .share-close');
    assert.equal(await panelOpen(page), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'shareButton');

    // a click outside closes it
    await page.click('#shareButton');
    assert.equal(await panelOpen(page), true);
    await page.mouse.click(600, 780);
    assert.equal(await panelOpen(page), false);

    // the fields are refreshed on opening
    await page.evaluate(() => window.playground.set({ dataset: 'spiral' }));
    await page.click('#shareButton');
    assert.match(await value(page, '#shareLink'), /dataset=spiral/);

    // nothing in #share is another control
    assert.deepEqual(await page.$$eval('#share [data-control]', (els) => els.map((e) => e.dataset.control)), []);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('Copy: where the clipboard is blocked (a sandboxed frame) the text is selected and the panel says how to copy', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  try {
    // the teacher's embed, as the snippet writes it but without embed=1 (the masthead stays)
    await page.setContent(`<iframe sandbox="allow-scripts" src="${server.url}#lang=zh" width="1160" height="760" style="border:0" title="t"></iframe>`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.playground && window.playground.get !== undefined);
    await frame.evaluate(() => window.playground.ready.then(() => window.playground.pause()));
    assert.equal(await frame.evaluate(() => self.origin), 'null', 'the frame is sandboxed');

    await frame.click('#shareButton');
    // the link: clear the selection the panel made on opening, then Copy
    await frame.evaluate(() => { document.getElementById('shareLink').setSelectionRange(0, 0); document.getElementById('shareButton').focus(); });
    await frame.click('#sharePanel [data-copy="link"]');
    await frame.waitForFunction(() => document.querySelector('#sharePanel .share-hint').textContent !== '');
    const linkSel = await frame.evaluate(() => {
      const f = document.getElementById('shareLink');
      return { active: document.activeElement === f, start: f.selectionStart, end: f.selectionEnd, length: f.value.length,
        hint: document.querySelector('#sharePanel .share-hint').textContent };
    });
    assert.equal(linkSel.active, true);
    assert.equal(linkSel.start, 0);
    assert.equal(linkSel.end, linkSel.length);
    assert.ok(linkSel.length > 50);
    assert.equal(linkSel.hint, '按 Ctrl+C 复制');

    // the snippet
    await frame.click('#sharePanel [data-copy="embed"]');
    await frame.waitForFunction(() => document.activeElement && document.activeElement.id === 'shareEmbed');
    const codeSel = await frame.evaluate(() => {
      const f = document.getElementById('shareEmbed');
      return { start: f.selectionStart, end: f.selectionEnd, length: f.value.length, text: f.value.slice(f.selectionStart, f.selectionEnd),
        hint: document.querySelector('#sharePanel .share-hint').textContent };
    });
    assert.equal(codeSel.start, 0);
    assert.equal(codeSel.end, codeSel.length);
    assert.match(codeSel.text, /^<iframe src=".*embed=1.*" .*sandbox="allow-scripts"/);
    assert.equal(codeSel.hint, '按 Ctrl+C 复制');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('Copy: with the clipboard, the text is copied; with writeText refused, selected (English hint)', async () => {
  const { page, context, errors, close } = await openPage(browser, server.url);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await page.click('#shareButton');
    await page.click('#sharePanel [data-copy="link"]');
    await page.waitForFunction(() => document.querySelector('#sharePanel .share-hint').textContent !== '');
    assert.equal(await page.textContent('#sharePanel .share-hint'), 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => window.playground.link()));

    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('blocked', 'NotAllowedError')); });
    await page.evaluate(() => document.getElementById('shareEmbed').setSelectionRange(0, 0));
    await page.click('#sharePanel [data-copy="embed"]');
    await page.waitForFunction(() => document.querySelector('#sharePanel .share-hint').textContent === 'Press Ctrl+C to copy');
    const sel = await page.evaluate(() => {
      const f = document.getElementById('shareEmbed');
      return { active: document.activeElement === f, start: f.selectionStart, end: f.selectionEnd, length: f.value.length };
    });
    assert.deepEqual(sel, { active: true, start: 0, end: sel.length, length: sel.length });
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

/** Size, distinct colours (4 bits per channel) and the share of non-white pixels of a canvas. */
function pictureStats() {
  const c = window.__share.lessonPicture(document);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const colours = new Set();
  let ink = 0, dark = 0;
  for (let p = 0; p < d.length; p += 4) {
    colours.add(((d[p] >> 4) << 8) | ((d[p + 1] >> 4) << 4) | (d[p + 2] >> 4));
    if (d[p] < 245 || d[p + 1] < 245 || d[p + 2] < 245) ink++;
    if (d[p] < 80 && d[p + 1] < 80 && d[p + 2] < 80) dark++;
  }
  const n = d.length / 4;
  return { width: c.width, height: c.height, colours: colours.size, ink: ink / n, dark: dark / n };
}

test('the picture: the lesson\'s figures and labels in one canvas; Save picture downloads a PNG', async () => {
  const { page, errors, close } = await openPage(browser, server.url);
  try {
    await page.evaluate(() => window.playground.step(40));
    await page.addScriptTag({ content: shareBundle });
    const s = await page.evaluate(pictureStats);
    assert.ok(s.width > 600 && s.height > 400, `picture ${s.width}x${s.height}`);
    assert.ok(s.colours > 200, `${s.colours} colours`);
    assert.ok(s.ink > 0.2, `non-white share ${s.ink}`);
    assert.ok(s.dark > 0.002, `text drawn (dark pixels: ${s.dark})`);

    // the two heatmaps are in it, where the page shows them: compare 25 points of each heatmap
    // (the overlay's data points cover a few of them)
    const found = await page.evaluate(() => {
      const c = window.__share.lessonPicture(document, { scale: 1 });
      const ctx = c.getContext('2d');
      const view = document.querySelector('#compareView .twins').getBoundingClientRect();
      const header = c.height - view.height - 16;
      return [...document.querySelectorAll('#compareView .output-box')].map((box) => {
        const r = box.getBoundingClientRect();
        const heat = box.querySelector('canvas.heatmap');
        let same = 0, n = 0;
        for (let i = 1; i <= 5; i++) {
          for (let j = 1; j <= 5; j++) {
            const fx = i / 6, fy = j / 6;
            const h = heat.getContext('2d').getImageData(Math.floor(fx * heat.width), Math.floor(fy * heat.height), 1, 1).data;
            const p = ctx.getImageData(Math.round(r.left + fx * r.width - view.left + 16), Math.round(r.top + fy * r.height - view.top + header), 1, 1).data;
            n++;
            if ([0, 1, 2].every((k) => Math.abs(h[k] - p[k]) < 40)) same++;
          }
        }
        return same / n;
      });
    });
    assert.equal(found.length, 2);
    for (const share of found) assert.ok(share >= 0.7, `heatmap pixels found in the picture: ${share}`);

    // every lesson has a picture
    for (const scene of ['activations', 'collapse', 'squashing', 'regression', 'step', 'relu', 'universal', 'pca', 'warp', 'synthetic']) {
      await page.evaluate((id) => window.playground.set({ scene: id }), scene);
      await page.evaluate(() => window.playground.step(5));
      const t = await page.evaluate(pictureStats);
      assert.ok(t.width > 600 && t.height > 300 && t.colours > 30 && t.dark > 0.001, `${scene}: ${JSON.stringify(t)}`);
    }

    // the button: a PNG named after the lesson
    await page.evaluate(() => window.playground.set({ scene: 'relu' }));
    await page.click('#shareButton');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sharePicture')]);
    assert.equal(download.suggestedFilename(), 'nonlinear-playground-relu.png');
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
    assert.ok(bytes.readUInt32BE(16) > 600 && bytes.readUInt32BE(20) > 300, 'IHDR size');
    await page.waitForFunction(() => /nonlinear-playground-relu\.png/.test(document.querySelector('#sharePanel .share-status').textContent));
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('models: each network downloads as JSON the engine accepts; importing it back changes nothing; a bad file is named and changes nothing', async () => {
  const { page, errors, close } = await openPage(browser, server.url);
  const engine = await loadEngine();
  try {
    await page.evaluate(() => { window.playground.set({ dataset: 'circle' }); window.playground.step(30); });
    await page.click('#shareButton');
    assert.equal(await page.isVisible('#shareModels'), true);
    assert.deepEqual(await page.$$eval('#shareModels .share-net', (rows) => rows.map((r) => [r.querySelector('.share-net-name').textContent,
      ...[...r.querySelectorAll('button')].map((b) => `${b.textContent} (${b.getAttribute('aria-label')})`)])),
    [['Network 1 · linear', 'Download (Download network 1 as JSON)', 'Import… (Import network 1 from a JSON file)'],
      ['Network 2 · tanh', 'Download (Download network 2 as JSON)', 'Import… (Import network 2 from a JSON file)']]);

    // download: the net's toJSON(), which the engine reads back
    const files = [];
    for (const i of [0, 1]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#shareModels .share-net[data-net="${i}"] [data-action="download"]`)]);
      files.push({ name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') });
    }
    assert.deepEqual(files.map((f) => f.name), ['network-1-linear.json', 'network-2-tanh.json']);
    const exported = await page.evaluate(() => window.playground.exportNetworks());
    for (const [i, f] of files.entries()) {
      const obj = JSON.parse(f.text);
      assert.deepEqual(obj, exported[i]);
      const net = engine.networkFromJSON(obj);
      try {
        assert.deepEqual(Array.from(net.layers), [2, 4, 2, 1]);
      } finally { net.delete(); }
    }

    const snapshot = () => page.evaluate(() => ({ networks: window.playground.get().networks, weights: window.playground.weights() }));
    const before = await snapshot();
    const input = (i) => `#shareModels .share-net[data-net="${i}"] input[type=file]`;
    const status = () => page.$eval('#shareModelStatus', (e) => ({ text: e.textContent, bad: e.classList.contains('bad') }));

    // its own export back into network 1: the same network
    await page.setInputFiles(input(0), { name: files[0].name, mimeType: 'application/json', buffer: Buffer.from(files[0].text) });
    await page.waitForFunction(() => /Network 1 now has the weights/.test(document.getElementById('shareModelStatus').textContent));
    const same = await snapshot();
    for (const k of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']) {
      assert.ok(Math.abs(same.networks[0][k] - before.networks[0][k]) <= 1e-6, `${k}: ${same.networks[0][k]} vs ${before.networks[0][k]}`);
    }
    assert.equal(same.networks[0].activation, 'linear');
    const flat = (w) => w.flatMap((layer) => [...layer.W, ...layer.b]);
    const wa = flat(same.weights[0]), wb = flat(before.weights[0]);
    assert.equal(wa.length, wb.length);
    assert.ok(wa.every((v, j) => Math.abs(v - wb[j]) <= 1e-6), 'weights unchanged');
    assert.deepEqual(same.networks[1], before.networks[1]);

    // bad files: not JSON, not a network, wrong weights (the engine's check), a network with other
    // activations (the tanh one into the linear one)
    const base = await snapshot();
    const bad = [
      ['broken.json', 'not json {', /Nothing changed: “broken\.json” cannot be used\. The file is not JSON\./],
      ['format.json', '{"format":"x"}', /Nothing changed: “format\.json” cannot be used\..*format/],
      ['weights.json', JSON.stringify({ ...JSON.parse(files[0].text), weights: [[1, 2, 3]] }), /Nothing changed: “weights\.json” cannot be used\..*weights/],
      ['other.json', files[1].text, /Nothing changed: “other\.json” cannot be used\./],
    ];
    for (const [name, text, want] of bad) {
      await page.setInputFiles(input(0), { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForFunction((n) => document.getElementById('shareModelStatus').textContent.includes(n), name);
      const st = await status();
      assert.match(st.text, want);
      assert.equal(st.bad, true);
      assert.deepEqual(await snapshot(), base, `${name} changed nothing`);
    }
    assert.equal(await page.isVisible('#shareModelStatus'), true);
    assert.equal(await page.getAttribute('#shareModelStatus', 'role'), 'status');

    // a lesson without twin networks has no models section
    await page.evaluate(() => window.playground.set({ scene: 'relu' }));
    assert.equal(await page.isVisible('#shareModels'), false);
    await page.evaluate(() => window.playground.set({ scene: 'compare' }));
    assert.equal(await page.isVisible('#shareModels'), true);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('print: the handout has the title, the lede, the figures and the text, without the controls', async () => {
  const { page, errors, close } = await openPage(browser, server.url);
  try {
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.toolbar', '.sidebar', '#shareButton', '.lang-switch', '#notices', '.footer', '#compareView [data-control="activation"]']) {
      assert.equal(await page.isVisible(sel), false, `${sel} is not printed`);
    }
    for (const sel of ['h1', '#lede', 'canvas.heatmap[data-net="0"]', 'canvas.heatmap[data-net="1"]', '#lossChart', '.explain-panel', '.net-card .caption', '.share-print']) {
      assert.equal(await page.isVisible(sel), true, `${sel} is printed`);
    }
    assert.match(await page.textContent('.share-print'), /This lesson online: .*dataset=xor/);
    assert.equal(await page.$eval('body', (b) => getComputedStyle(b).backgroundColor), 'rgb(255, 255, 255)');
    assert.equal(await page.$eval('.net-card', (c) => getComputedStyle(c).breakInside), 'avoid');

    // a lesson whose figures sit in a control (the activation gallery) keeps them
    await page.evaluate(() => window.playground.set({ scene: 'activations' }));
    assert.equal(await page.isVisible('.act-gallery canvas'), true);
    assert.equal(await page.isVisible('#sceneView button.text-button'), false);

    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.isVisible('.toolbar'), true);
    assert.equal(await page.isVisible('.share-print'), false);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('the panel in English and Chinese (screenshots), and on a touch screen every target is at least 44 px', async () => {
  const { page, errors, close } = await openPage(browser, server.url);
  try {
    await page.evaluate(() => window.playground.step(40));
    await page.click('#shareButton');
    await page.screenshot({ path: join(artifactsDir(), 'share-panel-en.png') });
    await page.evaluate(() => window.playground.set({ lang: 'zh' }));
    assert.equal(await panelOpen(page), true, 'stays open');
    assert.equal(await page.textContent('#shareTitle'), '分享与保存');
    assert.equal((await page.textContent('#shareButton')).trim(), '分享');
    assert.equal(await page.textContent('#sharePicture'), '保存图片（PNG）');
    assert.match(await page.textContent('#shareModels'), /网络 1 · 线性 linear/);
    assert.match(await value(page, '#shareLink'), /lang=zh/);
    await page.screenshot({ path: join(artifactsDir(), 'share-panel-zh.png') });
    await page.evaluate(() => window.playground.set({ lang: 'en' }));
    assert.equal(await page.textContent('#shareTitle'), 'Share and take away');
    assert.deepEqual(errors, []);
  } finally { await close(); }

  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true, locale: 'en-US' });
  const touch = await context.newPage();
  try {
    await touch.goto(server.url);
    await touch.evaluate(() => window.playground.ready.then(() => window.playground.pause()));
    assert.equal(await touch.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
    await touch.tap('#shareButton');
    assert.equal(await panelOpen(touch), true);
    const small = await touch.$$eval('#share button:not([hidden]), #share input:not([type=file]), #share textarea', (els) => els
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(({ e, r }) => `${e.id || e.className || e.tagName} ${r.width}x${r.height}`));
    assert.deepEqual(small, []);
    // the panel is on the screen
    const r = await touch.$eval('#sharePanel', (p) => p.getBoundingClientRect().toJSON());
    assert.ok(r.left >= 0 && r.right <= 375, `panel ${r.left}..${r.right}`);
    await touch.screenshot({ path: join(artifactsDir(), 'share-panel-375-en.png') });
  } finally { await context.close(); }
});
