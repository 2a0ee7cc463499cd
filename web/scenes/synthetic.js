// Lesson "synthetic" (C11; Jaderberg et al., "Decoupled Neural Interfaces using Synthetic
// Gradients", 2017): a 1-16-16-1 tanh network whose first hidden layer is trained with a gradient
// *predicted* by a linear model of its own activations (no hidden layer), beside the same network
// trained by ordinary backpropagation. The engine's fitSynthetic() trains it, syntheticProbe()
// gives the true and predicted dl/dh for a few samples; the loss still falls.

import { el, setText, fmt, fmtLoss, createPlot, linspace } from './common.js';
import { createLossChart } from '../loss-chart.js';
import { fillDiverging } from '../colors.js';

const LAYERS = [1, 16, 16, 1];
const SEED = 3;
const OPTS = { batchSize: 10, learningRate: 0.05 };
const MODEL_RATE = 0.05;
const CUT = 0;
const PROBE = 8;
const GRID = linspace(-1, 1, 161);
const BP = '#6d4bb3';
const SG = '#0f8a66';

export function createSyntheticScene(env) {
  const { engine, t } = env;
  const d = engine.dataset('sine', { n: 200, noise: 0, seed: 1 });
  let nets = [], epoch = 0, info = null, probe = null;

  const fitCanvas = el('canvas', { class: 'syn-fit', role: 'img' });
  const fitPlot = createPlot(fitCanvas);
  const chartCanvas = el('canvas', { class: 'scene-chart', role: 'img' });
  const chart = createLossChart(chartCanvas);
  const scatterCanvas = el('canvas', { class: 'syn-scatter', role: 'img' });
  const scatter = createPlot(scatterCanvas);
  const truthCanvas = el('canvas', { class: 'grad-strip' });
  const predCanvas = el('canvas', { class: 'grad-strip' });
  const lossOut = el('span', { class: 'value' });
  const bpLossOut = el('span', { class: 'value' });
  const startOut = el('span', { class: 'value' });
  const cosOut = el('span', { class: 'value' });
  const legend = el('div', { class: 'legend' },
    el('span', { class: 'item' }, el('span', { class: 'mark', style: `--c:${BP}` }), el('span', { 'data-i18n': 'scenes.synthetic.backprop' })),
    el('span', { class: 'item' }, el('span', { class: 'mark', style: `--c:${SG}` }), el('span', { 'data-i18n': 'scenes.synthetic.synthetic' })));
  const root = el('div', { class: 'scene scene-synthetic' },
    el('section', { class: 'scene-card syn-main' },
      el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.synthetic.fitTitle' }), legend),
      fitCanvas,
      el('div', { class: 'readouts' },
        el('div', { class: 'readout big', style: `--c:${SG}` }, el('span', { class: 'label', 'data-i18n': 'scenes.synthetic.loss' }), lossOut),
        el('div', { class: 'readout', style: `--c:${SG}` }, el('span', { class: 'label', 'data-i18n': 'scenes.synthetic.lossStart' }), startOut),
        el('div', { class: 'readout', style: `--c:${BP}` }, el('span', { class: 'label', 'data-i18n': 'scenes.synthetic.bpLoss' }), bpLossOut)),
      el('div', { class: 'chart-head' }, el('h2', { 'data-i18n': 'lossOverTime' })), chartCanvas),
    el('section', { class: 'scene-card syn-side' },
      el('h3', { 'data-i18n': 'scenes.synthetic.gradTitle' }),
      el('div', { class: 'readout big', style: `--c:${SG}` }, el('span', { class: 'label', 'data-i18n': 'scenes.synthetic.cosine' }), cosOut),
      scatterCanvas,
      el('div', { class: 'strips' },
        el('figure', {}, truthCanvas, el('figcaption', { 'data-i18n': 'scenes.synthetic.truth' })),
        el('figure', {}, predCanvas, el('figcaption', { 'data-i18n': 'scenes.synthetic.predicted' }))),
      el('p', { class: 'note', 'data-i18n': 'scenes.synthetic.note' })));

  function build() {
    free();
    const a = engine.createNetwork({ layers: LAYERS, activation: 'tanh', outputActivation: 'linear', seed: SEED });
    const b = engine.createNetwork({ layers: LAYERS, activation: 'tanh', outputActivation: 'linear', seed: SEED });
    b.setWeights(a.getWeights());
    nets = [a, b]; // [backprop, synthetic]
    epoch = 0;
    info = { cosine: NaN, modelError: NaN, history: [0, 1].map(() => ({ epoch: [], train: [], test: [] })) };
    measure();
    info.lossStart = info.loss;
  }
  function free() { for (const n of nets) n.delete(); nets = []; }
  function measure() {
    info.bpLoss = nets[0].loss(d.x, d.y);
    info.loss = nets[1].loss(d.x, d.y);
    probe = nets[1].syntheticProbe(d.x, d.y, { count: PROBE, cut: CUT });
    [info.bpLoss, info.loss].forEach((v, i) => {
      const h = info.history[i];
      h.epoch.push(epoch); h.train.push(v); h.test.push(NaN);
      if (h.epoch.length > 2000) for (const k of ['epoch', 'train', 'test']) h[k] = h[k].filter((_, j) => j === 0 || j % 2 === 1);
    });
  }
  // epoch by epoch, so the loss chart has every epoch even after step(n)
  function train(n) {
    for (let e = 0; e < n; e++) {
      nets[0].fit(d.x, d.y, { ...OPTS, epochs: 1 });
      const s = nets[1].fitSynthetic(d.x, d.y, { ...OPTS, epochs: 1, modelRate: MODEL_RATE, cut: CUT });
      info.cosine = s.cosine;
      info.modelError = s.modelError;
      epoch++;
      measure();
    }
  }

  function strip(canvas, values, units, scale) {
    if (canvas.width !== units || canvas.height !== PROBE) { canvas.width = units; canvas.height = PROBE; }
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(units, PROBE);
    fillDiverging(new Uint32Array(img.data.buffer), 0, 1, values, 0, 1, units * PROBE, 0, scale);
    ctx.putImageData(img, 0, 0);
  }

  function render() {
    fitPlot.frame({ x: [-1.05, 1.05], y: [-1.5, 1.5], margin: { l: 30, r: 8, t: 6, b: 20 } });
    fitPlot.axes({});
    fitPlot.points(d.x, d.y, { color: 'rgba(8,119,189,0.4)', r: 2.3 });
    fitPlot.line(GRID, nets[0].predict(GRID), { color: BP, width: 2.2 });
    fitPlot.line(GRID, nets[1].predict(GRID), { color: SG, width: 2.8 });
    setText(lossOut, fmtLoss(info.loss));
    setText(startOut, fmtLoss(info.lossStart));
    setText(bpLossOut, fmtLoss(info.bpLoss));
    setText(cosOut, Number.isFinite(info.cosine) ? fmt(info.cosine, 3) : '—');
    chart.draw(info.history.map((h, i) => ({ history: h, color: i ? SG : BP })), { epoch: t('epochAxis'), loss: t('lossAxis') });
    // true vs predicted dl/dh, one dot per (sample, unit); each on its own scale (the prediction
    // is much smaller than the truth: what matters for training is its direction)
    const { truth, predicted, units } = probe;
    const span = (a) => { let m = 0; for (const v of a) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v)); return m > 0 ? 1.1 * m : 1e-3; };
    const mt = span(truth), mp = span(predicted);
    scatter.frame({ x: [-mt, mt], y: [-mp, mp], margin: { l: 48, r: 8, t: 6, b: 20 } });
    scatter.axes({ xLabel: t('scenes.synthetic.truthAxis'), yLabel: t('scenes.synthetic.predictedAxis') });
    scatter.points(truth, predicted, { color: SG, r: 2.6, alpha: 0.8 });
    strip(truthCanvas, truth, units, mt);
    strip(predCanvas, predicted, units, mp);
  }

  return {
    id: 'synthetic', root, trains: true,
    enter: build, leave: free, update() {}, reset: build, train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, lossStart: info.lossStart, loss: info.loss, backpropLoss: info.bpLoss,
      cosine: info.cosine, modelError: info.modelError }),
  };
}
