// The JS API (docs/api.md) through the package's built entry, in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from 'nonlinear-playground';

const engine = await loadEngine();

const accuracy = (out, labels) => out.reduce((ok, v, i) => ok + ((v > 0) === (labels[i] > 0)), 0) / out.length;

test('engine metadata', () => {
  assert.match(engine.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual([...engine.activations],
    ['linear', 'affine', 'tanh', 'sigmoid', 'relu', 'leaky_relu', 'softplus', 'swish', 'sine', 'step']);
  for (const name of ['xor', 'circle', 'spiral', 'gauss', 'moons', 'plane', 'gauss_bumps', 'line', 'sine', 'parabola', 'abs', 'step', 'cubic'])
    assert.ok(engine.datasets.includes(name), name);
  assert.ok(engine.datasets.includes('spiral3') || engine.datasets.includes('blobs3'));
  assert.equal(typeof engine.memoryBytes, 'number');
  assert.ok(engine.memoryBytes >= 16 * 1024 * 1024);
});

test('datasets: shapes, labels, determinism by seed', () => {
  const a = engine.dataset('xor', { n: 100, noise: 0.2, seed: 4 });
  assert.ok(a.x instanceof Float32Array && a.y instanceof Float32Array);
  assert.equal(a.inputs, 2);
  assert.equal(a.outputs, 1);
  assert.equal(a.x.length, 200);
  assert.ok([...a.y].every((v) => v === 1 || v === -1));
  assert.deepEqual(engine.dataset('xor', { n: 100, noise: 0.2, seed: 4 }), a);
  assert.notDeepEqual(engine.dataset('xor', { n: 100, noise: 0.2, seed: 5 }).x, a.x);
  const s = engine.dataset('sine', { n: 50 });
  assert.equal(s.inputs, 1);
  assert.equal(s.kind, 'regression');
  const { train, test: held } = engine.split(a, { ratio: 0.7, seed: 2 });
  assert.equal(train.x.length / 2, 70);
  assert.equal(held.x.length / 2, 30);
});

test('XOR: a tanh net learns it, a linear net of the same shape cannot', () => {
  const d = engine.dataset('xor', { n: 200, seed: 3 });
  const tanh = engine.createNetwork({ layers: [2, 8, 8, 1], activation: 'tanh', seed: 1 });
  const linear = engine.createNetwork({ layers: [2, 8, 8, 1], activation: 'linear', seed: 1 });
  assert.deepEqual(tanh.getWeights(), linear.getWeights(), 'same seed and shape, same initial weights');
  const first = tanh.loss(d.x, d.y);
  let last;
  for (let i = 0; i < 300; i++) {
    last = tanh.fit(d.x, d.y, { epochs: 1, batchSize: 10, learningRate: 0.01 });
    linear.fit(d.x, d.y, { epochs: 1, batchSize: 10, learningRate: 0.01 });
  }
  assert.ok(last < first / 10, `loss ${first} -> ${last}`);
  assert.ok(accuracy(tanh.predict(d.x), d.y) >= 0.97);
  assert.ok(accuracy(linear.predict(d.x), d.y) <= 0.8);
  tanh.delete();
  linear.delete();
});

test('fit options: epochs, optimizers, regularisation', () => {
  const d = engine.dataset('circle', { n: 200, seed: 1 });
  for (const optimizer of ['sgd', 'momentum', 'adam']) {
    const net = engine.createNetwork({ layers: [2, 6, 1], activation: 'tanh', outputActivation: 'tanh', seed: 2 });
    const before = net.loss(d.x, d.y);
    net.fit(d.x, d.y, { epochs: 60, batchSize: 10, learningRate: optimizer === 'adam' ? 0.01 : 0.03, optimizer });
    assert.ok(net.loss(d.x, d.y) < before / 2, optimizer);
    net.delete();
  }
  const plain = engine.createNetwork({ layers: [2, 6, 1], seed: 2 });
  const l2 = engine.createNetwork({ layers: [2, 6, 1], seed: 2 });
  plain.fit(d.x, d.y, { epochs: 20 });
  l2.fit(d.x, d.y, { epochs: 20, l2: 0.05 });
  const norm = (net) => Math.hypot(...net.getWeights()[0].W);
  assert.ok(norm(l2) < norm(plain));
  const l1 = engine.createNetwork({ layers: [2, 6, 1], seed: 2 });
  l1.fit(d.x, d.y, { epochs: 20, l1: 0.01 });
  assert.notDeepEqual(l1.getWeights(), plain.getWeights());
  for (const net of [plain, l2, l1]) net.delete();
});

test('gradients match finite differences of loss (float32, central differences)', () => {
  const d = engine.dataset('spiral', { n: 40, noise: 0.1, seed: 1 });
  const net = engine.createNetwork({ layers: [2, 5, 3, 1], activation: ['tanh', 'sigmoid'], seed: 3 });
  const grads = net.gradients(d.x, d.y);
  const weights = net.getWeights();
  const h = 1e-2;
  let checked = 0;
  for (let l = 0; l < weights.length; l++)
    for (const key of ['W', 'b'])
      for (let i = 0; i < weights[l][key].length; i++) {
        const w = weights[l][key][i];
        weights[l][key][i] = w + h;
        net.setWeights(weights);
        const up = net.loss(d.x, d.y);
        weights[l][key][i] = w - h;
        net.setWeights(weights);
        const down = net.loss(d.x, d.y);
        weights[l][key][i] = w;
        const fd = (up - down) / (2 * h);
        assert.ok(Math.abs(fd - grads[l][key][i]) <= 2e-3 * Math.max(1, Math.abs(fd)), `layer ${l} ${key}[${i}]: ${grads[l][key][i]} vs ${fd}`);
        checked++;
      }
  net.setWeights(weights);
  assert.equal(checked, 2 * 5 + 5 + 5 * 3 + 3 + 3 + 1);
  net.delete();
});

test('getWeights returns copies, W row-major (out, in): y = f(W x + b)', () => {
  const net = engine.createNetwork({ layers: [3, 2], activation: 'linear', outputActivation: 'linear', seed: 1 });
  const w = net.getWeights();
  w[0].W[0] = 1000;
  assert.notEqual(net.getWeights()[0].W[0], 1000);
  net.setWeights([{ W: [1, 2, 3, 4, 5, 6], b: [0.5, -1] }]);
  const out = net.predict([1, 1, 2]);
  assert.deepEqual([...out], [1 + 2 + 6 + 0.5, 4 + 5 + 12 - 1]);
  assert.equal(net.parameters().length, 8);
  net.delete();
});

test('collapse: a deep linear or affine net equals one affine map; tanh throws naming the layer', () => {
  const x = engine.dataset('gauss', { n: 50, seed: 1 }).x;
  for (const [activation, affine] of [['linear', undefined], ['affine', { a: 1.7, c: -0.3 }]]) {
    const net = engine.createNetwork({ layers: [2, 6, 5, 4, 2], activation, affine, seed: 7 });
    const { W, b } = net.collapse();
    assert.equal(W.length, 4);
    const deep = net.predict(x);
    for (let i = 0; i < 50; i++)
      for (let k = 0; k < 2; k++) {
        const flat = W[k * 2] * x[2 * i] + W[k * 2 + 1] * x[2 * i + 1] + b[k];
        assert.ok(Math.abs(flat - deep[2 * i + k]) <= 1e-5 * Math.max(1, Math.abs(flat)), `${activation} ${flat} vs ${deep[2 * i + k]}`);
      }
    assert.ok(net.collapseDeviation(x) < 1e-4);
    net.delete();
  }
  const mixed = engine.createNetwork({ layers: [2, 4, 4, 1], activation: ['linear', 'tanh'], seed: 1 });
  assert.throws(() => mixed.collapse(), (e) => e instanceof Error && /layer 2/.test(e.message) && /tanh/.test(e.message));
  assert.throws(() => mixed.collapseDeviation(x), /tanh/);
  mixed.delete();
});

test('layerOutputs: every layer over every sample in one call', () => {
  const net = engine.createNetwork({ layers: [2, 3, 4, 1], seed: 1 });
  const x = new Float32Array([0, 0, 1, 2, -3, 0.5]);
  const outs = net.layerOutputs(x);
  assert.equal(outs.length, 3);
  assert.deepEqual(outs.map((o) => o.length), [9, 12, 3]);
  assert.deepEqual([...outs[2]], [...net.predict(x)]);
  // Pre-activations: Z_1 = W_1 x + b_1, and A_1 = tanh(Z_1).
  const pre = net.layerOutputs(x, { pre: true });
  const { W, b } = net.getWeights()[0];
  for (let i = 0; i < 3; i++)
    for (let u = 0; u < 3; u++) {
      const z = W[u * 2] * x[2 * i] + W[u * 2 + 1] * x[2 * i + 1] + b[u];
      assert.ok(Math.abs(pre[0][i * 3 + u] - z) < 1e-5);
      assert.ok(Math.abs(outs[0][i * 3 + u] - Math.tanh(z)) < 1e-5);
    }
  assert.throws(() => net.layerOutputs(x, { pre: 'yes' }), /pre/);
  net.delete();
});

test('toJSON / networkFromJSON: the same function, through JSON text', () => {
  const d = engine.dataset('moons', { n: 60, seed: 2 });
  const net = engine.createNetwork({ layers: [2, 5, 1], activation: 'affine', affine: { a: 0.5, c: 0.25 }, outputActivation: 'sigmoid', loss: 'bce', seed: 9 });
  net.fit(d.x, d.y, { epochs: 5, optimizer: 'adam' });
  const copy = engine.networkFromJSON(JSON.parse(JSON.stringify(net.toJSON())));
  assert.deepEqual(copy.predict(d.x), net.predict(d.x));
  assert.deepEqual(copy.activations, net.activations);
  assert.equal(copy.lossName, 'bce');
  assert.deepEqual(copy.affine, { a: 0.5, c: 0.25 });
  net.delete();
  copy.delete();
});

test('bad arguments throw Errors naming the field; the engine stays usable', () => {
  const d = engine.dataset('xor', { n: 20 });
  const net = engine.createNetwork({ layers: [2, 3, 1] });
  const bad = [
    [() => engine.createNetwork({ layers: [2, 0, 1] }), /layers\[1\]/],
    [() => engine.createNetwork({ layers: [2, 300, 1] }), /layers\[1\]/],
    [() => engine.createNetwork({ layers: [2, 2.5, 1] }), /layers\[1\]/],
    [() => engine.createNetwork({ layers: 'big' }), /layers/],
    [() => engine.createNetwork(), /layers/],
    [() => engine.createNetwork({ layers: [2, 3, 1], activation: 'gelu' }), /gelu/],
    [() => engine.createNetwork({ layers: [2, 3, 3, 1], activation: ['tanh'] }), /activation/],
    [() => engine.createNetwork({ layers: [2, 3, 1], outputActivation: 'nope' }), /outputActivation/],
    [() => engine.createNetwork({ layers: [2, 3, 1], loss: 'hinge' }), /loss/],
    [() => engine.createNetwork({ layers: [2, 3, 1], loss: 'bce' }), /sigmoid/],
    [() => engine.createNetwork({ layers: [2, 3, 1], seed: -1 }), /seed/],
    [() => engine.createNetwork({ layers: [2, 3, 1], affine: { a: NaN, c: 0 } }), /affine\.a/],
    [() => engine.dataset('nope', { n: 10 }), /dataset/],
    [() => engine.dataset('xor', { n: 0 }), /\bn\b/],
    [() => engine.dataset('xor', { n: 10, noise: 2 }), /noise/],
    [() => engine.dataset('xor'), /\bn\b/],
    [() => net.fit(d.x, d.y, { learningRate: 0 }), /learningRate/],
    [() => net.fit(d.x, d.y, { learningRate: -1 }), /learningRate/],
    [() => net.fit(d.x, d.y, { learningRate: NaN }), /learningRate/],
    [() => net.fit(d.x, d.y, { learningRate: '0.1' }), /learningRate/],
    [() => net.fit(d.x, d.y, { batchSize: 0 }), /batchSize/],
    [() => net.fit(d.x, d.y, { epochs: -1 }), /epochs/],
    [() => net.fit(d.x, d.y, { optimizer: 'rmsprop' }), /rmsprop/],
    [() => net.fit(d.x, d.y, { l2: -1 }), /l2/],
    [() => net.fit(d.x.subarray(0, 5), d.y), /\bx\b.*multiple/],
    [() => net.fit(d.x, d.y.subarray(0, 3)), /\by\b/],
    [() => net.fit([1, 'a'], [1]), /x\[1\]/],
    [() => net.predict([1, NaN]), /x\[1\]/],
    [() => net.predict({}), /\bx\b/],
    [() => net.setWeights([{ W: [1], b: [1] }]), /weights/],
    [() => net.setWeights([{ W: [1, 2, 3, 4, 5, 6], b: [0, 0, 0] }, { W: [1, 2, 3], b: [Infinity] }]), /weights\[1\]\.b/],
    [() => engine.networkFromJSON({}), /json\.format/],
    [() => engine.networkFromJSON({ ...net.toJSON(), weights: [] }), /json\.weights/],
    [() => engine.networkFromJSON({ ...net.toJSON(), layers: [2, 3, 4, 1] }), /json\.activations/],
    [() => engine.networkFromJSON('{}'), /json/],
  ];
  for (const [call, pattern] of bad) {
    assert.throws(call, (e) => {
      assert.ok(e instanceof Error, `not an Error: ${e}`);
      assert.match(e.message, pattern);
      return true;
    });
  }
  assert.ok(Number.isFinite(net.fit(d.x, d.y)));
  assert.equal(net.predict(d.x).length, 20);
  net.delete();
  assert.throws(() => net.predict(d.x), /delete/);
});

test('errors do not leak the WASM stack; every loadEngine() is the same engine', async () => {
  const M = engine._module;
  const net = engine.createNetwork({ layers: [2, 3, 1] });
  const d = engine.dataset('xor', { n: 20 });
  const before = M.stackSave();
  for (let i = 0; i < 2000; i++) {
    assert.throws(() => engine.dataset('nope', { n: 10 }), /dataset/);
    assert.throws(() => net.fit(d.x, d.y, { optimizer: 'zzz' }), /zzz/);
    assert.throws(() => net.collapse(), /collapse/);
  }
  assert.equal(M.stackSave(), before);
  assert.equal(await loadEngine(), engine);
  assert.throws(() => net.fitSynthetic(d.x, d.y, { epochs: 0, modelRate: -1 }), /modelRate/);
  assert.ok(Number.isFinite(net.fit(d.x, d.y)));
  net.delete();
});

test('a diverging learning rate returns a non-finite loss, never crashes the module', () => {
  const d = engine.dataset('plane', { n: 100 });
  const net = engine.createNetwork({ layers: [2, 8, 8, 1], activation: 'linear' });
  let loss = 0;
  for (let i = 0; i < 50 && Number.isFinite(loss); i++) loss = net.fit(d.x, d.y, { learningRate: 1000 });
  assert.ok(!Number.isFinite(loss));
  net.delete();
  const fresh = engine.createNetwork({ layers: [2, 4, 1] });
  assert.ok(Number.isFinite(fresh.fit(d.x, d.y)));
  fresh.delete();
});

test('analysis: least squares bounds every linear net; PCA; principal angle', () => {
  const d = engine.dataset('circle', { n: 200, seed: 3 });
  const ls = engine.leastSquares(d.x, d.y, 2);
  assert.equal(ls.W.length, 2);
  const net = engine.createNetwork({ layers: [2, 8, 8, 1], activation: 'linear', seed: 1 });
  for (let i = 0; i < 30; i++) {
    net.fit(d.x, d.y, { epochs: 5, learningRate: 0.003 });
    assert.ok(net.loss(d.x, d.y) >= ls.loss - 1e-6);
  }
  net.delete();
  const p = engine.pca(new Float32Array([1, 2, 2, 4, 3, 6, 4, 8.1]), 2);
  // The points lie near the line y = 2x (slope 2.03 by least squares): so does the first direction.
  assert.ok(Math.abs(p.components[1] / p.components[0] - 2.03) < 0.02, `${p.components}`);
  assert.ok(Math.abs(Math.hypot(p.components[0], p.components[1]) - 1) < 1e-6);
  assert.ok(p.variances[0] > 100 * p.variances[1]);
  assert.ok(Math.abs(engine.principalAngle([1, 0, 0], [0, 1, 0], 3) - 90) < 1e-9);
  assert.ok(engine.principalAngle([1, 1, 0], [2, 2, 0], 3) < 1e-3);
});

test('networks are freed: create/train/delete many times, memory stays flat', () => {
  const d = engine.dataset('spiral', { n: 500 });
  const run = () => {
    for (let i = 0; i < 200; i++) {
      const net = engine.createNetwork({ layers: [2, 64, 64, 1], seed: i });
      net.fit(d.x, d.y, { batchSize: 32 });
      net.predict(d.x);
      net.delete();
    }
  };
  run();
  const before = engine.memoryBytes;
  run();
  run();
  assert.equal(engine.memoryBytes, before);
});

test('activationCurve: f and f\' from the engine, step flat, sigmoid in (0, 1)', () => {
  const xs = [-2, -0.5, 0.25, 2];
  const tanh = engine.activationCurve('tanh', xs);
  xs.forEach((x, i) => {
    assert.ok(Math.abs(tanh.value[i] - Math.tanh(x)) < 1e-6);
    assert.ok(Math.abs(tanh.derivative[i] - (1 - Math.tanh(x) ** 2)) < 1e-6);
  });
  assert.deepEqual([...engine.activationCurve('step', xs).derivative], [0, 0, 0, 0]);
  const affine = engine.activationCurve('affine', xs, { a: 3, c: -1 });
  assert.deepEqual([...affine.value], xs.map((x) => 3 * x - 1));
  const sig = engine.activationCurve('sigmoid', [-50, 50]);
  assert.ok(sig.value[0] >= 0 && sig.value[1] <= 1);
  assert.throws(() => engine.activationCurve('gelu', xs), /gelu/);
});

test('fitSynthetic: a linear gradient model still trains the net; probe shapes; bad options throw', () => {
  const d = engine.dataset('sine', { n: 200, seed: 1 });
  const net = engine.createNetwork({ layers: [1, 16, 16, 1], activation: 'tanh', seed: 3 });
  const before = net.loss(d.x, d.y);
  let stats;
  for (let i = 0; i < 30; i++) stats = net.fitSynthetic(d.x, d.y, { epochs: 10, batchSize: 10, learningRate: 0.05, modelRate: 0.05 });
  assert.ok(net.loss(d.x, d.y) < before / 2, `${before} -> ${net.loss(d.x, d.y)}`);
  assert.ok(Number.isFinite(stats.cosine) && Number.isFinite(stats.modelError));
  const probe = net.syntheticProbe(d.x, d.y, { count: 5 });
  assert.equal(probe.units, 16);
  assert.equal(probe.truth.length, 5 * 16);
  assert.equal(probe.predicted.length, 5 * 16);
  assert.throws(() => net.fitSynthetic(d.x, d.y, { cut: 2 }), /cut/);
  assert.throws(() => net.fitSynthetic(d.x, d.y, { modelRate: 0 }), /modelRate/);
  assert.ok(Number.isFinite(net.fit(d.x, d.y)));
  net.delete();
});

// C3: engine.bestLineAccuracy against a brute force in JS (a sweep over directions: the best
// threshold on the projections only changes where the direction is orthogonal to the difference
// of two points), on small random sets with repeated and collinear points.
function bruteBestLine(x, y, inputs) {
  const n = y.length;
  let dirs = [[1, 0]];
  if (inputs === 2) {
    const angles = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const dx = x[2 * j] - x[2 * i], dy = x[2 * j + 1] - x[2 * i + 1];
      if (dx || dy) angles.push((Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI));
    }
    angles.sort((a, b) => a - b);
    dirs = angles.map((a, k) => (k + 1 < angles.length ? (a + angles[k + 1]) / 2 : (a + angles[0] + 2 * Math.PI) / 2))
      .map((a) => [Math.cos(a), Math.sin(a)]);
    if (!dirs.length) dirs = [[1, 0]];
  }
  let best = 0;
  for (const [c, s] of dirs) {
    const v = Array.from({ length: n }, (_, k) => (inputs === 1 ? x[k] : c * x[2 * k] + s * x[2 * k + 1]));
    const sorted = [...v].sort((a, b) => a - b);
    const cuts = [sorted[0] - 1, sorted[n - 1] + 1];
    for (let k = 0; k + 1 < n; k++) if (sorted[k + 1] > sorted[k]) cuts.push((sorted[k] + sorted[k + 1]) / 2);
    for (const cut of cuts) for (const sign of [1, -1]) {
      let ok = 0;
      for (let k = 0; k < n; k++) ok += (sign * (v[k] - cut) > 0) === (y[k] > 0);
      best = Math.max(best, ok);
    }
  }
  return best / n;
}

