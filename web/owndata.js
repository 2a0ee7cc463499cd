// The reader's own data in the compare lesson: an "Add points" mode on the two output plots
// (click to add a point of the chosen class or target, click a point to remove it; on touch, tap
// to add and long-press to remove; from the keyboard, arrow keys move a cursor and Enter adds or
// removes), CSV pasted, typed, dropped or opened (a bad file is refused whole, naming its first
// bad line), CSV download, undo and clear. The data itself is the state's `points` key (its URL
// form, web/points.js) with dataset=own; this module only edits it through env.set().
//
// Editing data on screen that is not yet own data (a built-in dataset) first copies that
// dataset's training points. Editing own data keeps both networks' weights (they go on training
// on the new points); a change of kind (two classes, a value over the plane, a curve) rebuilds them.

import { t } from './i18n.js';
import { OWN_KEY_TABLE, ownFirstRow } from './owndata-keys.js';
import { el, setText, MINUS } from './scenes/basics.js';
import { range1d } from './heatmap.js';
import { decodePoints, encodePoints, parseCsv, toCsv, quantisePoint, columnRange, KINDS, KIND_LETTERS, MAX_POINTS } from './points.js';

/**
 * The panel's strings, [English, Chinese], read as t('scenes.compare.own.<key>'): the page's own
 * (owndata-keys.js) and the rest, added when the later script registers (web/later-entry.js).
 */
