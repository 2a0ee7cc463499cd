// Every student, every device: axe-core (WCAG 2.1 A and AA) on every lesson in both languages at
// 1280x800 and on a 375x812 touch phone, in the light and the dark theme; the phone layout (both
// networks' outputs on screen together, every target at least 44x44 CSS px, nothing truncated);
// accessible names, a silent epoch counter, keyboard order and visible focus.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, openPage, FILE_URL } from './helpers.mjs';
import { LESSONS } from '../../web/scenes/index.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 812 }, context: { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = (page, fn, arg) => page.evaluate(fn, arg);

/** Shows lesson `id`, trains a few epochs (so numbers, boundaries and tables are filled) and paints. */
async function show(page, id) {
  await run(page, (s) => { window.playground.set({ scene: s }); window.playground.pause(); window.playground.step(5); }, id);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it is, one line per rule and element. */
async function axeViolations(page) {
  if (!(await run(page, () => Boolean(window.axe)))) await page.addScriptTag({ content: AXE });
  const violations = await run(page, async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations
    .map((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${(n.any[0] ?? n.all[0] ?? n.none[0])?.message ?? n.failureSummary}`)).flat(), WCAG);
  return violations;
}

for (const [size, opts] of [['1280x800', DESKTOP], ['375x812 touch', PHONE]]) {
  for (const scheme of ['light', 'dark']) {
    for (const lang of ['en', 'zh']) {
      if (scheme === 'dark' && lang === 'zh') continue; // the dark theme changes colours only: one language is enough
      test(`axe-core finds no WCAG 2.1 A/AA violation in any lesson: ${size}, ${lang}, ${scheme}`, async () => {
        const { page, errors, close } = await openPage(browser, `${FILE_URL}#lang=${lang}`,
          { ...opts, context: { ...opts.context, colorScheme: scheme } });
        try {
          const found = [];
          for (const L of LESSONS) {
            await show(page, L.id);
            for (const v of await axeViolations(page)) found.push(`${L.id}: ${v}`);
          }
          assert.deepEqual(found, []);
          assert.deepEqual(errors, []);
        } finally { await close(); }
      });
    }
  }
}

test('the dark theme is applied when the system asks for it', async () => {
  const bg = async (scheme) => {
    const { page, close } = await openPage(browser, FILE_URL, { context: { colorScheme: scheme } });
    try { return await run(page, () => getComputedStyle(document.body).backgroundColor); } finally { await close(); }
  };
  const light = await bg('light'), dark = await bg('dark');
  assert.notEqual(light, dark);
  const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((s, c) => s + Number(c), 0);
  assert.ok(lum(dark) < 150 && lum(light) > 600, `dark ${dark}, light ${light}`);
});

/** Every visible interactive element's target box; a control inside a <label> counts the label. */
function targets() {
  const out = [];
  for (const el of document.querySelectorAll('button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])')) {
    if (el.disabled && el.matches('button')) continue; // a disabled button is no target
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('.table-scroll, .lin-scroll, .math-line, .derivation-wrap, .scrolls') === el) continue; // a scrolling box, not a target
    const label = el.closest('label');
    const b = label && label.contains(el) && (el.type === 'checkbox' || el.type === 'radio') ? label.getBoundingClientRect() : box;
    const name = el.id || el.getAttribute('aria-label') || el.className || el.tagName;
    out.push({ name: `${el.tagName.toLowerCase()}#${name}`, w: Math.round(b.width * 10) / 10, h: Math.round(b.height * 10) / 10 });
  }
  return out;
}

