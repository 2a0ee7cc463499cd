// Lesson "compare" (C1, C3, C16): two networks with the same layers and the same initial weights, one
// with linear hidden activations and one with tanh (any engine activation for either), learn the
// same data side by side: their heatmaps, diagrams, stats and one loss chart. Its keys are
// TensorFlow Playground's where the concept is the same, so a Playground link opens meaningfully.
// Unlike the other lessons it keeps its networks when left (its settings live in every link).
// Input features (2D data): TensorFlow Playground's keys x, y, xSquared, ... say which features of
// each point both networks are fed (engine.features); the diagram draws them as its input nodes,
// and a click on one toggles it (the frame's `inputs`, documented in web/network-diagram.js).

import { t, translate, bilingual } from '../i18n.js';
import { key, number, integer, oneOf, bool, activation, toNumber } from '../keys.js';
import { TwinModel, GRID_2D_STEPS, FEATURES, FEATURE_NAMES, featuresOn } from '../model.js';
import { parsePointsValue } from '../points.js';
import { explainPoints, OWN_KEY_TABLE, ownFirstRow } from '../owndata-keys.js';
import { createOutputView } from '../heatmap.js';
import { createLossChart } from '../loss-chart.js';
import { NET_HEX } from '../colors.js';
import { createControl, numericOptions, namedOptions } from '../controls.js';
import { el, setText, setHidden, describe, fmtLoss, fmtPct, legend } from './basics.js';
import { neuronFrame, neuronBadge } from './netview.js';
import { whenLater, loadLater } from '../later.js';

export const MAX_LAYERS = 8;
export const MAX_NEURONS = 12;

// Datasets the page offers, grouped for the picker (engine names, docs/api.md).
export const DATASET_GROUPS = [
  { group: 'classification', names: ['circle', 'xor', 'gauss', 'spiral', 'moons'] },
  { group: 'multiclass', names: ['spiral3', 'blobs3'] },
  { group: 'regression2d', names: ['plane', 'gauss_bumps'] },
  { group: 'regression1d', names: ['sine', 'line', 'parabola', 'abs', 'step', 'cubic'] },
  { group: 'own', names: ['own'] }, // the reader's points (key `points`, web/owndata.js)
];
const OFFERED = DATASET_GROUPS.flatMap((g) => g.names);
const OPTIMIZERS = ['sgd', 'momentum', 'adam'];
const REGULARIZATIONS = ['none', 'L1', 'L2'];
const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const BATCH_SIZES = [1, 2, 5, 10, 20, 30, 50, 100];

// FNV-1a: turns a Playground seed such as "0.84375" into an integer seed, deterministically.
function hashSeed(s) {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h % 2147483647;
}

function parseSeed(v) {
  const n = toNumber(v);
  if (Number.isInteger(n) && n >= 0 && n <= 2147483647) return n;
  // A Playground seed is a decimal string in [0, 1): keep its meaning "a fixed seed".
  if (typeof v === 'string' && /^0?\.\d{1,20}$/.test(v)) return hashSeed(v);
  return undefined;
}

function parseShape(v) {
  let arr = v;
  if (typeof v === 'string') arr = v.trim() === '' ? [] : v.split(',').map(toNumber);
  if (!Array.isArray(arr) || arr.length > MAX_LAYERS) return undefined;
  arr = arr.map(toNumber);
  return arr.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_NEURONS) ? arr : undefined;
}

const always = (def) => key({ hash: 'always', ...def });

const KEYS = {
  dataset: always({ default: 'xor', parse: (v, ctx) => (v === 'own' || (OFFERED.includes(v) && (!ctx.datasets || ctx.datasets.includes(v))) ? v : undefined),
    effect: 'data', values: OFFERED.map((n) => `\`${n}\``).join(' ') }),
  noise: always({ default: 0, parse: number(0, 50), effect: 'data', values: '0..50 (percent, as the Playground; the engine gets noise/100)' }),
  percTrainData: always({ default: 50, parse: number(10, 90), effect: 'data', values: '10..90' }),
  seed: always({ default: 3, parse: parseSeed, effect: 'data', values: 'integer 0..2147483647 (a Playground decimal seed becomes a fixed integer)' }),
  networkShape: always({ default: Object.freeze([4, 2]), parse: parseShape, effect: 'network',
    values: `hidden layer sizes, \`4,2\`; 0..${MAX_LAYERS} layers of 1..${MAX_NEURONS}` }),
  activation: always({ default: 'linear', parse: activation, effect: 'network', values: 'network 1’s hidden activation (any engine activation)' }),
  activation2: always({ default: 'tanh', parse: activation, effect: 'network', values: 'network 2’s hidden activation' }),
  outputActivation: always({ default: 'auto', parse: (v, ctx) => (v === 'auto' || ctx.activations.includes(v) ? v : undefined), effect: 'network',
    values: '`auto` (tanh for classification, linear for regression) or an activation; multiclass always uses linear + softmax' }),
  learningRate: always({ default: 'auto', parse: (v) => (v === 'auto' ? v : number(0, 10, { open: true })(v)), effect: 'live',
    values: '`auto` (the dataset’s own rate: 0.01 for 2D regression, 0.03 for the rest; every dataset trains at it without diverging) or (0, 10]' }),
  batchSize: always({ default: 10, parse: integer(1, 500), effect: 'live', values: '1..500' }),
  optimizer: always({ default: 'sgd', parse: oneOf(OPTIMIZERS), effect: 'network', values: OPTIMIZERS.map((o) => `\`${o}\``).join(' ') }),
  regularization: always({ default: 'none', effect: 'live', values: REGULARIZATIONS.map((o) => `\`${o}\``).join(' '),
    parse: (v) => (typeof v === 'string' ? REGULARIZATIONS.find((x) => x.toLowerCase() === v.toLowerCase()) : undefined) }),
  regularizationRate: always({ default: 0, parse: number(0, 10), effect: 'live', values: '0..10' }),
  showTestData: always({ default: false, parse: bool, values: '`true false`' }),
  discretize: always({ default: false, parse: bool, values: '`true false`' }),
  // TensorFlow Playground's input features (its keys and meanings), fed to both networks; at
  // least one is on (state.js reports and drops a hash that turns every one off).
  ...Object.fromEntries(FEATURES.map(({ name, label }, i) => [name, key({
    default: i < 2, parse: bool, effect: 'network', atLeastOne: 'features',
    values: `\`true false\`: feed ${label} to both networks (2D data; at least one feature on; or click its node in the diagram)` })])),
  // the reader's own data, used when dataset=own (web/points.js: quantised, base64url)
  points: key({ default: '', parse: parsePointsValue, explain: explainPoints, effect: 'live',
    values: '`<kind>.<base64url>`: the points of `dataset=own`, kind `c` (x, y, label ±1), `r` (x, y, target) or `f` (x, target), 12 bits a coordinate, at most 600 points (web/points.js); a change keeps the networks’ weights' }),
};
// The keys the networks are built from: a change of any of them rebuilds them.
const BUILD_KEYS = Object.keys(KEYS).filter((k) => KEYS[k].effect === 'data' || KEYS[k].effect === 'network');

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n) => String(n).replace(/\d/g, (d) => SUB[d]);
/**
 * W′ for `layers` weight matrices, in the thread's row-vector order (y = x·W₁·W₂·…): W₁W₂,
 * W₁W₂W₃, W₁W₂W₃W₄, then W₁W₂⋯W₅ and on.
 */
