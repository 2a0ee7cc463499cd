// TensorFlow.js 4.22 with @tensorflow/tfjs-backend-wasm (XNNPACK kernels compiled to WASM).
// Under Node 20 the backend loads its .wasm from the package's dist/ directory given as a file
// path; SIMD is used, threads are not (no cross-origin isolation / worker pool in Node).
import path from 'node:path';
import { createRequire } from 'node:module';
import { tf, makeTfjsNet } from './tfjs-common.mjs';

const require = createRequire(import.meta.url);
let wasmInfo = {};

export default {
  name: 'tfjs-wasm',
  description: "@tensorflow/tfjs-backend-wasm 4.22, backend 'wasm' (SIMD, no threads)",
  async setup() {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
    if (!this._pathsSet) { wasm.setWasmPaths(dist); this._pathsSet = true; }
    if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') failed");
    await tf.ready();
    if (tf.getBackend() !== 'wasm') throw new Error(`backend is ${tf.getBackend()}, not wasm`);
    wasmInfo = {
      simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
      threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
      version: wasm.version_wasm,
    };
  },
  async activate() { await this.setup(); },
  createNet: makeTfjsNet,
  info() { return { backend: tf.getBackend(), ...wasmInfo }; },
};
