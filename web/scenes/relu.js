// Lesson "relu" (C4): a one-hidden-layer ReLU network fits a sine. Its output is piecewise linear:
// the engine's linearPieces() gives the kinks on [-1, 1] and the number of straight pieces, live.
// The curve is drawn exactly, through the kinks (one predict() on grid + kinks). More units, more
// pieces, smaller error.

import { key, integer } from '../keys.js';
import { bilingual } from './common.js';

export const MAX_RELU_UNITS = 64;

// The view (create) is web/scenes/views/relu.js, which arrives after the first frame (web/later.js).
export default {
  id: 'relu',
  order: 7,
  embedFigures: ['.relu-plot', '.relu-side .readout.big'],
  keys: {
    reluUnits: key({ default: 8, parse: integer(1, MAX_RELU_UNITS), effect: 'rebuild', values: `1..${MAX_RELU_UNITS}`, doc: 'hidden units' }),
  },
  controls: [{ key: 'reluUnits', kind: 'custom', label: 'scenes.relu.unitsTitle' }],
  figures: ['epoch', 'units', 'pieces', 'kinks', 'error', 'tried'],
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/relu.js
  strings: bilingual({
    title: ['ReLU: straight pieces', 'ReLU：由直线段拼成'],
    text: ['ReLU is piecewise linear but not linear: each hidden unit adds at most one kink, and the fit is made of straight pieces between the kinks. More units, more pieces, smaller error: enough straight pieces follow any continuous curve. The thread says activations must be differentiable; ReLU is not, at 0, and still trains: backpropagation uses a subgradient there (the engine takes 0), and a weighted sum lands exactly on the kink almost never. ReLU usually sits in the hidden layers; the output layer here is linear, as a regression output should be.', 'ReLU 是分段线性的，但不是线性函数：每个隐藏单元最多带来一个折点，拟合曲线由折点之间的直线段组成。单元越多，线段越多，误差越小：足够多的直线段可以逼近任何连续曲线。原帖说激活函数必须可导；ReLU 在 0 处不可导，却照样能训练：反向传播在这一点用的是次梯度（引擎取 0），而加权和几乎不会恰好落在折点上。ReLU 一般用在隐藏层；这里的输出层是线性的，回归问题的输出层本来就该如此。'],
    unitsTitle: ['Hidden units', '隐藏单元数'],
  }),
};