export function weightProduct(layers) {
  if (layers <= 4) return Array.from({ length: layers }, (_, i) => `W${sub(i + 1)}`).join('');
  return `W₁W₂⋯W${sub(layers)}`;
}

const ownData = ({ state }) => state.dataset === 'own';
const autoOutput = (kind) => (kind === 'classification' ? 'tanh' : 'linear');
const activationOptions = ({ engine }) => namedOptions('activations', engine.activations);

const CONTROLS = [
  { key: 'dataset', kind: 'select', label: 'dataset', panel: 'data',
    options: ({ engine }) => DATASET_GROUPS.map(({ group, names }) => ({
      group: t(`groups.${group}`), options: namedOptions('datasets', names.filter((n) => n === 'own' || engine.datasets.includes(n))) }))
      .filter((g) => g.options.length) },
  // own data has no noise and no test set: every point trains
  { key: 'noise', kind: 'range', label: 'noise', panel: 'data', min: 0, max: 50, step: 5, format: (v) => String(v), disabled: ownData },
  { key: 'percTrainData', kind: 'range', label: 'trainRatio', panel: 'data', min: 10, max: 90, step: 10, format: (v) => `${v}%`, disabled: ownData },
  { key: 'seed', kind: 'action', id: 'regenerate', label: 'regenerate', title: 'regenerateTitle', panel: 'data',
    value: () => 1 + Math.floor(Math.random() * 999999) },
  { key: 'showTestData', kind: 'check', label: 'showTestData', panel: 'data', disabled: ownData },
  { key: 'discretize', kind: 'check', label: 'discretize', panel: 'data', disabled: ({ kind }) => kind === 'regression' },
  { key: 'learningRate', kind: 'select', label: 'learningRate', panel: 'training',
    options: ({ state, autoRate }) => [['auto', t('auto', { name: autoRate })],
      ...numericOptions(LEARNING_RATES, state.learningRate === 'auto' ? LEARNING_RATES[0] : state.learningRate)] },
  { key: 'batchSize', kind: 'select', label: 'batchSize', panel: 'training', options: ({ state }) => numericOptions(BATCH_SIZES, state.batchSize) },
  { key: 'optimizer', kind: 'select', label: 'optimizer', panel: 'training', options: () => namedOptions('optimizers', OPTIMIZERS) },
  { key: 'regularization', kind: 'select', label: 'regularization', panel: 'training', options: () => namedOptions('regularizations', REGULARIZATIONS) },
  { key: 'regularizationRate', kind: 'select', label: 'regularizationRate', panel: 'training',
    options: ({ state }) => numericOptions(REG_RATES, state.regularizationRate) },
  { key: 'outputActivation', kind: 'select', label: 'outputActivation', panel: 'training',
    options: ({ kind, engine }) => (kind === 'multiclass' ? [['auto', t('multiclassOut')]]
      : [['auto', t('auto', { name: t(`activations.${autoOutput(kind)}`) })], ...activationOptions({ engine })]),
    value: ({ state, kind }) => (kind === 'multiclass' ? 'auto' : state.outputActivation),
    disabled: ({ kind }) => kind === 'multiclass' },
  { key: 'activation', kind: 'select', label: 'activation', aria: 'scenes.compare.activation1Aria', panel: 'net0', className: 'act-field', options: activationOptions },
  { key: 'activation2', kind: 'select', label: 'activation', aria: 'scenes.compare.activation2Aria', panel: 'net1', className: 'act-field', options: activationOptions },
  { key: 'networkShape', kind: 'custom', label: 'hiddenLayers', panel: 'toolbar' },
  { key: 'points', kind: 'custom', label: 'scenes.compare.own.title', panel: 'data' }, // web/owndata.js
];

// The hidden layers in the toolbar: a stepper for their count, one per layer for its units.
function createLayersControl(onChange) {
  const removeLayer = el('button', { type: 'button', id: 'removeLayer', 'data-i18n-aria': 'removeLayer', 'data-i18n-title': 'removeLayer', text: '−' });
  const addLayer = el('button', { type: 'button', id: 'addLayer', 'data-i18n-aria': 'addLayer', 'data-i18n-title': 'addLayer', text: '+' });
  const count = el('output', { id: 'layerCount' });
  const steppers = el('div', { id: 'neuronSteppers', class: 'neuron-steppers' });
  const node = el('div', { class: 'architecture', id: 'architecture', 'data-control': 'networkShape' },
    el('span', { class: 'arch-label', 'data-i18n': 'hiddenLayers' }),
    el('div', { class: 'stepper' }, removeLayer, count, addLayer), steppers);
  let shape = [];
  addLayer.addEventListener('click', () => {
    if (shape.length < MAX_LAYERS) onChange({ networkShape: [...shape, shape.length ? shape[shape.length - 1] : 2] });
  });
  removeLayer.addEventListener('click', () => { if (shape.length) onChange({ networkShape: shape.slice(0, -1) }); });
  steppers.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-delta]');
    if (!b) return;
    const i = Number(b.parentElement.dataset.layer), next = shape.slice();
    next[i] = Math.min(MAX_NEURONS, Math.max(1, next[i] + Number(b.dataset.delta)));
    onChange({ networkShape: next });
  });
  let drawn = '';
  return {
    node,
    sync({ state }, { optionsStale = false } = {}) {
      shape = state.networkShape.slice();
      const sig = `${shape.join()}|${t('neurons')}`;
      if (sig === drawn && !optionsStale) return;
      drawn = sig;
      count.value = String(shape.length);
      removeLayer.disabled = shape.length === 0;
      addLayer.disabled = shape.length >= MAX_LAYERS;
      const items = shape.map((units, i) => {
        const label = (k) => t(k, { n: i + 1 });
        return el('div', { class: 'stepper', 'data-layer': String(i) },
          el('button', { type: 'button', text: '−', 'data-delta': '-1', disabled: units <= 1, 'aria-label': label('removeNeuron'), title: label('removeNeuron') }),
          el('output', { text: String(units) }),
          el('button', { type: 'button', text: '+', 'data-delta': '1', disabled: units >= MAX_NEURONS, 'aria-label': label('addNeuron'), title: label('addNeuron') }));
      });
      if (shape.length) items.push(el('span', { class: 'hint', text: t('neurons') }));
      steppers.replaceChildren(...items);
    },
  };
}