export const OWN_TABLE = {
  ...OWN_KEY_TABLE,
  addPointsAria: ['Add points by clicking the plots', '点击图像添加数据点'],
  newClass: ['Class of new points', '新数据点的类别'],
  colourPos: [' (blue)', '（蓝色）'],
  colourNeg: [' (orange)', '（橙色）'],
  target: ['Target of new points', '新数据点的目标值'],
  targetIs: ['target {v}', '目标值 {v}'],
  hintClick: ['Click a plot to add a point; click a point to remove it (touch: tap to add, long-press to remove).', '点击图像添加一个点，点击已有的点将其删除（触屏：轻点添加，长按删除）。'],
  hintCurve: ['Click where the curve should pass (the height is the target); click a point to remove it (touch: long-press).', '在曲线应经过的地方点击（高度即目标值）；点击已有的点将其删除（触屏：长按）。'],
  hintKeys: ['Keyboard: Tab to a plot, move the cross with the arrow keys (Shift for bigger steps), Enter adds a point or removes the one under the cross.', '键盘操作：用 Tab 键选中一幅图，用方向键移动十字光标（按住 Shift 移动得更快），按回车键添加一个点，或删除光标下的点。'],
  plotLabel: ['Network {n}’s plot, adding points: arrow keys move the cross, Enter adds a point or removes the one under it, Escape stops adding', '网络 {n} 的图像，正在添加数据点：方向键移动十字光标，回车键添加或删除光标处的点，Esc 键停止添加'],
  tagClass: ['Adding {label}', '正在添加 {label}'],
  tagTarget: ['Adding target {v}', '正在添加目标值 {v}'],
  tagCurve: ['Adding points', '正在添加数据点'],
  tagKeys: ['Arrow keys move · Enter adds or removes', '方向键移动 · 回车键添加或删除'],
  count: ['{n} points, all used for training.', '共 {n} 个点，全部用于训练。'],
  countClasses: ['{n} points (+1: {pos}, −1: {neg}), all used for training.', '共 {n} 个点（+1 类 {pos} 个，−1 类 {neg} 个），全部用于训练。'],
  none: ['No points yet: click a plot to add one, or paste a CSV below.', '还没有数据点：点击图像添加，或在下方粘贴 CSV。'],
  builtIn: ['Editing starts from a copy of the {n} training points on screen.', '编辑时会先复制当前屏幕上的 {n} 个训练点。'],
  keepWeights: ['The networks keep their weights and go on learning from the changed data.', '两个网络保留各自的权重，接着从修改后的数据中学习。'],
  kind: ['Kind of data', '数据类型'],
  kinds: {
    c: ['two classes (x, y, label)', '两类点（x, y, 标签）'],
    r: ['a value over the plane (x, y, target)', '平面上的数值（x, y, 目标值）'],
    f: ['a curve (x, target)', '一条曲线（x, 目标值）'],
  },
  undo: ['Undo', '撤销'],
  undoAria: ['Undo the last change to the data', '撤销对数据的上一次修改'],
  clear: ['Clear', '清空'],
  clearAria: ['Clear: remove every point', '清空：删除所有数据点'],
  download: ['Download CSV', '下载 CSV'],
  downloadAria: ['Download the data on screen as a CSV file', '将屏幕上的数据下载为 CSV 文件'],
  paste: ['Points as CSV, one a line: x,y,label (label +1 or −1), x,y,target, or x,target', '以 CSV 格式输入数据点，每行一个：x,y,label（标签为 +1 或 −1）、x,y,target 或 x,target'],
  addText: ['Add these', '添加这些点'],
  addTextAria: ['Add these points from the box to the data', '添加这些点：把框中的数据点加入数据'],
  replaceText: ['Replace', '替换'],
  replaceTextAria: ['Replace the data with the points in the box', '用框中的数据点替换现有数据'],
  openFile: ['Open a file…', '打开文件…'],
  openFileAria: ['Open a file… (CSV; it replaces the data)', '打开文件…（CSV 文件，将替换现有数据）'],
  dropHint: ['Or drop a CSV file on a plot or here.', '也可以把 CSV 文件拖放到图像或此处。'],
  added: ['Added a point ({what}) at x = {x}, y = {y}. {count}', '在 x = {x}，y = {y} 处添加了一个点（{what}）。{count}'],
  addedCurve: ['Added a point at x = {x}, target {y}. {count}', '在 x = {x} 处添加了一个点，目标值 {y}。{count}'],
  removed: ['Removed the point at x = {x}, y = {y}. {count}', '删除了 x = {x}，y = {y} 处的点。{count}'],
  nPoints: ['{n} points.', '共 {n} 个点。'],
  copied: ['Your own data: a copy of the {n} training points of {name}, with your change. Editing it keeps the networks’ weights.', '已换成自己的数据：复制了“{name}”的 {n} 个训练点，并加上你的修改。之后的编辑不会重置网络的权重。'],
  copiedOut: ['({k} points outside the plane were left out.)', '（有 {k} 个点在平面之外，未复制。）'],
  loaded: ['Loaded {n} points.', '已载入 {n} 个点。'],
  appended: ['Added {n} points.', '添加了 {n} 个点。'],
  cleared: ['Removed every point.', '已删除所有数据点。'],
  undone: ['Undone.', '已撤销。'],
  bad: ['The CSV was not loaded, and nothing changed: {why}', 'CSV 没有载入，数据没有任何变化：{why}'],
  lineError: ['line {line}: {what}', '第 {line} 行：{what}'],
  errors: {
    empty: ['it holds no points', '其中没有数据点'],
    size: ['it is larger than {max}', '文件大于 {max}'],
    header: ['unknown column names “{text}” (write x,y,label or x,y,target or x,target)', '无法识别的列名“{text}”（请写 x,y,label、x,y,target 或 x,target）'],
    columns: ['{found} values, but a point here has {want}', '有 {found} 个值，但这里每个点应有 {want} 个值'],
    width: ['{found} values: a point has 2 (x,target) or 3 (x,y,label or x,y,target)', '有 {found} 个值：每个点应有 2 个值（x,target）或 3 个值（x,y,label 或 x,y,target）'],
    number: ['“{text}” is not a number (column {column})', '“{text}”不是数字（{column} 列）'],
    label: ['the label “{text}” must be +1 or −1', '标签“{text}”必须是 +1 或 −1'],
    range: ['{column} = {text} is outside {lo}..{hi}', '{column} = {text} 超出了 {lo} 到 {hi} 的范围'],
    count: ['more than {max} points', '数据点超过 {max} 个'],
    kindMismatch: ['these points are {got}, the data on screen is {want}: use “Replace”', '这些点是“{got}”，而屏幕上的数据是“{want}”：请改用“替换”'],
  },
  full: ['The data already has {max} points, the most it can hold.', '数据已经有 {max} 个点，不能再添加了。'],
  multiclass: ['Your own data has two classes (+1, −1) or a target value: choose a dataset of two classes or a regression dataset first, or “Own data”.', '自己的数据只能是两类（+1、−1）或目标值：请先选择一个两类数据集或回归数据集，或者选“自己的数据”。'],
};