test('bestLineAccuracy: exact, against a brute force on small random sets; xor is far from separable', () => {
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let trial = 0; trial < 200; trial++) {
    const inputs = trial % 4 === 0 ? 1 : 2, n = 1 + Math.floor(rnd() * 10);
    const x = Float32Array.from({ length: n * inputs }, () => (trial % 2 ? Math.floor(rnd() * 5) - 2 : rnd() * 4 - 2));
    const y = Float32Array.from({ length: n }, () => (rnd() < 0.5 ? 1 : -1));
    assert.equal(engine.bestLineAccuracy(x, y, inputs), bruteBestLine(x, y, inputs), `trial ${trial}: ${Array.from(x)} / ${Array.from(y)}`);
  }
  assert.equal(engine.bestLineAccuracy([-1, -1, 1, 1, -1, 1, 1, -1], [1, 1, -1, -1], 2), 0.75);
  const d = engine.dataset('xor', { n: 200, noise: 0, seed: 2 });
  const best = engine.bestLineAccuracy(d.x, d.y, 2);
  assert.ok(best >= 0.5 && best < 0.8, `xor: ${best}`);
  assert.throws(() => engine.bestLineAccuracy([0, 0], [0.5], 2), /\+1 or -1/);
  assert.throws(() => engine.bestLineAccuracy([0, 0, 1], [1], 3), /1 or 2/);
  assert.throws(() => engine.bestLineAccuracy([0, 0, 1, 1], [1], 2), /one label per point/);
});

