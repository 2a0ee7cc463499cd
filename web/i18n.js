// UI strings in English and Chinese (zh-CN). Elements carry data-i18n="key" (textContent) or
// data-i18n-title / data-i18n-aria (attributes); dynamic text calls t(). Every string is set as
// text, never as HTML. Parameters are {name} placeholders. Each lesson's strings live in its own
// module (web/scenes/<id>.js, `strings`) and are read here as t('scenes.<id>.<key>').

// The lessons' tables: web/scenes/index.js adds every lesson's strings (addLessonStrings) when it
// loads, so this module imports no lesson (they import t from here).
const COMMON = { en: { learningRate: 'learning rate {lr}' }, zh: { learningRate: '学习率 {lr}' } };
const lessonTables = { en: { common: COMMON.en }, zh: { common: COMMON.zh } };

/** Adds each lesson's { en, zh } strings under scenes.<id>. */
export function addLessonStrings(lessons) {
  for (const s of lessons) for (const lang of ['en', 'zh']) lessonTables[lang][s.id] = s.strings[lang];
}

const en = {
  title: 'Why does a neural network need a nonlinear activation?',
  loading: 'Loading the engine…',
  loadFailed: 'The engine failed to load: {msg}',
  play: 'Play', pause: 'Pause', step: 'Step', reset: 'Reset',
  playTitle: 'Train both networks (space)', stepTitle: 'Train one epoch', resetTitle: 'Restart both networks from the same initial weights',
  epoch: 'Epoch',
  titleEnd: '. ',
  speed: 'Speed', speedTitle: 'Epochs per frame while playing',
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
  activation: 'Activation',
  trainLoss: 'Training loss', testLoss: 'Test loss', trainAccuracy: 'Training accuracy', testAccuracy: 'Test accuracy',
  inputLayer: 'input', outputLayer: 'output',
  captionAffine: 'Affine activations f(z) = a·z + c are linear maps plus a shift: the network still collapses to one affine map y = W′x + b′, exactly like a linear one.',
  diagramAria: 'Network diagram: each neuron’s output as a small picture, weights as coloured lines',
  outputAria: 'The network’s output with the data points',
  lossOverTime: 'Loss over time', lossAxis: 'loss', epochAxis: 'epoch', train: 'training', test: 'test',
  footer: 'Runs in your browser (a C++ engine compiled to WebAssembly). The URL holds every setting: copy it to share this setup. Scripting: window.playground.',
  perf: '{fps} frames/s · {eps} epochs/s per network',
  perfScene: '{fps} frames/s',
  lessons: 'Lessons', lesson: 'Lesson', language: 'Language', share: 'Share',
  nextScene: 'Next: {name}', prevScene: 'Previous: {name}', nextSceneShort: 'Next lesson', prevSceneShort: 'Previous lesson',
  noticeSceneReset: 'The lesson restarted from its initial weights.',
  noticeUnknown: 'Ignored unknown setting “{key}”.',
  noticeInvalid: 'Ignored invalid value “{value}” for “{key}”.',
  noticeFeature: 'Ignored “{key}”: this page feeds only x₁ and x₂ to the networks.',
  noticeUnsupported: 'Ignored “{key}”: not supported here.',
  noticeMalformed: 'Ignored a malformed part of the address: “{key}”.',
  noticeComparison: 'This link sets one activation, {value}: network 2 uses it and network 1 stays linear, so you still see the comparison.',
  noticeGoal: 'Ignored the goal “{value}”: write it as net1.testAccuracy>=0.9 or scene.<figure><0.1.',
  goalMet: 'Goal met: {goal}',
  goals: 'Exercise', openFull: 'Open the full page', networkN: 'Network {n}',
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
  scenes: lessonTables.en,
};

const zh = {
  title: '为什么神经网络需要非线性激活函数？',
  loading: '正在加载引擎…',
  loadFailed: '引擎加载失败：{msg}',
  play: '运行', pause: '暂停', step: '单步', reset: '重置',
  playTitle: '同时训练两个网络（空格键）', stepTitle: '训练一个轮次', resetTitle: '两个网络从同一组初始权重重新开始',
  epoch: '轮次',
  titleEnd: '。',
  speed: '速度', speedTitle: '播放时每帧训练的轮数',
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
  activation: '激活函数',
  trainLoss: '训练损失', testLoss: '测试损失', trainAccuracy: '训练准确率', testAccuracy: '测试准确率',
  inputLayer: '输入', outputLayer: '输出',
  captionAffine: '仿射激活 f(z) = a·z + c 只是线性映射加平移：网络仍然坍缩为一个仿射映射 y = W′x + b′，和线性网络完全一样。',
  diagramAria: '网络结构图：每个神经元的输出画成小图，权重画成彩色连线',
  outputAria: '网络的输出与数据点',
  lossOverTime: '损失随时间的变化', lossAxis: '损失', epochAxis: '轮次', train: '训练', test: '测试',
  footer: '一切都在你的浏览器中运行：C++ 引擎编译为 WebAssembly。网址包含全部设置，复制即可分享同样的实验。脚本接口：window.playground。',
  perf: '每秒 {fps} 帧 · 每个网络每秒 {eps} 轮',
  perfScene: '每秒 {fps} 帧',
  lessons: '课程', lesson: '课程', language: '语言', share: '分享',
  nextScene: '下一课：{name}', prevScene: '上一课：{name}', nextSceneShort: '下一课', prevSceneShort: '上一课',
  noticeSceneReset: '本课已从初始权重重新开始。',
  noticeUnknown: '已忽略未知设置“{key}”。',
  noticeInvalid: '已忽略“{key}”的无效值“{value}”。',
  noticeFeature: '已忽略“{key}”：本页只把 x₁ 和 x₂ 输入网络。',
  noticeUnsupported: '已忽略“{key}”：此处不支持。',
  noticeMalformed: '已忽略网址中格式错误的部分：“{key}”。',
  noticeComparison: '这个链接只设定了一个激活函数 {value}：网络 2 使用它，网络 1 保持线性，这样仍能对比两者。',
  noticeGoal: '已忽略目标“{value}”：请写成 net1.testAccuracy>=0.9 或 scene.<指标><0.1 的形式。',
  goalMet: '目标达成：{goal}',
  goals: '练习', openFull: '打开完整页面', networkN: '网络 {n}',
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
  scenes: lessonTables.zh,
};

export const STRINGS = { en, zh };

let current = 'en';

export function setLang(lang) {
  current = lang in STRINGS ? lang : 'en';
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

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
