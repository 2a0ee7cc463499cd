// The network diagram of one network, on one canvas: a column per layer, each neuron drawn as
// its own small heatmap over the input plane (2D data) or its own small curve (1D data), and each
// weight as a curve whose colour is its sign (blue +, orange -) and whose width is its size.
// Inputs come from one layerOutputs() call over a coarse grid and one getWeights() call per frame.
//
// Input features (frame.inputs, 2D data in the compare lesson; web/scenes/compare.js builds it):
//   { names, labels, on, values, scale, toggle(name) }
// names: every feature the page offers, in drawing order; labels: what is written beside each
// node; on[j]: whether the networks are fed names[j] (layer 0's W has one column per feature on,
// in this order); values: every feature over data.thumbGrid, (thumbSize², names.length)
// row-major; scale[j]: the largest |value| of feature j there (the colour scale's end). The input
// column then shows every feature as TensorFlow Playground does, those off dimmed, and a click (or
// tap) on one, or on its label or its row, calls toggle(name). Where the nodes were drawn, for tests and tools: the canvas's
// data-input-nodes attribute, JSON [{ name, on, x, y, size }] in CSS pixels from its top-left
// corner. Without frame.inputs the input nodes are x1 and x2 themselves (data.thumbGrid).

import { cssSize } from './size.js';
import { fillDiverging, NEG, POS, MID } from './colors.js';

const rgba = (c, a) => `rgba(${c[0]},${c[1]},${c[2]},${a})`;
const POS_LINE = rgba(POS, 0.8);
const NEG_LINE = rgba(NEG, 0.85);

