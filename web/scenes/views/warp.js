// The view of lesson "warp", declared in web/scenes/warp.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { activation } from '../../keys.js';
import { el, setText, fmtLoss, fmtPct, canvasPlot, lessonRoot, legend, describe, bilingual } from '../common.js';
import { createNetCard, accuracyOf } from '../netcard.js';
import { makeData, taskFor } from '../../model.js';
import { NEG_HEX, POS_HEX, LINEAR_HEX, TANH_HEX, INK_HEX, withAlpha } from '../../colors.js';

const SEED = 1;
const DATA = { dataset: 'moons', noise: 0, percTrainData: 50, seed: 3 };
const OPTS = { batchSize: 10, learningRate: 0.03 };
const LINES = 13; // grid lines per direction, x = -6, -5, ..., 6
const STEPS = 61; // points per grid line
const ACTS = ['tanh', 'linear', 'relu', 'sigmoid', 'affine', 'leaky_relu', 'softplus', 'swish', 'sine', 'step'];
const H_COLOR = withAlpha(LINEAR_HEX, 0.55);
const V_COLOR = withAlpha(TANH_HEX, 0.55);

export function createWarpScene(env) {
  const { engine, t } = env;
  const data = makeData(engine, DATA);
  const task = taskFor(data.kind, { outputActivation: 'auto' }, data.all);
  // the points pushed through the layer: every grid line, then every data point
  const d = data.domain, per = LINES * STEPS;
  const pts = new Float32Array((2 * per + data.all.y.length) * 2);
  for (let l = 0; l < LINES; l++) {
    const c = -d + (2 * d * l) / (LINES - 1);
    for (let s = 0; s < STEPS; s++) {
      const v = -d + (2 * d * s) / (STEPS - 1);
      const h = (l * STEPS + s) * 2, vv = (per + l * STEPS + s) * 2;
      pts[h] = v; pts[h + 1] = c; // horizontal line x2 = c
      pts[vv] = c; pts[vv + 1] = v; // vertical line x1 = c
    }
  }
  pts.set(data.all.x, 4 * per);
  const nData = data.all.y.length;
  let net = null, epoch = 0, loss = NaN, accuracy = NaN, activation = null, animT = null, lastView = null;

  const plot = canvasPlot('warp-plot');
  const slider = el('input', { type: 'range', min: '0', max: '2', step: '0.01', id: 'warpMorph', class: 'morph' });
  slider.addEventListener('input', () => { animT = Number(slider.value); env.invalidate(); });
  slider.addEventListener('change', () => { animT = null; env.set({ warpMorph: Number(slider.value) }); });
  const animate = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.warp.animate', onclick: () => {
    const t0 = performance.now();
    const tick = (now) => {
      const k = Math.min(1, (now - t0) / 2400);
      animT = 2 * (0.5 - 0.5 * Math.cos(Math.PI * k));
      env.invalidate();
      if (k < 1) requestAnimationFrame(tick); else { animT = null; env.set({ warpMorph: 2 }); env.invalidate(); }
    };
    requestAnimationFrame(tick);
  } });
  const stageText = el('p', { class: 'stage' });
  // a name of its own: narrow screens and embeds hide the visible label beside it (CSS)
  const actSelect = el('select', { id: 'warpActivation', 'data-i18n-aria': 'scenes.warp.actAria' });
  actSelect.addEventListener('change', () => env.set({ warpActivation: actSelect.value }));
  const card = createNetCard({ accent: TANH_HEX,
    headExtra: [el('label', { class: 'act-field', 'data-control': 'warpActivation' }, el('span', { 'data-i18n': 'activation' }), actSelect)] });
  const root = lessonRoot('scene-warp',
    el('section', { class: 'scene-card warp-main' },
      el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.warp.plotTitle' }),
        el('div', { class: 'legend' }, legend([
          { mark: 'mark', color: H_COLOR, text: 'x₂ = …' },
          { mark: 'mark', color: V_COLOR, text: 'x₁ = …' },
          { mark: 'dot', color: POS_HEX, text: '+1' },
          { mark: 'dot', color: NEG_HEX, text: '−1' },
        ]))),
      plot.canvas,
      el('div', { class: 'morph-row', 'data-control': 'warpMorph' }, slider,
        el('div', { class: 'morph-labels' }, el('span', { 'data-i18n': 'scenes.warp.stage0' }), el('span', { text: 'Wx + b' }), el('span', { text: 'f(Wx + b)' }))),
      el('div', { class: 'scene-row' }, animate, stageText)),
    card.node);

  function build(state) {
    net?.delete();
    activation = state.warpActivation;
    net = engine.createNetwork({ layers: [2, 2, 1], activation, outputActivation: task.outputActivation, loss: 'mse', seed: SEED });
    epoch = 0;
    measure();
  }
  function measure() {
    loss = net.loss(data.train.x, data.train.y);
    accuracy = accuracyOf(net.predict(data.all.x), data.all.y, task.centre);
  }
  function train(n) {
    net.fit(data.train.x, data.train.y, { ...OPTS, epochs: n });
    epoch += n;
    measure();
  }

  function render() {
    const state = env.state();
    const morph = animT ?? state.warpMorph;
    if (animT === null && slider.value !== String(state.warpMorph)) slider.value = String(state.warpMorph);
    if (actSelect.options.length !== ACTS.length || actSelect.dataset.lang !== state.lang) {
      actSelect.replaceChildren(...ACTS.filter((a) => engine.activations.includes(a)).map((a) => el('option', { value: a, text: t(`activations.${a}`) })));
      actSelect.dataset.lang = state.lang;
    }
    if (actSelect.value !== activation) actSelect.value = activation;
    // two engine calls for the whole picture: Z = Wx + b and A = f(Z) of the hidden layer
    const Z = net.layerOutputs(pts, { pre: true })[0];
    const A = net.layerOutputs(pts)[0];
    const P = new Float32Array(pts.length);
    const a = morph <= 1 ? morph : morph - 1;
    const from = morph <= 1 ? pts : Z, to = morph <= 1 ? Z : A;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < P.length; i += 2) {
      const px = from[i] + (to[i] - from[i]) * a, py = from[i + 1] + (to[i + 1] - from[i + 1]) * a;
      P[i] = px; P[i + 1] = py;
      if (px < x0) x0 = px; if (px > x1) x1 = px; if (py < y0) y0 = py; if (py > y1) y1 = py;
    }
    const padX = 0.06 * Math.max(1e-3, x1 - x0), padY = 0.06 * Math.max(1e-3, y1 - y0);
    lastView = { x: [x0 - padX, x1 + padX], y: [y0 - padY, y1 + padY] };
    // each axis fitted on its own: an axis scaling keeps lines straight and parallels parallel
    plot.frame({ ...lastView, margin: { l: 34, r: 8, t: 6, b: 20 } });
    plot.axes({ zero: true });
    plot.clip((c) => {
      const { X, Y } = plot.scale;
      c.lineWidth = 1.2;
      for (const [off, color] of [[0, H_COLOR], [per, V_COLOR]]) {
        c.strokeStyle = color;
        c.beginPath();
        for (let l = 0; l < LINES; l++) {
          for (let s = 0; s < STEPS; s++) {
            const k = (off + l * STEPS + s) * 2;
            if (s === 0) c.moveTo(X(P[k]), Y(P[k + 1])); else c.lineTo(X(P[k]), Y(P[k + 1]));
          }
        }
        c.stroke();
      }
    });
    const colors = Array.from(data.all.y, (v) => (v > 0 ? POS_HEX : NEG_HEX));
    plot.points(P.subarray(4 * per), P.subarray(4 * per), { n: nData, xStride: 2, yStride: 2, yOffset: 1, colors, r: 2.6, stroke: '#fff' });
    // in the hidden layer's space the output unit is one straight line: w·h + b = centre
    if (morph > 1.5) {
      const { W, b } = net.getWeights()[1];
      const c = task.outputActivation === 'tanh' || task.outputActivation === 'linear' ? 0 : null;
      if (c !== null) {
        const [w1, w2] = W, S = plot.scale;
        const ends = [];
        if (Math.abs(w2) > 1e-9) for (const xv of S.x) ends.push([xv, (c - b[0] - w1 * xv) / w2]);
        else if (Math.abs(w1) > 1e-9) for (const yv of S.y) ends.push([(c - b[0] - w2 * yv) / w1, yv]);
        if (ends.length === 2) plot.line(ends.map((e) => e[0]), ends.map((e) => e[1]), { color: INK_HEX, width: 2, alpha: Math.min(1, (morph - 1.5) * 2), dash: [7, 4] });
      }
    }
    const stage = morph < 0.05 ? 0 : morph < 0.95 ? 1 : morph < 1.05 ? 2 : morph < 1.95 ? 3 : 4;
    const name = t(`activations.${activation}`), straight = ['linear', 'affine'].includes(activation);
    setText(stageText, t(`scenes.warp.stageText${stage}`, { name }));
    setText(card.name, t('scenes.warp.netTitle'));
    card.draw(net, data, task);
    setText(card.stats, `${t('trainLoss')} ${fmtLoss(loss)} · ${t('scenes.warp.accuracy')} ${fmtPct(accuracy)}`);
    setText(card.caption, t(straight ? 'scenes.warp.captionLinear' : 'scenes.warp.captionNonlinear', { name }));
    // the picture and the slider as they are now: the stage of the morph, the network's accuracy
    const words = { name, acc: fmtPct(accuracy), loss: fmtLoss(loss), pct: Math.round(100 * a) };
    describe(plot.canvas, t(`scenes.warp.plotAria${stage}${stage === 4 && straight ? 'Straight' : ''}`, words));
    describe(slider, t('scenes.warp.morphAria'));
    const valueText = t(`scenes.warp.morphValue${stage}`, words);
    if (slider.getAttribute('aria-valuetext') !== valueText) slider.setAttribute('aria-valuetext', valueText);
    describe(card.box, t(straight ? 'scenes.warp.boxAriaStraight' : 'scenes.warp.boxAria', words));
  }

  return {
    id: 'warp', root, trains: true,
    enter: build,
    leave() { net?.delete(); net = null; },
    update(state, changed) { if (changed.includes('warpActivation')) build(state); },
    reset() { build(env.state()); },
    train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, activation, morph: env.state().warpMorph, loss, accuracy, view: lastView }),
  };
}


