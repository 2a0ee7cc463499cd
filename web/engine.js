// The engine's public JS API (docs/api.md): a thin ES module over the Embind glue.
// Inputs are validated here for type and shape (a JS Error naming the field); the engine
// validates values and its messages arrive as JS Errors too. Bulk data is written into the
// engine's staging buffers and results come back as copies.
import createNlpModule from '../build/wasm/nlp_engine.cjs';

const STAGE_X = 0;
const STAGE_Y = 1;
const STAGE_W = 2;
const JSON_FORMAT = 'nonlinear-playground/network@1';

let enginePromise = null;

/**
 * Loads the WebAssembly engine and returns the API object: one per page or process (every call
 * returns the same engine, whose staging buffers are the module's).
 */
export function loadEngine() {
  if (!enginePromise) enginePromise = createNlpModule().then((M) => new Engine(protectStack(M)));
  return enginePromise;
}

/**
 * An engine error leaves the bindings as a JS Error thrown from inside WebAssembly, which unwinds
 * past the frames that would restore the WASM stack pointer: without this, every error would
 * leak a few bytes of the 5 MiB stack, and some hundred thousand errors later corrupt memory.
 * Every entry into the module restores the stack pointer when it throws.
 */
function protectStack(M) {
  const wrap = (owner, name) => {
    const f = owner[name];
    owner[name] = function guardedEntry(...args) {
      const sp = M.stackSave();
      try {
        return f.apply(this, args);
      } catch (e) {
        M.stackRestore(sp);
        throw e;
      }
    };
  };
  for (const name of ['stage', 'dataset', 'split', 'leastSquares', 'pca', 'principalAngle', 'activationCurve']) wrap(M, name);
  wrap(M.Net, 'create');
  for (const name of Object.getOwnPropertyNames(M.Net.prototype))
    if (name !== 'constructor' && typeof M.Net.prototype[name] === 'function') wrap(M.Net.prototype, name);
  return M;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const describe = (v) => {
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return `a ${v.constructor?.name ?? 'object'}`;
  return String(v);
};

function checkInteger(value, field, min, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new Error(`${field}: ${describe(value)} must be an integer in ${min}..${max}`);
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

function checkOptions(options, field) {
  if (options === undefined) return {};
  if (!isObject(options)) throw new Error(`${field}: ${describe(options)} must be an object`);
  return options;
}

/** A Float32Array of numeric input (the input itself if it is one); throws naming the field otherwise. */
function asFloat32(values, field) {
  if (values instanceof Float32Array) return values;
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
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

/** asFloat32, every value finite; throws naming the field otherwise. */
function toFloat32(values, field) {
  const out = asFloat32(values, field);
  for (let i = 0; i < out.length; i++)
    if (!Number.isFinite(out[i])) throw new Error(`${field}[${i}]: ${out[i]} is not a finite number`);
  return out;
}

function sampleCount(x, width, field) {
  if (x.length === 0 || x.length % width !== 0)
    throw new Error(`${field}: length ${x.length} is not a positive multiple of ${width} (the number of ${field === 'x' ? 'inputs' : 'outputs'})`);
  return x.length / width;
}

class Engine {
  #M;
  #cap = [0, 0, 0, 0];
  #ptr = [0, 0, 0, 0];

  constructor(M) {
    this.#M = M;
    this.version = M.version();
    this.activations = Object.freeze(M.activationNames());
    this.datasets = Object.freeze(M.datasetNames());
    Object.freeze(this);
  }

  /** Current size of the WebAssembly memory, in bytes. */
  get memoryBytes() {
    return this.#M.HEAPU8.buffer.byteLength;
  }

  /** Copies `values` (a Float32Array) into staging slot `slot`; returns its address. */
  _stage(slot, values) {
    if (values.length > this.#cap[slot]) {
      // Grow geometrically, but never ask beyond the engine's limit for one buffer (64e6 floats).
      const cap = Math.max(values.length, Math.min(Math.max(2 * this.#cap[slot], 1024), 64e6));
      this.#ptr[slot] = this.#M.stage(slot, cap);
      this.#cap[slot] = cap;
    }
    this.#M.HEAPF32.set(values, this.#ptr[slot] >>> 2);  // HEAPF32 read after any growth
    return this.#ptr[slot];
  }

  /**
   * _stage, then toFloat32's check (every value finite) run on the staged copy in WebAssembly:
   * a JS loop over the samples was most of the per-call cost of fit and predict.
   */
  _stageFinite(slot, values, field) {
    const ptr = this._stage(slot, values);
    const firstNonFinite = this.#M._nlp_first_non_finite;  // absent from modules built before it
    if (!firstNonFinite || firstNonFinite(ptr, values.length) >= 0) toFloat32(values, field);  // throws
    return ptr;
  }

  get _module() {
    return this.#M;
  }

  dataset(name, options) {
    checkString(name, 'dataset');
    const { n, noise = 0, seed = 1 } = checkOptions(options, 'options');
    checkInteger(n, 'n', 1, 100000);
    checkNumber(noise, 'noise');
    checkInteger(seed, 'seed', 0);
    return this.#M.dataset(name, n, noise, seed);
  }

  split(data, options) {
    if (!isObject(data)) throw new Error(`data: ${describe(data)} must be a dataset object`);
    const { ratio = 0.5, seed = 1 } = checkOptions(options, 'options');
    checkNumber(ratio, 'ratio');
    checkInteger(seed, 'seed', 0);
    const inputs = checkInteger(data.inputs, 'data.inputs', 1, 256);
    const outputs = checkInteger(data.outputs, 'data.outputs', 1, 256);
    const x = toFloat32(data.x, 'data.x');
    const n = sampleCount(x, inputs, 'x');
    const y = toFloat32(data.y, 'data.y');
    if (y.length !== n * outputs) throw new Error(`data.y: length ${y.length}, expected ${n * outputs} (${n} samples x ${outputs} outputs)`);
    const kind = typeof data.kind === 'string' ? data.kind : 'regression';
    const px = this._stage(STAGE_X, x);
    const py = this._stage(STAGE_Y, y);
    return this.#M.split(px, py, n, inputs, outputs, kind, ratio, seed);
  }

  createNetwork(options) {
    const o = checkOptions(options, 'options');
    const { layers, activation = 'tanh', outputActivation = 'linear', affine = { a: 2, c: 0.5 }, loss = 'mse', seed = 1 } = o;
    if (!Array.isArray(layers) || layers.length < 2)
      throw new Error(`layers: ${describe(layers)} must be an array [inputs, ...hidden, outputs] of at least 2 sizes`);
    layers.forEach((s, i) => checkInteger(s, `layers[${i}]`, 1, 256));
    const hidden = layers.length - 2;
    let names;
    if (typeof activation === 'string') names = new Array(hidden).fill(activation);
    else if (Array.isArray(activation)) {
      if (activation.length !== hidden)
        throw new Error(`activation: ${activation.length} names given, the net has ${hidden} hidden layers`);
      names = activation.map((a, i) => checkString(a, `activation[${i}]`));
    } else throw new Error(`activation: ${describe(activation)} must be a name or an array of names`);
    names.push(checkString(outputActivation, 'outputActivation'));
    if (!isObject(affine)) throw new Error(`affine: ${describe(affine)} must be an object { a, c }`);
    const a = checkNumber(affine.a ?? 2, 'affine.a');
    const c = checkNumber(affine.c ?? 0.5, 'affine.c');
    checkString(loss, 'loss');
    checkInteger(seed, 'seed', 0);
    return new Network(this, this.#M.Net.create(layers, names, a, c, loss, seed));
  }

  networkFromJSON(obj) {
    if (!isObject(obj)) throw new Error(`json: ${describe(obj)} must be an object from net.toJSON()`);
    if (obj.format !== JSON_FORMAT) throw new Error(`json.format: ${describe(obj.format)}, expected '${JSON_FORMAT}'`);
    if (!Array.isArray(obj.activations) || !Array.isArray(obj.layers) || obj.activations.length !== obj.layers.length - 1)
      throw new Error('json.activations: must hold one name per layer after the input');
    const net = this.createNetwork({
      layers: obj.layers,
      activation: obj.activations.slice(0, -1),
      outputActivation: obj.activations[obj.activations.length - 1],
      affine: obj.affine ?? { a: 2, c: 0.5 },
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
    checkString(name, 'activation');
    const { a = 2, c = 0.5 } = checkOptions(options, 'options');
    checkNumber(a, 'a');
    checkNumber(c, 'c');
    const values = toFloat32(xs, 'xs');
    return this.#M.activationCurve(name, this._stage(STAGE_X, values), values.length, a, c);
  }

  leastSquares(x, y, inputs) {
    checkInteger(inputs, 'inputs', 1, 256);
    const xs = toFloat32(x, 'x');
    const n = sampleCount(xs, inputs, 'x');
    const ys = toFloat32(y, 'y');
    const outputs = ys.length / n;
    if (!Number.isInteger(outputs) || outputs < 1) throw new Error(`y: length ${ys.length} is not a positive multiple of ${n} (the number of samples)`);
    return this.#M.leastSquares(this._stage(STAGE_X, xs), this._stage(STAGE_Y, ys), n, inputs, outputs);
  }

  pca(x, inputs) {
    checkInteger(inputs, 'inputs', 1, 256);
    const xs = toFloat32(x, 'x');
    const n = sampleCount(xs, inputs, 'x');
    return this.#M.pca(this._stage(STAGE_X, xs), n, inputs);
  }

  principalAngle(A, B, dim) {
    checkInteger(dim, 'dim', 1, 256);
    const a = toFloat32(A, 'A');
    const b = toFloat32(B, 'B');
    const p = sampleCount(a, dim, 'A');
    const q = sampleCount(b, dim, 'B');
    return this.#M.principalAngle(this._stage(STAGE_X, a), p, this._stage(STAGE_Y, b), q, dim);
  }
}

class Network {
  #engine;
  #handle;

  constructor(engine, handle) {
    this.#engine = engine;
    this.#handle = handle;
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

  // x (and y) checked as toFloat32 and sampleCount would, in the same order, and staged:
  // [address of x, (address of y,) samples]. Inputs of a valid length are checked once staged.
  #x(x) {
    const xs = asFloat32(x, 'x');
    const n = xs.length / this.layers[0];
    if (!(n >= 1 && Number.isInteger(n))) sampleCount(toFloat32(xs, 'x'), this.layers[0], 'x');
    return [this.#engine._stageFinite(STAGE_X, xs, 'x'), n];
  }

  #xy(x, y) {
    const [px, n] = this.#x(x);
    const ys = asFloat32(y, 'y');
    const outputs = this.layers[this.layers.length - 1];
    if (ys.length !== n * outputs) {
      toFloat32(ys, 'y');
      throw new Error(`y: length ${ys.length}, expected ${n * outputs} (${n} samples x ${outputs} outputs)`);
    }
    return [px, this.#engine._stageFinite(STAGE_Y, ys, 'y'), n];
  }

  fit(x, y, options) {
    const o = checkOptions(options, 'options');
    const { epochs = 1, batchSize = 10, learningRate = 0.03, optimizer = 'sgd', l1 = 0, l2 = 0 } = o;
    checkInteger(epochs, 'epochs', 0, 1e6);
    checkInteger(batchSize, 'batchSize', 1, 1e6);
    checkNumber(learningRate, 'learningRate');
    checkString(optimizer, 'optimizer');
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
      const W = toFloat32(layer.W, `${field}[${l}].W`);
      const b = toFloat32(layer.b, `${field}[${l}].b`);
      if (W.length !== rows * cols) throw new Error(`${field}[${l}].W: length ${W.length}, expected ${rows * cols} (${rows} x ${cols})`);
      if (b.length !== rows) throw new Error(`${field}[${l}].b: length ${b.length}, expected ${rows}`);
      flat.set(W, at);
      flat.set(b, at + W.length);
      at += W.length + b.length;
    }
    h.setParameters(this.#engine._stage(STAGE_W, flat), flat.length);
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
    const o = checkOptions(options, 'options');
    const { epochs = 1, batchSize = 10, learningRate = 0.03, modelRate = 0.05, cut = 0 } = o;
    checkInteger(epochs, 'epochs', 0, 1e6);
    checkInteger(batchSize, 'batchSize', 1, 1e6);
    checkNumber(learningRate, 'learningRate');
    checkNumber(modelRate, 'modelRate');
    if (!(modelRate > 0) || !Number.isFinite(modelRate)) throw new Error(`modelRate: ${modelRate} must be a finite number > 0`);
    checkInteger(cut, 'cut', 0, 255);
    const h = this.#h;
    const [px, py, n] = this.#xy(x, y);
    return h.fitSynthetic(px, py, n, epochs, batchSize, learningRate, modelRate, cut);
  }

  /** True and predicted dl/dh at the cut for the first `count` samples, each (count, units). */
  syntheticProbe(x, y, options) {
    const { count = 8, cut = 0 } = checkOptions(options, 'options');
    checkInteger(count, 'count', 1, 1e6);
    checkInteger(cut, 'cut', 0, 255);
    const h = this.#h;
    const [px, py, n] = this.#xy(x, y);
    return h.syntheticProbe(px, py, Math.min(count, n), cut);
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
