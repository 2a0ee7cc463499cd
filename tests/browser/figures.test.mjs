// Every figure of the lessons says what it shows now (issue 10): in English and Chinese, every
// [role=img] of a lesson has a non-empty name in the page's language, every canvas is either such
// a figure (or inside one) or hidden as decorative, every box that scrolls sideways can be reached
// by keyboard and is named; a figure's name changes when the lesson's state changes, and it holds
// the numbers the lesson shows beside it (read from the page's text, not from the engine).
// English runs at 1280x800, Chinese at 375x812 (where the wide tables and formulas scroll).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, FILE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// a number as the page writes it: −0.96, 0.201, 1.9×10⁻⁶, 88.2%
const NUM = /[−-]?\d+(?:\.\d+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?%?/g;
const PCT = /\d+(?:\.\d+)?%/;
const stepCard = (n) => `.scene-step .scene-pair > .net-card:nth-child(${n})`;

// Per lesson: how to change its state (step(n) or set({...})) and which figure's name must change
// with it; shown: [figure, readout, what to read] — every element matching `readout` is read (its
// whole text, the first match of a regexp, or every match of a /g regexp) and each piece must be
// in the figure's name. A change may list its own `shown`, checked after it instead of the
// lesson's (when it takes a readout away, or brings one).
const SPECS = [
  { id: 'activations', changes: [{ set: { curve: 'relu' }, figure: '.act-big' }, { set: { curveRange: 5 }, figure: '.act-tile[data-activation="sigmoid"]' }],
    shown: [['.act-big', '.act-tile.selected .act-range', NUM],
      ['.act-tile[data-activation="sigmoid"]', '.act-tile[data-activation="sigmoid"] .act-range', NUM],
      ['.act-tile[data-activation="step"]', '.act-tile[data-activation="step"] .act-range', NUM]] },
  { id: 'collapse', changes: [{ step: 50, figure: '.scene-collapse .net-card:not(.single-layer) .output-box' },
    // a tanh layer: no single layer, no deviation to show; the single layer's box says so
    { set: { collapseActivations: ['linear', 'tanh', 'linear'] }, figure: '.single-layer .output-box',
      shown: [['.scene-collapse .net-card:not(.single-layer) .output-box', '.scene-collapse .net-card:not(.single-layer) .net-stats', /\d+\.\d+|\d\.\d×10[⁻⁰-⁹]+/],
        ['.single-layer .output-box', '.single-layer .broken-msg', null]] }],
    shown: [['.scene-collapse .net-card:not(.single-layer) .output-box', '.scene-collapse .net-card:not(.single-layer) .net-stats', /\d+\.\d+|\d\.\d×10[⁻⁰-⁹]+/],
      ['.single-layer .output-box', '.deviation .value', null]] },
  { id: 'squashing', changes: [{ set: { squashRange: 3 }, figure: '.scene-squashing canvas' }],
    shown: [['.scene-squashing canvas', '.scene-squashing .readout.big .value', null],
      ['.scene-squashing canvas', '.scene-squashing .readout:not(.big) .value', NUM]] },
  { id: 'regression', changes: [{ step: 30, figure: 'section[data-panel="2"] canvas' }],
    shown: [0, 1, 2].map((i) => [`section[data-panel="${i}"] canvas`, `section[data-panel="${i}"] .readout .value`, null]) },
  { id: 'step', changes: [{ step: 5, figure: `${stepCard(2)} .output-box` }, { step: 5, figure: '.scene-step .scene-chart' }],
    shown: [[`${stepCard(1)} .output-box`, `${stepCard(1)} .net-stats`, PCT], [`${stepCard(2)} .output-box`, `${stepCard(2)} .net-stats`, PCT]] },
  { id: 'relu', changes: [{ step: 100, figure: '.relu-plot' }, { set: { reluUnits: 3 }, figure: '.relu-plot' }],
    shown: [['.relu-plot', '.relu-side .readout.big .value', null], ['.relu-plot', '.relu-side > .readout:nth-child(5) .value', null]] },
  { id: 'universal', changes: [{ step: 20, figure: '.sweep-chart' }, { set: { sweepUnits: 32 }, figure: '.sweep-fit' }],
    shown: [['.sweep-fit', '.sweep-side .readout .value', null], ['.sweep-chart', '.sweep-table tr:nth-child(2) td:last-child', null],
      ['.sweep-chart', '.sweep-table tr:nth-child(5) td:last-child', null]] },
  { id: 'pca', changes: [{ step: 20, figure: '.pca-plot' }, { step: 5, figure: '.angle-chart' }],
    shown: [['.pca-plot', '.pca-side .readout.big .value', null]] },
  { id: 'warp', changes: [{ step: 30, figure: '.scene-warp .output-box' }, { set: { warpMorph: 1 }, figure: '.warp-plot' }],
    shown: [['.warp-plot', '.scene-warp .net-stats', PCT], ['.scene-warp .output-box', '.scene-warp .net-stats', PCT]] },
  // the cosine is shown once something has trained
  { id: 'synthetic', changes: [{ step: 5, figure: '.syn-fit' },
    { step: 5, figure: '.syn-scatter', shown: [['.syn-fit', '.syn-main .readout.big .value', null], ['.syn-scatter', '.syn-side .readout.big .value', null]] }],
    shown: [['.syn-fit', '.syn-main .readout.big .value', null]] },
];

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** What a11y sees of the lesson: names of figures and regions, canvases left unnamed, scrollers. */
function audit(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#sceneView');
    const name = (e) => (e.getAttribute('aria-label') ?? '').trim();
    const where = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
    const figures = [...root.querySelectorAll('[role=img]')].map((e) => ({ at: where(e), name: name(e) }));
    const canvases = [...root.querySelectorAll('canvas')].map((c) => {
      const fig = c.closest('[role=img]');
      return { at: where(c), ok: c.getAttribute('aria-hidden') === 'true' || (fig !== null && name(fig) !== '') };
    });
    const scrollers = [...root.querySelectorAll('*')].filter((e) => {
      const o = getComputedStyle(e).overflowX;
      return (o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth + 1;
    }).map((e) => ({ at: where(e), tabIndex: e.tabIndex, role: e.getAttribute('role'), name: name(e) }));
    const regions = [...root.querySelectorAll('[role=region]')].map((e) => ({ at: where(e), name: name(e) }));
    return { figures, canvases, scrollers, regions };
  });
}

