// Lesson "squashing" (C7, C15): Hornik, Stinchcombe & White (1989) call a function "squashing"
// when it is nondecreasing with limits 0 at −∞ and 1 at +∞: the sigmoid and the step are; tanh,
// with limits −1 and 1, is not as it stands, but it is a sigmoid moved and stretched,
// tanh(x) = 2σ(2x) − 1. The engine's own tanh and sigmoid are drawn on [−r, r] with 2σ(2x) − 1
// on top, and the largest |tanh(x) − (2σ(2x) − 1)| is computed from them.

import { key, number } from '../keys.js';
import { bilingual } from '../i18n.js';

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
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/squashing.js
  strings: bilingual({
    title: ['Squashing functions', '挤压函数'],
    range: ['x from −r to r:', 'x 的范围 −r 到 r：'],
  }),
};
