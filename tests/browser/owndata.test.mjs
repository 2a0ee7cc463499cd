// The reader's own data (issue 10, part 4), in Chromium: clicks (real mouse events) and the
// keyboard add and remove points; CSV pasted, opened or dropped is loaded, and a bad one is
// refused whole (the page's state, numbers and weights unchanged) with a notice naming its first
// bad line; own data round-trips through the URL (250 points) and downloads as CSV.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, openPage, FILE_URL } from './helpers.mjs';
import { decodePoints, encodePoints, parseCsv, toCsv, KINDS, columnRange } from '../../web/points.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rowsOf = (state) => decodePoints(state.points || 'c.');
const getState = (page) => page.evaluate(() => window.playground.get().state);
const noticeTexts = (page) => page.$$eval('#notices .notice .text', (els) => els.map((e) => e.textContent));
/** Everything get() reports except the frame timings, and both networks' weights. */
const snapshot = (page) => page.evaluate(() => {
  const { perf, playing, ...rest } = window.playground.get();
  return { ...rest, weights: window.playground.weights() };
});

/** A plot's box and the data -> page pixel map of a 2D plot ([-6, 6]^2). */
async function plot(page, net = 0) {
  const b = await page.locator(`.net-card[data-net="${net}"] .output-box`).boundingBox();
  return { ...b, at: (x, y) => [b.x + ((x + 6) / 12) * b.width, b.y + ((6 - y) / 12) * b.height] };
}

/** Random points of `kind` inside their ranges, from a seeded generator. */
function randomRows(kind, n, seed) {
  let a = seed >>> 0;
  const rand = () => { a = (a * 1664525 + 1013904223) >>> 0; return a / 4294967296; };
  return Array.from({ length: n }, () => KINDS[kind].columns.map((_, j) => {
    const r = columnRange(kind, j);
    return r ? r[0] + rand() * (r[1] - r[0]) : (rand() < 0.5 ? 1 : -1);
  }));
}

test('clicks add points of the chosen class where they land and remove them; editing keeps the weights', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    await page.evaluate(() => window.playground.set({ dataset: 'circle' }));
    const circle = await page.evaluate(() => window.playground.get().networks);
    await page.click('.own-toggle');
    assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'true');
    const p = await plot(page, 0);
    // the first click copies the training points on screen (250 of circle's 500) and adds one
    // (in a corner: circle's points are all within 5.1 of the centre, and a click on one removes it)
    await page.mouse.click(...p.at(5.5, -5.5));
    let s = await getState(page);
    assert.equal(s.dataset, 'own');
    let d = rowsOf(s);
    assert.equal(d.kind, 'c');
    assert.equal(d.rows.length, 251);
    const first = d.rows[250];
    const tol = 12 / p.width; // one CSS pixel in data units
    assert.ok(Math.abs(first[0] - 5.5) <= tol && Math.abs(first[1] + 5.5) <= tol, `the point is where the click was: ${first}`);
    assert.equal(first[2], 1, 'class +1 is selected at first');
    assert.equal(circle[0].epoch, 0);

    // train a little, then add a point of class −1 on network 2's plot: the weights are kept
    await page.evaluate(() => window.playground.step(5));
    const w0 = await page.evaluate(() => window.playground.weights());
    await page.click('.own-classneg');
    const q = await plot(page, 1);
    await page.mouse.click(...q.at(-5.5, 5.25));
    s = await getState(page);
    d = rowsOf(s);
    assert.equal(d.rows.length, 252);
    const second = d.rows[251];
    assert.ok(Math.abs(second[0] + 5.5) <= tol && Math.abs(second[1] - 5.25) <= tol, `${second}`);
    assert.equal(second[2], -1);
    const after = await page.evaluate(() => ({ nets: window.playground.get().networks, w: window.playground.weights() }));
    assert.deepEqual(after.w, w0, 'adding a point keeps both networks\' weights');
    assert.deepEqual(after.nets.map((n) => n.epoch), [5, 5]);
    // the announcement says what was added, and where (the numbers of the stored point)
    const said = (await page.textContent('.own-said')).match(/^Added a point \(−1\) at x = (\S+), y = (\S+)\./);
    assert.ok(said, await page.textContent('.own-said'));
    assert.deepEqual(said.slice(1).map((v) => Number(v.replace('−', '-'))), [second[0], second[1]]);

    // clicking the point again removes it (and only it)
    await page.mouse.click(...q.at(second[0], second[1]));
    d = rowsOf(await getState(page));
    assert.equal(d.rows.length, 251);
    assert.deepEqual(d.rows[250], first);
    assert.match(await page.textContent('.own-status'), /251 points/);

    // undo brings it back; clear empties the data (and keeps its kind)
    await page.click('.own button:has-text("Undo")');
    assert.equal(rowsOf(await getState(page)).rows.length, 252);
    await page.click('.own button:has-text("Clear")');
    s = await getState(page);
    assert.equal(s.points, 'c.');
    assert.match(await page.textContent('.own-status'), /No points yet/);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('"Own data" chosen before the panel has come (with nlp-later.js) still turns Add points on', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/nlp-later.js', async (route) => { await held; await route.continue(); });
    const { serveDist } = await import('./helpers.mjs');
    const server = await serveDist();
    try {
      await page.goto(`${server.url}index.html#autoplay=false`, { waitUntil: 'commit' }); // its load event waits for the held script
      await page.waitForFunction(() => performance.getEntriesByName('nlp:first-frame').length > 0);
      assert.equal(await page.locator('.own-toggle').count(), 0, 'the panel is not there yet');
      await page.selectOption('#dataset', 'own');
      release();
      await page.evaluate(() => window.playground.ready);
      assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'true');
      assert.equal((await getState(page)).dataset, 'own');
      assert.deepEqual(errors, []);
    } finally { await server.close(); }
  } finally { await context.close(); }
});

