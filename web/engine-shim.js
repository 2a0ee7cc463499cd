// TEMPORARY SHIM: remove once web/engine.js has activationCurve, collapseDeviation,
// layerOutputs(x, { pre: true }), fitSynthetic and syntheticProbe (check with
// `grep -n 'activationCurve\|collapseDeviation\|fitSynthetic\|syntheticProbe\|pre:' web/engine.js`).
//
// Each function calls the engine's own method when it exists and otherwise stands in for it with
// the same contract, computed from what the engine already offers (collapse, getWeights,
// layerOutputs, predict). The scenes call only these functions, so removing the shim means
// replacing `shim.f(engine|net, ...)` with `engine|net.f(...)`.

const LEAKY = 0.01;

function jsActivation(name, z, a = 2, c = 0.5) {
  const s = 1 / (1 + Math.exp(-z));
  switch (name) {
    case 'linear': return [z, 1];
    case 'affine': return [a * z + c, a];
    case 'tanh': { const t = Math.tanh(z); return [t, 1 - t * t]; }
    case 'sigmoid': return [s, s * (1 - s)];
    case 'relu': return [Math.max(z, 0), z > 0 ? 1 : 0];
    case 'leaky_relu': return [z > 0 ? z : LEAKY * z, z > 0 ? 1 : LEAKY];
    case 'softplus': return [Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), s];
    case 'swish': return [z * s, s + z * s * (1 - s)];
    case 'sine': return [Math.sin(z), Math.cos(z)];
    case 'step': return [z >= 0 ? 1 : 0, 0];
    default: throw new Error(`activationCurve: unknown activation '${name}'`);
  }
}

/** engine.activationCurve(name, xs, { a, c }) -> { value, derivative } */
export function activationCurve(engine, name, xs, opts = {}) {
  if (typeof engine.activationCurve === 'function') return engine.activationCurve(name, xs, opts);
  const { a = 2, c = 0.5 } = opts;
  const value = new Float32Array(xs.length), derivative = new Float32Array(xs.length);
  for (let i = 0; i < xs.length; i++) [value[i], derivative[i]] = jsActivation(name, xs[i], a, c);
  return { value, derivative };
}

/** net.collapseDeviation(x): max |net(x) - (W'x + b')|; throws like collapse() for a nonlinear net. */
export function collapseDeviation(net, x) {
  if (typeof net.collapseDeviation === 'function') return net.collapseDeviation(x);
  const { W, b } = net.collapse();
  const nin = net.layers[0], nout = net.layers[net.layers.length - 1];
  const y = net.predict(x), n = x.length / nin;
  let dev = 0;
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < nout; o++) {
      let v = b[o];
      for (let k = 0; k < nin; k++) v += W[o * nin + k] * x[i * nin + k];
      dev = Math.max(dev, Math.abs(Math.fround(v) - y[i * nout + o]));
    }
  }
  return dev;
}

let preSupported = null;

/** net.layerOutputs(x, { pre: true }): per layer Z = W a + b, (n, units) row-major. */
export function preActivations(net, x) {
  if (preSupported === null) preSupported = net.layerOutputs.length >= 2 || /pre/.test(String(net.layerOutputs));
  if (preSupported) return net.layerOutputs(x, { pre: true });
  const A = net.layerOutputs(x), weights = net.getWeights(), n = x.length / net.layers[0];
  return weights.map(({ W, b }, l) => {
    const nin = net.layers[l], nout = net.layers[l + 1], prev = l === 0 ? x : A[l - 1];
    const Z = new Float32Array(n * nout);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < nout; o++) {
        let v = b[o];
        for (let k = 0; k < nin; k++) v += W[o * nin + k] * prev[i * nin + k];
        Z[i * nout + o] = v;
      }
    }
    return Z;
  });
}

// --- synthetic gradients (Jaderberg et al. 2017), a JS stand-in for net.fitSynthetic /
// net.syntheticProbe with the engine's contract: MSE loss, plain SGD, the gradient model
// g^ = M h + c (M, c start at zero) regresses the true per-sample dl/dh at hidden layer `cut`.
const models = new WeakMap();

function forward(net, weights, X, n) {
  const Z = [], A = [];
  let prev = X;
  weights.forEach(({ W, b }, l) => {
    const nin = net.layers[l], nout = net.layers[l + 1], act = net.activations[l];
    const z = new Float64Array(n * nout), a = new Float64Array(n * nout);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < nout; o++) {
        let v = b[o];
        for (let k = 0; k < nin; k++) v += W[o * nin + k] * prev[i * nin + k];
        z[i * nout + o] = v;
        a[i * nout + o] = jsActivation(act, v, net.affine.a, net.affine.c)[0];
      }
    }
    Z.push(z); A.push(a); prev = a;
  });
  return { Z, A };
}

// dl/dZ of layer l from dl/dA (per sample, summed over outputs), in place.
function throughActivation(net, l, Z, dA) {
  for (let i = 0; i < dA.length; i++) dA[i] *= jsActivation(net.activations[l], Z[l][i], net.affine.a, net.affine.c)[1];
}

