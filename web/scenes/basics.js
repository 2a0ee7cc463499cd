// The lessons' smallest pieces, which the page's script needs for its first lesson (the rest of
// the lessons' kit, common.js, comes with the later script: web/later.js): a DOM builder, setText
// and setHidden, a figure's live text alternative (describe), number formats (fmt, fmtSci,
// fmtPct, fmtLoss, fmtFixed) and legend items. Text always goes in as text, never HTML.

/** el('div', { class: 'x', 'data-i18n': 'key' }, child, 'text', ...) */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

export function setText(node, text) {
  const s = String(text);
  if (node.textContent !== s) node.textContent = s;
}

/** Hides or shows node, touching it only on a change (renders run every frame; each set restyles). */
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

/**
 * A figure's text alternative, saying what it shows now: sets node's aria-label to text when it
 * differs from the current one (renders run every frame while training; an unchanged label costs
 * one getAttribute). A fixed data-i18n-aria label is dropped, so that translate() does not put it
 * back over the live one. Returns node.
 */
export function describe(node, text) {
  const s = String(text);
  if (node.getAttribute('aria-label') !== s) node.setAttribute('aria-label', s);
  if (node.hasAttribute('data-i18n-aria')) node.removeAttribute('data-i18n-aria');
  return node;
}

export const MINUS = '\u2212';

/** A number for people: fixed decimals, a real minus sign; tiny or huge values in e-notation. */
export function fmt(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  const a = Math.abs(v);
  let s;
  if (a !== 0 && (a < 10 ** -digits || a >= 1e5)) s = v.toExponential(1).replace('e', '×10^').replace('^+', '^');
  else s = v.toFixed(digits);
  s = s.replace(/\^(-?\d+)$/, (m, e) => supDigits(e));
  return s.replace(/^-/, MINUS);
}

/** 1.2×10⁻⁶ style, for deviations and gradients. */
export function fmtSci(v, digits = 1) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  const [m, e] = v.toExponential(digits).split('e');
  return `${m.replace(/^-/, MINUS)}×10${supDigits(String(Number(e)))}`;
}

/** A fraction as a percentage: 97.5%, 100%. */
export function fmtPct(v) {
  return Number.isFinite(v) ? `${(100 * v).toFixed(v === 1 ? 0 : 1)}%` : '—';
}

/** A loss: 3 decimals while it is large, then 2 significant digits in e-notation. */
export function fmtLoss(v) {
  if (!Number.isFinite(v)) return '—';
  return v >= 0.01 ? v.toFixed(3) : fmtSci(v, 1);
}

/** Fixed decimals, a real minus sign, no e-notation and no −0: for columns of numbers (matrices). */
export function fmtFixed(v, digits) {
  return (Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v).toFixed(digits).replace(/^-/, MINUS);
}

const SUP = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
function supDigits(s) { return [...s].map((c) => SUP[c] ?? c).join(''); }

const SVG_NS = 'http://www.w3.org/2000/svg';
/** A 24 x 24 icon of one path (as the toolbar's in index.html), hidden from assistive technology. */
export function icon(d, className) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  if (className) svg.setAttribute('class', className);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

let fontFamily = null;
/** A canvas font: spec is its size, with a weight if any ('11px', '600 10px'), in the page's font stack (styles.css: --font). */
export function canvasFont(spec) {
  fontFamily ??= getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
  return `${spec} ${fontFamily}`;
}

/**
 * Legend items: [{ mark: 'dot' | 'mark' | 'mark dashed' | 'dot kink', color, text | label (i18n key) }]
 * -> <span class="item"> nodes, the colour in --c.
 */
export function legend(items) {
  return items.map(({ mark, color, text, label }) => el('span', { class: 'item', style: color ? `--c:${color}` : undefined },
    el('span', { class: mark }), el('span', label ? { 'data-i18n': label } : { text })));
}
