// Lesson "relu" (C4): a one-hidden-layer ReLU network fits a sine. Its output is piecewise linear:
// the engine's linearPieces() gives the kinks on [-1, 1] and the number of straight pieces, live.
// The curve is drawn exactly, through the kinks (one predict() on grid + kinks). More units, more
// pieces, smaller error.

import { key, integer } from '../keys.js';
import { bilingual } from '../i18n.js';

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
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/relu.js
  strings: bilingual({
    title: ['ReLU: straight pieces', 'ReLU：由直线段拼成'],
    unitsTitle: ['Hidden units', '隐藏单元数'],
  }),
};