function synthBatch(net, weights, model, cut, X, Y, n) {
  const L = weights.length, { Z, A } = forward(net, weights, X, n);
  const nout = net.layers[L];
  let loss = 0;
  // per-sample dl_i/dA at the output; l_i = 0.5 * sum (a - y)^2
  let dA = new Float64Array(n * nout);
  for (let i = 0; i < n * nout; i++) { const e = A[L - 1][i] - Y[i]; dA[i] = e; loss += 0.5 * e * e; }
  const grads = weights.map(({ W, b }) => ({ W: new Float64Array(W.length), b: new Float64Array(b.length) }));
  const back = (l, dZ, stopBelow) => {
    // dZ: per-sample dl_i/dZ_l; accumulates batch-mean gradients; returns per-sample dl/dA_{l-1}
    const nin = net.layers[l], no = net.layers[l + 1], prev = l === 0 ? X : A[l - 1];
    const { W } = weights[l];
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < no; o++) {
        const d = dZ[i * no + o] / n;
        grads[l].b[o] += d;
        for (let k = 0; k < nin; k++) grads[l].W[o * nin + k] += d * prev[i * nin + k];
      }
    }
    if (l === stopBelow) return null;
    const out = new Float64Array(n * nin);
    for (let i = 0; i < n; i++) for (let o = 0; o < no; o++) for (let k = 0; k < nin; k++) out[i * nin + k] += W[o * nin + k] * dZ[i * no + o];
    return out;
  };
  throughActivation(net, L - 1, Z, dA);
  let d = dA;
  for (let l = L - 1; l > cut; l--) d = back(l, d, -1);
  const g = d; // true per-sample dl/dh at the cut
  const u = net.layers[cut + 1], h = A[cut];
  const ghat = new Float64Array(n * u);
  for (let i = 0; i < n; i++) for (let r = 0; r < u; r++) {
    let v = model.c[r];
    for (let k = 0; k < u; k++) v += model.M[r * u + k] * h[i * u + k];
    ghat[i * u + r] = v;
  }
  const dLow = Float64Array.from(ghat);
  throughActivation(net, cut, Z, dLow);
  d = dLow;
  for (let l = cut; l >= 0; l--) d = back(l, d, 0);
  return { loss, grads, g, ghat, h, u };
}

function modelFor(net, cut) {
  let m = models.get(net);
  const u = net.layers[cut + 1];
  if (!m || m.cut !== cut) { m = { cut, M: new Float64Array(u * u), c: new Float64Array(u) }; models.set(net, m); }
  return m;
}

export function fitSynthetic(net, x, y, opts = {}) {
  if (typeof net.fitSynthetic === 'function') return net.fitSynthetic(x, y, opts);
  const { epochs = 1, batchSize = 10, learningRate = 0.03, modelRate = 0.05, cut = 0 } = opts;
  const nin = net.layers[0], nout = net.layers[net.layers.length - 1], n = x.length / nin;
  const model = modelFor(net, cut);
  let stats = { loss: NaN, cosine: 0, modelError: 0 };
  const weights = net.getWeights();
  for (let e = 0; e < epochs; e++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let total = 0;
    for (let s = 0; s < n; s += batchSize) {
      const m = Math.min(batchSize, n - s);
      const X = new Float64Array(m * nin), Y = new Float64Array(m * nout);
      for (let j = 0; j < m; j++) {
        for (let k = 0; k < nin; k++) X[j * nin + k] = x[order[s + j] * nin + k];
        for (let k = 0; k < nout; k++) Y[j * nout + k] = y[order[s + j] * nout + k];
      }
      const r = synthBatch(net, weights, model, cut, X, Y, m);
      total += r.loss;
      let gg = 0, hh = 0, gh = 0, err = 0;
      for (let i = 0; i < r.g.length; i++) { gg += r.g[i] ** 2; hh += r.ghat[i] ** 2; gh += r.g[i] * r.ghat[i]; err += (r.ghat[i] - r.g[i]) ** 2; }
      stats.cosine = gg > 0 && hh > 0 ? gh / Math.sqrt(gg * hh) : 0;
      stats.modelError = (0.5 * err) / m;
      for (let i = 0; i < m; i++) for (let rr = 0; rr < r.u; rr++) {
        const e2 = (r.ghat[i * r.u + rr] - r.g[i * r.u + rr]) * (modelRate / m);
        model.c[rr] -= e2;
        for (let k = 0; k < r.u; k++) model.M[rr * r.u + k] -= e2 * r.h[i * r.u + k];
      }
      weights.forEach((w, l) => {
        for (let i = 0; i < w.W.length; i++) w.W[i] -= learningRate * r.grads[l].W[i];
        for (let i = 0; i < w.b.length; i++) w.b[i] -= learningRate * r.grads[l].b[i];
      });
    }
    stats.loss = total / n;
  }
  net.setWeights(weights);
  return stats;
}

export function syntheticProbe(net, x, y, opts = {}) {
  if (typeof net.syntheticProbe === 'function') return net.syntheticProbe(x, y, opts);
  const { count = 8, cut = 0 } = opts;
  const nin = net.layers[0], nout = net.layers[net.layers.length - 1];
  const m = Math.min(count, x.length / nin);
  const r = synthBatch(net, net.getWeights(), modelFor(net, cut), cut, x.slice(0, m * nin), y.slice(0, m * nout), m);
  return { truth: Float32Array.from(r.g), predicted: Float32Array.from(r.ghat), units: r.u };
}
