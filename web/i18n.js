// UI strings in English and Chinese (zh-CN). Elements carry data-i18n="key" (textContent) or
// data-i18n-title / data-i18n-aria (attributes); dynamic text calls t(). Every string is set as
// text, never as HTML. Parameters are {name} placeholders. Each lesson's strings live in its own
// modules (web/scenes/<id>.js, `strings`: what the page shows of it before its view is loaded;
// web/scenes/views/<id>.js, `strings`: its view's) and are read here as t('scenes.<id>.<key>').

// The lessons' tables: web/scenes/index.js adds every lesson's strings (addLessonStrings) when it
// loads, so this module imports no lesson (they import t from here).
const COMMON = bilingual({ learningRate: ['learning rate {lr}', '学习率 {lr}'] });
const lessonTables = { en: { common: COMMON.en }, zh: { common: COMMON.zh } };

/** Adds more of the page's own strings, { en, zh } (groups that only the later script shows: web/later.js). */
export function addStrings(tables) {
  Object.assign(en, tables.en);
  Object.assign(zh, tables.zh);
}

/** Adds each lesson's { en, zh } strings under scenes.<id> (its declaration's, then its view's). */
export function addLessonStrings(lessons) {
  for (const s of lessons) for (const lang of ['en', 'zh']) lessonTables[lang][s.id] = { ...lessonTables[lang][s.id], ...s.strings[lang] };
}