const to = (k, p) => t(`scenes.compare.own.${k}`, p);
const num = (v) => String(Math.round(v * 1000) / 1000).replace(/^-/, MINUS);
const LONG_PRESS_MS = 550;
const UNDO_DEPTH = 50;

/** A CSV error ({ code, line, params }) in words. */
function csvError(e) {
  const params = { ...e.params };
  for (const k of ['lo', 'hi']) if (k in params) params[k] = num(params[k]);
  const what = to(`errors.${e.code}`, params);
  return e.line ? to('lineError', { line: e.line, what }) : what;
}

/**
 * The own-data panel and the plots' "Add points" mode. env: the lesson's env (set, state,
 * notify); data(): the dataset on screen (model.js's makeData form); since: the dataset the
 * lesson opened with, when the panel comes after it (a change to "Own data" in between is a
 * change, as if the panel had seen it).
 */
export function createOwnData(env, { data, since = null }) {
  let adding = false, cls = 1, target = 0.5;
  const undo = []; // { dataset, points } before each change
  const plots = []; // { box, layer, cursor, tag, index, role }
  let cursor = null; // the keyboard cross, in data coordinates { x, y }
  const uid = `own${Math.random().toString(36).slice(2, 8)}`;

  // --- DOM
  const { toggle, download: downloadButton, summary } = ownFirstRow();
  toggle.classList.add('own-toggle');
  toggle.setAttribute('aria-pressed', 'false');
  toggle.setAttribute('data-i18n-aria', 'scenes.compare.own.addPointsAria');
  downloadButton.classList.add('own-download');
  downloadButton.setAttribute('data-i18n-title', 'scenes.compare.own.download');
  downloadButton.setAttribute('data-i18n-aria', 'scenes.compare.own.downloadAria');
  // the class of new points: two pills, "+1" and "−1" with their colour's dot (and name, for
  // screen readers)
  const radio = (value, colourKey) => {
    const input = el('input', { type: 'radio', name: `${uid}-class`, value: String(value) });
    const node = el('label', { class: `own-radio own-class${value > 0 ? 'pos' : 'neg'}` }, input,
      el('span', { class: 'own-dot', 'aria-hidden': 'true' }), value > 0 ? '+1' : `${MINUS}1`,
      el('span', { class: 'visually-hidden', 'data-i18n': `scenes.compare.own.${colourKey}` }));
    return { input, node };
  };
  const pos = radio(1, 'colourPos'), neg = radio(-1, 'colourNeg');
  pos.input.checked = true;
  const classSet = el('fieldset', { class: 'own-classes' }, el('legend', { 'data-i18n': 'scenes.compare.own.newClass' }), pos.node, neg.node);
  const targetInput = el('input', { type: 'range', min: '-2', max: '2', step: '0.1', value: String(target), id: `${uid}-target` });
  const targetOut = el('output', { for: `${uid}-target` });
  const targetField = el('label', { class: 'field range own-target' }, el('span', {}, el('span', { 'data-i18n': 'scenes.compare.own.target' }), ' ', targetOut), targetInput);
  const hint = el('p', { class: 'own-hint', id: `${uid}-hint` });
  // for screen readers (the plots' description); a focused plot shows it on itself
  const keysHint = el('p', { class: 'visually-hidden', id: `${uid}-keys`, 'data-i18n': 'scenes.compare.own.hintKeys' });
  const status = el('p', { class: 'own-status' });
  const said = el('p', { class: 'own-said', role: 'status' }); // what the last edit did, announced
  const keepHint = el('p', { class: 'own-hint', 'data-i18n': 'scenes.compare.own.keepWeights' });
  const kindSelect = el('select', { id: `${uid}-kind` });
  const kindField = el('label', { class: 'field own-kind' }, el('span', { 'data-i18n': 'scenes.compare.own.kind' }), kindSelect);
  const undoButton = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.compare.own.undo', 'data-i18n-aria': 'scenes.compare.own.undoAria' });
  const clearButton = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.compare.own.clear', 'data-i18n-aria': 'scenes.compare.own.clearAria' });
  const textBox = el('textarea', { id: `${uid}-csv`, class: 'own-csv', rows: '4', spellcheck: 'false', autocomplete: 'off', placeholder: 'x,y,label\n1.5,-2,1\n-3,0.5,-1' });
  const addText = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.compare.own.addText', 'data-i18n-aria': 'scenes.compare.own.addTextAria' });
  const replaceText = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.compare.own.replaceText', 'data-i18n-aria': 'scenes.compare.own.replaceTextAria' });
  const fileInput = el('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', class: 'own-file', tabindex: '-1', 'aria-hidden': 'true' });
  const openButton = el('button', { type: 'button', class: 'text-button', 'data-i18n': 'scenes.compare.own.openFile', 'data-i18n-aria': 'scenes.compare.own.openFileAria' });
  const details = el('details', { class: 'own-details' },
    summary,
    el('label', { class: 'field own-paste', for: `${uid}-csv` }, el('span', { 'data-i18n': 'scenes.compare.own.paste' })), textBox,
    el('div', { class: 'own-row' }, addText, replaceText, openButton, fileInput),
    el('p', { class: 'own-hint', 'data-i18n': 'scenes.compare.own.dropHint' }));
  const addBox = el('div', { class: 'own-add', hidden: true }, classSet, targetField, hint, keysHint, keepHint);
  const node = el('div', { class: 'own', 'data-control': 'points' },
    // a heading for screen readers: on screen the tools' buttons say what they are
    el('h3', { class: 'own-title visually-hidden', 'data-i18n': 'scenes.compare.own.title' }),
    el('div', { class: 'own-row' }, toggle, undoButton, clearButton, downloadButton),
    addBox, kindField, status, said, details);

  // --- what is on screen, as rows of the own kinds (null: data own data cannot hold)
  function current() {
    const state = env.state();
    if (state.dataset === 'own') {
      const d = decodePoints(state.points || 'c.');
      return { kind: d.kind, rows: d.rows, own: true };
    }
    const dd = data();
    if (!dd || dd.outputs !== 1) return null;
    const kind = dd.inputs === 1 ? 'f' : dd.kind === 'classification' ? 'c' : 'r';
    const { x, y } = dd.train, m = dd.inputs;
    const rows = [];
    let out = 0;
    for (let i = 0; i < y.length; i++) {
      const row = [...Array.from(x.subarray(i * m, i * m + m)), y[i]];
      const inside = KINDS[kind].axes.every((a, j) => { const r = columnRange(kind, j); return !r || (row[j] >= r[0] && row[j] <= r[1]); });
      if (inside) rows.push(quantisePoint(kind, row)); else out++;
    }
    return { kind, rows, own: false, name: t(`datasets.${dd.name}`), outside: out };
  }

  /** Applies new rows (of `cur.kind`) as own data; says what happened. */
  function commit(cur, rows, message, { kind = cur.kind } = {}) {
    if (rows.length > MAX_POINTS) { env.notify(to('full', { max: MAX_POINTS }), { kind: 'warn' }); return false; }
    const state = env.state();
    const points = encodePoints({ kind, rows });
    if (state.dataset === 'own' && state.points === points) return false;
    undo.push({ dataset: state.dataset, points: state.points });
    if (undo.length > UNDO_DEPTH) undo.shift();
    env.set({ dataset: 'own', points });
    if (!cur.own) {
      const extra = cur.outside ? ` ${to('copiedOut', { k: cur.outside })}` : '';
      env.notify(`${to('copied', { n: cur.rows.length, name: cur.name })}${extra}`);
    }
    say(message);
    sync();
    return true;
  }

  const say = (text) => { if (text) setText(said, text); };
  const countText = (kind, rows) => {
    if (!rows.length) return to('none');
    if (kind !== 'c') return to('count', { n: rows.length });
    const p = rows.filter((r) => r[2] > 0).length;
    return to('countClasses', { n: rows.length, pos: p, neg: rows.length - p });
  };

  // --- plots: data <-> CSS pixels of a plot
  function mapping(box) {
    const dd = data();
    const r = box.getBoundingClientRect();
    const d = dd.domain;
    const toX = (x) => ((x + d) / (2 * d)) * r.width;
    const fromX = (px) => -d + (px / r.width) * 2 * d;
    if (dd.inputs === 1) {
      const [lo, hi] = range1d(dd);
      return { r, oneD: true, toX, fromX, toY: (y) => r.height - ((y - lo) / (hi - lo)) * r.height, fromY: (py) => lo + ((r.height - py) / r.height) * (hi - lo), lo, hi, d };
    }
    return { r, oneD: false, toX, fromX, toY: (y) => ((d - y) / (2 * d)) * r.height, fromY: (py) => d - (py / r.height) * 2 * d, d };
  }

  /** The index of the point nearest to (px, py) within `radius` CSS px, or -1. */
  function nearest(rows, m, px, py, radius) {
    let best = -1, bestD = radius * radius;
    rows.forEach((row, i) => {
      const dx = m.toX(row[0]) - px, dy = m.toY(row[1]) - py;
      const d2 = dx * dx + dy * dy;
      if (d2 <= bestD) { bestD = d2; best = i; }
    });
    return best;
  }

  function newRow(kind, x, y) {
    if (kind === 'c') return quantisePoint(kind, [x, y, cls]);
    if (kind === 'r') return quantisePoint(kind, [x, y, target]);
    const [lo, hi] = columnRange('f', 1);
    return quantisePoint(kind, [Math.max(-1, Math.min(1, x)), Math.max(lo, Math.min(hi, y))]);
  }

  function pointText(kind, row) {
    return kind === 'c' ? (row[2] > 0 ? '+1' : `${MINUS}1`) : to('targetIs', { v: num(row[2]) });
  }

  /** Adds a point at data coordinates (x, y), or removes the point `hit` (an index). */
  function editAt(x, y, hit) {
    const cur = current();
    if (!cur) { env.notify(to('multiclass'), { kind: 'warn' }); return; }
    const rows = cur.rows.slice();
    if (hit >= 0) {
      const [gone] = rows.splice(hit, 1);
      commit(cur, rows, to('removed', { x: num(gone[0]), y: num(gone[1]), count: to('nPoints', { n: rows.length }) }));
    } else {
      const row = newRow(cur.kind, x, y);
      rows.push(row);
      const count = to('nPoints', { n: rows.length });
      commit(cur, rows, cur.kind === 'f' ? to('addedCurve', { x: num(row[0]), y: num(row[1]), count })
        : to('added', { what: pointText(cur.kind, row), x: num(row[0]), y: num(row[1]), count }));
    }
  }

  // A click removes a point only on the drawn dot (web/heatmap.js draws 2D points with a radius
  // of width / 90, 2 to 4 CSS px; 1D points 2.6), with 2 px to spare: in dense data (250 points
  // on a 232 px plot lie about 7 px apart) a wider reach would turn most clicks into removals.
  const hitRadius = (box) => (data()?.inputs === 1 ? 2.6 : Math.max(2, Math.min(4, box.getBoundingClientRect().width / 90))) + 2;

  function hitAt(box, px, py, radius) {
    const cur = current();
    if (!cur) return -1;
    return nearest(cur.rows, mapping(box), px, py, radius);
  }

  // --- the Add points mode
  function setAdding(on, { focus = false } = {}) {
    adding = on;
    toggle.setAttribute('aria-pressed', String(on));
    toggle.classList.toggle('on', on);
    addBox.hidden = !on;
    for (const p of plots) {
      const wasFocused = p.layer.contains(document.activeElement);
      p.layer.hidden = !on;
      p.box.classList.toggle('own-adding', on);
      // a plot is an image until it takes input: then it is a named group holding the input layer
      if (on) p.box.setAttribute('role', 'group'); else if (p.role) p.box.setAttribute('role', p.role); else p.box.removeAttribute('role');
      if (wasFocused && !on) toggle.focus();
    }
    if (on && focus && plots[0]) plots[0].layer.focus();
    syncTags();
  }

  function syncTags() {
    const cur = adding ? current() : null;
    const kind = cur?.kind;
    const text = !kind ? '' : kind === 'c' ? to('tagClass', { label: cls > 0 ? '+1' : `${MINUS}1` })
      : kind === 'r' ? to('tagTarget', { v: num(target) }) : to('tagCurve');
    for (const p of plots) {
      setText(p.tagText, text);
      setText(p.tagKeys, to('tagKeys'));
      p.tag.hidden = !text;
      p.layer.setAttribute('aria-label', to('plotLabel', { n: p.index + 1 }));
      p.tag.dataset.cls = kind === 'c' ? String(cls) : '';
    }
    classSet.hidden = kind !== 'c';
    targetField.hidden = kind !== 'r';
    setText(hint, to(kind === 'f' ? 'hintCurve' : 'hintClick'));
    setText(targetOut, num(target));
  }

  function drawCursor() {
    for (const p of plots) {
      p.cursor.hidden = !cursor || !adding;
      if (!cursor || !adding || !data()) continue;
      const m = mapping(p.box);
      if (!m.r.width) continue;
      p.cursor.style.left = `${(100 * m.toX(cursor.x)) / m.r.width}%`;
      p.cursor.style.top = `${(100 * m.toY(cursor.y)) / m.r.height}%`;
    }
  }

  /** Makes `box` (a network's output plot) take points. */
  function attach(box, index) {
    const cursorEl = el('div', { class: 'own-cursor', hidden: true, 'aria-hidden': 'true' });
    const tagText = el('span'), tagKeys = el('span', { class: 'own-keys' });
    const tag = el('div', { class: 'own-tag', 'aria-hidden': 'true' }, tagText);
    const layer = el('div', { class: 'own-layer', hidden: true, tabindex: '0', role: 'application',
      'aria-describedby': `${uid}-hint ${uid}-keys` }, cursorEl, tag, tagKeys);
    box.append(layer);
    const p = { box, layer, cursor: cursorEl, tag, tagText, tagKeys, index, role: box.getAttribute('role') };
    plots.push(p);

    // pointers: mouse and pen click (remove a point under the pointer, else add); touch taps add
    // and long presses remove (a finger covers the point it would tap)
    let down = null;
    layer.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      const r = box.getBoundingClientRect();
      down = { id: ev.pointerId, x: ev.clientX - r.left, y: ev.clientY - r.top, type: ev.pointerType, done: false, timer: 0 };
      if (ev.pointerType === 'touch') {
        const d = down;
        d.timer = setTimeout(() => {
          d.done = true;
          const hit = hitAt(box, d.x, d.y, 28);
          if (hit >= 0) editAt(0, 0, hit);
        }, LONG_PRESS_MS);
      }
    });
    const cancel = () => { if (down) clearTimeout(down.timer); down = null; };
    layer.addEventListener('pointermove', (ev) => {
      if (!down || ev.pointerId !== down.id) return;
      const r = box.getBoundingClientRect();
      if (Math.hypot(ev.clientX - r.left - down.x, ev.clientY - r.top - down.y) > 10) cancel();
    });
    layer.addEventListener('pointercancel', cancel);
    layer.addEventListener('pointerleave', cancel);
    layer.addEventListener('pointerup', (ev) => {
      if (!down || ev.pointerId !== down.id) return;
      const d = down;
      cancel();
      if (d.done) return;
      const m = mapping(box);
      const hit = d.type === 'touch' ? -1 : hitAt(box, d.x, d.y, hitRadius(box));
      editAt(m.fromX(d.x), m.fromY(d.y), hit);
    });
    layer.addEventListener('contextmenu', (ev) => ev.preventDefault());

    // keyboard: a cross that the arrow keys move; Enter or Space adds or removes at it
    layer.addEventListener('focus', () => {
      if (!cursor && data()) {
        const dd = data();
        cursor = dd.inputs === 1 ? { x: 0, y: (range1d(dd)[0] + range1d(dd)[1]) / 2 } : { x: 0, y: 0 };
      }
      drawCursor();
    });
    layer.addEventListener('keydown', (ev) => {
      const dd = data();
      if (!dd) return;
      const m = mapping(box);
      const big = ev.shiftKey ? 4 : 1;
      const sx = (dd.inputs === 1 ? 0.05 : 0.25) * big, sy = (dd.inputs === 1 ? (m.hi - m.lo) / 40 : 0.25) * big;
      const moves = { ArrowLeft: [-sx, 0], ArrowRight: [sx, 0], ArrowUp: [0, sy], ArrowDown: [0, -sy] };
      if (moves[ev.key]) {
        ev.preventDefault();
        const [ddx, ddy] = moves[ev.key];
        const yLo = dd.inputs === 1 ? m.lo : -m.d, yHi = dd.inputs === 1 ? m.hi : m.d;
        cursor = { x: Math.max(-m.d, Math.min(m.d, cursor.x + ddx)), y: Math.max(yLo, Math.min(yHi, cursor.y + ddy)) };
        drawCursor();
      } else if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        const hit = hitAt(box, m.toX(cursor.x), m.toY(cursor.y), hitRadius(box));
        editAt(cursor.x, cursor.y, hit);
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        setAdding(false);
        toggle.focus();
      }
    });

    // a file or text dropped on the plot replaces the data
    addDropTarget(box);
  }

  // --- CSV in
  function loadCsv(text, mode) {
    const parsed = parseCsv(text);
    if (parsed.error) { env.notify(to('bad', { why: csvError(parsed.error) }), { kind: 'warn' }); return false; }
    const cur = current();
    if (mode === 'add') {
      if (!cur) { env.notify(to('multiclass'), { kind: 'warn' }); return false; }
      if (cur.kind !== parsed.kind) {
        const why = to('errors.kindMismatch', { got: to(`kinds.${parsed.kind}`), want: to(`kinds.${cur.kind}`) });
        env.notify(to('bad', { why }), { kind: 'warn' });
        return false;
      }
      if (cur.rows.length + parsed.rows.length > MAX_POINTS) {
        env.notify(to('bad', { why: to('errors.count', { max: MAX_POINTS }) }), { kind: 'warn' });
        return false;
      }
      return commit(cur, [...cur.rows, ...parsed.rows], to('appended', { n: parsed.rows.length }));
    }
    // replace: nothing is copied from a built-in dataset
    return commit(cur ? { ...cur, own: true } : { kind: parsed.kind, rows: [], own: true }, parsed.rows, to('loaded', { n: parsed.rows.length }), { kind: parsed.kind });
  }

  function addDropTarget(target) {
    target.addEventListener('dragover', (ev) => {
      if (![...(ev.dataTransfer?.types ?? [])].some((x) => x === 'Files' || x === 'text/plain')) return;
      ev.preventDefault();
      ev.dataTransfer.dropEffect = 'copy';
      target.classList.add('own-drop');
    });
    target.addEventListener('dragleave', () => target.classList.remove('own-drop'));
    target.addEventListener('drop', async (ev) => {
      target.classList.remove('own-drop');
      const dt = ev.dataTransfer;
      if (!dt) return;
      ev.preventDefault();
      const file = dt.files?.[0];
      if (file) {
        if (file.size > 1e6) { env.notify(to('bad', { why: to('errors.size', { max: '200 kB' }) }), { kind: 'warn' }); return; }
        loadCsv(await file.text(), 'replace');
      } else {
        loadCsv(dt.getData('text/plain'), 'replace');
      }
    });
  }
  addDropTarget(node);

  // --- the controls
  toggle.addEventListener('click', () => setAdding(!adding));
  for (const r of [pos, neg]) r.input.addEventListener('change', () => { if (r.input.checked) { cls = Number(r.input.value); syncTags(); } });
  targetInput.addEventListener('input', () => { target = Number(targetInput.value); syncTags(); });
  kindSelect.addEventListener('change', () => {
    const state = env.state();
    undo.push({ dataset: state.dataset, points: state.points });
    env.set({ dataset: 'own', points: `${kindSelect.value}.` });
    sync();
  });
  undoButton.addEventListener('click', () => {
    const prev = undo.pop();
    if (!prev) return;
    env.set(prev);
    say(to('undone'));
    sync();
  });
  clearButton.addEventListener('click', () => {
    const cur = current();
    if (cur?.own && cur.rows.length) commit(cur, [], to('cleared'));
  });
  downloadButton.addEventListener('click', () => {
    const cur = current();
    if (!cur) return;
    const blob = new Blob([toCsv(cur)], { type: 'text/csv' });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: `nonlinear-playground-${env.state().dataset}.csv`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  });
  addText.addEventListener('click', () => { if (loadCsv(textBox.value, 'add')) textBox.value = ''; });
  replaceText.addEventListener('click', () => { if (loadCsv(textBox.value, 'replace')) textBox.value = ''; });
  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (file.size > 1e6) { env.notify(to('bad', { why: to('errors.size', { max: '200 kB' }) }), { kind: 'warn' }); return; }
    loadCsv(await file.text(), 'replace');
  });

  // --- mirror the state
  let lastDataset = since, kindOptions = '';
  function sync() {
    const state = env.state();
    const cur = current();
    const own = state.dataset === 'own';
    // choosing "Own data" with no points turns the Add points mode on
    if (own && lastDataset !== null && lastDataset !== 'own' && cur && !cur.rows.length && !adding) setAdding(true);
    lastDataset = state.dataset;
    const sig = `${state.lang}`;
    if (sig !== kindOptions) {
      kindOptions = sig;
      kindSelect.replaceChildren(...KIND_LETTERS.map((k) => el('option', { value: k, text: to(`kinds.${k}`) })));
    }
    kindField.hidden = !own || (cur && cur.rows.length > 0);
    if (cur) kindSelect.value = cur.kind;
    toggle.disabled = !cur;
    if (!cur && adding) setAdding(false);
    undoButton.hidden = !undo.length;
    clearButton.hidden = !(own && cur && cur.rows.length);
    downloadButton.disabled = !cur || !cur.rows.length;
    setText(status, own ? countText(cur.kind, cur.rows) : '');
    status.hidden = !own;
    toggle.title = !own && cur ? to('builtIn', { n: cur.rows.length }) : '';
    if (!own) setText(said, '');
    syncTags();
  }

  return {
    node, attach,
    /** After every state change of the lesson. */
    sync,
    /** After every frame: the keyboard cross follows the plot's scale (1D data rescales). */
    render() { if (adding && cursor) drawCursor(); },
    loadCsv,
    get adding() { return adding; },
    setAdding,
  };
}
