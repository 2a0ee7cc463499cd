// The view of lesson "universal", declared in web/scenes/universal.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { key } from '../../keys.js';
import { el, setText, fmtLoss, canvasPlot, linspace, lessonRoot, readout, legend, freeAll, describe, scrollBox, bilingual } from '../common.js';
import { LINEAR_HEX, TANH_HEX, RELU_HEX, POS_HEX, STRAIGHT_HEX, INK_HEX, withAlpha } from '../../colors.js';
import { SWEEP_UNITS, SWEEP_ACTIVATIONS } from '../universal.js';

// The sweep: hidden units 1, 2, 4, ..., 64, for each of these activations.
const SEEDS = [1, 2, 3, 4, 5];
const EPOCHS = 600; // the sweep stops there
const OPTS = { epochs: 1, batchSize: 10, optimizer: 'adam' };
// Adam's step shrinks as the sweep goes on, so the end of the sweep is a settled error, not noise.
const rate = (epoch) => 0.01 / (1 + epoch / 100);
const GRID = linspace(-1, 1, 161);
export const SWEEP_COLORS = { tanh: TANH_HEX, sigmoid: POS_HEX, relu: RELU_HEX, linear: LINEAR_HEX };

export function createUniversalScene(env) {
  const { engine, t } = env;
  const d = engine.dataset('sine', { n: 200, noise: 0, seed: 3 });
  const ls = engine.leastSquares(d.x, d.y, 1);
  let nets = {}, errors = {}, bySeed = {}, bestSeed = {}, epoch = 0;

  const chart = canvasPlot('sweep-chart');
  const fit = canvasPlot('sweep-fit');
  const sweepLegend = el('div', { class: 'legend' });
  const progress = el('span', { class: 'progress' });
  const overlay = el('input', { type: 'checkbox', id: 'sweepOverlay', checked: true });
  overlay.addEventListener('change', () => env.invalidate());
  const actButtons = el('div', { class: 'quick' }, SWEEP_ACTIVATIONS.map((a) => el('button', { type: 'button', class: 'chip', 'data-activation': a, style: `--c:${SWEEP_COLORS[a]}`, onclick: () => env.set({ sweepActivation: a }) })));
  const unitButtons = el('div', { class: 'quick' }, SWEEP_UNITS.map((u) => el('button', { type: 'button', class: 'chip', text: String(u), 'data-units': String(u), onclick: () => env.set({ sweepUnits: u }) })));
  const fitTitle = el('h3');
  const fitError = readout('trainLoss');
  const table = el('table', { class: 'sweep-table' });
  const tableBox = scrollBox(el('div', { class: 'table-scroll' }, table));
  const root = lessonRoot('scene-universal',
    el('section', { class: 'scene-card sweep-main' },
      el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.universal.chartTitle' }), progress),
      sweepLegend, chart.canvas, tableBox),
    el('section', { class: 'scene-card sweep-side' },
      el('div', { class: 'scene-row' }, fitTitle),
      el('div', { class: 'scene-row', 'data-control': 'sweepActivation' }, actButtons), el('div', { class: 'scene-row', 'data-control': 'sweepUnits' }, unitButtons),
      el('div', { class: 'scene-row' }, fitError.node,
        el('label', { class: 'check' }, overlay, el('span', { 'data-i18n': 'scenes.universal.overlay' }))),
      fit.canvas, el('p', { class: 'note', 'data-i18n': 'scenes.universal.fitNote' })));

  chart.canvas.addEventListener('click', (ev) => {
    // pick the nearest point of the sweep
    const S = chart.scale;
    if (!S) return;
    const r = chart.canvas.getBoundingClientRect();
    const px = ev.clientX - r.left, py = ev.clientY - r.top;
    let best = null, bestD = 24 * 24;
    for (const a of SWEEP_ACTIVATIONS) SWEEP_UNITS.forEach((u, i) => {
      const e = Math.max(errors[a][i], S.y[0]);
      const dd = (S.X(u) - px) ** 2 + (S.Y(e) - py) ** 2;
      if (dd < bestD) { bestD = dd; best = { a, u }; }
    });
    if (best) env.set({ sweepActivation: best.a, sweepUnits: best.u });
  });

  function build() {
    free();
    for (const a of SWEEP_ACTIVATIONS) {
      nets[a] = SWEEP_UNITS.map((u) => SEEDS.map((seed) => engine.createNetwork({ layers: [1, u, 1], activation: a, outputActivation: 'linear', seed })));
    }
    epoch = 0;
    measure();
  }
  function free() { for (const a of Object.keys(nets)) nets[a] = nets[a].flat(); nets = freeAll(nets); }
  // errors: per size, the lowest training error over the seeds; bySeed: every seed's.
  function measure() {
    for (const a of SWEEP_ACTIVATIONS) {
      bySeed[a] = nets[a].map((runs) => runs.map((n) => n.loss(d.x, d.y)));
      bestSeed[a] = bySeed[a].map((es) => es.indexOf(Math.min(...es)));
      errors[a] = bySeed[a].map((es, i) => es[bestSeed[a][i]]);
    }
  }
  function train(n) {
    const k = Math.min(n, EPOCHS - epoch);
    if (k <= 0) return;
    for (let e = 0; e < k; e++, epoch++) {
      const learningRate = rate(epoch);
      for (const a of SWEEP_ACTIVATIONS) for (const runs of nets[a]) for (const net of runs) net.fit(d.x, d.y, { ...OPTS, learningRate });
    }
    measure();
  }

  let legendKey = '';
  function render() {
    const state = env.state();
    const key = t('activation');
    if (key !== legendKey) {
      legendKey = key;
      sweepLegend.replaceChildren(...legend([
        ...SWEEP_ACTIVATIONS.map((a) => ({ mark: 'mark', color: SWEEP_COLORS[a], text: t(`activations.${a}`) })),
        { mark: 'mark dashed', color: STRAIGHT_HEX, text: t('scenes.universal.lsLine') },
      ]));
      for (const b of actButtons.children) b.textContent = t(`activations.${b.dataset.activation}`);
    }
    setText(progress, epoch >= EPOCHS ? t('scenes.universal.done', { epochs: EPOCHS }) : t('scenes.universal.progress', { epoch, epochs: EPOCHS }));
    // error against units, log-log
    let lo = Infinity;
    for (const a of SWEEP_ACTIVATIONS) for (const e of errors[a]) if (e > 0) lo = Math.min(lo, e);
    const low = Math.min(lo, ls.loss / 10);
    // a decade of room under the lowest point, so no point sits on the frame
    const yLo = Math.max(1e-8, 10 ** (Math.floor(Math.log10(low)) - (low < 3 * 10 ** Math.floor(Math.log10(low)) ? 1 : 0)));
    chart.frame({ x: [0.8, 80], y: [yLo, 1], logX: true, logY: true, margin: { l: 44, r: 10, t: 8, b: 22 } });
    chart.axes({ xTicks: SWEEP_UNITS, xTickLabel: String, yLabel: t('scenes.universal.errorAxis') });
    chart.line([0.8, 80], [ls.loss, ls.loss], { color: STRAIGHT_HEX, width: 1.4, dash: [6, 4] });
    for (const a of SWEEP_ACTIVATIONS) {
      const ys = errors[a].map((e) => Math.max(e, yLo));
      chart.line(SWEEP_UNITS, ys, { color: SWEEP_COLORS[a], width: a === state.sweepActivation ? 3 : 2 });
      chart.points(SWEEP_UNITS, ys, { color: SWEEP_COLORS[a], r: 3.2, stroke: '#fff' });
    }
    const pi = SWEEP_UNITS.indexOf(state.sweepUnits);
    chart.points([state.sweepUnits], [Math.max(errors[state.sweepActivation][pi], yLo)], { color: 'rgba(0,0,0,0)', r: 7, stroke: INK_HEX });
    // the table: the same numbers
    if (table.rows.length !== SWEEP_ACTIVATIONS.length + 1) {
      table.replaceChildren(el('tr', {}, el('th'), SWEEP_UNITS.map(() => el('th'))), ...SWEEP_ACTIVATIONS.map(() => el('tr', {}, el('th'), SWEEP_UNITS.map(() => el('td')))));
    }
    setText(table.rows[0].cells[0], t('scenes.universal.unitsAxis'));
    SWEEP_UNITS.forEach((u, j) => setText(table.rows[0].cells[j + 1], String(u)));
    SWEEP_ACTIVATIONS.forEach((a, i) => {
      const row = table.rows[i + 1];
      setText(row.cells[0], t(`activations.${a}`));
      row.cells[0].style.color = SWEEP_COLORS[a];
      errors[a].forEach((e, j) => setText(row.cells[j + 1], fmtLoss(e)));
    });

    // the picked network, with each unit's contribution
    const a = state.sweepActivation, u = state.sweepUnits, net = nets[a][pi][bestSeed[a][pi]];
    for (const b of actButtons.children) b.classList.toggle('selected', b.dataset.activation === a);
    for (const b of unitButtons.children) b.classList.toggle('selected', Number(b.dataset.units) === u);
    setText(fitTitle, t('scenes.universal.fitTitle', { name: t(`activations.${a}`), units: u, seed: SEEDS[bestSeed[a][pi]] }));
    fitError.set(fmtLoss(errors[a][pi]));
    fit.frame({ x: [-1.05, 1.05], y: [-1.6, 1.6], margin: { l: 30, r: 8, t: 6, b: 20 } });
    fit.axes({});
    fit.points(d.x, d.y, { color: withAlpha(POS_HEX, 0.35), r: 2.2 });
    if (overlay.checked) {
      const h = net.layerOutputs(GRID)[0];
      const w = net.getWeights()[1].W;
      const c = new Float32Array(GRID.length);
      for (let j = 0; j < u; j++) {
        for (let i = 0; i < GRID.length; i++) c[i] = w[j] * h[i * u + j];
        fit.line(GRID, c, { color: SWEEP_COLORS[a], width: 1.2, alpha: 0.45 });
      }
    }
    fit.line(GRID, net.predict(GRID), { color: SWEEP_COLORS[a], width: 2.8 });

    // the same numbers as text: the table's last column, the circled point, the fit
    const last = SWEEP_UNITS.length - 1, name = t(`activations.${a}`);
    const words = { epoch, epochs: EPOCHS, units: SWEEP_UNITS[last], ls: fmtLoss(ls.loss), name, picked: u };
    SWEEP_ACTIVATIONS.forEach((b, i) => { words[`a${i + 1}`] = t(`activations.${b}`); words[`e${i + 1}`] = fmtLoss(errors[b][last]); });
    describe(chart.canvas, t('scenes.universal.chartAria', words));
    describe(fit.canvas, t(overlay.checked ? 'scenes.universal.fitAriaParts' : 'scenes.universal.fitAria',
      { name, units: u, seed: SEEDS[bestSeed[a][pi]], err: fmtLoss(errors[a][pi]) }));
    describe(tableBox, t('scenes.universal.tableAria'));
  }

  return {
    id: 'universal', root, trains: true,
    enter: build, leave: free, update() {}, reset: build, train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, epochs: EPOCHS, done: epoch >= EPOCHS, units: SWEEP_UNITS.slice(),
      seeds: SEEDS.slice(),
      errors: Object.fromEntries(SWEEP_ACTIVATIONS.map((a) => [a, errors[a].slice()])),
      errorsBySeed: Object.fromEntries(SWEEP_ACTIVATIONS.map((a) => [a, bySeed[a].map((es) => es.slice())])),
      leastSquares: ls.loss }),
  };
}


