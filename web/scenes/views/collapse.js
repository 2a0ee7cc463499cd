// The view of lesson "collapse", declared in web/scenes/collapse.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, setText, fmtSci, fmtLoss, fmtFixed, m, mi, mo, sub, mathMatrix, card, selectField, lessonRoot, readout, freeAll, describe, scrollBox, bilingual } from '../common.js';
import { createNetCard } from '../netcard.js';
import { makeData, taskFor } from '../../model.js';
import { LINEAR_HEX, TANH_HEX } from '../../colors.js';

const LAYERS = [2, 3, 3, 1];
const SEED = 5;
const DATA = { dataset: 'moons', noise: 0, percTrainData: 50, seed: 3 };
const DEEP = LINEAR_HEX;
const SINGLE = TANH_HEX;
const W_DIGITS = 2;

export function createCollapseScene(env) {
  const { engine, t } = env;
  const data = makeData(engine, DATA);
  const task = taskFor(data.kind, { outputActivation: 'linear' }, data.all);
  task.outputActivation = 'linear';
  let net = null, single = null, acts = null, epoch = 0, lossStart = NaN, loss = NaN;
  let collapsed = null, brokenBy = null, deviation = null, learningRate = 0.003;

  // --- DOM: the deep network, the single layer, the derivation
  const selects = [0, 1, 2].map((l) => selectField(null, (v) => {
    const next = env.state().collapseActivations.slice();
    next[l] = v;
    env.set({ collapseActivations: next });
  }));
  const deep = createNetCard({ accent: DEEP });
  const actRow = el('div', { class: 'scene-row layer-acts', 'data-control': 'collapseActivations' }, selects.map((s) => s.node));
  deep.node.insertBefore(actRow, deep.stats);
  const one = createNetCard({ accent: SINGLE, diagram: false, className: 'single-layer' });
  // over the heatmap (which keeps its size, so nothing has to be re-measured when it comes back)
  const oneMsg = el('div', { class: 'broken-msg', hidden: true });
  one.box.append(oneMsg);

  // MathML, built once per kind (linear / affine / broken); numbers updated in place
  const mats = {
    W: [mathMatrix(2, 3), mathMatrix(3, 3), mathMatrix(3, 1)],
    b: [mathMatrix(1, 3), mathMatrix(1, 3), mathMatrix(1, 1)],
    W2again: mathMatrix(3, 3), W3again: [mathMatrix(3, 1), mathMatrix(3, 1)],
    Wp: mathMatrix(2, 1), bp: mathMatrix(1, 1),
    WpAffine: mathMatrix(2, 1), bpAffine: mathMatrix(1, 1),
    Waff: [mathMatrix(2, 3), mathMatrix(3, 3), mathMatrix(3, 1)],
  };
  const affA = m('mn', {}, '2'), affK = m('mn', {}, '1');
  const dot = () => mo('·');
  const mspace = () => m('mspace', { width: '1em' });
  const W = (i) => sub('W', String(i)), b = (i) => sub('b', String(i));
  const Wp = () => m('msup', {}, mi('W'), mo('′')), bp = () => m('msup', {}, mi('b'), mo('′'));
  // each line of a derivation scrolls sideways on a narrow screen (scrollBox, named in render)
  const math = (...c) => scrollBox(el('div', { class: 'math-line' }, m('math', {}, m('mrow', {}, ...c))));
  const symbolic = math(mi('y'), mo('='), mi('x'), dot(), W(1), dot(), W(2), dot(), W(3), mo('+'), mo('('),
    b(1), dot(), W(2), dot(), W(3), mo('+'), b(2), dot(), W(3), mo('+'), b(3), mo(')'), mo('='), mi('x'), dot(), Wp(), mo('+'), bp());
  const numeric = math(mo('='), mi('x'), dot(), mats.W[0].node, dot(), mats.W[1].node, dot(), mats.W[2].node, mo('+'), mo('('),
    mats.b[0].node, dot(), mats.W2again.node, dot(), mats.W3again[0].node, mo('+'), mats.b[1].node, dot(), mats.W3again[1].node,
    mo('+'), mats.b[2].node, mo(')'));
  const result = math(mo('='), mi('x'), dot(), mats.Wp.node, mo('+'), mats.bp.node);
  // affine layers f(z) = a·z + c: each still affine; W' = a^k W1 W2 W3
  const f = (i, inner) => m('mrow', {}, sub('f', String(i)), mo('('), inner, mo(')'));
  const nested = () => f(3, m('mrow', {}, f(2, m('mrow', {}, f(1, m('mrow', {}, mi('x'), dot(), W(1), mo('+'), b(1))), dot(), W(2), mo('+'), b(2))), dot(), W(3), mo('+'), b(3)));
  const affineSymbolic = math(mi('y'), mo('='), nested(), mo('='), mi('x'), dot(), Wp(), mo('+'), bp());
  const affineResult = math(Wp(), mo('='), m('msup', {}, mi('a'), mi('k')), W(1), W(2), W(3), mo('='),
    m('msup', {}, affA, affK), dot(), mats.Waff[0].node, dot(), mats.Waff[1].node, dot(), mats.Waff[2].node, mo('='),
    mats.WpAffine.node, mo(','), mspace(), bp(), mo('='), mats.bpAffine.node);
  const brokenSymbolic = math(mi('y'), mo('='), nested());
  const affineNote = el('p', { class: 'note' });
  const devNote = el('p', { class: 'note' });
  const brokenBox = el('div', { class: 'broken', hidden: true });
  const brokenEngine = el('code', { class: 'engine-msg' });
  const brokenText = el('p', { class: 'broken-text' });
  brokenBox.append(brokenText, brokenEngine);
  const mathLinear = el('div', { class: 'derivation' }, symbolic, numeric, result);
  const mathAffine = el('div', { class: 'derivation', hidden: true }, affineSymbolic, affineResult, affineNote);
  const mathBroken = el('div', { class: 'derivation', hidden: true }, brokenSymbolic);
  const dev = readout('scenes.collapse.deviation', { big: true, className: 'deviation' });

  const root = lessonRoot('scene-collapse',
    el('div', { class: 'scene-pair' }, deep.node, one.node),
    card('scenes.collapse.derivationTitle', [
      el('div', { class: 'derivation-wrap' }, mathLinear, mathAffine, mathBroken, brokenBox),
      el('div', { class: 'scene-row dev-row' }, dev.node, el('div', { class: 'dev-notes' }, devNote, el('p', { class: 'note', 'data-i18n': 'scenes.collapse.derivationNote' }))),
    ], { className: 'derivation-card' }),
  );

  // --- networks
  function build(state) {
    free();
    acts = state.collapseActivations.slice();
    const affineCount = acts.filter((a) => a === 'affine').length;
    // an affine layer (a = 2) doubles the gradients through it: smaller steps keep SGD stable
    learningRate = 0.003 / 3 ** affineCount;
    net = engine.createNetwork({ layers: LAYERS, activation: acts.slice(0, 2), outputActivation: acts[2], loss: 'mse', seed: SEED });
    single = engine.createNetwork({ layers: [2, 1], activation: [], outputActivation: 'linear', seed: SEED });
    epoch = 0;
    lossStart = net.loss(data.train.x, data.train.y);
    measure();
  }
  function free() { freeAll([net, single]); net = null; single = null; }

  function measure() {
    loss = net.loss(data.train.x, data.train.y);
    try {
      collapsed = net.collapse();
      brokenBy = null;
      single.setWeights([{ W: collapsed.W, b: collapsed.b }]);
      deviation = net.collapseDeviation(data.grid);
    } catch (err) {
      collapsed = null;
      brokenBy = err && err.message ? err.message : String(err);
      deviation = null;
    }
  }

  function train(n) {
    for (let i = 0; i < n; i++) {
      const l = net.fit(data.train.x, data.train.y, { epochs: 1, batchSize: 10, learningRate });
      epoch++;
      if (!Number.isFinite(l)) break;
    }
    measure();
  }

  const layerName = (l) => (l < 2 ? t('scenes.collapse.hiddenN', { n: l + 1 }) : t('scenes.collapse.outputLayer'));

  function render() {
    const state = env.state();
    const actOptions = engine.activations.map((a) => [a, t(`activations.${a}`)]);
    selects.forEach((s, l) => {
      s.fill(actOptions, state.collapseActivations[l]);
      setText(s.node.firstChild, layerName(l));
      s.node.classList.toggle('nonlinear', !['linear', 'affine'].includes(state.collapseActivations[l]));
    });
    setText(deep.name, t('scenes.collapse.deepTitle'));
    setText(one.name, t('scenes.collapse.singleTitle'));
    setText(deep.stats, `${t('trainLoss')} ${fmtLoss(loss)} · ${t('scenes.common.learningRate', { lr: learningRate.toPrecision(2) })}`);
    deep.draw(net, data, task);
    const ok = collapsed !== null;
    oneMsg.hidden = ok;
    if (ok) {
      one.draw(single, data, task);
      setText(one.stats, t('scenes.collapse.singleStats'));
      setText(one.caption, t('scenes.collapse.singleCaption'));
    } else {
      setText(one.stats, '');
      setText(oneMsg, t('scenes.collapse.noSingle'));
      setText(one.caption, '');
    }
    const affine = acts.includes('affine');
    mathLinear.hidden = !ok || affine;
    mathAffine.hidden = !ok || !affine;
    mathBroken.hidden = ok;
    brokenBox.hidden = ok;
    const weights = net.getWeights();
    if (ok) {
      // the thread's W_l is the engine's W_l transposed: (in, out), row-major
      const T = (l) => {
        const { W: w } = weights[l], rows = LAYERS[l], cols = LAYERS[l + 1], out2 = new Float32Array(rows * cols);
        for (let i = 0; i < rows; i++) for (let o = 0; o < cols; o++) out2[i * cols + o] = w[o * rows + i];
        return out2;
      };
      // fixed decimals in the matrices (a column of numbers reads best aligned); -0.00 is 0.00
      const f2 = (v) => fmtFixed(v, W_DIGITS), f4 = (v) => fmtFixed(v, 4);
      if (!affine) {
        const Ws = [T(0), T(1), T(2)];
        mats.W.forEach((mm, l) => mm.update(Ws[l], f2));
        mats.b.forEach((mm, l) => mm.update(weights[l].b, f2));
        mats.W2again.update(Ws[1], f2);
        mats.W3again.forEach((mm) => mm.update(Ws[2], f2));
        mats.Wp.update(collapsed.W, f4);
        mats.bp.update(collapsed.b, f4);
      } else {
        mats.WpAffine.update(collapsed.W, f4);
        mats.bpAffine.update(collapsed.b, f4);
        const k = acts.filter((a) => a === 'affine').length;
        mats.Waff.forEach((mm, l) => mm.update(T(l), f2));
        setText(affA, String(net.affine.a));
        setText(affK, String(k));
        setText(affineNote, t('scenes.collapse.affineNote', { k, a: net.affine.a, c: net.affine.c }));
      }
      dev.set(fmtSci(deviation, 1));
      setText(devNote, t('scenes.collapse.deviationNote'));
    } else {
      const mm = /layer (\d+)/.exec(brokenBy);
      const l = mm ? Number(mm[1]) - 1 : acts.findIndex((a) => !['linear', 'affine'].includes(a));
      setText(brokenText, t('scenes.collapse.broken', { layer: layerName(l), name: t(`activations.${acts[l]}`) }));
      // the engine's message, in the page's language when it has the known form
      const em = /^collapse: layer (\d+) \((?:hidden layer \d+|output layer)\) has activation '([a-z_]+)', which is not linear or affine$/.exec(brokenBy);
      const kind = em && (Number(em[1]) === LAYERS.length - 1 ? t('scenes.collapse.kindOutput') : t('scenes.collapse.kindHidden', { n: em[1] }));
      setText(brokenEngine, em ? t('scenes.collapse.engineBroken', { n: em[1], kind, act: em[2] }) : brokenBy);
      dev.set('—');
      setText(devNote, t('scenes.collapse.deviationBroken'));
    }
    setText(deep.caption, ok ? t(affine ? 'captionAffine' : 'scenes.collapse.deepCaption') : t('scenes.collapse.deepCaptionBroken'));
    // the two outputs, and the derivation's lines, as they are now
    const lossText = fmtLoss(loss);
    describe(deep.box, t(ok ? 'scenes.collapse.deepAria' : 'scenes.collapse.deepAriaBroken', { loss: lossText }));
    describe(one.box, ok ? t('scenes.collapse.singleAria', { dev: fmtSci(deviation, 1) }) : t('scenes.collapse.noSingle'));
    for (const d of [mathLinear, mathAffine, mathBroken]) {
      const lines = d.querySelectorAll('.math-line');
      lines.forEach((line, i) => describe(line, t('scenes.collapse.lineAria', { n: i + 1, count: lines.length })));
    }
  }

  return {
    id: 'collapse', root, trains: true,
    enter(state) { build(state); },
    leave() { free(); },
    update(state, changed) { if (changed.includes('collapseActivations')) build(state); },
    reset() { build(env.state()); },
    train,
    epoch: () => epoch,
    render,
    figures() {
      return { epoch, activations: acts.slice(), deviation, brokenBy, loss, lossStart, learningRate,
        W: collapsed ? Array.from(collapsed.W) : null, b: collapsed ? Array.from(collapsed.b) : null };
    },
  };
}


