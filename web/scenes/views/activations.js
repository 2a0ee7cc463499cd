// The view of lesson "activations", declared in web/scenes/activations.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { key, activation } from '../../keys.js';
import { el, setText, fmt, fmtSci, canvasPlot, linspace, card, lessonRoot, legend, describe, decorative, scrollBox, bilingual } from '../common.js';
import { POS_HEX, NEG_HEX, INK_HEX } from '../../colors.js';

const F_COLOR = POS_HEX;
const D_COLOR = NEG_HEX;
const SAMPLES = 241; // points per curve: x = 0 falls on a sample
// The thread's example vector (answer 1): np.random.rand(10), rounded.
const THREAD_VECTOR = [0.94, 0.61, 0.65, 0, 0.77, 0.99, 0.35, 0.81, 0.46, 0.59];
// The definition of linearity, checked on the selected activation: f(a + b) = f(a) + f(b) and
// f(k·b) = k·f(b). These a, b, k make every activation of the engine but `linear` fail at least
// one (the step passes additivity here; tanh and sine, being odd, need a k other than −1).
export const LINEARITY = Object.freeze({ a: -1, b: 2, k: -2 });
// Equal up to float32 rounding of the engine's values.
const same = (u, v) => Math.abs(u - v) <= 1e-6 * Math.max(1, Math.abs(u), Math.abs(v));
// Where an activation's mathematical range is open, a bound shown can only come from float32
// rounding (saturation), not from the function.
const OPEN_BOUNDS = { tanh: { lo: -1, hi: 1 }, sigmoid: { lo: 0, hi: 1 }, softplus: { lo: 0 } };

