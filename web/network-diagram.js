// The network diagram of one network: a column per layer, each neuron drawn as its own small
// heatmap over the input plane (2D data) or its own small curve (1D data), each weight as a curve
// whose colour is its sign (blue +, orange -) and whose width is its size; over it, one button per
// neuron and a keyboard proxy for the weights, so the reader can look into the network (hover or
// focus a neuron: the host shows its output large; tap or click: keep it shown) and read or edit
// any weight (hover: its value; click or tap: an editor that checks what is typed).
//
// Drawing: every pixel is written into one ImageData (the weight curves with their own
// anti-aliasing, then the tiles, bilinear from the thumbnail grid) and put once per frame; only
// the column labels and 1D curves go through the canvas. Stroking the 344 Bézier curves of a 6x8
// network through the canvas cost 1-1.5 ms of rasterising per diagram per frame in software
// rendering (headless Chromium; many laptops), plus the recording; this takes 0.6-0.7 ms in all.
//
// ---- Interface ------------------------------------------------------------------------------
//
//   const diagram = createDiagram(canvas, options);   // wraps the canvas (its parent keeps the slot)
//   diagram.draw(frame);                               // every frame, or whenever the network changed
//
// options (all optional):
//   name()            the network's name for accessible names ("Network 1"); default t('networkN', {n: 1})
//   onShow(node)      the neuron to show large changed: node = { layer, unit, input?, output, name,
//                     pinned, via, toggles }, or null for the network's output. layer 0 is the
//                     input column (unit = the index in frame.inputs, input = its name), layer
//                     sizes.length - 1 the output; name: its short name ("neuron 3 of layer 2");
//                     via: 'hover', 'focus' or 'pin', the first that applies (a tap or click pins
//                     and unpins, as Enter or Space do); toggles: clicking it toggles the input.
//   onEditWeight(w, value)
//                     the reader set weight w = { layer, out, in } (engine layout: layer l's W is
//                     (out, in) row-major; `in` indexes the network's inputs, i.e. the active
//                     input nodes) to `value`, a finite number already checked to be in
//                     [-WEIGHT_LIMIT, WEIGHT_LIMIT]. Without it, weights can be read, not edited.
//   onToggleInput(input)
//                     an input node was clicked, tapped or activated from the keyboard (as in
//                     TensorFlow Playground, this turns the feature on or off): input = its entry of
//                     frame.inputs. Without it, input nodes pin like neurons.
//
// frame:
//   data, task        the dataset (data.inputs, thumbGrid, thumbSize, domain) and the task (centre,
//                     half: how the output neuron's values map to colours)
//   sizes             the network's layer sizes [inputs, ...hidden, outputs]
//   layers            layerOutputs(data.thumbGrid): per layer after the input, (T*T, units) row-major
//   weights           getWeights(): per layer { W (out, in) row-major, b }
//   labels            the column headings, one per column
//   inputs            optional (2D data): the input column, N nodes with their own small heatmaps
//                     and their labels beside them, in one of two forms:
//     [{ name, label, on, values, offset, stride, scale, draw }, ...], one entry per node:
//       name    a stable id ('x', 'y', 'xSquared', ...)
//       label   what the node is called on screen and in its accessible name ('x₁²')
//       on      whether the networks are fed it: the nodes on, in this order, are the network's
//               inputs (sizes[0] of them, the columns of layer 0's W); a node off is drawn faded
//               and has no weights
//       values  its value at the thumbnail grid's point p is values[offset + p * stride] (default
//               offset 0, stride 1; p row-major like data.thumbGrid), drawn on the diverging scale
//               with `scale` as full colour (default 1); or instead of values
//       draw    draw(ctx, x, y, size): paints the tile itself (CSS px, ctx already scaled)
//     or { names, labels, on, values, scale, toggle } (the compare lesson's): names[j], labels[j],
//       on[j] as above, values (T*T, N) row-major, scale[j], and toggle(name) called on a click.
//                     A click, tap, Enter or Space on an input node calls the form's toggle(name),
//                     else options.onToggleInput(entry); without either it pins like a neuron. The
//                     node's target is its whole row, label included. Where the nodes are drawn is
//                     on the canvas, for tests and tools: data-input-nodes = JSON [{ name, on, x,
//                     y, size }], CSS px from its top-left corner. Without frame.inputs (and for 1D
//                     data) the input column is x₁ and x₂ (the thumbnail grid's own coordinates,
//                     scale data.domain), or x, unlabelled.
//
// Pointer: the canvas takes every pointer event (the buttons over it are for the keyboard and
// screen readers): a neuron is its tile (a 44 x 44 px square on a coarse pointer), a weight the
// curve nearest the pointer within 5 px (22 px by touch).
//
// Keyboard: the diagram is one tab stop. Arrow Up/Down move within a column (neurons, or the
// weights between two columns, ordered by source then destination), Arrow Right/Left follow the
// weights: from a neuron to its first outgoing (incoming) weight, from a weight to the neuron it
// leads to (comes from); Home/End: first/last of the column; Enter/Space: pin a neuron or open
// the weight's editor; Escape: close the editor, unpin.

import { cssSize } from './size.js';
import { canvasFont } from './scenes/basics.js';
import { fillDiverging, NEG, POS } from './colors.js';
import { t } from './i18n.js';

// Its strings, t('diagram.<key>'): names of its neurons and weights, the weight editor (they come
// with it: web/later-entry.js)
export const DIAGRAM_STRINGS = {
  group: ['{net}: neurons and weights', '{net}：神经元和权重'],
  scrolls: ['{net}: the diagram (scrolls sideways)', '{net}：网络结构图（可左右滚动）'],
  input: ['{net}, input {name}', '{net}，输入 {name}'],
  neuron: ['{net}, layer {l}, neuron {u}', '{net}，第 {l} 层，第 {u} 个神经元'],
  output: ['{net}, output neuron', '{net}，输出神经元'],
  outputN: ['{net}, output neuron {u}', '{net}，第 {u} 个输出神经元'],
  weight: ['{net}, weight from {from} to {to}', '{net}，从{from}到{to}的权重'],
  inputShort: ['input {name}', '输入 {name}'],
  neuronShort: ['neuron {u} of layer {l}', '第 {l} 层第 {u} 个神经元'],
  outputShort: ['the output neuron', '输出神经元'],
  outputShortN: ['output neuron {u}', '第 {u} 个输出神经元'],
  value: ['Weight {v}', '权重 {v}'],
  fromTo: ['from {from} to {to}', '从{from}到{to}'],
  weightFromTo: ['Weight from {from} to {to}', '从{from}到{to}的权重'],
  newValueFor: ['New value of {name}', '{name}：新的值'],
  editHint: ['Click to change it', '点击可以修改'],
  clickToPin: ['Click to keep it shown', '点击可以固定显示'],
  enterToPin: ['Enter keeps it shown', '按 Enter 键可以固定显示'],
  toggleHint: ['Click to turn this input on or off', '点击可以打开或关闭这个输入'],
  keysHint: ['Arrow keys: move · Enter: keep a neuron shown, or edit a weight · Esc: close', '方向键：移动 · Enter：固定显示神经元，或修改权重 · Esc：关闭'],
  newWeight: ['New value', '新的值'],
  set: ['Set', '确定'],
  cancel: ['Cancel', '取消'],
  prevWeight: ['Previous weight', '上一个权重'],
  nextWeight: ['Next weight', '下一个权重'],
  badWeight: ['Type a number from −{max} to {max}, such as 0.5 or −1.2. The weight has not changed.', '请输入 −{max} 到 {max} 之间的数，例如 0.5 或 −1.2。权重没有改变。'],
  showingNeuron: ['Showing the output of {name}', '这里显示的是{name}的输出'],
  showingInput: ['Showing {name}', '这里显示的是{name}'],
  pinnedHint: ['Click or tap it again for the network’s output', '再点一下它，就回到网络的输出'],
};

