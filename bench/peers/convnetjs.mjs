// convnetjs 0.3.0: Net of 'fc' layers with activation 'tanh', a 'regression' loss layer
// (0.5*(y-t)^2, gradient y - t), Trainer { method: 'sgd', batch_size, learning_rate,
// momentum: 0, l1_decay: 0, l2_decay: 0 }: gradients are summed over batch_size calls of
// trainer.train() and divided by batch_size before the update, i.e. mean-over-batch SGD.
//
// convnetjs always puts a plain (linear) fc layer in front of 'regression', so the output tanh
// is added by inserting a convnetjs.TanhLayer between that fc layer and the regression layer
// (the net's forward/backward simply walk net.layers). Weights are copied into
// fc.filters[out].w[in] and fc.biases.w[out]. Inputs are convnetjs.Vol(1, 1, inputs), created
// once per data set; targets are plain arrays (convnetjs's regression layer only accepts Array
// or Float64Array targets). Activations/parameters are Float64Array inside convnetjs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let convnetjs;

export default {
  name: 'convnetjs',
  description: 'convnetjs 0.3.0 Net (fc+tanh, regression) + Trainer sgd',
  async setup() {
    convnetjs = require('convnetjs');
  },
  createNet({ layers, weights }) {
    const nIn = layers[0], nOut = layers[layers.length - 1];
    const defs = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: nIn }];
    for (const h of layers.slice(1, -1)) defs.push({ type: 'fc', num_neurons: h, activation: 'tanh' });
    defs.push({ type: 'regression', num_neurons: nOut });
    const net = new convnetjs.Net();
    net.makeLayers(defs);
    const reg = net.layers.pop();
    if (reg.layer_type !== 'regression') throw new Error('unexpected convnetjs layer order');
    net.layers.push(new convnetjs.TanhLayer({ in_sx: 1, in_sy: 1, in_depth: nOut }), reg);
    const fcs = net.layers.filter((L) => L.layer_type === 'fc');
    if (fcs.length !== weights.length) throw new Error('unexpected number of fc layers');
    weights.forEach((l, i) => {
      const fc = fcs[i];
      for (let o = 0; o < l.out; o++) {
        for (let k = 0; k < l.in; k++) fc.filters[o].w[k] = l.W[o * l.in + k];
        fc.biases.w[o] = l.b[o];
      }
    });
    const toVols = (x) => {
      const n = x.length / nIn, vols = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = new convnetjs.Vol(1, 1, nIn, 0);
        for (let k = 0; k < nIn; k++) v.w[k] = x[i * nIn + k];
        vols[i] = v;
      }
      return vols;
    };
    const runAll = (vols, out) => {
      for (let i = 0; i < vols.length; i++) {
        const o = net.forward(vols[i], false).w;
        for (let j = 0; j < nOut; j++) out[i * nOut + j] = o[j];
      }
      return out;
    };
    return {
      trainer(x, y, { batchSize, learningRate }) {
        const trainer = new convnetjs.Trainer(net, {
          method: 'sgd', batch_size: batchSize, learning_rate: learningRate,
          momentum: 0, l1_decay: 0, l2_decay: 0,
        });
        const vols = toVols(x);
        const targets = vols.map((_, i) => Array.from(y.subarray(i * nOut, (i + 1) * nOut)));
        if (vols.length % batchSize !== 0) {
          // convnetjs's batch counter runs across epochs; keep epochs aligned to batches
          throw new Error(`convnetjs peer needs points (${vols.length}) divisible by batch (${batchSize})`);
        }
        return {
          epoch() {
            for (let i = 0; i < vols.length; i++) trainer.train(vols[i], targets[i]);
          },
        };
      },
      predictor(x) {
        const vols = toVols(x);
        const out = new Float32Array(vols.length * nOut);
        return { run: () => runAll(vols, out) };
      },
      predict(x) {
        const vols = toVols(x);
        return runAll(vols, new Float32Array(vols.length * nOut));
      },
      dispose() {},
    };
  },
};
