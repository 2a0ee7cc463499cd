// The view of lesson "step", declared in web/scenes/step.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, setText, fmtLoss, fmtSci, fmtPct, lessonRoot, legend, freeAll, twins, newHistory, pushHistory, describe, bilingual } from '../common.js';
import { createNetCard, accuracyOf } from '../netcard.js';
import { makeData } from '../../model.js';
import { createLossChart } from '../../loss-chart.js';
import { STEP_HEX, TANH_HEX } from '../../colors.js';

const LAYERS = [2, 6, 1];
const SEED = 5;
const ACTS = ['step', 'sigmoid'];
const COLORS = [STEP_HEX, TANH_HEX];
const OPTS = { batchSize: 10, learningRate: 1 };

// Labels 0/1 (a step or sigmoid output's range) instead of the dataset's ±1.
const to01 = (set) => ({ ...set, y: Float32Array.from(set.y, (v) => (v > 0 ? 1 : 0)) });

export function createStepScene(env) {
  const { engine, t } = env;
  const base = makeData(engine, { dataset: 'circle', noise: 0, percTrainData: 50, seed: 3 });
  const data = { ...base, train: to01(base.train), test: to01(base.test), all: to01(base.all) };
  const task = { kind: 'classification', outputActivation: 'sigmoid', loss: 'mse', centre: 0.5, half: 0.5 };
  let nets = [], epoch = 0, info = [];

  const cards = ACTS.map((a, i) => createNetCard({ accent: COLORS[i] }));
  const chartCanvas = el('canvas', { class: 'scene-chart', role: 'img' });
  const chart = createLossChart(chartCanvas);
  const chartLegend = el('div', { class: 'legend' });
  const gradTable = el('table', { class: 'grad-table' });
  const root = lessonRoot('scene-step',
    el('div', { class: 'scene-pair' }, cards.map((c) => c.node)),
    el('div', { class: 'scene-pair' },
      el('section', { class: 'chart-panel' }, el('div', { class: 'chart-head' }, el('h2', { 'data-i18n': 'lossOverTime' }), chartLegend), chartCanvas),
      el('section', { class: 'scene-card' }, el('h3', { 'data-i18n': 'scenes.step.gradTitle' }), gradTable, el('p', { class: 'note', 'data-i18n': 'scenes.step.gradNote' }))));

  function build() {
    free();
    nets = twins(engine, ACTS.map((a) => ({ layers: LAYERS, activation: a, outputActivation: a, loss: 'mse', seed: SEED })));
    epoch = 0;
    info = ACTS.map(() => ({ history: newHistory() }));
    measure();
    info.forEach((x) => { x.lossStart = x.loss; });
  }
  function free() { nets = freeAll(nets); }

  function measure() {
    nets.forEach((net, i) => {
      const x = info[i];
      x.loss = net.loss(data.train.x, data.train.y);
      x.testLoss = net.loss(data.test.x, data.test.y);
      x.accuracy = accuracyOf(net.predict(data.test.x), Float32Array.from(data.test.y, (v) => 2 * v - 1), 0.5);
      const g = net.gradients(data.train.x, data.train.y);
      const maxAbs = (layers) => layers.reduce((m, { W, b }) => {
        for (const v of W) m = Math.max(m, Math.abs(v));
        for (const v of b) m = Math.max(m, Math.abs(v));
        return m;
      }, 0);
      x.hiddenGradMax = maxAbs(g.slice(0, -1));
      x.outputGradMax = maxAbs(g.slice(-1));
      pushHistory(x.history, epoch, x.loss, x.testLoss);
    });
  }

  // epoch by epoch, so the loss chart has every epoch even after step(n)
  function train(n) {
    for (let e = 0; e < n; e++) {
      nets.forEach((net) => net.fit(data.train.x, data.train.y, { ...OPTS, epochs: 1 }));
      epoch++;
      measure();
    }
  }

  let legendKey = '';
  function render() {
    nets.forEach((net, i) => {
      const c = cards[i], x = info[i];
      setText(c.name, t(`scenes.step.net_${ACTS[i]}`));
      c.draw(net, data, task, { color: COLORS[i] });
      setText(c.stats, `${t('trainLoss')} ${fmtLoss(x.loss)} · ${t('testAccuracy')} ${fmtPct(x.accuracy)}`);
      setText(c.caption, t(`scenes.step.caption_${ACTS[i]}`));
      const still = epoch > 0 && x.loss === x.lossStart && x.hiddenGradMax === 0 && x.outputGradMax === 0;
      describe(c.box, t(`scenes.step.${still ? 'boxAriaStill' : 'boxAria'}`, { name: t(`scenes.step.net_${ACTS[i]}`), acc: fmtPct(x.accuracy), loss: fmtLoss(x.loss) }));
    });
    const moved = info.map((x, i) => {
      const name = t(`scenes.step.net_${ACTS[i]}`);
      return x.loss === x.lossStart ? t('scenes.step.chartFlat', { name, loss: fmtLoss(x.loss) })
        : t('scenes.step.chartMoved', { name, from: fmtLoss(x.lossStart), to: fmtLoss(x.loss) });
    });
    describe(chartCanvas, epoch === 0 ? t('scenes.step.chartAria0', { step: fmtLoss(info[0].loss), sigmoid: fmtLoss(info[1].loss) })
      : t('scenes.step.chartAria', { epoch, step: moved[0], sigmoid: moved[1] }));
    const key = t('lossOverTime');
    if (key !== legendKey) {
      legendKey = key;
      chartLegend.replaceChildren(...legend(ACTS.map((a, i) => ({ mark: 'dot', color: COLORS[i], text: t(`activations.${a}`) }))));
    }
    chart.draw(info.map((x, i) => ({ history: x.history, color: COLORS[i] })), { epoch: t('epochAxis'), loss: t('lossAxis') });
    const rows = [['', ...ACTS.map((a) => t(`activations.${a}`))],
      [t('scenes.step.hiddenGrad'), ...info.map((x) => (x.hiddenGradMax === 0 ? t('scenes.step.exactlyZero') : fmtSci(x.hiddenGradMax, 2)))],
      [t('scenes.step.outputGrad'), ...info.map((x) => (x.outputGradMax === 0 ? t('scenes.step.exactlyZero') : fmtSci(x.outputGradMax, 2)))],
      [t('scenes.step.lossMoved'), ...info.map((x) => fmtSci(Math.abs(x.loss - x.lossStart), 2))]];
    if (gradTable.rows.length !== rows.length) {
      gradTable.replaceChildren(...rows.map((r, i) => el('tr', {}, r.map((_, j) => el(i === 0 || j === 0 ? 'th' : 'td')))));
    }
    rows.forEach((r, i) => r.forEach((v, j) => setText(gradTable.rows[i].cells[j], v)));
    [...gradTable.rows].slice(1).forEach((tr) => tr.cells[1].classList.add('zero'));
  }

  return {
    id: 'step', root, trains: true,
    enter: build, leave: free, update() {}, reset: build, train, render,
    epoch: () => epoch,
    figures: () => ({
      epoch,
      stepHiddenGradMax: info[0].hiddenGradMax, sigmoidHiddenGradMax: info[1].hiddenGradMax,
      stepOutputGradMax: info[0].outputGradMax, sigmoidOutputGradMax: info[1].outputGradMax,
      stepLoss: info[0].loss, sigmoidLoss: info[1].loss,
      stepLossStart: info[0].lossStart, sigmoidLossStart: info[1].lossStart,
      stepAccuracy: info[0].accuracy, sigmoidAccuracy: info[1].accuracy,
    }),
  };
}