export function createActivationsScene(env) {
  const { engine, t } = env;
  const names = engine.activations.slice();
  let vector = Float32Array.from(THREAD_VECTOR);
  let curves = null, key = '', check = null, vecOut = null, lin = null;

  // --- DOM
  const tiles = names.map((name) => {
    // the thumbnail is decorative: the button's name says the activation and its range
    const plot = canvasPlot('act-plot');
    decorative(plot.canvas);
    const title = el('span', { class: 'act-name' });
    const range = el('span', { class: 'act-range' });
    const tile = el('button', { type: 'button', class: 'act-tile', 'data-activation': name, onclick: () => env.set({ curve: name }) },
      el('span', { class: 'act-tile-head' }, title, ' ', range), plot.canvas);
    return { name, plot, title, range, tile };
  });
  const big = canvasPlot('act-big');
  const bigTitle = el('span', { class: 'big-title' });
  const curveLegend = el('div', { class: 'legend' }, legend([
    { mark: 'mark', color: F_COLOR, text: 'f(x)' },
    { mark: 'mark dashed', color: D_COLOR, text: 'f′(x)' },
    { mark: 'dot', color: INK_HEX, label: 'scenes.activations.vectorDots' },
  ]));
  const rangeInput = el('input', { type: 'range', min: '0.5', max: '10', step: '0.5', id: 'curveRange' });
  const rangeOut = el('output');
  rangeInput.addEventListener('input', () => { rangeOut.value = `±${rangeInput.value}`; });
  rangeInput.addEventListener('change', () => env.set({ curveRange: Number(rangeInput.value) }));
  const newVector = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.activations.newVector', onclick: () => {
    const r = env.state().curveRange;
    vector = Float32Array.from({ length: 10 }, () => Math.round((Math.random() * 2 - 1) * r * 100) / 100);
    env.invalidate();
  } });
  const threadVector = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.activations.threadVector', onclick: () => {
    vector = Float32Array.from(THREAD_VECTOR);
    env.invalidate();
  } });
  const table = el('table', { class: 'vec-table' });
  const tableBox = scrollBox(el('div', { class: 'table-scroll' }, table));
  const rows = ['x', 'f', 'd'].map((k) => {
    const head = el('th', { scope: 'row' });
    const cells = Array.from({ length: 10 }, () => el('td'));
    table.append(el('tr', { class: `row-${k}` }, head, ...cells));
    return { head, cells };
  });
  const checkLine = el('p', { class: 'note' });
  const linTable = el('table', { class: 'lin-table' });
  const linRows = ['add', 'hom'].map(() => {
    const cells = [el('td'), el('td', { class: 'lin-rel' }), el('td')];
    linTable.append(el('tr', {}, ...cells));
    return cells;
  });
  const linBox = scrollBox(el('div', { class: 'lin-scroll' }, linTable));
  const linVerdict = el('p', { class: 'note lin-verdict' });
  const rangeLine = el('p', { class: 'note' });

  const root = lessonRoot('scene-activations',
    card('scenes.activations.gallery', [
      el('div', { class: 'scene-row' },
        el('label', { class: 'field range inline', 'data-control': 'curveRange' }, el('span', {}, el('span', { 'data-i18n': 'scenes.activations.range' }), ' ', rangeOut), rangeInput)),
      el('div', { class: 'act-gallery', 'data-control': 'curve' }, tiles.map((x) => x.tile)),
    ], { className: 'act-gallery-card' }),
    card('scenes.activations.selected', [
      el('div', { class: 'act-detail' },
        el('div', { class: 'act-big-wrap' }, el('div', { class: 'scene-row' }, bigTitle, curveLegend), big.canvas),
        el('div', { class: 'act-vector' },
          el('p', { class: 'note', 'data-i18n': 'scenes.activations.vectorIntro' }),
          tableBox,
          el('div', { class: 'scene-row' }, threadVector, newVector),
          rangeLine, checkLine,
          el('div', { class: 'lin-check' }, el('h4', { 'data-i18n': 'scenes.activations.linTitle' }), linBox, linVerdict))),
    ], { className: 'act-detail-card' }),
  );

  // --- numbers (from the engine)
  function compute(state) {
    const r = state.curveRange, k = `${r}`;
    if (k !== key) {
      key = k;
      const xs = linspace(-r, r, SAMPLES);
      curves = { xs, byName: {} };
      for (const name of names) {
        const c = engine.activationCurve(name, xs);
        let lo = Infinity, hi = -Infinity, dlo = Infinity, dhi = -Infinity;
        for (const v of c.value) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        for (const v of c.derivative) if (Number.isFinite(v)) { dlo = Math.min(dlo, v); dhi = Math.max(dhi, v); }
        curves.byName[name] = { ...c, lo, hi, dlo, dhi };
      }
      // f' against (f(x + h) - f(x - h)) / 2h on the same points, away from the kinks at 0
      const h = 1e-2, pts = Array.from(xs).filter((x) => Math.abs(x) > 2 * h);
      const plus = Float32Array.from(pts, (x) => x + h), minus = Float32Array.from(pts, (x) => x - h);
      const at = Float32Array.from(pts);
      check = {};
      for (const name of names) {
        const fp = engine.activationCurve(name, plus).value, fm = engine.activationCurve(name, minus).value;
        const d = engine.activationCurve(name, at).derivative;
        let err = 0;
        for (let i = 0; i < pts.length; i++) {
          // float32 differences: compare on the scale of the derivative
          const fd = (fp[i] - fm[i]) / (Math.fround(pts[i] + h) - Math.fround(pts[i] - h));
          err = Math.max(err, Math.abs(fd - d[i]) / Math.max(1, Math.abs(d[i])));
        }
        check[name] = err;
      }
    }
    vecOut = engine.activationCurve(state.curve, vector);
    lin = linearityOf(state.curve);
  }

  // f(a), f(b), f(a + b), f(k·b) from the engine, and whether the two identities hold.
  function linearityOf(name) {
    const { a, b, k } = LINEARITY;
    const [fa, fb, fab, fkb] = Array.from(engine.activationCurve(name, [a, b, a + b, k * b]).value);
    return { a, b, k, fa, fb, fab, fkb, sum: fa + fb, scaled: k * fb, additive: same(fab, fa + fb), homogeneous: same(fkb, k * fb) };
  }

  function drawCurve(plot, name, { bigPlot }) {
    const { xs } = curves, c = curves.byName[name];
    const lo = Math.min(c.lo, ...Array.from(c.derivative).filter(Number.isFinite), -0.2);
    const hi = Math.max(c.hi, ...Array.from(c.derivative).filter(Number.isFinite), 1.1);
    const span = hi - lo;
    const yr = bigPlot ? [lo - 0.08 * span, hi + 0.08 * span] : [lo - 0.12 * span, hi + 0.12 * span];
    plot.frame({ x: [xs[0], xs[xs.length - 1]], y: yr, margin: bigPlot ? { l: 36, r: 10, t: 8, b: 20 } : { l: 4, r: 4, t: 4, b: 4 } });
    plot.axes(bigPlot ? {} : { xTicks: [], yTicks: [], zero: true });
    // f breaks where it jumps (step): no vertical segment drawn through the jump
    const v = Float32Array.from(c.value);
    for (let i = 1; i < v.length; i++) {
      if (Math.abs(v[i] - v[i - 1]) > 0.25 * span && Math.abs(c.derivative[i]) < 1e-6) v[i - 1] = NaN;
    }
    plot.line(xs, c.derivative, { color: D_COLOR, width: bigPlot ? 2 : 1.6, dash: [5, 3] });
    plot.line(xs, v, { color: F_COLOR, width: bigPlot ? 2.6 : 2 });
  }

  function render(state) {
    compute(state);
    const sel = state.curve;
    if (rangeInput.value !== String(state.curveRange)) rangeInput.value = String(state.curveRange);
    rangeOut.value = `±${state.curveRange}`;
    for (const tile of tiles) {
      setText(tile.title, t(`activations.${tile.name}`));
      const c = curves.byName[tile.name];
      setText(tile.range, `[${fmt(c.lo, 2)}, ${fmt(c.hi, 2)}]`);
      describe(tile.tile, t('scenes.activations.tileAria', { name: t(`activations.${tile.name}`), r: state.curveRange, lo: fmt(c.lo, 2), hi: fmt(c.hi, 2) }));
      tile.tile.classList.toggle('selected', tile.name === sel);
      tile.tile.setAttribute('aria-pressed', String(tile.name === sel));
      drawCurve(tile.plot, tile.name, { bigPlot: false });
    }
    setText(bigTitle, t(`activations.${sel}`));
    drawCurve(big, sel, { bigPlot: true });
    big.points(vector, vecOut.value, { color: INK_HEX, r: 3.5, stroke: '#fff' });
    const cs = curves.byName[sel], selName = t(`activations.${sel}`);
    describe(big.canvas, t('scenes.activations.bigAria', { name: selName, r: state.curveRange,
      lo: fmt(cs.lo, 2), hi: fmt(cs.hi, 2), dlo: fmt(cs.dlo, 2), dhi: fmt(cs.dhi, 2) }));
    describe(tableBox, t('scenes.activations.tableAria', { name: selName }));
    describe(linBox, t('scenes.activations.linAria', { name: selName }));
    const fname = t('scenes.activations.fOf', { name: sel === 'relu' ? 'ReLU' : sel });
    setText(rows[0].head, 'x');
    setText(rows[1].head, fname);
    setText(rows[2].head, t('scenes.activations.dOf', { name: sel === 'relu' ? 'ReLU' : sel }));
    for (let i = 0; i < 10; i++) {
      setText(rows[0].cells[i], fmt(vector[i], 2));
      setText(rows[1].cells[i], fmt(vecOut.value[i], 2));
      setText(rows[2].cells[i], fmt(vecOut.derivative[i], 2));
    }
    const c = curves.byName[sel];
    const ob = OPEN_BOUNDS[sel] ?? {};
    const saturated = (ob.lo !== undefined && c.lo === ob.lo) || (ob.hi !== undefined && c.hi === ob.hi);
    setText(rangeLine, t(`scenes.activations.${saturated ? 'rangeLineSaturated' : 'rangeLine'}`,
      { math: t(`scenes.activations.mathRange_${sel}`), r: state.curveRange, lo: fmt(c.lo, 4), hi: fmt(c.hi, 4) }));
    const L = lin, f3 = (v) => fmt(v, 3), n = (v) => fmt(v, 0);
    setText(linRows[0][0], `f(${n(L.a)} + ${n(L.b)}) = f(${n(L.a + L.b)}) = ${f3(L.fab)}`);
    setText(linRows[0][1], L.additive ? '=' : '≠');
    setText(linRows[0][2], `f(${n(L.a)}) + f(${n(L.b)}) = ${f3(L.fa)} + ${f3(L.fb)} = ${f3(L.sum)}`);
    setText(linRows[1][0], `f(${n(L.k)}·${n(L.b)}) = f(${n(L.k * L.b)}) = ${f3(L.fkb)}`);
    setText(linRows[1][1], L.homogeneous ? '=' : '≠');
    setText(linRows[1][2], `${n(L.k)}·f(${n(L.b)}) = ${f3(L.scaled)}`);
    const verdict = L.additive && L.homogeneous ? 'linYes' : sel === 'affine' ? 'linAffine' : 'linNo';
    setText(linVerdict, t(`scenes.activations.${verdict}`, { name: t(`activations.${sel}`) }));
    setText(checkLine, t('scenes.activations.checkLine', { err: fmtSci(check[sel], 1) }));
  }

  return {
    id: 'activations', root, trains: false,
    enter() { key = ''; },
    leave() {},
    update() {},
    reset() {},
    train() {},
    epoch: () => 0,
    render: () => render(env.state()),
    figures() {
      const s = env.state();
      compute(s);
      const ranges = {}, derivativeError = {};
      for (const n of names) { ranges[n] = [curves.byName[n].lo, curves.byName[n].hi]; derivativeError[n] = check[n]; }
      return {
        activation: s.curve, range: s.curveRange,
        input: Array.from(vector), output: Array.from(vecOut.value), derivative: Array.from(vecOut.derivative),
        ranges, derivativeError,
        linearity: { ...lin },
        stepDerivativeMax: Math.max(...Array.from(curves.byName.step?.derivative ?? [NaN], Math.abs)),
      };
    },
  };
}


