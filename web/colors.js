// Colour scales shared by the views. TensorFlow Playground's diverging scale: orange for -1,
// light grey for 0, blue for +1 (readers of the Playground expect it; it is also distinguishable
// with the common colour-vision deficiencies).

export const NEG = [245, 147, 34];
export const MID = [232, 234, 235];
export const POS = [8, 119, 189];
export const NEG_HEX = '#f59322';
export const POS_HEX = '#0877bd';

// Three class colours for the multiclass datasets.
export const CLASS_RGB = [[245, 147, 34], [8, 119, 189], [194, 24, 91]];
export const CLASS_HEX = ['#f59322', '#0877bd', '#c2185b'];

// The two networks' identities (chart lines, card accents): the linear one purple, the tanh one
// green. The lessons use the same two for their linear and tanh (or "the one that learns") models.
export const LINEAR_HEX = '#6d4bb3';
export const TANH_HEX = '#0b7d5c'; // text in this colour has 5.1:1 contrast on white (WCAG AA)
export const NET_HEX = [LINEAR_HEX, TANH_HEX];

// Other colours the lessons share.
export const RELU_HEX = '#c2410c'; // ReLU fits
export const STEP_HEX = '#b3261e'; // the step network
export const STRAIGHT_HEX = '#8a919b'; // the best straight line (least squares)
export const INK_HEX = '#1d1f23'; // the page's text colour: markers, axes of interest
export const MUTED_HEX = '#5f6670'; // secondary text and grey data

/** '#rrggbb' -> 'rgba(r,g,b,alpha)': the same colour, translucent. */
export function withAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${alpha})`;
}

const LUT_SIZE = 512;
// Packed ABGR words, ready for a Uint32Array view of ImageData (little-endian byte order, as on
// every platform a browser runs on).
const LUT = new Uint32Array(LUT_SIZE);
const LUT_RGB = [];
for (let i = 0; i < LUT_SIZE; i++) {
  const t = (i / (LUT_SIZE - 1)) * 2 - 1;
  const [a, b, f] = t < 0 ? [MID, NEG, -t] : [MID, POS, t];
  const rgb = [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * f));
  LUT_RGB.push(rgb);
  LUT[i] = (255 << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0];
}
export const NAN_WORD = (255 << 24) | (200 << 16) | (200 << 8) | 200;

function index(t) {
  if (!(t === t)) return -1; // NaN
  const c = t < -1 ? -1 : t > 1 ? 1 : t;
  return Math.round(((c + 1) / 2) * (LUT_SIZE - 1));
}

/** t in [-1, 1] (clamped) -> packed pixel word. */
export function divergingWord(t) {
  const i = index(t);
  return i < 0 ? NAN_WORD : LUT[i];
}

/**
 * words[o0 + i * oStride] = divergingWord((values[v0 + i * vStride] - centre) / half) for i < count:
 * the per-pixel loop of the heatmaps, without a function call per pixel.
 */
export function fillDiverging(words, o0, oStride, values, v0, vStride, count, centre = 0, half = 1) {
  const k = (LUT_SIZE - 1) / 2, inv = 1 / half;
  for (let i = 0; i < count; i++) {
    const t = (values[v0 + i * vStride] - centre) * inv;
    if (!(t === t)) { words[o0 + i * oStride] = NAN_WORD; continue; }
    const c = t < -1 ? -1 : t > 1 ? 1 : t;
    words[o0 + i * oStride] = LUT[((c + 1) * k + 0.5) | 0];
  }
}

/** t in [-1, 1] (clamped) -> 'rgb(...)'. */
export function divergingCss(t) {
  const i = index(t);
  if (i < 0) return 'rgb(200,200,200)';
  const [r, g, b] = LUT_RGB[i];
  return `rgb(${r},${g},${b})`;
}

export function packRGB(r, g, b) {
  return (255 << 24) | (b << 16) | (g << 8) | r;
}
