// The engine's limits and name lists as the JS API exports them (engine.limits, engine.losses,
// ...): each exported number is the one the engine enforces, at the boundary, and each name list
// is what the engine accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from 'nonlinear-playground';

const engine = await loadEngine();
const L = engine.limits;

test('engine.limits: a frozen object of positive integers', () => {
  assert.ok(Object.isFrozen(L));
  assert.deepEqual(Object.keys(L).sort(),
    ['analysisWork', 'bestLinePoints', 'callWork', 'curvePoints', 'datasetSamples', 'featurePoints', 'hiddenLayers', 'layers', 'linearPiecesWork', 'linearRegions', 'nameLength', 'stagingBytes', 'stagingFloats', 'unitsPerLayer', 'workspaceFloats']);
  for (const [k, v] of Object.entries(L)) assert.ok(Number.isInteger(v) && v > 0, `${k}: ${v}`);
  assert.equal(L.stagingBytes, 4 * L.stagingFloats);
  assert.throws(() => { 'use strict'; L.unitsPerLayer = 1; }, TypeError);
});

test('unitsPerLayer and hiddenLayers are what createNetwork enforces', () => {
  const wide = engine.createNetwork({ layers: [2, L.unitsPerLayer, 1] });
  assert.equal(wide.layers[1], L.unitsPerLayer);
  wide.delete();
  assert.throws(() => engine.createNetwork({ layers: [2, L.unitsPerLayer + 1, 1] }),
    { message: new RegExp(`^layers\\[1\\] = ${L.unitsPerLayer + 1} must be in 1\\.\\.${L.unitsPerLayer}$`) });
  assert.throws(() => engine.createNetwork({ layers: [L.unitsPerLayer + 1, 1] }), { message: /^layers\[0\]/ });
  const deep = engine.createNetwork({ layers: [2, ...new Array(L.hiddenLayers).fill(2), 1] });
  assert.equal(deep.layers.length, L.hiddenLayers + 2);
  deep.delete();
  assert.throws(() => engine.createNetwork({ layers: [2, ...new Array(L.hiddenLayers + 1).fill(2), 1] }),
    { message: `layers: ${L.hiddenLayers + 3} sizes, at most ${L.layers} (engine.limits.layers: inputs, up to ${L.hiddenLayers} hidden, outputs)` });
  assert.equal(L.layers, L.hiddenLayers + 2);
  // The engine itself refuses the same list (a caller of the module that skips the wrapper).
  assert.throws(() => engine._module.Net.create([2, ...new Array(L.hiddenLayers + 1).fill(2), 1], new Array(L.hiddenLayers + 2).fill('tanh'), 2, 0.5, 'mse', 1),
    { message: `layers: ${L.hiddenLayers + 3} sizes, at most ${L.layers} (engine.limits.layers: inputs, up to ${L.hiddenLayers} hidden, outputs)` });
});

test('datasetSamples is the largest n of engine.dataset', () => {
  assert.equal(engine.dataset('line', { n: L.datasetSamples }).x.length, L.datasetSamples);
  assert.throws(() => engine.dataset('line', { n: L.datasetSamples + 1 }),
    { message: new RegExp(`^n: ${L.datasetSamples + 1} must be in 1\\.\\.${L.datasetSamples}$`) });
  assert.throws(() => engine.dataset('line', { n: 0 }), { message: /^n: 0 must be in 1\.\./ });
});

test('workspaceFloats bounds units x batch; stagingFloats bounds one array', () => {
  // 257 units after the input; a batch just past workspaceFloats / 257 samples is refused before
  // anything is allocated.
  const net = engine.createNetwork({ layers: [1, L.unitsPerLayer, 1] });
  const n = Math.floor(L.workspaceFloats / (L.unitsPerLayer + 1)) + 8;
  const x = new Float32Array(n);
  assert.throws(() => net.fit(x, x, { batchSize: n }), { message: new RegExp(`^batchSize: .* more than ${L.workspaceFloats} floats of workspace`) });
  net.delete();
  // The staging buffers (what predict, fit, ... copy their arrays into) refuse a longer array,
  // naming it, without allocating it.
  assert.throws(() => engine._module.stage(0, L.stagingFloats + 1, 'x'),
    { message: new RegExp(`^x: ${L.stagingFloats + 1} values, more than the ${L.stagingFloats} one array can hold`) });
});

test('the analyses take data of at most unitsPerLayer dimensions', () => {
  const dim = L.unitsPerLayer + 1;
  assert.throws(() => engine.pca(new Float32Array(2 * dim), dim), { message: new RegExp(`^inputs: ${dim} must be in 1\\.\\.${L.unitsPerLayer}$`) });
  assert.throws(() => engine.principalAngle(new Float32Array(dim).fill(1), new Float32Array(dim).fill(1), dim),
    { message: new RegExp(`^dim: ${dim} must be in`) });
  assert.throws(() => engine.leastSquares(new Float32Array(2 * dim), [1, 2], dim), { message: new RegExp(`^inputs: ${dim} must be in`) });
});

test('name lists: what the engine accepts, and what its errors list', () => {
  for (const list of [engine.activations, engine.datasets, engine.losses, engine.optimizers, engine.datasetKinds])
    assert.ok(Object.isFrozen(list));
  assert.deepEqual([...engine.losses], ['mse', 'bce', 'softmax']);
  assert.deepEqual([...engine.optimizers], ['sgd', 'momentum', 'adam']);
  assert.deepEqual([...engine.datasetKinds], ['classification', 'multiclass', 'regression']);
  for (const name of engine.datasets) assert.ok(engine.datasetKinds.includes(engine.dataset(name, { n: 6 }).kind), name);
  const d = engine.dataset('xor', { n: 20 });
  for (const optimizer of engine.optimizers) {
    const net = engine.createNetwork({ layers: [2, 2, 1], seed: 1 });
    assert.ok(Number.isFinite(net.fit(d.x, d.y, { optimizer })), optimizer);
    net.delete();
  }
  assert.throws(() => engine.createNetwork({ layers: [2, 1], loss: 'hinge' }), { message: `loss: unknown loss 'hinge' (known: ${engine.losses.join(', ')})` });
  const net = engine.createNetwork({ layers: [2, 1] });
  assert.throws(() => net.fit(d.x, d.y, { optimizer: 'rmsprop' }), { message: `optimizer: unknown optimizer 'rmsprop' (known: ${engine.optimizers.join(', ')})` });
  net.delete();
});

test('split: an unknown dataset kind is an error naming data.kind; a missing one is regression', () => {
  const d = engine.dataset('circle', { n: 30, seed: 2 });
  assert.throws(() => engine.split({ ...d, kind: 'classifcation' }),
    { message: `data.kind: unknown dataset kind 'classifcation' (known: ${engine.datasetKinds.join(', ')})` });
  assert.throws(() => engine.split({ ...d, kind: 3 }), { message: /^data\.kind: 3 must be a string/ });
  for (const kind of engine.datasetKinds) {
    const { train, test: held } = engine.split({ ...d, kind }, { ratio: 0.6 });
    assert.equal(train.kind, kind);
    assert.equal(held.kind, kind);
    assert.equal(train.x.length + held.x.length, d.x.length);
  }
  const { x, y, inputs, outputs } = d;
  assert.equal(engine.split({ x, y, inputs, outputs }).train.kind, 'regression');
});
