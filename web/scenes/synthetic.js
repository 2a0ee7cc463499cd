// Lesson "synthetic" (C11; Jaderberg et al., "Decoupled Neural Interfaces using Synthetic
// Gradients", 2017): a 1-16-16-1 tanh network whose first hidden layer is trained with a gradient
// *predicted* by a linear model of its own activations (no hidden layer), beside the same network
// trained by ordinary backpropagation. The engine's fitSynthetic() trains it, syntheticProbe()
// gives the true and predicted dl/dh for a few samples. The baseline that tells whether the
// predicted gradients do anything: the same network with its first layer frozen at its initial
// weights (the 16-16-1 layers above, from the same initial weights, trained by backpropagation on
// the first layer's fixed outputs).

import { bilingual } from './common.js';

// The view (create) is web/scenes/views/synthetic.js, which arrives after the first frame (web/later.js).
export default {
  id: 'synthetic',
  order: 11,
  embedFigures: ['.syn-fit', '.syn-main .readout.big'],
  keys: {},
  controls: [],
  figures: ['epoch', 'lossStart', 'loss', 'backpropLoss', 'frozenLoss', 'cosine', 'cosineMean50', 'cosineNegativeEpochs', 'modelError'],
  strings: bilingual({
    title: ['Synthetic gradients (advanced)', '合成梯度（进阶）'],
    text: ['In Jaderberg et al. (2017) a layer is updated with a predicted gradient instead of waiting for backpropagation. Here the predictor is linear, with no hidden layer, as the thread notes: it learns to guess dl/dh from the first hidden layer’s output h; that layer trains on the guesses, the layers above by backpropagation. To see what the guesses are worth, a third copy never trains its first layer at all (grey, dashed): on a task this small it gets close to the others, so whether the predicted gradients help depends on how long you train. The line under the numbers says which it is now.', '在 Jaderberg 等人（2017）的方法中，某一层不必等待反向传播，而是用预测出来的梯度更新。这里的预测器是线性的、没有隐藏层，正如原帖所说：它根据第一隐藏层的输出 h 学着猜 dl/dh；第一隐藏层按猜出的梯度训练，上面各层照常用反向传播。为了看清这些猜测到底有多大用处，第三个副本干脆不训练第一层（灰色虚线）：在这么小的任务上，它和另外两个相差不远，所以预测梯度是否有帮助，要看训练了多久。数值下方那一行会说明当前的情况。'],
    backprop: ['backpropagation', '反向传播'],
    synthetic: ['synthetic gradient (linear model)', '合成梯度（线性模型）'],
    fitTitle: ['A 1-16-16-1 tanh network fitting a sine', '1-16-16-1 tanh 网络拟合正弦'],
    loss: ['loss, synthetic gradients', '损失（合成梯度）'],
    lossStart: ['at epoch 0', '第 0 轮'],
    bpLoss: ['loss, backpropagation', '损失（反向传播）'],
    frozen: ['first layer frozen', '第一层冻结'],
    frozenLoss: ['loss, first layer frozen', '损失（第一层冻结）'],
    verdictStart: ['Press play: the three copies start from the same weights.', '点击播放：三个副本从同一组权重出发。'],
    verdictBetter: ['At epoch {epoch} the predicted gradients help: the loss is lower than with the first layer frozen.', '第 {epoch} 轮：预测梯度起了作用，损失比冻结第一层时低。'],
    verdictSame: ['At epoch {epoch} the predicted gradients do about as well as not training the first layer at all (within 10 %).', '第 {epoch} 轮：预测梯度的效果和完全不训练第一层差不多（相差不到 10%）。'],
    verdictWorse: ['At epoch {epoch} the predicted gradients do worse than not training the first layer at all.', '第 {epoch} 轮：用预测梯度训练，反而不如完全不训练第一层。'],
    fitAria0: ['A sine (dots) and the three copies’ fits at epoch 0, all the same network: loss {sg}.', '正弦数据（圆点）和三个副本在第 0 轮的拟合，三者还是同一个网络：损失 {sg}。'],
    fitAria: ['A sine (dots) and the three copies’ fits after {epoch} epochs: synthetic gradients loss {sg}, backpropagation {bp}, first layer frozen {fr}.', '正弦数据（圆点）和三个副本训练 {epoch} 轮后的拟合：合成梯度的损失 {sg}，反向传播 {bp}，第一层冻结 {fr}。'],
    chartAria0: ['Loss at epoch 0: {sg} for all three copies. Press play to draw its course.', '第 0 轮的损失：三个副本都是 {sg}。点击播放，就能画出它的变化。'],
    chartAria: ['Loss from epoch 0 to {epoch}: synthetic gradients from {start} to {sg}, backpropagation {bp}, first layer frozen {fr}.', '第 0 轮到第 {epoch} 轮的损失：合成梯度从 {start} 变为 {sg}，反向传播为 {bp}，第一层冻结为 {fr}。'],
    scatterAria0: ['True against predicted gradient at the first hidden layer, one dot per sample and unit ({samples} × {units}), before any training.', '第一隐藏层上的真实梯度与预测梯度，每个样本的每个单元一个点（{samples} × {units}），尚未训练。'],
    scatterAria: ['True against predicted gradient at the first hidden layer, one dot per sample and unit ({samples} × {units}), after {epoch} epochs; cosine between them in the last batch: {cos}.', '第一隐藏层上的真实梯度与预测梯度，每个样本的每个单元一个点（{samples} × {units}），已训练 {epoch} 轮；最后一批两者夹角的余弦：{cos}。'],
    gradTitle: ['True vs predicted gradient at the first hidden layer', '第一隐藏层上的真实梯度与预测梯度'],
    cosine: ['cosine between them (last batch)', '两者夹角的余弦（最后一批）'],
    cosStats: ['Mean over the last 50 epochs: {mean}; negative in {negative} of {epochs} epochs.', '最近 50 轮的平均值：{mean}；{epochs} 轮中有 {negative} 轮为负。'],
    truth: ['true dl/dh', '真实 dl/dh'],
    predicted: ['predicted', '预测值'],
    truthAxis: ['true', '真实'],
    predictedAxis: ['predicted', '预测'],
    note: ['Each dot is one sample and one unit of the first hidden layer (8 samples × 16 units); the strips show the same numbers as colours. Each axis and each strip has its own scale: the prediction is much smaller than the truth. The cosine between them swings from batch to batch and is often negative; only on average does the guess lean the same way as the true gradient. On a task this small the first layer matters little; the layers above, trained by true backpropagation, do most of the fitting.', '每个点是一个样本在第一隐藏层某个单元上的值（8 个样本 × 16 个单元）；色条用颜色显示同样的数值。两条坐标轴、两个色条各用各的刻度：预测值比真实值小得多。两者夹角的余弦每一批都在大幅摆动，经常是负的；只有平均起来，猜出的梯度才和真实梯度大致同向。在这么小的任务上，第一层的作用本来就不大，主要的拟合由上面那些用真实反向传播训练的层完成。'],
  }),
};
