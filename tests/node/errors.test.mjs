// Errors are values: every public entry, refused by the engine itself (the argument passes the JS
// wrapper's type and shape checks and is rejected in C++) 10,000 times, leaves nothing behind: not
// the WASM stack pointer, not a byte of the WASM heap, not an Embind handle, not a network.
// What is read (docs/api.md, "Diagnostics"): the module's stackSave(), engine.memoryBytes,
// Embind's count_emval_handles() and getInheritedInstanceCount(), and the engine's heapInUse()
// (mallinfo: exact to the byte) and liveNetworks().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine } from 'nonlinear-playground';

const engine = await loadEngine();
const M = engine._module;
const ROUNDS = 10000;
const WARMUP = 200;  // grows what may grow once (staging buffers, the error string's capacity)
// A name as long as the engine takes (engine.limits.nameLength): it reaches the engine, which quotes
// 60 characters of it. (Longer names are refused before the call: tests/node/hardening.test.mjs.)
const long = 'x'.repeat(engine.limits.nameLength);

function snapshot() {
  return {
    stackPointer: M.stackSave(),
    memoryBytes: engine.memoryBytes,
    emvalHandles: M.count_emval_handles(),
    inheritedInstances: M.getInheritedInstanceCount(),
    heapInUse: M.heapInUse(),
    liveNetworks: M.liveNetworks(),
  };
}

const d = engine.dataset('xor', { n: 20, seed: 1 });
const withNaN = (v, at) => { const c = Float32Array.from(v); c[at] = NaN; return c; };
const xNaN = withNaN(d.x, 1);
const yNaN = withNaN(d.y, 3);
const net = engine.createNetwork({ layers: [2, 3, 1], activation: 'tanh', seed: 1 });
const net1D = engine.createNetwork({ layers: [1, 3, 1], activation: 'tanh', seed: 1 });
const json = net.toJSON();
const badWeights = net.getWeights();
badWeights[0].W[1] = Infinity;

// [entry, call, the message it must throw]. Each argument reaches the engine.
const cases = [
  ['engine.dataset', () => engine.dataset(long, { n: 10 }), /^dataset: unknown dataset 'x{60}…'/],
  ['engine.split', () => engine.split(d, { ratio: 2 }), /^ratio: 2 must be/],
  ['engine.split (data.kind)', () => engine.split({ ...d, kind: long }, { ratio: 0.5 }), /^data\.kind: unknown dataset kind 'x{60}…'/],
  ['engine.createNetwork', () => engine.createNetwork({ layers: [2, 3, 1], activation: long }), /^activation\[0\]: unknown activation 'x{60}…'/],
  ['engine.createNetwork (loss)', () => engine.createNetwork({ layers: [2, 3, 1], loss: long }), /^loss: unknown loss 'x{60}…'/],
  ['engine.networkFromJSON', () => engine.networkFromJSON({ ...json, activations: ['tanh', long] }), /^outputActivation: unknown activation 'x{60}…'/],
  ['engine.activationCurve', () => engine.activationCurve(long, [0, 1]), /^activation: unknown activation 'x{60}…'/],
  ['engine.features', () => engine.features(d.x, ['x', long]), /^features\[1\]: unknown feature 'x{60}…'/],
  ['engine.features (duplicate)', () => engine.features(d.x, ['sinX', 'sinX']), /^features\[1\]: 'sinX' is already features\[0\]/],
  ['engine.leastSquares', () => engine.leastSquares(xNaN, d.y, 2), /^x\[1\]: NaN is not a finite number/],
  ['engine.pca', () => engine.pca([1, 2], 2), /^x: 1 sample, PCA needs at least 2/],
  ['engine.principalAngle', () => engine.principalAngle([0, 0, 0], [1, 0, 0], 3), /^A: every column is zero/],
  ['net.fit', () => net.fit(d.x, d.y, { optimizer: long }), /^optimizer: unknown optimizer 'x{60}…'/],
  ['net.predict', () => net.predict(xNaN), /^x\[1\]: NaN is not a finite number/],
  ['net.loss', () => net.loss(d.x, yNaN), /^y\[3\]: NaN is not a finite number/],
  ['net.gradients', () => net.gradients(xNaN, d.y), /^x\[1\]: NaN is not a finite number/],
  ['net.setWeights', () => net.setWeights(badWeights), /^weights\[0\]\.W\[1\]: Infinity is not a finite number/],
  ['net.layerOutputs', () => net.layerOutputs(xNaN, { pre: true }), /^x\[1\]: NaN is not a finite number/],
  ['net.collapse', () => net.collapse(), /^collapse: layer 1 \(hidden layer 1\) has activation 'tanh'/],
  ['net.collapseDeviation', () => net.collapseDeviation(d.x), /^collapse: layer 1/],
  ['net.fitSynthetic', () => net.fitSynthetic(d.x, d.y, { cut: 5 }), /^cut: 5 must be a hidden layer index/],
  ['net.syntheticProbe', () => net.syntheticProbe(d.x, d.y, { cut: 5 }), /^cut: 5 must be a hidden layer index/],
  ['net.linearPieces', () => net1D.linearPieces(-1, 1), /^count_linear_pieces: layer 1 \(hidden layer 1\) has activation 'tanh'/],
];

/** Calls `call` `rounds` times; each must throw an Error matching `pattern`. */
function refuse(call, pattern, rounds) {
  for (let i = 0; i < rounds; i++) {
    let thrown = null;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof Error, `call ${i} did not throw an Error: ${thrown}`);
    if (!pattern.test(thrown.message)) assert.match(thrown.message.slice(0, 300), pattern);
  }
}

for (const [entry, call, pattern] of cases) {
  test(`${entry}: ${ROUNDS} refused calls leave the stack, the heap and the handles as they were`, () => {
    refuse(call, pattern, WARMUP);
    const before = snapshot();
    refuse(call, pattern, ROUNDS);
    assert.deepEqual(snapshot(), before);
  });
}

test('after every refusal the engine still trains, and nothing was created', () => {
  const before = snapshot();
  assert.ok(Number.isFinite(net.fit(d.x, d.y, { epochs: 2 })));
  assert.equal(net.predict(d.x).length, 20);
  assert.equal(M.liveNetworks(), 2);  // net and net1D
  assert.deepEqual(snapshot().stackPointer, before.stackPointer);
});

test('a module without a function this wrapper needs fails at load, naming it', async () => {
  // web/engine.js beside a stand-in for the glue: the real module with two members removed.
  const dir = mkdtempSync(join(tmpdir(), 'nlp-load-'));
  try {
    mkdirSync(join(dir, 'web'));
    mkdirSync(join(dir, 'build', 'wasm'), { recursive: true });
    copyFileSync(fileURLToPath(new URL('../../web/engine.js', import.meta.url)), join(dir, 'web', 'engine.mjs'));
    copyFileSync(fileURLToPath(new URL('../../web/engine-later.js', import.meta.url)), join(dir, 'web', 'engine-later.js'));
    const real = fileURLToPath(new URL('../../build/wasm/nlp_engine.cjs', import.meta.url));
    writeFileSync(join(dir, 'build', 'wasm', 'nlp_engine.cjs'), `const create = require(${JSON.stringify(real)});
module.exports = (options) => create(options).then((M) => { delete M.pca; delete M.Net.prototype.syntheticProbe; return M; });
`);
    const { loadEngine: loadStale } = await import(pathToFileURL(join(dir, 'web', 'engine.mjs')).href);
    await assert.rejects(loadStale(), (e) => {
      assert.ok(e instanceof Error);
      assert.match(e.message, /lacks pca, Net\.prototype\.syntheticProbe \(/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
