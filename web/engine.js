// The engine's public JS API (docs/api.md): a thin ES module over the Embind glue.
//
// Who checks what: this wrapper checks types and shapes (a JS Error naming the field), and the
// lengths of what it would copy into WebAssembly memory (names, layer lists, arrays) against the
// engine's exported limits, before copying; the engine checks values (ranges, names,
// finiteness) and owns every limit, default and name list, which it exports (engine.limits,
// engine.activations, ...). An engine error comes back
// as a value: the call returns normally, its arguments freed and the WASM stack pointer
// restored, with an error flag raised in WASM memory; the wrapper then throws
// `new Error(message)` here, in JS (engine/bindings/bindings.cpp). Bulk data is written into
// the engine's staging buffers and results come back as copies.
import createNlpModule from '../build/wasm/nlp_engine.cjs';
import { LATER_ENTRIES, LATER_WASM, FIRST_ACTIVATIONS } from './engine-later.js';

const STAGE_X = 0;
const STAGE_Y = 1;
const STAGE_W = 2;
const JSON_FORMAT = 'nonlinear-playground/network@1';

// Everything this wrapper uses from the module: its memory, the error channel, the engine's
// entries (functions, and the Net class). A module without one of them (a stale or mismatched
// build) fails at load, naming what is missing.
const MODULE_MEMORY = ['HEAPU8', 'HEAP32', 'HEAPF32'];
const ERROR_CHANNEL = ['errorFlag', 'takeError'];
const ENTRIES = ['entries', 'version', 'names', 'limits', 'defaults', 'stage', 'dataset', 'split', 'leastSquares', 'pca',
  'principalAngle', 'bestLineAccuracy', 'activationCurve', 'features', 'heapInUse', 'liveNetworks'];
const NET_STATICS = ['create'];
const NET_METHODS = ['parameterCount', 'layers', 'activations', 'lossName', 'seed', 'affineA', 'affineC', 'fit',
  'predict', 'loss', 'gradients', 'parameters', 'setParameters', 'layerOutputs', 'collapse', 'collapseDeviation',
  'linearPieces', 'fitSynthetic', 'syntheticProbe'];

let enginePromise = null;

/**
 * Loads the WebAssembly engine and returns the API object: one per page or process (every call
 * returns the same engine, whose staging buffers are the module's).
 */
export function loadEngine() {
  if (!enginePromise) enginePromise = createNlpModule().then((M) => new Engine(throwingErrors(checkedModule(M))));
  return enginePromise;
}

/** M, if it has every member this wrapper uses; else an Error naming each missing one. */
function checkedModule(M) {
  const missing = [...MODULE_MEMORY, ...ERROR_CHANNEL, ...ENTRIES, 'Net'].filter((name) => M[name] === undefined);
  if (M.Net !== undefined) {
    for (const name of NET_STATICS) if (typeof M.Net[name] !== 'function') missing.push(`Net.${name}`);
    for (const name of NET_METHODS) if (typeof M.Net.prototype[name] !== 'function') missing.push(`Net.prototype.${name}`);
  }
  if (missing.length > 0)
    throw new Error(`engine: the WebAssembly module lacks ${missing.join(', ')} (a stale or mismatched build: run npm run build)`);
  return M;
}

/**
 * Makes every entry the engine registered (M.entries(): all of them return errors as values)
 * throw its error in JS: after the call has returned, when the engine's error flag is raised,
 * the message is taken and thrown as an Error. Costs one 32-bit load per call.
 */