// Keeps the frame rate when the grid evaluation is slow (big networks, slow machines): the
// heatmap resolution steps down (100 -> 80 -> 64 -> 50 points a side) while the two grid
// evaluations take more than EVAL_BUDGET_MS, and back up when the larger grid would fit.
const EVAL_BUDGET_MS = 8;
const BEST_LINE_WAIT_MS = 600;

/** The rate to suggest after a divergence at `lr`: the largest offered one at most lr / 3. */
export function lowerRate(lr) {
  const below = LEARNING_RATES.filter((r) => r <= lr / 3 + 1e-12);
  return below.length ? below[below.length - 1] : lr / 10;
}

function createCompareScene(env) {
  const { engine } = env;
  const tl = (k, p) => t(`scenes.compare.${k}`, p);
  const model = new TwinModel(engine);
  let built = ''; // the data and network keys the model was built from
  // The best training accuracy any straight line reaches on the current training data (exact,
  // engine.bestLineAccuracy), for 2D classification with one output; null otherwise.
  // It takes every pair of points (O(n³): 4 ms for 250 points): the cards compute it after the
  // frame that shows new data (the first frame does not wait for it), and for own data, which
  // changes with every click, only once the clicks stop (BEST_LINE_WAIT_MS); figures() does not wait.
  let bestLine = null, bestLineData = null, bestLineTimer = 0, bestLineWaits = null;
  function bestLineFor(data, { wait = false } = {}) {
    if (data === bestLineData) return bestLine;
    const n = data.train.y.length;
    const ok = data.kind === 'classification' && data.inputs === 2 && data.outputs === 1 && n >= 1 && n <= engine.limits.bestLinePoints;
    // over http the best line is in the later part of the engine's module, which comes with the
    // later script (web/engine-later.js): until then it waits, figures() too (undefined)
    if (ok && (wait || !engine.complete)) {
      if (bestLineWaits !== data) {
        bestLineWaits = data;
        clearTimeout(bestLineTimer);
        const run = () => {
          if (data !== model.data) return;
          // web/later.js says if it fails; once the later parts do come (another try), the card asks again
          if (!engine.complete) {
            loadLater().then(run, () => whenLater(() => { if (bestLineWaits === data) { bestLineWaits = null; env.invalidate(); } }));
            return;
          }
          bestLineFor(data);
          env.invalidate();
        };
        // else once the frame that shows the new data is painted (a timeout set in an animation
        // frame runs after it): a timeout alone may run before the paint and hold it
        if (data.own && n > 60) bestLineTimer = setTimeout(run, BEST_LINE_WAIT_MS);
        else requestAnimationFrame(() => { if (bestLineWaits === data) bestLineTimer = setTimeout(run); });
      }
      return undefined;
    }
    bestLineData = data;
    bestLine = ok ? engine.bestLineAccuracy(data.train.x, data.train.y, 2) : null;
    return bestLine;
  }

  // --- DOM: the settings sidebar, two network cards, the loss chart and the explanation
  const controls = CONTROLS.filter((c) => c.kind !== 'custom').map((c) => createControl(c, env.set));
  const layers = createLayersControl(env.set);
  const inPanel = (p) => controls.filter((c) => c.decl.panel === p).map((c) => c.node);
  const netCard = (i) => {
    const name = el('span', { class: 'net-name' });
    const stats = el('div', { class: 'net-stats' });
    const diagramCanvas = el('canvas', { class: 'diagram', 'data-net': String(i), role: 'img', 'data-i18n-aria': 'diagramAria' });
    const box = el('div', { class: 'output-box', role: 'img' });
    const caption = el('p', { class: 'caption' });
    const node = el('article', { class: 'net-card', 'data-net': String(i) },
      el('header', { class: 'net-head' }, el('h2', {}, el('span', { class: 'swatch' }), name), ...inPanel(`net${i}`)),
      stats, el('div', { class: 'net-body' }, diagramCanvas, box), caption);
    // diagram: the network's diagram once it has come (below)
    return { node, name, stats, caption, box, diagramCanvas, diagram: null, output: createOutputView(box, { index: i }), shown: null };
  };
  const views = [netCard(0), netCard(1)];
  // The diagrams and the own-data panel come with the later script (web/later.js), a moment after
  // the first frame: until then the diagrams' canvases stay blank at their size, and the panel's
  // place is kept by its first row and CSV line, laid out invisible and inert (owndata.css)
  let own = null;
  const openedWith = env.state().dataset;
  const first = ownFirstRow();
  first.toggle.disabled = first.download.disabled = true;
  const ownSlot = el('div', { class: 'own own-slot', 'data-control': 'points', 'aria-hidden': 'true' },
    el('div', { class: 'own-row' }, first.toggle, first.download), el('div', { class: 'own-details' }, first.summary));
  function attachLater({ createDiagram, createOwnData }) {
    views.forEach((view, i) => {
      // a hovered, focused or pinned neuron is drawn large; a weight can be edited, in this
      // network only (reset gives both networks the shared initial weights again)
      view.diagram = createDiagram(view.diagramCanvas, {
        name: () => tl('network', { n: i + 1 }),
        onShow: (node) => { view.shown = node; env.invalidate(); },
        onEditWeight: (w, value) => { model.setWeight(i, w, value); env.invalidate(); },
      });
    });
    own = createOwnData(env, { data: () => model.data, since: openedWith });
    views.forEach((v, i) => own.attach(v.box, i));
    translate(own.node);
    own.node.classList.toggle('is-hidden', ownSlot.classList.contains('is-hidden')); // points_hide (app.js)
    ownSlot.replaceWith(own.node);
    if (model.data) own.sync(); // else enter() syncs it
    env.invalidate();
  }
  const chartCanvas = el('canvas', { id: 'lossChart', role: 'img' });
  const chart = createLossChart(chartCanvas);
  const legendEl = el('div', { class: 'legend', id: 'legend' });
  const explain1 = el('p', { id: 'explain1' });
  // C16: the nonlinearity can come from hand-made features (a linear network on x₁², x₂²): one
  // sentence after the "Try" suggestions, in their paragraph, and a button inline that sets it up
  const tryFeatures = el('button', { type: 'button', id: 'tryFeatures', 'data-i18n': 'scenes.compare.tryFeatures',
    onclick: () => env.set({ dataset: 'circle', ...Object.fromEntries(FEATURE_NAMES.map((f) => [f, f === 'xSquared' || f === 'ySquared'])) }) });
  Object.assign(tryFeatures.style, { border: '0', background: 'none', padding: '0', font: 'inherit', color: 'var(--accent)',
    textDecoration: 'underline', cursor: 'pointer' });
  // The networks first, the settings after them (to their right on a wide screen, below them on
  // a phone): the reading order, the keyboard order and the visual order are the same.
  const root = el('div', { class: 'workspace', id: 'compareView' },
    el('div', { class: 'twins' }, views.map((v) => v.node),
      el('section', { class: 'chart-panel' },
        el('div', { class: 'chart-head' }, el('h2', { 'data-i18n': 'lossOverTime' }), legendEl), chartCanvas),
      el('section', { class: 'explain-panel' },
        el('h2', { 'data-i18n': 'scenes.compare.explainTitle' }),
        el('p', { 'data-i18n': 'scenes.compare.explain2' }), explain1,
        el('p', {}, el('span', { 'data-i18n': 'scenes.compare.explain3' }), ' ',
          el('span', { id: 'explainFeatures', 'data-i18n': 'scenes.compare.explainFeatures' }), ' ', tryFeatures))),
    el('aside', { class: 'sidebar', 'data-i18n-aria': 'settings' },
      el('section', { class: 'panel' }, el('h2', { 'data-i18n': 'data' }), inPanel('data'), ownSlot),
      el('section', { class: 'panel' }, el('h2', { 'data-i18n': 'training' }), inPanel('training'))));

  whenLater(attachLater);

  function syncControls(state, optionsStale = false) {
    const info = { state, kind: model.data.kind, engine, autoRate: model.learningRate({ learningRate: 'auto' }) };
    for (const c of controls) c.sync(info, { optionsStale });
    layers.sync(info, { optionsStale });
    own?.sync();
  }

  // own data's points are part of what the networks were built from (a change keeps them, below)
  const buildKey = (state) => JSON.stringify([...BUILD_KEYS.map((k) => state[k]), state.dataset === 'own' ? state.points : '']);

  function rebuild(state, { data = true } = {}) {
    if (featuresOn(state).length === 0) throw new Error(tl('noFeature'));
    if (data || !model.data) model.rebuildData(state);
    model.rebuildNetworks(state);
    built = buildKey(state);
  }

  // --- drawing
  // The features fed to the networks, as the page writes them: "x₁², x₂²" (null for 1D data).
  const featureList = () => model.inputs.features?.map((f) => FEATURES[FEATURE_NAMES.indexOf(f)].label).join(', ') ?? null;
  // Whether a feature other than x₁ and x₂ is on: then a linear network's boundary can curve.
  const nonlinearFeatures = () => (model.inputs.features ?? []).some((f) => f !== 'x' && f !== 'y');

  function captionFor(act, data, state, outAct) {
    const oneD = data.inputs === 1, reg2d = !oneD && data.kind === 'regression';
    if (state.networkShape.length === 0 && !nonlinearFeatures()) return tl('captionNoHidden');
    if ((act === 'linear' || act === 'affine' || state.networkShape.length === 0) && nonlinearFeatures()) {
      // affine in the features, which someone chose: straight in them, curved in the plane
      const phi = featureList();
      const map = outAct === 'linear' || data.outputs > 1 ? 'φ·W′ + b′' : `${t(`activations.${outAct}`)}(φ·W′ + b′)`;
      return tl(reg2d ? 'captionFeaturesReg2d' : 'captionFeatures', { phi, map });
    }
    if (act === 'linear') {
      const base = oneD ? 'captionLinear1d' : reg2d ? 'captionLinearReg2d' : 'captionLinear';
      const product = weightProduct(state.networkShape.length + 1);
      // The output activation wraps the affine map: y = f(x·W′ + b′) unless it is linear.
      if (outAct === 'linear' || data.outputs > 1) return tl(base, { product });
      return tl(`${base}Out`, { out: t(`activations.${outAct}`), product });
    }
    if (act === 'affine') return t('captionAffine');
    if (act === 'step') return tl('captionStep');
    if (act === 'relu' || act === 'leaky_relu') return tl('captionRelu');
    const k = oneD ? 'captionNonlinear1d' : reg2d ? 'captionNonlinearReg2d' : 'captionNonlinear';
    return tl(k, { name: t(`activations.${act}`) });
  }

  // The stats line of a card: built once, then only its texts change.
  function statsDom(view) {
    const big = el('div', { class: 'big' }), small = el('div', { class: 'small' });
    const value = el('span', { class: 'value' }), label = el('span', { class: 'label' });
    big.append(value, label);
    const pair = () => { const l = el('span'), v = el('b'), s = el('span', {}, l, ' ', v); small.append(s); return { s, l, v }; };
    const items = { trainLoss: pair(), testLoss: pair(), trainAccuracy: pair() };
    // beside the big number (no extra line): the best any straight line does on the training data
    const bl = el('span'), bv = el('b');
    items.bestLine = { s: el('span', { class: 'best-line' }, bl, ' ', bv), l: bl, v: bv };
    big.append(items.bestLine.s);
    // a diverged network: what happened, and a button that applies the remedy
    const badText = el('span'), fix = el('button', { type: 'button', class: 'text-button fix-rate' });
    fix.addEventListener('click', () => {
      env.set({ learningRate: Number(fix.dataset.lr) });
      model.rebuildNetworks(env.state());
      env.invalidate();
      env.notify(tl('noticeReset'));
    });
    const bad = el('span', { class: 'bad' }, badText, ' ', fix);
    view.stats.replaceChildren(big, small, bad);
    return { value, label, items, bad, badText, fix };
  }

  function renderStats(view, n, cls) {
    const d = view.statsDom ?? (view.statsDom = statsDom(view));
    // own data has no test set: the big number is then the training one
    const test = model.data.test.y.length > 0;
    setText(d.value, cls ? fmtPct(test ? n.testAccuracy : n.trainAccuracy) : fmtLoss(test ? n.testLoss : n.trainLoss));
    setText(d.label, tl(cls ? (test ? 'accuracyShort' : 'trainAccuracyShort') : (test ? 'lossShort' : 'trainLossShort')));
    for (const k of ['trainLoss', 'testLoss', 'trainAccuracy']) {
      setText(d.items[k].l, t(k));
      setText(d.items[k].v, k === 'trainAccuracy' ? fmtPct(n[k]) : fmtLoss(n[k]));
    }
    // the big number is not repeated below it (own data: no test set, so it is a training number)
    setHidden(d.items.trainAccuracy.s, !cls || !test);
    setHidden(d.items.trainLoss.s, !cls && !test);
    setHidden(d.items.testLoss.s, !test);
    // network 1's card: the ceiling of every straight line on the same training data
    const best = view === views[0] ? bestLineFor(model.data, { wait: true }) : null;
    setHidden(d.items.bestLine.s, best === null);
    if (best !== null) { setText(d.items.bestLine.l, tl('bestLine')); setText(d.items.bestLine.v, best === undefined ? '…' : fmtPct(best)); }
    setHidden(d.bad, !n.diverged);
    if (n.diverged) {
      const lr = lowerRate(model.learningRate(env.state()));
      setText(d.badText, tl('diverged', { epoch: n.epoch, lr }));
      setText(d.fix, tl('useRate', { lr }));
      d.fix.dataset.lr = String(lr);
    }
  }

  // The text alternative of a network's output picture: what it shows now.
  function describeOutput(i, n, cls, data, state) {
    const name = tl('network', { n: i + 1 }), act = t(`activations.${n.activation}`);
    if (n.diverged) return tl('outputDiverged', { name, act });
    const straight = n.activation === 'linear' || n.activation === 'affine' || state.networkShape.length === 0;
    // own data has no test set: then the training numbers
    const test = data.test.y.length > 0;
    if (!cls) {
      return tl(data.inputs === 1 ? 'outputFit1d' : 'outputFit2d', { name, act, loss: fmtLoss(test ? n.testLoss : n.trainLoss),
        measure: tl(test ? 'lossShort' : 'trainLossShort') });
    }
    const acc = fmtPct(test ? n.testAccuracy : n.trainAccuracy), measure = tl(test ? 'accuracyShort' : 'trainAccuracyShort');
    // on nonlinear input features a network without a nonlinear activation is straight in them only
    if (straight && nonlinearFeatures()) return tl('outputFeatures', { name, act, acc, measure, phi: featureList() });
    return tl(straight ? 'outputStraight' : 'outputCurved', { name, act, acc, measure });
  }

  let legendKey = '';
  function renderLegend(state) {
    const acts = model.nets.map((n) => n.activation);
    const k = `${state.lang}|${acts.join('|')}`;
    if (k === legendKey) return;
    legendKey = k;
    legendEl.replaceChildren(...legend([
      ...acts.map((a, i) => ({ mark: 'dot', color: NET_HEX[i], text: `${tl('network', { n: i + 1 })} (${t(`activations.${a}`)})` })),
      { mark: 'mark', color: '#5f6670', text: t('train') },
      { mark: 'mark dashed', color: '#5f6670', text: t('test') },
    ]));
  }

  // What the diagram draws as its input nodes (2D data): every feature, whether it is on, its
  // values over the thumbnail grid (engine.features, computed once), and the toggle a click on a
  // node calls. The interface is documented in web/network-diagram.js.
  const toggleFeature = (name) => {
    const now = env.state()[name] === true;
    if (now && featuresOn(env.state()).length === 1) { env.notify(tl('noFeature')); return; }
    env.set({ [name]: !now });
  };
  const featureLabels = FEATURES.map((f) => f.label);
  function diagramInputs(state) {
    if (model.data.inputs !== 2) return undefined;
    const planes = model.planes();
    return { names: planes.names, labels: featureLabels, on: planes.names.map((f) => state[f] === true),
      values: planes.values, scale: planes.scale, toggle: toggleFeature };
  }

  // A feature over the output grid, for the large picture while its input node is shown, on the
  // scale of its diagram tile: one engine call when it is first shown (or the grid changes), not
  // one a frame (a feature does not change while the networks train).
  let shownPlane = { name: null, grid: null, plane: null };
  function featurePlane(name, grid) {
    if (shownPlane.name === name && shownPlane.grid === grid) return shownPlane.plane;
    const j = FEATURE_NAMES.indexOf(name);
    const plane = j < 0 ? null : { values: engine.features(grid, [name]), scale: model.planes().scale[j] || 1 };
    shownPlane = { name, grid, plane };
    return plane;
  }

  let msEvaluate = 0, framesAtSize = 0, trained = false;
  function adaptResolution() {
    if (model.data.inputs !== 2 || ++framesAtSize < 30) return;
    const i = GRID_2D_STEPS.indexOf(model.gridSize2d), size = model.gridSize2d;
    const perPoint = msEvaluate / (size * size);
    let next = size;
    if (msEvaluate > EVAL_BUDGET_MS && i < GRID_2D_STEPS.length - 1) next = GRID_2D_STEPS[i + 1];
    else if (i > 0 && perPoint * GRID_2D_STEPS[i - 1] ** 2 < 0.6 * EVAL_BUDGET_MS) next = GRID_2D_STEPS[i - 1];
    if (next !== size) {
      model.setGridSize2d(next);
      msEvaluate = perPoint * next * next;
      framesAtSize = 0;
    }
  }

  // The page's first frame shows the two maps, the numbers and the chart; the diagrams follow
  // once they have come (attachLater), at the earliest in the next frame (they were a third of the
  // first render's drawing; bench/README.md, "Page")
  let diagramsNextFrame = true, diagramsDrawn = false;

  function render() {
    const state = env.state();
    const { data, task, nets } = model;
    const drawDiagrams = !diagramsNextFrame && views[0].diagram !== null; // once they have come (attachLater)
    if (diagramsNextFrame) { diagramsNextFrame = false; env.invalidate(); }
    if (drawDiagrams) diagramsDrawn = true;
    const t0 = performance.now();
    const evals = model.evaluate({ diagrams: drawDiagrams });
    msEvaluate = 0.9 * msEvaluate + 0.1 * (performance.now() - t0);
    const cls = task.kind !== 'regression';
    const sizes = [model.inputs.width, ...state.networkShape, data.outputs];
    // the diagrams' input nodes and column labels, in a frame that draws them
    const inputs = drawDiagrams && diagramInputs(state);
    const colLabels = drawDiagrams && sizes.map((m, l) => (l === 0 ? t('inputLayer') : l === sizes.length - 1 ? t('outputLayer') : String(m)));
    nets.forEach((n, i) => {
      const v = views[i], e = evals[i];
      const f = neuronFrame(n.net, data, task, v.shown, { netGrid: model.inputs.grid, inputPlane: featurePlane }); // null: the output
      v.output.draw({ data: f?.data ?? data, task: f?.task ?? task, output: f?.output ?? e.output,
        showTest: state.showTestData, discretize: state.discretize, color: NET_HEX[i] });
      const [badge, hint] = f ? neuronBadge(v.shown) : [null, ''];
      v.output.showing(badge, hint);
      v.output.heat.parentElement.classList.toggle('discrete', state.discretize);
      if (drawDiagrams) v.diagram.draw({ data, task, sizes, layers: e.layers, weights: e.weights, labels: colLabels, inputs });
      renderStats(v, n, cls);
      // while a neuron is shown, the picture's text alternative says so
      describe(v.output.heat.parentElement, f ? `${tl('network', { n: i + 1 })}: ${badge}` : describeOutput(i, n, cls, data, state));
      setText(v.name, tl('network', { n: i + 1 }));
      const acts = n.net.activations;
      setText(v.caption, captionFor(n.activation, data, state, acts[acts.length - 1]));
    });
    setText(explain1, tl(data.inputs === 1 ? 'explain1_1d' : 'explain1'));
    own?.render();
    renderLegend(state);
    chart.draw(nets.map((n, i) => ({ history: n.history, color: NET_HEX[i] })), { epoch: t('epochAxis'), loss: t('lossAxis') });
    const test = data.test.y.length > 0, loss = (n) => fmtLoss(test ? n.testLoss : n.trainLoss);
    describe(chartCanvas, tl('chartAria', { epoch: Math.max(...nets.map((n) => n.epoch)), loss1: loss(nets[0]), loss2: loss(nets[1]),
      measure: tl(test ? 'lossShort' : 'trainLossShort') }));
    if (trained) { trained = false; adaptResolution(); }
  }

  return {
    id: 'compare', root, toolbar: layers.node, trains: true,
    enter(state) {
      if (buildKey(state) !== built) rebuild(state);
      syncControls(state, true);
    },
    leave() {},
    /** Rebuilds what the changed keys need; throws (the engine's message) if the engine refuses. */
    update(state, changed, { announce = false } = {}) {
      const dataChange = changed.some((k) => KEYS[k]?.effect === 'data');
      const netChange = dataChange || changed.some((k) => KEYS[k]?.effect === 'network');
      const prevKind = model.data?.kind;
      const ownEdit = state.dataset === 'own' && changed.includes('points');
      if (netChange) rebuild(state, { data: dataChange || ownEdit });
      if (netChange && announce) env.notify(tl(dataChange ? 'noticeResetData' : 'noticeResetNet'));
      // own data edited: the networks keep their weights unless the kind of data changed
      if (!netChange && ownEdit) {
        const kept = model.replaceData(state);
        built = buildKey(state);
        if (!kept && announce) env.notify(tl('noticeResetData'));
      }
      if (changed.includes('lang')) legendKey = '';
      syncControls(state, changed.includes('lang') || model.data.kind !== prevKind);
    },
    reset() { model.rebuildNetworks(env.state()); return tl('noticeReset'); },
    train(n) {
      const before = model.nets.map((m) => m.diverged);
      const state = env.state();
      model.train(n, state);
      trained = true;
      // a network that has just diverged stops; the other goes on; the reader is told what to change
      const lr = lowerRate(model.learningRate(state));
      const fresh = model.nets.map((m, i) => m.diverged && !before[i]);
      if (model.nets.every((m) => m.diverged) && fresh.some(Boolean)) {
        env.notify(tl('divergedBoth', { e1: model.nets[0].epoch, e2: model.nets[1].epoch, lr }), { kind: 'warn' });
      } else {
        fresh.forEach((f, i) => {
          if (f) env.notify(tl('divergedNotice', { n: i + 1, other: 2 - i, epoch: model.nets[i].epoch, lr }), { kind: 'warn' });
        });
      }
    },
    render,
    complete: () => diagramsDrawn, // the host marks nlp:first-frame-complete at the first frame that draws them
    // the run's epoch: a diverged network stops at its own (its card says which), the other goes on
    epoch: () => Math.max(...model.nets.map((m) => m.epoch)),
    figures: () => ({ bestLineAccuracy: bestLineFor(model.data), features: model.inputs.features?.slice() ?? null,
      learningRate: model.learningRate(env.state()) }),
    networks: () => model.summary(),
    kind: () => model.data.kind,
    weights: () => model.nets.map((n) => n.net.getWeights().map(({ W, b }) => ({ W: Array.from(W), b: Array.from(b) }))),
    perf: () => ({ msEvaluate, heatmapSize: model.gridSize2d }),
    exportNetworks: () => model.nets.map((n) => n.net.toJSON()),
    importNetwork(index, json) {
      if (index !== 0 && index !== 1) throw new Error(`network: ${index} must be 0 or 1`);
      const want = model.nets[index].net.layers, own = model.nets[index].net.activations;
      // the engine validates the object (format, shapes, names, finite weights) before anything changes
      const net = engine.networkFromJSON(json);
      const fits = net.layers.length === want.length && net.layers.every((m, i) => m === want[i])
        && net.activations.every((a, i) => a === own[i]) && net.lossName === model.nets[index].net.lossName;
      if (!fits) {
        const got = `${net.layers.join('-')} (${net.activations.join(', ')})`;
        net.delete();
        throw new Error(tl('importMismatch', { got, want: `${want.join('-')} (${own.join(', ')})` }));
      }
      model.replaceNetwork(index, net);
    },
    perfText: (fps) => t('perf', { fps, eps: fps }),
  };
}

