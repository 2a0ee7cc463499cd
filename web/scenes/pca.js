// Lesson "pca" (C14; Bishop, PRML §5.1 and §12.4.2): a 2-1-2 autoencoder with a linear bottleneck
// learns to reconstruct a correlated 2D cloud through one unit. The engine's pca() gives the
// principal components; principalAngle() the angle between the decoder's direction and the first
// component, which falls to ~0 as it trains. A tanh bottleneck, from the same weights, for
// comparison (it reaches the principal subspace too, Bishop §12.4.2: what differs is where the
// points land on the line); PCA's own reconstruction error, as an engine network with PCA's
// weights; and the rank limit (Bishop §5.1): the linear autoencoder's collapsed map x·W′ + b′,
// W′ = W₁W₂ (2×1 times 1×2, the thread's row vectors), has rank 1 however it trains.

import { bilingual } from '../i18n.js';

// The view (create) is web/scenes/views/pca.js, which arrives after the first frame (web/later.js).
export default {
  id: 'pca',
  order: 9,
  embedFigures: ['.pca-plot', '.pca-side .readout.big'],
  keys: {},
  controls: [],
  figures: ['epoch', 'dataset', 'angle', 'tanhAngle', 'loss', 'tanhLoss', 'pcaLoss', 'collapsedW', 'singularValues', 'rank', 'components', 'variances', 'direction'],
  // the page's own strings for this lesson (the lesson picker, the controls' labels);
  // the view's are in web/scenes/views/pca.js
  strings: bilingual({
    title: ['A linear bottleneck is PCA', '线性瓶颈就是 PCA'],
  }),
};
