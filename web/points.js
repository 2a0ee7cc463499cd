// The reader's own data (dataset "own" of the compare lesson): its three kinds, the compact form
// it takes in the URL (key `points`), and CSV in and out. No DOM, no engine: tests/node imports it.
//
// Kinds (the letter that starts the URL form):
//   c  two classes over the plane: x, y in [-6, 6], label +1 or -1
//   r  a target over the plane:    x, y in [-6, 6], target in [-5, 5]
//   f  a target as a function of x: x in [-1, 1],    target in [-5, 5]
// Every coordinate is quantised to 12 bits: steps of 0.005 on [-6, 6] (2401 levels), 0.001 on
// [-1, 1] (2001), 0.0025 on [-5, 5] (4001); so 1, 0.5, 0.25, 0.1 and 0 are exact, and a point
// survives CSV -> URL -> CSV unchanged once it has been quantised.
//
// URL form: `<kind>.<base64url>`, e.g. `c.` (no points yet) or `c.gH8AQ...`: the points' fields
// packed as a bit stream, most significant bit first, 12 bits per coordinate and 1 bit per label
// (1 = +1), padded with 0 bits to whole characters. 200 points of kind c take 834 characters.

export const MAX_POINTS = 600; // engine.limits.bestLinePoints: the best straight line stays exact
export const MAX_CSV_BYTES = 200000;

// A coordinate's range and its levels per unit: value = (q - hi * den) / den, q in 0..2 * hi * den
// (below 4096: 12 bits). Integer arithmetic, then one division: the value is the decimal's double.
const AXES = {
  plane: { lo: -6, hi: 6, den: 200 },     // step 0.005
  unit: { lo: -1, hi: 1, den: 1000 },     // step 0.001
  target: { lo: -5, hi: 5, den: 400 },    // step 0.0025
};

/** The kinds: their columns (CSV header), each column's axis, and the dataset kind they make. */
export const KINDS = {
  c: { columns: ['x', 'y', 'label'], axes: ['plane', 'plane', 'label'], inputs: 2, kind: 'classification' },
  r: { columns: ['x', 'y', 'target'], axes: ['plane', 'plane', 'target'], inputs: 2, kind: 'regression' },
  f: { columns: ['x', 'target'], axes: ['unit', 'target'], inputs: 1, kind: 'regression' },
};
export const KIND_LETTERS = Object.keys(KINDS);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = Object.fromEntries([...B64].map((c, i) => [c, i]));

const bitsOf = (axis) => (axis === 'label' ? 1 : 12);
const pointBits = (kind) => KINDS[kind].axes.reduce((s, a) => s + bitsOf(a), 0);

/** The nearest level of `axis` to v (v must be inside the axis's range). */
function level(axis, v) {
  const { hi, den } = AXES[axis];
  return Math.min(2 * hi * den, Math.max(0, Math.round(v * den) + hi * den));
}
const valueOf = (axis, q) => (q - AXES[axis].hi * AXES[axis].den) / AXES[axis].den;

/** v quantised as the URL keeps it (axis 'plane', 'unit' or 'target'). */
export function quantise(axis, v) {
  return valueOf(axis, level(axis, v));
}

/** The range [lo, hi] of column `i` of kind `kind` (labels: null). */
export function columnRange(kind, i) {
  const a = KINDS[kind].axes[i];
  return a === 'label' ? null : [AXES[a].lo, AXES[a].hi];
}

/** A point as the URL keeps it: every coordinate quantised, the label +1 or -1. */
export function quantisePoint(kind, row) {
  return KINDS[kind].axes.map((a, i) => (a === 'label' ? (row[i] > 0 ? 1 : -1) : quantise(a, row[i])));
}

/** { kind, rows } -> the URL form, `<kind>.<base64url>`. Rows must be inside their ranges. */
export function encodePoints({ kind, rows }) {
  const axes = KINDS[kind].axes;
  let out = `${kind}.`, acc = 0, n = 0;
  const put = (value, bits) => {
    for (let b = bits - 1; b >= 0; b--) {
      acc = (acc << 1) | ((value >> b) & 1);
      if (++n === 6) { out += B64[acc]; acc = 0; n = 0; }
    }
  };
  for (const row of rows) axes.forEach((a, i) => put(a === 'label' ? (row[i] > 0 ? 1 : 0) : level(a, row[i]), bitsOf(a)));
  if (n) out += B64[acc << (6 - n)];
  return out;
}

/**
 * The URL form -> { kind, rows } (values quantised), or { error: { code, params } } naming what is
 * wrong: codes 'type', 'kind', 'char', 'length', 'padding', 'range', 'count'.
 */
