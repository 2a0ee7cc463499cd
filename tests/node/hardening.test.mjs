// Hostile but well-typed input: a refused call keeps nothing (no WASM memory growth), no call
// allocates more than the engine's limits allow, no call runs unbounded, no error message echoes
// a whole argument, and an argument whose getters call back into the engine cannot corrupt a
// call in progress. The contract is docs/api.md ("Limits", "Errors").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadEngine } from 'nonlinear-playground';

const engine = await loadEngine();
const M = engine._module;
const L = engine.limits;

/** Calls `call`, which must throw an Error; returns its message. */
function message(call) {
  let thrown = null;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error, `did not throw an Error: ${thrown}`);
  return thrown.message;
}

test('limits: names and layer counts are part of engine.limits', () => {
  assert.equal(L.nameLength, 64);
  assert.equal(L.layers, L.hiddenLayers + 2);
  assert.ok(Number.isInteger(L.linearPiecesWork) && L.linearPiecesWork > 0);
});

// Finding 1: a refused call must not grow the WebAssembly memory (or the heap) for good.
test('a refused huge spec or huge name grows neither the WASM memory nor its heap', () => {
  const net = engine.createNetwork({ layers: [2, 3, 1] });
  const d = engine.dataset('xor', { n: 20 });
  const json = net.toJSON();
  const huge = 'n'.repeat(5e6);
  const manyLayers = new Array(1e6).fill(4);
  const cases = [
    ['createNetwork layers', () => engine.createNetwork({ layers: manyLayers }), /^layers: 1000000 sizes, at most 18 \(engine\.limits\.layers/],
    ['networkFromJSON layers', () => engine.networkFromJSON({ ...json, layers: manyLayers, activations: new Array(1e6 - 1).fill('relu') }),
      /^json\.layers: 1000000 sizes, at most 18 \(engine\.limits\.layers/],
    ['loss', () => engine.createNetwork({ layers: [2, 1], loss: huge }), /^loss: 'n{60}…' \(5000000 characters\) is longer than 64 characters \(engine\.limits\.nameLength\)$/],
    ['activation', () => engine.createNetwork({ layers: [2, 3, 1], activation: huge }), /^activation\[0\]: 'n{60}…' \(5000000 characters\)/],
    ['outputActivation', () => engine.createNetwork({ layers: [2, 1], outputActivation: huge }), /^outputActivation: 'n{60}…'/],
    ['dataset', () => engine.dataset(huge, { n: 10 }), /^dataset: 'n{60}…' \(5000000 characters\)/],
    ['optimizer', () => net.fit(d.x, d.y, { optimizer: huge }), /^optimizer: 'n{60}…' \(5000000 characters\)/],
    ['data.kind', () => engine.split({ ...d, kind: huge }), /^data\.kind: 'n{60}…'/],
    ['activationCurve', () => engine.activationCurve(huge, [0]), /^activation: 'n{60}…'/],
  ];
  for (const [what, call] of cases) message(call);  // warm-up: whatever grows once
  for (const [what, call, pattern] of cases) {
    const memory = engine.memoryBytes;
    const heap = M.heapInUse();
    assert.match(message(call), pattern, what);
    assert.equal(engine.memoryBytes, memory, `${what}: WASM memory grew`);
    assert.equal(M.heapInUse(), heap, `${what}: WASM heap grew`);
  }
  net.delete();
});

// Finding 2: every entry that allocates by the size of its input checks the workspace first.
test('layerOutputs on a big net and many samples is refused, naming x and the limit, without growing memory', () => {
  const net = engine.createNetwork({ layers: [2, ...new Array(16).fill(256), 1] });
  const x = new Float32Array(2 * 300000);
  const memory = engine.memoryBytes;
  const m = message(() => net.layerOutputs(x));
  assert.doesNotMatch(m, /bad_alloc/);
  assert.match(m, /^x: 300000 samples x 4097 units need more than 134217728 floats of workspace \(engine\.limits\.workspaceFloats\)/);
  // Only the staging buffer for x (2.4 MB) may have grown.
  assert.ok(engine.memoryBytes - memory <= 4 * x.length + (1 << 20), `memory grew by ${engine.memoryBytes - memory} bytes`);
  net.delete();
});

test('predict, syntheticProbe, leastSquares and pca check their workspace, naming the field', () => {
  const wide = engine.createNetwork({ layers: [1, 256] });
  const n = Math.floor(L.workspaceFloats / 256) + 1;
  assert.match(message(() => wide.predict(new Float32Array(n))), new RegExp(`^x: ${n} samples x 256 outputs need more than ${L.workspaceFloats} floats`));
  wide.delete();
  const deep = engine.createNetwork({ layers: [1, ...new Array(16).fill(256), 1] });
  const m = 40000;  // 40,000 x 4097 units > workspaceFloats
  assert.match(message(() => deep.syntheticProbe(new Float32Array(m), new Float32Array(m), { count: m })),
    new RegExp(`^count: ${m} samples x 4097 units need more than ${L.workspaceFloats} floats`));
  deep.delete();
  // The analyses copy x (and y) and work in double: 3 floats of workspace per value.
  const k = 256;
  const rows = Math.floor(L.workspaceFloats / (3 * (k + 2))) + 1;
  const rowsPca = Math.floor(L.workspaceFloats / (3 * k)) + 1;
  const big = new Float32Array(Math.max(rows, rowsPca) * k);
  assert.match(message(() => engine.leastSquares(big.subarray(0, rows * k), new Float32Array(rows), k)),
    new RegExp(`^x: ${rows} samples x ${3 * (k + 2)} floats each need more than ${L.workspaceFloats} floats of workspace \\(engine\\.limits\\.workspaceFloats\\)$`));
  assert.match(message(() => engine.pca(big.subarray(0, rowsPca * k), k)), new RegExp(`^x: ${rowsPca} samples x ${3 * k} floats each need more than`));
});

// Finding 3: linearPieces bounds its work, not only its count of regions.
test('linearPieces on a sawtooth net returns or throws, refusing by its work budget', () => {
  // [1, 256 x 16, 1] relu: hidden layer 1 holds relu(x) and relu(x - 0.5); every later hidden
  // layer applies the tent map t(y) = 2 relu(y) - 4 relu(y - 0.5) to the previous one's output,
  // so the net has 2^16 linear pieces on [0, 1], each costing a walk through 16 256x256 layers.
  const H = 16;
  const U = 256;
  const layers = [1, ...new Array(H).fill(U), 1];
  const net = engine.createNetwork({ layers, activation: 'relu' });
  const weights = net.getWeights().map(({ W, b }) => ({ W: new Float32Array(W.length), b: new Float32Array(b.length).fill(-1) }));
  weights[0].W[0] = 1; weights[0].b[0] = 0;
  weights[0].W[1] = 1; weights[0].b[1] = -0.5;
  for (let l = 1; l < H; l++) {
    const W = weights[l].W;  // row-major (256, 256)
    W[0 * U + 0] = 2; W[0 * U + 1] = -4; weights[l].b[0] = 0;
    W[1 * U + 0] = 2; W[1 * U + 1] = -4; weights[l].b[1] = -0.5;
  }
  weights[H].W[0] = 2; weights[H].W[1] = -4; weights[H].b[0] = 0;
  net.setWeights(weights);
  // The construction is the tent map composed 16 times: 0 at 0, 1 at 2^-16.
  assert.ok(Math.abs(net.predict([2 ** -16])[0] - 1) < 1e-3);
  const t0 = performance.now();
  let result;
  let error = null;
  try {
    result = net.linearPieces(0, 1);
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  console.log(`# linearPieces(0, 1) on the sawtooth net: ${error ? 'threw' : 'returned'} after ${ms.toFixed(0)} ms`);
  // Not a wall-clock assertion: the engine must stop at its work budget.
  assert.ok(error instanceof Error, `returned ${result?.count} pieces instead of refusing by the work budget`);
  assert.match(error.message, new RegExp(`^linearPieces: more than ${L.linearPiecesWork} multiply-adds of work \\(engine\\.limits\\.linearPiecesWork\\)`));
  // A small net still has its pieces counted.
  const small = engine.createNetwork({ layers: [1, 8, 8, 1], activation: 'relu', seed: 3 });
  assert.ok(small.linearPieces(-1, 1).count >= 1);
  small.delete();
  net.delete();
});

// Finding 4: a message quotes at most about 60 characters of a bad value, and names the field.
test('error messages quote at most ~60 characters of a value', () => {
  const m = message(() => engine.dataset('q'.repeat(1e6), { n: 10 }));
  assert.ok(m.length < 200, `a ${m.length}-character message`);
  assert.match(m, /^dataset: 'q{60}…'/);
  const net = engine.createNetwork({ layers: [2, 1] });
  // The engine's own message for an unknown name quotes up to 60 characters of it.
  assert.match(message(() => net.fit([0, 0], [0], { optimizer: 'r'.repeat(60) })), /^optimizer: unknown optimizer 'r{60}' \(known:/);
  assert.match(message(() => net.fit([0, 0], [0], { optimizer: 'r'.repeat(64) })), /^optimizer: unknown optimizer 'r{60}…' \(known:/);
  // Type errors quote strings the same way.
  const t = message(() => engine.dataset('xor', { n: 'z'.repeat(1e6) }));
  assert.ok(t.length < 200, `a ${t.length}-character message`);
  assert.match(t, /^n: 'z{60}…' must be an integer$/);
  net.delete();
});

test('an array longer than stagingFloats is refused naming the field and the limit, before it is copied', () => {
  const net = engine.createNetwork({ layers: [2, 1] });
  const x = new Float32Array(L.stagingFloats + 2);
  const memory = engine.memoryBytes;
  assert.equal(message(() => net.predict(x)),
    `x: ${L.stagingFloats + 2} values, more than the ${L.stagingFloats} one array can hold (engine.limits.stagingFloats)`);
  assert.equal(engine.memoryBytes, memory);
  net.delete();
});

// Finding 5: a getter that calls the engine cannot overwrite data already staged.
test('an input whose element getter calls the engine gives the same result as a plain array', () => {
  const d = engine.dataset('xor', { n: 40, seed: 2 });
  const other = engine.dataset('circle', { n: 40, seed: 3 });
  const net = engine.createNetwork({ layers: [2, 4, 1], seed: 5 });
  const expected = net.loss(d.x, d.y);
  const reentrant = (values, poke) => new Proxy(Array.from(values), {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) poke();
      return Reflect.get(target, key, receiver);
    },
  });
  const viaPredict = reentrant(d.y, () => net.predict(other.x));
  assert.equal(net.loss(d.x, viaPredict), expected);
  const viaDataset = reentrant(d.y, () => engine.dataset('spiral', { n: 40 }));
  assert.equal(net.loss(d.x, viaDataset), expected);
  const viaFit = reentrant(d.x, () => net.predict(other.x));
  assert.deepEqual(net.predict(viaFit), net.predict(d.x));
  // A layer list whose getter calls the engine.
  const layers = new Proxy([2, 3, 1], { get(target, key, receiver) { net.predict(other.x); return Reflect.get(target, key, receiver); } });
  const made = engine.createNetwork({ layers, seed: 5 });
  assert.deepEqual([...made.layers], [2, 3, 1]);
  made.delete();
  net.delete();
});

// Every call over data is bounded by its work (engine.limits.callWork), so no single call on
// inputs within the limits runs for long (docs/api.md "Time"); the count is named when refused.
test('calls over data refuse work beyond callWork, naming what they counted', () => {
  assert.ok(L.callWork > 0 && L.bestLinePoints > 0);
  const net = engine.createNetwork({ layers: [2, 64, 64, 1] });
  const P = net.parameters().length;
  const n = 4096;
  const x = new Float32Array(2 * n), y = new Float32Array(n);
  const epochs = Math.floor(L.callWork / (n * P)) + 1;
  assert.match(message(() => net.fit(x, y, { epochs })),
    new RegExp(`^fit: ${epochs} epochs x ${n} samples x ${P} parameters = [0-9.e+]+ multiply-adds, more than ${L.callWork} \\(engine\\.limits\\.callWork\\)`));
  const sgEpochs = Math.floor(L.callWork / (4 * n * P)) + 1;  // fitSynthetic counts 4 x the work of fit
  assert.match(message(() => net.fitSynthetic(x, y, { epochs: sgEpochs })), new RegExp(`^fitSynthetic: 4 x ${sgEpochs} epochs x .* \\(engine\\.limits\\.callWork\\)`));
  assert.ok(Number.isFinite(net.fitSynthetic(x, y, { epochs: sgEpochs - 1 }).loss), 'one epoch less trains');
  // within the budget the same call trains
  assert.ok(Number.isFinite(net.fit(x, y, { epochs: 1 })));
  net.delete();
  // predict: samples x parameters, for a net that fits the workspace but not the work
  const deep = engine.createNetwork({ layers: [1, ...new Array(16).fill(256), 1] });
  const Pd = deep.parameters().length;
  const m = Math.floor(L.callWork / Pd) + 1;  // about 1,900 samples: far inside the workspace
  assert.match(message(() => deep.predict(new Float32Array(m))), new RegExp(`^predict: ${m} samples x ${Pd} parameters`));
  assert.match(message(() => deep.loss(new Float32Array(m), new Float32Array(m))), /^loss: .*callWork/);
  assert.match(message(() => deep.gradients(new Float32Array(m), new Float32Array(m))), /^gradients: .*callWork/);
  deep.delete();
  // the analyses (double precision) against analysisWork: pca samples x dim^2; leastSquares
  // samples x columns x (columns + outputs); principalAngle 8 x (p + q)^2 x dim
  const dim = 256, rows = Math.floor(L.analysisWork / (dim * dim)) + 1;
  const xs = new Float32Array(rows * dim);
  assert.match(message(() => engine.pca(xs, dim)), new RegExp(`^pca: ${rows} samples x 256\\^2 = .* \\(engine\\.limits\\.analysisWork\\)`));
  const lsRows = Math.floor(L.analysisWork / (257 * 258)) + 1;
  assert.match(message(() => engine.leastSquares(xs.subarray(0, lsRows * dim), new Float32Array(lsRows), dim)), /^leastSquares: .*analysisWork/);
  const half = Math.ceil(Math.sqrt(L.analysisWork / (8 * dim)) / 2) + 1;
  assert.match(message(() => engine.principalAngle(xs.subarray(0, half * dim), xs.subarray(0, half * dim), dim)), /^principalAngle: .*analysisWork/);
  // activationCurve: at most curvePoints points; split: at most datasetSamples samples
  assert.match(message(() => engine.activationCurve('tanh', new Float32Array(L.curvePoints + 1))), new RegExp(`^xs: ${L.curvePoints + 1} points, more than ${L.curvePoints} \\(engine\\.limits\\.curvePoints\\)`));
  const s = L.datasetSamples + 1;
  assert.match(message(() => engine.split({ x: new Float32Array(2 * s), y: new Float32Array(s), inputs: 2, outputs: 1, kind: 'regression' })),
    new RegExp(`^data\\.x: ${s} samples, more than ${L.datasetSamples} \\(engine\\.limits\\.datasetSamples\\)`));
  // bestLineAccuracy tries every pair: at most bestLinePoints points
  const k = L.bestLinePoints + 1;
  assert.match(message(() => engine.bestLineAccuracy(new Float32Array(2 * k), new Float32Array(k).fill(1), 2)), new RegExp(`^x: ${k} points, more than ${L.bestLinePoints}`));
});
