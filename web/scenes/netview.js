// A network as the compare view draws it, for the lessons: its diagram (one layerOutputs() call
// over the thumbnail grid, one getWeights()) and its output heatmap or curve (one predict() over
// the output grid), in a card with a header, a stats line and a caption. Hovering, focusing or
// pinning a neuron of the diagram shows that neuron's output in the large picture
// (neuronFrame(), shared with the compare lesson).

import { el } from './common.js';
import { createOutputView } from '../heatmap.js';
import { createDiagram } from '../network-diagram.js';
import { t } from '../i18n.js';

let nextIndex = 10; // heatmap canvases of the lessons: data-net="10", "11", ... (0 and 1 are the compare view's)

/**
 * What the large picture draws for `node` of a diagram (its onShow): { data, task, output } with
 * the node's value at every point of data.grid, or null for the output neuron, for a node the
 * network no longer has (the diagram says so a moment later), and for an input it cannot compute:
 * x and y are the grid's own coordinates; any other input (a feature) comes from
 * `inputPlane(name, grid)`, which returns { values, scale } (values at every grid point, drawn
 * with `scale` as full colour) or null. A hidden neuron costs one layerOutputs() over `netGrid`,
 * what the network is fed at the grid's points (default data.grid; the compare lesson's
 * networks are fed features of them). Hidden neurons are drawn on the scale of the diagram's
 * tiles (-1 .. 1), inputs on the data's.
 */
export function neuronFrame(net, data, task, node, { inputPlane, netGrid = data.grid } = {}) {
  if (!node || node.output) return null;
  const k = data.inputs, count = data.grid.length / k;
  let plane, scale;
  if (node.layer === 0) {
    const col = node.input === 'x' ? 0 : node.input === 'y' && k === 2 ? 1 : -1;
    if (col >= 0) {
      plane = new Float32Array(count);
      for (let p = 0; p < count; p++) plane[p] = data.grid[p * k + col];
      scale = { kind: 'input', centre: 0, half: data.domain };
    } else {
      const f = inputPlane?.(node.input, data.grid);
      if (!f || f.values.length !== count) return null;
      plane = f.values;
      scale = { kind: 'input', centre: 0, half: f.scale ?? 1 };
    }
  } else {
    const m = net.layers[node.layer];
    if (!(node.layer < net.layers.length - 1) || !(node.unit < m)) return null;
    const vals = net.layerOutputs(netGrid)[node.layer - 1];
    plane = new Float32Array(count);
    for (let p = 0; p < count; p++) plane[p] = vals[p * m + node.unit];
    // a hidden neuron's zero line is its own boundary: drawn for classification as the output's
    scale = { kind: task.kind === 'regression' ? 'regression' : 'classification', centre: 0, half: 1 };
  }
  return { data: data.outputs === 1 ? data : { ...data, outputs: 1 }, task: { ...task, ...scale }, output: plane };
}

/** The large picture's badge for the shown node: [text, hint]. */
export function neuronBadge(node) {
  if (!node || node.output) return [null, ''];
  const text = node.layer === 0 ? t('diagram.showingInput', { name: node.name }) : t('diagram.showingNeuron', { name: node.name });
  const hint = node.toggles ? (node.via === 'pin' ? '' : t('diagram.toggleHint'))
    : node.pinned ? t('diagram.pinnedHint') : node.via === 'hover' ? t('diagram.clickToPin') : node.via === 'focus' ? t('diagram.enterToPin') : '';
  return [text, hint];
}

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
