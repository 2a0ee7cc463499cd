// Lesson "regression" (C5, C10): answer 2's three pictures, live. A linear network on linear data
// (fits), the same linear network on nonlinear data (can only find the best straight line, the
// engine's leastSquares(), drawn dashed), and a tanh-hidden, linear-output network on the same
// nonlinear data (fits). All three start from the same weights and train together.

import { bilingual } from './common.js';

// The view (create) is web/scenes/views/regression.js, which arrives after the first frame (web/later.js).
export default {
  id: 'regression',
  order: 5,
  embedFigures: ['.reg-plot', '.reg-panel .readout'],
  keys: {},
  controls: [],
  figures: ['epoch', 'losses', 'verdicts', 'leastSquares'],
  strings: bilingual({
    title: ['Three regressions', '三种回归'],
    text: ['A linear model fits linear data; on nonlinear data the same model can only find the best straight line (dashed: least squares); a tanh hidden layer with a linear output fits the curve: a linear output layer is fine once the hidden layers are nonlinear.', '线性模型能拟合线性数据；面对非线性数据，同一个模型只能找到最好的那条直线（虚线：最小二乘）；tanh 隐藏层加线性输出层则能拟合曲线：只要隐藏层是非线性的，输出层用线性激活没有问题。'],
    linearOnLinear: ['Linear network, linear data', '线性网络，线性数据'],
    linearOnNonlinear: ['Linear network, nonlinear data', '线性网络，非线性数据'],
    tanhOnNonlinear: ['tanh hidden layer, nonlinear data', 'tanh 隐藏层，非线性数据'],
    verdict_untrained: ['Not trained yet: press play.', '还没有训练：点击播放。'],
    verdict_fitsLine: ['Fits: loss {loss}, at the least-squares line ({ls}), and the data is a line (plus noise).', '拟合成功：损失 {loss}，已达到最小二乘直线的水平（{ls}），而数据本来就是一条直线（加上噪声）。'],
    verdict_atLine: ['Stuck at the best straight line: loss {loss}, the least-squares {ls}. Every linear network is a straight line; none can go lower.', '停在最好的直线上：损失 {loss}，最小二乘为 {ls}。任何线性网络都是一条直线，不可能更低。'],
    verdict_towardLine: ['Loss {loss}, still falling toward the least-squares line ({ls}), which no linear network can pass.', '损失 {loss}，还在向最小二乘直线（{ls}）靠近；任何线性网络都越不过它。'],
    verdict_belowLine: ['Below the best straight line: loss {loss}, {ratio} times lower than its {ls}. The tanh units bend, the linear output adds them up.', '已经低于最好的直线：损失 {loss}，只有最小二乘 {ls} 的 1/{ratio}。tanh 单元负责弯曲，线性输出层把它们加起来。'],
    verdict_notBelowLine: ['Loss {loss}: not yet below the best straight line ({ls}).', '损失 {loss}：还没有低于最好的直线（{ls}）。'],
    plotAriaLine: ['Panel {n}, {title}: the data and the network’s fit, a straight line, with the least-squares line dashed; training loss {loss}, least squares {ls}.', '图 {n}，{title}：数据点和网络的拟合，拟合结果是一条直线，虚线是最小二乘直线；训练损失 {loss}，最小二乘 {ls}。'],
    plotAriaBends: ['Panel {n}, {title}: the data and the network’s fit, a curve closer to the data than any straight line; training loss {loss}, the best straight line’s {ls}.', '图 {n}，{title}：数据点和网络的拟合曲线，比任何直线都更贴近数据；训练损失 {loss}，最好的直线的损失是 {ls}。'],
    plotAriaNotYet: ['Panel {n}, {title}: the data and the network’s fit; training loss {loss}, not yet below the best straight line ({ls}).', '图 {n}，{title}：数据点和网络的拟合；训练损失 {loss}，还没有低于最好的直线（{ls}）。'],
    legendData: ['data', '数据'],
    legendLinear: ['linear network', '线性网络'],
    legendTanh: ['tanh network', 'tanh 网络'],
    legendLs: ['least squares (best straight line)', '最小二乘（最好的直线）'],
    note: ['All three networks are 1-8-1 and start from the same weights. The best any linear model can reach on the sine is the least-squares loss {ls}.', '三个网络都是 1-8-1，从同一组权重开始。任何线性模型在正弦数据上能达到的最好结果是最小二乘损失 {ls}。'],
  }),
};