const label = (page, sel) => page.evaluate((s) => {
  const e = document.querySelector(`#sceneView ${s}`);
  return e ? e.getAttribute('aria-label') : null;
}, sel);

/** The pieces of text the page shows in `readout` (see SPECS). */
const shownText = (page, readout, pattern) => page.evaluate(([sel, src, flags]) => {
  const texts = [...document.querySelectorAll(`#sceneView ${sel}`)].map((e) => e.textContent.trim());
  if (src === null) return texts;
  return texts.flatMap((s) => (flags.includes('g') ? s.match(new RegExp(src, flags)) ?? [] : [s.match(new RegExp(src, flags))?.[0]]));
}, [readout, pattern ? pattern.source : null, pattern ? pattern.flags : '']);

async function checkAudit(page, id, lang) {
  const { figures, canvases, scrollers, regions } = await audit(page);
  assert.ok(figures.length >= 1, `${id}/${lang}: the lesson has figures`);
  for (const f of figures) {
    assert.notEqual(f.name, '', `${id}/${lang}: ${f.at} has a name`);
    if (lang === 'zh') assert.match(f.name, /[\u4e00-\u9fff]/, `${id}/zh: ${f.at} is named in Chinese: ${f.name}`);
    else assert.doesNotMatch(f.name, /[\u4e00-\u9fff]/, `${id}/en: ${f.at} is named in English: ${f.name}`);
  }
  for (const c of canvases) assert.ok(c.ok, `${id}/${lang}: ${c.at} is a named figure or decorative (aria-hidden)`);
  for (const s of scrollers) {
    assert.equal(s.tabIndex, 0, `${id}/${lang}: ${s.at} scrolls, so it is focusable`);
    assert.equal(s.role, 'region', `${id}/${lang}: ${s.at} scrolls, so it is a region`);
    assert.notEqual(s.name, '', `${id}/${lang}: ${s.at} scrolls, so it is named`);
  }
  for (const r of regions) {
    assert.notEqual(r.name, '', `${id}/${lang}: region ${r.at} is named`);
    if (lang === 'zh') assert.match(r.name, /[\u4e00-\u9fff]/, `${id}/zh: region ${r.at} is named in Chinese: ${r.name}`);
  }
  return scrollers.length;
}

