// Our engine (C++17 + Eigen -> WebAssembly) through its public JS API, web/engine.js
// (docs/api.md): createNetwork({ layers, activation: 'tanh', outputActivation: 'tanh',
// loss: 'mse', seed: 1 }), setWeights([{ W (out, in) row-major, b }]), fit(x, y, { epochs: 1,
// batchSize, learningRate, optimizer: 'sgd' }) per epoch, predict(x) -> Float32Array.
//
// Difference: fit() shuffles the mini-batches of every epoch itself (seeded by the net's seed;
// the API has no switch for a fixed order), whereas the JS peers visit the fixed pre-shuffled
// order. The work per epoch is the same (50 batches of 10 for W1); only the order differs.
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const enginePath = fileURLToPath(new URL('../../web/engine.js', import.meta.url));
let engine;

export default {
  name: 'ours-wasm',
  description: 'our engine, WASM build, via web/engine.js',
  async setup() {
    if (!fs.existsSync(enginePath)) throw new Error('web/engine.js not found (build the WASM engine first)');
    const mod = await import(pathToFileURL(enginePath).href);
    if (typeof mod.loadEngine !== 'function') throw new Error('web/engine.js exports no loadEngine()');
    engine = await mod.loadEngine();
  },
  info() { return engine ? { version: engine.version } : {}; },
  createNet({ layers, weights }) {
    const net = engine.createNetwork({
      layers, activation: 'tanh', outputActivation: 'tanh', loss: 'mse', seed: 1,
    });
    net.setWeights(weights.map((l) => ({ W: Float32Array.from(l.W), b: Float32Array.from(l.b) })));
    return {
      trainer(x, y, { batchSize, learningRate }) {
        const opts = { epochs: 1, batchSize, learningRate, optimizer: 'sgd' };
        return { epoch: () => net.fit(x, y, opts) };
      },
      predictor(x) {
        return { run: () => net.predict(x) };
      },
      predict(x) { return net.predict(x); },
      dispose() { net.delete(); },
    };
  },
};
