// Lesson "step" (C6): a network of step units beside the same network of sigmoid units (the
// smooth step), same data, same initial weights, same training. The step function's derivative
// is 0 wherever it exists, so every gradient the engine computes for the step network is exactly
// 0 and its loss never moves; the sigmoid network learns.

import { bilingual } from './common.js';

// The view (create) is web/scenes/views/step.js, which arrives after the first frame (web/later.js).
export default {
  id: 'step',
  order: 6,
  embedFigures: ['.scene-step .output-box', '.grad-table'],
  keys: {},
  controls: [],
  figures: ['epoch', 'stepHiddenGradMax', 'sigmoidHiddenGradMax', 'stepOutputGradMax', 'sigmoidOutputGradMax', 'stepLoss', 'sigmoidLoss',
    'stepLossStart', 'sigmoidLossStart', 'stepAccuracy', 'sigmoidAccuracy'],
  strings: bilingual({
    title: ['A step network cannot be trained by backpropagation', '阶跃网络无法用反向传播训练'],
    text: ['The step is a squashing function, so a network of step units can represent curved boundaries (Hornik, Stinchcombe & White 1989): the trouble is training it. A small change of a weight changes no step’s output, so the derivative is 0 almost everywhere, and backpropagation gives every layer up to the last step layer a gradient of exactly 0. Here the output is a step too, so no layer learns. The sigmoid is a smooth step, differentiable everywhere: the same network, from the same weights, learns.', '阶跃函数是挤压函数，所以阶跃单元组成的网络能够表示弯曲的边界（Hornik、Stinchcombe 与 White，1989）；问题出在训练上。权重稍微变一点，任何阶跃单元的输出都不变，所以导数几乎处处为 0，反向传播传给最后一个阶跃层及其之前各层的梯度都恰好是 0。这里输出层也是阶跃函数，所以没有一层能学习。sigmoid 是平滑的阶跃函数，处处可导：同一个网络、同一组初始权重，换成 sigmoid 就能学会。'],
    net_step: ['Step network', '阶跃网络'],
    net_sigmoid: ['Sigmoid network', 'sigmoid 网络'],
    caption_step: ['Every unit is a step (hidden and output): no layer gets a gradient, and the picture never changes.', '每个单元都是阶跃函数（隐藏层和输出层都是）：哪一层都得不到梯度，画面始终不变。'],
    caption_sigmoid: ['Every unit is a sigmoid: the same shape, smoothed, and it learns.', '每个单元都是 sigmoid：形状一样，只是变平滑了，于是能够学习。'],
    boxAria: ['{name}: its output over the plane, with the data; test accuracy {acc}, training loss {loss}.', '{name}：在平面上的输出和数据；测试准确率 {acc}，训练损失 {loss}。'],
    boxAriaStill: ['{name}: its output over the plane, with the data, unchanged since epoch 0 (the loss has not moved, every gradient is exactly 0); test accuracy {acc}, training loss {loss}.', '{name}：在平面上的输出和数据，和第 0 轮时一模一样（损失没有变化，梯度全都恰好为 0）；测试准确率 {acc}，训练损失 {loss}。'],
    chartAria0: ['Training loss at epoch 0: step network {step}, sigmoid network {sigmoid}. Press play to draw its course.', '第 0 轮的训练损失：阶跃网络 {step}，sigmoid 网络 {sigmoid}。点击播放，就能画出它的变化。'],
    chartAria: ['Training loss from epoch 0 to {epoch}. {step} {sigmoid}', '第 0 轮到第 {epoch} 轮的训练损失。{step}{sigmoid}'],
    chartFlat: ['{name}: flat at {loss}.', '{name}：一直是 {loss}，纹丝不动。'],
    chartMoved: ['{name}: from {from} to {to}.', '{name}：从 {from} 变为 {to}。'],
    gradTitle: ['Gradients, from the engine, over the training set', '引擎在训练集上算出的梯度'],
    gradNote: ['The step’s derivative is 0 wherever it exists, so backpropagation multiplies every gradient below a step layer by 0: “exactly 0” is the engine’s number, not a rounding. (ReLU is not differentiable at 0 either, yet it trains: the engine uses 0 there, a subgradient, and the kink is a single point that the weighted sums almost never hit exactly; everywhere else its derivative is 0 or 1, not 0 everywhere.)', '阶跃函数在有导数的地方导数都是 0，反向传播把阶跃层以下的每个梯度都乘以 0：“恰好为 0”是引擎算出的数值，不是舍入误差。（ReLU 在 0 处同样不可导，却照样能训练：引擎在那一点取 0，这是一个次梯度；而且折点只是一个点，加权和几乎不会恰好落在上面；其余地方导数是 0 或 1，而不是处处为 0。）'],
    hiddenGrad: ['largest |∂L/∂w|, hidden layer', '隐藏层最大 |∂L/∂w|'],
    outputGrad: ['largest |∂L/∂w|, output layer', '输出层最大 |∂L/∂w|'],
    lossMoved: ['change of the loss since epoch 0', '损失相对第 0 轮的变化'],
    exactlyZero: ['exactly 0', '恰好为 0'],
  }),
};
