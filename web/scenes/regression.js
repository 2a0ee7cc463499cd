// Lesson "regression" (C5, C10): answer 2's three pictures, live. A linear network on linear data
// (fits), the same linear network on nonlinear data (can only find the best straight line, the
// engine's leastSquares(), drawn dashed), and a tanh-hidden, linear-output network on the same
// nonlinear data (fits). All three start from the same weights and train together.

import { bilingual } from './common.js';

// The view (create) is web/scenes/views/regression.js, which arrives after the first frame (web/later.js).
export default {
  id: 'regression',
  order: 5,
  embedFigures: ['.reg-plot', '.reg-panel .readout'],
  keys: {},
  controls: [],
  figures: ['epoch', 'losses', 'verdicts', 'leastSquares'],
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/regression.js
  strings: bilingual({
    title: ['Three regressions', '三种回归'],
    text: ['A linear model fits linear data; on nonlinear data the same model can only find the best straight line (dashed: least squares); a tanh hidden layer with a linear output fits the curve: a linear output layer is fine once the hidden layers are nonlinear.', '线性模型能拟合线性数据；面对非线性数据，同一个模型只能找到最好的那条直线（虚线：最小二乘）；tanh 隐藏层加线性输出层则能拟合曲线：只要隐藏层是非线性的，输出层用线性激活没有问题。'],
  }),
};
