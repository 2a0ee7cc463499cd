// A network as the compare view draws it, for the lessons after the first: its diagram (one
// layerOutputs() call over the thumbnail grid, one getWeights()) and its output heatmap or curve
// (one predict() over the output grid), in a card with a header, a stats line and a caption.
// Hovering, focusing or pinning a neuron of the diagram shows that neuron's output in the large
// picture (netview.js). Only the later script's views use it (web/later.js).

import { el } from './common.js';
import { createOutputView } from '../heatmap.js';
import { createDiagram } from '../network-diagram.js';
import { t } from '../i18n.js';
import { neuronFrame, neuronBadge } from './netview.js';

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
  let lastArgs = null, drawing = false;
  const drawOutput = () => {
    const [net, data, task, color, given] = lastArgs;
    const shown = diag?.shown();
    const f = shown ? neuronFrame(net, data, task, shown) : null;
    const out = f ? f.output : given ?? net.predict(data.grid);
    output.draw({ data: f ? f.data : data, task: f ? f.task : task, output: out, showTest: false, discretize: false, color });
    output.showing(...(f ? neuronBadge(shown) : [null, '']));
    return f ? null : out;
  };
  const diag = diagram ? createDiagram(diagramCanvas, {
    name: () => name.textContent || t('networkN', { n: 1 }),
    // the lessons redraw when they train; a hover while paused redraws the picture at once
    onShow: () => { if (!drawing && lastArgs) drawOutput(); },
  }) : null;
  return {
    node, name, stats, caption, body, box, index, output,
    /**
     * Draws net on data: one predict() over the grid (or the shown neuron's layerOutputs()), one
     * layerOutputs() and getWeights() for the diagram. Returns the network's output over the
     * grid, or null while the picture shows a neuron instead.
     */
    draw(net, data, task, { color = accent, output: given } = {}) {
      drawing = true;
      try {
        if (diag) {
          const sizes = net.layers.slice();
          const labels = sizes.map((m, l) => (l === 0 ? t('inputLayer') : l === sizes.length - 1 ? t('outputLayer') : String(m)));
          diag.draw({ data, task, sizes, layers: net.layerOutputs(data.thumbGrid), weights: net.getWeights(), labels });
        }
        lastArgs = [net, data, task, color, given];
        return drawOutput();
      } finally { drawing = false; }
    },
  };
}

/** Accuracy on ±1 labels: output on the label's side of `centre`. */
export function accuracyOf(pred, y, centre = 0) {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((pred[i] > centre) === (y[i] > 0)) ok++;
  return y.length ? ok / y.length : NaN;
}
