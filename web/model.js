// The two networks and their data: no DOM here. Both networks get the same layer sizes, the same
// seed (so the same mini-batch order) and, through setWeights, the same initial weights; only
// their hidden activation differs. All numeric work is the engine's.
//
// Input features (2D data): both networks are fed the same features of each point, TensorFlow
// Playground's x, y, xSquared, ... (engine.features), not the point itself; the data keep the
// points (x1, x2) for drawing. The features of the training and test points and of both grids
// are computed when the networks are (re)built and when the grid changes, never per epoch.

import { decodePoints, KINDS } from './points.js';
import { needsFeatures } from './engine-later.js';

export const SAMPLES_2D = 500; // as TensorFlow Playground
export const SAMPLES_1D = 200;
export const DOMAIN_2D = 6; // inputs in [-6, 6]^2
export const DOMAIN_1D = 1; // x in [-1, 1]
export const GRID_2D = 100; // output heatmap: up to GRID_2D^2 points, one predict() per frame
export const GRID_2D_STEPS = [100, 80, 64, 50]; // the resolutions the frame loop may choose
export const THUMB_2D = 20; // neuron heatmaps: THUMB_2D^2 points, one layerOutputs() per frame
export const GRID_1D = 200;
export const THUMB_1D = 48;
const HISTORY_CAP = 3000;

// The learning rate `learningRate=auto` stands for, per kind of data: every dataset trains 200
// epochs at it without diverging (tests/browser/defaults.test.mjs). 2D regression needs less:
// its output is linear and its inputs reach 6, so a linear network diverges at 0.03 in the first
// epoch (at 0.02 it does not, on seeds 1-5). Its limit falls as the inputs grow: with input
// features such as x₁² (up to 36) the mean squared length of an input vector, 25 for x₁, x₂ on
// the plane, reaches 170-720 and 0.01 diverges too. So for 2D regression, auto is 0.01 while that
// mean is at most 50 (twice the plane's: 0.01 keeps the factor 2 it has there), else
// 0.01 x 50 / mean, rounded down to 1 or 3 x 10^k.
export const AUTO_RATES = { classification: 0.03, multiclass: 0.03, regression1d: 0.03, regression2d: 0.01 };
const AUTO_INPUT_SCALE = 50;

/** The largest 1 x 10^k or 3 x 10^k at most v. */
export function niceBelow(v) {
  const k = Math.floor(Math.log10(v)), p = 10 ** k;
  return v >= 3 * p ? 3 * p : p;
}

/** The mean over samples of |input|², inputs (n, width) row-major. */
function meanSquaredLength(x, n) {
  let s = 0;
  for (const v of x) s += v * v;
  return n ? s / n : 0;
}

/**
 * The learning rate `auto` means for `data` (a dataset as makeData returns it) fed `inputs` (the
 * networks' inputs at the training points, as TwinModel.inputs.train; omitted: the points).
 */
export function autoLearningRate(data, inputs = data.train.x) {
  if (data.kind === 'regression' && data.inputs === 2) {
    const s = meanSquaredLength(inputs, data.train.y.length);
    return s <= AUTO_INPUT_SCALE ? AUTO_RATES.regression2d : niceBelow((AUTO_RATES.regression2d * AUTO_INPUT_SCALE) / s);
  }
  if (data.kind === 'regression') return AUTO_RATES.regression1d;
  return AUTO_RATES[data.kind] ?? AUTO_RATES.classification;
}

/**
 * The input features the page offers (engine.featureNames, in the engine's order: the diagram's
 * order), with TensorFlow Playground's key names and the labels the page draws.
 */
