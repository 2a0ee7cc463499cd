// The page's engine over http: the module in two (web/engine-later.js, scripts/split-wasm.mjs),
// dist/nlp_engine.first.wasm.lzma before the first frame and dist/nlp_engine.later.wasm.lzma after
// it, decoded (web/lzma-decoder.js) and loaded here the way the page loads them (globalThis.__nlpWasm and __nlpWasmLater, web/wasm-loader.js)
// through the page's wrapper web/engine.js, beside the whole module (dist/engine.mjs). The first
// part alone trains and predicts exactly as the whole module does; the later entries refuse to run,
// naming the file, until the later part is in, and so do networks of the activations whose kernels
// are in it; a failed load can be tried again; then every later entry, and training with every
// activation, gives exactly the whole module's results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { LATER_ENTRIES, FIRST_ACTIVATIONS, FIRST_WASM, LATER_WASM } from '../../web/engine-later.js';
import { decodeLzma } from '../../web/lzma-decoder.js';

const built = (f) => {
  const path = new URL(`../../${f}`, import.meta.url);
  assert.ok(existsSync(path), `${f} is missing: npm run build`);
  return readFileSync(path);
};
const dist = (f) => built(`dist/${f}`);
// the parts as the page unpacks them, with the decoder it inlines (web/wasm-loader.js)
const unpack = (f) => decodeLzma(dist(f), built('build/web/lzma-decode.wasm'));

let laterLoads = 0, failNext = false;
globalThis.__nlpWasm = unpack(FIRST_WASM).then((bytes) => WebAssembly.compile(bytes));
globalThis.__nlpWasmLater = () => {
  laterLoads += 1;
  if (failNext) { failNext = false; return Promise.reject(new Error(`${LATER_WASM} did not load (test)`)); }
  return unpack(LATER_WASM).then((bytes) => WebAssembly.compile(bytes));
};
const split = await (await import('../../web/engine.js')).loadEngine();
delete globalThis.__nlpWasm; // the whole module: read from the file beside dist/engine.mjs
const whole = await (await import('../../dist/engine.mjs')).loadEngine();

const data = (engine) => engine.dataset('spiral', { n: 120, noise: 0.1, seed: 3 });
const net = (engine, activation) => engine.createNetwork({ layers: [1, 6, 6, 1], activation, seed: 5 });
const x1 = Float32Array.from({ length: 40 }, (_, i) => -1 + i / 20);
const y1 = x1.map((v) => Math.sin(3 * v));
// one call of every later entry (web/engine-later.js): its result, or its error's message
const calls = {
  leastSquares: (e) => { const d = data(e); return e.leastSquares(d.x, d.y, 2); },
  pca: (e) => e.pca(data(e).x, 2),
  principalAngle: (e) => e.principalAngle([1, 0, 0, 0, 1, 0], [1, 0, 0, 0, 0.6, 0.8], 3),
  bestLineAccuracy: (e) => { const d = data(e); return e.bestLineAccuracy(d.x, d.y, 2); },
  activationCurve: (e) => e.activationCurve('tanh', [-2, -0.5, 0, 0.5, 2]),
  features: (e) => e.features([0.5, -1, 2, 0.25, -0.75, 1.5], ['xSquared', 'sinY', 'xTimesY']),
  collapse: (e) => net(e, 'linear').collapse(),
  collapseDeviation: (e) => net(e, 'linear').collapseDeviation(x1),
  linearPieces: (e) => net(e, 'linear').linearPieces(-1, 1), // linear: a relu net would be refused before (its kernels)
  fitSynthetic: (e) => { const n = net(e, 'tanh'); const loss = n.fitSynthetic(x1, y1, { epochs: 20, cut: 1 }); return [loss, Array.from(n.predict(x1))]; },
  syntheticProbe: (e) => net(e, 'tanh').syntheticProbe(x1, y1, { count: 4, cut: 1 }),
  layerOutputs: (e) => net(e, 'tanh').layerOutputs(x1, { pre: true }),
  gradients: (e) => net(e, 'tanh').gradients(x1, y1),
};
// a network of each activation whose kernels are in the later part, trained: its losses and outputs
const trainedWith = (activation) => (e) => {
  const d = data(e);
  const n = e.createNetwork({ layers: [2, 6, 5, 1], activation, outputActivation: activation === 'step' ? 'tanh' : activation, seed: 4 });
  return { losses: Array.from({ length: 3 }, () => n.fit(d.x, d.y, { epochs: 3 })), out: Array.from(n.predict(d.x)) };
};
const laterActivations = () => whole.activations.filter((a) => !FIRST_ACTIVATIONS.includes(a));

