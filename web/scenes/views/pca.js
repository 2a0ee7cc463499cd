// The view of lesson "pca", declared in web/scenes/pca.js: create(env) builds it (the contract in
// web/scenes/index.js). It arrives with the other lessons after the first frame (web/later.js).

import { el, setText, fmt, fmtFixed, fmtSci, fmtLoss, canvasPlot, lessonRoot, readout, legend, freeAll, twins, newHistory, pushHistory, describe, bilingual } from '../common.js';
import { createLossChart } from '../../loss-chart.js';
import { LINEAR_HEX, TANH_HEX, INK_HEX, MUTED_HEX, withAlpha } from '../../colors.js';

const SEED = 5;
const OPTS = { batchSize: 10, learningRate: 0.001 }; // slow enough to watch the angle fall
const LIN = LINEAR_HEX;
const TANH = TANH_HEX;
const PC = INK_HEX;

export function createPcaScene(env) {
  const { engine, t } = env;
  // the engine's correlated cloud: a tilted Gaussian, target y = x
  const name = 'correlated';
  const x = engine.dataset(name, { n: 300, noise: 0, seed: 3 }).x;
  const pca = engine.pca(x, 2);
  const pc1 = Array.from(pca.components.slice(0, 2));
  // PCA's reconstruction, as a network: h = pc1 · (x - mean), x^ = mean + pc1 h
  const pcaNet = engine.createNetwork({ layers: [2, 1, 2], activation: 'linear', seed: SEED });
  const mu = Array.from(pca.mean);
  pcaNet.setWeights([{ W: pc1, b: [-(pc1[0] * mu[0] + pc1[1] * mu[1])] }, { W: pc1, b: mu }]);
  const pcaLoss = pcaNet.loss(x, x);
  pcaNet.delete();
  let nets = [], epoch = 0, info = [];
  const rank = { W: null, det: NaN, singular: null, rank: NaN };

  const plot = canvasPlot('pca-plot');
  const angleChart = canvasPlot('scene-chart angle-chart');
  const lossCanvas = el('canvas', { class: 'scene-chart', role: 'img' });
  const lossChart = createLossChart(lossCanvas);
  const angleOut = readout('scenes.pca.angle', { big: true, color: LIN });
  const tanhAngleOut = readout('scenes.pca.tanhAngle', { big: true, color: TANH });
  const lossOut = readout('scenes.pca.loss', { color: LIN });
  const tanhLossOut = readout('scenes.pca.tanhLoss', { color: TANH });
  const pcaLossOut = readout('scenes.pca.pcaLoss');
  const rankLine = el('p', { class: 'note rank-line' });
  const plotLegend = el('div', { class: 'legend' }, legend([
    { mark: 'dot', color: withAlpha(MUTED_HEX, 0.55), label: 'scenes.pca.legendData' },
    { mark: 'mark dashed', color: PC, label: 'scenes.pca.legendPc' },
    { mark: 'mark', color: LIN, label: 'scenes.pca.legendLinear' },
    { mark: 'dot', color: TANH, label: 'scenes.pca.legendTanh' },
  ]));
  const chartLegend = el('div', { class: 'legend' }, legend([
    { mark: 'mark', color: LIN, label: 'scenes.pca.linearAe' },
    { mark: 'mark', color: TANH, label: 'scenes.pca.tanhAe' },
  ]));
  const root = lessonRoot('scene-pca',
    el('section', { class: 'scene-card pca-main' }, el('div', { class: 'scene-row' }, el('h3', { 'data-i18n': 'scenes.pca.plotTitle' })), plotLegend, plot.canvas),
    el('section', { class: 'scene-card pca-side' },
      el('div', { class: 'readouts' }, angleOut.node, tanhAngleOut.node),
      el('div', { class: 'chart-head' }, el('h2', { 'data-i18n': 'scenes.pca.angleOverTime' }), chartLegend), angleChart.canvas,
      el('div', { class: 'readouts' }, lossOut.node, tanhLossOut.node, pcaLossOut.node),
      el('div', { class: 'chart-head' }, el('h2', { 'data-i18n': 'scenes.pca.lossOverTime' })), lossCanvas,
      rankLine,
      el('p', { class: 'note', 'data-i18n': 'scenes.pca.note' })));

  function build() {
    free();
    nets = twins(engine, ['linear', 'tanh'].map((a) => ({ layers: [2, 1, 2], activation: a, outputActivation: 'linear', seed: SEED })));
    epoch = 0;
    info = nets.map(() => ({ angles: newHistory(), losses: newHistory() }));
    measure();
  }
  function free() { nets = freeAll(nets); }
  function measure() {
    nets.forEach((net, i) => {
      const W2 = net.getWeights()[1].W; // (2, 1): the decoder's direction
      const x2 = info[i];
      x2.angle = engine.principalAngle(W2, pc1, 2);
      x2.loss = net.loss(x, x);
      x2.direction = Array.from(W2);
      x2.bias = Array.from(net.getWeights()[1].b);
      pushHistory(x2.angles, epoch, x2.angle);
      pushHistory(x2.losses, epoch, x2.loss);
    });
    // the linear autoencoder as one affine map (engine collapse, W (out, in)); in the thread's
    // row-vector form x·W′ its W′ is the transpose: W′[i][o] = W[o][i]
    const c = nets[0].collapse();
    rank.W = [c.W[0], c.W[2], c.W[1], c.W[3]];
    // singular values of a 2×2: s1·s2 = |det|, s1² + s2² = ‖W′‖²
    const [a, b, cc, d] = rank.W, det = a * d - b * cc, fro2 = a * a + b * b + cc * cc + d * d;
    const disc = Math.sqrt(Math.max(0, fro2 * fro2 - 4 * det * det));
    const s1 = Math.sqrt((fro2 + disc) / 2), s2 = s1 > 0 ? Math.abs(det) / s1 : 0;
    rank.det = det;
    rank.singular = [s1, s2];
    rank.rank = s1 === 0 ? 0 : s2 > 1e-4 * s1 ? 2 : 1;
  }
  // epoch by epoch, so the charts have every epoch even after step(n)
  function train(n) {
    for (let e = 0; e < n; e++) {
      for (const net of nets) net.fit(x, x, { ...OPTS, epochs: 1 });
      epoch++;
      measure();
    }
  }

  function render() {
    const n = x.length / 2;
    let lo = Infinity, hi = -Infinity;
    for (const v of x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const pad = 0.08 * (hi - lo);
    plot.frame({ x: [lo - pad, hi + pad], y: [lo - pad, hi + pad], equal: true, margin: { l: 30, r: 8, t: 6, b: 20 } });
    plot.axes({});
    const recon = nets.map((net) => net.predict(x));
    // projection of each point onto the linear bottleneck's line
    plot.clip((c) => {
      const { X, Y } = plot.scale;
      c.strokeStyle = withAlpha(LIN, 0.22); c.lineWidth = 1;
      c.beginPath();
      for (let i = 0; i < n; i++) { c.moveTo(X(x[2 * i]), Y(x[2 * i + 1])); c.lineTo(X(recon[0][2 * i]), Y(recon[0][2 * i + 1])); }
      c.stroke();
    });
    plot.points(x, x, { n, xStride: 2, yStride: 2, yOffset: 1, color: withAlpha(MUTED_HEX, 0.5), r: 2.6 });
    const S = hi - lo;
    // the linear bottleneck's line: x^ = b2 + W2 h
    const [ux, uy] = info[0].direction, [bx, by] = info[0].bias, nrm = Math.hypot(ux, uy) || 1;
    plot.line([bx - (S * ux) / nrm, bx + (S * ux) / nrm], [by - (S * uy) / nrm, by + (S * uy) / nrm], { color: LIN, width: 3 });
    plot.points(recon[0], recon[0], { n, xStride: 2, yStride: 2, yOffset: 1, color: LIN, r: 2 });
    plot.points(recon[1], recon[1], { n, xStride: 2, yStride: 2, yOffset: 1, color: TANH, r: 2 });
    // principal axes through the mean (PC2: ±2 standard deviations), on top
    pca.variances.forEach((v, k) => {
      const dx = pca.components[2 * k], dy = pca.components[2 * k + 1], L = k === 0 ? S : 2 * Math.sqrt(v);
      plot.line([mu[0] - L * dx, mu[0] + L * dx], [mu[1] - L * dy, mu[1] + L * dy], { color: PC, width: 1.4, dash: [6, 5] });
      const at = k === 0 ? 0.42 * S : L;
      plot.text(`PC${k + 1}`, mu[0] + at * dx, mu[1] + at * dy, { color: PC, dx: 6, dy: -8, font: '600 11px system-ui, sans-serif' });
    });

    const deg = (v) => `${fmt(v, 2)}°`;
    angleOut.set(deg(info[0].angle));
    tanhAngleOut.set(deg(info[1].angle));
    lossOut.set(fmtLoss(info[0].loss));
    tanhLossOut.set(fmtLoss(info[1].loss));
    pcaLossOut.set(fmtLoss(pcaLoss));
    const [a, b, c, d] = rank.W.map((v) => fmtFixed(v, 3));
    setText(rankLine, t('scenes.pca.rankLine', { a, b, c, d, s1: fmt(rank.singular[0], 3), s2: fmtSci(rank.singular[1], 1), rank: rank.rank }));
    // the angle on a log scale: from tens of degrees down to hundredths
    const last = Math.max(10, info[0].angles.epoch[info[0].angles.epoch.length - 1]);
    let aMin = 90;
    for (const s2 of info) for (const v of s2.angles.train) if (v > 0) aMin = Math.min(aMin, v);
    angleChart.frame({ x: [0, last], y: [Math.max(1e-3, 10 ** Math.floor(Math.log10(aMin))), 90], logY: true, margin: { l: 44, r: 10, t: 6, b: 20 } });
    angleChart.axes({ yTicks: [0.001, 0.01, 0.1, 1, 10, 90], yTickLabel: (v) => `${v}°`, xLabel: t('epochAxis') });
    info.forEach((s2, i) => angleChart.line(s2.angles.epoch, s2.angles.train, { color: i ? TANH : LIN, width: 2.2 }));
    lossChart.draw(info.map((s, i) => ({ history: s.losses, color: i ? TANH : LIN })), { epoch: t('epochAxis'), loss: t('lossAxis') });

    // the three figures as they are now, with the numbers of the readouts
    const [L, T] = info;
    describe(plot.canvas, t('scenes.pca.plotAria', { angle: deg(L.angle), tanhAngle: deg(T.angle) }));
    describe(angleChart.canvas, epoch === 0 ? t('scenes.pca.angleAria0', { a1: deg(L.angle), t1: deg(T.angle) })
      : t('scenes.pca.angleAria', { epoch, a0: deg(L.angles.train[0]), a1: deg(L.angle), t0: deg(T.angles.train[0]), t1: deg(T.angle) }));
    describe(lossCanvas, t(epoch === 0 ? 'scenes.pca.lossAria0' : 'scenes.pca.lossAria', { epoch, pca: fmtLoss(pcaLoss),
      l0: fmtLoss(L.losses.train[0]), l1: fmtLoss(L.loss), m0: fmtLoss(T.losses.train[0]), m1: fmtLoss(T.loss) }));
  }

  return {
    id: 'pca', root, trains: true,
    enter: build, leave: free, update() {}, reset: build, train, render,
    epoch: () => epoch,
    figures: () => ({ epoch, dataset: name, angle: info[0].angle, tanhAngle: info[1].angle,
      loss: info[0].loss, tanhLoss: info[1].loss, pcaLoss,
      collapsedW: rank.W.slice(), singularValues: rank.singular.slice(), rank: rank.rank,
      components: Array.from(pca.components), variances: Array.from(pca.variances), direction: info[0].direction.slice() }),
  };
}


export default {
  create: createPcaScene,
  strings: bilingual({
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
