// The lessons' shared kit: everything of basics.js (a DOM builder, setText, describe, number
// formats, legend items) and the lesson root; a canvas plot with axes (createPlot, or canvasPlot
// for a new canvas) and extent/linspace; MathML builders and live matrices; widgets (card, select
// field, readout = label + live value); text alternatives (decorative, scrollBox); network helpers
// (twins from the same initial weights, freeAll, loss histories for the charts); and bilingual(),
// a lesson's strings written once per key. Colours: ../colors.js. Only the views of the lessons
// after the first import it (the later script, web/later.js); the page's own script imports
// basics.js, so that this module is not in it.

import { cssSize } from '../size.js';
import { el, setText, describe, canvasFont, MINUS } from './basics.js';

export * from './basics.js';
export { bilingual } from '../i18n.js';
import { INK_HEX, MUTED_HEX, POS_HEX } from '../colors.js';

/** A lesson's root (#sceneView): the host shows it in place of the previous lesson. */
export function lessonRoot(className, ...children) {
  return el('div', { id: 'sceneView', class: 'scene-view' }, el('div', { class: `scene ${className}` }, ...children));
}

// --- canvas plots -------------------------------------------------------------------------


function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function tickLabel(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1000 || a < 0.001 ? v.toExponential(0) : String(+v.toPrecision(3));
  return s.replace(/^-/, MINUS);
}

/**
 * A plot on one canvas: frame({ x: [lo, hi], y: [lo, hi], logX, logY, margin }) sizes the canvas
 * (device pixels, cached CSS size), clears it and returns scales; then axes(), line(), points() ...
 * Coordinates are data units; the canvas is in CSS pixels after setTransform.
 */
