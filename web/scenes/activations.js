// Lesson "activations" (C2, C7, C15): every activation's f and f' on [-r, r] from the engine
// (engine.activationCurve), the selected one large with a small vector passed through it, as in
// the thread's tanh example, and f' checked against a finite difference of f.

import { key, number, activation } from '../keys.js';
import { bilingual } from './common.js';

// The view (create) is web/scenes/views/activations.js, which arrives after the first frame (web/later.js).
export default {
  id: 'activations',
  order: 2,
  embedFigures: ['.act-big', '.act-vector .table-scroll'],
  keys: {
    curve: key({ default: 'tanh', parse: activation, values: 'any engine activation', doc: 'the selected activation' }),
    curveRange: key({ default: 2, parse: number(0.5, 10), values: '0.5..10', doc: 'x from −r to r' }),
  },
  controls: [
    { key: 'curve', kind: 'custom', label: 'scenes.activations.gallery' },
    { key: 'curveRange', kind: 'range', label: 'scenes.activations.range' },
  ],
  figures: ['activation', 'range', 'input', 'output', 'derivative', 'ranges', 'derivativeError', 'linearity', 'stepDerivativeMax'],
  strings: bilingual({
    idleHint: ['Nothing trains in this lesson: pick an activation, change the range, try another vector.', '本课没有训练：选一个激活函数、改变范围、换一个向量试试。'],
    title: ['Activation functions', '激活函数'],
    text: ['An activation is applied to every unit’s weighted sum. Hornik, Stinchcombe & White (1989) call a function “squashing” when it is nondecreasing and runs from 0 at −∞ to 1 at +∞: the sigmoid (values in (0, 1)) and the step are; tanh, with limits −1 and 1, is not as written, but tanh(x) = 2σ(2x) − 1 is the sigmoid shifted and stretched (lesson “Squashing functions”). The step’s derivative is 0 wherever it exists. Solid: f; dashed: f′, both computed by the engine.', '激活函数作用在每个单元的加权和上。Hornik、Stinchcombe 与 White（1989）把单调不减、在 −∞ 处趋于 0、在 +∞ 处趋于 1 的函数叫作“挤压函数”：sigmoid（取值在 (0, 1) 内）和阶跃函数都符合；tanh 的极限是 −1 和 1，按这个定义并不算，但 tanh(x) = 2σ(2x) − 1 只是把 sigmoid 平移、拉伸了一下（见“挤压函数”一课）。阶跃函数在有导数的地方导数都为 0。实线是 f，虚线是 f′，都由引擎计算。'],
    gallery: ['Every activation', '全部激活函数'],
    selected: ['Selected activation', '选中的激活函数'],
    range: ['x from −r to r:', 'x 的范围 −r 到 r：'],
    vectorDots: ['the vector below', '下方的向量'],
    newVector: ['Random vector', '随机向量'],
    threadVector: ['The thread’s vector', '原帖中的向量'],
    vectorIntro: ['A vector passed through the activation element by element, as in the thread’s tanh example (x is the input, below it f(x) and f′(x)):', '把一个向量逐元素送入激活函数，如同原帖中的 tanh 例子（x 为输入，下面是 f(x) 和 f′(x)）：'],
    fOf: ['{name}(x)', '{name}(x)'],
    dOf: ['{name}′(x)', '{name}′(x)'],
    rangeLine: ['{math} On [−{r}, {r}] the engine’s float32 values run from {lo} to {hi}.', '{math}在 [−{r}, {r}] 上，引擎算出的 float32 值从 {lo} 到 {hi}。'],
    rangeLineSaturated: ['{math} On [−{r}, {r}] the engine’s float32 values run from {lo} to {hi}: the bound of the open range appears only because float32 rounds values this close to it (saturation); the function itself never reaches it.', '{math}在 [−{r}, {r}] 上，引擎算出的 float32 值从 {lo} 到 {hi}：开区间的端点之所以出现，只是因为 float32 把离端点这么近的值舍入成了端点（饱和），函数本身永远取不到它。'],
    mathRange_linear: ['Range: all real numbers.', '值域：全体实数。'],
    mathRange_affine: ['Range: all real numbers.', '值域：全体实数。'],
    mathRange_tanh: ['Range: the open interval (−1, 1); −1 and 1 are limits, never values.', '值域：开区间 (−1, 1)；−1 和 1 只是极限，取不到。'],
    mathRange_sigmoid: ['Range: the open interval (0, 1); 0 and 1 are limits, never values.', '值域：开区间 (0, 1)；0 和 1 只是极限，取不到。'],
    mathRange_relu: ['Range: [0, ∞).', '值域：[0, ∞)。'],
    mathRange_leaky_relu: ['Range: all real numbers.', '值域：全体实数。'],
    mathRange_softplus: ['Range: (0, ∞); 0 is a limit, never a value.', '值域：(0, ∞)；0 只是极限，取不到。'],
    mathRange_swish: ['Range: bounded below, unbounded above.', '值域：有下界，没有上界。'],
    mathRange_sine: ['Range: [−1, 1].', '值域：[−1, 1]。'],
    mathRange_step: ['Values: 0 and 1 only.', '取值：只有 0 和 1。'],
    linTitle: ['Is it linear? Linear means f(a + b) = f(a) + f(b) and f(k·a) = k·f(a) for every a, b, k', '它是线性的吗？线性是指对任意 a、b、k 都有 f(a + b) = f(a) + f(b) 和 f(k·a) = k·f(a)'],
    linYes: ['{name} passes both here, and for every a, b, k: it is linear, so layers using it collapse into one.', '{name} 在这里两条都成立，而且对任意 a、b、k 都成立：它是线性的，用它的各层会坍缩成一层。'],
    linAffine: ['{name} fails both, but only by the constant c: f(x) − f(0) is linear, so f is affine, and layers using it still collapse into one affine map.', '{name} 两条都不成立，但差的只是常数 c：f(x) − f(0) 是线性的，所以 f 是仿射函数，用它的各层照样坍缩成一个仿射映射。'],
    linNo: ['{name} fails at least one, so it is neither linear nor affine: this is what lets depth add something.', '{name} 至少有一条不成立，所以它既不是线性的也不是仿射的：正因为如此，加深网络才有意义。'],
    tileAria: ['{name} [{lo}, {hi}]: its values for x from −{r} to {r}', '{name} [{lo}, {hi}]：x 从 −{r} 到 {r} 时的取值范围'],
    bigAria: ['{name} for x from −{r} to {r}: the curve f (solid) runs from {lo} to {hi}, its derivative f′ (dashed) from {dlo} to {dhi}; the dots are the vector in the table.', '{name} 在 x 从 −{r} 到 {r} 上的图像：实线 f 从 {lo} 到 {hi}，虚线是导数 f′，从 {dlo} 到 {dhi}；圆点是表中的向量。'],
    tableAria: ['The vector through {name}: x, f(x) and f′(x)', '向量经过 {name}：x、f(x) 与 f′(x)'],
    linAria: ['Is {name} linear: the two identities with numbers', '{name} 是线性的吗：代入数值检验两个等式'],
    checkLine: ['f′ against the finite difference (f(x + h) − f(x − h)) / 2h, h = 0.01, away from x = 0: largest relative difference {err}.', 'f′ 与有限差分 (f(x + h) − f(x − h)) / 2h（h = 0.01，避开 x = 0）比较：最大相对误差 {err}。'],
  }),
};
