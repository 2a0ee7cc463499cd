// Lesson "activations" (C2, C7, C15): every activation's f and f' on [-r, r] from the engine
// (engine.activationCurve), the selected one large with a small vector passed through it, as in
// the thread's tanh example, and f' checked against a finite difference of f.

import { key, number, activation } from '../keys.js';
import { bilingual } from '../i18n.js';

// The view (create) is web/scenes/views/activations.js, which arrives after the first frame (web/later.js).
export default {
  id: 'activations',
  order: 2,
  embedFigures: ['.act-big', '.act-vector .table-scroll'],
  keys: {
    curve: key({ default: 'tanh', parse: activation, values: 'any engine activation', doc: 'the selected activation' }),
    curveRange: key({ default: 2, parse: number(0.5, 10), values: '0.5..10', doc: 'x from −r to r' }),
  },
  controls: [
    { key: 'curve', kind: 'custom', label: 'scenes.activations.gallery' },
    { key: 'curveRange', kind: 'range', label: 'scenes.activations.range' },
  ],
  figures: ['activation', 'range', 'input', 'output', 'derivative', 'ranges', 'derivativeError', 'linearity', 'stepDerivativeMax'],
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/activations.js
  strings: bilingual({
    title: ['Activation functions', '激活函数'],
    gallery: ['Every activation', '全部激活函数'],
    range: ['x from −r to r:', 'x 的范围 −r 到 r：'],
  }),
};