export function createPlot(canvas) {
  const ctx = canvas.getContext('2d');
  let S = null;

  function frame({ x, y, logX = false, logY = false, margin = { l: 40, r: 8, t: 8, b: 22 }, equal = false }) {
    const dpr = window.devicePixelRatio || 1;
    const { w, h } = cssSize(canvas);
    const W = Math.round(w * dpr), H = Math.round(h * dpr);
    if (canvas.width !== W || canvas.height !== H) { canvas.width = W; canvas.height = H; }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const m = { l: 40, r: 8, t: 8, b: 22, ...margin };
    let pw = Math.max(10, w - m.l - m.r), ph = Math.max(10, h - m.t - m.b);
    let [x0, x1] = x, [y0, y1] = y;
    if (equal) {
      // one data unit is as long on both axes: widen the shorter range around its centre
      const sx = (x1 - x0) / pw, sy = (y1 - y0) / ph, s = Math.max(sx, sy);
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      x0 = cx - (s * pw) / 2; x1 = cx + (s * pw) / 2; y0 = cy - (s * ph) / 2; y1 = cy + (s * ph) / 2;
    }
    const tx = logX ? Math.log10 : (v) => v, ty = logY ? Math.log10 : (v) => v;
    const X = (v) => m.l + ((tx(v) - tx(x0)) / (tx(x1) - tx(x0))) * pw;
    const Y = (v) => m.t + ph - ((ty(v) - ty(y0)) / (ty(y1) - ty(y0))) * ph;
    S = { ctx, w, h, m, pw, ph, X, Y, x: [x0, x1], y: [y0, y1], logX, logY };
    return S;
  }

  function ticks(lo, hi, log, count) {
    if (log) {
      const out = [];
      for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
      return out;
    }
    const step = niceStep(hi - lo, count), out = [];
    for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    return out;
  }

  /** Grid lines, tick labels and axis names. xTicks / yTicks may be given as arrays of values. */
  function axes({ xLabel = '', yLabel = '', xTicks, yTicks, xTickLabel = tickLabel, yTickLabel = tickLabel, zero = true, box = false } = {}) {
    const { ctx: c, m, pw, ph, X, Y, x, y, logX, logY } = S;
    c.font = canvasFont('11px');
    c.lineWidth = 1;
    c.strokeStyle = '#e6e8ec';
    c.fillStyle = '#6b7280';
    const xt = xTicks ?? ticks(x[0], x[1], logX, Math.max(2, Math.round(pw / 70)));
    const yt = yTicks ?? ticks(y[0], y[1], logY, Math.max(2, Math.round(ph / 40)));
    c.textAlign = 'right'; c.textBaseline = 'middle';
    for (const v of yt) {
      const py = Math.round(Y(v)) + 0.5;
      if (py < m.t - 1 || py > m.t + ph + 1) continue;
      c.beginPath(); c.moveTo(m.l, py); c.lineTo(m.l + pw, py); c.stroke();
      c.fillText(yTickLabel(v), m.l - 4, py);
    }
    c.textAlign = 'center'; c.textBaseline = 'top';
    for (const v of xt) {
      const px = Math.round(X(v)) + 0.5;
      if (px < m.l - 1 || px > m.l + pw + 1) continue;
      c.beginPath(); c.moveTo(px, m.t); c.lineTo(px, m.t + ph); c.stroke();
      c.fillText(xTickLabel(v), px, m.t + ph + 4);
    }
    if (zero) {
      c.strokeStyle = '#b9bec6';
      if (!logY && y[0] < 0 && y[1] > 0) { const py = Math.round(Y(0)) + 0.5; c.beginPath(); c.moveTo(m.l, py); c.lineTo(m.l + pw, py); c.stroke(); }
      if (!logX && x[0] < 0 && x[1] > 0) { const px = Math.round(X(0)) + 0.5; c.beginPath(); c.moveTo(px, m.t); c.lineTo(px, m.t + ph); c.stroke(); }
    }
    if (box) { c.strokeStyle = '#d5d8dc'; c.strokeRect(m.l + 0.5, m.t + 0.5, pw - 1, ph - 1); }
    c.fillStyle = MUTED_HEX;
    if (xLabel) { c.textAlign = 'right'; c.textBaseline = 'bottom'; c.fillText(xLabel, m.l + pw, m.t + ph - 3); }
    if (yLabel) { c.textAlign = 'left'; c.textBaseline = 'top'; c.fillText(yLabel, m.l + 4, m.t + 2); }
  }

  function clip(fn) {
    const { ctx: c, m, pw, ph } = S;
    c.save();
    c.beginPath(); c.rect(m.l, m.t, pw, ph); c.clip();
    fn(c);
    c.restore();
  }

  /** A polyline through (xs[i], ys[i]); non-finite values break it. stride/offset read interleaved arrays. */
  function line(xs, ys, { color = INK_HEX, width = 2, dash = [], alpha = 1, stride = 1, offset = 0, n = xs.length } = {}) {
    const { X, Y, y } = S;
    const span = y[1] - y[0], lo = y[0] - 10 * span, hi = y[1] + 10 * span;
    clip((c) => {
      c.globalAlpha = alpha;
      c.strokeStyle = color; c.lineWidth = width; c.setLineDash(dash); c.lineJoin = 'round'; c.lineCap = 'round';
      c.beginPath();
      let pen = false;
      for (let i = 0; i < n; i++) {
        const v = ys[i * stride + offset];
        if (!Number.isFinite(v) || (S.logY && v <= 0)) { pen = false; continue; }
        const px = X(xs[i]), py = Y(Math.min(hi, Math.max(lo, v)));
        if (pen) c.lineTo(px, py); else c.moveTo(px, py);
        pen = true;
      }
      c.stroke();
      c.setLineDash([]);
      c.globalAlpha = 1;
    });
  }

  /** Dots at (xs[i], ys[i]). */
  function points(xs, ys, { color = POS_HEX, r = 2.5, stroke = null, alpha = 1, n = xs.length, xStride = 1, xOffset = 0, yStride = 1, yOffset = 0, colors = null } = {}) {
    const { X, Y } = S;
    clip((c) => {
      c.globalAlpha = alpha;
      if (stroke) { c.strokeStyle = stroke; c.lineWidth = 1; }
      for (let i = 0; i < n; i++) {
        const xv = xs[i * xStride + xOffset], yv = ys[i * yStride + yOffset];
        if (!Number.isFinite(xv) || !Number.isFinite(yv)) continue;
        c.beginPath();
        c.arc(X(xv), Y(yv), r, 0, 2 * Math.PI);
        c.fillStyle = colors ? colors[i] : color;
        c.fill();
        if (stroke) c.stroke();
      }
      c.globalAlpha = 1;
    });
  }

  function vline(x, { color = INK_HEX, width = 1, dash = [4, 3] } = {}) {
    const { X, m, ph } = S;
    clip((c) => {
      c.strokeStyle = color; c.lineWidth = width; c.setLineDash(dash);
      c.beginPath(); c.moveTo(X(x), m.t); c.lineTo(X(x), m.t + ph); c.stroke();
      c.setLineDash([]);
    });
  }

  /** A label at data coordinates. */
  function text(s, x, y, { color = INK_HEX, align = 'left', baseline = 'middle', font = canvasFont('11px'), dx = 0, dy = 0 } = {}) {
    const { ctx: c, X, Y } = S;
    c.font = font; c.fillStyle = color; c.textAlign = align; c.textBaseline = baseline;
    c.fillText(s, X(x) + dx, Y(y) + dy);
  }

  return { canvas, ctx, frame, axes, line, points, vline, text, clip, get scale() { return S; } };
}

/** A plot on a new <canvas class="className" role="img"> (the canvas is plot.canvas). */
export function canvasPlot(className, attrs = {}) {
  return createPlot(el('canvas', { class: className, role: 'img', ...attrs }));
}

/** Min and max of the finite values of arrays, padded by `pad` of the span. */
export function extent(arrays, pad = 0.08, fallback = [-1, 1]) {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) for (const v of a) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!(hi >= lo)) return fallback.slice();
  if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}

