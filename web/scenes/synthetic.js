// Lesson "synthetic" (C11; Jaderberg et al., "Decoupled Neural Interfaces using Synthetic
// Gradients", 2017): a 1-16-16-1 tanh network whose first hidden layer is trained with a gradient
// *predicted* by a linear model of its own activations (no hidden layer), beside the same network
// trained by ordinary backpropagation. The engine's fitSynthetic() trains it, syntheticProbe()
// gives the true and predicted dl/dh for a few samples; the loss still falls.

import { el, setText, fmt, fmtLoss, createPlot, linspace, lessonRoot } from './common.js';
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
  const root = lessonRoot('scene-synthetic',
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

export default {
  id: 'synthetic',
  order: 10,
  keys: {},
  controls: [],
  figures: ['epoch', 'lossStart', 'loss', 'backpropLoss', 'cosine', 'modelError'],
  strings: {
    en: {
      title: 'Synthetic gradients (advanced)',
      text: 'In Jaderberg et al. (2017) a layer is updated with a predicted gradient instead of waiting for backpropagation. Here the predictor is linear, with no hidden layer, as the thread notes: it learns to guess dl/dh from the first hidden layer’s output h; that layer trains on the guesses, the layers above by backpropagation, and the loss falls nearly as far as with true gradients.',
      backprop: 'backpropagation', synthetic: 'synthetic gradient (linear model)',
      fitTitle: 'A 1-16-16-1 tanh network fitting a sine',
      loss: 'loss, synthetic gradients', lossStart: 'at epoch 0', bpLoss: 'loss, backpropagation',
      gradTitle: 'True vs predicted gradient at the first hidden layer',
      cosine: 'cosine between them (last batch)',
      truth: 'true dl/dh', predicted: 'predicted',
      truthAxis: 'true', predictedAxis: 'predicted',
      note: 'Each dot is one sample and one unit of the first hidden layer (8 samples × 16 units); the strips show the same numbers as colours. Each axis and each strip has its own scale: the prediction is much smaller than the truth but points the same way (a positive cosine). A caveat: on a task this small the first layer matters little; the layers above, trained by true backpropagation, do most of the fitting.',
    },
    zh: {
      title: '合成梯度（进阶）',
      text: '在 Jaderberg 等人（2017）的方法中，一层网络用预测出的梯度来更新，而不必等待反向传播。这里的预测器是线性的、没有隐藏层，正如原帖所说：它学习根据第一隐藏层的输出 h 猜测 dl/dh；这一层按猜测训练，上面的层用反向传播，损失下降得几乎和使用真实梯度一样多。',
      backprop: '反向传播', synthetic: '合成梯度（线性模型）',
      fitTitle: '1-16-16-1 tanh 网络拟合正弦',
      loss: '损失（合成梯度）', lossStart: '第 0 轮', bpLoss: '损失（反向传播）',
      gradTitle: '第一隐藏层上的真实梯度与预测梯度',
      cosine: '两者夹角的余弦（最后一批）',
      truth: '真实 dl/dh', predicted: '预测值',
      truthAxis: '真实', predictedAxis: '预测',
      note: '每个点是一个样本在第一隐藏层一个单元上的值（8 个样本 × 16 个单元）；色条用颜色显示同样的数值。两条坐标轴和两个色条各用自己的刻度：预测值比真实值小得多，但方向一致（余弦为正）。需要说明：在这么小的任务上，第一层的作用不大；主要的拟合由上面那些用真实反向传播训练的层完成。',
    },
  },
  create: createSyntheticScene,
};