for (const lang of ['en', 'zh']) {
  test(`phone, ${lang}: both networks' outputs and accuracies on screen together; every target at least 44 px; no truncated label`, async () => {
    const { page, errors, close } = await openPage(browser, `${FILE_URL}#lang=${lang}`, PHONE);
    try {
      assert.equal(await run(page, () => matchMedia('(pointer: coarse)').matches), true, 'the phone has a coarse pointer');
      for (const L of LESSONS) {
        await show(page, L.id);
        await run(page, () => window.scrollTo(0, 0));
        // the lessons with two networks side by side: both outputs, and their accuracies, inside the viewport
        const cards = await run(page, () => [...document.querySelectorAll('.net-card')].map((c) => {
          const box = c.querySelector('.output-box')?.getBoundingClientRect();
          const acc = c.querySelector('.net-stats .big .value')?.getBoundingClientRect();
          return box && acc ? { top: Math.min(box.top, acc.top), bottom: Math.max(box.bottom, acc.bottom), left: box.left, right: box.right } : null;
        }).filter(Boolean));
        if (cards.length === 2) {
          for (const c of cards) {
            assert.ok(c.top >= 0 && c.bottom <= 812 && c.left >= 0 && c.right <= 375, `${L.id}: an output at ${JSON.stringify(c)} leaves 375x812`);
          }
        }
        const small = (await run(page, targets)).filter((t) => t.w < 44 || t.h < 44);
        assert.deepEqual(small, [], `${L.id}: targets under 44x44 px`);
        // nothing is cut off: no box clips its text sideways unless it scrolls (and then it shows a cue)
        const clipped = await run(page, () => [...document.querySelectorAll('body *')].filter((el) => {
          if (!el.getClientRects().length || el.closest('svg, math, canvas, select, option, .visually-hidden')) return false;
          const cs = getComputedStyle(el);
          if (!(el.scrollWidth > el.clientWidth + 1) || el.clientWidth === 0) return false;
          if (cs.overflowX === 'visible') return false; // overflowing visibly, checked by the page width below
          const cue = /gradient/.test(cs.backgroundImage) && el.tabIndex === 0;
          return !((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && cue);
        }).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.slice(0, 40)}`));
        assert.deepEqual(clipped, [], `${L.id}: boxes that clip or scroll without a cue`);
        const pageWidth = await run(page, () => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= 375, `${L.id}: the page is ${pageWidth} px wide`);
        // labels, buttons and headings never break inside a word (words as Intl.Segmenter finds them,
        // in Chinese too: 课程 must not wrap a character per line); paragraphs may wrap as text does
        const wrapped = await run(page, (lang) => {
          const seg = new Intl.Segmenter(lang === 'zh' ? 'zh' : 'en', { granularity: 'word' });
          const out = [];
          for (const el of document.querySelectorAll('.lesson-label, .epoch-label, .arch-label, .net-head h2, .field > span, .check > span, button, .select-text, .legend .item, h2, h3, th, .readout .label')) {
            if (!el.getClientRects().length) continue;
            const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              for (const { segment, index, isWordLike } of seg.segment(n.textContent)) {
                if (!isWordLike || segment.length < 2) continue;
                const r = document.createRange(); r.setStart(n, index); r.setEnd(n, index + segment.length);
                const tops = [];
                for (const q of r.getClientRects()) if (q.width > 0 && !tops.some((t) => Math.abs(t - q.top) < 4)) tops.push(q.top);
                if (tops.length > 1) out.push(`${segment} in "${el.textContent.trim().slice(0, 40)}"`);
              }
            }
          }
          return out;
        }, lang);
        assert.deepEqual(wrapped, [], `${L.id}: words broken over two lines`);
      }
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}

test('accessible names: the two activation selects are told apart; every control has a name of its own', async () => {
  for (const [lang, n1, n2] of [['en', 'Network 1 activation', 'Network 2 activation'], ['zh', '网络 1 的激活函数', '网络 2 的激活函数']]) {
    const { page, close } = await openPage(browser, `${FILE_URL}#lang=${lang}`);
    try {
      assert.equal(await page.getByRole('combobox', { name: n1, exact: true }).count(), 1, n1);
      assert.equal(await page.getByRole('combobox', { name: n2, exact: true }).count(), 1, n2);
      // the names of the compare lesson's form controls and buttons: none empty, none shared
      const snapshot = await page.locator('body').ariaSnapshot();
      const names = [...snapshot.matchAll(/- (combobox|slider|checkbox|button|spinbutton|textbox) "([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`);
      const unnamed = [...snapshot.matchAll(/- (combobox|slider|checkbox|button|spinbutton|textbox)(?: \[|:|$)/gm)].map((m) => m[0]);
      assert.deepEqual(unnamed, [], `${lang}: controls without a name`);
      const dup = names.filter((x, i) => names.indexOf(x) !== i);
      assert.deepEqual(dup, [], `${lang}: names used twice`);
      assert.ok(names.length >= 20, `${lang}: ${names.length} named controls`);
    } finally { await close(); }
  }
});

test('the epoch counter is silent; play, pause and resets are announced once', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    const live = await run(page, () => {
      const e = document.getElementById('epoch');
      return Boolean(e.closest('[aria-live], [role=status], [role=log], [role=alert], output')) || e.matches('output');
    });
    assert.equal(live, false, 'the counter is not inside a live region');
    await page.click('#play');
    await page.waitForFunction(() => window.playground.get().networks[0].epoch > 5);
    await page.click('#play');
    const said = await page.waitForFunction(() => document.getElementById('announcer').textContent, null, { timeout: 2000 });
    const text = await said.jsonValue();
    const epoch = await run(page, () => window.playground.get().networks[0].epoch);
    assert.match(text, new RegExp(`Paused at epoch ${epoch.toLocaleString('en-US')}`));
    assert.equal(await run(page, () => document.getElementById('announcer').getAttribute('aria-live')), 'polite');
    // a reset says so through the notices, which are a polite live region
    await page.click('#reset');
    assert.equal(await run(page, () => document.getElementById('notices').getAttribute('aria-live')), 'polite');
    assert.ok((await run(page, () => document.getElementById('notices').textContent)).length > 0);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('keyboard: the networks\' controls come before the settings, as on screen; focus is visible', async () => {
  for (const opts of [DESKTOP, PHONE]) {
    const { page, close } = await openPage(browser, FILE_URL, opts);
    try {
      const order = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const f = await run(page, () => {
          const el = document.activeElement;
          const cs = getComputedStyle(el);
          const focusShown = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
          const face = el.closest('.select-face')?.querySelector('.select-text');
          const faceShown = face ? getComputedStyle(face).outlineStyle !== 'none' : false;
          return { id: el.id, visible: focusShown || faceShown, tag: el.tagName };
        });
        order.push(f);
        if (f.id === 'outputActivation') break;
      }
      const at = (id) => order.findIndex((f) => f.id === id);
      assert.ok(at('activation') >= 0 && at('activation2') > at('activation'), JSON.stringify(order.map((f) => f.id)));
      assert.ok(at('dataset') > at('activation2'), 'the settings come after the networks');
      const hidden = order.filter((f) => !f.visible).map((f) => f.id || f.tag);
      assert.deepEqual(hidden, [], 'focus always visible');
    } finally { await close(); }
  }
});
