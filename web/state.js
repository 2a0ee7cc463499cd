// The page's whole state, its defaults, and its URL-hash form.
//
// Key names follow TensorFlow Playground (src/state.ts) where the concept is the same, so a
// Playground link opens here meaningfully: dataset, noise (percent, 0..50), percTrainData,
// networkShape ("4,2"), activation, learningRate, batchSize, regularization (none|L1|L2),
// regularizationRate, seed, showTestData, discretize. Our own keys: activation2 (the second
// network), outputActivation (auto = tanh for classification, linear otherwise), optimizer, lang,
// scene, and the parameters of the lessons (scenes; web/scenes/): reluUnits, curve, curveRange,
// collapseActivations, warpActivation, warpMorph, sweepActivation, sweepUnits. A lesson parameter
// is written to the hash only when it differs from its default, so a link stays short.
// Every value from the outside (hash or playground.set) goes through `parseValue`; a malformed
// value is dropped and reported, never interpreted.

export const MAX_LAYERS = 8;
export const MAX_NEURONS = 12;

// Datasets the page offers, grouped for the picker (engine names, docs/api.md).
export const DATASET_GROUPS = [
  { group: 'classification', names: ['circle', 'xor', 'gauss', 'spiral', 'moons'] },
  { group: 'multiclass', names: ['spiral3', 'blobs3'] },
  { group: 'regression2d', names: ['plane', 'gauss_bumps'] },
  { group: 'regression1d', names: ['sine', 'line', 'parabola', 'abs', 'step', 'cubic'] },
];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'];
export const REGULARIZATIONS = ['none', 'L1', 'L2'];
export const LANGS = ['en', 'zh'];
// The lessons, in reading order (web/scenes/index.js holds their views).
export const SCENES = ['compare', 'activations', 'collapse', 'regression', 'step', 'relu', 'universal', 'pca', 'warp', 'synthetic'];
// The universal-approximation sweep: hidden units 1, 2, 4, ..., 64.
export const SWEEP_UNITS = [1, 2, 4, 8, 16, 32, 64];
export const SWEEP_ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'linear'];
export const MAX_RELU_UNITS = 64;
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const BATCH_SIZES = [1, 2, 5, 10, 20, 30, 50, 100];

export const DEFAULTS = Object.freeze({
  scene: 'compare',
  dataset: 'xor',
  noise: 0,
  percTrainData: 50,
  seed: 3,
  networkShape: Object.freeze([4, 2]),
  activation: 'linear',
  activation2: 'tanh',
  outputActivation: 'auto',
  learningRate: 0.03,
  batchSize: 10,
  optimizer: 'sgd',
  regularization: 'none',
  regularizationRate: 0,
  showTestData: false,
  discretize: false,
  lang: 'en',
  // lesson parameters (written to the hash only when not at their default)
  reluUnits: 8,
  curve: 'tanh',
  curveRange: 2,
  collapseActivations: Object.freeze(['linear', 'linear', 'linear']),
  warpActivation: 'tanh',
  warpMorph: 2,
  sweepActivation: 'tanh',
  sweepUnits: 8,
});

// Order of keys in the hash.
export const KEYS = Object.keys(DEFAULTS);
// The lessons' own keys: in the hash only when not at their default.
export const SCENE_KEYS = new Set(['reluUnits', 'curve', 'curveRange', 'collapseActivations', 'warpActivation',
  'warpMorph', 'sweepActivation', 'sweepUnits']);

// What a change of each key costs: new data, new networks, or nothing (applies live / view only).
export const DATA_KEYS = new Set(['dataset', 'noise', 'percTrainData', 'seed']);
export const NETWORK_KEYS = new Set(['networkShape', 'activation', 'activation2', 'outputActivation', 'optimizer']);

// TensorFlow Playground keys that mean nothing here. Input features other than x and y are not
// offered: a link that turns one on is told so; the others are view options we do not have.
const TFP_FEATURES = { x: true, y: true, xTimesY: false, xSquared: false, ySquared: false,
  cosX: false, sinX: false, cosY: false, sinY: false };
const TFP_SILENT = new Set(['collectStats', 'hideText', 'tutorial', 'problem', 'regDataset', 'initZero']);
const TFP_REG_DATASETS = { 'reg-plane': 'plane', 'reg-gauss': 'gauss_bumps' };

const isInt = (v) => Number.isInteger(v);

function toNumber(v) {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return NaN;
  return Number(v);
}