export default {
  create: createWarpScene,
  strings: bilingual({
    text: ['A hidden layer maps the input plane to a new plane: first x·W + b (x a row vector, as in the thread), which keeps straight lines straight and parallel lines parallel, then f. Under tanh the grid bends until one straight line, the output unit’s, separates the two classes.', '隐藏层把输入平面映射成一个新平面：先算 x·W + b（与原帖一样，x 是行向量），这一步直线仍是直线、平行线仍然平行；然后再经过 f。用 tanh 时网格被弯曲，弯到一定程度，一条直线（输出单元的决策线）就能把两类分开。'],
    stage0: ['x (identity)', 'x（恒等）'],
    plotTitle: ['A grid of lines and the data, through the 2-unit hidden layer', '一组网格线和数据，经过含 2 个单元的隐藏层'],
    stageText0: ['The input plane: x₁ and x₂ as they are.', '输入平面：x₁ 和 x₂ 本身。'],
    stageText1: ['Moving to x·W + b: an affine map moves, turns and stretches the grid, but lines stay straight and parallel lines stay parallel.', '变到 x·W + b：仿射映射会平移、旋转、拉伸网格，但直线仍是直线，平行线仍然平行。'],
    stageText2: ['z = x·W + b: still a grid of straight, parallel lines. No straight line separates what was not separable before.', 'z = x·W + b：仍是由平行直线组成的网格。原来分不开的，现在依然没有直线能分开。'],
    stageText3: ['Applying {name} to each coordinate of z.', '对 z 的每个坐标施加 {name}。'],
    stageText4: ['h = {name}(x·W + b), the hidden layer’s output. Dashed: where the output unit’s w·h + b = 0, its decision line.', 'h = {name}(x·W + b)，隐藏层的输出。虚线：输出单元 w·h + b = 0 的位置，即它的决策线。'],
    plotAria0: ['The input plane: a square grid of straight lines and the data, two interleaved half-moons (+1 blue, −1 orange). The network’s accuracy: {acc}.', '输入平面：由直线组成的方格网，以及数据——两个相互交错的半月形（+1 为蓝色，−1 为橙色）。网络的准确率：{acc}。'],
    plotAria1: ['The grid and the data on their way from x to x·W + b ({pct}% of the way): lines stay straight, parallel lines parallel. The network’s accuracy: {acc}.', '网格和数据正从 x 变向 x·W + b（已完成 {pct}%）：直线仍是直线，平行线仍然平行。网络的准确率：{acc}。'],
    plotAria2: ['The grid and the data after x·W + b: still a grid of straight, parallel lines, and the two classes are no easier to separate with a straight line than before. The network’s accuracy: {acc}.', '经过 x·W + b 之后的网格和数据：仍是由平行直线组成的网格，两类数据并没有因此更容易被一条直线分开。网络的准确率：{acc}。'],
    plotAria3: ['The grid and the data on their way from x·W + b to {name}(x·W + b) ({pct}% of the way). The network’s accuracy: {acc}.', '网格和数据正从 x·W + b 变向 {name}(x·W + b)（已完成 {pct}%）。网络的准确率：{acc}。'],
    plotAria4: ['The grid and the data after {name}(x·W + b), the hidden layer’s output; dashed: the output unit’s decision line. The network’s accuracy: {acc}.', '经过 {name}(x·W + b) 之后的网格和数据，也就是隐藏层的输出；虚线是输出单元的决策线。网络的准确率：{acc}。'],
    plotAria4Straight: ['The grid and the data after {name}(x·W + b), the hidden layer’s output: still a grid of straight lines; dashed: the output unit’s decision line. The network’s accuracy: {acc}.', '经过 {name}(x·W + b) 之后的网格和数据，也就是隐藏层的输出：仍是由直线组成的网格；虚线是输出单元的决策线。网络的准确率：{acc}。'],
    actAria: ['Hidden layer activation', '隐藏层的激活函数'],
    morphAria: ['Morph: from x through x·W + b to f(x·W + b)', '变形：从 x 经过 x·W + b 到 f(x·W + b)'],
    morphValue0: ['x, the input', 'x，即输入'],
    morphValue1: ['{pct}% of the way from x to x·W + b', '从 x 到 x·W + b，已完成 {pct}%'],
    morphValue2: ['x·W + b', 'x·W + b'],
    morphValue3: ['{pct}% of the way from x·W + b to {name}(x·W + b)', '从 x·W + b 到 {name}(x·W + b)，已完成 {pct}%'],
    morphValue4: ['{name}(x·W + b)', '{name}(x·W + b)'],
    boxAria: ['The 2-2-1 network’s output on the input plane, with the data: accuracy {acc}, training loss {loss}.', '2-2-1 网络在输入平面上的输出和数据：准确率 {acc}，训练损失 {loss}。'],
    boxAriaStraight: ['The 2-2-1 network’s output on the input plane, with the data: with a {name} hidden layer its boundary is a straight line; accuracy {acc}, training loss {loss}.', '2-2-1 网络在输入平面上的输出和数据：隐藏层是 {name}，所以边界是一条直线；准确率 {acc}，训练损失 {loss}。'],
    netTitle: ['The 2-2-1 network on the input plane', '2-2-1 网络在输入平面上'],
    accuracy: ['accuracy', '准确率'],
    captionLinear: ['A {name} hidden layer: the grid stays straight, and the output unit sees a moved plane, so its boundary on the input plane is a straight line.', '{name} 隐藏层：网格保持笔直，输出单元看到的只是移动过的平面，所以它在输入平面上的边界是一条直线。'],
    captionNonlinear: ['{name} bends the grid; a straight line in the hidden plane is a curve on the input plane.', '{name} 把网格弯曲；隐藏平面中的一条直线，在输入平面上是一条曲线。'],
  }),
};