export const FEATURES = Object.freeze([
  { name: 'x', label: 'x₁' }, { name: 'y', label: 'x₂' },
  { name: 'xSquared', label: 'x₁²' }, { name: 'ySquared', label: 'x₂²' }, { name: 'xTimesY', label: 'x₁x₂' },
  { name: 'sinX', label: 'sin(x₁)' }, { name: 'sinY', label: 'sin(x₂)' },
  { name: 'cosX', label: 'cos(x₁)' }, { name: 'cosY', label: 'cos(x₂)' },
].map(Object.freeze));
export const FEATURE_NAMES = Object.freeze(FEATURES.map((f) => f.name));
/** The features `state` turns on, in FEATURES order. */
export const featuresOn = (state) => FEATURE_NAMES.filter((f) => state[f] === true);

/** Points of a square grid over [-d, d]^2, row-major from the top-left (x2 = +d) corner. */
export function grid2d(size, d) {
  const x = new Float32Array(size * size * 2);
  for (let j = 0; j < size; j++) {
    const x2 = d - ((j + 0.5) * 2 * d) / size;
    for (let i = 0; i < size; i++) {
      const k = (j * size + i) * 2;
      x[k] = -d + ((i + 0.5) * 2 * d) / size;
      x[k + 1] = x2;
    }
  }
  return x;
}

/** size points from -d to d inclusive. */
export function grid1d(size, d) {
  return Float32Array.from({ length: size }, (_, i) => -d + (2 * d * i) / (size - 1));
}

/**
 * What the state means for this dataset: output layer, loss, and how to read an output.
 * centre/half map an output to [-1, 1] for colouring (and centre is the decision threshold).
 */
export function taskFor(kind, state, data) {
  if (kind === 'multiclass') {
    return { kind, outputActivation: 'linear', loss: 'softmax', centre: 0, half: 1 };
  }
  const auto = kind === 'classification' ? 'tanh' : 'linear';
  const outputActivation = state.outputActivation === 'auto' ? auto : state.outputActivation;
  if (kind === 'classification') {
    const unit = outputActivation === 'sigmoid' || outputActivation === 'step';
    return { kind, outputActivation, loss: outputActivation === 'sigmoid' ? 'bce' : 'mse',
      centre: unit ? 0.5 : 0, half: unit ? 0.5 : 1 };
  }
  let m = 0;
  for (const v of data.y) m = Math.max(m, Math.abs(v));
  return { kind, outputActivation, loss: 'mse', centre: 0, half: m > 1e-6 ? m : 1 };
}

export function accuracy(pred, y, outputs, centre) {
  const n = y.length / outputs;
  if (n === 0) return NaN;
  let ok = 0;
  if (outputs === 1) {
    for (let i = 0; i < n; i++) if ((pred[i] > centre) === (y[i] > 0)) ok++;
  } else {
    for (let i = 0; i < n; i++) {
      let best = 0, label = 0;
      for (let j = 1; j < outputs; j++) {
        if (pred[i * outputs + j] > pred[i * outputs + best]) best = j;
        if (y[i * outputs + j] > y[i * outputs + label]) label = j;
      }
      if (best === label) ok++;
    }
  }
  return ok / n;
}

/**
 * A dataset as the views draw it: { name, kind, inputs, outputs, train, test, all, domain, grid,
 * gridSize, thumbGrid, thumbSize }, from { dataset, noise (percent), percTrainData, seed }.
 * `n` overrides the sample count (500 for 2D, 200 for 1D data).
 */
export function makeData(engine, { dataset, noise = 0, percTrainData = 50, seed = 1, n, points = '' }, gridSize = GRID_2D) {
  if (dataset === 'own') return makeOwnData(points, gridSize);
  const probe = engine.dataset(dataset, { n: 4, noise: 0, seed: 1 });
  const count = n ?? (probe.inputs === 1 ? SAMPLES_1D : SAMPLES_2D);
  const all = engine.dataset(dataset, { n: count, noise: noise / 100, seed });
  const { train, test } = engine.split(all, { ratio: percTrainData / 100, seed: seed + 1 });
  const inputs = all.inputs;
  const d = inputs === 1 ? DOMAIN_1D : DOMAIN_2D;
  return {
    name: dataset, kind: all.kind, inputs, outputs: all.outputs, train, test, all,
    domain: d,
    grid: inputs === 1 ? grid1d(GRID_1D, d) : grid2d(gridSize, d),
    gridSize: inputs === 1 ? GRID_1D : gridSize,
    thumbGrid: inputs === 1 ? grid1d(THUMB_1D, d) : grid2d(THUMB_2D, d),
    thumbSize: inputs === 1 ? THUMB_1D : THUMB_2D,
  };
}