export const WEIGHT_LIMIT = 100;
const HIT = 44; // coarse pointer: a neuron's target, CSS px (its tile grows an invisible hit area)
const MINUS = '\u2212';

// ---- weight curves --------------------------------------------------------------------------
// A weight runs from (x0, y0) to (x1, y1) as the cubic Bézier with control points at the middle
// x, (xm, y0) and (xm, y1). Its x is then x0 + (x1 - x0) f(t), f(t) = 1.5t - 1.5t² + t³ (monotone),
// and its y is y0 + (y1 - y0) g(t), g(t) = 3t² - 2t³: so y = y0 + (y1 - y0) G(s) at horizontal
// fraction s, with one G for every curve. G and its slope are tabulated once.
const CURVE_N = 1024;
const CURVE_G = new Float32Array(CURVE_N + 1);
const CURVE_D = new Float32Array(CURVE_N + 1);
for (let i = 0; i <= CURVE_N; i++) {
  const s = i / CURVE_N;
  let u = s;
  for (let k = 0; k < 12; k++) u -= (1.5 * u - 1.5 * u * u + u * u * u - s) / (1.5 - 3 * u + 3 * u * u);
  u = Math.min(1, Math.max(0, u));
  CURVE_G[i] = 3 * u * u - 2 * u * u * u;
  CURVE_D[i] = (6 * u - 6 * u * u) / (1.5 - 3 * u + 3 * u * u);
}
/** y fraction of a weight curve at horizontal fraction s in [0, 1]. */
export function curveY(s) {
  const p = Math.min(1, Math.max(0, s)) * CURVE_N, i = Math.min(CURVE_N - 1, p | 0), f = p - i;
  return CURVE_G[i] + (CURVE_G[i + 1] - CURVE_G[i]) * f;
}
function curveSlope(s) {
  const p = Math.min(1, Math.max(0, s)) * CURVE_N, i = Math.min(CURVE_N - 1, p | 0), f = p - i;
  return CURVE_D[i] + (CURVE_D[i + 1] - CURVE_D[i]) * f;
}

// 255 / a in 16-bit fixed point, for turning premultiplied pixels back into straight alpha
const UNPREMUL = Uint32Array.from({ length: 256 }, (_, a) => (a ? Math.round((255 * 65536) / a) : 0));
const lineWidth = (w) => Math.min(7, 0.35 + Math.abs(w) * 1.6); // CSS px, as before
const LINE_ALPHA = [0.85, 0.8]; // negative, positive
const INK = [29, 31, 35];

/** A weight typed by the reader: a number in [-WEIGHT_LIMIT, WEIGHT_LIMIT], or null. */
export function parseWeight(text) {
  const s = String(text ?? '').trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48)) // full-width digits
    .replace(/[\u2212\uFF0D\uFE63\u2013]/g, '-').replace(/\uFF0B/g, '+')
    .replace(/[\uFF0E\u3002]/g, '.') // full-width point, the ideographic full stop of a Chinese keyboard
    .replace(/\s+/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) && Math.abs(v) <= WEIGHT_LIMIT ? v : null;
}

/** A weight for reading: three significant digits, a real minus sign. */
export function formatWeight(w) {
  if (!Number.isFinite(w)) return '—';
  const a = Math.abs(w);
  const s = a !== 0 && (a < 1e-3 || a >= 1e4) ? w.toExponential(2) : String(Number(w.toPrecision(3)));
  return s.replace(/^-/, MINUS);
}

const defaultInputs = (data) => (data.inputs === 1 ? [{ name: 'x', label: 'x', on: true }]
  : [{ name: 'x', label: 'x₁', on: true }, { name: 'y', label: 'x₂', on: true }]);

function el(tag, cls, attrs = {}) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const LABEL_FONT_ON = '600 9px system-ui, -apple-system, "Segoe UI", sans-serif';
const LABEL_FONT_OFF = '9px system-ui, -apple-system, "Segoe UI", sans-serif';
let L_COARSE = false; // the last layout was for a coarse pointer
const coarseQuery = typeof matchMedia === 'function' ? matchMedia('(pointer: coarse)') : null;