async function checkShown(page, spec, lang, shown = spec.shown) {
  for (const [figure, readout, pattern] of shown) {
    const name = await label(page, figure);
    assert.ok(name, `${spec.id}/${lang}: ${figure} has a name`);
    const pieces = await shownText(page, readout, pattern);
    assert.ok(pieces.length >= 1 && pieces.every((p) => p), `${spec.id}/${lang}: the page shows ${readout} (${JSON.stringify(pieces)})`);
    for (const p of pieces) assert.ok(name.includes(p), `${spec.id}/${lang}: ${figure}'s name holds “${p}” shown in ${readout}: ${name}`);
  }
}

for (const lang of ['en', 'zh']) {
  const viewport = lang === 'en' ? { width: 1280, height: 800 } : { width: 375, height: 812 };
  test(`every lesson's figures say what they show now (${lang}, ${viewport.width}x${viewport.height})`, async () => {
    let scrolling = 0;
    for (const spec of SPECS) {
      const { page, errors, close } = await openPage(browser, `${FILE_URL}#scene=${spec.id}&lang=${lang}`, { viewport });
      try {
        await page.evaluate(() => window.playground.reset());
        await settle(page);
        scrolling += await checkAudit(page, spec.id, lang);
        await checkShown(page, spec, lang);
        for (const change of spec.changes) {
          const before = await label(page, change.figure);
          assert.ok(before, `${spec.id}/${lang}: ${change.figure} has a name`);
          await page.evaluate((c) => (c.set ? window.playground.set(c.set) : window.playground.step(c.step)), change);
          await settle(page);
          const now = await label(page, change.figure);
          assert.notEqual(now, before, `${spec.id}/${lang}: ${change.figure}'s name follows ${JSON.stringify(change.set ?? { step: change.step })}`);
          await checkAudit(page, spec.id, lang);
          await checkShown(page, spec, lang, change.shown);
        }
        assert.deepEqual(errors, [], `${spec.id}/${lang}: no console errors`);
      } finally {
        await close();
      }
    }
    // at 375 px something does scroll sideways, so the scroller checks above were exercised
    if (lang === 'zh') assert.ok(scrolling >= 1, 'zh at 375 px: at least one box scrolls sideways');
  });
}

test('warp: the morph slider is named and its value says the stage (en, zh)', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, close } = await openPage(browser, `${FILE_URL}#scene=warp&lang=${lang}`);
    try {
      const read = async (morph) => {
        await page.evaluate((m) => window.playground.set({ warpMorph: m }), morph);
        await settle(page);
        return page.evaluate(() => {
          const s = document.querySelector('#warpMorph');
          return { name: s.getAttribute('aria-label'), value: s.getAttribute('aria-valuetext'), select: document.querySelector('#warpActivation').getAttribute('aria-label') };
        });
      };
      const end = await read(2), middle = await read(1), start = await read(0);
      assert.ok(end.name && end.name.trim().length > 3, `${lang}: the slider has a name`);
      assert.ok(end.select && end.select.trim().length > 1, `${lang}: the activation select has a name of its own`);
      if (lang === 'zh') assert.match(end.name, /[\u4e00-\u9fff]/, 'zh: the slider is named in Chinese');
      assert.match(end.value, /tanh\(x·W \+ b\)/, `${lang}: at 2, f(x·W + b) with f = tanh`);
      assert.equal(middle.value, 'x·W + b', `${lang}: at 1, x·W + b`);
      assert.notEqual(start.value, middle.value, `${lang}: at 0, the input`);
    } finally {
      await close();
    }
  }
});
