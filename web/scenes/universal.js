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
import { bilingual } from './common.js';

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
  strings: bilingual({
    title: ['Universal approximation', '万能逼近（通用函数逼近器）'],
    text: ['One hidden layer of a non-polynomial activation, with enough units, can approximate any continuous function on a bounded region as closely as wanted: Hornik, Stinchcombe & White (1989) for squashing functions, Leshno, Lin, Pinkus & Schocken (1993) for every non-polynomial one, ReLU included. The theorem says such weights exist, not that gradient descent finds them. Shown here: on a sine, each size trained from 5 initial weights for 600 epochs, and the lowest training error of the 5; with a linear activation every size stays at the best straight line.', '只要激活函数不是多项式、隐藏单元足够多，一个隐藏层就能在有界区域上以任意精度逼近任何连续函数，所以这样的网络被称为“通用函数逼近器”：Hornik、Stinchcombe 与 White（1989）对挤压函数证明了这一点，Leshno、Lin、Pinkus 与 Schocken（1993）推广到所有非多项式激活函数，ReLU 也在其中。定理只保证这样的权重存在，并不保证梯度下降能找到它。这里展示的是：在正弦数据上，每种规模从 5 组初始权重各训练 600 轮，取 5 次中最低的训练误差；激活函数是线性的时候，无论多少单元都停在最好的那条直线上。'],
    chartTitle: ['Lowest training error of 5 seeds after 600 epochs, against hidden units (log scales)', '5 个种子训练 600 轮后的最低训练误差与隐藏单元数（对数坐标）'],
    overlay: ['each unit’s contribution', '每个单元的贡献'],
    lsLine: ['best straight line', '最好的直线'],
    fitNote: ['Thin lines: each hidden unit’s contribution w·f(W₁x + b₁); the fit is their sum plus a bias. tanh and sigmoid give S-curves, ReLU gives hinges, linear gives lines, whose sum is one line.', '细线：每个隐藏单元的贡献 w·f(W₁x + b₁)；拟合曲线是它们的和加上偏置。tanh 与 sigmoid 给出 S 形曲线，ReLU 给出折线，线性单元给出直线，直线之和仍是一条直线。'],
    done: ['done: {epochs} epochs', '完成：{epochs} 轮'],
    progress: ['epoch {epoch} of {epochs}', '第 {epoch} / {epochs} 轮'],
    unitsAxis: ['hidden units', '隐藏单元数'],
    errorAxis: ['error', '误差'],
    chartAria: ['Lowest training error against hidden units, both on log scales, after {epoch} of {epochs} epochs. At {units} units: {a1} {e1}, {a2} {e2}, {a3} {e3}, {a4} {e4}; the best straight line: {ls}. Circled: {name} with {picked} units.', '最低训练误差与隐藏单元数的关系（两个坐标轴都是对数刻度），已训练 {epoch} / {epochs} 轮。{units} 个单元时：{a1} 为 {e1}，{a2} 为 {e2}，{a3} 为 {e3}，{a4} 为 {e4}；最好的直线：{ls}。圆圈标出的是 {picked} 个单元的 {name}。'],
    fitAria: ['A {name} network with {units} hidden units (seed {seed}) fitting a sine (dots): training error {err}.', '含 {units} 个隐藏单元的 {name} 网络（种子 {seed}）拟合正弦数据（圆点）：训练误差 {err}。'],
    fitAriaParts: ['A {name} network with {units} hidden units (seed {seed}) fitting a sine (dots): training error {err}; thin lines: each unit’s contribution.', '含 {units} 个隐藏单元的 {name} 网络（种子 {seed}）拟合正弦数据（圆点）：训练误差 {err}；细线是每个单元的贡献。'],
    tableAria: ['Table: lowest training error by activation and hidden units', '表：各激活函数在不同隐藏单元数下的最低训练误差'],
    fitTitle: ['{name}, {units} hidden units (seed {seed}, the best of 5)', '{name}，{units} 个隐藏单元（种子 {seed}，5 次中最好的一次）'],
  }),
};
