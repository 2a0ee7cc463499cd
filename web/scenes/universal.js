// Lesson "universal" (C13; Hornik, Stinchcombe & White 1989): one hidden layer of 1, 2, 4, ...,
// 64 units, for tanh, sigmoid, ReLU and linear, all trained together on a sine; the error of each
// against its number of units is drawn as it runs. The nonlinear curves fall; linear stays at the
// best straight line. The picked network's fit is shown with every unit's contribution
// w_j · f(W1_j x + b1_j) (layerOutputs() times the output weights): S-curves or hinges.

import { key, oneOf } from '../keys.js';
import { el, setText, fmtLoss, createPlot, linspace, lessonRoot } from './common.js';

// The sweep: hidden units 1, 2, 4, ..., 64, for each of these activations.
export const SWEEP_UNITS = [1, 2, 4, 8, 16, 32, 64];
export const SWEEP_ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'linear'];
const SEED = 5;
const EPOCHS = 600; // the sweep stops there
const OPTS = { epochs: 1, batchSize: 10, optimizer: 'adam' };
// Adam's step shrinks as the sweep goes on, so the end of the sweep is a settled error, not noise.
const rate = (epoch) => 0.01 / (1 + epoch / 100);
const GRID = linspace(-1, 1, 161);
export const SWEEP_COLORS = { tanh: '#0f8a66', sigmoid: '#0877bd', relu: '#c2410c', linear: '#6d4bb3' };

export function createUniversalScene(env) {
  const { engine, t } = env;
  const d = engine.dataset('sine', { n: 200, noise: 0, seed: 3 });
  const ls = engine.leastSquares(d.x, d.y, 1);
  let nets = {}, errors = {}, epoch = 0;

  const chartCanvas = el('canvas', { class: 'sweep-chart', role: 'img' });
  const chart = createPlot(chartCanvas);
  const fitCanvas = el('canvas', { class: 'sweep-fit', role: 'img' });
  const fit = createPlot(fitCanvas);
  const legend = el('div', { class: 'legend' });
  const progress = el('span', { class: 'progress' });
  const overlay = el('input', { type: 'checkbox', id: 'sweepOverlay', checked: true });
  overlay.addEventListener('change', () => env.invalidate());
  const actButtons = el('div', { class: 'quick' }, SWEEP_ACTIVATIONS.map((a) => el('button', { type: 'button', class: 'chip', 'data-activation': a, style: `--c:${SWEEP_COLORS[a]}`, onclick: () => env.set({ sweepActivation: a }) })));
  const unitButtons = el('div', { class: 'quick' }, SWEEP_UNITS.map((u) => el('button', { type: 'button', class: 'chip', text: String(u), 'data-units': String(u), onclick: () => env.set({ sweepUnits: u }) })));
  const fitTitle = el('h3');
  const fitError = el('span', { class: 'value' });
  const table = el('table', { class: 'sweep-table' });
  const root = lessonRoot('scene-universal',
    el('section', { class: 'scene-card sweep-main' },
      el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.universal.chartTitle' }), progress),
      legend, chartCanvas, el('div', { class: 'table-scroll' }, table)),
    el('section', { class: 'scene-card sweep-side' },
      el('div', { class: 'scene-row' }, fitTitle),
      el('div', { class: 'scene-row', 'data-control': 'sweepActivation' }, actButtons), el('div', { class: 'scene-row', 'data-control': 'sweepUnits' }, unitButtons),
      el('div', { class: 'scene-row' }, el('div', { class: 'readout' }, el('span', { class: 'label', 'data-i18n': 'trainLoss' }), fitError),
        el('label', { class: 'check' }, overlay, el('span', { 'data-i18n': 'scenes.universal.overlay' }))),
      fitCanvas, el('p', { class: 'note', 'data-i18n': 'scenes.universal.fitNote' })));

  chartCanvas.addEventListener('click', (ev) => {
    // pick the nearest point of the sweep
    const S = chart.scale;
    if (!S) return;
    const r = chartCanvas.getBoundingClientRect();
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
      nets[a] = SWEEP_UNITS.map((u) => engine.createNetwork({ layers: [1, u, 1], activation: a, outputActivation: 'linear', seed: SEED }));
    }
    epoch = 0;
    measure();
  }
  function free() { for (const a of Object.keys(nets)) for (const n of nets[a]) n.delete(); nets = {}; }
  function measure() {
    for (const a of SWEEP_ACTIVATIONS) errors[a] = nets[a].map((n) => n.loss(d.x, d.y));
  }
  function train(n) {
    const k = Math.min(n, EPOCHS - epoch);
    if (k <= 0) return;
    for (let e = 0; e < k; e++, epoch++) {
      const learningRate = rate(epoch);
      for (const a of SWEEP_ACTIVATIONS) for (const net of nets[a]) net.fit(d.x, d.y, { ...OPTS, learningRate });
    }
    measure();
  }

  let legendKey = '';
  function render() {
    const state = env.state();
    const key = t('activation');
    if (key !== legendKey) {
      legendKey = key;
      legend.replaceChildren(...SWEEP_ACTIVATIONS.map((a) => el('span', { class: 'item', style: `--c:${SWEEP_COLORS[a]}` }, el('span', { class: 'mark' }), el('span', { text: t(`activations.${a}`) }))),
        el('span', { class: 'item', style: '--c:#8a919b' }, el('span', { class: 'mark dashed' }), el('span', { text: t('scenes.universal.lsLine') })));
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
    chart.line([0.8, 80], [ls.loss, ls.loss], { color: '#8a919b', width: 1.4, dash: [6, 4] });
    for (const a of SWEEP_ACTIVATIONS) {
      const ys = errors[a].map((e) => Math.max(e, yLo));
      chart.line(SWEEP_UNITS, ys, { color: SWEEP_COLORS[a], width: a === state.sweepActivation ? 3 : 2 });
      chart.points(SWEEP_UNITS, ys, { color: SWEEP_COLORS[a], r: 3.2, stroke: '#fff' });
    }
    const pi = SWEEP_UNITS.indexOf(state.sweepUnits);
    chart.points([state.sweepUnits], [Math.max(errors[state.sweepActivation][pi], yLo)], { color: 'rgba(0,0,0,0)', r: 7, stroke: '#1d1f23' });
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
    const a = state.sweepActivation, u = state.sweepUnits, net = nets[a][pi];
    for (const b of actButtons.children) b.classList.toggle('selected', b.dataset.activation === a);
    for (const b of unitButtons.children) b.classList.toggle('selected', Number(b.dataset.units) === u);
    setText(fitTitle, t('scenes.universal.fitTitle', { name: t(`activations.${a}`), units: u }));
    setText(fitError, fmtLoss(errors[a][pi]));
    fit.frame({ x: [-1.05, 1.05], y: [-1.6, 1.6], margin: { l: 30, r: 8, t: 6, b: 20 } });
    fit.axes({});
    fit.points(d.x, d.y, { color: 'rgba(8,119,189,0.35)', r: 2.2 });
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
  }

  return {
    id: 'universal', root, trains: true,
    enter: build, leave: free, update() {}, reset: build, train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, epochs: EPOCHS, done: epoch >= EPOCHS, units: SWEEP_UNITS.slice(),
      errors: Object.fromEntries(SWEEP_ACTIVATIONS.map((a) => [a, errors[a].slice()])), leastSquares: ls.loss }),
  };
}

