// The view of lesson "relu", declared in web/scenes/relu.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, setText, fmtLoss, canvasPlot, linspace, lessonRoot, readout, legend, describe, bilingual } from '../common.js';
import { RELU_HEX, POS_HEX, INK_HEX, withAlpha } from '../../colors.js';
import { MAX_RELU_UNITS } from '../relu.js';

const SEED = 5;
const GRID = linspace(-1, 1, 201);
const OPTS = { batchSize: 10, learningRate: 0.01, optimizer: 'adam' };
const QUICK = [1, 2, 4, 8, 16, 32, 64];
const COLOR = RELU_HEX;

export function createReluScene(env) {
  const { engine, t } = env;
  const d = engine.dataset('sine', { n: 200, noise: 0, seed: 3 });
  let net = null, units = 0, epoch = 0, pieces = 0, kinks = [], error = NaN;
  const tried = new Map(); // units -> { pieces, error, epoch }: what this visit has seen

  const plot = canvasPlot('relu-plot');
  const minus = el('button', { type: 'button', text: '−', 'data-i18n-aria': 'scenes.relu.fewer', onclick: () => env.set({ reluUnits: Math.max(1, units - 1) }) });
  const plus = el('button', { type: 'button', text: '+', 'data-i18n-aria': 'scenes.relu.more', onclick: () => env.set({ reluUnits: Math.min(MAX_RELU_UNITS, units + 1) }) });
  const unitsOut = el('output', { id: 'reluUnits' });
  const quick = el('div', { class: 'quick' }, QUICK.map((u) => el('button', { type: 'button', class: 'chip', text: String(u), 'data-units': String(u), onclick: () => env.set({ reluUnits: u }) })));
  const piecesOut = readout('scenes.relu.pieces', { big: true });
  const kinksOut = readout('scenes.relu.kinks');
  const errorOut = readout('trainLoss');
  const triedList = el('table', { class: 'tried' });
  const fitLegend = el('div', { class: 'legend' }, legend([
    { mark: 'dot', color: withAlpha(POS_HEX, 0.6), label: 'scenes.relu.legendData' },
    { mark: 'mark', color: COLOR, label: 'scenes.relu.legendFit' },
    { mark: 'dot kink', color: INK_HEX, label: 'scenes.relu.legendKink' },
  ]));
  const root = lessonRoot('scene-relu',
    el('section', { class: 'scene-card relu-main' }, el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.relu.plotTitle' }), fitLegend), plot.canvas),
    el('aside', { class: 'scene-card relu-side' },
      el('h3', { 'data-i18n': 'scenes.relu.unitsTitle' }),
      el('div', { class: 'scene-row', 'data-control': 'reluUnits' }, el('div', { class: 'stepper big-stepper' }, minus, unitsOut, plus), quick),
      piecesOut.node, kinksOut.node, errorOut.node,
      el('p', { class: 'note', 'data-i18n': 'scenes.relu.note' }),
      el('h3', { 'data-i18n': 'scenes.relu.triedTitle' }), triedList));

  function build(state) {
    net?.delete();
    units = state.reluUnits;
    net = engine.createNetwork({ layers: [1, units, 1], activation: 'relu', outputActivation: 'linear', seed: SEED });
    epoch = 0;
    measure();
  }
  function measure() {
    const p = net.linearPieces(-1, 1);
    pieces = p.count;
    kinks = Array.from(p.kinks);
    error = net.loss(d.x, d.y);
    tried.set(units, { pieces, error, epoch });
  }
  function train(n) {
    net.fit(d.x, d.y, { ...OPTS, epochs: n });
    epoch += n;
    measure();
  }

  function render() {
    unitsOut.value = String(units);
    minus.disabled = units <= 1;
    plus.disabled = units >= MAX_RELU_UNITS;
    for (const b of quick.children) b.classList.toggle('selected', Number(b.dataset.units) === units);
    // the exact polyline: evaluate at the grid and at every kink, in order
    const xs = Float32Array.from([...GRID, ...kinks].sort((a, b) => a - b));
    const ys = net.predict(xs);
    const kinkY = kinks.map((k) => ys[xs.indexOf(Math.fround(k))]);
    plot.frame({ x: [-1.05, 1.05], y: [-1.4, 1.4], margin: { l: 34, r: 10, t: 8, b: 20 } });
    plot.axes({});
    for (const k of kinks) plot.vline(k, { color: withAlpha(INK_HEX, 0.18), width: 1, dash: [3, 3] });
    plot.points(d.x, d.y, { color: withAlpha(POS_HEX, 0.45), r: 2.6 });
    plot.line(xs, ys, { color: COLOR, width: 2.6 });
    plot.points(kinks, kinkY, { color: INK_HEX, r: 3.6, stroke: '#fff' });
    piecesOut.set(pieces);
    kinksOut.set(kinks.length);
    errorOut.set(fmtLoss(error));
    describe(plot.canvas, t(pieces === 1 ? 'scenes.relu.plotAriaOne' : 'scenes.relu.plotAria', { units, pieces, kinks: kinks.length, loss: fmtLoss(error), epoch }));
    const rows = [...tried.entries()].sort((a, b) => a[0] - b[0]);
    const head = [t('scenes.relu.colUnits'), t('scenes.relu.colPieces'), t('trainLoss')];
    if (triedList.rows.length !== rows.length + 1) {
      triedList.replaceChildren(el('tr', {}, head.map(() => el('th'))), ...rows.map(() => el('tr', {}, head.map(() => el('td')))));
    }
    head.forEach((h, j) => setText(triedList.rows[0].cells[j], h));
    rows.forEach(([u, r], i) => {
      const cells = triedList.rows[i + 1].cells;
      setText(cells[0], String(u)); setText(cells[1], String(r.pieces)); setText(cells[2], fmtLoss(r.error));
      triedList.rows[i + 1].classList.toggle('current', u === units);
    });
  }

  return {
    id: 'relu', root, trains: true,
    enter(state) { tried.clear(); build(state); },
    leave() { net?.delete(); net = null; },
    update(state, changed) { if (changed.includes('reluUnits')) build(state); },
    reset() { build(env.state()); },
    train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, units, pieces, kinks: kinks.slice(), error,
      tried: [...tried.entries()].sort((a, b) => a[0] - b[0]).map(([u, r]) => ({ units: u, ...r })) }),
  };
}