function toBool(v) {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

// FNV-1a: turns a Playground seed such as "0.84375" into an integer seed, deterministically.
function hashSeed(s) {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h % 2147483647;
}

export function normalizeLang(v) {
  if (typeof v !== 'string') return undefined;
  const s = v.toLowerCase();
  if (s === 'zh' || s.startsWith('zh-') || s.startsWith('zh_')) return 'zh';
  if (s === 'en' || s.startsWith('en-') || s.startsWith('en_')) return 'en';
  return undefined;
}

/**
 * Validates one value (a string from the hash, or a JS value from playground.set).
 * Returns the parsed value, or undefined when it is not acceptable.
 * `activations` is the engine's list of activation names; `datasets` (optional) the datasets
 * the page offers, by default every one of DATASET_GROUPS.
 */
export function parseValue(key, v, { activations, datasets = DATASET_GROUPS.flatMap((g) => g.names) }) {
  switch (key) {
    case 'scene': return SCENES.includes(v) ? v : undefined;
    case 'dataset': return datasets.includes(v) ? v : undefined;
    case 'activation':
    case 'activation2': return activations.includes(v) ? v : undefined;
    case 'outputActivation': return v === 'auto' || activations.includes(v) ? v : undefined;
    case 'optimizer': return OPTIMIZERS.includes(v) ? v : undefined;
    case 'regularization': {
      if (typeof v !== 'string') return undefined;
      const r = REGULARIZATIONS.find((x) => x.toLowerCase() === v.toLowerCase());
      return r;
    }
    case 'lang': return normalizeLang(v);
    case 'noise': { const n = toNumber(v); return n >= 0 && n <= 50 ? n : undefined; }
    case 'percTrainData': { const n = toNumber(v); return n >= 10 && n <= 90 ? n : undefined; }
    case 'learningRate': { const n = toNumber(v); return n > 0 && n <= 10 ? n : undefined; }
    case 'regularizationRate': { const n = toNumber(v); return n >= 0 && n <= 10 ? n : undefined; }
    case 'batchSize': { const n = toNumber(v); return isInt(n) && n >= 1 && n <= 500 ? n : undefined; }
    case 'seed': {
      const n = toNumber(v);
      if (isInt(n) && n >= 0 && n <= 2147483647) return n;
      // A Playground seed is a decimal string in [0, 1): keep its meaning "a fixed seed".
      if (typeof v === 'string' && /^0?\.\d{1,20}$/.test(v)) return hashSeed(v);
      return undefined;
    }
    case 'networkShape': {
      let arr = v;
      if (typeof v === 'string') arr = v.trim() === '' ? [] : v.split(',').map(toNumber);
      if (!Array.isArray(arr) || arr.length > MAX_LAYERS) return undefined;
      arr = arr.map(toNumber);
      return arr.every((n) => isInt(n) && n >= 1 && n <= MAX_NEURONS) ? arr : undefined;
    }
    case 'showTestData':
    case 'discretize': return toBool(v);
    case 'reluUnits': { const n = toNumber(v); return isInt(n) && n >= 1 && n <= MAX_RELU_UNITS ? n : undefined; }
    case 'curve':
    case 'warpActivation': return activations.includes(v) ? v : undefined;
    case 'curveRange': { const n = toNumber(v); return n >= 0.5 && n <= 10 ? n : undefined; }
    case 'collapseActivations': {
      const arr = typeof v === 'string' ? v.split(',') : v;
      return Array.isArray(arr) && arr.length === 3 && arr.every((a) => activations.includes(a)) ? arr.slice() : undefined;
    }
    case 'warpMorph': { const n = toNumber(v); return n >= 0 && n <= 2 ? n : undefined; }
    case 'sweepActivation': return SWEEP_ACTIVATIONS.includes(v) ? v : undefined;
    case 'sweepUnits': { const n = toNumber(v); return SWEEP_UNITS.includes(n) ? n : undefined; }
    default: return undefined;
  }
}

export function serializeValue(key, v) {
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}

export function toHash(state) {
  return KEYS.filter((k) => !SCENE_KEYS.has(k) || !sameValue(state[k], DEFAULTS[k]))
    .map((k) => `${k}=${encodeURIComponent(serializeValue(k, state[k]))}`).join('&');
}

/**
 * Reads a location hash. Returns { values, problems } where values holds only the keys that were
 * present and valid, and problems lists { key, value, reason } for everything ignored.
 */
export function parseHash(hash, ctx) {
  const values = {}, problems = [];
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return { values, problems };
  const raw = Object.create(null); // a key such as __proto__ is just a key here
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    let key, value;
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      problems.push({ key: part, value: '', reason: 'malformed' });
      continue;
    }
    raw[key] = value;
  }
  // A Playground regression link names its dataset in regDataset.
  if (raw.problem === 'regression' && Object.hasOwn(TFP_REG_DATASETS, raw.regDataset ?? '')) {
    raw.dataset = TFP_REG_DATASETS[raw.regDataset];
  }
  for (const [key, value] of Object.entries(raw)) {
    if (Object.hasOwn(TFP_FEATURES, key)) {
      if (toBool(value) !== TFP_FEATURES[key]) problems.push({ key, value, reason: 'feature' });
      continue;
    }
    if (TFP_SILENT.has(key)) {
      if (key === 'initZero' && toBool(value) === true) problems.push({ key, value, reason: 'unsupported' });
      continue;
    }
    if (!KEYS.includes(key)) { problems.push({ key, value, reason: 'unknown' }); continue; }
    const parsed = parseValue(key, value, ctx);
    if (parsed === undefined) problems.push({ key, value, reason: 'invalid' });
    else values[key] = parsed;
  }
  return { values, problems };
}

/** Validates a partial state object from playground.set(). Same result shape as parseHash. */
export function parsePartial(partial, ctx) {
  const values = {}, problems = [];
  if (partial === null || typeof partial !== 'object') {
    return { values, problems: [{ key: '(state)', value: String(partial), reason: 'invalid' }] };
  }
  for (const [key, value] of Object.entries(partial)) {
    if (!KEYS.includes(key)) { problems.push({ key, value: String(value), reason: 'unknown' }); continue; }
    const parsed = parseValue(key, value, ctx);
    if (parsed === undefined) problems.push({ key, value: String(value), reason: 'invalid' });
    else values[key] = parsed;
  }
  return { values, problems };
}

export function cloneState(s) {
  return { ...s, networkShape: s.networkShape.slice(), collapseActivations: s.collapseActivations.slice() };
}

export function sameValue(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

export function datasetGroup(name) {
  return DATASET_GROUPS.find((g) => g.names.includes(name))?.group;
}