function throwingErrors(M) {
  const flag = M.errorFlag() >>> 2;  // index into HEAP32
  const takeError = M.takeError;
  const checked = (f) => function checkedEntry(...args) {
    const result = f.apply(this, args);
    if (M.HEAP32[flag] !== 0) throw new Error(takeError());  // HEAP32 read after any memory growth
    return result;
  };
  const { functions, netStatics, netMethods } = M.entries();
  const unchecked = [
    ...ENTRIES.filter((name) => !functions.includes(name)),
    ...NET_STATICS.filter((name) => !netStatics.includes(name)).map((name) => `Net.${name}`),
    ...NET_METHODS.filter((name) => !netMethods.includes(name)).map((name) => `Net.prototype.${name}`),
  ];
  if (unchecked.length > 0)
    throw new Error(`engine: the WebAssembly module does not report errors as values from ${unchecked.join(', ')} (a mismatched build: run npm run build)`);
  for (const name of functions) M[name] = checked(M[name]);
  for (const name of netStatics) M.Net[name] = checked(M.Net[name]);
  for (const name of netMethods) M.Net.prototype[name] = checked(M.Net.prototype[name]);
  // The first part of a split module (web/engine-later.js): its later entries refuse to run until
  // the later part is in, before anything is passed to them
  const later = M.nlpLater;
  if (later) {
    const waiting = (f, name) => function laterEntry(...args) {
      if (later.pending) throw new Error(`engine.${name}: it is in ${LATER_WASM}, which has not loaded yet (await engine.loadLater())`);
      return f.apply(this, args);
    };
    for (const name of LATER_ENTRIES.functions) M[name] = waiting(M[name], name);
    for (const name of LATER_ENTRIES.netMethods) M.Net.prototype[name] = waiting(M.Net.prototype[name], `Net.${name}`);
  }
  return M;
}

const INT32 = 2 ** 31;
const QUOTE_LENGTH = 60;  // characters of a bad value a message quotes (as the engine's quote())
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** `s` quoted for a message: its first QUOTE_LENGTH characters, then an ellipsis if it is longer. */
const quote = (s) => {
  if (s.length <= QUOTE_LENGTH) return `'${s}'`;
  let head = s.slice(0, QUOTE_LENGTH);
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);  // never half a surrogate pair
  return `'${head}…'`;
};
const describe = (v) => {
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return `a ${v.constructor?.name ?? 'object'}`;
  return String(v);
};

