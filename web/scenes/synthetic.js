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
  // the page's own strings for this lesson (the lesson picker, the lede, the controls' labels);
  // the view's are in web/scenes/views/synthetic.js
  strings: bilingual({
    title: ['Synthetic gradients (advanced)', '合成梯度（进阶）'],
    text: ['In Jaderberg et al. (2017) a layer is updated with a predicted gradient instead of waiting for backpropagation. Here the predictor is linear, with no hidden layer, as the thread notes: it learns to guess dl/dh from the first hidden layer’s output h; that layer trains on the guesses, the layers above by backpropagation. To see what the guesses are worth, a third copy never trains its first layer at all (grey, dashed): on a task this small it gets close to the others, so whether the predicted gradients help depends on how long you train. The line under the numbers says which it is now.', '在 Jaderberg 等人（2017）的方法中，某一层不必等待反向传播，而是用预测出来的梯度更新。这里的预测器是线性的、没有隐藏层，正如原帖所说：它根据第一隐藏层的输出 h 学着猜 dl/dh；第一隐藏层按猜出的梯度训练，上面各层照常用反向传播。为了看清这些猜测到底有多大用处，第三个副本干脆不训练第一层（灰色虚线）：在这么小的任务上，它和另外两个相差不远，所以预测梯度是否有帮助，要看训练了多久。数值下方那一行会说明当前的情况。'],
  }),
};