export default {
  id: 'compare',
  order: 1,
  embedFigures: ['.net-card .output-box', '.net-card .net-stats .big'],
  ledeTitle: false, // the page's title asks this lesson's question
  keys: KEYS,
  controls: CONTROLS,
  figures: ['bestLineAccuracy', 'features', 'learningRate'],
  strings: bilingual({
    title: ['Linear vs tanh', '线性 vs tanh'],
    text: ['Two networks with the same layers and the same initial weights learn the same data. Only the activation of their hidden layers differs.', '两个网络层数相同、初始权重相同，学习同一份数据；唯一的区别是隐藏层的激活函数。'],
    network: ['Network {n}', '网络 {n}'],
    accuracyShort: ['test accuracy', '测试准确率'],
    lossShort: ['test loss', '测试损失'],
    diverged: ['diverged at epoch {epoch}: lower the learning rate to {lr}', '在第 {epoch} 轮发散：请把学习率降到 {lr}'],
    divergedNotice: ['Network {n} diverged at epoch {epoch} and stopped; network {other} goes on. Lower the learning rate to {lr} and restart (the button on network {n}’s card does both).', '网络 {n} 在第 {epoch} 轮发散，已停止训练；网络 {other} 继续训练。请把学习率降到 {lr} 并重新开始（网络 {n} 卡片上的按钮可以一步完成）。'],
    divergedBoth: ['Both networks diverged (network 1 at epoch {e1}, network 2 at epoch {e2}): lower the learning rate to {lr} and restart (the button on a card does both).', '两个网络都发散了（网络 1 在第 {e1} 轮，网络 2 在第 {e2} 轮）：请把学习率降到 {lr} 并重新开始（卡片上的按钮可以一步完成）。'],
    useRate: ['Use {lr} and restart', '改用 {lr} 并重新开始'],
    trainAccuracyShort: ['training accuracy', '训练准确率'],
    trainLossShort: ['training loss', '训练损失'],
    chartAria: ['Loss over time: after {epoch} epochs, {measure} {loss1} for network 1 and {loss2} for network 2.', '损失随训练的变化：训练 {epoch} 轮后，网络 1 的{measure}为 {loss1}，网络 2 为 {loss2}。'],
    activation1Aria: ['Network 1 activation', '网络 1 的激活函数'],
    activation2Aria: ['Network 2 activation', '网络 2 的激活函数'],
    outputStraight: ['{name} ({act}): {measure} {acc}; its decision boundary is a straight line.', '{name}（{act}）：{measure} {acc}；决策边界是一条直线。'],
    outputCurved: ['{name} ({act}): {measure} {acc}; its decision boundary can bend to follow the data.', '{name}（{act}）：{measure} {acc}；决策边界可以弯曲，贴合数据。'],
    outputFeatures: ['{name} ({act}), fed the features {phi}: {measure} {acc}; its decision boundary is flat in those features and can curve in the plane.', '{name}（{act}），输入特征 {phi}：{measure} {acc}；决策边界在这些特征的空间里是平的，在平面上可以是弯的。'],
    outputFit1d: ['{name} ({act}): its fit of the data as a curve over x; {measure} {loss}.', '{name}（{act}）：对数据的拟合曲线（横轴为 x）；{measure} {loss}。'],
    outputFit2d: ['{name} ({act}): its output over the input plane as colour; {measure} {loss}.', '{name}（{act}）：在输入平面上的输出（用颜色表示）；{measure} {loss}。'],
    outputDiverged: ['{name} ({act}) diverged: its output is no longer a number.', '{name}（{act}）已发散：输出已不再是有限的数。'],
    captionLinear: ['Only linear layers: the whole network is one affine map y = x·W′ + b′ (x a row vector, as in the thread; W′ = {product}, a matrix product). Its decision boundary x·W′ + b′ = 0 is a straight line, however many layers it has.', '全是线性层：整个网络就是一个仿射映射 y = x·W′ + b′（与原帖一样，x 是行向量；W′ = {product}，由矩阵乘法得到）。决策边界 x·W′ + b′ = 0 是一条直线，层数再多也一样。'],
    captionLinearOut: ['Only linear hidden layers: y = {out}(x·W′ + b′), one affine map (row vectors, as in the thread; W′ = {product}) inside the output’s {out}, so the decision boundary is straight, however deep.', '隐藏层全是线性的：y = {out}(x·W′ + b′)，即输出层的 {out} 套着一个仿射映射（与原帖一样用行向量，W′ = {product}），所以决策边界是直线，层数再多也一样。'],
    captionLinear1d: ['Only linear layers: the whole network is one affine map y = x·w′ + b′, so its fit is a straight line, however many layers it has.', '全是线性层：整个网络就是一个仿射映射 y = x·w′ + b′，拟合结果是一条直线，层数再多也一样。'],
    captionLinear1dOut: ['Only linear hidden layers: the whole network is y = {out}(x·w′ + b′), one affine function of x followed by the output layer’s {out}: at most a stretched and shifted {out} curve, however many layers it has.', '隐藏层全是线性的：整个网络就是 y = {out}(x·w′ + b′)，即 x 的一个仿射函数再经过输出层的 {out}：最多是一条平移、拉伸过的 {out} 曲线，层数再多也一样。'],
    captionLinearReg2d: ['Only linear layers: the whole network is one affine map y = x·W′ + b′, so its output over the plane is a tilted plane, however many layers it has.', '全是线性层：整个网络就是一个仿射映射 y = x·W′ + b′，它在平面上的输出只是一个倾斜的平面，层数再多也一样。'],
    captionLinearReg2dOut: ['Only linear hidden layers: the whole network is y = {out}(x·W′ + b′): it changes along one direction only, so its output over the plane is a tilted plane bent by {out}, however many layers it has.', '隐藏层全是线性的：整个网络就是 y = {out}(x·W′ + b′)：它只沿一个方向变化，所以它在平面上的输出只是被 {out} 弯折过的倾斜平面，层数再多也一样。'],
    captionNonlinearReg2d: ['{name} bends the output of every hidden layer; stacked, the bends form a curved surface that can follow the data.', '{name} 让每个隐藏层的输出发生弯曲；一层层叠起来，就成了能贴合数据的曲面。'],
    captionStep: ['The step is flat wherever it has a derivative, so backpropagation sends nothing back through a step layer: the hidden layers keep their random initial weights, and only the layers after the last step layer (here the output layer) learn. A step network can represent a curved boundary; backpropagation cannot train one.', '阶跃函数在有导数的地方都是平的（导数为 0），反向传播无法穿过阶跃层：隐藏层一直保持随机的初始权重，只有最后一个阶跃层之后的层（这里是输出层）在学习。阶跃网络能够表示弯曲的边界，只是无法用反向传播训练出来。'],
    captionNoHidden: ['No hidden layer: the activation is not used, and both networks are the same single layer (a single-layer perceptron). Add a hidden layer to see the difference.', '没有隐藏层：用不到隐藏层的激活函数，两个网络是同一个单层网络（单层感知器）。加一个隐藏层就能看出区别。'],
    captionNonlinear: ['{name} bends the output of every hidden layer; stacked, the bends form a curved decision boundary that can follow the data.', '{name} 让每个隐藏层的输出发生弯曲；一层层叠起来，就成了能贴合数据的弯曲决策边界。'],
    captionNonlinear1d: ['{name} bends the output of every hidden layer; stacked, the bends form a curve that can follow the data.', '{name} 让每个隐藏层的输出发生弯曲；一层层叠起来，就成了能贴合数据的曲线。'],
    captionRelu: ['ReLU is piecewise linear, yet not linear (relu(−1) + relu(1) = 1, relu(0) = 0): each unit adds a kink, and enough kinks follow any shape.', 'ReLU 是分段线性的，但不是线性函数（relu(−1) + relu(1) = 1，而 relu(0) = 0）：每个单元带来一个折点，折点足够多就能贴合任意形状。'],
    bestLine: ['· best any straight line can do (train)', '· 任何直线在训练集上最多能做到'],
    explainTitle: ['What you are seeing', '图中显示的是什么'],
    explain1: ['Each small square is one neuron’s output over the input plane; lines are weights (blue positive, orange negative, thicker = larger).', '每个小方块是一个神经元在输入平面上的输出；连线表示权重（蓝色为正，橙色为负，越粗绝对值越大）。'],
    explain1_1d: ['Each small square plots one neuron’s output against x; lines are weights (blue positive, orange negative, thicker = larger).', '每个小方块画出一个神经元的输出随 x 的变化；连线表示权重（蓝色为正，橙色为负，越粗绝对值越大）。'],
    explain2: ['Strictly, x·W is linear and x·W + b is affine. Two such layers give (x·W₁ + b₁)W₂ + b₂ = x·(W₁W₂) + (b₁W₂ + b₂): again one affine layer (x a row vector, as in the thread). Without a nonlinear activation, depth adds nothing.', '严格地说，x·W 是线性的，x·W + b 是仿射的。两层叠加：(x·W₁ + b₁)W₂ + b₂ = x·(W₁W₂) + (b₁W₂ + b₂)，仍然只是一个仿射层（与原帖一样，x 是行向量）。没有非线性激活函数，网络再深也没有用。'],
    explain3: ['Try: more layers for the linear network, or ReLU, sigmoid or the step instead of tanh.', '试一试：给线性网络加更多层，或者把 tanh 换成 ReLU、sigmoid 或阶跃函数。'],
    explainFeatures: ['Nonlinearity can also come from the inputs: on hand-made x₁², x₂², linear layers separate the circle, but someone had to choose them; a nonlinear hidden layer learns its own.', '非线性也可以来自输入：给线性网络输入人工构造的 x₁²、x₂²，它也能把圆圈分开；可这样的特征得有人事先想到，而非线性的隐藏层能自己学出特征。'],
    tryFeatures: ['Show me', '演示一下'],
    captionFeatures: ['No nonlinear activation, fed the features φ = ({phi}): y = {map}, affine in φ. The boundary is flat in φ but, as φ is nonlinear in x₁, x₂, curved in the plane: the curve comes from the features someone chose, not from the network.', '没有非线性激活函数，输入的是特征 φ = ({phi})：y = {map}，对 φ 是仿射的。决策边界在 φ 的空间里是平的，但 φ 是 x₁、x₂ 的非线性函数，所以在平面上可以是弯的：弯曲来自人挑选的特征，而不是网络本身。'],
    captionFeaturesReg2d: ['No nonlinear activation, fed the features φ = ({phi}): y = {map}, affine in φ, so over the plane the output is a weighted sum of those features plus a constant: it curves only as the chosen features do.', '没有非线性激活函数，输入的是特征 φ = ({phi})：y = {map}，对 φ 是仿射的。所以它在平面上的输出只是这些特征的加权和再加一个常数：能弯成什么样，全看挑了哪些特征。'],
    noFeature: ['At least one input feature must be on: the networks need an input.', '至少要保留一个输入特征：网络总得有输入。'],
    noticeResetData: ['New data: both networks restarted from the same new initial weights.', '数据已更新：两个网络从同一组新的初始权重重新开始。'],
    noticeResetNet: ['The architecture, an activation or the input features changed: both networks restarted from the same initial weights.', '结构、激活函数或输入特征已改变：两个网络从同一组初始权重重新开始。'],
    noticeReset: ['Both networks restarted from the same initial weights.', '两个网络已从同一组初始权重重新开始。'],
    own: OWN_KEY_TABLE, // the panel's own strings come with it (web/later-entry.js)
    importMismatch: ['This model is {got}; the network here is {want}. Set the same layers and activations first.', '这个模型是 {got}，而这里的网络是 {want}。请先设置相同的层数与激活函数。'],
  }),
  create: createCompareScene,
};
