// DEV ONLY. A small pure-JS stand-in for the WASM engine (docs/api.md), implementing only the
// part of the API the page uses. `node scripts/build-web.mjs --mock` swaps it in for
// web/engine.js; the real build never includes it. Numbers differ from the engine's.

const ACTIVATIONS = ['linear', 'affine', 'tanh', 'sigmoid', 'relu', 'leaky_relu', 'softplus', 'swish', 'sine', 'step'];
const DATASETS = ['xor', 'circle', 'spiral', 'gauss', 'moons', 'spiral3', 'blobs3', 'plane', 'gauss_bumps',
  'line', 'sine', 'parabola', 'abs', 'step', 'cubic'];

// mulberry32: a tiny fully specified generator
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.uniform = (lo, hi) => lo + (hi - lo) * next();
  next.normal = () => {
    const u = Math.max(next(), 1e-12), v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return next;
}

function act(name, affine) {
  switch (name) {
    case 'linear': return [(z) => z, () => 1];
    case 'affine': return [(z) => affine.a * z + affine.c, () => affine.a];
    case 'tanh': return [Math.tanh, (z, a) => 1 - a * a];
    case 'sigmoid': return [(z) => 1 / (1 + Math.exp(-z)), (z, a) => a * (1 - a)];
    case 'relu': return [(z) => (z > 0 ? z : 0), (z) => (z > 0 ? 1 : 0)];
    case 'leaky_relu': return [(z) => (z > 0 ? z : 0.01 * z), (z) => (z > 0 ? 1 : 0.01)];
    case 'softplus': return [(z) => (z > 20 ? z : Math.log1p(Math.exp(z))), (z) => 1 / (1 + Math.exp(-z))];
    case 'swish': return [(z) => z / (1 + Math.exp(-z)), (z) => { const s = 1 / (1 + Math.exp(-z)); return s + z * s * (1 - s); }];
    case 'sine': return [Math.sin, Math.cos];
    case 'step': return [(z) => (z > 0 ? 1 : 0), () => 0];
    default: throw new Error(`createNetwork: activation = '${name}' is not one of ${ACTIVATIONS.join(', ')}`);
  }
}

function dataset(name, { n = 200, noise = 0, seed = 1 } = {}) {
  const r = rng(seed);
  const xs = [], ys = [];
  let inputs = 2, outputs = 1, kind = 'classification';
  const push = (x, y) => { xs.push(...x); ys.push(...y); };
  const jitter = (s) => r.uniform(-s, s) * noise;
  if (name === 'circle') {
    for (let i = 0; i < n; i++) {
      const inside = i < n / 2;
      const rad = inside ? r.uniform(0, 2.5) : r.uniform(3.5, 5);
      const ang = r.uniform(0, 2 * Math.PI);
      const x = rad * Math.sin(ang) + jitter(5), y = rad * Math.cos(ang) + jitter(5);
      push([x, y], [Math.hypot(x, y) < 3 ? 1 : -1]);
    }
  } else if (name === 'xor') {
    for (let i = 0; i < n; i++) {
      let x = r.uniform(-5, 5); x += x > 0 ? 0.3 : -0.3;
      let y = r.uniform(-5, 5); y += y > 0 ? 0.3 : -0.3;
      const l = x * y >= 0 ? 1 : -1;
      push([x + jitter(5), y + jitter(5)], [l]);
    }
  } else if (name === 'gauss') {
    for (let i = 0; i < n; i++) {
      const l = i < n / 2 ? 1 : -1, s = 0.5 + noise * 3.5;
      push([l * 2 + r.normal() * s, l * 2 + r.normal() * s], [l]);
    }
  } else if (name === 'spiral' || name === 'spiral3') {
    const k = name === 'spiral' ? 2 : 3;
    for (let i = 0; i < n; i++) {
      const c = i % k, t = (Math.floor(i / k) / (n / k)) * 5;
      const rr = t, ang = 1.75 * t * 2 * Math.PI / 5 + (c * 2 * Math.PI) / k;
      const p = [rr * Math.sin(ang) + jitter(1), rr * Math.cos(ang) + jitter(1)];
      if (k === 2) push(p, [c === 0 ? 1 : -1]); else push(p, [0, 1, 2].map((j) => (j === c ? 1 : 0)));
    }
    if (k === 3) { outputs = 3; kind = 'multiclass'; }
  } else if (name === 'blobs3') {
    outputs = 3; kind = 'multiclass';
    for (let i = 0; i < n; i++) {
      const c = i % 3, ang = (c * 2 * Math.PI) / 3;
      push([3 * Math.cos(ang) + r.normal() * (0.8 + 2 * noise), 3 * Math.sin(ang) + r.normal() * (0.8 + 2 * noise)],
        [0, 1, 2].map((j) => (j === c ? 1 : 0)));
    }
  } else if (name === 'moons') {
    for (let i = 0; i < n; i++) {
      const up = i < n / 2, t = r.uniform(0, Math.PI);
      const x = up ? Math.cos(t) : 1 - Math.cos(t), y = up ? Math.sin(t) : 0.5 - Math.sin(t);
      push([(x - 0.5) * 4 + r.normal() * noise * 2, (y - 0.25) * 4 + r.normal() * noise * 2], [up ? 1 : -1]);
    }
  } else if (name === 'plane' || name === 'gauss_bumps') {
    kind = 'regression';
    for (let i = 0; i < n; i++) {
      const x = r.uniform(-6, 6), y = r.uniform(-6, 6);
      let l;
      if (name === 'plane') l = (x + y) / 12;
      else {
        const g = (cx, cy, s) => s * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 4);
        l = g(-3, 3, 1) + g(3, -3, 1) + g(3, 3, -1) + g(-3, -3, -1);
      }
      push([x + jitter(6), y + jitter(6)], [l]);
    }
  } else if (['line', 'sine', 'parabola', 'abs', 'step', 'cubic'].includes(name)) {
    kind = 'regression'; inputs = 1;
    const f = { line: (x) => x, sine: (x) => Math.sin(Math.PI * x), parabola: (x) => 2 * x * x - 1, abs: (x) => 2 * Math.abs(x) - 1,
      step: (x) => (x > 0 ? 1 : -1), cubic: (x) => 4 * x * x * x - 3 * x }[name];
    for (let i = 0; i < n; i++) {
      const x = r.uniform(-1, 1);
      push([x], [f(x) + r.normal() * noise * 0.5]);
    }
  } else {
    throw new Error(`dataset: name = '${name}' is not one of ${DATASETS.join(', ')}`);
  }
  return { x: Float32Array.from(xs), y: Float32Array.from(ys), inputs, outputs, kind };
}

