// Lesson "relu" (C4): a one-hidden-layer ReLU network fits a sine. Its output is piecewise linear:
// the engine's linearPieces() gives the kinks on [-1, 1] and the number of straight pieces, live.
// The curve is drawn exactly, through the kinks (one predict() on grid + kinks). More units, more
// pieces, smaller error.

import { key, integer } from '../keys.js';
import { bilingual } from './common.js';

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
  strings: bilingual({
    title: ['ReLU: straight pieces', 'ReLU：由直线段拼成'],
    text: ['ReLU is piecewise linear but not linear: each hidden unit adds at most one kink, and the fit is made of straight pieces between the kinks. More units, more pieces, smaller error: enough straight pieces follow any continuous curve. The thread says activations must be differentiable; ReLU is not, at 0, and still trains: backpropagation uses a subgradient there (the engine takes 0), and a weighted sum lands exactly on the kink almost never. ReLU usually sits in the hidden layers; the output layer here is linear, as a regression output should be.', 'ReLU 是分段线性的，但不是线性函数：每个隐藏单元最多带来一个折点，拟合曲线由折点之间的直线段组成。单元越多，线段越多，误差越小：足够多的直线段可以逼近任何连续曲线。原帖说激活函数必须可导；ReLU 在 0 处不可导，却照样能训练：反向传播在这一点用的是次梯度（引擎取 0），而加权和几乎不会恰好落在折点上。ReLU 一般用在隐藏层；这里的输出层是线性的，回归问题的输出层本来就该如此。'],
    fewer: ['Fewer hidden units', '减少隐藏单元'],
    more: ['More hidden units', '增加隐藏单元'],
    legendData: ['data (sine)', '数据（正弦）'],
    legendFit: ['ReLU network', 'ReLU 网络'],
    legendKink: ['kink', '折点'],
    plotTitle: ['One hidden layer of ReLU units fitting a sine on [−1, 1]', '单隐藏层 ReLU 网络在 [−1, 1] 上拟合正弦'],
    plotAria: ['A sine on [−1, 1] (dots) and a ReLU network with {units} hidden units fitting it after {epoch} epochs: {pieces} straight pieces joined at {kinks} kinks; training loss {loss}.', '[−1, 1] 上的正弦数据（圆点），以及含 {units} 个隐藏单元、训练了 {epoch} 轮的 ReLU 网络的拟合：{pieces} 段直线，在 {kinks} 个折点处相连；训练损失 {loss}。'],
    plotAriaOne: ['A sine on [−1, 1] (dots) and a ReLU network with {units} hidden units fitting it after {epoch} epochs: a single straight piece, no kink on [−1, 1]; training loss {loss}.', '[−1, 1] 上的正弦数据（圆点），以及含 {units} 个隐藏单元、训练了 {epoch} 轮的 ReLU 网络的拟合：只有一段直线，[−1, 1] 上没有折点；训练损失 {loss}。'],
    unitsTitle: ['Hidden units', '隐藏单元数'],
    pieces: ['linear pieces on [−1, 1]', '[−1, 1] 上的线段数'],
    kinks: ['kinks', '折点数'],
    note: ['The kinks and the pieces are counted by the engine from the weights (a unit’s kink is where its input crosses 0).', '折点和线段数由引擎根据权重计算（一个单元的折点就是它的输入穿过 0 的位置）。'],
    triedTitle: ['Sizes tried', '试过的规模'],
    colUnits: ['units', '单元'],
    colPieces: ['pieces', '线段'],
  }),
};
