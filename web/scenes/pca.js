// Lesson "pca" (C14; Bishop, PRML §5.1 and §12.4.2): a 2-1-2 autoencoder with a linear bottleneck
// learns to reconstruct a correlated 2D cloud through one unit. The engine's pca() gives the
// principal components; principalAngle() the angle between the decoder's direction and the first
// component, which falls to ~0 as it trains. A tanh bottleneck, from the same weights, for
// comparison (it reaches the principal subspace too, Bishop §12.4.2: what differs is where the
// points land on the line); PCA's own reconstruction error, as an engine network with PCA's
// weights; and the rank limit (Bishop §5.1): the linear autoencoder's collapsed map x·W′ + b′,
// W′ = W₁W₂ (2×1 times 1×2, the thread's row vectors), has rank 1 however it trains.

import { bilingual } from './common.js';

// The view (create) is web/scenes/views/pca.js, which arrives after the first frame (web/later.js).
export default {
  id: 'pca',
  order: 9,
  embedFigures: ['.pca-plot', '.pca-side .readout.big'],
  keys: {},
  controls: [],
  figures: ['epoch', 'dataset', 'angle', 'tanhAngle', 'loss', 'tanhLoss', 'pcaLoss', 'collapsedW', 'singularValues', 'rank', 'components', 'variances', 'direction'],
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/pca.js
  strings: bilingual({
    title: ['A linear bottleneck is PCA', '线性瓶颈就是 PCA'],
    text: ['A 2-1-2 autoencoder must squeeze the data through one number: dimensionality reduction. With a linear hidden unit the best it can do is to project onto the first principal component (Bishop, PRML §12.4.2): the angle between its direction and PC1 falls to ~0. A tanh bottleneck with a linear output can reach the same line too (Bishop §12.4.2: one nonlinear hidden layer does not get past PCA); it does here, though from other starting weights it can stay stuck far from it for a long time. What differs is where the points land on it: tanh bounds the code to (−1, 1), so its reconstructions can only match PCA’s while they stay in tanh’s nearly straight middle; its loss can approach PCA’s, never go below it.', '2-1-2 自编码器必须把数据压缩成一个数，也就是降维。隐藏单元是线性的时候，它能做到的最好结果就是投影到第一主成分上（Bishop，《模式识别与机器学习》§12.4.2）：它的方向与 PC1 的夹角降到约 0。隐藏单元换成 tanh、输出仍是线性的瓶颈，也能找到同一条直线（Bishop §12.4.2：只有一个非线性隐藏层，并不能超越 PCA）；本页的初始权重下正是如此，但换一组初始权重，它也可能长时间卡在离这条直线很远的地方。区别在于点落在这条直线上的位置：tanh 把编码限制在 (−1, 1) 内，只有在 tanh 中间近似直线的那一段，它的重建才能和 PCA 一样；它的损失可以接近 PCA，但不可能更低。'],
  }),
};
