// Lesson "collapse" (C8, C9, C12): a 2-3-3-1 network with linear (or affine) layers beside the
// single layer it equals. The derivation of answer 4, y = x·W1·W2·W3 + (b1·W2·W3 + b2·W3 + b3)
// = x·W' + b', is typeset in MathML with the live weights (the thread's row-vector convention:
// its W_l is the engine's W_l transposed, (in, out)); W' and b' are the engine's collapse(), the
// single layer is an engine network with exactly those weights, and the largest difference
// between the two over the heatmap grid is the engine's collapseDeviation(). Switching a layer to
// a nonlinear activation makes collapse() throw; the page shows which layer broke it.

import { key, activationList } from '../keys.js';
import { bilingual } from '../i18n.js';

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
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/collapse.js
  strings: bilingual({
    title: ['Linear layers collapse', '线性层会坍缩'],
  }),
};
