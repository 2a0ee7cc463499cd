// The view of lesson "synthetic", declared in web/scenes/synthetic.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, setText, fmt, fmtLoss, canvasPlot, linspace, lessonRoot, readout, legend, freeAll, twins, newHistory, pushHistory, describe, bilingual } from '../common.js';
import { createLossChart } from '../../loss-chart.js';
import { fillDiverging, LINEAR_HEX, TANH_HEX, POS_HEX, MUTED_HEX, withAlpha } from '../../colors.js';

const LAYERS = [1, 16, 16, 1];
const SEED = 3;
const OPTS = { batchSize: 10, learningRate: 0.05 };
const MODEL_RATE = 0.05;
const CUT = 0;
const PROBE = 8;
const GRID = linspace(-1, 1, 161);
const BP = LINEAR_HEX;
const SG = TANH_HEX;
const FR = MUTED_HEX;
// The loss of the synthetic-gradient run within this factor of the frozen baseline's: "about the same".
const SAME = 1.1;

export function createSyntheticScene(env) {
  const { engine, t } = env;
  const d = engine.dataset('sine', { n: 200, noise: 0, seed: 1 });
  let nets = [], frozen = null, hGrid = null, hData = null, epoch = 0, info = null, probe = null;

  const fitPlot = canvasPlot('syn-fit');
  const chartCanvas = el('canvas', { class: 'scene-chart', role: 'img' });
  const chart = createLossChart(chartCanvas);
  const scatter = canvasPlot('syn-scatter');
  // the strips repeat the scatter's numbers as colours (the note says so): decorative
  const truthCanvas = el('canvas', { class: 'grad-strip', 'aria-hidden': 'true' });
  const predCanvas = el('canvas', { class: 'grad-strip', 'aria-hidden': 'true' });
  const lossOut = readout('scenes.synthetic.loss', { big: true, color: SG });
  const startOut = readout('scenes.synthetic.lossStart', { color: SG });
  const bpLossOut = readout('scenes.synthetic.bpLoss', { color: BP });
  const frozenOut = readout('scenes.synthetic.frozenLoss', { color: FR });
  const verdict = el('p', { class: 'note syn-verdict' });
  const cosOut = readout('scenes.synthetic.cosine', { big: true, color: SG });
  const cosStats = el('p', { class: 'note cos-stats' });
  const fitLegend = el('div', { class: 'legend' }, legend([
    { mark: 'mark', color: BP, label: 'scenes.synthetic.backprop' },
    { mark: 'mark', color: SG, label: 'scenes.synthetic.synthetic' },
    { mark: 'mark dashed', color: FR, label: 'scenes.synthetic.frozen' },
  ]));
  const root = lessonRoot('scene-synthetic',
    el('section', { class: 'scene-card syn-main' },
      el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.synthetic.fitTitle' }), fitLegend),
      fitPlot.canvas,
      el('div', { class: 'readouts' }, lossOut.node, startOut.node, bpLossOut.node, frozenOut.node), verdict,
      el('div', { class: 'chart-head' }, el('h2', { 'data-i18n': 'lossOverTime' })), chartCanvas),
    el('section', { class: 'scene-card syn-side' },
      el('h3', { 'data-i18n': 'scenes.synthetic.gradTitle' }),
      cosOut.node, cosStats,
      scatter.canvas,
      el('div', { class: 'strips' },
        el('figure', {}, truthCanvas, el('figcaption', { 'data-i18n': 'scenes.synthetic.truth' })),
        el('figure', {}, predCanvas, el('figcaption', { 'data-i18n': 'scenes.synthetic.predicted' }))),
      el('p', { class: 'note', 'data-i18n': 'scenes.synthetic.note' })));

  function build() {
    free();
    const config = { layers: LAYERS, activation: 'tanh', outputActivation: 'linear', seed: SEED };
    nets = twins(engine, [config, config]); // [backprop, synthetic]
    // the frozen baseline: the layers above the first, on the first layer's initial outputs
    const w0 = nets[0].getWeights();
    frozen = engine.createNetwork({ ...config, layers: LAYERS.slice(1) });
    frozen.setWeights(w0.slice(1));
    hData = nets[0].layerOutputs(d.x)[0];
    hGrid = nets[0].layerOutputs(GRID)[0];
    epoch = 0;
    info = { cosine: NaN, modelError: NaN, cosines: [], history: [newHistory(), newHistory(), newHistory()] };
    measure();
    info.lossStart = info.loss;
  }
  function free() { nets = freeAll(nets); frozen?.delete(); frozen = null; }
  function measure() {
    info.bpLoss = nets[0].loss(d.x, d.y);
    info.loss = nets[1].loss(d.x, d.y);
    info.frozenLoss = frozen.loss(hData, d.y);
    probe = nets[1].syntheticProbe(d.x, d.y, { count: PROBE, cut: CUT });
    pushHistory(info.history[0], epoch, info.bpLoss);
    pushHistory(info.history[1], epoch, info.loss);
    pushHistory(info.history[2], epoch, info.frozenLoss);
  }
  // epoch by epoch, so the loss chart has every epoch even after step(n)
  function train(n) {
    for (let e = 0; e < n; e++) {
      nets[0].fit(d.x, d.y, { ...OPTS, epochs: 1 });
      frozen.fit(hData, d.y, { ...OPTS, epochs: 1 });
      const s = nets[1].fitSynthetic(d.x, d.y, { ...OPTS, epochs: 1, modelRate: MODEL_RATE, cut: CUT });
      info.cosine = s.cosine;
      info.cosines.push(s.cosine);
      info.modelError = s.modelError;
      epoch++;
      measure();
    }
  }

  // the last batch's cosine swings from epoch to epoch: its mean over the last 50 epochs, and in
  // how many epochs so far it was negative
  function cosineStats() {
    const c = info.cosines, last = c.slice(-50);
    return { mean50: last.length ? last.reduce((a, b) => a + b, 0) / last.length : NaN, negative: c.filter((v) => v < 0).length };
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
    fitPlot.line(GRID, frozen.predict(hGrid), { color: FR, width: 1.8, dash: [5, 4] });
    fitPlot.line(GRID, nets[1].predict(GRID), { color: SG, width: 2.8 });
    lossOut.set(fmtLoss(info.loss));
    startOut.set(fmtLoss(info.lossStart));
    bpLossOut.set(fmtLoss(info.bpLoss));
    frozenOut.set(fmtLoss(info.frozenLoss));
    const k = epoch === 0 ? 'verdictStart' : info.loss * SAME < info.frozenLoss ? 'verdictBetter' : info.loss > info.frozenLoss * SAME ? 'verdictWorse' : 'verdictSame';
    setText(verdict, t(`scenes.synthetic.${k}`, { epoch }));
    cosOut.set(fmt(info.cosine, 3));
    const cs = cosineStats();
    setText(cosStats, epoch ? t('scenes.synthetic.cosStats', { mean: fmt(cs.mean50, 2), negative: cs.negative, epochs: epoch }) : '');
    chart.draw(info.history.map((h, i) => ({ history: h, color: [BP, SG, FR][i] })), { epoch: t('epochAxis'), loss: t('lossAxis') });
    // true vs predicted dl/dh, one dot per (sample, unit); each on its own scale (the prediction
    // is much smaller than the truth: what matters for training is its direction)
    const { truth, predicted, units } = probe;
    const span = (a) => { let m = 0; for (const v of a) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v)); return m > 0 ? 1.1 * m : 1e-3; };
    const mt = span(truth), mp = span(predicted);
    scatter.frame({ x: [-mt, mt], y: [-mp, mp], margin: { l: 48, r: 8, t: 6, b: 20 } });
    scatter.axes({ xLabel: t('scenes.synthetic.truthAxis'), yLabel: t('scenes.synthetic.predictedAxis') });
    scatter.points(truth, predicted, { color: SG, r: 2.6, alpha: 0.8 });
    // the figures as they are now, with the readouts' numbers
    const words = { epoch, sg: fmtLoss(info.loss), bp: fmtLoss(info.bpLoss), fr: fmtLoss(info.frozenLoss), start: fmtLoss(info.lossStart),
      cos: fmt(info.cosine, 3), units, samples: truth.length / units };
    describe(fitPlot.canvas, t(epoch === 0 ? 'scenes.synthetic.fitAria0' : 'scenes.synthetic.fitAria', words));
    describe(chartCanvas, t(epoch === 0 ? 'scenes.synthetic.chartAria0' : 'scenes.synthetic.chartAria', words));
    describe(scatter.canvas, t(epoch === 0 ? 'scenes.synthetic.scatterAria0' : 'scenes.synthetic.scatterAria', words));
    strip(truthCanvas, truth, units, mt);
    strip(predCanvas, predicted, units, mp);
  }

  return {
    id: 'synthetic', root, trains: true,
    enter: build, leave: free, update() {}, reset: build, train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, lossStart: info.lossStart, loss: info.loss, backpropLoss: info.bpLoss,
      frozenLoss: info.frozenLoss, cosine: info.cosine, cosineMean50: cosineStats().mean50, cosineNegativeEpochs: cosineStats().negative,
      modelError: info.modelError }),
  };
}


