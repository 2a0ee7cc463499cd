// Lesson "collapse" (C8, C9, C12): a 2-3-3-1 network with linear (or affine) layers beside the
// single layer it equals. The derivation of answer 4, y = x·W1·W2·W3 + (b1·W2·W3 + b2·W3 + b3)
// = x·W' + b', is typeset in MathML with the live weights (the thread's row-vector convention:
// its W_l is the engine's W_l transposed, (in, out)); W' and b' are the engine's collapse(), the
// single layer is an engine network with exactly those weights, and the largest difference
// between the two over the heatmap grid is the engine's collapseDeviation(). Switching a layer to
// a nonlinear activation makes collapse() throw; the page shows which layer broke it.

import { key, activationList } from '../keys.js';
import { bilingual } from './common.js';

// The view (create) is web/scenes/views/collapse.js, which arrives after the first frame (web/later.js).
export default {
  id: 'collapse',
  order: 3,
  embedFigures: ['.derivation-wrap', '.deviation'],
  keys: {
    collapseActivations: key({ default: Object.freeze(['linear', 'linear', 'linear']), parse: activationList(3), effect: 'rebuild',
      values: 'three activations, e.g. `linear,tanh,linear`', doc: 'the three layers’ activations' }),
  },
  controls: [{ key: 'collapseActivations', kind: 'custom', label: 'activation' }],
  figures: ['epoch', 'activations', 'loss', 'lossStart', 'learningRate', 'deviation', 'brokenBy', 'W', 'b'],
  strings: bilingual({
    title: ['Linear layers collapse', '线性层会坍缩'],
    text: ['With linear (or affine, f(z) = a·z + c) activations every layer is an affine map, and affine maps compose into one affine map: by matrix multiplication the whole 2-3-3-1 network equals a single layer x·W′ + b′ (Bishop, PRML §5.1). Below, the derivation with the network’s current weights; switch a layer to tanh to break it.', '激活函数是线性的（或仿射的，f(z) = a·z + c）时，每一层都是仿射映射，而仿射映射复合起来仍是一个仿射映射：通过矩阵乘法，整个 2-3-3-1 网络等于单层 x·W′ + b′（Bishop，《模式识别与机器学习》§5.1）。下面用网络当前的权重写出推导；把任意一层换成 tanh，推导就不成立了。'],
    hiddenN: ['Layer {n}', '第 {n} 层'],
    outputLayer: ['Layer 3 (output)', '第 3 层（输出层）'],
    deepTitle: ['The deep network (2-3-3-1)', '深层网络（2-3-3-1）'],
    singleTitle: ['The single layer it equals', '与之相等的单层网络'],
    singleStats: ['y = x·W′ + b′: no hidden layer', 'y = x·W′ + b′：没有隐藏层'],
    singleCaption: ['An engine network with one layer, weights W′ and b′ from the deep network’s collapse: the same picture.', '这是引擎里的一个单层网络，权重 W′ 和 b′ 取自深层网络坍缩的结果：画出来的图完全一样。'],
    noSingle: ['No single layer equals this network.', '没有任何单层网络等于这个网络。'],
    derivationTitle: ['The derivation, with the current numbers', '代入当前数值的推导'],
    derivationNote: ['As in the thread, x is a row vector and each W_l is (inputs × outputs). W′ and b′ are the engine’s collapse of the network; the matrices are its current weights, rounded.', '与原帖一样，x 是行向量，每个 W_l 的形状为（输入数 × 输出数）。W′ 与 b′ 由引擎对网络做坍缩得到；矩阵中是当前权重（已四舍五入）。'],
    deviation: ['largest |deep(x) − (x·W′ + b′)| over the grid', '网格上 |深层(x) − (x·W′ + b′)| 的最大值'],
    deviationNote: ['Float precision: the two are the same function.', '差别只来自浮点舍入：两者是同一个函数。'],
    deviationBroken: ['There is no W′ and b′ to compare with.', '不存在可以比较的 W′ 与 b′。'],
    affineNote: ['{k} affine layer(s), f(z) = {a}·z + {c}: each is still affine, so the product collapses all the same. W′ and b′ are computed by the engine.', '{k} 个仿射层，f(z) = {a}·z + {c}：每层仍是仿射映射，所以照样坍缩。W′ 与 b′ 由引擎计算。'],
    broken: ['{layer} is {name}: it is not of the form a·z + c, so the layers’ matrices cannot be multiplied into one. No single layer equals this network.', '{layer}用的是 {name}，不是 a·z + c 的形式，各层的矩阵没法通过矩阵乘法合并成一个，所以这个网络不能坍缩成单层。'],
    engineBroken: ['engine: collapse: layer {n} ({kind}) has activation ‘{act}’, which is not linear or affine', '引擎报告：collapse 失败，第 {n} 层（{kind}）的激活函数是 ‘{act}’，既不是线性的，也不是仿射的'],
    kindHidden: ['hidden layer {n}', '第 {n} 个隐藏层'],
    kindOutput: ['output layer', '输出层'],
    deepAria: ['The deep network’s output over the plane, with the data: one affine map, so a tilted plane whose boundary is a straight line; training loss {loss}.', '深层网络在平面上的输出和数据：它只是一个仿射映射，所以输出是倾斜的平面，决策边界是一条直线；训练损失 {loss}。'],
    deepAriaBroken: ['The deep network’s output over the plane, with the data: with a nonlinear layer it is no longer one affine map, so the output need not be a plane; training loss {loss}.', '深层网络在平面上的输出和数据：有了非线性层，它不再是一个仿射映射，输出不一定是平面；训练损失 {loss}。'],
    singleAria: ['The single layer x·W′ + b′ over the plane: the same picture as the deep network; the largest difference between the two is {dev}.', '单层网络 x·W′ + b′ 在平面上的输出：和深层网络的图一模一样，两者最大相差 {dev}。'],
    lineAria: ['Derivation, line {n} of {count}', '推导，第 {n} 行（共 {count} 行）'],
    deepCaption: ['Three weight matrices, one affine map: the picture is a tilted plane and its decision boundary a straight line.', '三个权重矩阵，一个仿射映射：输出是一个倾斜的平面，决策边界是一条直线。'],
    deepCaptionBroken: ['One nonlinear layer is enough: the output is no longer a tilted plane.', '只要有一层是非线性的，输出就不再是倾斜的平面。'],
  }),
};
