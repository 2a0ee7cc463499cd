// What the page exists to show (CLAIMS.md C1, C3), read through window.playground and from the
// drawn heatmap: on xor and circle a linear network stays a straight-line classifier while the
// tanh network, from the same initial weights, separates the classes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, FILE_URL, heatmapPixels, boundaryPoints, lineFit } from './helpers.mjs';

const EPOCHS = 400;
let browser, p;
before(async () => { browser = await launch(); p = await openPage(browser, FILE_URL); });
after(async () => { await p?.close(); await browser?.close(); });

for (const dataset of ['xor', 'circle']) {
  test(`${dataset}: linear <= 80 %, tanh >= 95 % test accuracy after ${EPOCHS} epochs; linear boundary drawn straight`, async () => {
    const { page } = p;
    const nets = await page.evaluate(({ dataset, epochs }) => {
      const pg = window.playground;
      pg.set({ dataset, activation: 'linear', activation2: 'tanh', networkShape: [4, 2], seed: 1, noise: 0,
        percTrainData: 50, learningRate: 0.03, batchSize: 10, optimizer: 'sgd', regularization: 'none',
        outputActivation: 'auto', discretize: true });
      pg.reset();
      return pg.step(epochs);
    }, { dataset, epochs: EPOCHS });
    const [lin, tanh] = nets;
    assert.equal(lin.epoch, EPOCHS);
    assert.ok(lin.testAccuracy <= 0.8, `linear test accuracy ${lin.testAccuracy}`);
    assert.ok(tanh.testAccuracy >= 0.95, `tanh test accuracy ${tanh.testAccuracy}`);

    // The drawn decision boundary: pixels where the heatmap's class colour flips.
    const linPts = boundaryPoints(await heatmapPixels(page, 0));
    assert.ok(linPts.length >= 20, `the linear network's boundary crosses the plot (${linPts.length} points)`);
    const linFit = lineFit(linPts);
    assert.ok(linFit.maxResidual <= 1.5, `linear boundary is a straight line: ${JSON.stringify(linFit)}`);
    const tanhPts = boundaryPoints(await heatmapPixels(page, 1));
    const tanhFit = lineFit(tanhPts);
    assert.ok(tanhPts.length >= 20 && tanhFit.rmsResidual > 3, `tanh boundary is not a line: ${JSON.stringify(tanhFit)}`);
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

test('a deeper linear network is still a straight-line classifier', async () => {
  const { page } = p;
  await page.evaluate(() => {
    const pg = window.playground;
    pg.set({ dataset: 'xor', networkShape: [8, 8, 8, 8, 8, 8], activation: 'linear', activation2: 'tanh', discretize: true });
    pg.reset();
    pg.step(100);
  });
  const pts = boundaryPoints(await heatmapPixels(page, 0));
  if (pts.length >= 20) assert.ok(lineFit(pts).maxResidual <= 1.5, JSON.stringify(lineFit(pts)));
  const g = await page.evaluate(() => window.playground.get());
  assert.ok(g.networks[0].testAccuracy <= 0.8, `6x8 linear on xor: ${g.networks[0].testAccuracy}`);
});