/**
 * The reader's own points (the `points` key, web/points.js) as a dataset: every point is training
 * data (clicked points should not vanish into a hidden test set); the test set is empty. No
 * points yet: an empty dataset of two classes.
 */
export function makeOwnData(points, gridSize = GRID_2D) {
  const decoded = points ? decodePoints(points) : { kind: 'c', rows: [] };
  if (decoded.error) throw new Error(`points: ${decoded.error.code}`); // the key's parser let it through: a bug
  const { kind: letter, rows } = decoded;
  const { inputs, kind } = KINDS[letter];
  const x = new Float32Array(rows.length * inputs), y = new Float32Array(rows.length);
  rows.forEach((r, i) => { for (let j = 0; j < inputs; j++) x[i * inputs + j] = r[j]; y[i] = r[inputs]; });
  const set = { x, y, inputs, outputs: 1, kind };
  const empty = { x: new Float32Array(0), y: new Float32Array(0), inputs, outputs: 1, kind };
  const d = inputs === 1 ? DOMAIN_1D : DOMAIN_2D;
  return {
    name: 'own', own: letter, kind, inputs, outputs: 1, train: set, test: empty, all: set,
    domain: d,
    grid: inputs === 1 ? grid1d(GRID_1D, d) : grid2d(gridSize, d),
    gridSize: inputs === 1 ? GRID_1D : gridSize,
    thumbGrid: inputs === 1 ? grid1d(THUMB_1D, d) : grid2d(THUMB_2D, d),
    thumbSize: inputs === 1 ? THUMB_1D : THUMB_2D,
  };
}

export class TwinModel {
  constructor(engine) {
    this.engine = engine;
    this.nets = [];
    this.data = null;
    this.gridSize2d = GRID_2D;
    // The networks' inputs: { features, width, train, test, grid, thumb }. features: the names
    // fed to the networks (null for 1D data, whose networks get x itself); width: inputs per
    // sample; train, test, grid, thumb: the inputs at data.train.x, data.test.x, data.grid and
    // data.thumbGrid, (n, width) row-major. Set by rebuildNetworks().
    this.inputs = null;
  }

  #planes = null; // every feature over the 2D thumbnail grid (planes())

  /** Resolution of the 2D output heatmap (points per side); 1D data is unaffected. */
  setGridSize2d(size) {
    this.gridSize2d = size;
    if (this.data && this.data.inputs === 2) {
      this.data.grid = grid2d(size, this.data.domain);
      this.data.gridSize = size;
      if (this.inputs) this.inputs.grid = this.featuresAt(this.data.grid);
    }
  }

  /** The networks' inputs at the points x (n, 2): the features in use, or x itself for 1D data. */
  featuresAt(x, features = this.inputs?.features) {
    // x₁, x₂ alone (the default) are the points themselves: no call into the engine
    if (!features || !needsFeatures(features)) return x;
    return x.length ? this.engine.features(x, features) : new Float32Array(0);
  }

  /**
   * Every feature (FEATURES order) over the 2D thumbnail grid, for the diagram's input nodes:
   * { names, values (thumbSize² x names.length, row-major, grid order as data.thumbGrid),
   * scale (per feature, the largest |value|: what the colour scale's ends mean) }. The grid is
   * the same for every 2D dataset, so this is computed once.
   */
  planes() {
    if (!this.#planes) {
      const values = this.engine.features(grid2d(THUMB_2D, DOMAIN_2D), FEATURE_NAMES);
      const k = FEATURE_NAMES.length, scale = new Float32Array(k);
      for (let p = 0; p < values.length; p++) scale[p % k] = Math.max(scale[p % k], Math.abs(values[p]));
      this.#planes = Object.freeze({ names: FEATURE_NAMES, values, scale });
    }
    return this.#planes;
  }

