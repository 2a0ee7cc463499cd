// Lesson "step" (C6): a network of step units beside the same network of sigmoid units (the
// smooth step), same data, same initial weights, same training. The step function's derivative
// is 0 wherever it exists, so every gradient the engine computes for the step network is exactly
// 0 and its loss never moves; the sigmoid network learns.

import { bilingual } from './common.js';

// The view (create) is web/scenes/views/step.js, which arrives after the first frame (web/later.js).
export default {
  id: 'step',
  order: 6,
  embedFigures: ['.scene-step .output-box', '.grad-table'],
  keys: {},
  controls: [],
  figures: ['epoch', 'stepHiddenGradMax', 'sigmoidHiddenGradMax', 'stepOutputGradMax', 'sigmoidOutputGradMax', 'stepLoss', 'sigmoidLoss',
    'stepLossStart', 'sigmoidLossStart', 'stepAccuracy', 'sigmoidAccuracy'],
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/step.js
  strings: bilingual({
    title: ['A step network cannot be trained by backpropagation', '阶跃网络无法用反向传播训练'],
    text: ['The step is a squashing function, so a network of step units can represent curved boundaries (Hornik, Stinchcombe & White 1989): the trouble is training it. A small change of a weight changes no step’s output, so the derivative is 0 almost everywhere, and backpropagation gives every layer up to the last step layer a gradient of exactly 0. Here the output is a step too, so no layer learns. The sigmoid is a smooth step, differentiable everywhere: the same network, from the same weights, learns.', '阶跃函数是挤压函数，所以阶跃单元组成的网络能够表示弯曲的边界（Hornik、Stinchcombe 与 White，1989）；问题出在训练上。权重稍微变一点，任何阶跃单元的输出都不变，所以导数几乎处处为 0，反向传播传给最后一个阶跃层及其之前各层的梯度都恰好是 0。这里输出层也是阶跃函数，所以没有一层能学习。sigmoid 是平滑的阶跃函数，处处可导：同一个网络、同一组初始权重，换成 sigmoid 就能学会。'],
  }),
};
