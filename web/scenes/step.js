// Lesson "step" (C6): a network of step units beside the same network of sigmoid units (the
// smooth step), same data, same initial weights, same training. The step function's derivative
// is 0 wherever it exists, so every gradient the engine computes for the step network is exactly
// 0 and its loss never moves; the sigmoid network learns.

import { bilingual } from '../i18n.js';

// The view (create) is web/scenes/views/step.js, which arrives after the first frame (web/later.js).
export default {
  id: 'step',
  order: 6,
  embedFigures: ['.scene-step .output-box', '.grad-table'],
  keys: {},
  controls: [],
  figures: ['epoch', 'stepHiddenGradMax', 'sigmoidHiddenGradMax', 'stepOutputGradMax', 'sigmoidOutputGradMax', 'stepLoss', 'sigmoidLoss',
    'stepLossStart', 'sigmoidLossStart', 'stepAccuracy', 'sigmoidAccuracy'],
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/step.js
  strings: bilingual({
    title: ['A step network cannot be trained by backpropagation', '阶跃网络无法用反向传播训练'],
  }),
};