export default {
  create: createActivationsScene,
  strings: bilingual({
    text: ['An activation is applied to every unit’s weighted sum. Hornik, Stinchcombe & White (1989) call a function “squashing” when it is nondecreasing and runs from 0 at −∞ to 1 at +∞: the sigmoid (values in (0, 1)) and the step are; tanh, with limits −1 and 1, is not as written, but tanh(x) = 2σ(2x) − 1 is the sigmoid shifted and stretched (lesson “Squashing functions”). The step’s derivative is 0 wherever it exists. Solid: f; dashed: f′, both computed by the engine.', '激活函数作用在每个单元的加权和上。Hornik、Stinchcombe 与 White（1989）把单调不减、在 −∞ 处趋于 0、在 +∞ 处趋于 1 的函数叫作“挤压函数”：sigmoid（取值在 (0, 1) 内）和阶跃函数都符合；tanh 的极限是 −1 和 1，按这个定义并不算，但 tanh(x) = 2σ(2x) − 1 只是把 sigmoid 平移、拉伸了一下（见“挤压函数”一课）。阶跃函数在有导数的地方导数都为 0。实线是 f，虚线是 f′，都由引擎计算。'],
    idleHint: ['Nothing trains in this lesson: pick an activation, change the range, try another vector.', '本课没有训练：选一个激活函数、改变范围、换一个向量试试。'],
    selected: ['Selected activation', '选中的激活函数'],
    vectorDots: ['the vector below', '下方的向量'],
    newVector: ['Random vector', '随机向量'],
    threadVector: ['The thread’s vector', '原帖中的向量'],
    vectorIntro: ['A vector passed through the activation element by element, as in the thread’s tanh example (x is the input, below it f(x) and f′(x)):', '把一个向量逐元素送入激活函数，如同原帖中的 tanh 例子（x 为输入，下面是 f(x) 和 f′(x)）：'],
    fOf: ['{name}(x)', '{name}(x)'],
    dOf: ['{name}′(x)', '{name}′(x)'],
    rangeLine: ['{math} On [−{r}, {r}] the engine’s float32 values run from {lo} to {hi}.', '{math}在 [−{r}, {r}] 上，引擎算出的 float32 值从 {lo} 到 {hi}。'],
    rangeLineSaturated: ['{math} On [−{r}, {r}] the engine’s float32 values run from {lo} to {hi}: the bound of the open range appears only because float32 rounds values this close to it (saturation); the function itself never reaches it.', '{math}在 [−{r}, {r}] 上，引擎算出的 float32 值从 {lo} 到 {hi}：开区间的端点之所以出现，只是因为 float32 把离端点这么近的值舍入成了端点（饱和），函数本身永远取不到它。'],
    mathRange_linear: ['Range: all real numbers.', '值域：全体实数。'],
    mathRange_affine: ['Range: all real numbers.', '值域：全体实数。'],
    mathRange_tanh: ['Range: the open interval (−1, 1); −1 and 1 are limits, never values.', '值域：开区间 (−1, 1)；−1 和 1 只是极限，取不到。'],
    mathRange_sigmoid: ['Range: the open interval (0, 1); 0 and 1 are limits, never values.', '值域：开区间 (0, 1)；0 和 1 只是极限，取不到。'],
    mathRange_relu: ['Range: [0, ∞).', '值域：[0, ∞)。'],
    mathRange_leaky_relu: ['Range: all real numbers.', '值域：全体实数。'],
    mathRange_softplus: ['Range: (0, ∞); 0 is a limit, never a value.', '值域：(0, ∞)；0 只是极限，取不到。'],
    mathRange_swish: ['Range: bounded below, unbounded above.', '值域：有下界，没有上界。'],
    mathRange_sine: ['Range: [−1, 1].', '值域：[−1, 1]。'],
    mathRange_step: ['Values: 0 and 1 only.', '取值：只有 0 和 1。'],
    linTitle: ['Is it linear? Linear means f(a + b) = f(a) + f(b) and f(k·a) = k·f(a) for every a, b, k', '它是线性的吗？线性是指对任意 a、b、k 都有 f(a + b) = f(a) + f(b) 和 f(k·a) = k·f(a)'],
    linYes: ['{name} passes both here, and for every a, b, k: it is linear, so layers using it collapse into one.', '{name} 在这里两条都成立，而且对任意 a、b、k 都成立：它是线性的，用它的各层会坍缩成一层。'],
    linAffine: ['{name} fails both, but only by the constant c: f(x) − f(0) is linear, so f is affine, and layers using it still collapse into one affine map.', '{name} 两条都不成立，但差的只是常数 c：f(x) − f(0) 是线性的，所以 f 是仿射函数，用它的各层照样坍缩成一个仿射映射。'],
    linNo: ['{name} fails at least one, so it is neither linear nor affine: this is what lets depth add something.', '{name} 至少有一条不成立，所以它既不是线性的也不是仿射的：正因为如此，加深网络才有意义。'],
    tileAria: ['{name} [{lo}, {hi}]: its values for x from −{r} to {r}', '{name} [{lo}, {hi}]：x 从 −{r} 到 {r} 时的取值范围'],
    bigAria: ['{name} for x from −{r} to {r}: the curve f (solid) runs from {lo} to {hi}, its derivative f′ (dashed) from {dlo} to {dhi}; the dots are the vector in the table.', '{name} 在 x 从 −{r} 到 {r} 上的图像：实线 f 从 {lo} 到 {hi}，虚线是导数 f′，从 {dlo} 到 {dhi}；圆点是表中的向量。'],
    tableAria: ['The vector through {name}: x, f(x) and f′(x)', '向量经过 {name}：x、f(x) 与 f′(x)'],
    linAria: ['Is {name} linear: the two identities with numbers', '{name} 是线性的吗：代入数值检验两个等式'],
    checkLine: ['f′ against the finite difference (f(x + h) − f(x − h)) / 2h, h = 0.01, away from x = 0: largest relative difference {err}.', 'f′ 与有限差分 (f(x + h) − f(x − h)) / 2h（h = 0.01，避开 x = 0）比较：最大相对误差 {err}。'],
  }),
};
