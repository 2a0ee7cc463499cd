// Lesson "regression" (C5, C10): answer 2's three pictures, live. A linear network on linear data
// (fits), the same linear network on nonlinear data (can only find the best straight line, the
// engine's leastSquares(), drawn dashed), and a tanh-hidden, linear-output network on the same
// nonlinear data (fits). All three start from the same weights and train together.

import { bilingual } from '../i18n.js';

// The view (create) is web/scenes/views/regression.js, which arrives after the first frame (web/later.js).
export default {
  id: 'regression',
  order: 5,
  embedFigures: ['.reg-plot', '.reg-panel .readout'],
  keys: {},
  controls: [],
  figures: ['epoch', 'losses', 'verdicts', 'leastSquares'],
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/regression.js
  strings: bilingual({
    title: ['Three regressions', '三种回归'],
  }),
};
