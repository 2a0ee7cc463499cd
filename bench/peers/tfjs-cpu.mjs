// TensorFlow.js 4.22 (pure-JS 'cpu' backend). See tfjs-common.mjs for the model code.
import { tf, makeTfjsNet } from './tfjs-common.mjs';

export default {
  name: 'tfjs-cpu',
  description: `@tensorflow/tfjs ${tf.version.tfjs}, backend 'cpu'`,
  async setup() {
    if (!(await tf.setBackend('cpu'))) throw new Error("tf.setBackend('cpu') failed");
    await tf.ready();
    if (tf.getBackend() !== 'cpu') throw new Error(`backend is ${tf.getBackend()}, not cpu`);
    // The cpu backend prints a banner recommending tfjs-node on its first tensor in Node; it
    // only clutters the table (tfjs-node is a different, native engine, not measured here).
    tf.backend().firstUse = false;
  },
  // called again before each workload: tfjs's backend is process-global
  async activate() { await this.setup(); },
  createNet: makeTfjsNet,
  info() { return { backend: tf.getBackend(), version: tf.version.tfjs }; },
};
