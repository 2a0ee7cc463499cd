// The output view of one network. 2D data: the network's output over the input plane as a
// heatmap (one pixel of the `.heatmap` canvas per grid point, written as ImageData, scaled up by
// CSS), and on an overlay canvas the decision boundary (the zero contour, by marching squares)
// and the data points. 1D data: the fitted curve over the data points.
//
// The heatmap canvas holds only what the colour scale says about the outputs, so a test can read
// the drawn decision boundary from its pixels.

import { cssSize } from './size.js';
import { setText, setHidden } from './scenes/basics.js';
import { divergingWord, fillDiverging, divergingCss, CLASS_RGB, CLASS_HEX, MID, packRGB, NAN_WORD } from './colors.js';

/** training set -> the canvases its points were drawn into (drawPoints2d): a few sizes and views. */
const pointCaches = new WeakMap();

/** The y range a 1D plot shows: the data's targets with a margin ([-1, 1] with no data yet). */
export function range1d(data) {
  let lo = Infinity, hi = -Infinity;
  for (const v of data.all.y) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (lo > hi) { lo = -1; hi = 1; }
  const pad = Math.max(0.15 * (hi - lo), 0.1);
  return [lo - pad, hi + pad];
}

export function createOutputView(container, { index }) {
  container.classList.add('output-view');
  const heat = document.createElement('canvas');
  heat.className = 'heatmap';
  heat.dataset.net = String(index);
  const overlay = document.createElement('canvas');
  overlay.className = 'overlay';
  // what the picture shows when it is not the network's output (a neuron of the diagram)
  const badge = document.createElement('div');
  badge.className = 'showing-badge';
  badge.hidden = true;
  const badgeText = document.createElement('span');
  const badgeHint = document.createElement('span');
  badgeHint.className = 'showing-hint';
  badge.append(badgeText, badgeHint);
  container.append(heat, overlay, badge);
  const ctx = heat.getContext('2d', { willReadFrequently: true });
  const octx = overlay.getContext('2d');
  let image = null, words = null;

  function fitOverlay() {
    const dpr = window.devicePixelRatio || 1;
    const css = cssSize(container);
    const w = Math.max(1, Math.round(css.w * dpr));
    const h = Math.max(1, Math.round(css.h * dpr));
    if (overlay.width !== w || overlay.height !== h) { overlay.width = w; overlay.height = h; }
    return { dpr, w, h };
  }

  function drawHeatmap(frame) {
    const { data, task, output, discretize } = frame;
    const n = data.gridSize;
    if (heat.width !== n || heat.height !== n || !image) {
      heat.width = n; heat.height = n;
      image = ctx.createImageData(n, n);
      words = new Uint32Array(image.data.buffer);
    }
    const k = data.outputs;
    if (k === 1) {
      const { centre, half } = task;
      if (discretize && task.kind === 'classification') {
        for (let p = 0; p < n * n; p++) {
          const t = output[p] - centre;
          words[p] = t === t ? divergingWord(t > 0 ? 1 : -1) : NAN_WORD;
        }
      } else {
        fillDiverging(words, 0, 1, output, 0, 1, n * n, centre, half);
      }
    } else {
      for (let p = 0; p < n * n; p++) {
        let m = -Infinity, best = 0;
        for (let j = 0; j < k; j++) if (output[p * k + j] > m) { m = output[p * k + j]; best = j; }
        if (!(m === m) || m === Infinity) { words[p] = NAN_WORD; continue; }
        // the winning class's colour, pale where the network is unsure (as the two-class scale
        // is pale near 0): conf = (p_max - 1/k) / (1 - 1/k), p_max = 1 / sum_j exp(z_j - z_max)
        const c = CLASS_RGB[best % CLASS_RGB.length];
        let f = 1;
        if (!discretize) {
          let s = 0;
          for (let j = 0; j < k; j++) s += Math.exp(output[p * k + j] - m);
          f = Math.max(0, (1 / s - 1 / k) / (1 - 1 / k));
        }
        const r = MID[0] + (c[0] - MID[0]) * f, g = MID[1] + (c[1] - MID[1]) * f, b = MID[2] + (c[2] - MID[2]) * f;
        words[p] = packRGB(Math.round(r), Math.round(g), Math.round(b));
      }
    }
    ctx.putImageData(image, 0, 0);
  }

  // The zero contour of (output - centre) over the grid, by marching squares between the centres
  // of neighbouring grid cells, in overlay pixels.
  function contourPath(frame, w, h) {
    const { data, task, output } = frame;
    const n = data.gridSize, c = task.centre;
    const path = new Path2D();
    const sx = w / n, sy = h / n;
    // marching squares on the grid of cell centres: where the output crosses the centre, a
    // segment between two crossed edges of a cell (no allocation per cell: this runs every frame)
    const xs = [0, 0, 0, 0], ys = [0, 0, 0, 0];
    for (let j = 0; j < n - 1; j++) {
      for (let i = 0; i < n - 1; i++) {
        const o = j * n + i;
        const a = output[o] - c, b = output[o + 1] - c, d = output[o + n] - c, e = output[o + n + 1] - c;
        if (!(a === a && b === b && d === d && e === e)) continue;
        let k = 0;
        if ((a > 0) !== (b > 0)) { xs[k] = i + a / (a - b); ys[k++] = j; }
        if ((b > 0) !== (e > 0)) { xs[k] = i + 1; ys[k++] = j + b / (b - e); }
        if ((d > 0) !== (e > 0)) { xs[k] = i + d / (d - e); ys[k++] = j + 1; }
        if ((a > 0) !== (d > 0)) { xs[k] = i; ys[k++] = j + a / (a - d); }
        for (let q = 0; q + 1 < k; q += 2) {
          path.moveTo((xs[q] + 0.5) * sx, (ys[q] + 0.5) * sy);
          path.lineTo((xs[q + 1] + 0.5) * sx, (ys[q + 1] + 0.5) * sy);
        }
      }
    }
    return path;
  }

  function pointStyle(task, y, i, k) {
    if (k > 1) {
      let best = 0;
      for (let j = 1; j < k; j++) if (y[i * k + j] > y[i * k + best]) best = j;
      return CLASS_HEX[best % CLASS_HEX.length];
    }
    if (task.kind === 'classification') return y[i] > 0 ? divergingCss(1) : divergingCss(-1);
    return divergingCss(y[i] / task.half);
  }

  // The data points change only with the data or the view size: drawn once into a cache
  // canvas, then copied onto the overlay every frame. The two networks' views show the same
  // points at the same size: the cache is shared (pointCaches, by training set).
  function drawPoints2d(frame, w, h, dpr) {
    const { data, task, showTest } = frame;
    // keyed by the training set (a neuron's frame copies the data object, not its points)
    let list = pointCaches.get(data.train);
    if (!list) pointCaches.set(data.train, list = []);
    let hit = list.find((e) => e.test === data.test && e.showTest === showTest && e.w === w && e.h === h && e.dpr === dpr
      && e.half === task.half && e.task === task.kind && e.k === data.outputs && e.domain === data.domain);
    if (!hit) {
      const canvas = document.createElement('canvas');
      canvas.width = w; canvas.height = h;
      const pctx = canvas.getContext('2d');
      const d = data.domain, k = data.outputs;
      const sx = (x) => ((x + d) / (2 * d)) * w, sy = (y) => ((d - y) / (2 * d)) * h;
      const r = Math.max(2, Math.min(4, w / (90 * dpr))) * dpr;
      const sets = showTest ? [[data.train, false], [data.test, true]] : [[data.train, false]];
      for (const [set, isTest] of sets) {
        const m = set.y.length / k;
        pctx.lineWidth = (isTest ? 1.4 : 1) * dpr;
        pctx.strokeStyle = isTest ? '#1d1d1f' : '#ffffff';
        for (let i = 0; i < m; i++) {
          pctx.beginPath();
          pctx.arc(sx(set.x[2 * i]), sy(set.x[2 * i + 1]), r, 0, 2 * Math.PI);
          pctx.fillStyle = pointStyle(task, set.y, i, k);
          pctx.fill();
          pctx.stroke();
        }
      }
      hit = { test: data.test, showTest, w, h, dpr, half: task.half, task: task.kind, k: data.outputs, domain: data.domain, canvas };
      list.push(hit);
      if (list.length > 4) list.shift();
    }
    octx.drawImage(hit.canvas, 0, 0);
  }

  function draw2d(frame) {
    if (heat.hidden) heat.hidden = false;
    drawHeatmap(frame);
    const { dpr, w, h } = fitOverlay();
    octx.clearRect(0, 0, w, h);
    if (frame.task.kind === 'classification' && frame.data.outputs === 1) {
      octx.strokeStyle = 'rgba(29, 29, 31, 0.85)';
      octx.lineWidth = 1.6 * dpr;
      octx.lineCap = 'round';
      octx.stroke(contourPath(frame, w, h));
    }
    drawPoints2d(frame, w, h, dpr);
  }

  function draw1d(frame) {
    if (!heat.hidden) heat.hidden = true;
    const { data, output, showTest, color } = frame;
    const { dpr, w, h } = fitOverlay();
    octx.clearRect(0, 0, w, h);
    octx.fillStyle = '#fbfbfc';
    octx.fillRect(0, 0, w, h);
    const d = data.domain;
    const [lo, hi] = range1d(data);
    const sx = (x) => ((x + d) / (2 * d)) * w, sy = (y) => h - ((y - lo) / (hi - lo)) * h;
    // axes through the origin
    octx.strokeStyle = '#d5d8dc';
    octx.lineWidth = dpr;
    octx.beginPath();
    octx.moveTo(0, sy(0)); octx.lineTo(w, sy(0));
    octx.moveTo(sx(0), 0); octx.lineTo(sx(0), h);
    octx.stroke();
    const r = 2.6 * dpr;
    const sets = showTest ? [[data.train, false], [data.test, true]] : [[data.train, false]];
    for (const [set, isTest] of sets) {
      for (let i = 0; i < set.y.length; i++) {
        octx.beginPath();
        octx.arc(sx(set.x[i]), sy(set.y[i]), r, 0, 2 * Math.PI);
        if (isTest) { octx.strokeStyle = '#1d1d1f'; octx.lineWidth = 1.2 * dpr; octx.stroke(); }
        else { octx.fillStyle = 'rgba(8, 119, 189, 0.55)'; octx.fill(); }
      }
    }
    octx.save();
    octx.beginPath();
    octx.rect(0, 0, w, h);
    octx.clip();
    octx.strokeStyle = color;
    octx.lineWidth = 2.6 * dpr;
    octx.lineJoin = 'round';
    octx.beginPath();
    let pen = false;
    for (let i = 0; i < data.grid.length; i++) {
      const v = output[i];
      if (!Number.isFinite(v)) { pen = false; continue; }
      const X = sx(data.grid[i]), Y = sy(Math.max(lo - 10 * (hi - lo), Math.min(hi + 10 * (hi - lo), v)));
      if (pen) octx.lineTo(X, Y); else octx.moveTo(X, Y);
      pen = true;
    }
    octx.stroke();
    octx.restore();
  }

  return {
    heat, overlay,
    /** Says what the picture shows when it is not the output (text), or nothing (null). */
    showing(text, hint = '') {
      // every frame: touch the DOM only when something changes (a set attribute restyles)
      if (badge.hidden !== !text) { badge.hidden = !text; container.classList.toggle('shows-neuron', !!text); }
      setText(badgeText, text ?? '');
      setText(badgeHint, hint);
      setHidden(badgeHint, !hint);
    },
    draw(frame) {
      container.classList.toggle('is-1d', frame.data.inputs === 1);
      if (frame.data.inputs === 1) draw1d(frame); else draw2d(frame);
    },
  };
}