export default {
  id: 'universal',
  order: 7,
  keys: {
    sweepActivation: key({ default: 'tanh', parse: oneOf(SWEEP_ACTIVATIONS), values: SWEEP_ACTIVATIONS.map((a) => `\`${a}\``).join(' '),
      doc: 'the network shown beside the sweep: its activation' }),
    sweepUnits: key({ default: 8, parse: oneOf(SWEEP_UNITS), values: SWEEP_UNITS.join(', '), doc: 'the network shown beside the sweep: its hidden units' }),
  },
  controls: [
    { key: 'sweepActivation', kind: 'custom', label: 'activation' },
    { key: 'sweepUnits', kind: 'custom', label: 'scenes.universal.unitsAxis' },
  ],
  figures: ['epoch', 'epochs', 'done', 'units', 'errors', 'leastSquares'],
  strings: {
    en: {
      title: 'Universal approximation',
      text: 'With nonlinear hidden units, one hidden layer can approximate any continuous function as closely as wanted, given enough units (Hornik, Stinchcombe & White 1989). All 28 networks train together on a sine: the error of tanh, sigmoid and ReLU falls with units; linear stays at the best straight line.',
      chartTitle: 'Training error against hidden units (log scales)',
      overlay: 'each unit’s contribution', lsLine: 'best straight line',
      fitNote: 'Thin lines: each hidden unit’s contribution w·f(W₁x + b₁); the fit is their sum plus a bias. tanh and sigmoid give S-curves, ReLU gives hinges, linear gives lines, whose sum is one line.',
      done: 'done: {epochs} epochs', progress: 'epoch {epoch} of {epochs}',
      unitsAxis: 'hidden units', errorAxis: 'error',
      fitTitle: '{name}, {units} hidden units',
    },
    zh: {
      title: '万能逼近',
      text: '隐藏单元是非线性的时候，只要单元足够多，一个隐藏层就能以任意精度逼近任何连续函数（Hornik、Stinchcombe 与 White，1989）。28 个网络同时在正弦数据上训练：tanh、sigmoid 和 ReLU 的误差随单元数下降；线性网络始终停在最好的直线上。',
      chartTitle: '训练误差与隐藏单元数（对数坐标）',
      overlay: '每个单元的贡献', lsLine: '最好的直线',
      fitNote: '细线：每个隐藏单元的贡献 w·f(W₁x + b₁)；拟合曲线是它们的和加上偏置。tanh 与 sigmoid 给出 S 形曲线，ReLU 给出折线，线性单元给出直线，直线之和仍是一条直线。',
      done: '完成：{epochs} 轮', progress: '第 {epoch} / {epochs} 轮',
      unitsAxis: '隐藏单元数', errorAxis: '误差',
      fitTitle: '{name}，{units} 个隐藏单元',
    },
  },
  create: createUniversalScene,
};
