// Lesson "synthetic" (C11; Jaderberg et al., "Decoupled Neural Interfaces using Synthetic
// Gradients", 2017): a 1-16-16-1 tanh network whose first hidden layer is trained with a gradient
// *predicted* by a linear model of its own activations (no hidden layer), beside the same network
// trained by ordinary backpropagation. The engine's fitSynthetic() trains it, syntheticProbe()
// gives the true and predicted dl/dh for a few samples; the loss still falls.

import { bilingual, el, fmt, fmtLoss, canvasPlot, linspace, lessonRoot, readout, legend, freeAll, twins, newHistory, pushHistory } from './common.js';
import { createLossChart } from '../loss-chart.js';
import { fillDiverging, LINEAR_HEX, TANH_HEX, POS_HEX, withAlpha } from '../colors.js';

const LAYERS = [1, 16, 16, 1];
const SEED = 3;
const OPTS = { batchSize: 10, learningRate: 0.05 };
const MODEL_RATE = 0.05;
const CUT = 0;
const PROBE = 8;
const GRID = linspace(-1, 1, 161);
const BP = LINEAR_HEX;
const SG = TANH_HEX;

export function createSyntheticScene(env) {
  const { engine, t } = env;
  const d = engine.dataset('sine', { n: 200, noise: 0, seed: 1 });
  let nets = [], epoch = 0, info = null, probe = null;

  const fitPlot = canvasPlot('syn-fit');
  const chartCanvas = el('canvas', { class: 'scene-chart', role: 'img' });
  const chart = createLossChart(chartCanvas);
  const scatter = canvasPlot('syn-scatter');
  const truthCanvas = el('canvas', { class: 'grad-strip' });
  const predCanvas = el('canvas', { class: 'grad-strip' });
  const lossOut = readout('scenes.synthetic.loss', { big: true, color: SG });
  const startOut = readout('scenes.synthetic.lossStart', { color: SG });
  const bpLossOut = readout('scenes.synthetic.bpLoss', { color: BP });
  const cosOut = readout('scenes.synthetic.cosine', { big: true, color: SG });
  const fitLegend = el('div', { class: 'legend' }, legend([
    { mark: 'mark', color: BP, label: 'scenes.synthetic.backprop' },
    { mark: 'mark', color: SG, label: 'scenes.synthetic.synthetic' },
  ]));
  const root = lessonRoot('scene-synthetic',
    el('section', { class: 'scene-card syn-main' },
      el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.synthetic.fitTitle' }), fitLegend),
      fitPlot.canvas,
      el('div', { class: 'readouts' }, lossOut.node, startOut.node, bpLossOut.node),
      el('div', { class: 'chart-head' }, el('h2', { 'data-i18n': 'lossOverTime' })), chartCanvas),
    el('section', { class: 'scene-card syn-side' },
      el('h3', { 'data-i18n': 'scenes.synthetic.gradTitle' }),
      cosOut.node,
      scatter.canvas,
      el('div', { class: 'strips' },
        el('figure', {}, truthCanvas, el('figcaption', { 'data-i18n': 'scenes.synthetic.truth' })),
        el('figure', {}, predCanvas, el('figcaption', { 'data-i18n': 'scenes.synthetic.predicted' }))),
      el('p', { class: 'note', 'data-i18n': 'scenes.synthetic.note' })));

  function build() {
    free();
    const config = { layers: LAYERS, activation: 'tanh', outputActivation: 'linear', seed: SEED };
    nets = twins(engine, [config, config]); // [backprop, synthetic]
    epoch = 0;
    info = { cosine: NaN, modelError: NaN, history: [newHistory(), newHistory()] };
    measure();
    info.lossStart = info.loss;
  }
  function free() { nets = freeAll(nets); }
  function measure() {
    info.bpLoss = nets[0].loss(d.x, d.y);
    info.loss = nets[1].loss(d.x, d.y);
    probe = nets[1].syntheticProbe(d.x, d.y, { count: PROBE, cut: CUT });
    pushHistory(info.history[0], epoch, info.bpLoss);
    pushHistory(info.history[1], epoch, info.loss);
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
    fitPlot.points(d.x, d.y, { color: withAlpha(POS_HEX, 0.4), r: 2.3 });
    fitPlot.line(GRID, nets[0].predict(GRID), { color: BP, width: 2.2 });
    fitPlot.line(GRID, nets[1].predict(GRID), { color: SG, width: 2.8 });
    lossOut.set(fmtLoss(info.loss));
    startOut.set(fmtLoss(info.lossStart));
    bpLossOut.set(fmtLoss(info.bpLoss));
    cosOut.set(fmt(info.cosine, 3));
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

export default {
  id: 'synthetic',
  order: 11,
  embedFigures: ['.syn-fit', '.syn-main .readout.big'],
  keys: {},
  controls: [],
  figures: ['epoch', 'lossStart', 'loss', 'backpropLoss', 'cosine', 'modelError'],
  strings: bilingual({
    title: ['Synthetic gradients (advanced)', '合成梯度（进阶）'],
    text: ['In Jaderberg et al. (2017) a layer is updated with a predicted gradient instead of waiting for backpropagation. Here the predictor is linear, with no hidden layer, as the thread notes: it learns to guess dl/dh from the first hidden layer’s output h; that layer trains on the guesses, the layers above by backpropagation, and the loss falls nearly as far as with true gradients.', '在 Jaderberg 等人（2017）的方法中，一层网络用预测出的梯度来更新，而不必等待反向传播。这里的预测器是线性的、没有隐藏层，正如原帖所说：它学习根据第一隐藏层的输出 h 猜测 dl/dh；这一层按猜测训练，上面的层用反向传播，损失下降得几乎和使用真实梯度一样多。'],
    backprop: ['backpropagation', '反向传播'],
    synthetic: ['synthetic gradient (linear model)', '合成梯度（线性模型）'],
    fitTitle: ['A 1-16-16-1 tanh network fitting a sine', '1-16-16-1 tanh 网络拟合正弦'],
    loss: ['loss, synthetic gradients', '损失（合成梯度）'],
    lossStart: ['at epoch 0', '第 0 轮'],
    bpLoss: ['loss, backpropagation', '损失（反向传播）'],
    gradTitle: ['True vs predicted gradient at the first hidden layer', '第一隐藏层上的真实梯度与预测梯度'],
    cosine: ['cosine between them (last batch)', '两者夹角的余弦（最后一批）'],
    truth: ['true dl/dh', '真实 dl/dh'],
    predicted: ['predicted', '预测值'],
    truthAxis: ['true', '真实'],
    predictedAxis: ['predicted', '预测'],
    note: ['Each dot is one sample and one unit of the first hidden layer (8 samples × 16 units); the strips show the same numbers as colours. Each axis and each strip has its own scale: the prediction is much smaller than the truth but points the same way (a positive cosine). A caveat: on a task this small the first layer matters little; the layers above, trained by true backpropagation, do most of the fitting.', '每个点是一个样本在第一隐藏层一个单元上的值（8 个样本 × 16 个单元）；色条用颜色显示同样的数值。两条坐标轴和两个色条各用自己的刻度：预测值比真实值小得多，但方向一致（余弦为正）。需要说明：在这么小的任务上，第一层的作用不大；主要的拟合由上面那些用真实反向传播训练的层完成。'],
  }),
  create: createSyntheticScene,
};
