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
  strings: bilingual({
    title: ['A linear bottleneck is PCA', '线性瓶颈就是 PCA'],
    text: ['A 2-1-2 autoencoder must squeeze the data through one number: dimensionality reduction. With a linear hidden unit the best it can do is to project onto the first principal component (Bishop, PRML §12.4.2): the angle between its direction and PC1 falls to ~0. A tanh bottleneck with a linear output can reach the same line too (Bishop §12.4.2: one nonlinear hidden layer does not get past PCA); it does here, though from other starting weights it can stay stuck far from it for a long time. What differs is where the points land on it: tanh bounds the code to (−1, 1), so its reconstructions can only match PCA’s while they stay in tanh’s nearly straight middle; its loss can approach PCA’s, never go below it.', '2-1-2 自编码器必须把数据压缩成一个数，也就是降维。隐藏单元是线性的时候，它能做到的最好结果就是投影到第一主成分上（Bishop，《模式识别与机器学习》§12.4.2）：它的方向与 PC1 的夹角降到约 0。隐藏单元换成 tanh、输出仍是线性的瓶颈，也能找到同一条直线（Bishop §12.4.2：只有一个非线性隐藏层，并不能超越 PCA）；本页的初始权重下正是如此，但换一组初始权重，它也可能长时间卡在离这条直线很远的地方。区别在于点落在这条直线上的位置：tanh 把编码限制在 (−1, 1) 内，只有在 tanh 中间近似直线的那一段，它的重建才能和 PCA 一样；它的损失可以接近 PCA，但不可能更低。'],
    legendData: ['data', '数据'],
    legendPc: ['principal components', '主成分'],
    legendLinear: ['linear bottleneck: line and reconstructions', '线性瓶颈：直线与重建点'],
    legendTanh: ['tanh bottleneck: reconstructions', 'tanh 瓶颈：重建点'],
    rankLine: ['Rank limit (Bishop §5.1): as one map, the linear autoencoder is x·W′ + b′ with W′ = W₁W₂ = [{a} {b}; {c} {d}] (row vectors, as in the thread), a 2×1 matrix times a 1×2: singular values {s1} and {s2}, rank {rank}. With fewer hidden units than inputs and outputs, even the collapsed linear map is restricted: it can only output points on one line.', '秩的限制（Bishop §5.1）：把线性自编码器合成一个映射，就是 x·W′ + b′，其中 W′ = W₁W₂ = [{a} {b}; {c} {d}]（与原帖一样用行向量），是 2×1 矩阵乘以 1×2 矩阵：奇异值为 {s1} 和 {s2}，秩为 {rank}。隐藏单元比输入和输出都少时，哪怕合并成一个线性映射也受到限制：它只能输出同一条直线上的点。'],
    linearAe: ['linear bottleneck', '线性瓶颈'],
    tanhAe: ['tanh bottleneck', 'tanh 瓶颈'],
    plotTitle: ['The data, its principal components, and the two autoencoders’ reconstructions', '数据、它的主成分，以及两个自编码器的重建结果'],
    angle: ['angle to PC1, linear', '与 PC1 的夹角（线性）'],
    tanhAngle: ['angle to PC1, tanh', '与 PC1 的夹角（tanh）'],
    angleOverTime: ['Angle to PC1 (degrees)', '与 PC1 的夹角（度）'],
    loss: ['reconstruction loss, linear', '重建损失（线性）'],
    tanhLoss: ['reconstruction loss, tanh', '重建损失（tanh）'],
    pcaLoss: ['PCA’s reconstruction loss', 'PCA 的重建损失'],
    lossOverTime: ['Reconstruction loss', '重建损失'],
    plotAria: ['The data cloud (grey dots) with its principal components PC1 and PC2 (dashed); the linear bottleneck’s line, {angle} from PC1, with its reconstructions on it; the tanh bottleneck’s reconstructions, on another line, {tanhAngle} from PC1.', '数据点云（灰点）和它的主成分 PC1、PC2（虚线）；线性瓶颈的直线与 PC1 相差 {angle}，它的重建点都落在这条直线上；tanh 瓶颈的重建点落在另一条直线上，它与 PC1 相差 {tanhAngle}。'],
    angleAria0: ['Angle to PC1 at epoch 0: linear bottleneck {a1}, tanh bottleneck {t1}. Press play to draw its course.', '第 0 轮时与 PC1 的夹角：线性瓶颈 {a1}，tanh 瓶颈 {t1}。点击播放，就能画出它的变化。'],
    angleAria: ['Angle to PC1 from epoch 0 to {epoch}, on a log scale: linear bottleneck from {a0} to {a1}, tanh bottleneck from {t0} to {t1}.', '第 0 轮到第 {epoch} 轮与 PC1 的夹角（对数刻度）：线性瓶颈从 {a0} 变为 {a1}，tanh 瓶颈从 {t0} 变为 {t1}。'],
    lossAria0: ['Reconstruction loss at epoch 0: linear bottleneck {l1}, tanh bottleneck {m1}; PCA’s own: {pca}. Press play to draw its course.', '第 0 轮的重建损失：线性瓶颈 {l1}，tanh 瓶颈 {m1}；PCA 本身的损失：{pca}。点击播放，就能画出它的变化。'],
    lossAria: ['Reconstruction loss from epoch 0 to {epoch}: linear bottleneck from {l0} to {l1}, tanh bottleneck from {m0} to {m1}; PCA’s own: {pca}.', '第 0 轮到第 {epoch} 轮的重建损失：线性瓶颈从 {l0} 变为 {l1}，tanh 瓶颈从 {m0} 变为 {m1}；PCA 本身的损失：{pca}。'],
    note: ['PC1 and PC2 come from the engine’s pca(), the angles from principalAngle() between the decoder’s weights and PC1, and PCA’s own loss from a network given PCA’s weights.', 'PC1 和 PC2 由引擎的 pca() 算出，夹角由 principalAngle() 根据解码器权重与 PC1 算出；PCA 本身的重建损失，是把 PCA 的结果当作权重放进一个网络算出来的。'],
  }),
};
