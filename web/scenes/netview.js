// A network as the compare view draws it, for the lessons: its diagram (one layerOutputs() call
// over the thumbnail grid, one getWeights()) and its output heatmap or curve (one predict() over
// the output grid), in a card with a header, a stats line and a caption.

import { el } from './common.js';
import { createOutputView } from '../heatmap.js';
import { createDiagram } from '../network-diagram.js';
import { t } from '../i18n.js';

let nextIndex = 10; // heatmap canvases of the lessons: data-net="10", "11", ... (0 and 1 are the compare view's)

export function createNetCard({ accent, diagram = true, headExtra = [], className = '' } = {}) {
  const index = nextIndex++;
  const name = el('span', { class: 'net-name' });
  const head = el('header', { class: 'net-head' }, el('h2', {}, el('span', { class: 'swatch' }), name), ...headExtra);
  const stats = el('div', { class: 'net-stats scene-stats' });
  const diagramCanvas = diagram ? el('canvas', { class: 'diagram', role: 'img', 'data-i18n-aria': 'diagramAria' }) : null;
  const box = el('div', { class: 'output-box', role: 'img', 'data-i18n-aria': 'outputAria' });
  const body = el('div', { class: `net-body ${diagram ? '' : 'no-diagram'}` }, diagramCanvas, box);
  const caption = el('p', { class: 'caption' });
  const node = el('article', { class: `net-card scene-net ${className}` }, head, stats, body, caption);
  if (accent) node.style.setProperty('--c', accent);
  const output = createOutputView(box, { index });
  const diag = diagram ? createDiagram(diagramCanvas) : null;
  return {
    node, name, stats, caption, body, box, index, output,
    /** Draws net on data: one predict() over the grid, one layerOutputs() and getWeights() for the diagram. */
    draw(net, data, task, { color = accent, output: given } = {}) {
      const out = given ?? net.predict(data.grid);
      output.draw({ data, task, output: out, showTest: false, discretize: false, color });
      if (diag) {
        const sizes = net.layers.slice();
        const labels = sizes.map((m, l) => (l === 0 ? t('inputLayer') : l === sizes.length - 1 ? t('outputLayer') : String(m)));
        diag.draw({ data, task, sizes, layers: net.layerOutputs(data.thumbGrid), weights: net.getWeights(), labels });
      }
      return out;
    },
  };
}

/** Accuracy on ±1 labels: output on the label's side of `centre`. */
export function accuracyOf(pred, y, centre = 0) {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((pred[i] > centre) === (y[i] > 0)) ok++;
  return y.length ? ok / y.length : NaN;
}
