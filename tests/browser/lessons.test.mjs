// Every lesson, opened in the page, is what its declaration (web/scenes/<id>.js) says: the figures
// it reports are the ones it declares, and the controls on screen are exactly its declared controls
// plus the host's, each found by its key (data-control), which is what lets a control be hidden.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, FILE_URL } from './helpers.mjs';
import { LESSONS } from '../../web/scenes/index.js';
import { HOST_CONTROLS } from '../../web/toolbar.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every lesson reports its declared figures and shows exactly its declared controls', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    for (const lesson of LESSONS) {
      const seen = await page.evaluate((id) => {
        window.playground.set({ scene: id });
        window.playground.step(1);
        const { scene } = window.playground.get();
        const controls = [...document.querySelectorAll('[data-control]')].map((e) => e.dataset.control);
        return { id: scene.id, figures: Object.keys(scene).filter((k) => k !== 'id'), controls };
      }, lesson.id);
      assert.equal(seen.id, lesson.id);
      assert.deepEqual(seen.figures.sort(), [...lesson.figures].sort(), `${lesson.id}: figures`);
      const want = [...HOST_CONTROLS, ...lesson.controls].map((c) => c.key).sort();
      assert.deepEqual([...new Set(seen.controls)].sort(), want, `${lesson.id}: the controls on screen`);
      assert.equal(seen.controls.length, new Set(seen.controls).size, `${lesson.id}: one element per control`);
    }
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('squashing: tanh(x) = 2σ(2x) − 1 to float precision; σ runs from near 0 to near 1, tanh from near −1 to near 1', async () => {
  const { page, errors, close } = await openPage(browser, `${FILE_URL}#scene=squashing&squashRange=8`);
  try {
    const f = await page.evaluate(() => window.playground.get().scene);
    assert.equal(f.range, 8);
    assert.ok(f.maxGap < 1e-6, `largest |tanh(x) − (2σ(2x) − 1)| = ${f.maxGap}`);
    assert.ok(f.sigmoidEnds[0] > 0 && f.sigmoidEnds[0] < 1e-3 && f.sigmoidEnds[1] < 1 && f.sigmoidEnds[1] > 1 - 1e-3, `σ(±8): ${f.sigmoidEnds}`);
    assert.ok(f.tanhEnds[0] < -0.999 && f.tanhEnds[1] > 0.999, `tanh(±8): ${f.tanhEnds}`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
