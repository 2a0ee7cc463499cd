// An extra, opt-in engine (not in the default set): the plainjs floor with Math.tanh replaced
// by the rational approximation Eigen 3.4 uses for float tanh (generic_fast_tanh_float: input
// clamped to +-7.90531110763549805, odd degree-13 / even degree-6 polynomials, x itself for
// |x| < 0.0004), evaluated in double. It shows how much of a compiled engine's lead comes from
// a cheaper tanh rather than from the compiler. Select it with --only=plainjs-fasttanh,...
import { makePlainMLP, makePlainPeer } from './plainjs.mjs';

export function fastTanh(a) {
  if (Math.abs(a) < 0.0004) return a;
  const x = a > 7.90531110763549805 ? 7.90531110763549805 : a < -7.90531110763549805 ? -7.90531110763549805 : a;
  const x2 = x * x;
  let p = x2 * -2.76076847742355e-16 + 2.00018790482477e-13;
  p = x2 * p + -8.60467152213735e-11;
  p = x2 * p + 5.12229709037114e-8;
  p = x2 * p + 1.48572235717979e-5;
  p = x2 * p + 6.37261928875436e-4;
  p = x2 * p + 4.89352455891786e-3;
  p = x * p;
  let q = x2 * 1.19825839466702e-6 + 1.18534705686654e-4;
  q = x2 * q + 2.26843463243900e-3;
  q = x2 * q + 4.89352518554385e-3;
  return p / q;
}

export default makePlainPeer(
  'plainjs-fasttanh',
  'the plainjs MLP with an Eigen-style rational tanh instead of Math.tanh (extra)',
  makePlainMLP(fastTanh),
);