export default {
  create: createUniversalScene,
  strings: bilingual({
    text: ['One hidden layer of a non-polynomial activation, with enough units, can approximate any continuous function on a bounded region as closely as wanted: Hornik, Stinchcombe & White (1989) for squashing functions, Leshno, Lin, Pinkus & Schocken (1993) for every non-polynomial one, ReLU included. The theorem says such weights exist, not that gradient descent finds them. Shown here: on a sine, each size trained from 5 initial weights for 600 epochs, and the lowest training error of the 5; with a linear activation every size stays at the best straight line.', '只要激活函数不是多项式、隐藏单元足够多，一个隐藏层就能在有界区域上以任意精度逼近任何连续函数，所以这样的网络被称为“通用函数逼近器”：Hornik、Stinchcombe 与 White（1989）对挤压函数证明了这一点，Leshno、Lin、Pinkus 与 Schocken（1993）推广到所有非多项式激活函数，ReLU 也在其中。定理只保证这样的权重存在，并不保证梯度下降能找到它。这里展示的是：在正弦数据上，每种规模从 5 组初始权重各训练 600 轮，取 5 次中最低的训练误差；激活函数是线性的时候，无论多少单元都停在最好的那条直线上。'],
    chartTitle: ['Lowest training error of 5 seeds after 600 epochs, against hidden units (log scales)', '5 个种子训练 600 轮后的最低训练误差与隐藏单元数（对数坐标）'],
    overlay: ['each unit’s contribution', '每个单元的贡献'],
    lsLine: ['best straight line', '最好的直线'],
    fitNote: ['Thin lines: each hidden unit’s contribution w·f(W₁x + b₁); the fit is their sum plus a bias. tanh and sigmoid give S-curves, ReLU gives hinges, linear gives lines, whose sum is one line.', '细线：每个隐藏单元的贡献 w·f(W₁x + b₁)；拟合曲线是它们的和加上偏置。tanh 与 sigmoid 给出 S 形曲线，ReLU 给出折线，线性单元给出直线，直线之和仍是一条直线。'],
    done: ['done: {epochs} epochs', '完成：{epochs} 轮'],
    progress: ['epoch {epoch} of {epochs}', '第 {epoch} / {epochs} 轮'],
    errorAxis: ['error', '误差'],
    chartAria: ['Lowest training error against hidden units, both on log scales, after {epoch} of {epochs} epochs. At {units} units: {a1} {e1}, {a2} {e2}, {a3} {e3}, {a4} {e4}; the best straight line: {ls}. Circled: {name} with {picked} units.', '最低训练误差与隐藏单元数的关系（两个坐标轴都是对数刻度），已训练 {epoch} / {epochs} 轮。{units} 个单元时：{a1} 为 {e1}，{a2} 为 {e2}，{a3} 为 {e3}，{a4} 为 {e4}；最好的直线：{ls}。圆圈标出的是 {picked} 个单元的 {name}。'],
    fitAria: ['A {name} network with {units} hidden units (seed {seed}) fitting a sine (dots): training error {err}.', '含 {units} 个隐藏单元的 {name} 网络（种子 {seed}）拟合正弦数据（圆点）：训练误差 {err}。'],
    fitAriaParts: ['A {name} network with {units} hidden units (seed {seed}) fitting a sine (dots): training error {err}; thin lines: each unit’s contribution.', '含 {units} 个隐藏单元的 {name} 网络（种子 {seed}）拟合正弦数据（圆点）：训练误差 {err}；细线是每个单元的贡献。'],
    tableAria: ['Table: lowest training error by activation and hidden units', '表：各激活函数在不同隐藏单元数下的最低训练误差'],
    fitTitle: ['{name}, {units} hidden units (seed {seed}, the best of 5)', '{name}，{units} 个隐藏单元（种子 {seed}，5 次中最好的一次）'],
  }),
};
