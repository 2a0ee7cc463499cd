// The view of lesson "warp", declared in web/scenes/warp.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { activation } from '../../keys.js';
import { el, setText, fmtLoss, fmtPct, canvasPlot, lessonRoot, legend, describe } from '../common.js';
import { createNetCard, accuracyOf } from '../netview.js';
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

export default createWarpScene;