function split(data, { ratio = 0.5, seed = 1 } = {}) {
  const { x, y, inputs, outputs } = data;
  const n = y.length / outputs, r = rng(seed), idx = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [idx[i], idx[j]] = [idx[j], idx[i]]; }
  const nt = Math.round(ratio * n);
  const take = (ids) => ({
    x: Float32Array.from(ids.flatMap((i) => Array.from(x.subarray(i * inputs, (i + 1) * inputs)))),
    y: Float32Array.from(ids.flatMap((i) => Array.from(y.subarray(i * outputs, (i + 1) * outputs)))),
    inputs, outputs,
  });
  return { train: take(idx.slice(0, nt)), test: take(idx.slice(nt)) };
}

class MockNetwork {
  constructor({ layers, activation = 'tanh', outputActivation = 'linear', affine = { a: 2, c: 0.5 }, loss = 'mse', seed = 1 }) {
    this.layers = layers.slice();
    const hidden = layers.length - 2;
    const acts = Array.isArray(activation) ? activation : Array(hidden).fill(activation);
    this.activations = [...acts, outputActivation];
    this.fns = this.activations.map((a) => act(a, affine));
    this.lossName = loss; this.seed = seed;
    this.rng = rng(seed);
    this.W = []; this.b = [];
    for (let l = 1; l < layers.length; l++) {
      const fanIn = layers[l - 1], s = Math.sqrt(1 / fanIn);
      this.W.push(Float64Array.from({ length: layers[l] * fanIn }, () => this.rng.normal() * s));
      this.b.push(new Float64Array(layers[l]));
    }
    this.opt = null;
  }

  forward(x, n) {
    const A = [x], Z = [];
    let a = x;
    for (let l = 0; l < this.W.length; l++) {
      const nin = this.layers[l], nout = this.layers[l + 1], W = this.W[l], b = this.b[l];
      const z = new Float64Array(n * nout), out = new Float64Array(n * nout), f = this.fns[l][0];
      for (let s = 0; s < n; s++) {
        for (let o = 0; o < nout; o++) {
          let v = b[o];
          for (let i = 0; i < nin; i++) v += W[o * nin + i] * a[s * nin + i];
          z[s * nout + o] = v; out[s * nout + o] = f(v);
        }
      }
      Z.push(z); A.push(out); a = out;
    }
    return { A, Z };
  }

  lossGrad(out, y, n, k) {
    // returns [loss, dL/dOut or dL/dZ for softmax/bce]
    const g = new Float64Array(n * k);
    let L = 0;
    if (this.lossName === 'softmax') {
      for (let s = 0; s < n; s++) {
        let m = -Infinity; for (let j = 0; j < k; j++) m = Math.max(m, out[s * k + j]);
        let sum = 0; for (let j = 0; j < k; j++) sum += Math.exp(out[s * k + j] - m);
        for (let j = 0; j < k; j++) {
          const p = Math.exp(out[s * k + j] - m) / sum;
          if (y[s * k + j] > 0) L -= Math.log(Math.max(p, 1e-12));
          g[s * k + j] = (p - y[s * k + j]) / n;
        }
      }
    } else if (this.lossName === 'bce') {
      for (let i = 0; i < n * k; i++) {
        const t = y[i] > 0 ? 1 : 0, p = Math.min(Math.max(out[i], 1e-7), 1 - 1e-7);
        L -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
        g[i] = (p - t) / n; // w.r.t. z, sigmoid output
      }
    } else {
      for (let i = 0; i < n * k; i++) { const d = out[i] - y[i]; L += 0.5 * d * d; g[i] = d / n; }
    }
    return [L / n, g];
  }

