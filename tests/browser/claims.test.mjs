// What the page exists to show (docs/claims.md: C1, C3), read through window.playground and from the
// drawn heatmaps: on xor and circle a linear network stays a straight-line classifier while the
// tanh network, from the same initial weights, separates the classes.

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

for (const dataset of ['xor', 'circle']) {
  test(`${dataset}: linear <= 80 %, tanh >= 95 % test accuracy after ${EPOCHS} epochs; the drawn linear boundary is straight`, async () => {
    const { page, errors } = p;
    const nets = await page.evaluate(({ s, epochs }) => {
      const pg = window.playground;
      pg.set({ ...s, discretize: false });
      pg.reset();
      return pg.step(epochs);
    }, { s: { ...SETTINGS, dataset }, epochs: EPOCHS });
    const [lin, tanh] = nets;
    assert.equal(lin.epoch, EPOCHS);
    assert.ok(lin.testAccuracy <= 0.8, `linear test accuracy ${lin.testAccuracy}`);
    assert.ok(tanh.testAccuracy >= 0.95, `tanh test accuracy ${tanh.testAccuracy}`);

    // Every level set of the linear network's drawn output is a straight line (it is tanh of an
    // affine map); the tanh network's is not.
    const lin0 = levelSetPoints(await heatmapPixels(page, 0));
    assert.ok(lin0.points.length >= 20 && lin0.below > 100 && lin0.above > 100, `a level set crosses the linear heatmap: ${JSON.stringify({ ...lin0, points: lin0.points.length })}`);
    const linLevel = lineFit(lin0.points);
    assert.ok(linLevel.maxResidual <= 1.5, `linear level set is a straight line: ${JSON.stringify(linLevel)}`);
    const tanhLevel = lineFit(levelSetPoints(await heatmapPixels(page, 1)).points);
    assert.ok(tanhLevel.rmsResidual > 3, `tanh level set is curved: ${JSON.stringify(tanhLevel)}`);

    // The decision boundary itself, as drawn with "discretize": straight where it is in view.
    await setDiscretize(page, true);
    const linB = boundaryPoints(await heatmapPixels(page, 0));
    if (dataset === 'xor') assert.ok(linB.length >= 20, `xor: the linear boundary crosses the plot (${linB.length} points)`);
    if (linB.length) assert.ok(lineFit(linB).maxResidual <= 1.5, `linear decision boundary is straight: ${JSON.stringify(lineFit(linB))}`);
    const tanhB = boundaryPoints(await heatmapPixels(page, 1));
    assert.ok(tanhB.length >= 20 && lineFit(tanhB).rmsResidual > 3, `tanh decision boundary is curved: ${JSON.stringify(lineFit(tanhB))}`);
    await setDiscretize(page, false);
    assert.deepEqual(errors, []);
  });
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