test('the list of later entries is the list of calls checked here', () => {
  assert.deepEqual(Object.keys(calls).sort(), [...LATER_ENTRIES.functions, ...LATER_ENTRIES.netMethods].sort());
});

test('the first part alone trains and predicts exactly as the whole module', () => {
  assert.equal(split.complete, false);
  assert.equal(whole.complete, true);
  const out = [split, whole].map((e) => {
    const d = data(e);
    const n = e.createNetwork({ layers: [2, 8, 8, 1], activation: 'tanh', seed: 2 });
    const losses = Array.from({ length: 5 }, () => n.fit(d.x, d.y, { epochs: 4 }));
    return { losses, out: Array.from(n.predict(d.x)), weights: n.getWeights() };
  });
  assert.deepEqual(out[0], out[1]);
  assert.ok(out[0].losses[4] < out[0].losses[0], `it learns: ${out[0].losses}`);
});

test('before the later part, each later entry throws an Error naming the file, and the engine goes on', () => {
  // each by its own guard: engine.<name> or engine.Net.<name>
  for (const [name, call] of Object.entries(calls)) {
    const prefix = `engine.${LATER_ENTRIES.netMethods.includes(name) ? 'Net.' : ''}${name}: it is in ${LATER_WASM}, which has not loaded yet`;
    assert.throws(() => call(split), (e) => e instanceof Error && e.message.startsWith(prefix), `${name}: ${prefix}`);
  }
  assert.ok(laterActivations().length >= 8, laterActivations().join());
  for (const activation of laterActivations()) {
    assert.throws(() => trainedWith(activation)(split), (e) => e instanceof Error && e.message.startsWith(`activation '${activation}': its kernels are in ${LATER_WASM}, which has not loaded yet`), activation);
  }
  assert.equal(laterLoads, 0, 'nothing asked for it');
  const d = data(split);
  assert.ok(Number.isFinite(net(split, 'tanh').loss(x1, y1)));
  assert.equal(d.x.length, 240);
});

test('a failed load rejects naming the file and is tried again; two calls load it once', async () => {
  failNext = true;
  await assert.rejects(split.loadLater(), /nlp_engine\.later\.wasm\.lzma did not load/);
  assert.equal(split.complete, false);
  const [a, b] = [split.loadLater(), split.loadLater()];
  assert.equal(a, b);
  await a;
  assert.equal(laterLoads, 2);
  assert.equal(split.complete, true);
  await split.loadLater();
  assert.equal(laterLoads, 2);
});

test('with the later part in, every later entry gives exactly the whole module\'s result, errors too', () => {
  assert.equal(split.complete, true, 'after the test above');
  const run = (e, call) => { try { return { value: call(e) }; } catch (err) { return { error: err.message }; } };
  for (const [name, call] of Object.entries(calls)) {
    const got = run(split, call);
    assert.ok(!got.error, `${name}: ${got.error}`);
    assert.deepEqual(got, run(whole, call), name);
  }
  // and every activation trains exactly as in the whole module
  for (const activation of whole.activations) assert.deepEqual(trainedWith(activation)(split), trainedWith(activation)(whole), activation);
  // an engine error from the later part comes back as a JS Error with the engine's message
  const mixed = (e) => run(e, () => e.createNetwork({ layers: [2, 4, 1], activation: 'tanh', seed: 1 }).collapse());
  assert.match(mixed(split).error, /tanh/);
  assert.deepEqual(mixed(split), mixed(whole));
});

test('laterKeys: the keys of a link or a change that need the later part', async () => {
  const { laterKeys } = await import('../../web/engine-later.js');
  const { DEFAULTS } = await import('../../web/state.js');
  const cases = [
    [{ activation2: 'relu' }, ['activation2']],
    [{ activation: 'tanh', activation2: 'linear', dataset: 'step' }, []], // 'step' the dataset, not the activation
    [{ outputActivation: 'sigmoid', noise: 10 }, ['outputActivation']],
    [{ collapseActivations: ['linear', 'relu', 'linear'] }, ['collapseActivations']],
    [{ xSquared: true }, ['xSquared']],
    [{ x: false }, ['x']], // y alone: engine.features
    [{ x: true, y: true, xSquared: false }, []],
  ];
  for (const [values, keys] of cases) assert.deepEqual(laterKeys(values, DEFAULTS, whole), keys, JSON.stringify(values));
  // a change back to x₁, x₂ alone from other features needs nothing more
  assert.deepEqual(laterKeys({ xSquared: false }, { ...DEFAULTS, xSquared: true }, whole), []);
});