// Each entry is [English, Chinese]; a nested table is a group of them (t('datasets.circle')).
const TABLE = {
  title: ['Why does a neural network need a nonlinear activation?', '为什么神经网络需要非线性激活函数？'],
  loading: ['Loading the engine…', '正在加载引擎…'],
  loadFailed: ['The engine failed to load: {msg}', '引擎加载失败：{msg}'],
  laterFailed: ['Part of the page failed to load: {msg}', '页面有一部分没能加载：{msg}'],
  play: ['Play', '运行'],
  pause: ['Pause', '暂停'],
  step: ['Step', '单步'],
  reset: ['Reset', '重置'],
  playTitle: ['Train both networks (space)', '同时训练两个网络（空格键）'],
  stepTitle: ['Train one epoch', '训练一个轮次'],
  resetTitle: ['Restart both networks from the same initial weights', '两个网络从同一组初始权重重新开始'],
  epoch: ['Epoch', '轮次'],
  settings: ['Settings', '设置'],
  announcePaused: ['Paused at epoch {epoch}.', '已暂停，当前第 {epoch} 轮。'],
  announcePlaying: ['Training.', '开始训练。'],
  titleEnd: ['. ', '。'],
  speed: ['Speed', '速度'],
  speedTitle: ['Epochs per frame while playing', '播放时每帧训练的轮数'],
  hiddenLayers: ['Hidden layers', '隐藏层'],
  neurons: ['neurons', '个神经元'],
  addLayer: ['Add a hidden layer', '增加一个隐藏层'],
  removeLayer: ['Remove the last hidden layer', '删除最后一个隐藏层'],
  addNeuron: ['Add a neuron to layer {n}', '第 {n} 层增加一个神经元'],
  removeNeuron: ['Remove a neuron from layer {n}', '第 {n} 层减少一个神经元'],
  data: ['Data', '数据'],
  dataset: ['Dataset', '数据集'],
  noise: ['Noise', '噪声'],
  trainRatio: ['Training data', '训练数据比例'],
  regenerate: ['New data', '重新生成'],
  regenerateTitle: ['Draw a new dataset and new initial weights (new seed)', '生成新的数据和新的初始权重（新的随机种子）'],
  showTestData: ['Show test data', '显示测试数据'],
  discretize: ['Discretize output', '离散化输出'],
  training: ['Training', '训练'],
  learningRate: ['Learning rate', '学习率'],
  batchSize: ['Batch size', '批大小'],
  optimizer: ['Optimizer', '优化器'],
  regularization: ['Regularization', '正则化'],
  regularizationRate: ['Regularization rate', '正则化率'],
  outputActivation: ['Output activation', '输出层激活函数'],
  auto: ['auto ({name})', '自动（{name}）'],
  activation: ['Activation', '激活函数'],
  trainLoss: ['Training loss', '训练损失'],
  testLoss: ['Test loss', '测试损失'],
  trainAccuracy: ['Training accuracy', '训练准确率'],
  testAccuracy: ['Test accuracy', '测试准确率'],
  inputLayer: ['input', '输入'],
  outputLayer: ['output', '输出'],
  captionAffine: ['Affine activations f(z) = a·z + c are a linear map plus a shift: before the output activation the network still collapses to one affine map x·W′ + b′, exactly like a linear one, and its boundary stays straight.', '仿射激活 f(z) = a·z + c 只是线性映射加一个平移：在输出激活之前，整个网络仍然坍缩为一个仿射映射 x·W′ + b′，和线性网络完全一样，决策边界依旧是直线。'],
  diagramAria: ['Network diagram: each neuron’s output as a small picture, weights as coloured lines', '网络结构图：每个神经元的输出画成小图，权重画成彩色连线'],
  outputAria: ['The network’s output with the data points', '网络的输出与数据点'],
  lossOverTime: ['Loss over time', '损失随时间的变化'],
  lossAxis: ['loss', '损失'],
  epochAxis: ['epoch', '轮次'],
  train: ['training', '训练'],
  test: ['test', '测试'],
  footer: ['Runs in your browser (a C++ engine compiled to WebAssembly). The URL holds every setting: copy it to share this setup. Scripting: window.playground.', '一切都在你的浏览器中运行：C++ 引擎编译为 WebAssembly。网址包含全部设置，复制即可分享同样的实验。脚本接口：window.playground。'],
  perf: ['{fps} frames/s · {eps} epochs/s per network', '每秒 {fps} 帧 · 每个网络每秒 {eps} 轮'],
  perfScene: ['{fps} frames/s', '每秒 {fps} 帧'],
  lessons: ['Lessons', '课程'],
  lesson: ['Lesson', '课程'],
  language: ['Language', '语言'],
  share: ['Share', '分享'],
  nextScene: ['Next: {name}', '下一课：{name}'],
  prevScene: ['Previous: {name}', '上一课：{name}'],
  nextSceneShort: ['Next lesson', '下一课'],
  prevSceneShort: ['Previous lesson', '上一课'],
  noticeSceneReset: ['The lesson restarted from its initial weights.', '本课已从初始权重重新开始。'],
  noticeUnknown: ['Ignored unknown setting “{key}”.', '已忽略未知设置“{key}”。'],
  noticeInvalid: ['Ignored invalid value “{value}” for “{key}”.', '已忽略“{key}”的无效值“{value}”。'],
  noticeInvalidDetail: ['Ignored “{key}” in the link: {detail}.', '已忽略链接中的“{key}”：{detail}。'],
  noticeFeature: ['Ignored “{key}” = {value}: at least one input feature must be on, so the default features x₁ and x₂ are used.', '已忽略“{key}” = {value}：至少要保留一个输入特征，因此仍使用默认的 x₁ 和 x₂。'],
  noticeUnsupported: ['Ignored “{key}”: not supported here.', '已忽略“{key}”：此处不支持。'],
  noticeMalformed: ['Ignored a malformed part of the address: “{key}”.', '已忽略网址中格式错误的部分：“{key}”。'],
  noticeComparison: ['This link sets one activation, {value}: network 2 uses it and network 1 stays linear, so you still see the comparison.', '这个链接只设定了一个激活函数 {value}：网络 2 使用它，网络 1 保持线性，这样仍能对比两者。'],
  noticeGoal: ['Ignored the goal “{value}”: write it as net1.testAccuracy>=0.9 or scene.<figure><0.1.', '已忽略目标“{value}”：请写成 net1.testAccuracy>=0.9 或 scene.<指标><0.1 的形式。'],
  goalMet: ['Goal met: {goal}', '目标达成：{goal}'],
  goals: ['Exercise', '练习'],
  openFull: ['Open the full page', '打开完整页面'],
  networkN: ['Network {n}', '网络 {n}'],
  dismiss: ['Dismiss', '关闭'],
  multiclassOut: ['linear + softmax (3 classes)', '线性 + softmax（三类）'],
  groups: {
    classification: ['2D classification', '二维分类'],
    multiclass: ['2D, three classes', '二维三分类'],
    regression2d: ['2D regression', '二维回归'],
    regression1d: ['1D regression', '一维回归'],
    own: ['Your data', '自己的数据'],
  },
  datasets: {
    circle: ['Circle', '圆形'],
    xor: ['XOR', '异或 (XOR)'],
    gauss: ['Two Gaussians', '两个高斯团'],
    spiral: ['Spiral', '螺旋'],
    moons: ['Two moons', '双月形'],
    spiral3: ['Spiral (3 classes)', '螺旋（三类）'],
    blobs3: ['Three blobs', '三个团簇'],
    plane: ['Plane', '平面'],
    gauss_bumps: ['Gaussian bumps', '高斯起伏'],
    sine: ['Sine', '正弦'],
    line: ['Line', '直线'],
    parabola: ['Parabola', '抛物线'],
    abs: ['Absolute value', '绝对值'],
    step: ['Step', '阶跃'],
    cubic: ['Cubic', '三次曲线'],
    own: ['Own data', '自己的数据'],
  },
  activations: {
    linear: ['linear', '线性 linear'],
    affine: ['affine (2z + 0.5)', '仿射 affine (2z + 0.5)'],
    tanh: ['tanh', 'tanh'],
    sigmoid: ['sigmoid', 'sigmoid'],
    relu: ['ReLU', 'ReLU'],
    leaky_relu: ['leaky ReLU', 'leaky ReLU'],
    softplus: ['softplus', 'softplus'],
    swish: ['swish', 'swish'],
    sine: ['sine', '正弦 sine'],
    step: ['step', '阶跃 step'],
  },
  optimizers: {
    sgd: ['SGD', 'SGD 随机梯度下降'],
    momentum: ['momentum', '动量 momentum'],
    adam: ['Adam', 'Adam'],
  },
  regularizations: {
    none: ['none', '无'],
    L1: ['L1', 'L1'],
    L2: ['L2', 'L2'],
  },
};

const { en, zh } = bilingual(TABLE);
en.scenes = lessonTables.en;
zh.scenes = lessonTables.zh;

export const STRINGS = { en, zh };

/**
 * { key: ['English', '中文'], group: { key: [...] } } -> { en, zh }: one table with the two
 * languages side by side, so neither can lack a key the other has.
 */
export function bilingual(table) {
  const en = {}, zh = {};
  for (const [k, v] of Object.entries(table)) {
    if (Array.isArray(v)) [en[k], zh[k]] = v;
    else [en[k], zh[k]] = Object.values(bilingual(v));
  }
  return { en, zh };
}

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
  // an unchanged text is not set again: each set invalidates the element's style and layout
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const s = t(el.dataset.i18n);
    if (el.textContent !== s) el.textContent = s;
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    const s = t(el.dataset.i18nTitle);
    if (el.title !== s) el.title = s;
  }
  for (const el of root.querySelectorAll('[data-i18n-aria]')) {
    const s = t(el.dataset.i18nAria);
    if (el.getAttribute('aria-label') !== s) el.setAttribute('aria-label', s);
  }
}