// C6: a step network can *represent* a nonlinear boundary (the step is a squashing function); it
// only cannot be *trained* by backpropagation. Hand-set weights: a = step(x1), b = step(x2);
// c = a AND b, d = NOR(a, b); out = c OR d, 1 exactly where x1 and x2 have the same sign: XOR,
// beyond every straight line (bestLineAccuracy < 0.8 on the same points).
test('step network: hand-set weights represent XOR exactly, which no straight line can', () => {
  const net = engine.createNetwork({ layers: [2, 2, 2, 1], activation: 'step', outputActivation: 'step', seed: 1 });
  net.setWeights([
    { W: [1, 0, 0, 1], b: [0, 0] },
    { W: [1, 1, -1, -1], b: [-1.5, 0.5] },
    { W: [1, 1], b: [-0.5] },
  ]);
  const d = engine.dataset('xor', { n: 400, noise: 0, seed: 7 });
  const out = net.predict(d.x);
  let same = 0;
  for (let i = 0; i < 400; i++) same += (out[i] > 0.5) === (d.y[i] > 0);
  const accuracy = Math.max(same, 400 - same) / 400;
  assert.equal(accuracy, 1, `the step network's output agrees with the labels (up to their sign convention): ${same}/400`);
  assert.ok(engine.bestLineAccuracy(d.x, d.y, 2) < 0.8, 'no straight line gets close');
  net.delete();
});
