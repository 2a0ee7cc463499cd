// What the page exists to show (docs/claims.md: C1, C3), read through window.playground and from the
// drawn heatmaps: on xor and circle a linear network stays a straight-line classifier while the
// tanh network, from the same initial weights, separates the classes; the linear network's training
// accuracy never passes the best any straight line reaches (bestLineAccuracy, computed exactly).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, FILE_URL, heatmapPixels, boundaryPoints, levelSetPoints, lineFit } from './helpers.mjs';

const EPOCHS = 400;
const SETTINGS = { activation: 'linear', activation2: 'tanh', networkShape: [4, 2], seed: 3, noise: 0, percTrainData: 50,
  learningRate: 0.03, batchSize: 10, optimizer: 'sgd', regularization: 'none', outputActivation: 'auto' };
let browser, p;
before(async () => { browser = await launch(); p = await openPage(browser, FILE_URL); });
after(async () => { await p?.close(); await browser?.close(); });

const setDiscretize = (page, on) => page.evaluate((d) => { window.playground.set({ discretize: d }); window.playground.step(1); }, on);

const SEEDS = [1, 2, 3];
const classCounts = ({ width, height, data }) => {
  let neg = 0, pos = 0;
  for (let p = 0; p < width * height; p++) {
    const r = data[4 * p], b = data[4 * p + 2];
    if (r > b + 8) neg++; else if (b > r + 8) pos++;
  }
  return { neg, pos };
};

for (const dataset of ['xor', 'circle']) {
  for (const seed of SEEDS) {
    test(`${dataset}, seed ${seed}: the linear network never beats the best straight line; linear <= 80 %, tanh >= 99 % after ${EPOCHS} epochs; the drawn linear boundary is straight`, async () => {
      const { page, errors } = p;
      const r = await page.evaluate(({ s, epochs }) => {
        const pg = window.playground;
        pg.set({ ...s, discretize: false });
        pg.reset();
        const best = pg.get().scene.bestLineAccuracy;
        const linear = [];
        let nets;
        for (let e = 0; e < epochs; e++) { nets = pg.step(1); linear.push(nets[0].trainAccuracy); }
        return { best, linear, nets, shown: document.querySelector('.net-card[data-net="0"] .best-line b')?.textContent };
      }, { s: { ...SETTINGS, dataset, seed }, epochs: EPOCHS });
      const [lin, tanh] = r.nets;
      assert.equal(lin.epoch, EPOCHS);
      // C3: every straight boundary's training accuracy is at most the best line's, at every epoch
      assert.ok(r.best >= 0.5 && r.best < 0.8, `best straight line ${r.best}`);
      r.linear.forEach((a, e) => assert.ok(a <= r.best, `epoch ${e + 1}: linear train accuracy ${a} > best line ${r.best}`));
      assert.equal(r.shown, `${(100 * r.best).toFixed(1)}%`, 'the card shows the figure');
      assert.ok(lin.testAccuracy <= 0.8, `linear test accuracy ${lin.testAccuracy}`);
      assert.ok(tanh.testAccuracy >= 0.99 && tanh.trainAccuracy >= 0.99, `tanh accuracy ${tanh.trainAccuracy} / ${tanh.testAccuracy}`);

      // Every level set of the linear network's drawn output is a straight line (it is tanh of an
      // affine map); the tanh network's is not.
      const lin0 = levelSetPoints(await heatmapPixels(page, 0));
      assert.ok(lin0.points.length >= 20 && lin0.below > 100 && lin0.above > 100, `a level set crosses the linear heatmap: ${JSON.stringify({ ...lin0, points: lin0.points.length })}`);
      const linLevel = lineFit(lin0.points);
      assert.ok(linLevel.maxResidual <= 1.5, `linear level set is a straight line: ${JSON.stringify(linLevel)}`);
      const tanhLevel = lineFit(levelSetPoints(await heatmapPixels(page, 1)).points);
      assert.ok(tanhLevel.rmsResidual > 3, `tanh level set is curved: ${JSON.stringify(tanhLevel)}`);

      // The decision boundary itself, as drawn with "discretize": straight where it is in view;
      // where none is in view, the whole plot is one class (the line lies outside it).
      await setDiscretize(page, true);
      const px = await heatmapPixels(page, 0);
      const linB = boundaryPoints(px);
      if (linB.length >= 2) assert.ok(lineFit(linB).maxResidual <= 1.5, `linear decision boundary is straight: ${JSON.stringify(lineFit(linB))}`);
      else {
        const c = classCounts(px);
        assert.ok(c.neg === 0 || c.pos === 0, `no boundary drawn, so the plot must be one class: ${JSON.stringify(c)}`);
      }
      const tanhB = boundaryPoints(await heatmapPixels(page, 1));
      assert.ok(tanhB.length >= 20 && lineFit(tanhB).rmsResidual > 3, `tanh decision boundary is curved: ${JSON.stringify(lineFit(tanhB))}`);
      await setDiscretize(page, false);
      assert.deepEqual(errors, []);
    });
  }
}

test('both networks start from the same initial weights', async () => {
  const { page } = p;
  const [a, b] = await page.evaluate(() => {
    window.playground.set({ networkShape: [6, 6, 6], activation: 'linear', activation2: 'tanh' });
    window.playground.reset();
    return window.playground.weights();
  });
  assert.equal(a.length, 4);
  assert.deepEqual(a, b);
});

test('six hidden layers of eight: the linear network is still a straight-line classifier', async () => {
  const { page } = p;
  const nets = await page.evaluate((s) => {
    const pg = window.playground;
    pg.set({ ...s, dataset: 'xor', networkShape: [8, 8, 8, 8, 8, 8], discretize: false });
    pg.reset();
    return pg.step(200);
  }, SETTINGS);
  assert.ok(nets[0].testAccuracy <= 0.8, `6x8 linear on xor: ${nets[0].testAccuracy}`);
  const lvl = levelSetPoints(await heatmapPixels(page, 0));
  assert.ok(lvl.points.length >= 20, 'a level set crosses the heatmap');
  assert.ok(lineFit(lvl.points).maxResidual <= 1.5, JSON.stringify(lineFit(lvl.points)));
});