  /** The learning rate in use: the state's, or for `auto` the one for this data and these inputs. */
  learningRate(state) {
    return state.learningRate === 'auto' ? autoLearningRate(this.data, this.inputs?.train) : state.learningRate;
  }

  /** Computes the networks' inputs from the data and the features `state` turns on. */
  #computeInputs(state) {
    const d = this.data;
    const features = d.inputs === 2 ? featuresOn(state) : null;
    if (features && features.length === 0) throw new Error('features: no input feature is on (at least one must be)');
    const at = (x) => this.featuresAt(x, features);
    this.inputs = { features, width: features ? features.length : d.inputs,
      train: at(d.train.x), test: at(d.test.x), grid: at(d.grid), thumb: at(d.thumbGrid) };
  }

  /** New dataset and split from the state's dataset, noise, percTrainData and seed. */
  rebuildData(state) {
    this.data = makeData(this.engine, state, this.gridSize2d);
  }

  /**
   * New data from the state, keeping both networks (weights, epochs, history) when they fit it:
   * the same inputs, outputs and kind. Returns true if they were kept; otherwise they are rebuilt.
   */
  replaceData(state) {
    const old = this.data;
    this.rebuildData(state);
    const d = this.data;
    if (!this.nets.length || d.inputs !== old.inputs || d.outputs !== old.outputs || d.kind !== old.kind) {
      this.rebuildNetworks(state);
      return false;
    }
    this.#computeInputs(state);
    this.task = taskFor(d.kind, state, d.all);
    this.measure();
    return true;
  }

  /**
   * Two fresh networks with identical initial weights, fed the features `state` turns on (their
   * inputs computed anew: call it after any change to the data); frees the old ones.
   */
  rebuildNetworks(state) {
    this.#computeInputs(state); // may throw (no feature on): the old networks stay
    this.freeNetworks();
    const { outputs, kind, all } = this.data;
    this.task = taskFor(kind, state, all);
    const layers = [this.inputs.width, ...state.networkShape, outputs];
    const seed = state.seed + 2;
    const make = (activation) => this.engine.createNetwork({
      layers, activation, outputActivation: this.task.outputActivation, loss: this.task.loss, seed });
    const a = make(state.activation);
    const b = make(state.activation2);
    b.setWeights(a.getWeights());
    this.nets = [a, b].map((net, i) => ({
      net, activation: i === 0 ? state.activation : state.activation2,
      epoch: 0, diverged: false,
      trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN,
      history: { epoch: [], train: [], test: [] },
    }));
    this.measure();
  }

  /** Puts `net` (same layers and activations) in place of network `index`, trained 0 epochs. */
  replaceNetwork(index, net) {
    const n = this.nets[index];
    n.net.delete();
    Object.assign(n, { net, epoch: 0, diverged: false, history: { epoch: [], train: [], test: [] } });
    this.measure();
  }

  /**
   * Sets weight w = { layer, out, in } of network `index` to `value`, and only there (the other
   * network keeps its own weights; reset() gives both the shared initial weights again); then
   * measures both. Throws, changing nothing, if w is not a weight of the network or value is not
   * a finite number.
   */
  setWeight(index, w, value) {
    const n = this.nets[index];
    if (!n) throw new Error(`network: ${index} must be 0 or 1`);
    const { layers } = n.net, { layer, out, in: i } = w ?? {};
    const ok = (v, hi) => Number.isInteger(v) && v >= 0 && v < hi;
    if (!ok(layer, layers.length - 1) || !ok(out, layers[layer + 1]) || !ok(i, layers[layer])) {
      throw new Error(`weight: ${JSON.stringify(w)} is not a weight of layers ${layers.join('-')}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`weight: ${value} must be a finite number`);
    const all = n.net.getWeights();
    all[layer].W[out * layers[layer] + i] = value;
    n.net.setWeights(all);
    this.measure();
  }

  freeNetworks() {
    for (const n of this.nets) n.net.delete();
    this.nets = [];
  }

  /**
   * Trains every network that has not diverged for `epochs` full passes over the training set,
   * one epoch at a time, measuring after each: the loss chart has every epoch however many run
   * per frame or per playground.step(n).
   */
  train(epochs, state) {
    const { train } = this.data, x = this.inputs.train;
    if (epochs <= 0 || train.y.length === 0) return;
    const opts = {
      epochs: 1, batchSize: state.batchSize, learningRate: this.learningRate(state), optimizer: state.optimizer,
      l1: state.regularization === 'L1' ? state.regularizationRate : 0,
      l2: state.regularization === 'L2' ? state.regularizationRate : 0,
    };
    for (let e = 0; e < epochs; e++) {
      let any = false;
      for (const n of this.nets) {
        if (n.diverged) continue;
        const loss = n.net.fit(x, train.y, opts);
        n.epoch += 1;
        any = true;
        if (!Number.isFinite(loss)) n.diverged = true;
      }
      if (!any) break;
      // the chart needs every epoch's losses; the accuracies are shown for the last one only
      this.measure({ accuracy: e === epochs - 1 });
    }
  }

  /** Losses and accuracies of both networks at their current weights; appends to the history. */
  measure({ accuracy: withAccuracy = true } = {}) {
    const { train, test, outputs } = this.data, { train: xTrain, test: xTest } = this.inputs;
    const cls = withAccuracy && this.task.kind !== 'regression';
    for (const n of this.nets) {
      // own data may have no points yet: nothing to measure
      n.trainLoss = train.y.length ? n.net.loss(xTrain, train.y) : NaN;
      n.testLoss = test.y.length ? n.net.loss(xTest, test.y) : NaN;
      if (train.y.length && !Number.isFinite(n.trainLoss)) n.diverged = true;
      if (cls) {
        n.trainAccuracy = train.y.length ? accuracy(n.net.predict(xTrain), train.y, outputs, this.task.centre) : NaN;
        n.testAccuracy = test.y.length ? accuracy(n.net.predict(xTest), test.y, outputs, this.task.centre) : NaN;
      }
      const h = n.history;
      if (h.epoch.length && h.epoch[h.epoch.length - 1] === n.epoch) {
        h.train[h.train.length - 1] = n.trainLoss;
        h.test[h.test.length - 1] = n.testLoss;
      } else {
        h.epoch.push(n.epoch); h.train.push(n.trainLoss); h.test.push(n.testLoss);
      }
      if (h.epoch.length > HISTORY_CAP) {
        // keep the first point and every other one after it
        for (const k of ['epoch', 'train', 'test']) h[k] = h[k].filter((_, i) => i === 0 || i % 2 === 1);
      }
    }
  }

  /** One predict() over the output grid per net; with diagrams, one layerOutputs() over the thumbnail grid and the weights too. */
  evaluate({ diagrams = true } = {}) {
    const { grid, thumb } = this.inputs;
    return this.nets.map((n) => ({
      output: n.net.predict(grid),
      // what the diagrams draw, when they are drawn
      layers: diagrams ? n.net.layerOutputs(thumb) : null,
      weights: diagrams ? n.net.getWeights() : null,
    }));
  }

  summary() {
    const cls = this.task.kind !== 'regression';
    return this.nets.map((n) => {
      const s = { activation: n.activation, epoch: n.epoch, trainLoss: n.trainLoss, testLoss: n.testLoss, diverged: n.diverged,
        chartEpochs: n.history.epoch.length };
      if (cls) { s.trainAccuracy = n.trainAccuracy; s.testAccuracy = n.testAccuracy; }
      return s;
    });
  }
}
