// Lesson "universal" (C13; Hornik, Stinchcombe & White 1989; Leshno, Lin, Pinkus & Schocken 1993):
// one hidden layer of 1, 2, 4, ..., 64 units, for tanh, sigmoid, ReLU and linear, each size from
// SEEDS.length initial weights, all trained together on a sine; the lowest training error of the
// seeds, against the number of units, is drawn as it runs. The theorem says a good network
// exists; one run of gradient descent at a fixed budget may not find it (one seed's curve is not
// monotone: sigmoid at 32 units ends worse than at 16), so the sweep keeps the best of several
// starts, the closer estimate of what each size can reach, and reports every seed too. The nonlinear curves fall; linear stays at the
// best straight line. The picked network's fit is shown with every unit's contribution
// w_j · f(W1_j x + b1_j) (layerOutputs() times the output weights): S-curves or hinges.

import { key, oneOf } from '../keys.js';
import { bilingual } from '../i18n.js';

export const SWEEP_UNITS = [1, 2, 4, 8, 16, 32, 64];
export const SWEEP_ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'linear'];

// The view (create) is web/scenes/views/universal.js, which arrives after the first frame (web/later.js).
export default {
  id: 'universal',
  order: 8,
  embedFigures: ['.sweep-chart'],
  keys: {
    sweepActivation: key({ default: 'tanh', parse: oneOf(SWEEP_ACTIVATIONS), values: SWEEP_ACTIVATIONS.map((a) => `\`${a}\``).join(' '),
      doc: 'activation of the network shown beside the sweep' }),
    sweepUnits: key({ default: 8, parse: oneOf(SWEEP_UNITS), values: SWEEP_UNITS.join(', '), doc: 'hidden units of the network shown beside the sweep' }),
  },
  controls: [
    { key: 'sweepActivation', kind: 'custom', label: 'activation' },
    { key: 'sweepUnits', kind: 'custom', label: 'scenes.universal.unitsAxis' },
  ],
  figures: ['epoch', 'epochs', 'done', 'units', 'seeds', 'errors', 'errorsBySeed', 'leastSquares'],
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/universal.js
  strings: bilingual({
    title: ['Universal approximation', '万能逼近（通用函数逼近器）'],
    unitsAxis: ['hidden units', '隐藏单元数'],
  }),
};
