// The view of lesson "regression", declared in web/scenes/regression.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, setText, fmtLoss, canvasPlot, extent, linspace, lessonRoot, readout, legend, freeAll, twins, describe, bilingual } from '../common.js';
import { LINEAR_HEX, TANH_HEX, POS_HEX, STRAIGHT_HEX, withAlpha } from '../../colors.js';

const LAYERS = [1, 8, 1];
const SEED = 5;
const GRID = linspace(-1, 1, 160);
const PANELS = [
  { key: 'linearOnLinear', dataset: 'line', activation: 'linear', color: LINEAR_HEX },
  { key: 'linearOnNonlinear', dataset: 'sine', activation: 'linear', color: LINEAR_HEX },
  { key: 'tanhOnNonlinear', dataset: 'sine', activation: 'tanh', color: TANH_HEX },
];
const OPTS = { epochs: 1, batchSize: 10, learningRate: 0.03 };
// A linear network within this factor of the least-squares loss is "at the best straight line".
const AT_LINE = 1.05;

// The verdict under a panel, from its loss and the least-squares loss of its data.
export function verdictOf(panel, loss, ls, epoch) {
  if (epoch === 0) return 'untrained';
  if (panel.activation === 'linear') {
    if (loss <= AT_LINE * ls) return panel.dataset === 'line' ? 'fitsLine' : 'atLine';
    return 'towardLine';
  }
  return loss < ls ? 'belowLine' : 'notBelowLine';
}

export function createRegressionScene(env) {
  const { engine, t } = env;
  const datasets = {};
  for (const name of ['line', 'sine']) {
    const d = engine.dataset(name, { n: 200, noise: 0.05, seed: 3 });
    datasets[name] = { ...d, ls: engine.leastSquares(d.x, d.y, 1) };
  }
  let nets = [], epoch = 0, losses = {};

  const panels = PANELS.map((p, i) => {
    const plot = canvasPlot('reg-plot');
    const title = el('h3', { 'data-i18n': `scenes.regression.${p.key}` });
    const loss = readout('trainLoss', { big: true });
    const verdict = el('p', { class: 'caption' });
    const node = el('section', { class: 'scene-card reg-panel', 'data-panel': String(i) },
      el('div', { class: 'reg-head' }, el('span', { class: 'reg-num', text: String(i + 1) }), title),
      loss.node, plot.canvas, verdict);
    node.style.setProperty('--c', p.color);
    return { ...p, node, plot, loss, verdict };
  });
  const foot = el('div', { class: 'legend' }, legend([
    { mark: 'dot', color: withAlpha(POS_HEX, 0.6), label: 'scenes.regression.legendData' },
    { mark: 'mark', color: LINEAR_HEX, label: 'scenes.regression.legendLinear' },
    { mark: 'mark', color: TANH_HEX, label: 'scenes.regression.legendTanh' },
    { mark: 'mark dashed', color: STRAIGHT_HEX, label: 'scenes.regression.legendLs' },
  ]));
  const note = el('p', { class: 'note' });
  const root = lessonRoot('scene-regression',
    el('div', { class: 'reg-panels' }, panels.map((p) => p.node)),
    el('section', { class: 'scene-card reg-foot' }, foot, note));

  function build() {
    free();
    nets = twins(engine, PANELS.map((p) => ({ layers: LAYERS, activation: p.activation, outputActivation: 'linear', seed: SEED })));
    epoch = 0;
    measure();
  }
  function free() { nets = freeAll(nets); }
  function measure() {
    PANELS.forEach((p, i) => { const d = datasets[p.dataset]; losses[p.key] = nets[i].loss(d.x, d.y); });
  }
  function train(n) {
    PANELS.forEach((p, i) => {
      const d = datasets[p.dataset];
      if (Number.isFinite(losses[p.key])) nets[i].fit(d.x, d.y, { ...OPTS, epochs: n });
    });
    epoch += n;
    measure();
  }

  function render() {
    const sine = datasets.sine;
    const worst = Math.max(...Object.values(losses));
    panels.forEach((p, i) => {
      const d = datasets[p.dataset];
      const yr = extent([d.y], 0.15);
      p.plot.frame({ x: [-1.05, 1.05], y: yr, margin: { l: 34, r: 8, t: 6, b: 20 } });
      p.plot.axes({});
      p.plot.points(d.x, d.y, { color: withAlpha(POS_HEX, 0.5), r: 2.4 });
      if (p.activation === 'linear') {
        const W = d.ls.W[0], b = d.ls.b[0];
        p.plot.line([-1.05, 1.05], [b - 1.05 * W, b + 1.05 * W], { color: STRAIGHT_HEX, width: 1.6, dash: [6, 4] });
      }
      p.plot.line(GRID, nets[i].predict(GRID), { color: p.color, width: 2.8 });
      p.loss.set(fmtLoss(losses[p.key]));
      p.node.classList.toggle('worst', losses[p.key] === worst && epoch > 0);
      const ls = d.ls.loss, loss = losses[p.key];
      setText(p.verdict, t(`scenes.regression.verdict_${verdictOf(p, loss, ls, epoch)}`, { loss: fmtLoss(loss), ls: fmtLoss(ls), ratio: (ls / loss).toFixed(1) }));
      // a linear network's fit is a straight line whatever its weights; a curve that beats the
      // least-squares loss cannot be one
      const shape = p.activation === 'linear' ? 'Line' : loss < ls ? 'Bends' : 'NotYet';
      describe(p.plot.canvas, t(`scenes.regression.plotAria${shape}`, { n: i + 1, title: t(`scenes.regression.${p.key}`), loss: fmtLoss(loss), ls: fmtLoss(ls) }));
    });
    setText(note, t('scenes.regression.note', { ls: fmtLoss(sine.ls.loss) }));
  }

  return {
    id: 'regression', root, trains: true,
    enter: build, leave: free, update() {}, reset: build, train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, losses: { ...losses },
      verdicts: Object.fromEntries(PANELS.map((p) => [p.key, verdictOf(p, losses[p.key], datasets[p.dataset].ls.loss, epoch)])),
      leastSquares: { linear: datasets.line.ls.loss, nonlinear: datasets.sine.ls.loss } }),
  };
}


