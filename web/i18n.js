// UI strings in English and Chinese (zh-CN). Elements carry data-i18n="key" (textContent) or
// data-i18n-title / data-i18n-aria (attributes); dynamic text calls t(). Every string is set as
// text, never as HTML. Parameters are {name} placeholders. The lessons' strings live in
// i18n-scenes.js (t('scenes.<id>.<key>')).

import { SCENE_STRINGS_EN, SCENE_STRINGS_ZH } from './i18n-scenes.js';

const en = {
  title: 'Why does a neural network need a nonlinear activation?',
  lede: 'Two networks with the same layers and the same initial weights learn the same data. Only the activation of their hidden layers differs.',
  loading: 'Loading the engine…',
  loadFailed: 'The engine failed to load: {msg}',
  play: 'Play', pause: 'Pause', step: 'Step', reset: 'Reset',
  playTitle: 'Train both networks (space)', stepTitle: 'Train one epoch', resetTitle: 'Restart both networks from the same initial weights',
  epoch: 'Epoch',
  hiddenLayers: 'Hidden layers',
  neurons: 'neurons',
  addLayer: 'Add a hidden layer', removeLayer: 'Remove the last hidden layer',
  addNeuron: 'Add a neuron to layer {n}', removeNeuron: 'Remove a neuron from layer {n}',
  data: 'Data', dataset: 'Dataset', noise: 'Noise', trainRatio: 'Training data', regenerate: 'New data',
  regenerateTitle: 'Draw a new dataset and new initial weights (new seed)',
  showTestData: 'Show test data', discretize: 'Discretize output',
  training: 'Training', learningRate: 'Learning rate', batchSize: 'Batch size', optimizer: 'Optimizer',
  regularization: 'Regularization', regularizationRate: 'Regularization rate', outputActivation: 'Output activation',
  auto: 'auto ({name})',
  network: 'Network {n}', activation: 'Activation',
  trainLoss: 'Training loss', testLoss: 'Test loss', trainAccuracy: 'Training accuracy', testAccuracy: 'Test accuracy',
  accuracyShort: 'test accuracy', lossShort: 'test loss',
  diverged: 'diverged: lower the learning rate',
  inputLayer: 'input', outputLayer: 'output',
  captionLinear: 'Only linear layers: the whole network is one affine map y = W′x + b′ (W′ = W₃W₂W₁). Its decision boundary stays a straight line, however many layers it has.',
  captionLinear1d: 'Only linear layers: the whole network is one affine map y = w′x + b′, so its fit is a straight line, however many layers it has.',
  captionAffine: 'Affine activations f(z) = a·z + c are linear maps plus a shift: the network still collapses to one affine map y = W′x + b′, exactly like a linear one.',
  captionLinearReg2d: 'Only linear layers: the whole network is one affine map y = W′x + b′, so its output over the plane is a tilted plane, however many layers it has.',
  captionNonlinearReg2d: '{name} bends the output of every hidden layer; stacked, the bends form a curved surface that can follow the data.',
  captionStep: 'The step function is flat almost everywhere: its derivative is 0, so backpropagation sends no signal into the hidden layers and their weights never move; only the output layer learns.',
  captionNoHidden: 'No hidden layer: the activation is not used, and both networks are the same single layer. Add a hidden layer to see the difference.',
  captionNonlinear: '{name} bends the output of every hidden layer; stacked, the bends form a curved decision boundary that can follow the data.',
  captionNonlinear1d: '{name} bends the output of every hidden layer; stacked, the bends form a curve that can follow the data.',
  captionRelu: 'ReLU is piecewise linear, yet not linear: each unit adds a kink, and enough kinks follow any shape.',
  diagramAria: 'Network diagram: each neuron’s output as a small picture, weights as coloured lines',
  outputAria: 'The network’s output with the data points',
  lossOverTime: 'Loss over time', lossAxis: 'loss', epochAxis: 'epoch', train: 'training', test: 'test',
  explainTitle: 'What you are seeing',
  explain1: 'Each small square is one neuron’s output over the input plane; lines are weights (blue positive, orange negative, thicker = larger).',
  explain1_1d: 'Each small square plots one neuron’s output against x; lines are weights (blue positive, orange negative, thicker = larger).',
  explain2: 'A linear layer computes Wx + b. Two of them compute W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂): again one linear layer. Depth adds nothing without a nonlinear activation.',
  explain3: 'Try: more hidden layers for the linear network (its boundary stays straight), ReLU or sigmoid instead of tanh, or the step activation (it cannot learn: zero gradient).',
  footer: 'Runs in your browser (a C++ engine compiled to WebAssembly). The URL holds every setting: copy it to share this setup. Scripting: window.playground.',
  perf: '{fps} frames/s · {eps} epochs/s per network',
  perfScene: '{fps} frames/s',
  idleHint: 'Nothing trains in this lesson: pick an activation, change the range, try another vector.',
  lessons: 'Lessons', lesson: 'Lesson',
  nextScene: 'Next: {name}', prevScene: 'Previous: {name}', nextSceneShort: 'Next lesson', prevSceneShort: 'Previous lesson',
  noticeSceneReset: 'The lesson restarted from its initial weights.',
  noticeResetData: 'New data: both networks restarted from the same new initial weights.',
  noticeResetNet: 'The architecture or an activation changed: both networks restarted from the same initial weights.',
  noticeReset: 'Both networks restarted from the same initial weights.',
  noticeUnknown: 'Ignored unknown setting “{key}”.',
  noticeInvalid: 'Ignored invalid value “{value}” for “{key}”.',
  noticeFeature: 'Ignored “{key}”: this page feeds only x₁ and x₂ to the networks.',
  noticeUnsupported: 'Ignored “{key}”: not supported here.',
  noticeMalformed: 'Ignored a malformed part of the address: “{key}”.',
  dismiss: 'Dismiss',
  multiclassOut: 'linear + softmax (3 classes)',
  groups: { classification: '2D classification', multiclass: '2D, three classes', regression2d: '2D regression', regression1d: '1D regression' },
  datasets: { circle: 'Circle', xor: 'XOR', gauss: 'Two Gaussians', spiral: 'Spiral', moons: 'Two moons',
    spiral3: 'Spiral (3 classes)', blobs3: 'Three blobs', plane: 'Plane', gauss_bumps: 'Gaussian bumps',
    sine: 'Sine', line: 'Line', parabola: 'Parabola', abs: 'Absolute value', step: 'Step', cubic: 'Cubic' },
  activations: { linear: 'linear', affine: 'affine (2z + 0.5)', tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU',
    leaky_relu: 'leaky ReLU', softplus: 'softplus', swish: 'swish', sine: 'sine', step: 'step' },
  optimizers: { sgd: 'SGD', momentum: 'momentum', adam: 'Adam' },
  regularizations: { none: 'none', L1: 'L1', L2: 'L2' },
  scenes: SCENE_STRINGS_EN,
};

