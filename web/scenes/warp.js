// Lesson "warp" (C3): what a hidden layer does to the input plane. A grid of lines and the data
// go through the 2-unit hidden layer of a 2-2-1 network; a slider morphs identity -> Wx + b (the
// engine's pre-activations, layerOutputs(x, { pre: true })) -> f(Wx + b) (layerOutputs(x)). Under a
// linear layer straight lines stay straight and parallel lines parallel; under tanh the grid bends
// until one straight line, the output unit's, separates the classes.

import { key, number, activation } from '../keys.js';
import { bilingual } from './common.js';

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
  strings: bilingual({
    title: ['How a layer bends the plane', '隐藏层如何弯曲平面'],
    text: ['A hidden layer maps the input plane to a new plane: first x·W + b (x a row vector, as in the thread), which keeps straight lines straight and parallel lines parallel, then f. Under tanh the grid bends until one straight line, the output unit’s, separates the two classes.', '隐藏层把输入平面映射成一个新平面：先算 x·W + b（与原帖一样，x 是行向量），这一步直线仍是直线、平行线仍然平行；然后再经过 f。用 tanh 时网格被弯曲，弯到一定程度，一条直线（输出单元的决策线）就能把两类分开。'],
    animate: ['Play the morph', '播放变形'],
    stage0: ['x (identity)', 'x（恒等）'],
    plotTitle: ['A grid of lines and the data, through the 2-unit hidden layer', '一组网格线和数据，经过含 2 个单元的隐藏层'],
    stageText0: ['The input plane: x₁ and x₂ as they are.', '输入平面：x₁ 和 x₂ 本身。'],
    stageText1: ['Moving to x·W + b: an affine map moves, turns and stretches the grid, but lines stay straight and parallel lines stay parallel.', '变到 x·W + b：仿射映射会平移、旋转、拉伸网格，但直线仍是直线，平行线仍然平行。'],
    stageText2: ['z = x·W + b: still a grid of straight, parallel lines. No straight line separates what was not separable before.', 'z = x·W + b：仍是由平行直线组成的网格。原来分不开的，现在依然没有直线能分开。'],
    stageText3: ['Applying {name} to each coordinate of z.', '对 z 的每个坐标施加 {name}。'],
    stageText4: ['h = {name}(x·W + b), the hidden layer’s output. Dashed: where the output unit’s w·h + b = 0, its decision line.', 'h = {name}(x·W + b)，隐藏层的输出。虚线：输出单元 w·h + b = 0 的位置，即它的决策线。'],
    plotAria0: ['The input plane: a square grid of straight lines and the data, two interleaved half-moons (+1 blue, −1 orange). The network’s accuracy: {acc}.', '输入平面：由直线组成的方格网，以及数据——两个相互交错的半月形（+1 为蓝色，−1 为橙色）。网络的准确率：{acc}。'],
    plotAria1: ['The grid and the data on their way from x to x·W + b ({pct}% of the way): lines stay straight, parallel lines parallel. The network’s accuracy: {acc}.', '网格和数据正从 x 变向 x·W + b（已完成 {pct}%）：直线仍是直线，平行线仍然平行。网络的准确率：{acc}。'],
    plotAria2: ['The grid and the data after x·W + b: still a grid of straight, parallel lines, and the two classes are no easier to separate with a straight line than before. The network’s accuracy: {acc}.', '经过 x·W + b 之后的网格和数据：仍是由平行直线组成的网格，两类数据并没有因此更容易被一条直线分开。网络的准确率：{acc}。'],
    plotAria3: ['The grid and the data on their way from x·W + b to {name}(x·W + b) ({pct}% of the way). The network’s accuracy: {acc}.', '网格和数据正从 x·W + b 变向 {name}(x·W + b)（已完成 {pct}%）。网络的准确率：{acc}。'],
    plotAria4: ['The grid and the data after {name}(x·W + b), the hidden layer’s output; dashed: the output unit’s decision line. The network’s accuracy: {acc}.', '经过 {name}(x·W + b) 之后的网格和数据，也就是隐藏层的输出；虚线是输出单元的决策线。网络的准确率：{acc}。'],
    plotAria4Straight: ['The grid and the data after {name}(x·W + b), the hidden layer’s output: still a grid of straight lines; dashed: the output unit’s decision line. The network’s accuracy: {acc}.', '经过 {name}(x·W + b) 之后的网格和数据，也就是隐藏层的输出：仍是由直线组成的网格；虚线是输出单元的决策线。网络的准确率：{acc}。'],
    actAria: ['Hidden layer activation', '隐藏层的激活函数'],
    morphAria: ['Morph: from x through x·W + b to f(x·W + b)', '变形：从 x 经过 x·W + b 到 f(x·W + b)'],
    morphValue0: ['x, the input', 'x，即输入'],
    morphValue1: ['{pct}% of the way from x to x·W + b', '从 x 到 x·W + b，已完成 {pct}%'],
    morphValue2: ['x·W + b', 'x·W + b'],
    morphValue3: ['{pct}% of the way from x·W + b to {name}(x·W + b)', '从 x·W + b 到 {name}(x·W + b)，已完成 {pct}%'],
    morphValue4: ['{name}(x·W + b)', '{name}(x·W + b)'],
    boxAria: ['The 2-2-1 network’s output on the input plane, with the data: accuracy {acc}, training loss {loss}.', '2-2-1 网络在输入平面上的输出和数据：准确率 {acc}，训练损失 {loss}。'],
    boxAriaStraight: ['The 2-2-1 network’s output on the input plane, with the data: with a {name} hidden layer its boundary is a straight line; accuracy {acc}, training loss {loss}.', '2-2-1 网络在输入平面上的输出和数据：隐藏层是 {name}，所以边界是一条直线；准确率 {acc}，训练损失 {loss}。'],
    netTitle: ['The 2-2-1 network on the input plane', '2-2-1 网络在输入平面上'],
    accuracy: ['accuracy', '准确率'],
    captionLinear: ['A {name} hidden layer: the grid stays straight, and the output unit sees a moved plane, so its boundary on the input plane is a straight line.', '{name} 隐藏层：网格保持笔直，输出单元看到的只是移动过的平面，所以它在输入平面上的边界是一条直线。'],
    captionNonlinear: ['{name} bends the grid; a straight line in the hidden plane is a curve on the input plane.', '{name} 把网格弯曲；隐藏平面中的一条直线，在输入平面上是一条曲线。'],
  }),
};