test('a curve of one’s own: a click on the 1D plot adds (x, target) where it lands', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    // "Own data" from the picker: empty, and the Add points mode turns on
    await page.selectOption('#dataset', 'own');
    assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'true');
    await page.selectOption('.own-kind select', 'f');
    assert.equal((await getState(page)).points, 'f.');
    const b = await page.locator('.net-card[data-net="0"] .output-box').boundingBox();
    // no points: the plot shows y in [-1.3, 1.3] ([-1, 1] and its margin); x in [-1, 1]
    await page.mouse.click(b.x + 0.75 * b.width, b.y + b.height * (1 - (0.5 + 1.3) / 2.6));
    const d = rowsOf(await getState(page));
    assert.equal(d.kind, 'f');
    assert.equal(d.rows.length, 1);
    assert.ok(Math.abs(d.rows[0][0] - 0.5) <= 2 / b.width + 0.001, `x ${d.rows[0][0]}`);
    assert.ok(Math.abs(d.rows[0][1] - 0.5) <= 2.6 / b.height + 0.003, `target ${d.rows[0][1]}`);
    const nets = await page.evaluate(() => window.playground.step(3));
    assert.ok(nets.every((n) => Number.isFinite(n.trainLoss)), 'one point trains');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('touch: a tap adds a point, a long press removes the one under the finger', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${FILE_URL}#dataset=own&autoplay=false`);
    await page.evaluate(() => window.playground.ready);
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
    await page.tap('.own-toggle');
    assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'true');
    // the own-data panel's targets are at least 44 x 44 CSS px on a coarse pointer
    const small = await page.$$eval('.own button:not([hidden]), .own-radio, .own summary', (els) => els
      .filter((e) => e.offsetParent !== null)
      .map((e) => { const r = e.getBoundingClientRect(); return { t: e.textContent.trim(), w: r.width, h: r.height }; })
      .filter((r) => r.w < 44 || r.h < 44));
    assert.deepEqual(small, []);
    const box = page.locator('.net-card[data-net="0"] .output-box');
    await box.scrollIntoViewIfNeeded();
    const p = await plot(page, 0);
    await page.touchscreen.tap(...p.at(-2, 3));
    let d = rowsOf(await getState(page));
    assert.equal(d.rows.length, 1);
    const tol = 12 / p.width;
    assert.ok(Math.abs(d.rows[0][0] + 2) <= tol && Math.abs(d.rows[0][1] - 3) <= tol, `${d.rows[0]}`);
    // a second tap beside it adds another (a finger is too wide to remove by tapping)
    const p2 = await plot(page, 0);
    await page.touchscreen.tap(...p2.at(-1.8, 3));
    d = rowsOf(await getState(page));
    assert.equal(d.rows.length, 2);
    assert.ok(Math.abs(d.rows[1][0] + 1.8) <= tol && Math.abs(d.rows[1][1] - 3) <= tol, `${d.rows[1]}`);
    // a long press (held past the 550 ms the page waits for) on the first point removes it
    const cdp = await context.newCDPSession(page);
    const [x, y] = (await plot(page, 0)).at(-2.05, 3);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await page.waitForFunction(() => window.playground.get().state.points !== '' && document.querySelector('.own-said').textContent.startsWith('Removed'), null, { timeout: 5000 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    d = rowsOf(await getState(page));
    assert.equal(d.rows.length, 1, 'the long press removed one point and added none');
    assert.ok(Math.abs(d.rows[0][0] + 1.8) <= tol, `the other point stays: ${d.rows[0]}`);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the keyboard adds and removes points: Tab to a plot, arrows, Enter', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    await page.evaluate(() => window.playground.set({ dataset: 'own', points: 'c.' }));
    assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'true', 'own data with no points: adding at once');
    await page.focus('.own-toggle');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'false');
    assert.equal(await page.isVisible('.own-layer'), false, 'not adding: the plots take no input');
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'true');
    // the plots are now in the tab order, each with its own name
    const names = await page.$$eval('.own-layer', (els) => els.map((e) => e.getAttribute('aria-label')));
    assert.equal(names.length, 2);
    assert.notEqual(names[0], names[1]);
    assert.match(names[0], /Network 1/);
    await page.focus('.net-card[data-net="0"] .own-layer');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // 4 x 0.25
    await page.keyboard.press('Shift+ArrowUp');                            // 1
    await page.keyboard.press('ArrowDown');                                 // -0.25
    await page.keyboard.press('Enter');
    let d = rowsOf(await getState(page));
    assert.deepEqual(d.rows, [[1, 0.75, 1]]);
    assert.match(await page.textContent('.own-said'), /Added a point \(\+1\) at x = 1, y = 0.75/);
    await page.keyboard.press('Enter');
    d = rowsOf(await getState(page));
    assert.deepEqual(d.rows, [], 'Enter on a point removes it');
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute('.own-toggle', 'aria-pressed'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('own-toggle')), true, 'focus goes back to the toggle');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('CSV pasted, opened or dropped loads; a bad one changes nothing and names its first bad line', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    await page.click('.own-details summary');
    // a good file: replaces what is on screen
    const good = 'x,y,label\n1,2,1\n-3,0.5,-1\n# a comment\n\n4,-4,1\n';
    await page.fill('.own-csv', good);
    await page.click('.own button:has-text("Replace")');
    let s = await getState(page);
    assert.equal(s.dataset, 'own');
    assert.deepEqual(rowsOf(s), parseCsv(good));
    assert.equal(await page.inputValue('.own-csv'), '', 'the box empties once loaded');
    // more points of the same kind are added
    await page.fill('.own-csv', '0,0,-1\n5.5,5.5,1');
    await page.click('.own button:has-text("Add these")');
    assert.deepEqual(rowsOf(await getState(page)).rows, [...parseCsv(good).rows, [0, 0, -1], [5.5, 5.5, 1]]);
    await page.evaluate(() => window.playground.step(4));

    // bad files: nothing changes (state, networks, figures, weights), the notice names the line
    const bad = [
      ['x,y,label\n1,2,1\n3,abc,1\n', /line 3: “abc” is not a number/],
      ['x,y,label\n1,2,1\n\n1,2,0\n', /line 4: the label “0” must be \+1 or −1/],
      ['x,y,label\n1,2,1\n7,0,1\n', /line 3: x = 7 is outside −6\.\.6/],
      ['a,b,c\n1,2,1\n', /line 1: unknown column names/],
      ['x,target\n0.5,1\n', /these points are a curve \(x, target\), the data on screen is two classes/],
    ];
    const before = await snapshot(page);
    for (const [text, why] of bad) {
      await page.fill('.own-csv', text);
      await page.click('.own button:has-text("Add these")');
      const notes = await noticeTexts(page);
      assert.ok(notes.some((n) => /The CSV was not loaded, and nothing changed/.test(n) && why.test(n)), `${why}: ${notes.join(' | ')}`);
      assert.deepEqual(await snapshot(page), before, `state unchanged after ${JSON.stringify(text)}`);
    }
    // Replace refuses a bad file too
    await page.fill('.own-csv', 'x,y,target\n1,1,1\n1,1,9\n');
    await page.click('.own button:has-text("Replace")');
    assert.ok((await noticeTexts(page)).some((n) => /line 3: target = 9 is outside −5\.\.5/.test(n)));
    assert.deepEqual(await snapshot(page), before);
    assert.equal(await page.inputValue('.own-csv'), 'x,y,target\n1,1,1\n1,1,9\n', 'a refused text stays in the box, to be fixed');

    // a file opened with the button
    await page.setInputFiles('.own-file', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,target\n1,1,0.5\n-2,3,-1\n') });
    await page.waitForFunction(() => window.playground.get().state.points.startsWith('r.'));
    assert.deepEqual(rowsOf(await getState(page)).rows, [[1, 1, 0.5], [-2, 3, -1]]);
    const kept = await snapshot(page);
    await page.setInputFiles('.own-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,target\n1,1,0.5\n1,,1\n') });
    await page.waitForFunction(() => [...document.querySelectorAll('#notices .text')].some((e) => /line 3/.test(e.textContent)));
    assert.deepEqual(await snapshot(page), kept);

    // a file dropped on a plot
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x,target\n-0.5,1\n0.5,-1\n'], 'drop.csv', { type: 'text/csv' }));
      const box = document.querySelector('.net-card[data-net="1"] .output-box');
      box.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      box.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => window.playground.get().state.points.startsWith('f.'));
    assert.deepEqual(rowsOf(await getState(page)).rows, [[-0.5, 1], [0.5, -1]]);
    assert.equal(await page.evaluate(() => window.playground.get().networks[0].epoch), 0, 'a new kind of data rebuilds the networks');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('points set with a network key at once: the networks are rebuilt on the new points', async () => {
  const { page, errors, close } = await openPage(browser, `${FILE_URL}#dataset=own&points=${encodePoints({ kind: 'c', rows: [[1, 1, 1], [-1, -1, -1]] })}`);
  try {
    const pts = encodePoints({ kind: 'f', rows: [[-0.5, 1], [0, 0], [0.5, 1]] });
    const r = await page.evaluate((p) => {
      const pg = window.playground;
      pg.set({ points: p, activation: 'relu' });
      const nets = pg.step(1);
      return { kind: pg.get().kind, layers: window.playground.exportNetworks()[0].layers, nets };
    }, pts);
    assert.equal(r.kind, 'regression');
    assert.deepEqual(r.layers, [1, 4, 2, 1], 'one input: the new kind of points');
    assert.ok(r.nets.every((n) => Number.isFinite(n.trainLoss) && n.epoch === 1));
    assert.match(await page.textContent('.own-status'), /^3 points/);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('250 own points round-trip through the URL; a malformed value is reported with its reason', async () => {
  const rows = randomRows('c', 250, 42);
  const points = encodePoints({ kind: 'c', rows });
  const { page, errors, close } = await openPage(browser, FILE_URL);
  let url;
  try {
    await page.evaluate((p) => window.playground.set({ dataset: 'own', points: p }), points);
    await page.evaluate(() => window.playground.step(2));
    await page.waitForFunction((p) => location.hash.includes(`points=${p}`), points);
    url = await page.evaluate(() => location.href);
    assert.equal(points.length, 2 + Math.ceil((250 * 25) / 6), '25 bits a point');
    assert.ok(url.length < 2000, `the whole link with 250 points: ${url.length} characters`);
    assert.deepEqual(errors, []);
  } finally { await close(); }

  const again = await openPage(browser, url);
  try {
    const g = await again.page.evaluate(() => window.playground.get());
    assert.equal(g.state.dataset, 'own');
    assert.equal(g.state.points, points);
    assert.deepEqual(decodePoints(g.state.points).rows, decodePoints(points).rows);
    assert.match(await again.page.textContent('.own-status'), /^250 points \(\+1: \d+, −1: \d+\)/);
    assert.deepEqual(await noticeTexts(again.page), []);
    assert.deepEqual(again.errors, []);
  } finally { await again.close(); }

  // cut off (a link that lost its end), and a character that is not base64url
  for (const [hash, why] of [[`#dataset=own&points=${points.slice(0, -3)}`, /do not hold a whole number of points/],
    ['#dataset=own&points=c.AB%24D', /“\$” at character 5 is not base64url/]]) {
    const bad = await openPage(browser, `${FILE_URL}${hash}`);
    try {
      const notes = await noticeTexts(bad.page);
      assert.ok(notes.some((n) => /Ignored “points” in the link/.test(n) && why.test(n)), notes.join(' | '));
      const s = await getState(bad.page);
      assert.equal(s.dataset, 'own');
      assert.equal(s.points, '', 'the malformed points are not used');
      assert.deepEqual(bad.errors, []);
    } finally { await bad.close(); }
  }
});

test('Download CSV saves the data on screen: own points, or the training points of a dataset', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    const rows = randomRows('r', 30, 7);
    const points = encodePoints({ kind: 'r', rows });
    await page.evaluate((p) => window.playground.set({ dataset: 'own', points: p }), points);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.own-download')]);
    assert.equal(download.suggestedFilename(), 'nonlinear-playground-own.csv');
    const text = await readFile(await download.path(), 'utf8');
    assert.equal(text, toCsv(decodePoints(points)));
    assert.match(text, /^x,y,target\n/);
    assert.deepEqual(parseCsv(text), decodePoints(points), 'the file loads back to the same points');

    // a built-in dataset: its training points, as a copy would take them
    await page.evaluate(() => window.playground.set({ dataset: 'sine' }));
    const [d2] = await Promise.all([page.waitForEvent('download'), page.click('.own-download')]);
    const sine = parseCsv(await readFile(await d2.path(), 'utf8'));
    assert.equal(sine.kind, 'f');
    assert.equal(sine.rows.length, 100, 'half of the 200 sine points train');
    assert.ok(sine.rows.every(([x, y]) => Math.abs(y - Math.sin(Math.PI * x)) < 0.01), 'they are the sine');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('Chinese: the own-data panel and its messages are Chinese', async () => {
  const { page, errors, close } = await openPage(browser, `${FILE_URL}#lang=zh`);
  try {
    assert.equal(await page.textContent('.own-title'), '自己的数据');
    await page.click('.own-details summary');
    await page.fill('.own-csv', 'x,y,label\n1,2,5\n');
    await page.click('.own button:has-text("替换")');
    const notes = await noticeTexts(page);
    assert.ok(notes.some((n) => /CSV 没有载入.*第 2 行：标签“5”必须是 \+1 或 −1/.test(n)), notes.join(' | '));
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// axe-core (WCAG 2.1 A and AA) on the compare lesson while adding points, with own data, the CSV
// box open and a plot focused: the states devices.test.mjs (the page as it opens) does not see.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
for (const [size, lang, scheme] of [['1280x800', 'en', 'light'], ['1280x800', 'zh', 'dark'], ['375x812', 'zh', 'light'], ['375x812', 'en', 'dark']]) {
  test(`axe-core: no WCAG 2.1 A/AA violation while adding points (${size}, ${lang}, ${scheme})`, async () => {
    const phone = size === '375x812';
    const context = await browser.newContext({ viewport: phone ? { width: 375, height: 812 } : { width: 1280, height: 800 },
      hasTouch: phone, isMobile: phone, colorScheme: scheme });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const pts = encodePoints({ kind: 'c', rows: randomRows('c', 40, 9) });
      await page.goto(`${FILE_URL}#lang=${lang}&autoplay=false&dataset=own&points=${pts}`);
      await page.evaluate(() => window.playground.ready);
      await page.evaluate(() => { window.playground.step(5); document.querySelector('.own-toggle').click(); });
      await page.click('.own-details summary');
      await page.click('.net-card[data-net="0"] .output-box'); // adds a point (and focuses the plot)
      await page.focus('.net-card[data-net="1"] .own-layer');
      await page.addScriptTag({ content: AXE });
      const found = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
        .violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)));
      assert.deepEqual(found, []);
      assert.equal(rowsOf(await getState(page)).rows.length, 41);
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });
}
