// Lesson "collapse" (C8, C9, C12): a 2-3-3-1 network with linear (or affine) layers beside the
// single layer it equals. The derivation of answer 4, y = x·W1·W2·W3 + (b1·W2·W3 + b2·W3 + b3)
// = x·W' + b', is typeset in MathML with the live weights (the thread's row-vector convention:
// its W_l is the engine's W_l transposed, (in, out)); W' and b' are the engine's collapse(), the
// single layer is an engine network with exactly those weights, and the largest difference
// between the two over the heatmap grid is the engine's collapseDeviation(). Switching a layer to
// a nonlinear activation makes collapse() throw; the page shows which layer broke it.

import { key, activationList } from '../keys.js';
import { bilingual } from './common.js';

// The view (create) is web/scenes/views/collapse.js, which arrives after the first frame (web/later.js).
export default {
  id: 'collapse',
  order: 3,
  embedFigures: ['.derivation-wrap', '.deviation'],
  keys: {
    collapseActivations: key({ default: Object.freeze(['linear', 'linear', 'linear']), parse: activationList(3), effect: 'rebuild',
      values: 'three activations, e.g. `linear,tanh,linear`', doc: 'the three layers’ activations' }),
  },
  controls: [{ key: 'collapseActivations', kind: 'custom', label: 'activation' }],
  figures: ['epoch', 'activations', 'loss', 'lossStart', 'learningRate', 'deviation', 'brokenBy', 'W', 'b'],
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/collapse.js
  strings: bilingual({
    title: ['Linear layers collapse', '线性层会坍缩'],
    text: ['With linear (or affine, f(z) = a·z + c) activations every layer is an affine map, and affine maps compose into one affine map: by matrix multiplication the whole 2-3-3-1 network equals a single layer x·W′ + b′ (Bishop, PRML §5.1). Below, the derivation with the network’s current weights; switch a layer to tanh to break it.', '激活函数是线性的（或仿射的，f(z) = a·z + c）时，每一层都是仿射映射，而仿射映射复合起来仍是一个仿射映射：通过矩阵乘法，整个 2-3-3-1 网络等于单层 x·W′ + b′（Bishop，《模式识别与机器学习》§5.1）。下面用网络当前的权重写出推导；把任意一层换成 tanh，推导就不成立了。'],
  }),
};