const zh = {
  title: '为什么神经网络需要非线性激活函数？',
  lede: '两个网络层数相同、初始权重相同，学习同一份数据；唯一的区别是隐藏层的激活函数。',
  loading: '正在加载引擎…',
  loadFailed: '引擎加载失败：{msg}',
  play: '运行', pause: '暂停', step: '单步', reset: '重置',
  playTitle: '同时训练两个网络（空格键）', stepTitle: '训练一个轮次', resetTitle: '两个网络从同一组初始权重重新开始',
  epoch: '轮次',
  hiddenLayers: '隐藏层',
  neurons: '个神经元',
  addLayer: '增加一个隐藏层', removeLayer: '删除最后一个隐藏层',
  addNeuron: '第 {n} 层增加一个神经元', removeNeuron: '第 {n} 层减少一个神经元',
  data: '数据', dataset: '数据集', noise: '噪声', trainRatio: '训练数据比例', regenerate: '重新生成',
  regenerateTitle: '生成新的数据和新的初始权重（新的随机种子）',
  showTestData: '显示测试数据', discretize: '离散化输出',
  training: '训练', learningRate: '学习率', batchSize: '批大小', optimizer: '优化器',
  regularization: '正则化', regularizationRate: '正则化率', outputActivation: '输出层激活函数',
  auto: '自动（{name}）',
  network: '网络 {n}', activation: '激活函数',
  trainLoss: '训练损失', testLoss: '测试损失', trainAccuracy: '训练准确率', testAccuracy: '测试准确率',
  accuracyShort: '测试准确率', lossShort: '测试损失',
  diverged: '已发散：请降低学习率',
  inputLayer: '输入', outputLayer: '输出',
  captionLinear: '只有线性层：整个网络等于一个仿射映射 y = W′x + b′（W′ = W₃W₂W₁）。无论有多少层，决策边界始终是一条直线。',
  captionLinear1d: '只有线性层：整个网络等于一个仿射映射 y = w′x + b′，无论有多少层，拟合结果都是一条直线。',
  captionAffine: '仿射激活 f(z) = a·z + c 只是线性映射加平移：网络仍然坍缩为一个仿射映射 y = W′x + b′，和线性网络完全一样。',
  captionLinearReg2d: '只有线性层：整个网络等于一个仿射映射 y = W′x + b′，无论有多少层，它在平面上的输出都只是一个倾斜的平面。',
  captionNonlinearReg2d: '{name} 使每个隐藏层的输出弯曲；层层叠加后形成能够贴合数据的曲面。',
  captionStep: '阶跃函数几乎处处平坦，导数为 0：反向传播无法把信号传入隐藏层，隐藏层的权重永远不变，只有输出层在学习。',
  captionNoHidden: '没有隐藏层：激活函数用不上，两个网络是同一个单层网络。加一个隐藏层就能看到区别。',
  captionNonlinear: '{name} 使每个隐藏层的输出弯曲；层层叠加后形成弯曲的决策边界，能够贴合数据。',
  captionNonlinear1d: '{name} 使每个隐藏层的输出弯曲；层层叠加后形成能够贴合数据的曲线。',
  captionRelu: 'ReLU 是分段线性的，但它不是线性函数：每个单元带来一个折点，折点足够多就能逼近任意形状。',
  diagramAria: '网络结构图：每个神经元的输出画成小图，权重画成彩色连线',
  outputAria: '网络的输出与数据点',
  lossOverTime: '损失随时间的变化', lossAxis: '损失', epochAxis: '轮次', train: '训练', test: '测试',
  explainTitle: '你看到的是什么',
  explain1: '每个小方块是一个神经元在输入平面上的输出；连线是权重（蓝色为正，橙色为负，越粗绝对值越大）。',
  explain1_1d: '每个小方块画出一个神经元的输出随 x 的变化；连线是权重（蓝色为正，橙色为负，越粗绝对值越大）。',
  explain2: '线性层计算 Wx + b。两层叠加：W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂)，仍然只是一层线性层。没有非线性激活函数，加深网络毫无用处。',
  explain3: '试一试：给线性网络加更多隐藏层（边界仍是直线）；把 tanh 换成 ReLU 或 sigmoid；或选择阶跃函数（梯度为零，无法学习）。',
  footer: '一切都在你的浏览器中运行：C++ 引擎编译为 WebAssembly。网址包含全部设置，复制即可分享同样的实验。脚本接口：window.playground。',
  perf: '每秒 {fps} 帧 · 每个网络每秒 {eps} 轮',
  perfScene: '每秒 {fps} 帧',
  idleHint: '本课没有训练：选一个激活函数、改变范围、换一个向量试试。',
  lessons: '课程', lesson: '课程',
  nextScene: '下一课：{name}', prevScene: '上一课：{name}', nextSceneShort: '下一课', prevSceneShort: '上一课',
  noticeSceneReset: '本课已从初始权重重新开始。',
  noticeResetData: '数据已更新：两个网络从同一组新的初始权重重新开始。',
  noticeResetNet: '结构或激活函数已改变：两个网络从同一组初始权重重新开始。',
  noticeReset: '两个网络已从同一组初始权重重新开始。',
  noticeUnknown: '已忽略未知设置“{key}”。',
  noticeInvalid: '已忽略“{key}”的无效值“{value}”。',
  noticeFeature: '已忽略“{key}”：本页只把 x₁ 和 x₂ 输入网络。',
  noticeUnsupported: '已忽略“{key}”：此处不支持。',
  noticeMalformed: '已忽略网址中格式错误的部分：“{key}”。',
  dismiss: '关闭',
  multiclassOut: '线性 + softmax（三类）',
  groups: { classification: '二维分类', multiclass: '二维三分类', regression2d: '二维回归', regression1d: '一维回归' },
  datasets: { circle: '圆形', xor: '异或 (XOR)', gauss: '两个高斯团', spiral: '螺旋', moons: '双月形',
    spiral3: '螺旋（三类）', blobs3: '三个团簇', plane: '平面', gauss_bumps: '高斯起伏',
    sine: '正弦', line: '直线', parabola: '抛物线', abs: '绝对值', step: '阶跃', cubic: '三次曲线' },
  activations: { linear: '线性 linear', affine: '仿射 affine (2z + 0.5)', tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU',
    leaky_relu: 'leaky ReLU', softplus: 'softplus', swish: 'swish', sine: '正弦 sine', step: '阶跃 step' },
  optimizers: { sgd: 'SGD 随机梯度下降', momentum: '动量 momentum', adam: 'Adam' },
  regularizations: { none: '无', L1: 'L1', L2: 'L2' },
  scenes: SCENE_STRINGS_ZH,
};

export const STRINGS = { en, zh };

let current = 'en';

export function setLang(lang) {
  current = lang in STRINGS ? lang : 'en';
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function getLang() { return current; }

export function defaultLang(navigatorLanguage) {
  return typeof navigatorLanguage === 'string' && navigatorLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** t('key') or t('datasets.circle'), with {param} substitution. Falls back to English, then the key. */
export function t(key, params) {
  const look = (table) => key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), table);
  let s = look(STRINGS[current]);
  if (typeof s !== 'string') s = look(en);
  if (typeof s !== 'string') s = key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
  return s;
}

/** Re-labels every element under root that carries data-i18n / data-i18n-title / data-i18n-aria. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}
