// Lesson "warp" (C3): what a hidden layer does to the input plane. A grid of lines and the data
// go through the 2-unit hidden layer of a 2-2-1 network; a slider morphs identity -> Wx + b (the
// engine's pre-activations, layerOutputs(x, { pre: true })) -> f(Wx + b) (layerOutputs(x)). Under a
// linear layer straight lines stay straight and parallel lines parallel; under tanh the grid bends
// until one straight line, the output unit's, separates the classes.

import { key, number, activation } from '../keys.js';
import { bilingual } from '../i18n.js';

// The view (create) is web/scenes/views/warp.js, which arrives after the first frame (web/later.js).
export default {
  id: 'warp',
  order: 10,
  embedFigures: ['.warp-plot'],
  keys: {
    warpActivation: key({ default: 'tanh', parse: activation, effect: 'rebuild', values: 'any engine activation', doc: 'the hidden activation' }),
    warpMorph: key({ default: 2, parse: number(0, 2), values: '0..2', doc: 'the slider, 0 (x) .. 1 (Wx + b) .. 2 (f(Wx + b))' }),
  },
  controls: [
    { key: 'warpActivation', kind: 'custom', label: 'activation' },
    { key: 'warpMorph', kind: 'custom', label: 'scenes.warp.animate' },
  ],
  figures: ['epoch', 'activation', 'morph', 'loss', 'accuracy', 'view'],
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/warp.js
  strings: bilingual({
    title: ['How a layer bends the plane', '隐藏层如何弯曲平面'],
    animate: ['Play the morph', '播放变形'],
  }),
};
