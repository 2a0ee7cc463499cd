// What the large picture of a network shows when a neuron of its diagram is hovered, focused or
// pinned (neuronFrame) and the badge that says so (neuronBadge): shared by the compare lesson
// and the lessons' network cards (netcard.js). In the page's script; the diagram itself
// (web/network-diagram.js) arrives with the later script (web/later.js).

import { t } from '../i18n.js';

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