/** x values lo..hi, n of them, inclusive. */
export function linspace(lo, hi, n) {
  return Float32Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

// --- MathML -------------------------------------------------------------------------------

const MML = 'http://www.w3.org/1998/Math/MathML';

/** m('mrow', {}, m('mi', {}, 'x'), ...): a MathML element; strings become text. */
export function m(tag, attrs = {}, ...children) {
  const e = document.createElementNS(MML, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

export const mi = (s, attrs) => m('mi', attrs, s);
export const mo = (s, attrs) => m('mo', attrs, s);
export const mn = (s, attrs) => m('mn', attrs, s);
/** A symbol with a subscript: W₁ as <msub><mi>W</mi><mn>1</mn></msub>. */
export const sub = (base, index) => m('msub', {}, typeof base === 'string' ? mi(base) : base, typeof index === 'string' ? mn(index) : index);

/**
 * A bracketed rows x cols matrix whose entries can be updated in place:
 * const M = mathMatrix(2, 3); M.node (MathML); M.update(values, fmt) with values row-major.
 */
export function mathMatrix(rows, cols, { className } = {}) {
  const cells = [];
  // brackets drawn by CSS (.mat): stretchy <mo>[</mo> needs a math font the reader may not have
  const table = m('mtable', { class: className ? `mat ${className}` : 'mat' });
  for (let r = 0; r < rows; r++) {
    const tr = m('mtr');
    for (let c = 0; c < cols; c++) {
      const cell = mn('0');
      cells.push(cell);
      tr.append(m('mtd', { columnalign: 'right' }, cell));
    }
    table.append(tr);
  }
  const node = m('mrow', {}, table);
  return {
    node,
    update(values, format) {
      for (let i = 0; i < cells.length; i++) {
        const s = format(values[i]);
        if (cells[i].textContent !== s) cells[i].textContent = s;
      }
    },
  };
}

// --- small widgets --------------------------------------------------------------------------

/** A card with a heading (i18n key) and body children. */
export function card(titleKey, children, { className = '', accent } = {}) {
  const h = el('h3', { 'data-i18n': titleKey });
  const node = el('section', { class: `scene-card ${className}` }, h, ...children);
  if (accent) node.style.setProperty('--c', accent);
  return node;
}

/** A labelled <select> (label: an i18n key, or null to set its text yourself); fill() sets its options. */
export function selectField(labelKey, onChange, { id } = {}) {
  const select = el('select', { id });
  select.addEventListener('change', () => onChange(select.value));
  const node = el('label', { class: 'act-field scene-field' }, el('span', { 'data-i18n': labelKey }), select);
  return {
    node, select,
    /** options: [[value, label]] (labels already translated). */
    fill(opts, value) {
      const want = opts.map(([v, l]) => `${v}\u0000${l}`).join('\u0001');
      if (select.dataset.opts !== want) {
        select.replaceChildren(...opts.map(([v, l]) => el('option', { value: v, text: l })));
        select.dataset.opts = want;
      }
      if (select.value !== String(value)) select.value = String(value);
    },
  };
}

/**
 * A readout: a label (i18n key) over a live value. readout('trainLoss', { big: true, color })
 * -> { node, value, set(text) }.
 */
export function readout(label, { big = false, color, className = '' } = {}) {
  const value = el('span', { class: 'value' });
  const node = el('div', { class: `readout${big ? ' big' : ''}${className ? ` ${className}` : ''}`, style: color ? `--c:${color}` : undefined },
    el('span', { class: 'label', 'data-i18n': label }), value);
  return { node, value, set: (text) => setText(value, text) };
}

// --- text alternatives ----------------------------------------------------------------------

/** A purely decorative node (a thumbnail inside a named button): no role, hidden from assistive technology. */
export function decorative(node) {
  node.removeAttribute('role');
  node.removeAttribute('aria-label');
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/**
 * A box whose content can scroll sideways (a wide table, a long formula): focusable, so that a
 * keyboard can scroll it, a region named by label (describe(node, …) renames it), and the class
 * `scrolls` for the page's visual cue. Returns node.
 */
export function scrollBox(node, label) {
  node.tabIndex = 0;
  node.setAttribute('role', 'region');
  node.classList.add('scrolls');
  if (label) describe(node, label);
  return node;
}

/** Deletes every engine network of a list (or of a { name: [nets] } table); returns an empty one. */
export function freeAll(nets) {
  for (const n of Array.isArray(nets) ? nets : Object.values(nets).flat()) n?.delete();
  return Array.isArray(nets) ? [] : {};
}

/** Networks made from configs ([{ layers, activation, ... }]), all from the first one's initial weights. */
export function twins(engine, configs) {
  let w0 = null;
  return configs.map((config) => {
    const net = engine.createNetwork(config);
    if (!w0) w0 = net.getWeights(); else net.setWeights(w0);
    return net;
  });
}

/** An empty loss history, as the loss chart reads it. */
export function newHistory() {
  return { epoch: [], train: [], test: [] };
}

/** Appends a point to a history; past 2000 points, every other one is dropped (the first kept). */
export function pushHistory(h, epoch, train, test = NaN) {
  h.epoch.push(epoch); h.train.push(train); h.test.push(test);
  if (h.epoch.length > 2000) for (const k of ['epoch', 'train', 'test']) h[k] = h[k].filter((_, j) => j === 0 || j % 2 === 1);
}