  step(x, y, n, { learningRate, optimizer, l1, l2 }) {
    const { A, Z } = this.forward(x, n);
    const last = this.W.length - 1, k = this.layers[last + 1];
    const [L, g0] = this.lossGrad(A[last + 1], y, n, k);
    let dZ = g0;
    if (this.lossName === 'mse') {
      const df = this.fns[last][1];
      for (let i = 0; i < dZ.length; i++) dZ[i] *= df(Z[last][i], A[last + 1][i]);
    }
    if (!this.opt) this.opt = { t: 0, m: this.W.map((w) => [new Float64Array(w.length), new Float64Array(this.b[this.W.indexOf(w)].length)]), v: this.W.map((w, l) => [new Float64Array(w.length), new Float64Array(this.b[l].length)]) };
    this.opt.t++;
    for (let l = last; l >= 0; l--) {
      const nin = this.layers[l], nout = this.layers[l + 1], a = A[l], W = this.W[l];
      const dW = new Float64Array(W.length), db = new Float64Array(nout);
      for (let s = 0; s < n; s++) for (let o = 0; o < nout; o++) {
        const d = dZ[s * nout + o]; db[o] += d;
        for (let i = 0; i < nin; i++) dW[o * nin + i] += d * a[s * nin + i];
      }
      let dA = null;
      if (l > 0) {
        dA = new Float64Array(n * nin);
        for (let s = 0; s < n; s++) for (let o = 0; o < nout; o++) {
          const d = dZ[s * nout + o];
          for (let i = 0; i < nin; i++) dA[s * nin + i] += d * W[o * nin + i];
        }
        const df = this.fns[l - 1][1];
        for (let i = 0; i < dA.length; i++) dA[i] *= df(Z[l - 1][i], A[l][i]);
      }
      for (let i = 0; i < W.length; i++) dW[i] += l1 * Math.sign(W[i]) + l2 * W[i];
      this.update(W, dW, this.opt.m[l][0], this.opt.v[l][0], learningRate, optimizer);
      this.update(this.b[l], db, this.opt.m[l][1], this.opt.v[l][1], learningRate, optimizer);
      dZ = dA;
    }
    return L;
  }

  update(p, g, m, v, lr, optimizer) {
    if (optimizer === 'momentum') {
      for (let i = 0; i < p.length; i++) { m[i] = 0.9 * m[i] + g[i]; p[i] -= lr * m[i]; }
    } else if (optimizer === 'adam') {
      const t = this.opt.t, c1 = 1 - 0.9 ** t, c2 = 1 - 0.999 ** t;
      for (let i = 0; i < p.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i]; v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
      }
    } else {
      for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
    }
  }

  fit(x, y, { epochs = 1, batchSize = 10, learningRate = 0.03, optimizer = 'sgd', l1 = 0, l2 = 0 } = {}) {
    const nin = this.layers[0], k = this.layers[this.layers.length - 1], n = y.length / k;
    let last = NaN;
    for (let e = 0; e < epochs; e++) {
      const idx = [...Array(n).keys()];
      for (let i = n - 1; i > 0; i--) { const j = Math.floor(this.rng() * (i + 1)); [idx[i], idx[j]] = [idx[j], idx[i]]; }
      let sum = 0;
      for (let s = 0; s < n; s += batchSize) {
        const ids = idx.slice(s, s + batchSize), m = ids.length;
        const bx = new Float64Array(m * nin), by = new Float64Array(m * k);
        ids.forEach((id, r) => { for (let i = 0; i < nin; i++) bx[r * nin + i] = x[id * nin + i]; for (let j = 0; j < k; j++) by[r * k + j] = y[id * k + j]; });
        sum += this.step(bx, by, m, { learningRate, optimizer, l1, l2 }) * m;
      }
      last = sum / n;
    }
    return last;
  }

  predict(x) {
    const n = x.length / this.layers[0];
    return Float32Array.from(this.forward(x, n).A.at(-1));
  }

  loss(x, y) {
    const k = this.layers.at(-1), n = y.length / k, { A } = this.forward(x, n);
    return this.lossGrad(A.at(-1), y, n, k)[0];
  }

  layerOutputs(x) {
    const n = x.length / this.layers[0];
    return this.forward(x, n).A.slice(1).map((a) => Float32Array.from(a));
  }

  getWeights() { return this.W.map((W, l) => ({ W: Float32Array.from(W), b: Float32Array.from(this.b[l]) })); }
  setWeights(layers) { layers.forEach(({ W, b }, l) => { this.W[l] = Float64Array.from(W); this.b[l] = Float64Array.from(b); }); }
  delete() { this.W = null; }
}

export async function loadEngine() {
  return {
    version: 'mock-0',
    activations: ACTIVATIONS.slice(),
    datasets: DATASETS.slice(),
    dataset,
    split,
    createNetwork: (o) => new MockNetwork(o),
  };
}