export default {
  create: createSyntheticScene,
  strings: bilingual({
    text: ['In Jaderberg et al. (2017) a layer is updated with a predicted gradient instead of waiting for backpropagation. Here the predictor is linear, with no hidden layer, as the thread notes: it learns to guess dl/dh from the first hidden layer’s output h; that layer trains on the guesses, the layers above by backpropagation. To see what the guesses are worth, a third copy never trains its first layer at all (grey, dashed): on a task this small it gets close to the others, so whether the predicted gradients help depends on how long you train. The line under the numbers says which it is now.', '在 Jaderberg 等人（2017）的方法中，某一层不必等待反向传播，而是用预测出来的梯度更新。这里的预测器是线性的、没有隐藏层，正如原帖所说：它根据第一隐藏层的输出 h 学着猜 dl/dh；第一隐藏层按猜出的梯度训练，上面各层照常用反向传播。为了看清这些猜测到底有多大用处，第三个副本干脆不训练第一层（灰色虚线）：在这么小的任务上，它和另外两个相差不远，所以预测梯度是否有帮助，要看训练了多久。数值下方那一行会说明当前的情况。'],
    backprop: ['backpropagation', '反向传播'],
    synthetic: ['synthetic gradient (linear model)', '合成梯度（线性模型）'],
    fitTitle: ['A 1-16-16-1 tanh network fitting a sine', '1-16-16-1 tanh 网络拟合正弦'],
    loss: ['loss, synthetic gradients', '损失（合成梯度）'],
    lossStart: ['at epoch 0', '第 0 轮'],
    bpLoss: ['loss, backpropagation', '损失（反向传播）'],
    frozen: ['first layer frozen', '第一层冻结'],
    frozenLoss: ['loss, first layer frozen', '损失（第一层冻结）'],
    verdictStart: ['Press play: the three copies start from the same weights.', '点击播放：三个副本从同一组权重出发。'],
    verdictBetter: ['At epoch {epoch} the predicted gradients help: the loss is lower than with the first layer frozen.', '第 {epoch} 轮：预测梯度起了作用，损失比冻结第一层时低。'],
    verdictSame: ['At epoch {epoch} the predicted gradients do about as well as not training the first layer at all (within 10 %).', '第 {epoch} 轮：预测梯度的效果和完全不训练第一层差不多（相差不到 10%）。'],
    verdictWorse: ['At epoch {epoch} the predicted gradients do worse than not training the first layer at all.', '第 {epoch} 轮：用预测梯度训练，反而不如完全不训练第一层。'],
    fitAria0: ['A sine (dots) and the three copies’ fits at epoch 0, all the same network: loss {sg}.', '正弦数据（圆点）和三个副本在第 0 轮的拟合，三者还是同一个网络：损失 {sg}。'],
    fitAria: ['A sine (dots) and the three copies’ fits after {epoch} epochs: synthetic gradients loss {sg}, backpropagation {bp}, first layer frozen {fr}.', '正弦数据（圆点）和三个副本训练 {epoch} 轮后的拟合：合成梯度的损失 {sg}，反向传播 {bp}，第一层冻结 {fr}。'],
    chartAria0: ['Loss at epoch 0: {sg} for all three copies. Press play to draw its course.', '第 0 轮的损失：三个副本都是 {sg}。点击播放，就能画出它的变化。'],
    chartAria: ['Loss from epoch 0 to {epoch}: synthetic gradients from {start} to {sg}, backpropagation {bp}, first layer frozen {fr}.', '第 0 轮到第 {epoch} 轮的损失：合成梯度从 {start} 变为 {sg}，反向传播为 {bp}，第一层冻结为 {fr}。'],
    scatterAria0: ['True against predicted gradient at the first hidden layer, one dot per sample and unit ({samples} × {units}), before any training.', '第一隐藏层上的真实梯度与预测梯度，每个样本的每个单元一个点（{samples} × {units}），尚未训练。'],
    scatterAria: ['True against predicted gradient at the first hidden layer, one dot per sample and unit ({samples} × {units}), after {epoch} epochs; cosine between them in the last batch: {cos}.', '第一隐藏层上的真实梯度与预测梯度，每个样本的每个单元一个点（{samples} × {units}），已训练 {epoch} 轮；最后一批两者夹角的余弦：{cos}。'],
    gradTitle: ['True vs predicted gradient at the first hidden layer', '第一隐藏层上的真实梯度与预测梯度'],
    cosine: ['cosine between them (last batch)', '两者夹角的余弦（最后一批）'],
    cosStats: ['Mean over the last 50 epochs: {mean}; negative in {negative} of {epochs} epochs.', '最近 50 轮的平均值：{mean}；{epochs} 轮中有 {negative} 轮为负。'],
    truth: ['true dl/dh', '真实 dl/dh'],
    predicted: ['predicted', '预测值'],
    truthAxis: ['true', '真实'],
    predictedAxis: ['predicted', '预测'],
    note: ['Each dot is one sample and one unit of the first hidden layer (8 samples × 16 units); the strips show the same numbers as colours. Each axis and each strip has its own scale: the prediction is much smaller than the truth. The cosine between them swings from batch to batch and is often negative; only on average does the guess lean the same way as the true gradient. On a task this small the first layer matters little; the layers above, trained by true backpropagation, do most of the fitting.', '每个点是一个样本在第一隐藏层某个单元上的值（8 个样本 × 16 个单元）；色条用颜色显示同样的数值。两条坐标轴、两个色条各用各的刻度：预测值比真实值小得多。两者夹角的余弦每一批都在大幅摆动，经常是负的；只有平均起来，猜出的梯度才和真实梯度大致同向。在这么小的任务上，第一层的作用本来就不大，主要的拟合由上面那些用真实反向传播训练的层完成。'],
  }),
};
