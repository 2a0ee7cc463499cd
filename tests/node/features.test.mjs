// engine.features (docs/api.md): TensorFlow Playground's input features from the engine, through
// the package's built entry. Values against their definitions computed here in JS, the layout,
// every refusal (an Error with the engine's message, never a WebAssembly abort) and that the
// engine stays usable after one; the page's feature list (web/model.js) is the engine's; and C16:
// a network of linear layers fed x₁², x₂² separates the circle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from 'nonlinear-playground';
import { FEATURES, FEATURE_NAMES } from '../../web/model.js';

const engine = await loadEngine();
const M = engine._module;

// TensorFlow Playground's definitions (src/playground.ts INPUTS; cosX, cosY as their names say),
// in double precision here.
const DEFINITIONS = {
  x: (a) => a, y: (a, b) => b, xSquared: (a) => a * a, ySquared: (a, b) => b * b, xTimesY: (a, b) => a * b,
  sinX: (a) => Math.sin(a), sinY: (a, b) => Math.sin(b), cosX: (a) => Math.cos(a), cosY: (a, b) => Math.cos(b),
};

const message = (f) => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    return e.message;
  }
  assert.fail('did not throw');
};

test('featureNames: the engine\'s list, TensorFlow Playground\'s names; the page offers exactly these', () => {
  assert.deepEqual([...engine.featureNames], ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'cosX', 'cosY']);
  assert.ok(Object.isFrozen(engine.featureNames));
  assert.deepEqual([...FEATURE_NAMES], [...engine.featureNames]);
  assert.equal(FEATURES.length, engine.featureNames.length);
  assert.equal(engine.limits.featurePoints, 1000000);
});

test('features: every value is its definition rounded to float, on a grid of [-6, 6]² and at known points', () => {
  const pts = [0, 0, 2, -3, -6, 6, 0.5, -0.25, Math.PI / 2, -Math.PI];
  for (let i = 0; i <= 12; i++) for (let j = 0; j <= 12; j++) pts.push(-6 + i, 6 - j * 0.9);
  const x = Float32Array.from(pts);
  const n = x.length / 2, names = engine.featureNames, k = names.length;
  const out = engine.features(x, names);
  assert.ok(out instanceof Float32Array);
  assert.equal(out.length, n * k);
  for (let p = 0; p < n; p++) {
    for (let j = 0; j < k; j++) {
      const want = DEFINITIONS[names[j]](x[2 * p], x[2 * p + 1]);
      // the engine computes in double and rounds once: exactly Math.fround of the definition
      // (sin, cos: within one float ulp, as libm's double result may differ in its last bit)
      const got = out[p * k + j];
      if (names[j].startsWith('sin') || names[j].startsWith('cos')) {
        assert.ok(Math.abs(got - want) <= 2 ** -24 * Math.max(1, Math.abs(want)), `${names[j]} at point ${p}: ${got} vs ${want}`);
      } else {
        assert.equal(got, Math.fround(want), `${names[j]} at point ${p}`);
      }
    }
  }
  // known values, written out
  const at = (p, name) => out[p * k + names.indexOf(name)];
  assert.equal(at(1, 'xSquared'), 4);
  assert.equal(at(1, 'ySquared'), 9);
  assert.equal(at(1, 'xTimesY'), -6);
  assert.equal(at(0, 'cosX'), 1);
  assert.equal(at(0, 'sinY'), 0);
  assert.ok(Math.abs(at(4, 'sinX') - 1) < 1e-7);
  assert.ok(Math.abs(at(4, 'cosY') + 1) < 1e-7);
});

test('features: columns in the order given; x and y give the points back; arrays and typed arrays alike', () => {
  const x = [1, 2, 3, -4, -0.5, 0.25];
  assert.deepEqual([...engine.features(x, ['ySquared', 'x', 'xTimesY'])], [4, 1, 2, 16, 3, -12, 0.0625, -0.5, -0.125]);
  assert.deepEqual([...engine.features(new Float64Array(x), ['x', 'y'])], x);
  assert.deepEqual([...engine.features(x, ['y'])], [2, -4, 0.25]);
});

