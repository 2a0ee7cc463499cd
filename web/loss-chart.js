// The shared loss-over-time chart: training loss (solid) and test loss (dashed) of both
// networks against the epoch, on one canvas. The legend is HTML (translated with the page).

import { cssSize } from './size.js';
import { canvasFont } from './scenes/basics.js';

export function createLossChart(canvas) {
  const ctx = canvas.getContext('2d');

  function niceMax(v) {
    if (!(v > 0)) return 1;
    const p = 10 ** Math.floor(Math.log10(v));
    for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  const fmt = (v) => (v === 0 ? '0' : v >= 100 ? v.toFixed(0) : v >= 1 ? String(+v.toFixed(2)) : String(+v.toPrecision(2)));

  return {
    /** series: [{ history: {epoch, train, test}, color }] ; labels: { epoch, loss } */
    draw(series, labels) {
      const dpr = window.devicePixelRatio || 1;
      const { w: cw, h: ch } = cssSize(canvas);
      if (canvas.width !== Math.round(cw * dpr) || canvas.height !== Math.round(ch * dpr)) {
        canvas.width = Math.round(cw * dpr); canvas.height = Math.round(ch * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, cw, ch);
      const left = 50, right = 10, top = 8, bottom = 22;
      const pw = cw - left - right, ph = ch - top - bottom;
      let maxE = 1;
      for (const { history: h } of series) if (h.epoch.length) maxE = Math.max(maxE, h.epoch[h.epoch.length - 1]);
      // The scale follows the losses after the first 5 % of the run, so one large initial loss
      // does not flatten the rest (the start is clipped at the top instead).
      let maxL = 0, maxAll = 0;
      for (const { history: h } of series) {
        for (const k of ['train', 'test']) {
          h[k].forEach((v, i) => {
            if (!Number.isFinite(v)) return;
            maxAll = Math.max(maxAll, v);
            if (h.epoch[i] >= 0.05 * maxE) maxL = Math.max(maxL, v);
          });
        }
      }
      const yMax = niceMax((maxL > 0 ? maxL : maxAll) * 1.1);
      const xMax = Math.max(10, maxE);
      const X = (e) => left + (e / xMax) * pw, Y = (v) => top + ph - (Math.min(v, yMax) / yMax) * ph;

      ctx.font = canvasFont('11px');
      ctx.strokeStyle = '#e3e6ea';
      ctx.fillStyle = '#6b7280';
      ctx.lineWidth = 1;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const f of [0, 0.5, 1]) {
        const y = Math.round(Y(yMax * f)) + 0.5;
        ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(left + pw, y); ctx.stroke();
        ctx.fillText(fmt(yMax * f), left - 5, y);
      }
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText('0', X(0), top + ph + 5);
      ctx.fillText(String(Math.round(xMax)), X(xMax) - 8, top + ph + 5);
      ctx.fillText(labels.epoch, left + pw / 2, top + ph + 5);
      ctx.save();
      ctx.translate(9, top + ph / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textBaseline = 'middle';
      ctx.fillText(labels.loss, 0, 0);
      ctx.restore();

      ctx.lineJoin = 'round';
      for (const { history: h, color } of series) {
        for (const [k, dash, width] of [['test', [4, 3], 1.5], ['train', [], 2.2]]) {
          ctx.strokeStyle = color;
          ctx.lineWidth = width;
          ctx.setLineDash(dash);
          ctx.beginPath();
          // at most about one point per pixel column: long runs stay cheap to draw
          const n = h.epoch.length, stride = Math.max(1, Math.floor(n / pw));
          let pen = false;
          for (let j = 0; j < n + stride - 1; j += stride) { // ends on the last point
            const i = Math.min(j, n - 1), v = h[k][i];
            if (!Number.isFinite(v)) { pen = false; continue; }
            if (pen) ctx.lineTo(X(h.epoch[i]), Y(v)); else ctx.moveTo(X(h.epoch[i]), Y(v));
            pen = true;
          }
          ctx.stroke();
        }
      }
      ctx.setLineDash([]);
    },
  };
}
