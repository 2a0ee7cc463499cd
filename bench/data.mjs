// Shared inputs of the benchmark: the data set, the initial weights and the workload table.
// Every JS engine gets exactly these arrays (each peer converts them to its own layout).

/** mulberry32: a tiny, fully specified 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * TensorFlow Playground's spiral (dataset.ts, classifySpiralData), noise 0:
 * n = numSamples / 2 points per class; for i in 0..n-1: r = i / n * 5,
 * t = 1.75 * i / n * 2 * PI + deltaT, x = r * sin(t), y = r * cos(t);
 * deltaT = 0 gives label +1 (first half), deltaT = PI gives label -1 (second half).
 * Returns { x: Float32Array (n*2, row-major), y: Float32Array (n), n }.
 */
export function spiral(numSamples) {
  const n = numSamples / 2;
  const pts = [];
  const gen = (deltaT, label) => {
    for (let i = 0; i < n; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
      pts.push([r * Math.sin(t), r * Math.cos(t), label]);
    }
  };
  gen(0, 1);
  gen(Math.PI, -1);
  const x = new Float32Array(pts.length * 2);
  const y = new Float32Array(pts.length);
  pts.forEach((p, i) => { x[2 * i] = p[0]; x[2 * i + 1] = p[1]; y[i] = p[2]; });
  return { x, y, n: pts.length };
}

/**
 * The Playground emits all +1 points, then all -1 points. Plain SGD over that order learns
 * badly, so the benchmark visits the points in ONE fixed order: a Fisher-Yates shuffle drawn
 * once from mulberry32(seed). Every epoch of every JS engine uses this same order (no
 * per-epoch reshuffling).
 */
export function shuffleOnce(data, seed = 12345) {
  const rng = mulberry32(seed);
  const n = data.n;
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
  }
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  idx.forEach((s, i) => { x[2 * i] = data.x[2 * s]; x[2 * i + 1] = data.x[2 * s + 1]; y[i] = data.y[s]; });
  return { x, y, n };
}

/** The training set of a workload: the spiral with numSamples points, in the fixed order. */
export function trainingSet(numSamples, seed = 12345) {
  return shuffleOnce(spiral(numSamples), seed);
}

/** A size x size grid over [lo, hi]^2, row-major (row = second coordinate), as Float32Array (size*size*2). */
export function grid(size = 100, lo = -6, hi = 6) {
  const g = new Float32Array(size * size * 2);
  let k = 0;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      g[k++] = lo + ((hi - lo) * c) / (size - 1);
      g[k++] = lo + ((hi - lo) * r) / (size - 1);
    }
  }
  return { x: g, n: size * size };
}

/**
 * Initial weights: one mulberry32(seed) stream, layer by layer; for each layer the W entries
 * are drawn in row-major (out, in) order as rng() - 0.5, i.e. U(-0.5, 0.5); biases are 0.1
 * (no draws). Returns [{ W: Float32Array(out*in), b: Float32Array(out), in, out }, ...].
 */
export function initWeights(layers, seed = 1) {
  const rng = mulberry32(seed);
  const out = [];
  for (let l = 1; l < layers.length; l++) {
    const nin = layers[l - 1], nout = layers[l];
    const W = new Float32Array(nout * nin);
    for (let i = 0; i < W.length; i++) W[i] = rng() - 0.5;
    const b = new Float32Array(nout).fill(0.1);
    out.push({ W, b, in: nin, out: nout });
  }
  return out;
}

/** A deep copy of initWeights' result (engines must never share/mutate the reference copy). */
export function cloneWeights(ws) {
  return ws.map((l) => ({ W: Float32Array.from(l.W), b: Float32Array.from(l.b), in: l.in, out: l.out }));
}

/** Reference loss: 0.5 * mean over samples of (out - target)^2 (one output). */
export function mseHalf(pred, y) {
  let s = 0;
  for (let i = 0; i < y.length; i++) { const d = pred[i] - y[i]; s += d * d; }
  return (0.5 * s) / y.length;
}

export const NET_W1 = [2, 4, 2, 1];
export const NET_W2 = [2, 8, 8, 8, 8, 8, 8, 1];
export const NET_W3 = [2, 64, 64, 1];

/** The workloads. kind 'train' reports epochs/s; kind 'grid' reports grids/s (forward only). */
export const WORKLOADS = [
  { id: 'W1', kind: 'train', layers: NET_W1, points: 500, batchSize: 10, learningRate: 0.03, unit: 'epochs/s' },
  { id: 'W2', kind: 'train', layers: NET_W2, points: 500, batchSize: 10, learningRate: 0.03, unit: 'epochs/s' },
  { id: 'W3', kind: 'train', layers: NET_W3, points: 4096, batchSize: 32, learningRate: 0.03, unit: 'epochs/s' },
  { id: 'W4a', kind: 'grid', layers: NET_W1, gridSize: 100, unit: 'grids/s' },
  { id: 'W4b', kind: 'grid', layers: NET_W2, gridSize: 100, unit: 'grids/s' },
];

export const WEIGHT_SEED = 1;
export const ORDER_SEED = 12345;
