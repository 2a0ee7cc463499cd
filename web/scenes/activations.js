// Lesson "activations" (C2, C7, C15): every activation's f and f' on [-r, r] from the engine
// (engine.activationCurve), the selected one large with a small vector passed through it, as in
// the thread's tanh example, and f' checked against a finite difference of f.

import { key, number, activation } from '../keys.js';
import { bilingual } from './common.js';

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
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/activations.js
  strings: bilingual({
    idleHint: ['Nothing trains in this lesson: pick an activation, change the range, try another vector.', '本课没有训练：选一个激活函数、改变范围、换一个向量试试。'],
    title: ['Activation functions', '激活函数'],
    text: ['An activation is applied to every unit’s weighted sum. Hornik, Stinchcombe & White (1989) call a function “squashing” when it is nondecreasing and runs from 0 at −∞ to 1 at +∞: the sigmoid (values in (0, 1)) and the step are; tanh, with limits −1 and 1, is not as written, but tanh(x) = 2σ(2x) − 1 is the sigmoid shifted and stretched (lesson “Squashing functions”). The step’s derivative is 0 wherever it exists. Solid: f; dashed: f′, both computed by the engine.', '激活函数作用在每个单元的加权和上。Hornik、Stinchcombe 与 White（1989）把单调不减、在 −∞ 处趋于 0、在 +∞ 处趋于 1 的函数叫作“挤压函数”：sigmoid（取值在 (0, 1) 内）和阶跃函数都符合；tanh 的极限是 −1 和 1，按这个定义并不算，但 tanh(x) = 2σ(2x) − 1 只是把 sigmoid 平移、拉伸了一下（见“挤压函数”一课）。阶跃函数在有导数的地方导数都为 0。实线是 f，虚线是 f′，都由引擎计算。'],
    gallery: ['Every activation', '全部激活函数'],
    range: ['x from −r to r:', 'x 的范围 −r 到 r：'],
  }),
};
