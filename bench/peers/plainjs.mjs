// The floor: a careful plain-JavaScript MLP (tanh on every layer, 0.5*(y-t)^2 averaged over
// the batch, plain SGD, Math.tanh). Parameters, activations and deltas are Float32Arrays
// allocated once; nothing is allocated per step.
//
// Layout: inside a batch, activations and deltas are stored unit-major (A[unit * B + sample]),
// so every inner loop is a contiguous run over the B samples of the batch. Sums are
// accumulated in a Float64Array scratch row z (no float32 rounding between terms), four
// weights per pass over the batch (fewer loads/stores of z, more independent work per
// iteration). The gradient of each weight is a dot product over the batch, four weights at a
// time with four accumulators, and is applied to W right away (after the delta of the layer
// below has been computed with the old W). predict runs in chunks of 256 samples.

const CHUNK = 256;

/**
 * Builds the MLP class around an activation function `tanh` (Math.tanh for the floor). Each
 * call creates fresh methods, so every variant's call sites stay monomorphic and inlinable.
 */
export function makePlainMLP(tanh) {
  return class PlainMLP {
    constructor(layers, weights) {
      this.layers = layers.slice();
      this.L = layers.length - 1;
      this.W = weights.map((l) => Float32Array.from(l.W)); // row-major (out, in)
      this.b = weights.map((l) => Float32Array.from(l.b));
      this.cap = 0;
      this.ensure(CHUNK);
    }

    ensure(B) {
      if (B <= this.cap) return;
      this.cap = B;
      this.A = this.layers.map((n) => new Float32Array(n * B));
      this.D = this.layers.map((n) => new Float32Array(n * B));
      this.z = new Float64Array(B);
    }

    // Forward B samples starting at sample `off` of x (row-major, layers[0] columns).
    forward(x, off, B) {
      const layers = this.layers, A = this.A, z = this.z;
      const n0 = layers[0], A0 = A[0];
      for (let k = 0; k < n0; k++) {
        const o = k * B;
        for (let s = 0; s < B; s++) A0[o + s] = x[(off + s) * n0 + k];
      }
      for (let l = 1; l <= this.L; l++) {
        const ni = layers[l - 1], no = layers[l];
        const W = this.W[l - 1], b = this.b[l - 1], Ain = A[l - 1], Aout = A[l];
        for (let j = 0; j < no; j++) {
          const bj = b[j], wr = j * ni;
          // z = b_j + sum_k W[j,k] * A_in[k,:]: the first pass takes the bias and (ni mod 4,
          // or 4) input units, every further pass four input units
          let k = ni & 3;
          if (k === 0) {
            const w0 = W[wr], w1 = W[wr + 1], w2 = W[wr + 2], w3 = W[wr + 3];
            for (let s = 0; s < B; s++) z[s] = bj + w0 * Ain[s] + w1 * Ain[B + s] + w2 * Ain[2 * B + s] + w3 * Ain[3 * B + s];
            k = 4;
          } else if (k === 1) {
            const w0 = W[wr];
            for (let s = 0; s < B; s++) z[s] = bj + w0 * Ain[s];
          } else if (k === 2) {
            const w0 = W[wr], w1 = W[wr + 1];
            for (let s = 0; s < B; s++) z[s] = bj + w0 * Ain[s] + w1 * Ain[B + s];
          } else {
            const w0 = W[wr], w1 = W[wr + 1], w2 = W[wr + 2];
            for (let s = 0; s < B; s++) z[s] = bj + w0 * Ain[s] + w1 * Ain[B + s] + w2 * Ain[2 * B + s];
          }
          for (; k < ni; k += 4) {
            const w0 = W[wr + k], w1 = W[wr + k + 1], w2 = W[wr + k + 2], w3 = W[wr + k + 3];
            const i0 = k * B, i1 = i0 + B, i2 = i1 + B, i3 = i2 + B;
            for (let s = 0; s < B; s++) z[s] += w0 * Ain[i0 + s] + w1 * Ain[i1 + s] + w2 * Ain[i2 + s] + w3 * Ain[i3 + s];
          }
          const o = j * B;
          for (let s = 0; s < B; s++) Aout[o + s] = tanh(z[s]);
        }
      }
    }

    // One SGD step on the B samples starting at `off`.
    step(x, y, off, B, lr) {
      this.forward(x, off, B);
      const layers = this.layers, A = this.A, D = this.D, z = this.z, L = this.L;
      const nL = layers[L], AL = A[L], DL = D[L], invB = 1 / B;
      // output delta: d(0.5 * mean_s (a - t)^2)/dz = (a - t) * (1 - a^2) / B
      for (let j = 0; j < nL; j++) {
        const o = j * B;
        for (let s = 0; s < B; s++) {
          const a = AL[o + s];
          DL[o + s] = (a - y[(off + s) * nL + j]) * (1 - a * a) * invB;
        }
      }
      for (let l = L; l >= 1; l--) {
        const ni = layers[l - 1], no = layers[l];
        const W = this.W[l - 1], b = this.b[l - 1], Ain = A[l - 1], Dl = D[l];
        if (l > 1) {
          // delta of the layer below, with the weights before this step's update:
          // D_prev[k,:] = (sum_j W[j,k] * D[j,:]) * (1 - A_in[k,:]^2)
          const Dp = D[l - 1];
          for (let k = 0; k < ni; k++) {
            let j = no & 3;
            if (j === 0) {
              const w0 = W[k], w1 = W[ni + k], w2 = W[2 * ni + k], w3 = W[3 * ni + k];
              for (let s = 0; s < B; s++) z[s] = w0 * Dl[s] + w1 * Dl[B + s] + w2 * Dl[2 * B + s] + w3 * Dl[3 * B + s];
              j = 4;
            } else if (j === 1) {
              const w0 = W[k];
              for (let s = 0; s < B; s++) z[s] = w0 * Dl[s];
            } else if (j === 2) {
              const w0 = W[k], w1 = W[ni + k];
              for (let s = 0; s < B; s++) z[s] = w0 * Dl[s] + w1 * Dl[B + s];
            } else {
              const w0 = W[k], w1 = W[ni + k], w2 = W[2 * ni + k];
              for (let s = 0; s < B; s++) z[s] = w0 * Dl[s] + w1 * Dl[B + s] + w2 * Dl[2 * B + s];
            }
            for (; j < no; j += 4) {
              const w0 = W[j * ni + k], w1 = W[(j + 1) * ni + k], w2 = W[(j + 2) * ni + k], w3 = W[(j + 3) * ni + k];
              const o0 = j * B, o1 = o0 + B, o2 = o1 + B, o3 = o2 + B;
              for (let s = 0; s < B; s++) z[s] += w0 * Dl[o0 + s] + w1 * Dl[o1 + s] + w2 * Dl[o2 + s] + w3 * Dl[o3 + s];
            }
            const ko = k * B;
            for (let s = 0; s < B; s++) {
              const a = Ain[ko + s];
              Dp[ko + s] = z[s] * (1 - a * a);
            }
          }
        }
        // W[j,k] -= lr * sum_s D[j,s] * A_in[k,s];  b[j] -= lr * sum_s D[j,s]
        for (let j = 0; j < no; j++) {
          const jo = j * B, wr = j * ni;
          let gb = 0;
          for (let s = 0; s < B; s++) gb += Dl[jo + s];
          b[j] -= lr * gb;
          let k = 0;
          for (; k + 3 < ni; k += 4) {
            const i0 = k * B, i1 = i0 + B, i2 = i1 + B, i3 = i2 + B;
            let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
            for (let s = 0; s < B; s++) {
              const d = Dl[jo + s];
              g0 += d * Ain[i0 + s]; g1 += d * Ain[i1 + s]; g2 += d * Ain[i2 + s]; g3 += d * Ain[i3 + s];
            }
            W[wr + k] -= lr * g0; W[wr + k + 1] -= lr * g1; W[wr + k + 2] -= lr * g2; W[wr + k + 3] -= lr * g3;
          }
          for (; k < ni; k++) {
            const ko = k * B;
            let g = 0;
            for (let s = 0; s < B; s++) g += Dl[jo + s] * Ain[ko + s];
            W[wr + k] -= lr * g;
          }
        }
      }
    }

    // One epoch: the mini-batches in data order (the last one smaller if n % batchSize != 0).
    trainEpoch(x, y, n, batchSize, lr) {
      this.ensure(batchSize);
      for (let off = 0; off < n; off += batchSize) {
        const B = Math.min(batchSize, n - off);
        this.step(x, y, off, B, lr);
      }
    }

    predictInto(x, n, out) {
      const nL = this.layers[this.L];
      this.ensure(CHUNK);
      for (let off = 0; off < n; off += CHUNK) {
        const B = Math.min(CHUNK, n - off);
        this.forward(x, off, B);
        const AL = this.A[this.L];
        for (let j = 0; j < nL; j++) {
          const o = j * B;
          for (let s = 0; s < B; s++) out[(off + s) * nL + j] = AL[o + s];
        }
      }
      return out;
    }
  };
}

/** The benchmark peer around an MLP class (shared with plainjs-fasttanh). */
export function makePlainPeer(name, description, PlainMLP) {
  return {
    name,
    description,
    async setup() {},
    createNet({ layers, weights }) {
      const net = new PlainMLP(layers, weights);
      const nIn = layers[0], nOut = layers[layers.length - 1];
      return {
        trainer(x, y, { batchSize, learningRate }) {
          const n = y.length / nOut;
          return { epoch: () => net.trainEpoch(x, y, n, batchSize, learningRate) };
        },
        predictor(x) {
          const n = x.length / nIn;
          const out = new Float32Array(n * nOut);
          return { run: () => net.predictInto(x, n, out) };
        },
        predict(x) {
          const n = x.length / nIn;
          return net.predictInto(x, n, new Float32Array(n * nOut));
        },
        dispose() {},
      };
    },
  };
}

export default makePlainPeer(
  'plainjs',
  'hand-written Float32Array MLP in plain JS, Math.tanh (the floor)',
  makePlainMLP(Math.tanh),
);
