// The view of lesson "squashing", declared in web/scenes/squashing.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, fmt, fmtSci, createPlot, linspace, lessonRoot, legend, readout, card, describe, bilingual } from '../common.js';

const SAMPLES = 401;
const COLORS = { tanh: '#0f8a66', sigmoid: '#0877bd', rescaled: '#1d1f23' };

function createSquashingScene(env) {
  const { engine, t } = env;
  const canvas = el('canvas', { class: 'act-big', role: 'img' });
  const plot = createPlot(canvas);
  const gap = readout('scenes.squashing.gap', { big: true });
  const limits = readout('scenes.squashing.limits');
  const range = el('input', { type: 'range', min: '1', max: '10', step: '1', id: 'squashRange' });
  const rangeOut = el('output');
  range.addEventListener('input', () => { rangeOut.value = `±${range.value}`; });
  range.addEventListener('change', () => env.set({ squashRange: Number(range.value) }));
  const root = lessonRoot('scene-squashing',
    card('scenes.squashing.plotTitle', [
      el('div', { class: 'scene-row' },
        el('div', { class: 'legend' }, legend([
          { mark: 'mark', color: COLORS.sigmoid, text: 'σ(x)' },
          { mark: 'mark', color: COLORS.tanh, text: 'tanh(x)' },
          { mark: 'mark dashed', color: COLORS.rescaled, text: '2σ(2x) − 1' },
        ])),
        el('label', { class: 'field range inline', 'data-control': 'squashRange' },
          el('span', {}, el('span', { 'data-i18n': 'scenes.squashing.range' }), ' ', rangeOut), range)),
      canvas,
      el('div', { class: 'readouts' }, gap.node, limits.node),
      el('p', { class: 'note', 'data-i18n': 'scenes.squashing.note' }),
    ]));

  let curves = null;
  function compute(r) {
    if (curves?.r === r) return curves;
    const x = linspace(-r, r, SAMPLES);
    const tanh = engine.activationCurve('tanh', x).value;
    const sigmoid = engine.activationCurve('sigmoid', x).value;
    const rescaled = engine.activationCurve('sigmoid', x.map((v) => 2 * v)).value.map((v) => 2 * v - 1);
    let maxGap = 0;
    for (let i = 0; i < SAMPLES; i++) maxGap = Math.max(maxGap, Math.abs(tanh[i] - rescaled[i]));
    curves = { r, x, tanh, sigmoid, rescaled, maxGap, ends: { tanh: [tanh[0], tanh[SAMPLES - 1]], sigmoid: [sigmoid[0], sigmoid[SAMPLES - 1]] } };
    return curves;
  }

  function render() {
    const state = env.state();
    const c = compute(state.squashRange);
    if (range.value !== String(state.squashRange)) range.value = String(state.squashRange);
    rangeOut.value = `±${state.squashRange}`;
    plot.frame({ x: [-c.r, c.r], y: [-1.15, 1.15] });
    plot.axes({ xLabel: 'x' });
    plot.line(c.x, c.sigmoid, { color: COLORS.sigmoid });
    plot.line(c.x, c.tanh, { color: COLORS.tanh, width: 4, alpha: 0.6 });
    plot.line(c.x, c.rescaled, { color: COLORS.rescaled, width: 1.5, dash: [5, 4] });
    const ends = { r: c.r, s0: fmt(c.ends.sigmoid[0], 3), s1: fmt(c.ends.sigmoid[1], 3), t0: fmt(c.ends.tanh[0], 3), t1: fmt(c.ends.tanh[1], 3) };
    gap.set(fmtSci(c.maxGap, 1));
    limits.set(t('scenes.squashing.limitsValue', ends));
    describe(canvas, t('scenes.squashing.plotAria', { ...ends, gap: fmtSci(c.maxGap, 1) }));
  }

  return {
    id: 'squashing', root, trains: false,
    enter() { curves = null; }, leave() {}, update() {}, reset() {}, train() {}, render,
    epoch: () => 0,
    figures() {
      const c = compute(env.state().squashRange);
      return { range: c.r, maxGap: c.maxGap, sigmoidEnds: c.ends.sigmoid.slice(), tanhEnds: c.ends.tanh.slice() };
    },
  };
}


export default {
  create: createSquashingScene,
  strings: bilingual({
    text: ['Hornik, Stinchcombe & White (1989) call an activation “squashing” when it never decreases and runs from 0 (far left) to 1 (far right): the sigmoid and the step are. tanh runs from −1 to 1, so strictly it is not, but it is the sigmoid moved and stretched: tanh(x) = 2σ(2x) − 1, and a network of tanh units can do whatever one of sigmoid units can.', 'Hornik、Stinchcombe 和 White（1989）把单调不减、从最左边的 0 变到最右边的 1 的激活函数称为“挤压函数”：sigmoid 和阶跃函数都是。tanh 的取值从 −1 到 1，严格说不算，但它只是把 sigmoid 平移、拉伸了一下：tanh(x) = 2σ(2x) − 1，所以 tanh 单元组成的网络能做到的，sigmoid 网络同样能做到。'],
    idleHint: ['Nothing trains in this lesson: change the range to look further out.', '本课没有训练：改变范围，看看更远处的取值。'],
    plotTitle: ['The engine’s sigmoid and tanh, and the sigmoid moved and stretched', '引擎计算的 sigmoid、tanh，以及平移拉伸后的 sigmoid'],
    plotAria: ['The sigmoid and tanh for x from −{r} to {r}, with 2σ(2x) − 1 dashed on top of tanh: the two never differ by more than {gap}. σ runs from {s0} to {s1}, tanh from {t0} to {t1}.', 'x 从 −{r} 到 {r} 上的 sigmoid 和 tanh，虚线 2σ(2x) − 1 与 tanh 重合：两者最多相差 {gap}。σ 从 {s0} 变到 {s1}，tanh 从 {t0} 变到 {t1}。'],
    gap: ['largest |tanh(x) − (2σ(2x) − 1)|', '|tanh(x) − (2σ(2x) − 1)| 的最大值'],
    limits: ['values at x = ±r', 'x = ±r 处的取值'],
    limitsValue: ['σ from {s0} to {s1} · tanh from {t0} to {t1} (r = {r})', 'σ 从 {s0} 到 {s1} · tanh 从 {t0} 到 {t1}（r = {r}）'],
    note: ['Both curves are computed by the engine in single precision, so the two sides agree to about 10⁻⁷, not exactly.', '两条曲线都由引擎以单精度计算，所以两边只相差约 10⁻⁷，并非完全相等。'],
  }),
};