export function createDiagram(canvas, options = {}) {
  const { onShow, onEditWeight, onToggleInput } = options;
  const netName = options.name ?? (() => t('networkN', { n: 1 }));
  const ctx = canvas.getContext('2d');

  // ---- DOM: wrap the canvas; over it, the neurons' buttons and the weights' keyboard proxies
  // the wrapper takes the canvas's place and its class, so the page's rules for .diagram (size,
  // grid row, hidden in an embed) apply to both
  const wrap = el('div', `diagram-wrap ${canvas.className}`);
  const inner = el('div', 'dg-inner');
  const layer = el('div', 'dg-layer', { role: 'group' });
  const card = el('div', 'dg-card');
  card.hidden = true;
  if (canvas.dataset.net !== undefined) wrap.dataset.net = canvas.dataset.net;
  canvas.replaceWith(wrap);
  inner.append(canvas, layer, card);
  wrap.append(inner);
  // two proxies that take turns, so a screen reader announces every move between weights
  // (only the one in use is shown, so none is ever without its weight's name)
  const proxies = [0, 1].map(() => {
    const b = el('button', 'dg-weight', { type: 'button', tabindex: '-1' });
    b.hidden = true;
    layer.append(b);
    return b;
  });
  let proxyTurn = 0, proxyItem = null;

  // card: the value of what is hovered or focused, and the weight editor
  const cardTitle = el('div', 'dg-card-title');
  const cardText = el('div', 'dg-card-text');
  const cardHint = el('div', 'dg-card-hint');
  const form = el('form', 'dg-editor', { novalidate: '' });
  const inputId = `dg-input-${Math.random().toString(36).slice(2, 9)}`;
  const errorId = `${inputId}-error`;
  const editLabel = el('label', 'dg-edit-label', { for: inputId });
  const input = el('input', 'dg-edit-input', { id: inputId, type: 'text', inputmode: 'decimal', autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': errorId });
  const error = el('p', 'dg-error', { id: errorId, role: 'alert' });
  const prevBtn = el('button', 'dg-step', { type: 'button' });
  const nextBtn = el('button', 'dg-step', { type: 'button' });
  const setBtn = el('button', 'dg-set', { type: 'submit' });
  const cancelBtn = el('button', 'dg-cancel', { type: 'button' });
  prevBtn.textContent = '‹';
  nextBtn.textContent = '›';
  const actions = el('div', 'dg-edit-actions');
  actions.append(prevBtn, setBtn, cancelBtn, nextBtn);
  form.append(editLabel, input, error, actions);
  form.hidden = true;
  card.append(cardTitle, cardText, cardHint, form);

  // ---- state
  let last = null;        // the last frame drawn
  let L = null;           // the layout of the last frame
  let nodes = [];         // per column, per unit: { button, col, unit }
  let domKey = '';        // what the buttons were built for
  let placeKey = '', pressedKey = '';
  let langKey = '';
  let hover = null;       // { kind: 'node' | 'weight', ... } under a mouse or pen
  let focused = null;     // the keyboard's item (roving), also when the focus is elsewhere
  let keyboard = false;   // the focus is in the diagram and came from the keyboard
  let pinned = null;      // a node kept shown (tap, click, Enter)
  let editing = null;     // the weight being edited
  let editFromKeyboard = false;
  let shownKey = 'null';

  // ---- layout (CSS px)
  function fit() {
    const dpr = window.devicePixelRatio || 1;
    const { w: cw, h: ch } = cssSize(canvas);
    const w = Math.max(1, Math.round(cw * dpr)), h = Math.max(1, Math.round(ch * dpr));
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    return { cw, ch, dpr, w, h };
  }

  // Tiles never overlap: a tile is at most 0.6 of the column pitch wide and 0.8 of the row pitch
  // tall, however many layers and neurons there are.
  function layout(counts, cw, ch, left = 0) {
    const top = 16, bottom = 4, side = 4, cols = counts.length;
    const maxUnits = Math.max(...counts);
    const colGap = (cw - 2 * side - left) / cols;
    const rowRoom = (ch - top - bottom) / maxUnits;
    const S = Math.max(2, Math.min(34, colGap * 0.6, rowRoom * 0.8));
    // coarse pointer: rows a target (and a margin) apart; diagram.css makes the room
    const coarse = coarseQuery?.matches ?? false;
    const pitch = Math.min(Math.max(S * 1.32, coarse ? HIT + 2 : 0), rowRoom);
    L_COARSE = coarse;
    const mid = top + (ch - top - bottom) / 2;
    return {
      S, top, colGap, pitch, left,
      cols: counts.map((m, l) => ({ x: side + left + colGap * (l + 0.5), ys: Array.from({ length: m }, (_, k) => mid + (k - (m - 1) / 2) * pitch) })),
    };
  }

  // ---- the model of the diagram: columns of nodes, gaps of weights
  // frame.inputs in either form, as [{ name, label, on, values, offset, stride, scale, draw }];
  // `labelled`: the labels are written beside the nodes (the defaults x₁, x₂ are not)
  function inputsOf(frame) {
    const i = frame.inputs;
    if (!i || frame.data.inputs === 1) return { list: defaultInputs(frame.data), labelled: false, toggle: null };
    if (Array.isArray(i)) return { list: i, labelled: true, toggle: null };
    const n = i.names.length;
    const list = i.names.map((name, j) => ({ name, label: i.labels[j], on: !!i.on[j], values: i.values, offset: j, stride: n, scale: i.scale[j] || 1 }));
    return { list, labelled: true, toggle: i.toggle ?? null };
  }
  /** Turns input `entry` on or off: the frame's toggle(name), or the option onToggleInput(entry). */
  const toggleOf = () => (last?.toggle ? (entry) => last.toggle(entry.name) : onToggleInput ?? null);
  /** For each network input, its node in the input column. */
  function activeInputs(inputs) {
    const out = [];
    inputs.forEach((inp, k) => { if (inp.on !== false) out.push(k); });
    return out;
  }
  const columnCount = () => L.cols.length;
  const unitsIn = (col) => L.cols[col].ys.length;
  /** Weights of gap g (between columns g and g + 1), in keyboard order: by source, then destination. */
  function gapWeights(g) {
    const nin = last.sizes[g], nout = last.sizes[g + 1], list = [];
    for (let i = 0; i < nin; i++) for (let o = 0; o < nout; o++) list.push({ kind: 'weight', layer: g, out: o, in: i });
    return list;
  }
  const srcNode = (w) => (w.layer === 0 ? L.active[w.in] : w.in);
  const weightValue = (w) => last.weights[w.layer]?.W[w.out * last.sizes[w.layer] + w.in];
  const sameItem = (a, b) => !!a && !!b && a.kind === b.kind && (a.kind === 'node' ? a.col === b.col && a.unit === b.unit
    : a.layer === b.layer && a.out === b.out && a.in === b.in);

  // ---- names (en, zh)
  function nodeShort(col, unit) {
    const lastCol = columnCount() - 1;
    if (col === 0) return t('diagram.inputShort', { name: last.inputs[unit].label });
    if (col === lastCol) return unitsIn(col) === 1 ? t('diagram.outputShort') : t('diagram.outputShortN', { u: unit + 1 });
    return t('diagram.neuronShort', { l: col, u: unit + 1 });
  }
  function nodeName(col, unit) {
    const net = netName(), lastCol = columnCount() - 1;
    if (col === 0) return t('diagram.input', { net, name: last.inputs[unit].label });
    if (col === lastCol) return unitsIn(col) === 1 ? t('diagram.output', { net }) : t('diagram.outputN', { net, u: unit + 1 });
    return t('diagram.neuron', { net, l: col, u: unit + 1 });
  }
  const weightName = (w) => t('diagram.weight', { net: netName(), from: nodeShort(w.layer, srcNode(w)), to: nodeShort(w.layer + 1, w.out) });

  // ---- what the host shows large
  function nodeInfo(item) {
    if (!item || item.kind !== 'node') return null;
    const lastCol = columnCount() - 1;
    const info = { layer: item.col, unit: item.unit, output: item.col === lastCol, name: nodeShort(item.col, item.unit) };
    if (item.col === 0) info.input = last.inputs[item.unit].name;
    return info;
  }
  const shownItem = () => (hover?.kind === 'node' ? hover : null) ?? (keyboard && focused?.kind === 'node' ? focused : null) ?? pinned;
  function shownInfo() {
    const item = shownItem(), info = nodeInfo(item);
    if (info) {
      info.pinned = sameItem(item, pinned);
      info.via = hover?.kind === 'node' ? 'hover' : keyboard && focused?.kind === 'node' ? 'focus' : 'pin';
      info.toggles = info.layer === 0 && !!toggleOf();
    }
    return info;
  }
  function syncShown() {
    const info = shownInfo();
    const key = info ? `${info.layer}:${info.unit}:${info.pinned}:${info.via}:${info.name}` : 'null';
    if (key === shownKey) return;
    shownKey = key;
    onShow?.(info);
  }

  // ---- buttons: built when the columns change, moved when the layout changes
  function buildDom() {
    const key = L.cols.map((c) => c.ys.length).join();
    if (key !== domKey) {
      domKey = key;
      for (const col of nodes) for (const n of col) n.button.remove();
      nodes = L.cols.map((c, col) => c.ys.map((_, unit) => {
        const b = el('button', 'dg-node', { type: 'button', tabindex: '-1', 'data-col': String(col), 'data-unit': String(unit) });
        layer.insertBefore(b, proxies[0]);
        return { button: b, col, unit };
      }));
      // the state refers to units that may be gone
      hover = null; pinned = null;
      if (editing) { editing = null; form.hidden = true; card.hidden = true; }
      if (focused && !(focused.kind === 'node' ? focused.col < nodes.length && focused.unit < nodes[focused.col].length : false)) focused = null;
      if (!focused) focused = { kind: 'node', col: 0, unit: 0 };
      for (const p of proxies) p.hidden = true;
      proxyItem = null;
      langKey = ''; placeKey = ''; pressedKey = '';
      syncRoving();
      syncShown();
    }
    // the rest only when something changed (this runs every frame)
    const { S } = L;
    const lastCol = columnCount() - 1;
    const offs = last.inputs.map((i) => (i.on === false ? 0 : 1)).join('');
    const place = `${domKey}|${S}|${L.cw}|${L.ch}|${L.pitch}|${offs}`;
    if (place !== placeKey) {
      placeKey = place;
      // a button covers its tile; on a coarse pointer it is the 44 x 44 target around it (the
      // layout keeps those apart)
      const B = L_COARSE ? Math.max(S, HIT) : S;
      for (const col of nodes) for (const n of col) {
        const b = n.button, x = L.cols[n.col].x - B / 2, y = L.cols[n.col].ys[n.unit] - B / 2;
        const style = `left:${x.toFixed(1)}px;top:${y.toFixed(1)}px;width:${B.toFixed(1)}px;height:${B.toFixed(1)}px`;
        if (b.getAttribute('style') !== style) b.setAttribute('style', style);
        const off = n.col === 0 && last.inputs[n.unit]?.on === false;
        b.classList.toggle('is-off', off);
        b.classList.toggle('is-output', n.col === lastCol);
      }
      const cols = String(L.cols.length), rows = String(Math.max(...L.cols.map((c) => c.ys.length)));
      const left = `${L.left}px`;
      if (wrap.style.getPropertyValue('--dg-cols') !== cols) wrap.style.setProperty('--dg-cols', cols);
      if (wrap.style.getPropertyValue('--dg-rows') !== rows) wrap.style.setProperty('--dg-rows', rows);
      if (wrap.style.getPropertyValue('--dg-left') !== left) wrap.style.setProperty('--dg-left', left);
      // a diagram wider than its box (touch: 44 px targets) scrolls sideways: then it is a
      // focusable, named region with the page's scroll cue (as web/scenes/common.js scrollBox)
      const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls !== wrap.classList.contains('scrolls')) {
        wrap.classList.toggle('scrolls', scrolls);
        if (scrolls) { wrap.tabIndex = 0; wrap.setAttribute('role', 'region'); } else { wrap.removeAttribute('tabindex'); wrap.removeAttribute('role'); }
        langKey = '';
      }
    }
    const lang = `${document.documentElement.lang}|${netName()}|${last.inputs.map((i) => i.label).join('|')}`;
    if (lang !== langKey) {
      langKey = lang;
      for (const col of nodes) for (const n of col) n.button.setAttribute('aria-label', nodeName(n.col, n.unit));
      layer.setAttribute('aria-label', t('diagram.group', { net: netName() }));
      if (wrap.classList.contains('scrolls')) wrap.setAttribute('aria-label', t('diagram.scrolls', { net: netName() }));
      else wrap.removeAttribute('aria-label');
      editLabel.textContent = t('diagram.newWeight');
      setBtn.textContent = t('diagram.set');
      cancelBtn.textContent = t('diagram.cancel');
      prevBtn.setAttribute('aria-label', t('diagram.prevWeight'));
      nextBtn.setAttribute('aria-label', t('diagram.nextWeight'));
      prevBtn.title = t('diagram.prevWeight');
      nextBtn.title = t('diagram.nextWeight');
      if (proxyItem) proxies[proxyTurn].setAttribute('aria-label', weightName(proxyItem));
      syncShown(); // the shown node's name, in the new language
      if (editing) { const w = editing; editing = null; openEditor(w, editFromKeyboard); }
    }
    // aria-pressed: a neuron kept shown; an input node that toggles: whether it is fed
    const toggles = !!toggleOf();
    const pressed = `${domKey}|${pinned ? `${pinned.col}:${pinned.unit}` : ''}|${toggles ? offs : ''}`;
    if (pressed !== pressedKey) {
      pressedKey = pressed;
      for (const col of nodes) for (const n of col) {
        const pin = !!pinned && pinned.col === n.col && pinned.unit === n.unit;
        const p = n.col === 0 && toggles ? last.inputs[n.unit]?.on !== false : pin;
        if (n.button.getAttribute('aria-pressed') !== String(p)) n.button.setAttribute('aria-pressed', String(p));
        n.button.classList.toggle('is-pinned', pin);
      }
    }
  }

  const setText = (node, s) => { if (node.textContent !== s) node.textContent = s; };

  // ---- roving focus
  function itemElement(item) {
    if (!item) return null;
    if (item.kind === 'node') return nodes[item.col]?.[item.unit]?.button ?? null;
    return null;
  }
  function syncRoving() {
    for (const col of nodes) for (const n of col) n.button.tabIndex = -1;
    for (const p of proxies) p.tabIndex = -1;
    if (focused?.kind === 'weight') proxies[proxyTurn].tabIndex = 0;
    else itemElement(focused)?.setAttribute('tabindex', '0');
  }
  function placeProxy(p, w) {
    const pt = weightPoint(w, 0.5);
    p.style.left = `${(pt.x - 6).toFixed(1)}px`;
    p.style.top = `${(pt.y - 6).toFixed(1)}px`;
  }
  function focusItem(item) {
    focused = item;
    if (item.kind === 'weight') {
      if (!sameItem(item, proxyItem) || proxies[proxyTurn].hidden) proxyTurn = 1 - proxyTurn;
      const p = proxies[proxyTurn], other = proxies[1 - proxyTurn];
      proxyItem = { ...item };
      p.setAttribute('aria-label', weightName(item));
      p.setAttribute('aria-description', t('diagram.value', { v: formatWeight(weightValue(item)) }));
      placeProxy(p, item);
      p.hidden = false;
      syncRoving();
      p.focus();
      other.hidden = true;
    } else {
      syncRoving();
      itemElement(item)?.focus();
      for (const p of proxies) p.hidden = true;
      proxyItem = null;
    }
    keyboard = true;
    showCard(item, true);
    syncShown();
    redraw();
  }

  function move(key) {
    const f = focused;
    const lastCol = columnCount() - 1;
    if (f.kind === 'node') {
      const m = unitsIn(f.col);
      if (key === 'ArrowDown') return { ...f, unit: Math.min(m - 1, f.unit + 1) };
      if (key === 'ArrowUp') return { ...f, unit: Math.max(0, f.unit - 1) };
      if (key === 'Home') return { ...f, unit: 0 };
      if (key === 'End') return { ...f, unit: m - 1 };
      if (key === 'ArrowRight' && f.col < lastCol) {
        if (f.col === 0) {
          const i = L.active.indexOf(f.unit);
          if (i < 0) return { kind: 'node', col: 1, unit: 0 };
          return { kind: 'weight', layer: 0, out: 0, in: i };
        }
        return { kind: 'weight', layer: f.col, out: 0, in: f.unit };
      }
      if (key === 'ArrowLeft' && f.col > 0) return { kind: 'weight', layer: f.col - 1, out: f.unit, in: 0 };
      return f;
    }
    const list = gapWeights(f.layer), i = list.findIndex((w) => sameItem(w, f));
    if (key === 'ArrowDown') return list[Math.min(list.length - 1, i + 1)];
    if (key === 'ArrowUp') return list[Math.max(0, i - 1)];
    if (key === 'Home') return list[0];
    if (key === 'End') return list[list.length - 1];
    if (key === 'ArrowRight') return { kind: 'node', col: f.layer + 1, unit: f.out };
    if (key === 'ArrowLeft') return { kind: 'node', col: f.layer, unit: srcNode(f) };
    return f;
  }

  layer.addEventListener('keydown', (ev) => {
    if (!L || !last) return;
    if (['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(ev.key)) {
      ev.preventDefault();
      focusItem(move(ev.key));
    } else if (ev.key === 'Escape') {
      if (pinned) { pinned = null; buildDom(); syncShown(); ev.preventDefault(); }
    }
  });
  layer.addEventListener('focusin', (ev) => {
    const b = ev.target.closest('.dg-node');
    if (b && focused?.kind === 'node' && itemElement(focused) === b) { /* moved by the keyboard */ }
    else if (b) focused = { kind: 'node', col: Number(b.dataset.col), unit: Number(b.dataset.unit) };
    const fromKeyboard = ev.target.matches(':focus-visible');
    if (fromKeyboard && !keyboard) { keyboard = true; showCard(focused, true); syncShown(); redraw(); }
    syncRoving();
  });
  wrap.addEventListener('focusout', (ev) => {
    if (ev.relatedTarget && wrap.contains(ev.relatedTarget)) return;
    keyboard = false;
    // the focus left the diagram (Tab past the editor, say): the edit is given up
    if (editing && ev.relatedTarget) closeEditor(false);
    if (!editing) hideCard();
    syncShown();
    redraw();
  });

  // ---- pointer: the neurons are buttons; a weight is the curve nearest the pointer
  /** The weight nearest (x, y) within tol CSS px, or null. */
  function weightAt(x, y, tol) {
    if (!L || !last) return null;
    let best = null, bestD = tol;
    for (let g = 0; g + 1 < L.cols.length; g++) {
      const a = L.cols[g], b = L.cols[g + 1];
      const x0 = a.x + L.S / 2, x1 = b.x - L.S / 2;
      if (x < x0 || x > x1 || x1 <= x0) continue;
      const s = (x - x0) / (x1 - x0), G = curveY(s), D = curveSlope(s);
      const nin = last.sizes[g], nout = last.sizes[g + 1], W = last.weights[g]?.W;
      if (!W) continue;
      for (let i = 0; i < nin; i++) {
        const ya = a.ys[g === 0 ? L.active[i] : i];
        for (let o = 0; o < nout; o++) {
          const yb = b.ys[o];
          const slope = ((yb - ya) / (x1 - x0)) * D;
          const d = Math.abs(y - (ya + (yb - ya) * G)) / Math.sqrt(1 + slope * slope) - lineWidth(W[o * nin + i]) / 2;
          if (d < bestD) { bestD = d; best = { kind: 'weight', layer: g, out: o, in: i }; }
        }
      }
    }
    return best;
  }
  /** A point on weight w's curve at horizontal fraction s, CSS px. */
  function weightPoint(w, s) {
    const a = L.cols[w.layer], b = L.cols[w.layer + 1];
    const x0 = a.x + L.S / 2, x1 = b.x - L.S / 2, ya = a.ys[srcNode(w)], yb = b.ys[w.out];
    return { x: x0 + (x1 - x0) * s, y: ya + (yb - ya) * curveY(s) };
  }
  /**
   * The neuron at (x, y) CSS px: within its tile (and 2 px), or on a coarse pointer within the
   * 44 x 44 square around it; an input node of a labelled column also by its row, label included
   * (half the pitch up and down, from the left edge to its tile).
   */
  function nodeAt(x, y, coarse) {
    if (!L) return null;
    const half = coarse ? HIT / 2 : L.S / 2 + 2;
    for (let c = 0; c < L.cols.length; c++) {
      const col = L.cols[c];
      if (c === 0 && last.labelled) {
        const rowHalf = Math.max(L.S / 2 + 1, L.pitch / 2);
        for (let u = 0; u < col.ys.length; u++) {
          if (x >= 0 && x <= col.x + Math.max(half, L.S / 2 + 2) && Math.abs(y - col.ys[u]) <= rowHalf) return { kind: 'node', col: 0, unit: u };
        }
        continue;
      }
      if (Math.abs(x - col.x) > half) continue;
      for (let u = 0; u < col.ys.length; u++) if (Math.abs(y - col.ys[u]) <= half) return { kind: 'node', col: c, unit: u };
    }
    return null;
  }
  const isCoarse = (ev) => ev.pointerType === 'touch' || ev.pointerType === 'pen' && coarseQuery?.matches || (!ev.pointerType && coarseQuery?.matches);
  const canvasPoint = (ev) => {
    const r = canvas.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  };
  function setHover(item) {
    hover = item;
    for (const col of nodes) for (const n of col) n.button.classList.toggle('is-hover', !!item && item.kind === 'node' && item.col === n.col && item.unit === n.unit);
    canvas.style.cursor = item ? 'pointer' : '';
  }

  // The pointer acts on the canvas (the buttons above it are for the keyboard and screen readers
  // and let the pointer through): hover shows, a click or tap pins a neuron or edits a weight.
  canvas.addEventListener('pointermove', (ev) => {
    if (ev.pointerType === 'touch' || editing || !L) return;
    const p = canvasPoint(ev);
    const item = nodeAt(p.x, p.y, false) ?? weightAt(p.x, p.y, 5);
    if (sameItem(item, hover)) { if (item?.kind === 'weight') placeCard(p.x, p.y); return; }
    setHover(item);
    if (item?.kind === 'weight') { showCard(item, false); placeCard(p.x, p.y); } else if (keyboard && focused) showCard(focused, true); else hideCard();
    syncShown();
    redraw();
  });
  canvas.addEventListener('pointerleave', () => {
    if (!hover) return;
    setHover(null);
    if (!editing) { if (keyboard && focused) showCard(focused, true); else hideCard(); }
    syncShown();
    redraw();
  });
  canvas.addEventListener('click', (ev) => {
    if (!L || !last) return;
    const p = canvasPoint(ev), coarse = isCoarse(ev);
    const node = nodeAt(p.x, p.y, coarse);
    if (node) { activate(node, { keyboard: false }); return; }
    const w = weightAt(p.x, p.y, coarse ? HIT / 2 : 5);
    if (w) activate(w, { keyboard: false, at: p });
  });
  // Enter and Space on a focused button click it, as does a screen reader
  layer.addEventListener('click', (ev) => {
    if (!L || !last) return;
    const b = ev.target.closest?.('.dg-node');
    if (b) { activate({ kind: 'node', col: Number(b.dataset.col), unit: Number(b.dataset.unit) }, { keyboard: true }); return; }
    if (ev.target.closest?.('.dg-weight') && focused?.kind === 'weight') activate(focused, { keyboard: true });
  });

  function activate(item, { keyboard: kb, at } = {}) {
    if (!item) return;
    if (item.kind === 'node') {
      const toggle = item.col === 0 ? toggleOf() : null;
      if (toggle) { toggle(last.inputs[item.unit]); return; }
      pinned = sameItem(item, pinned) ? null : { ...item };
      buildDom();
      syncShown();
      if (!kb) { setHover(null); hideCard(); }
      return;
    }
    if (onEditWeight) openEditor(item, kb, at);
    else { showCard(item, kb); if (at) placeCard(at.x, at.y); }
  }

  // ---- the card
  function showCard(item, kb) {
    if (editing || !item || !L) return;
    card.hidden = false;
    form.hidden = true;
    if (item.kind === 'node') {
      setText(cardTitle, nodeShort(item.col, item.unit));
      cardText.hidden = true;
      setText(cardHint, kb ? t('diagram.keysHint') : '');
      const n = L.cols[item.col];
      placeCard(n.x, n.ys[item.unit] + (n.ys[item.unit] > L.ch / 2 ? -L.S / 2 : L.S / 2), { pointer: false });
    } else {
      setText(cardTitle, t('diagram.value', { v: formatWeight(weightValue(item)) }));
      cardText.hidden = false;
      setText(cardText, t('diagram.fromTo', { from: nodeShort(item.layer, srcNode(item)), to: nodeShort(item.layer + 1, item.out) }));
      setText(cardHint, kb ? t('diagram.keysHint') : onEditWeight ? t('diagram.editHint') : '');
      const p = weightPoint(item, 0.5);
      placeCard(p.x, p.y, { pointer: false });
    }
    cardHint.hidden = !cardHint.textContent;
    card.dataset.item = item.kind;
  }
  function hideCard() { card.hidden = true; }
  // Near the pointer (hover); or, for the keyboard and the editor, beside the item but on the
  // other side of the diagram's middle, so the weight or neuron stays in sight.
  // The card is position: fixed (a diagram that scrolls sideways would clip it): placed from the
  // item's point in the diagram, kept inside the window, and placed again when the page scrolls.
  let cardAt = null;
  function placeCard(x, y, { pointer = true } = {}) {
    cardAt = { x, y, pointer };
    const { ch } = L;
    const w = card.offsetWidth || 180, h = card.offsetHeight || 50;
    const r = inner.getBoundingClientRect(), vw = document.documentElement.clientWidth, vh = window.innerHeight;
    const X = r.left + x, Y = r.top + y;
    let left, top;
    if (pointer) {
      left = X + 14; top = Y + 12;
      if (left + w > vw - 8) left = X - w - 14;
      if (top + h > vh - 8) top = Y - h - 12;
    } else {
      left = X - w / 2;
      // on the far side of the diagram's middle, so the item stays in sight
      top = y > ch / 2 ? Y - h - 18 : Y + 18;
      if (top < 8) top = Y + 18;
      if (top + h > vh - 8) top = Math.max(8, Y - h - 18);
    }
    left = Math.max(8, Math.min(left, vw - 8 - w));
    card.style.left = `${left.toFixed(0)}px`;
    card.style.top = `${top.toFixed(0)}px`;
  }
  addEventListener('scroll', () => { if (!card.hidden && cardAt && L) placeCard(cardAt.x, cardAt.y, { pointer: cardAt.pointer }); }, { capture: true, passive: true });

  // ---- the editor
  function openEditor(w, kb, at) {
    editing = { ...w };
    editFromKeyboard = kb;
    hover = null;
    card.hidden = false;
    form.hidden = false;
    cardText.hidden = false;
    cardHint.hidden = true;
    card.dataset.item = 'editor';
    setText(cardTitle, t('diagram.weightFromTo', { from: nodeShort(w.layer, srcNode(w)), to: nodeShort(w.layer + 1, w.out) }));
    setText(cardText, t('diagram.value', { v: formatWeight(weightValue(w)) }));
    input.setAttribute('aria-label', t('diagram.newValueFor', { name: weightName(w) }));
    const v = weightValue(w);
    input.value = Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '';
    input.removeAttribute('aria-invalid');
    error.textContent = '';
    error.hidden = true;
    const p = at ?? weightPoint(w, 0.5);
    placeCard(p.x, p.y, { pointer: false });
    redraw();
    input.focus();
    input.select();
  }
  function closeEditor(restoreFocus = true) {
    if (!editing) return;
    const w = editing;
    editing = null;
    form.hidden = true;
    card.hidden = true;
    if (restoreFocus && editFromKeyboard) focusItem(w);
    redraw();
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!editing) return;
    const v = parseWeight(input.value);
    if (v === null) {
      error.textContent = t('diagram.badWeight', { max: WEIGHT_LIMIT });
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    onEditWeight?.({ layer: editing.layer, out: editing.out, in: editing.in }, v);
    closeEditor(true);
  });
  cancelBtn.addEventListener('click', () => closeEditor(true));
  const step = (d) => {
    if (!editing) return;
    const list = gapWeights(editing.layer), i = list.findIndex((w) => sameItem(w, editing));
    const next = list[Math.min(list.length - 1, Math.max(0, i + d))];
    const kb = editFromKeyboard;
    editing = null;
    openEditor(next, kb);
  };
  prevBtn.addEventListener('click', () => step(-1));
  nextBtn.addEventListener('click', () => step(1));
  form.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); ev.stopPropagation(); closeEditor(true); }
  });
  // a tap or click elsewhere closes the editor (and changes nothing)
  document.addEventListener('pointerdown', (ev) => { if (editing && !card.contains(ev.target)) closeEditor(false); }, true);

  // ---- drawing
  let img = null, px = null, words = null;
  const interp = new Map(); // tile size -> bilinear indices and weights
  let tileBuf = new Float32Array(0), thumbBuf = new Float32Array(0);
  let labelWidth = 0, labelWidthKey = '', inputNodesAttr = '';
  const textLayer = document.createElement('canvas');
  let textLayerKey = '';
  const BINS = 29; // line widths 0..7 px in quarter pixels
  const binStart = new Uint32Array(BINS + 1);
  let orderIdx = new Uint32Array(0), orderLayer = new Uint8Array(0), orderBin = new Uint8Array(0), sorted = new Uint32Array(0);

  function buffer(w, h) {
    if (!img || img.width !== w || img.height !== h) {
      img = ctx.createImageData(w, h);
      px = img.data;
      words = new Uint32Array(px.buffer);
    } else {
      words.fill(0);
    }
  }

  // The buffer holds premultiplied colour while the frame is drawn (blending is then one read, a
  // multiply-add per channel in 8-bit fixed point, one write); unpremultiply() turns it into
  // ImageData's straight alpha at the end. p: pixel index; a: opacity in [0, 1].
  function blend(p, r, g, b, a) {
    const w = words[p], s = (a * 256 + 0.5) | 0, k = 256 - s;
    words[p] = ((r * s + (w & 255) * k) >> 8) | (((g * s + ((w >>> 8) & 255) * k) >> 8) << 8)
      | (((b * s + ((w >>> 16) & 255) * k) >> 8) << 16) | (((255 * s + (w >>> 24) * k) >> 8) << 24);
  }
  function unpremultiply() {
    const n = words.length;
    for (let p = 0; p < n; p++) {
      const w = words[p], a = w >>> 24;
      if (a === 0 || a === 255) continue;
      const f = UNPREMUL[a];
      const r = ((w & 255) * f + 32768) >>> 16, g = (((w >>> 8) & 255) * f + 32768) >>> 16, b = (((w >>> 16) & 255) * f + 32768) >>> 16;
      words[p] = (r > 255 ? 255 : r) | ((g > 255 ? 255 : g) << 8) | ((b > 255 ? 255 : b) << 16) | (a << 24);
    }
  }

  // One weight curve from (X0, Y0) to (X1, Y1), device px, half width hw, one pixel column at a
  // time. Within a column the curve is taken as straight (through its heights at the column's
  // edges); a pixel's coverage is the overlap of the stroke's cross-section [d - hw, d + hw] with
  // the pixel's [-0.5, 0.5], d being the pixel centre's distance from the line (perpendicular):
  // a box filter across the stroke, exact for straight strokes. Rows fully inside share one
  // opacity. Work: the pixels the stroke touches, a few operations each.
  function rasterCurve(X0, Y0, X1, Y1, hw, rgb, alpha, W, H) {
    const dx = X1 - X0;
    if (!(dx > 0.5)) return;
    const dy = Y1 - Y0;
    const c0 = Math.max(0, Math.floor(X0)), c1 = Math.min(W - 1, Math.ceil(X1) - 1);
    const [r, g, b] = rgb;
    const scale = CURVE_N / dx;
    let xa = Math.max(c0, X0), ya = Y0 + dy * curveY((xa - X0) / dx);
    for (let c = c0; c <= c1; c++) {
      const xb = Math.min(c + 1, X1);
      const wc = xb - xa;
      if (wc <= 0) continue;
      const q = (xb - X0) * scale, qi = q >= CURVE_N ? CURVE_N - 1 : q | 0, qf = q - qi;
      const yb = Y0 + dy * (CURVE_G[qi] + (CURVE_G[qi + 1] - CURVE_G[qi]) * qf);
      const m = (yb - ya) / wc, yc = (ya + yb) / 2, len = Math.sqrt(1 + m * m), inv = 1 / len;
      const reach = (hw + 0.5) * len; // vertical reach of any coverage
      const r0 = Math.max(0, Math.floor(yc - reach)), r1 = Math.min(H - 1, Math.floor(yc + reach));
      const amax = alpha * (wc > 1 ? 1 : wc);
      // rows whose centre is within (hw - 0.5) of the line are fully covered
      const inner = hw > 0.5 ? (hw - 0.5) * len : -1;
      const iStart = Math.max(r0, Math.ceil(yc - inner - 0.5)), iEnd = Math.min(r1, Math.floor(yc + inner - 0.5));
      for (let row = r0; row <= r1; row++) {
        if (row === iStart && iStart <= iEnd) {
          const sa = (amax * 256 + 0.5) | 0, k = 256 - sa;
          const R = r * sa, G = g * sa, B = b * sa, A = 255 * sa;
          for (let p = iStart * W + c, end = iEnd * W + c; p <= end; p += W) {
            const w = words[p];
            words[p] = ((R + (w & 255) * k) >> 8) | (((G + ((w >>> 8) & 255) * k) >> 8) << 8)
              | (((B + ((w >>> 16) & 255) * k) >> 8) << 16) | (((A + (w >>> 24) * k) >> 8) << 24);
          }
          row = iEnd;
          continue;
        }
        const d = (row + 0.5 - yc) * inv;
        const lo = d - hw > -0.5 ? d - hw : -0.5, hi = d + hw < 0.5 ? d + hw : 0.5;
        const cov = hi - lo;
        if (cov <= 0.004) continue;
        // blend (premultiplied, 8-bit fixed point), inlined: this is the hot loop
        const p = row * W + c, w = words[p], sa = (amax * (cov > 1 ? 1 : cov) * 256 + 0.5) | 0, k = 256 - sa;
        words[p] = ((r * sa + (w & 255) * k) >> 8) | (((g * sa + ((w >>> 8) & 255) * k) >> 8) << 8)
          | (((b * sa + ((w >>> 16) & 255) * k) >> 8) << 16) | (((255 * sa + (w >>> 24) * k) >> 8) << 24);
      }
      xa = xb; ya = yb;
    }
  }

  function bilinear(T, n) {
    const key = `${T}:${n}`;
    let e = interp.get(key);
    if (!e) {
      const i0 = new Int32Array(n), i1 = new Int32Array(n), f = new Float32Array(n);
      for (let a = 0; a < n; a++) {
        const u = Math.min(T - 1, Math.max(0, ((a + 0.5) * T) / n - 0.5));
        i0[a] = Math.floor(u); i1[a] = Math.min(T - 1, i0[a] + 1); f[a] = u - i0[a];
      }
      e = { i0, i1, f };
      interp.set(key, e);
    }
    return e;
  }

  // A tile: T x T values (values[v0 + p * stride]) scaled to n x n device px at (X, Y).
  function rasterTile(values, v0, stride, T, X, Y, n, centre, half, W, H) {
    if (thumbBuf.length < T * T) thumbBuf = new Float32Array(T * T);
    for (let p = 0; p < T * T; p++) thumbBuf[p] = values[v0 + p * stride];
    if (tileBuf.length < n * n) tileBuf = new Float32Array(n * n);
    const { i0, i1, f } = bilinear(T, n);
    for (let b = 0; b < n; b++) {
      const ra = i0[b] * T, rb = i1[b] * T, fy = f[b];
      for (let a = 0; a < n; a++) {
        const v00 = thumbBuf[ra + i0[a]], v01 = thumbBuf[ra + i1[a]], v10 = thumbBuf[rb + i0[a]], v11 = thumbBuf[rb + i1[a]];
        const top = v00 + (v01 - v00) * f[a], bot = v10 + (v11 - v10) * f[a];
        tileBuf[b * n + a] = top + (bot - top) * fy;
      }
    }
    for (let b = 0; b < n; b++) {
      const y = Y + b;
      if (y < 0 || y >= H) continue;
      const xa = Math.max(0, X), xb = Math.min(W, X + n);
      if (xb <= xa) continue;
      fillDiverging(words, y * W + xa, 1, tileBuf, b * n + (xa - X), 1, xb - xa, centre, half);
    }
  }

  function fillRect(X, Y, w, h, rgb, alpha, W, H) {
    for (let y = Math.max(0, Y); y < Math.min(H, Y + h); y++) {
      for (let x = Math.max(0, X); x < Math.min(W, X + w); x++) blend(y * W + x, rgb[0], rgb[1], rgb[2], alpha);
    }
  }
  function frameRect(X, Y, n, t, rgb, alpha, W, H) {
    fillRect(X, Y, n, t, rgb, alpha, W, H);
    fillRect(X, Y + n - t, n, t, rgb, alpha, W, H);
    fillRect(X, Y + t, t, n - 2 * t, rgb, alpha, W, H);
    fillRect(X + n - t, Y + t, t, n - 2 * t, rgb, alpha, W, H);
  }

  function drawCurve1d(xs, vals, m, u, x0, y0, S) {
    let amp = 1;
    for (let p = 0; p < xs.length; p++) { const v = Math.abs(vals[p * m + u]); if (v > amp && v < 1e6) amp = v; }
    ctx.strokeStyle = 'rgba(0,0,0,0.12)';
    ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(x0, y0 + S / 2); ctx.lineTo(x0 + S, y0 + S / 2); ctx.stroke();
    ctx.strokeStyle = '#2b2f36';
    ctx.lineWidth = 1.4;
    ctx.beginPath();
    for (let p = 0; p < xs.length; p++) {
      const v = vals[p * m + u];
      const X = x0 + (p / (xs.length - 1)) * S, Y = y0 + S / 2 - (Number.isFinite(v) ? v / amp : 0) * (S / 2 - 1.5);
      if (p === 0) ctx.moveTo(X, Y); else ctx.lineTo(X, Y);
    }
    ctx.stroke();
  }

  function render() {
    const frame = last;
    const { data, layers, weights, labels, sizes, task, inputs } = frame;
    const { cw, ch, dpr, w: W, h: H } = fit();
    const counts = [inputs.length, ...sizes.slice(1)];
    // room on the left for the input labels (features), measured once per set of labels
    const labelKey = frame.labelled ? inputs.map((i) => i.label).join('\u0000') : '';
    if (labelKey !== labelWidthKey) {
      labelWidthKey = labelKey;
      ctx.font = LABEL_FONT_ON;
      labelWidth = labelKey ? Math.ceil(Math.max(...inputs.map((i) => ctx.measureText(i.label).width))) + 4 : 0;
    }
    L = layout(counts, cw, ch, labelWidth);
    L.cw = cw; L.ch = ch;
    L.active = activeInputs(inputs);
    buffer(W, H);
    const S = L.S;

    // weights, thin first so the large ones stay on top; the highlighted one last, outlined
    const hi = editing ?? (hover?.kind === 'weight' ? hover : null) ?? (keyboard && focused?.kind === 'weight' ? focused : null);
    // by width in quarter pixels (a counting sort: no comparisons, nothing allocated)
    let count = 0;
    weights.forEach(({ W: Wl }, l) => { if (Wl && Wl.length === sizes[l] * sizes[l + 1]) count += Wl.length; });
    if (orderIdx.length < count) { orderIdx = new Uint32Array(count); orderLayer = new Uint8Array(count); orderBin = new Uint8Array(count); sorted = new Uint32Array(count); }
    binStart.fill(0);
    let q = 0;
    weights.forEach(({ W: Wl }, l) => {
      if (!Wl || Wl.length !== sizes[l] * sizes[l + 1]) return;
      for (let j = 0; j < Wl.length; j++) {
        const bin = Math.min(BINS - 1, (lineWidth(Wl[j]) * 4) | 0) || 0;
        orderIdx[q] = j; orderLayer[q] = l; orderBin[q] = bin; binStart[bin + 1]++; q++;
      }
    });
    for (let k = 1; k <= BINS; k++) binStart[k] += binStart[k - 1];
    for (let j = 0; j < count; j++) sorted[binStart[orderBin[j]]++] = j;
    const curve = (l, o, i, wv, outline) => {
      const a = L.cols[l], b = L.cols[l + 1];
      const ya = a.ys[l === 0 ? L.active[i] : i], yb = b.ys[o];
      if (ya === undefined || yb === undefined) return;
      const X0 = (a.x + S / 2) * dpr, X1 = (b.x - S / 2) * dpr;
      if (outline) rasterCurve(X0, ya * dpr, X1, yb * dpr, (lineWidth(wv) / 2 + 1.6) * dpr, INK, 0.9, W, H);
      rasterCurve(X0, ya * dpr, X1, yb * dpr, (lineWidth(wv) / 2) * dpr, wv >= 0 ? POS : NEG, LINE_ALPHA[wv >= 0 ? 1 : 0], W, H);
    };
    for (let n = 0; n < count; n++) {
      const j = sorted[n], l = orderLayer[j], nin = sizes[l], k = orderIdx[j], wv = weights[l].W[k];
      if (Number.isFinite(wv)) curve(l, (k / nin) | 0, k % nin, wv, false);
    }
    if (hi && weights[hi.layer]) {
      const wv = weights[hi.layer].W[hi.out * sizes[hi.layer] + hi.in];
      if (Number.isFinite(wv)) curve(hi.layer, hi.out, hi.in, wv, true);
    }

    // tiles
    const n = Math.max(1, Math.round(S * dpr));
    const T = data.thumbSize, twoD = data.inputs !== 1;
    const border = Math.max(1, Math.round(dpr));
    const after = []; // what the canvas itself draws over the pixels
    L.cols.forEach((col, c) => {
      col.ys.forEach((y, u) => {
        const X = Math.round((col.x - S / 2) * dpr), Y = Math.round((y - S / 2) * dpr);
        if (c === 0) {
          const inp = inputs[u];
          if (inp.draw) after.push(() => inp.draw(ctx, col.x - S / 2, y - S / 2, S));
          else if (!twoD) { fillRect(X, Y, n, n, [251, 251, 252], 1, W, H); after.push(() => drawCurve1d(data.thumbGrid, data.thumbGrid, 1, 0, col.x - S / 2, y - S / 2, S)); }
          else if (inp.values) rasterTile(inp.values, inp.offset ?? 0, inp.stride ?? 1, T, X, Y, n, 0, inp.scale ?? 1, W, H);
          else rasterTile(data.thumbGrid, inp.name === 'y' ? 1 : 0, 2, T, X, Y, n, 0, data.domain, W, H);
          if (inp.on === false) fillRect(X, Y, n, n, [255, 255, 255], 0.62, W, H);
        } else {
          const vals = layers[c - 1], m = sizes[c];
          if (!vals) return;
          if (twoD) {
            const isOut = c === L.cols.length - 1 && m === 1;
            rasterTile(vals, u, m, T, X, Y, n, isOut ? task.centre : 0, isOut ? task.half : 1, W, H);
          } else {
            fillRect(X, Y, n, n, [251, 251, 252], 1, W, H);
            after.push(() => drawCurve1d(data.thumbGrid, vals, m, u, col.x - S / 2, y - S / 2, S));
          }
        }
        frameRect(X, Y, n, border, [0, 0, 0], 0.28, W, H);
      });
    });
    unpremultiply();
    ctx.putImageData(img, 0, 0);

    // the texts (column headings, input labels) change with the layout, the language or a
    // feature's state only: drawn into a canvas of their own then, copied every frame
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const textKey = [W, H, dpr, L.S, L.colGap, labelWidth, labels.join('|'), frame.labelled ? inputs.map((i) => `${i.label}${i.on !== false}`).join('|') : ''].join('/');
    if (textKey !== textLayerKey) {
      textLayerKey = textKey;
      if (textLayer.width !== W || textLayer.height !== H) { textLayer.width = W; textLayer.height = H; }
      const tx = textLayer.getContext('2d');
      tx.setTransform(1, 0, 0, 1, 0, 0);
      tx.clearRect(0, 0, W, H);
      tx.setTransform(dpr, 0, 0, dpr, 0, 0);
      // crowded columns: "input" / "output" would run into the layer sizes
      tx.font = canvasFont('600 10px');
      tx.textAlign = 'center';
      tx.textBaseline = 'alphabetic';
      tx.fillStyle = '#5f6670';
      L.cols.forEach((col, l) => {
        let label = labels[l] ?? '';
        if (tx.measureText(label).width > L.colGap - 4) label = l === 0 ? 'x' : l === L.cols.length - 1 ? 'ŷ' : label;
        tx.fillText(label, col.x, 11);
      });
      // the input features' labels: bold when the networks are fed it (both AA on the light paper)
      if (frame.labelled) {
        tx.textAlign = 'right';
        tx.textBaseline = 'middle';
        inputs.forEach((inp, u) => {
          const on = inp.on !== false;
          tx.font = on ? LABEL_FONT_ON : LABEL_FONT_OFF;
          tx.fillStyle = on ? '#1d1f23' : '#5f6670';
          tx.fillText(inp.label, L.cols[0].x - S / 2 - 3, L.cols[0].ys[u]);
        });
      }
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(textLayer, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    for (const f of after) f();
    // where the input nodes are, for tests and tools: JSON [{ name, on, x, y, size }], CSS px
    // from the canvas's top-left corner (labelled input columns only)
    const nodesAttr = frame.labelled ? JSON.stringify(inputs.map((inp, u) => ({ name: inp.name, on: inp.on !== false,
      x: +L.cols[0].x.toFixed(1), y: +L.cols[0].ys[u].toFixed(1), size: +S.toFixed(1) }))) : '';
    if (nodesAttr !== inputNodesAttr) {
      inputNodesAttr = nodesAttr;
      if (nodesAttr) canvas.dataset.inputNodes = nodesAttr; else delete canvas.dataset.inputNodes;
    }
    buildDom();
  }

  // (a focus or blur that a redraw itself causes, e.g. a focused button removed, draws nothing more)
  let rendering = false;
  function redraw() {
    if (!last || rendering) return;
    rendering = true;
    try { render(); } finally { rendering = false; }
  }

  return {
    /** The wrapper in the page (the canvas's old place). */
    node: wrap,
    draw(frame) {
      const inp = inputsOf(frame);
      last = { ...frame, inputs: inp.list, labelled: inp.labelled, toggle: inp.toggle };
      rendering = true;
      try { render(); } finally { rendering = false; }
      // the card follows the numbers while it is open (not the editor: the reader is typing)
      if (!card.hidden && !editing) {
        const item = hover ?? (keyboard ? focused : null);
        if (item?.kind === 'weight') setText(cardTitle, t('diagram.value', { v: formatWeight(weightValue(item)) }));
      }
    },
    /** The neuron shown large (or null), as onShow last said. */
    shown: () => (L && last ? shownInfo() : null),
    /** Unpins the pinned neuron (the host's "back to the output"). */
    unpin() { if (pinned) { pinned = null; buildDom(); syncShown(); } },
  };
}