export function createDiagram(canvas) {
  const ctx = canvas.getContext('2d');
  const atlas = document.createElement('canvas');
  const actx = atlas.getContext('2d');
  let atlasImage = null;
  // the input-feature nodes as last drawn (frame.inputs): [{ name, on, x, y, size }], and their toggle
  let inputNodes = [], toggleInput = null, inputNodesAttr = '';
  // a node's target: its row of the input column, label included (half the pitch up and down),
  // so that a finger need not hit the small square itself
  const inputAt = (ev) => {
    const r = canvas.getBoundingClientRect(), x = ev.clientX - r.left, y = ev.clientY - r.top;
    return inputNodes.find((nd) => x >= 0 && x <= nd.x + nd.size / 2 + 2 && Math.abs(y - nd.y) <= Math.max(nd.size / 2 + 1, nd.pitch / 2));
  };
  canvas.addEventListener('click', (ev) => {
    const nd = inputAt(ev);
    if (nd && toggleInput) toggleInput(nd.name);
  });
  canvas.addEventListener('mousemove', (ev) => { canvas.style.cursor = inputAt(ev) ? 'pointer' : ''; });

  function fit() {
    const dpr = window.devicePixelRatio || 1;
    const { w: cw, h: ch } = cssSize(canvas);
    const w = Math.round(cw * dpr), h = Math.round(ch * dpr);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return { cw, ch };
  }

  // Node centres and size for layer sizes `sizes` in a cw x ch box (CSS pixels), `left` pixels
  // kept free on the left (the input features' labels).
  function layout(sizes, cw, ch, left = 0) {
    const top = 18, bottom = 4, cols = sizes.length;
    const maxUnits = Math.max(...sizes);
    const colGap = (cw - 8 - left) / cols;
    const S = Math.max(8, Math.min(34, colGap * 0.62, ((ch - top - bottom) / maxUnits) * 0.78));
    const pitch = Math.min(S * 1.32, (ch - top - bottom) / maxUnits);
    const mid = top + (ch - top - bottom) / 2;
    return {
      S, top,
      cols: sizes.map((m, l) => {
        const x = 4 + left + colGap * (l + 0.5);
        return { x, ys: Array.from({ length: m }, (_, k) => mid + (k - (m - 1) / 2) * pitch) };
      }),
    };
  }

  // Writes every node's heatmap into one atlas canvas row; node q occupies [q*T, (q+1)*T).
  function fillAtlas2d(frame, sizes) {
    const { data, layers, task } = frame;
    const T = data.thumbSize, total = sizes.reduce((a, b) => a + b, 0);
    if (atlas.width !== T * total || atlas.height !== T) { atlas.width = T * total; atlas.height = T; }
    if (!atlasImage || atlasImage.width !== T * total || atlasImage.height !== T) atlasImage = actx.createImageData(T * total, T);
    const img = atlasImage;
    const words = new Uint32Array(img.data.buffer);
    const stride = T * total;
    // node q's pixel p (row-major T x T) sits at atlas word (p / T) * stride + q * T + p % T
    let q = 0;
    const fillNode = (values, v0, vStride, centre, half) => {
      for (let row = 0; row < T; row++) {
        fillDiverging(words, row * stride + q * T, 1, values, v0 + row * T * vStride, vStride, T, centre, half);
      }
      q++;
    };
    // input nodes: every feature (frame.inputs), or x1 and x2 themselves
    const inputs = frame.inputs;
    if (inputs) for (let u = 0; u < sizes[0]; u++) fillNode(inputs.values, u, sizes[0], 0, inputs.scale[u] || 1);
    else for (let u = 0; u < sizes[0]; u++) fillNode(data.thumbGrid, u, 2, 0, data.domain);
    layers.forEach((vals, l) => {
      const m = sizes[l + 1], isOut = l === layers.length - 1 && m === 1;
      for (let u = 0; u < m; u++) fillNode(vals, u, m, isOut ? task.centre : 0, isOut ? task.half : 1);
    });
    actx.putImageData(img, 0, 0);
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

  // An input feature's node: dimmed when the networks are not fed it; its label on the left.
  function drawInputLabel(inputs, u, x0, y, S) {
    const on = inputs.on[u];
    if (!on) { ctx.fillStyle = 'rgba(255,255,255,0.62)'; ctx.fillRect(x0, y - S / 2, S, S); }
    ctx.save();
    ctx.font = `${on ? '600 ' : ''}9px system-ui, -apple-system, "Segoe UI", sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = on ? '#1d1f23' : '#5f6670'; // both AA on the diagram's light paper; off: regular, on: bold
    ctx.fillText(inputs.labels[u], x0 - 3, y);
    ctx.restore();
  }

  return {
    draw(frame) {
      const { data, layers, weights, labels } = frame; // frame.sizes: [inputs, ...hidden, outputs]
      const { cw, ch } = fit();
      ctx.clearRect(0, 0, cw, ch);
      // input features: the input column lists every one; rows[i] is where W's column i starts
      const inputs = data.inputs === 2 ? frame.inputs : undefined;
      const rows = inputs ? inputs.on.flatMap((on, j) => (on ? [j] : [])) : null;
      const sizes = inputs ? [inputs.names.length, ...frame.sizes.slice(1)] : frame.sizes;
      ctx.font = '9px system-ui, -apple-system, "Segoe UI", sans-serif';
      const labelW = inputs ? Math.ceil(Math.max(...inputs.labels.map((s) => ctx.measureText(s).width))) + 4 : 0;
      const L = layout(sizes, cw, ch, labelW), S = L.S;
      toggleInput = inputs ? inputs.toggle : null;

      // weights: W is (out, in) row-major, y = f(W x + b). Lines are bucketed by sign and by
      // width (quarter-pixel steps) so a frame strokes a few dozen paths, not one per weight.
      const buckets = new Map();
      weights.forEach(({ W }, l) => {
        const a = L.cols[l], b = L.cols[l + 1], nin = sizes[l], nout = sizes[l + 1];
        const x0 = a.x + S / 2, x1 = b.x - S / 2, xm = (x0 + x1) / 2;
        for (let o = 0; o < nout; o++) {
          for (let i = 0; i < nin; i++) {
            const w = W[o * nin + i];
            if (!Number.isFinite(w)) continue;
            const width = Math.round(Math.min(7, 0.35 + Math.abs(w) * 1.6) * 4) / 4;
            const key = (w >= 0 ? 1 : -1) * width;
            let path = buckets.get(key);
            if (!path) buckets.set(key, (path = new Path2D()));
            const ya = a.ys[l === 0 && rows ? rows[i] : i];
            path.moveTo(x0, ya);
            path.bezierCurveTo(xm, ya, xm, b.ys[o], x1, b.ys[o]);
          }
        }
      });
      ctx.lineCap = 'round';
      for (const [key, path] of [...buckets].sort((p, q) => Math.abs(p[0]) - Math.abs(q[0]))) {
        ctx.strokeStyle = key > 0 ? POS_LINE : NEG_LINE;
        ctx.lineWidth = Math.abs(key);
        ctx.stroke(path);
      }

      // neurons
      if (data.inputs !== 1) {
        fillAtlas2d({ ...frame, inputs }, sizes);
        ctx.imageSmoothingEnabled = true;
      }
      let q = 0;
      ctx.font = '600 10px system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      // crowded columns: the words "input" / "output" would run into the layer sizes
      const colGap = L.cols.length > 1 ? L.cols[1].x - L.cols[0].x : cw;
      L.cols.forEach((col, l) => {
        ctx.fillStyle = '#5f6670';
        let label = labels[l] ?? '';
        if (ctx.measureText(label).width > colGap - 4) label = l === 0 ? 'x' : l === L.cols.length - 1 ? 'ŷ' : label;
        ctx.fillText(label, col.x, 11);
        col.ys.forEach((y, u) => {
          const x0 = col.x - S / 2, y0 = y - S / 2;
          ctx.fillStyle = rgba(MID, 1);
          ctx.fillRect(x0, y0, S, S);
          if (data.inputs !== 1) {
            ctx.drawImage(atlas, q * data.thumbSize, 0, data.thumbSize, data.thumbSize, x0, y0, S, S);
          } else if (l === 0) {
            ctx.fillStyle = '#fbfbfc'; ctx.fillRect(x0, y0, S, S);
            drawCurve1d(data.thumbGrid, data.thumbGrid, 1, 0, x0, y0, S);
          } else {
            ctx.fillStyle = '#fbfbfc'; ctx.fillRect(x0, y0, S, S);
            drawCurve1d(data.thumbGrid, layers[l - 1], sizes[l], u, x0, y0, S);
          }
          ctx.strokeStyle = 'rgba(0,0,0,0.28)';
          ctx.lineWidth = 1;
          ctx.strokeRect(x0 + 0.5, y0 + 0.5, S - 1, S - 1);
          if (inputs && l === 0) drawInputLabel(inputs, u, x0, y, S);
          q++;
        });
      });
      const ys0 = L.cols[0].ys, pitch = ys0.length > 1 ? ys0[1] - ys0[0] : S;
      inputNodes = inputs ? inputs.names.map((name, u) => ({ name, on: inputs.on[u], x: L.cols[0].x, y: ys0[u], size: S, pitch })) : [];
      const attr = JSON.stringify(inputNodes.map((nd) => ({ name: nd.name, on: nd.on, x: +nd.x.toFixed(1), y: +nd.y.toFixed(1), size: +nd.size.toFixed(1) })));
      if (attr !== inputNodesAttr) { inputNodesAttr = attr; if (inputNodes.length) canvas.dataset.inputNodes = attr; else delete canvas.dataset.inputNodes; }
    },
  };
}