export default {
  create: createCollapseScene,
  strings: bilingual({
    text: ['With linear (or affine, f(z) = a·z + c) activations every layer is an affine map, and affine maps compose into one affine map: by matrix multiplication the whole 2-3-3-1 network equals a single layer x·W′ + b′ (Bishop, PRML §5.1). Below, the derivation with the network’s current weights; switch a layer to tanh to break it.', '激活函数是线性的（或仿射的，f(z) = a·z + c）时，每一层都是仿射映射，而仿射映射复合起来仍是一个仿射映射：通过矩阵乘法，整个 2-3-3-1 网络等于单层 x·W′ + b′（Bishop，《模式识别与机器学习》§5.1）。下面用网络当前的权重写出推导；把任意一层换成 tanh，推导就不成立了。'],
    hiddenN: ['Layer {n}', '第 {n} 层'],
    outputLayer: ['Layer 3 (output)', '第 3 层（输出层）'],
    deepTitle: ['The deep network (2-3-3-1)', '深层网络（2-3-3-1）'],
    singleTitle: ['The single layer it equals', '与之相等的单层网络'],
    singleStats: ['y = x·W′ + b′: no hidden layer', 'y = x·W′ + b′：没有隐藏层'],
    singleCaption: ['An engine network with one layer, weights W′ and b′ from the deep network’s collapse: the same picture.', '这是引擎里的一个单层网络，权重 W′ 和 b′ 取自深层网络坍缩的结果：画出来的图完全一样。'],
    noSingle: ['No single layer equals this network.', '没有任何单层网络等于这个网络。'],
    derivationTitle: ['The derivation, with the current numbers', '代入当前数值的推导'],
    derivationNote: ['As in the thread, x is a row vector and each W_l is (inputs × outputs). W′ and b′ are the engine’s collapse of the network; the matrices are its current weights, rounded.', '与原帖一样，x 是行向量，每个 W_l 的形状为（输入数 × 输出数）。W′ 与 b′ 由引擎对网络做坍缩得到；矩阵中是当前权重（已四舍五入）。'],
    deviation: ['largest |deep(x) − (x·W′ + b′)| over the grid', '网格上 |深层(x) − (x·W′ + b′)| 的最大值'],
    deviationNote: ['Float precision: the two are the same function.', '差别只来自浮点舍入：两者是同一个函数。'],
    deviationBroken: ['There is no W′ and b′ to compare with.', '不存在可以比较的 W′ 与 b′。'],
    affineNote: ['{k} affine layer(s), f(z) = {a}·z + {c}: each is still affine, so the product collapses all the same. W′ and b′ are computed by the engine.', '{k} 个仿射层，f(z) = {a}·z + {c}：每层仍是仿射映射，所以照样坍缩。W′ 与 b′ 由引擎计算。'],
    broken: ['{layer} is {name}: it is not of the form a·z + c, so the layers’ matrices cannot be multiplied into one. No single layer equals this network.', '{layer}用的是 {name}，不是 a·z + c 的形式，各层的矩阵没法通过矩阵乘法合并成一个，所以这个网络不能坍缩成单层。'],
    engineBroken: ['engine: collapse: layer {n} ({kind}) has activation ‘{act}’, which is not linear or affine', '引擎报告：collapse 失败，第 {n} 层（{kind}）的激活函数是 ‘{act}’，既不是线性的，也不是仿射的'],
    kindHidden: ['hidden layer {n}', '第 {n} 个隐藏层'],
    kindOutput: ['output layer', '输出层'],
    deepAria: ['The deep network’s output over the plane, with the data: one affine map, so a tilted plane whose boundary is a straight line; training loss {loss}.', '深层网络在平面上的输出和数据：它只是一个仿射映射，所以输出是倾斜的平面，决策边界是一条直线；训练损失 {loss}。'],
    deepAriaBroken: ['The deep network’s output over the plane, with the data: with a nonlinear layer it is no longer one affine map, so the output need not be a plane; training loss {loss}.', '深层网络在平面上的输出和数据：有了非线性层，它不再是一个仿射映射，输出不一定是平面；训练损失 {loss}。'],
    singleAria: ['The single layer x·W′ + b′ over the plane: the same picture as the deep network; the largest difference between the two is {dev}.', '单层网络 x·W′ + b′ 在平面上的输出：和深层网络的图一模一样，两者最大相差 {dev}。'],
    lineAria: ['Derivation, line {n} of {count}', '推导，第 {n} 行（共 {count} 行）'],
    deepCaption: ['Three weight matrices, one affine map: the picture is a tilted plane and its decision boundary a straight line.', '三个权重矩阵，一个仿射映射：输出是一个倾斜的平面，决策边界是一条直线。'],
    deepCaptionBroken: ['One nonlinear layer is enough: the output is no longer a tilted plane.', '只要有一层是非线性的，输出就不再是倾斜的平面。'],
  }),
};