export default {
  create: createStepScene,
  strings: bilingual({
    text: ['The step is a squashing function, so a network of step units can represent curved boundaries (Hornik, Stinchcombe & White 1989): the trouble is training it. A small change of a weight changes no step’s output, so the derivative is 0 almost everywhere, and backpropagation gives every layer up to the last step layer a gradient of exactly 0. Here the output is a step too, so no layer learns. The sigmoid is a smooth step, differentiable everywhere: the same network, from the same weights, learns.', '阶跃函数是挤压函数，所以阶跃单元组成的网络能够表示弯曲的边界（Hornik、Stinchcombe 与 White，1989）；问题出在训练上。权重稍微变一点，任何阶跃单元的输出都不变，所以导数几乎处处为 0，反向传播传给最后一个阶跃层及其之前各层的梯度都恰好是 0。这里输出层也是阶跃函数，所以没有一层能学习。sigmoid 是平滑的阶跃函数，处处可导：同一个网络、同一组初始权重，换成 sigmoid 就能学会。'],
    net_step: ['Step network', '阶跃网络'],
    net_sigmoid: ['Sigmoid network', 'sigmoid 网络'],
    caption_step: ['Every unit is a step (hidden and output): no layer gets a gradient, and the picture never changes.', '每个单元都是阶跃函数（隐藏层和输出层都是）：哪一层都得不到梯度，画面始终不变。'],
    caption_sigmoid: ['Every unit is a sigmoid: the same shape, smoothed, and it learns.', '每个单元都是 sigmoid：形状一样，只是变平滑了，于是能够学习。'],
    boxAria: ['{name}: its output over the plane, with the data; test accuracy {acc}, training loss {loss}.', '{name}：在平面上的输出和数据；测试准确率 {acc}，训练损失 {loss}。'],
    boxAriaStill: ['{name}: its output over the plane, with the data, unchanged since epoch 0 (the loss has not moved, every gradient is exactly 0); test accuracy {acc}, training loss {loss}.', '{name}：在平面上的输出和数据，和第 0 轮时一模一样（损失没有变化，梯度全都恰好为 0）；测试准确率 {acc}，训练损失 {loss}。'],
    chartAria0: ['Training loss at epoch 0: step network {step}, sigmoid network {sigmoid}. Press play to draw its course.', '第 0 轮的训练损失：阶跃网络 {step}，sigmoid 网络 {sigmoid}。点击播放，就能画出它的变化。'],
    chartAria: ['Training loss from epoch 0 to {epoch}. {step} {sigmoid}', '第 0 轮到第 {epoch} 轮的训练损失。{step}{sigmoid}'],
    chartFlat: ['{name}: flat at {loss}.', '{name}：一直是 {loss}，纹丝不动。'],
    chartMoved: ['{name}: from {from} to {to}.', '{name}：从 {from} 变为 {to}。'],
    gradTitle: ['Gradients, from the engine, over the training set', '引擎在训练集上算出的梯度'],
    gradNote: ['The step’s derivative is 0 wherever it exists, so backpropagation multiplies every gradient below a step layer by 0: “exactly 0” is the engine’s number, not a rounding. (ReLU is not differentiable at 0 either, yet it trains: the engine uses 0 there, a subgradient, and the kink is a single point that the weighted sums almost never hit exactly; everywhere else its derivative is 0 or 1, not 0 everywhere.)', '阶跃函数在有导数的地方导数都是 0，反向传播把阶跃层以下的每个梯度都乘以 0：“恰好为 0”是引擎算出的数值，不是舍入误差。（ReLU 在 0 处同样不可导，却照样能训练：引擎在那一点取 0，这是一个次梯度；而且折点只是一个点，加权和几乎不会恰好落在上面；其余地方导数是 0 或 1，而不是处处为 0。）'],
    hiddenGrad: ['largest |∂L/∂w|, hidden layer', '隐藏层最大 |∂L/∂w|'],
    outputGrad: ['largest |∂L/∂w|, output layer', '输出层最大 |∂L/∂w|'],
    lossMoved: ['change of the loss since epoch 0', '损失相对第 0 轮的变化'],
    exactlyZero: ['exactly 0', '恰好为 0'],
  }),
};
