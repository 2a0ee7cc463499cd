// Shared TensorFlow.js implementation for the 'tfjs-cpu' and 'tfjs-wasm' peers, written the way
// a user would: tf.variable weights, tf.train.sgd, optimizer.minimize per mini-batch inside
// tf.tidy. Weights are [in, out] variables (the reference's row-major (out, in) W transposed),
// so a layer is tanh(x.matMul(W).add(b)). Loss = 0.5 * mean over the batch of (y - t)^2.
// Mini-batch tensors are created once per trainer (outside the timed region); the grid input
// tensor once per predictor; predict() reads the result back with dataSync().
import * as tf from '@tensorflow/tfjs';

export { tf };

export function makeTfjsNet({ layers, weights }) {
  const nIn = layers[0], nOut = layers[layers.length - 1];
  const params = weights.map((l, i) => {
    const Wt = new Float32Array(l.in * l.out); // (in, out) row-major
    for (let o = 0; o < l.out; o++) for (let k = 0; k < l.in; k++) Wt[k * l.out + o] = l.W[o * l.in + k];
    // tidy: the initial-value tensors are freed, the variables are kept
    return tf.tidy(() => ({
      W: tf.variable(tf.tensor2d(Wt, [l.in, l.out])),
      b: tf.variable(tf.tensor1d(Float32Array.from(l.b))),
    }));
  });
  const varList = params.flatMap((p) => [p.W, p.b]);
  const forward = (x) => {
    let a = x;
    for (const p of params) a = tf.tanh(tf.add(tf.matMul(a, p.W), p.b));
    return a;
  };
  const owned = [];

  return {
    trainer(x, y, { batchSize, learningRate }) {
      const n = y.length / nOut;
      const optimizer = tf.train.sgd(learningRate);
      const batches = [];
      for (let off = 0; off < n; off += batchSize) {
        const B = Math.min(batchSize, n - off);
        batches.push({
          x: tf.tensor2d(x.subarray(off * nIn, (off + B) * nIn), [B, nIn]),
          y: tf.tensor2d(y.subarray(off * nOut, (off + B) * nOut), [B, nOut]),
          B,
        });
      }
      for (const b of batches) owned.push(b.x, b.y);
      owned.push(optimizer);
      return {
        epoch() {
          for (const b of batches) {
            tf.tidy(() => {
              optimizer.minimize(() => {
                const out = forward(b.x);
                return tf.mul(0.5 / b.B, tf.sum(tf.square(tf.sub(out, b.y))));
              }, false, varList);
            });
          }
        },
      };
    },
    predictor(xArr) {
      const n = xArr.length / nIn;
      const xt = tf.tensor2d(xArr, [n, nIn]);
      owned.push(xt);
      return {
        run() {
          const out = tf.tidy(() => forward(xt));
          const data = out.dataSync();
          out.dispose();
          return data;
        },
      };
    },
    predict(xArr) {
      const n = xArr.length / nIn;
      return tf.tidy(() => forward(tf.tensor2d(xArr, [n, nIn])).dataSync());
    },
    dispose() {
      for (const t of owned) t.dispose();
      owned.length = 0;
      for (const v of varList) v.dispose();
    },
  };
}
