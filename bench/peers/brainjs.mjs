// brain.js 1.6.1 NeuralNetwork with activation 'tanh' (brain.js applies it to the output layer
// too), learningRate 0.03, momentum 0.
//
// Differences from the workload, all forced by brain.js 1.6.1 (see bench/README.md):
// - brain.js trains ONLINE: NeuralNetwork.trainPattern updates the weights after every sample;
//   there is no mini-batch option. So here batch size = 1 (500 updates per W1 epoch, not 50),
//   with the same per-update rule w -= 0.03 * d(0.5*(y-t)^2)/dw.
// - its option validation rejects momentum 0 ("out of normal training range"), so momentum is
//   set to 0 on net.trainOpts after construction (the update then is plain SGD).
// - an epoch is net.trainPatterns(data): the loop brain.js's own train() runs each iteration,
//   without train()'s per-call data re-formatting and error bookkeeping. The data is formatted
//   once by brain.js's own formatData() (plain arrays -> Float32Array).
// - predict uses net.run(input) per point, as a user does (it allocates one small array per call).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let brain;

export default {
  name: 'brainjs',
  description: 'brain.js 1.6.1 NeuralNetwork, tanh, online SGD (batch 1), momentum 0',
  batchNote: 'online (batch 1): brain.js 1.6.1 has no mini-batch training',
  async setup() {
    brain = require('brain.js');
    if (typeof brain.NeuralNetwork !== 'function') throw new Error('brain.NeuralNetwork missing');
  },
  createNet({ layers, weights }) {
    const nIn = layers[0], nOut = layers[layers.length - 1];
    const net = new brain.NeuralNetwork({
      hiddenLayers: layers.slice(1, -1),
      activation: 'tanh',
      learningRate: 0.03,
    });
    net.trainOpts.momentum = 0;
    net.sizes = layers.slice();
    net.initialize();
    // brain.js layout: weights[layer][node] = Float32Array of incoming weights (layer >= 1),
    // biases[layer] = Float32Array(size): the same as our row-major (out, in) W, row by row.
    weights.forEach((l, i) => {
      for (let o = 0; o < l.out; o++) {
        for (let k = 0; k < l.in; k++) net.weights[i + 1][o][k] = l.W[o * l.in + k];
        net.biases[i + 1][o] = l.b[o];
      }
    });
    const toInputs = (x) => {
      const n = x.length / nIn, rows = new Array(n);
      for (let i = 0; i < n; i++) rows[i] = Array.from(x.subarray(i * nIn, (i + 1) * nIn));
      return rows;
    };
    const runAll = (rows, out) => {
      for (let i = 0; i < rows.length; i++) {
        const o = net.run(rows[i]);
        for (let j = 0; j < nOut; j++) out[i * nOut + j] = o[j];
      }
      return out;
    };
    return {
      trainer(x, y, { learningRate }) {
        net.trainOpts.learningRate = learningRate;
        const rows = toInputs(x);
        const data = net.formatData(rows.map((input, i) => ({
          input,
          output: Array.from(y.subarray(i * nOut, (i + 1) * nOut)),
        })));
        return { epoch: () => net.trainPatterns(data) };
      },
      predictor(x) {
        const rows = toInputs(x);
        const out = new Float32Array(rows.length * nOut);
        return { run: () => runAll(rows, out) };
      },
      predict(x) {
        const rows = toInputs(x);
        return runAll(rows, new Float32Array(rows.length * nOut));
      },
      dispose() {},
    };
  },
};
