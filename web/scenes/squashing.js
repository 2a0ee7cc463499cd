// Lesson "squashing" (C7, C15): Hornik, Stinchcombe & White (1989) call a function "squashing"
// when it is nondecreasing with limits 0 at −∞ and 1 at +∞: the sigmoid and the step are; tanh,
// with limits −1 and 1, is not as it stands, but it is a sigmoid moved and stretched,
// tanh(x) = 2σ(2x) − 1. The engine's own tanh and sigmoid are drawn on [−r, r] with 2σ(2x) − 1
// on top, and the largest |tanh(x) − (2σ(2x) − 1)| is computed from them.

import { key, number } from '../keys.js';
import { bilingual } from './common.js';

// The view (create) is web/scenes/views/squashing.js, which arrives after the first frame (web/later.js).
export default {
  id: 'squashing',
  order: 4,
  embedFigures: ['.scene-squashing canvas', '.scene-squashing .readout'],
  keys: {
    squashRange: key({ default: 6, parse: number(1, 10), values: '1..10', doc: 'x from −r to r' }),
  },
  controls: [{ key: 'squashRange', kind: 'custom', label: 'scenes.squashing.range' }],
  figures: ['range', 'maxGap', 'sigmoidEnds', 'tanhEnds'],
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/squashing.js
  strings: bilingual({
    title: ['Squashing functions', '挤压函数'],
    text: ['Hornik, Stinchcombe & White (1989) call an activation “squashing” when it never decreases and runs from 0 (far left) to 1 (far right): the sigmoid and the step are. tanh runs from −1 to 1, so strictly it is not, but it is the sigmoid moved and stretched: tanh(x) = 2σ(2x) − 1, and a network of tanh units can do whatever one of sigmoid units can.', 'Hornik、Stinchcombe 和 White（1989）把单调不减、从最左边的 0 变到最右边的 1 的激活函数称为“挤压函数”：sigmoid 和阶跃函数都是。tanh 的取值从 −1 到 1，严格说不算，但它只是把 sigmoid 平移、拉伸了一下：tanh(x) = 2σ(2x) − 1，所以 tanh 单元组成的网络能做到的，sigmoid 网络同样能做到。'],
    idleHint: ['Nothing trains in this lesson: change the range to look further out.', '本课没有训练：改变范围，看看更远处的取值。'],
    range: ['x from −r to r:', 'x 的范围 −r 到 r：'],
  }),
};
