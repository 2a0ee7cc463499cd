// The view of lesson "collapse", declared in web/scenes/collapse.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, setText, fmtSci, fmtLoss, fmtFixed, m, mi, mo, sub, mathMatrix, card, selectField, lessonRoot, readout, freeAll, describe, scrollBox } from '../common.js';
import { createNetCard } from '../netview.js';
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

export default createCollapseScene;