/** An integer the engine's 32-bit integer parameters can take; the engine checks its range. */
function checkInt(value, field) {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${field}: ${describe(value)} must be an integer`);
  if (value < -INT32 || value >= INT32) throw new Error(`${field}: ${value} must be an integer in ${-INT32}..${INT32 - 1}`);
  return value;
}

/** A size that shapes an array here (samples = length / size): an integer >= 1. */
function checkSize(value, field) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value >= INT32)
    throw new Error(`${field}: ${describe(value)} must be an integer >= 1`);
  return value;
}

/** A seed: every integer the engine's 64-bit seed takes exactly from a JS number. */
function checkSeed(value) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > Number.MAX_SAFE_INTEGER)
    throw new Error(`seed: ${describe(value)} must be an integer in 0..${Number.MAX_SAFE_INTEGER}`);
  return value;
}

function checkNumber(value, field) {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`${field}: ${describe(value)} must be a number`);
  return value;
}

function checkString(value, field) {
  if (typeof value !== 'string') throw new Error(`${field}: ${describe(value)} must be a string`);
  return value;
}

/**
 * A name (activation, loss, dataset, kind, optimizer): a string of at most limits.nameLength
 * characters, refused here before it is copied into WebAssembly memory.
 */
function checkName(value, field, limits) {
  checkString(value, field);
  if (value.length > limits.nameLength)
    throw new Error(`${field}: ${quote(value)} (${value.length} characters) is longer than ${limits.nameLength} characters (engine.limits.nameLength)`);
  return value;
}

/**
 * A plain copy of a list (an array or a Proxy of one): its getters run here, in JS, before the
 * engine is called, and at most limits.layers entries are read.
 */
function layerList(value, field, limits) {
  if (!Array.isArray(value) || value.length < 2)
    throw new Error(`${field}: ${describe(value)} must be an array [inputs, ...hidden, outputs] of at least 2 sizes`);
  if (value.length > limits.layers)
    throw new Error(`${field}: ${value.length} sizes, at most ${limits.layers} (engine.limits.layers: inputs, up to ${limits.hiddenLayers} hidden, outputs)`);
  return Array.from(value);
}

/** The most values one array argument may hold (engine.limits.stagingFloats), checked before it is copied. */
function checkLength(length, field, limits) {
  if (length > limits.stagingFloats)
    throw new Error(`${field}: ${length} values, more than the ${limits.stagingFloats} one array can hold (engine.limits.stagingFloats)`);
}

function checkOptions(options, field) {
  if (options === undefined) return {};
  if (!isObject(options)) throw new Error(`${field}: ${describe(options)} must be an object`);
  return options;
}

/**
 * A Float32Array of numeric input (the input itself if it is one); throws naming the field
 * otherwise. Whether every value is finite is the engine's check, on the staged copy. Every
 * conversion of a call's arrays happens before any of them is staged: a getter (a Proxy) that
 * calls the engine runs here, never between staging and the call.
 */
function asFloat32(values, field, limits) {
  if (values instanceof Float32Array) {
    checkLength(values.length, field, limits);
    return values;
  }
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
    checkLength(values.length, field, limits);
    const out = new Float32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number') throw new Error(`${field}[${i}]: ${describe(v)} is not a number`);
      out[i] = v;
    }
    return out;
  }
  throw new Error(`${field}: expected a Float32Array or an array of numbers, got ${describe(values)}`);
}

function sampleCount(x, width, field) {
  if (x.length === 0 || x.length % width !== 0)
    throw new Error(`${field}: length ${x.length} is not a positive multiple of ${width} (the number of ${field === 'x' ? 'inputs' : 'outputs'})`);
  return x.length / width;
}

class Engine {
  #M;
  #cap = [0, 0, 0];
  #ptr = [0, 0, 0];
  #defaults;

  constructor(M) {
    this.#M = M;
    this.version = M.version();
    const names = M.names();
    this.activations = Object.freeze(names.activations);
    this.datasets = Object.freeze(names.datasets);
    this.datasetKinds = Object.freeze(names.datasetKinds);
    this.losses = Object.freeze(names.losses);
    this.optimizers = Object.freeze(names.optimizers);
    this.featureNames = Object.freeze(names.features);
    this.limits = Object.freeze(M.limits());
    const defaults = M.defaults();
    this.#defaults = Object.freeze({ affine: Object.freeze(defaults.affine), train: Object.freeze(defaults.train) });
    Object.freeze(this);
  }

  /**
   * false while the page's engine, over http, waits for the later part of its module
   * (web/engine-later.js): until loadLater() has resolved, those entries throw an Error naming the file.
   */
  get complete() {
    return !this.#M.nlpLater?.pending;
  }

  /** Loads the later part of a split module (resolves at once where the module is whole); rejects naming the file. */
  loadLater() {
    return this.#M.nlpLater ? this.#M.nlpLater.load() : Promise.resolve();
  }

  /** Current size of the WebAssembly memory, in bytes. */
  get memoryBytes() {
    return this.#M.HEAPU8.buffer.byteLength;
  }

  /** Copies `values` (a Float32Array) into staging slot `slot`; returns its address. */
  _stage(slot, values, field) {
    if (values.length > this.#cap[slot]) {
      // Grow geometrically, never asking beyond the engine's limit for one array (it refuses a
      // longer array, naming `field`).
      const cap = Math.max(values.length, Math.min(Math.max(2 * this.#cap[slot], 1024), this.limits.stagingFloats));
      this.#ptr[slot] = this.#M.stage(slot, cap, field);
      this.#cap[slot] = cap;
    }
    this.#M.HEAPF32.set(values, this.#ptr[slot] >>> 2);  // HEAPF32 read after any growth
    return this.#ptr[slot];
  }

  /** The Emscripten module, for tests and diagnostics (docs/api.md, "Diagnostics"). */
  get _module() {
    return this.#M;
  }

  dataset(name, options) {
    checkName(name, 'dataset', this.limits);
    const { n, noise = 0, seed = 1 } = checkOptions(options, 'options');
    checkInt(n, 'n');
    checkNumber(noise, 'noise');
    checkSeed(seed);
    return this.#M.dataset(name, n, noise, seed);
  }

  split(data, options) {
    if (!isObject(data)) throw new Error(`data: ${describe(data)} must be a dataset object`);
    const { ratio = 0.5, seed = 1 } = checkOptions(options, 'options');
    checkNumber(ratio, 'ratio');
    checkSeed(seed);
    const inputs = checkSize(data.inputs, 'data.inputs');
    const outputs = checkSize(data.outputs, 'data.outputs');
    const x = asFloat32(data.x, 'data.x', this.limits);
    const n = sampleCount(x, inputs, 'x');
    const y = asFloat32(data.y, 'data.y', this.limits);
    if (y.length !== n * outputs) throw new Error(`data.y: length ${y.length}, expected ${n * outputs} (${n} samples x ${outputs} outputs)`);
    const kind = data.kind === undefined ? 'regression' : checkName(data.kind, 'data.kind', this.limits);
    const px = this._stage(STAGE_X, x, 'data.x');
    const py = this._stage(STAGE_Y, y, 'data.y');
    return this.#M.split(px, py, n, inputs, outputs, kind, ratio, seed);
  }

  createNetwork(options) {
    const o = checkOptions(options, 'options');
    const { layers, activation = 'tanh', outputActivation = 'linear', affine = this.#defaults.affine, loss = 'mse', seed = 1 } = o;
    // Plain copies, checked against the engine's limits before anything reaches the engine.
    const sizes = layerList(layers, 'layers', this.limits);
    sizes.forEach((s, i) => checkInt(s, `layers[${i}]`));
    const hidden = sizes.length - 2;
    let names;
    if (typeof activation === 'string') names = new Array(hidden).fill(checkName(activation, 'activation[0]', this.limits));
    else if (Array.isArray(activation)) {
      if (activation.length !== hidden)
        throw new Error(`activation: ${activation.length} names given, the net has ${hidden} hidden layers`);
      names = Array.from(activation).map((a, i) => checkName(a, `activation[${i}]`, this.limits));
    } else throw new Error(`activation: ${describe(activation)} must be a name or an array of names`);
    names.push(checkName(outputActivation, 'outputActivation', this.limits));
    // the first part of a split module has the kernels of FIRST_ACTIVATIONS only (web/engine-later.js)
    const later = this.complete ? undefined : names.find((n) => this.activations.includes(n) && !FIRST_ACTIVATIONS.includes(n));
    if (later) throw new Error(`activation '${later}': its kernels are in ${LATER_WASM}, which has not loaded yet (await engine.loadLater())`);
    if (!isObject(affine)) throw new Error(`affine: ${describe(affine)} must be an object { a, c }`);
    const a = checkNumber(affine.a ?? this.#defaults.affine.a, 'affine.a');
    const c = checkNumber(affine.c ?? this.#defaults.affine.c, 'affine.c');
    checkName(loss, 'loss', this.limits);
    checkSeed(seed);
    return new Network(this, this.#M.Net.create(sizes, names, a, c, loss, seed), this.#defaults.train);
  }

  networkFromJSON(obj) {
    if (!isObject(obj)) throw new Error(`json: ${describe(obj)} must be an object from net.toJSON()`);
    if (obj.format !== JSON_FORMAT) throw new Error(`json.format: ${describe(obj.format)}, expected '${JSON_FORMAT}'`);
    layerList(obj.layers, 'json.layers', this.limits);
    if (!Array.isArray(obj.activations) || !Array.isArray(obj.layers) || obj.activations.length !== obj.layers.length - 1)
      throw new Error('json.activations: must hold one name per layer after the input');
    const net = this.createNetwork({
      layers: obj.layers,
      activation: obj.activations.slice(0, -1),
      outputActivation: obj.activations[obj.activations.length - 1],
      affine: obj.affine ?? undefined,  // null or absent: the default
      loss: obj.loss ?? 'mse',
      seed: obj.seed ?? 1,
    });
    try {
      net.setWeights(obj.weights, 'json.weights');
    } catch (e) {
      net.delete();
      throw e;
    }
    return net;
  }

  /** f and f' of activation `name` at each of `xs`: { value, derivative } (Float32Arrays). */
  activationCurve(name, xs, options) {
    checkName(name, 'activation', this.limits);
    const { a = this.#defaults.affine.a, c = this.#defaults.affine.c } = checkOptions(options, 'options');
    checkNumber(a, 'a');
    checkNumber(c, 'c');
    const values = asFloat32(xs, 'xs', this.limits);
    return this.#M.activationCurve(name, this._stage(STAGE_X, values, 'xs'), values.length, a, c);
  }

  /**
   * The input features `features` (names, engine.featureNames: TensorFlow Playground's x, y,
   * xSquared, ...) at the points x (n, 2) row-major: a Float32Array (n, k), one column per
   * feature in the order given. The list is checked against the number of features before it is
   * copied; the engine refuses an empty list, an unknown name and a name given twice.
   */
  features(x, features) {
    if (!Array.isArray(features)) throw new Error(`features: ${describe(features)} must be an array of feature names`);
    if (features.length > this.featureNames.length)
      throw new Error(`features: ${features.length} names, at most ${this.featureNames.length} (each feature once: ${this.featureNames.join(', ')})`);
    const names = Array.from(features, (f, i) => checkName(f, `features[${i}]`, this.limits));
    const xs = asFloat32(x, 'x', this.limits);
    const n = sampleCount(xs, 2, 'x');
    return this.#M.features(names, this._stage(STAGE_X, xs, 'x'), n);
  }

  leastSquares(x, y, inputs) {
    checkSize(inputs, 'inputs');
    const xs = asFloat32(x, 'x', this.limits);
    const n = sampleCount(xs, inputs, 'x');
    const ys = asFloat32(y, 'y', this.limits);
    const outputs = ys.length / n;
    if (!Number.isInteger(outputs) || outputs < 1) throw new Error(`y: length ${ys.length} is not a positive multiple of ${n} (the number of samples)`);
    return this.#M.leastSquares(this._stage(STAGE_X, xs, 'x'), this._stage(STAGE_Y, ys, 'y'), n, inputs, outputs);
  }

  pca(x, inputs) {
    checkSize(inputs, 'inputs');
    const xs = asFloat32(x, 'x', this.limits);
    const n = sampleCount(xs, inputs, 'x');
    return this.#M.pca(this._stage(STAGE_X, xs, 'x'), n, inputs);
  }

  /** The best accuracy (a fraction) any straight line (inputs 2) or threshold (inputs 1) reaches
   *  on the points x (n, inputs) with labels y (n), each +1 or -1: exact (docs/api.md). */
  bestLineAccuracy(x, y, inputs) {
    checkSize(inputs, 'inputs');
    const xs = asFloat32(x, 'x', this.limits);
    const n = sampleCount(xs, inputs, 'x');
    const ys = asFloat32(y, 'y', this.limits);
    if (ys.length !== n) throw new Error(`y: length ${ys.length} is not ${n} (one label per point)`);
    return this.#M.bestLineAccuracy(this._stage(STAGE_X, xs, 'x'), this._stage(STAGE_Y, ys, 'y'), n, inputs);
  }

  principalAngle(A, B, dim) {
    checkSize(dim, 'dim');
    const a = asFloat32(A, 'A', this.limits);
    const b = asFloat32(B, 'B', this.limits);
    const p = sampleCount(a, dim, 'A');
    const q = sampleCount(b, dim, 'B');
    return this.#M.principalAngle(this._stage(STAGE_X, a, 'A'), p, this._stage(STAGE_Y, b, 'B'), q, dim);
  }
}

class Network {
  #engine;
  #handle;
  #train;  // the engine's defaults of fit's options

  constructor(engine, handle, trainDefaults) {
    this.#engine = engine;
    this.#handle = handle;
    this.#train = trainDefaults;
    this.layers = Object.freeze(handle.layers());
    this.activations = Object.freeze(handle.activations());
    this.lossName = handle.lossName();
    this.seed = handle.seed();
    this.affine = Object.freeze({ a: handle.affineA(), c: handle.affineC() });
  }

  get #h() {
    if (!this.#handle) throw new Error('network: used after delete()');
    return this.#handle;
  }

  // x (and y) checked for type and shape, and staged: [address of x, (address of y,) samples].
  // The engine checks that every staged value is finite.
  #x(x) {
    const xs = asFloat32(x, 'x', this.#engine.limits);
    const n = sampleCount(xs, this.layers[0], 'x');
    return [this.#engine._stage(STAGE_X, xs, 'x'), n];
  }

  #xy(x, y) {
    // Both converted before either is staged (asFloat32).
    const limits = this.#engine.limits;
    const xs = asFloat32(x, 'x', limits);
    const n = sampleCount(xs, this.layers[0], 'x');
    const ys = asFloat32(y, 'y', limits);
    const outputs = this.layers[this.layers.length - 1];
    if (ys.length !== n * outputs) throw new Error(`y: length ${ys.length}, expected ${n * outputs} (${n} samples x ${outputs} outputs)`);
    return [this.#engine._stage(STAGE_X, xs, 'x'), this.#engine._stage(STAGE_Y, ys, 'y'), n];
  }

  fit(x, y, options) {
    const d = this.#train;
    const { epochs = d.epochs, batchSize = d.batchSize, learningRate = d.learningRate, optimizer = d.optimizer, l1 = d.l1,
      l2 = d.l2 } = checkOptions(options, 'options');
    checkInt(epochs, 'epochs');
    checkInt(batchSize, 'batchSize');
    checkNumber(learningRate, 'learningRate');
    checkName(optimizer, 'optimizer', this.#engine.limits);
    checkNumber(l1, 'l1');
    checkNumber(l2, 'l2');
    const h = this.#h;
    const [px, py, n] = this.#xy(x, y);
    return h.fit(px, py, n, epochs, batchSize, learningRate, optimizer, l1, l2);
  }

  predict(x) {
    const h = this.#h;
    return h.predict(...this.#x(x));
  }

  loss(x, y) {
    const h = this.#h;
    return h.loss(...this.#xy(x, y));
  }

  gradients(x, y) {
    const h = this.#h;
    return this.#split(h.gradients(...this.#xy(x, y)));
  }

  parameters() {
    return this.#h.parameters();
  }

  getWeights() {
    return this.#split(this.#h.parameters());
  }

  setWeights(layers, field = 'weights') {
    const h = this.#h;
    const L = this.layers.length - 1;
    if (!Array.isArray(layers) || layers.length !== L)
      throw new Error(`${field}: ${describe(layers)} must be an array of ${L} layers { W, b }`);
    const flat = new Float32Array(h.parameterCount());
    let at = 0;
    for (let l = 0; l < L; l++) {
      const layer = layers[l];
      if (!isObject(layer)) throw new Error(`${field}[${l}]: ${describe(layer)} must be an object { W, b }`);
      const rows = this.layers[l + 1];
      const cols = this.layers[l];
      const W = asFloat32(layer.W, `${field}[${l}].W`, this.#engine.limits);
      const b = asFloat32(layer.b, `${field}[${l}].b`, this.#engine.limits);
      if (W.length !== rows * cols) throw new Error(`${field}[${l}].W: length ${W.length}, expected ${rows * cols} (${rows} x ${cols})`);
      if (b.length !== rows) throw new Error(`${field}[${l}].b: length ${b.length}, expected ${rows}`);
      flat.set(W, at);
      flat.set(b, at + W.length);
      at += W.length + b.length;
    }
    h.setParameters(this.#engine._stage(STAGE_W, flat, field), flat.length, field);
  }

  /** Per layer, (n, units) activations A = f(Z); with { pre: true } the pre-activations Z = W x + b. */
  layerOutputs(x, options) {
    const { pre = false } = checkOptions(options, 'options');
    if (typeof pre !== 'boolean') throw new Error(`pre: ${describe(pre)} must be true or false`);
    const h = this.#h;
    return h.layerOutputs(...this.#x(x), pre);
  }

  collapse() {
    return this.#h.collapse();
  }

  /** The largest |net(x) - (W' x + b')| over x and every output; throws like collapse(). */
  collapseDeviation(x) {
    const h = this.#h;
    return h.collapseDeviation(...this.#x(x));
  }

  /**
   * Training with synthetic gradients (Jaderberg et al. 2017): layers up to hidden layer `cut`
   * learn from a linear model's prediction of dl/dh, the layers above from true backprop.
   * Returns { loss, cosine, modelError } of the last epoch.
   */
  fitSynthetic(x, y, options) {
    const d = this.#train;
    const { epochs = d.epochs, batchSize = d.batchSize, learningRate = d.learningRate, modelRate = 0.05, cut = 0 } =
      checkOptions(options, 'options');
    checkInt(epochs, 'epochs');
    checkInt(batchSize, 'batchSize');
    checkNumber(learningRate, 'learningRate');
    checkNumber(modelRate, 'modelRate');
    checkInt(cut, 'cut');
    const h = this.#h;
    const [px, py, n] = this.#xy(x, y);
    return h.fitSynthetic(px, py, n, epochs, batchSize, learningRate, modelRate, cut);
  }

  /** True and predicted dl/dh at the cut for the first `count` samples, each (count, units). */
  syntheticProbe(x, y, options) {
    const { count = 8, cut = 0 } = checkOptions(options, 'options');
    checkInt(count, 'count');
    checkInt(cut, 'cut');
    const h = this.#h;
    const [px, py, n] = this.#xy(x, y);
    return h.syntheticProbe(px, py, n, count, cut);
  }

  /** Linear pieces of a 1-input, 1-output piecewise-linear net on [lo, hi]: { count, kinks }. */
  linearPieces(lo = -1, hi = 1) {
    checkNumber(lo, 'lo');
    checkNumber(hi, 'hi');
    return this.#h.linearPieces(lo, hi);
  }

  toJSON() {
    const weights = this.getWeights().map(({ W, b }) => ({ W: Array.from(W), b: Array.from(b) }));
    return {
      format: JSON_FORMAT,
      layers: [...this.layers],
      activations: [...this.activations],
      affine: { ...this.affine },
      loss: this.lossName,
      seed: this.seed,
      weights,
    };
  }

  delete() {
    if (this.#handle) {
      this.#handle.delete();
      this.#handle = null;
    }
  }

  get deleted() {
    return !this.#handle;
  }

  /** Splits a flat parameter-layout buffer into per-layer { W, b } copies. */
  #split(flat) {
    const out = [];
    let at = 0;
    for (let l = 0; l + 1 < this.layers.length; l++) {
      const rows = this.layers[l + 1];
      const cols = this.layers[l];
      out.push({ W: flat.slice(at, at + rows * cols), b: flat.slice(at + rows * cols, at + rows * cols + rows) });
      at += rows * cols + rows;
    }
    return out;
  }
}