export default {
  create: createReluScene,
  strings: bilingual({
    text: ['ReLU is piecewise linear but not linear: each hidden unit adds at most one kink, and the fit is made of straight pieces between the kinks. More units, more pieces, smaller error: enough straight pieces follow any continuous curve. The thread says activations must be differentiable; ReLU is not, at 0, and still trains: backpropagation uses a subgradient there (the engine takes 0), and a weighted sum lands exactly on the kink almost never. ReLU usually sits in the hidden layers; the output layer here is linear, as a regression output should be.', 'ReLU 是分段线性的，但不是线性函数：每个隐藏单元最多带来一个折点，拟合曲线由折点之间的直线段组成。单元越多，线段越多，误差越小：足够多的直线段可以逼近任何连续曲线。原帖说激活函数必须可导；ReLU 在 0 处不可导，却照样能训练：反向传播在这一点用的是次梯度（引擎取 0），而加权和几乎不会恰好落在折点上。ReLU 一般用在隐藏层；这里的输出层是线性的，回归问题的输出层本来就该如此。'],
    fewer: ['Fewer hidden units', '减少隐藏单元'],
    more: ['More hidden units', '增加隐藏单元'],
    legendData: ['data (sine)', '数据（正弦）'],
    legendFit: ['ReLU network', 'ReLU 网络'],
    legendKink: ['kink', '折点'],
    plotTitle: ['One hidden layer of ReLU units fitting a sine on [−1, 1]', '单隐藏层 ReLU 网络在 [−1, 1] 上拟合正弦'],
    plotAria: ['A sine on [−1, 1] (dots) and a ReLU network with {units} hidden units fitting it after {epoch} epochs: {pieces} straight pieces joined at {kinks} kinks; training loss {loss}.', '[−1, 1] 上的正弦数据（圆点），以及含 {units} 个隐藏单元、训练了 {epoch} 轮的 ReLU 网络的拟合：{pieces} 段直线，在 {kinks} 个折点处相连；训练损失 {loss}。'],
    plotAriaOne: ['A sine on [−1, 1] (dots) and a ReLU network with {units} hidden units fitting it after {epoch} epochs: a single straight piece, no kink on [−1, 1]; training loss {loss}.', '[−1, 1] 上的正弦数据（圆点），以及含 {units} 个隐藏单元、训练了 {epoch} 轮的 ReLU 网络的拟合：只有一段直线，[−1, 1] 上没有折点；训练损失 {loss}。'],
    pieces: ['linear pieces on [−1, 1]', '[−1, 1] 上的线段数'],
    kinks: ['kinks', '折点数'],
    note: ['The kinks and the pieces are counted by the engine from the weights (a unit’s kink is where its input crosses 0).', '折点和线段数由引擎根据权重计算（一个单元的折点就是它的输入穿过 0 的位置）。'],
    triedTitle: ['Sizes tried', '试过的规模'],
    colUnits: ['units', '单元'],
    colPieces: ['pieces', '线段'],
  }),
};
