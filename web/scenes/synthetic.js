// Lesson "synthetic" (C11; Jaderberg et al., "Decoupled Neural Interfaces using Synthetic
// Gradients", 2017): a 1-16-16-1 tanh network whose first hidden layer is trained with a gradient
// *predicted* by a linear model of its own activations (no hidden layer), beside the same network
// trained by ordinary backpropagation. The engine's fitSynthetic() trains it, syntheticProbe()
// gives the true and predicted dl/dh for a few samples. The baseline that tells whether the
// predicted gradients do anything: the same network with its first layer frozen at its initial
// weights (the 16-16-1 layers above, from the same initial weights, trained by backpropagation on
// the first layer's fixed outputs).

import { bilingual } from '../i18n.js';

// The view (create) is web/scenes/views/synthetic.js, which arrives after the first frame (web/later.js).
export default {
  id: 'synthetic',
  order: 11,
  embedFigures: ['.syn-fit', '.syn-main .readout.big'],
  keys: {},
  controls: [],
  figures: ['epoch', 'lossStart', 'loss', 'backpropLoss', 'frozenLoss', 'cosine', 'cosineMean50', 'cosineNegativeEpochs', 'modelError'],
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/synthetic.js
  strings: bilingual({
    title: ['Synthetic gradients (advanced)', '合成梯度（进阶）'],
  }),
};