test('features: bad input throws the engine\'s message, the engine stays usable, nothing is left behind', () => {
  const x = [1, 2, 3, 4];
  const before = { heap: M.heapInUse(), stack: M.stackSave(), handles: M.count_emval_handles() };
  const cases = [
    [() => engine.features(x, []), /^features: no feature given; a network needs at least one input \(known: x, y, xSquared, ySquared, xTimesY, sinX, sinY, cosX, cosY\)$/],
    [() => engine.features(x, ['x', 'zSquared']), /^features\[1\]: unknown feature 'zSquared' \(known: x, y, xSquared/],
    [() => engine.features(x, ['xsquared']), /^features\[0\]: unknown feature 'xsquared'/],
    [() => engine.features(x, ['sinX', 'x', 'sinX']), /^features\[2\]: 'sinX' is already features\[0\]; each feature can be given once$/],
    [() => engine.features([1, NaN], ['x']), /^x\[1\]: NaN is not a finite number$/],
    [() => engine.features([0, 0, 2e19, 1], ['x', 'xSquared']), /^x: point 1 \(2e\+19, 1\) gives xSquared = Infinity, past the range of float$/],
    // checked in JS before anything is copied (type, shape, list length, name length)
    [() => engine.features(x, 'x'), /^features: 'x' must be an array of feature names$/],
    [() => engine.features(x, new Array(10).fill('x')), /^features: 10 names, at most 9 \(each feature once: x, y,/],
    [() => engine.features(x, ['x', 5]), /^features\[1\]: 5 must be a string$/],
    [() => engine.features(x, ['n'.repeat(100)]), /^features\[0\]: 'n{60}…' \(100 characters\) is longer than 64 characters \(engine\.limits\.nameLength\)$/],
    [() => engine.features([1, 2, 3], ['x']), /^x: length 3 is not a positive multiple of 2/],
    [() => engine.features([], ['x']), /^x: length 0 is not a positive multiple of 2/],
    [() => engine.features(new Float32Array(2 * (engine.limits.featurePoints + 1)), ['x']),
      /^x: 1000001 points, must be in 0\.\.1000000 \(engine\.limits\.featurePoints\)$/],
  ];
  for (let round = 0; round < 3; round++) {
    for (const [call, pattern] of cases) assert.match(message(call), pattern);
  }
  assert.equal(M.stackSave(), before.stack);
  assert.equal(M.count_emval_handles(), before.handles);
  // the staging buffer may have grown for the 2,000,002-value array; nothing else may stay
  assert.ok(M.heapInUse() - before.heap <= 4 * 2 * (engine.limits.featurePoints + 1) + 64, `heap grew by ${M.heapInUse() - before.heap}`);
  // still usable: features, and a network trained on them
  assert.deepEqual([...engine.features(x, ['xSquared'])], [1, 9]);
  const net = engine.createNetwork({ layers: [2, 3, 1], seed: 1 });
  assert.ok(Number.isFinite(net.fit(engine.features(x, ['x', 'cosY']), [1, -1], { epochs: 2 })));
  net.delete();
});

// C16 (docs/claims.md): the nonlinearity can come from the features. The page's network 1
// (2-4-2-1, linear hidden layers, tanh output, squared loss, SGD 0.03, batch 10, the page's
// seeds) fed x₁², x₂² of the circle's training half: >= 95 % on the test half within 100 epochs,
// on seeds 1, 2, 3. Fed x₁, x₂ the same network stays at or below the best straight line.
test('C16: a linear network on x₁², x₂² separates the circle (>= 95 % test accuracy within 100 epochs); on x₁, x₂ it cannot', () => {
  const accuracy = (out, y) => out.reduce((ok, v, i) => ok + ((v > 0) === (y[i] > 0)), 0) / y.length;
  for (const seed of [1, 2, 3]) {
    const all = engine.dataset('circle', { n: 500, seed });
    const { train, test: held } = engine.split(all, { ratio: 0.5, seed: seed + 1 });
    const result = {};
    for (const [name, features] of [['squares', ['xSquared', 'ySquared']], ['plain', ['x', 'y']]]) {
      const net = engine.createNetwork({ layers: [2, 4, 2, 1], activation: 'linear', outputActivation: 'tanh', seed: seed + 2 });
      const xTrain = engine.features(train.x, features), xTest = engine.features(held.x, features);
      let epochs = 0;
      while (epochs < 100 && !(name === 'squares' && accuracy(net.predict(xTest), held.y) >= 0.95)) {
        net.fit(xTrain, train.y, { epochs: 1, batchSize: 10, learningRate: 0.03 });
        epochs++;
      }
      result[name] = { accuracy: accuracy(net.predict(xTest), held.y), epochs };
      net.delete();
    }
    const bestLine = engine.bestLineAccuracy(held.x, held.y, 2);
    assert.ok(result.squares.accuracy >= 0.95, `seed ${seed}: x₁², x₂²: ${JSON.stringify(result.squares)}`);
    assert.ok(result.plain.accuracy <= bestLine, `seed ${seed}: x₁, x₂: ${result.plain.accuracy} > best line ${bestLine}`);
    assert.ok(bestLine < 0.95, `seed ${seed}: best line ${bestLine}`);
  }
});

// C16's other half: someone must choose the features, and for the data at hand. On xor (labels
// sign(x₁x₂)) the circle's features x₁², x₂² are blind to the sign of each coordinate, so a
// linear network on them stays near chance; x₁x₂ lets the same linear network separate xor; a
// tanh hidden layer fed x₁, x₂ learns what it needs by itself. 200 epochs, seeds 1, 2, 3.
test('C16: the features must fit the data: on xor, x₁², x₂² leave a linear network near chance, x₁x₂ separates it, a tanh layer learns it from x₁, x₂', () => {
  const accuracy = (out, y) => out.reduce((ok, v, i) => ok + ((v > 0) === (y[i] > 0)), 0) / y.length;
  for (const seed of [1, 2, 3]) {
    const all = engine.dataset('xor', { n: 500, seed });
    const { train, test: held } = engine.split(all, { ratio: 0.5, seed: seed + 1 });
    const run = (activation, features) => {
      const net = engine.createNetwork({ layers: [features.length, 4, 2, 1], activation, outputActivation: 'tanh', seed: seed + 2 });
      net.fit(engine.features(train.x, features), train.y, { epochs: 200, batchSize: 10, learningRate: 0.03 });
      const a = accuracy(net.predict(engine.features(held.x, features)), held.y);
      net.delete();
      return a;
    };
    const squares = run('linear', ['xSquared', 'ySquared']), product = run('linear', ['xTimesY']), learned = run('tanh', ['x', 'y']);
    assert.ok(squares <= 0.65, `seed ${seed}: linear on x₁², x₂²: ${squares}`);
    assert.ok(product >= 0.95, `seed ${seed}: linear on x₁x₂: ${product}`);
    assert.ok(learned >= 0.95, `seed ${seed}: tanh on x₁, x₂: ${learned}`);
  }
});