export function decodePoints(text) {
  if (typeof text !== 'string') return { error: { code: 'type', params: {} } };
  const dot = text.indexOf('.');
  const kind = dot < 0 ? text : text.slice(0, dot);
  if (!Object.hasOwn(KINDS, kind) || dot < 0) return { error: { code: 'kind', params: { kind: clip(kind) } } };
  const body = text.slice(dot + 1);
  for (let i = 0; i < body.length; i++) {
    if (!Object.hasOwn(B64_INDEX, body[i])) return { error: { code: 'char', params: { char: clip(body[i]), at: dot + 2 + i } } };
  }
  const per = pointBits(kind);
  const count = Math.floor((body.length * 6) / per);
  if (Math.ceil((count * per) / 6) !== body.length) return { error: { code: 'length', params: { length: body.length } } };
  if (count > MAX_POINTS) return { error: { code: 'count', params: { count, max: MAX_POINTS } } };
  let ci = 0, acc = 0, left = 0;
  const take = (bits) => {
    let v = 0;
    for (let b = 0; b < bits; b++) {
      if (left === 0) { acc = B64_INDEX[body[ci++]]; left = 6; }
      v = (v << 1) | ((acc >> --left) & 1);
    }
    return v;
  };
  const axes = KINDS[kind].axes, rows = [];
  for (let p = 0; p < count; p++) {
    const row = [];
    for (const a of axes) {
      const q = take(bitsOf(a));
      if (a === 'label') { row.push(q ? 1 : -1); continue; }
      if (q > 2 * AXES[a].hi * AXES[a].den) return { error: { code: 'range', params: { point: p + 1 } } };
      row.push(valueOf(a, q));
    }
    rows.push(row);
  }
  // the bits after the last point must be 0, so that every set of points has one form
  if (left && (acc & ((1 << left) - 1)) !== 0) return { error: { code: 'padding', params: {} } };
  return { kind, rows };
}

/** The key's parser: the canonical URL form, or undefined ('' means no own data). */
export function parsePointsValue(v) {
  if (v === '') return '';
  const d = decodePoints(v);
  return d.error ? undefined : encodePoints(d);
}

const clip = (s, max = 24) => {
  const t = String(s);
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

// --- CSV ----------------------------------------------------------------------------------

const NUMBER = /^[-+\u2212]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const toNum = (s) => (NUMBER.test(s) ? Number(s.replace('\u2212', '-')) : NaN);
const HEADERS = Object.fromEntries(KIND_LETTERS.map((k) => [KINDS[k].columns.join(','), k]));

/**
 * CSV text -> { kind, rows } (values quantised), or { error: { code, line, params } } for the
 * first bad line (line numbers as an editor shows them, from 1). One point a line, values
 * separated by commas (or semicolons or tabs); blank lines and lines starting with # are
 * skipped. An optional first line names the columns: x,y,label | x,y,target | x,target. Without
 * it, two columns are x,target; three are x,y,label when every third value is +1 or -1, else
 * x,y,target.
 */
export function parseCsv(text) {
  if (typeof text !== 'string') return { error: { code: 'empty', line: 0, params: {} } };
  if (text.length > MAX_CSV_BYTES) return { error: { code: 'size', line: 0, params: { max: `${MAX_CSV_BYTES / 1000} kB` } } };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cells = []; // [lineNumber, [strings]]
  let kind = null, headerLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].trim();
    if (!s || s.startsWith('#')) continue;
    const parts = s.split(/\s*[,;\t]\s*/);
    if (!cells.length && !kind && !headerLine && parts.some((p) => /[a-z]/i.test(p) && !NUMBER.test(p))) {
      const name = parts.map((p) => p.toLowerCase().replace(/^["']|["']$/g, '')).join(',');
      if (!Object.hasOwn(HEADERS, name)) return { error: { code: 'header', line: i + 1, params: { text: clip(s) } } };
      kind = HEADERS[name];
      headerLine = i + 1;
      continue;
    }
    cells.push([i + 1, parts]);
  }
  if (!cells.length) return { error: { code: 'empty', line: 0, params: {} } };
  if (!kind) {
    const width = cells[0][1].length;
    if (width === 2) kind = 'f';
    else if (width === 3) kind = cells.every(([, p]) => p.length === 3 && (toNum(p[2]) === 1 || toNum(p[2]) === -1)) ? 'c' : 'r';
    else return { error: { code: 'width', line: cells[0][0], params: { found: width } } };
  }
  const { columns, axes } = KINDS[kind];
  const rows = [];
  for (const [line, parts] of cells) {
    if (parts.length !== columns.length) {
      return { error: { code: 'columns', line, params: { found: parts.length, want: `${columns.length} (${columns.join(',')})` } } };
    }
    if (rows.length === MAX_POINTS) return { error: { code: 'count', line, params: { max: MAX_POINTS } } };
    const row = [];
    for (let j = 0; j < parts.length; j++) {
      const v = toNum(parts[j]);
      if (!Number.isFinite(v)) return { error: { code: 'number', line, params: { text: clip(parts[j]), column: columns[j] } } };
      if (axes[j] === 'label') {
        if (v !== 1 && v !== -1) return { error: { code: 'label', line, params: { text: clip(parts[j]) } } };
      } else {
        const { lo, hi } = AXES[axes[j]];
        if (v < lo || v > hi) return { error: { code: 'range', line, params: { column: columns[j], text: clip(parts[j]), lo, hi } } };
      }
      row.push(v);
    }
    rows.push(quantisePoint(kind, row));
  }
  return { kind, rows };
}

/** { kind, rows } -> CSV text with a header line. */
export function toCsv({ kind, rows }) {
  return `${[KINDS[kind].columns.join(','), ...rows.map((r) => r.join(','))].join('\n')}\n`;
}