export default {
  create: createRegressionScene,
  strings: bilingual({
    text: ['A linear model fits linear data; on nonlinear data the same model can only find the best straight line (dashed: least squares); a tanh hidden layer with a linear output fits the curve: a linear output layer is fine once the hidden layers are nonlinear.', '线性模型能拟合线性数据；面对非线性数据，同一个模型只能找到最好的那条直线（虚线：最小二乘）；tanh 隐藏层加线性输出层则能拟合曲线：只要隐藏层是非线性的，输出层用线性激活没有问题。'],
    linearOnLinear: ['Linear network, linear data', '线性网络，线性数据'],
    linearOnNonlinear: ['Linear network, nonlinear data', '线性网络，非线性数据'],
    tanhOnNonlinear: ['tanh hidden layer, nonlinear data', 'tanh 隐藏层，非线性数据'],
    verdict_untrained: ['Not trained yet: press play.', '还没有训练：点击播放。'],
    verdict_fitsLine: ['Fits: loss {loss}, at the least-squares line ({ls}), and the data is a line (plus noise).', '拟合成功：损失 {loss}，已达到最小二乘直线的水平（{ls}），而数据本来就是一条直线（加上噪声）。'],
    verdict_atLine: ['Stuck at the best straight line: loss {loss}, the least-squares {ls}. Every linear network is a straight line; none can go lower.', '停在最好的直线上：损失 {loss}，最小二乘为 {ls}。任何线性网络都是一条直线，不可能更低。'],
    verdict_towardLine: ['Loss {loss}, still falling toward the least-squares line ({ls}), which no linear network can pass.', '损失 {loss}，还在向最小二乘直线（{ls}）靠近；任何线性网络都越不过它。'],
    verdict_belowLine: ['Below the best straight line: loss {loss}, {ratio} times lower than its {ls}. The tanh units bend, the linear output adds them up.', '已经低于最好的直线：损失 {loss}，只有最小二乘 {ls} 的 1/{ratio}。tanh 单元负责弯曲，线性输出层把它们加起来。'],
    verdict_notBelowLine: ['Loss {loss}: not yet below the best straight line ({ls}).', '损失 {loss}：还没有低于最好的直线（{ls}）。'],
    plotAriaLine: ['Panel {n}, {title}: the data and the network’s fit, a straight line, with the least-squares line dashed; training loss {loss}, least squares {ls}.', '图 {n}，{title}：数据点和网络的拟合，拟合结果是一条直线，虚线是最小二乘直线；训练损失 {loss}，最小二乘 {ls}。'],
    plotAriaBends: ['Panel {n}, {title}: the data and the network’s fit, a curve closer to the data than any straight line; training loss {loss}, the best straight line’s {ls}.', '图 {n}，{title}：数据点和网络的拟合曲线，比任何直线都更贴近数据；训练损失 {loss}，最好的直线的损失是 {ls}。'],
    plotAriaNotYet: ['Panel {n}, {title}: the data and the network’s fit; training loss {loss}, not yet below the best straight line ({ls}).', '图 {n}，{title}：数据点和网络的拟合；训练损失 {loss}，还没有低于最好的直线（{ls}）。'],
    legendData: ['data', '数据'],
    legendLinear: ['linear network', '线性网络'],
    legendTanh: ['tanh network', 'tanh 网络'],
    legendLs: ['least squares (best straight line)', '最小二乘（最好的直线）'],
    note: ['All three networks are 1-8-1 and start from the same weights. The best any linear model can reach on the sine is the least-squares loss {ls}.', '三个网络都是 1-8-1，从同一组权重开始。任何线性模型在正弦数据上能达到的最好结果是最小二乘损失 {ls}。'],
  }),
};
