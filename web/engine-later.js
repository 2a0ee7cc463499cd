// The engine's entries that the page, over http, loads after its first frame: the analyses that
// no lesson needs for its first frame but the lessons after the first (least squares, PCA,
// principal angles, collapse, linear pieces, synthetic gradients, activation curves) and compare's
// best line, which it computes after its first frame anyway; and the diagrams' layer outputs and
// the gradients, which only the later script shows. scripts/split-wasm.mjs moves the code only
// they reach into a second module, LATER_WASM, with binaryen's wasm-split: one engine, one memory
// and one table (bench/README.md, "Page").
// web/engine.js refuses these entries, with an Error that names the file, until that module is
// in (engine.loadLater()); web/later.js loads it with nlp-later.js. Where the page has the whole
// module (from file://, the single offline file, dist/engine.mjs, Node) they work at once.
export const LATER_ENTRIES = Object.freeze({
  functions: Object.freeze(['leastSquares', 'pca', 'principalAngle', 'bestLineAccuracy', 'activationCurve']),
  netMethods: Object.freeze(['collapse', 'collapseDeviation', 'linearPieces', 'fitSynthetic', 'syntheticProbe', 'layerOutputs', 'gradients']),
});

// The activations whose kernels the first part holds: the first lesson's (linear and tanh, its
// output's too). The kernels of the others (engine/kernels.cpp: one function per kind, reached
// through a table) are in the later part: until it is in, engine.createNetwork refuses them, and
// the page loads it before its first frame when a link names one (laterActivations below).
export const FIRST_ACTIVATIONS = Object.freeze(['linear', 'tanh']);

/**
 * The activations of the later part that `values` name (a link's or a state change's, key ->
 * value): the values of the keys named like "activation" (compare's activation, activation2 and
 * outputActivation) that are engine activations (`activations`, engine.activations).
 */
export function laterActivations(values, activations) {
  return Object.entries(values).filter(([k]) => /activation/i.test(k)).flatMap(([, v]) => [v].flat())
    .filter((v) => activations.includes(v) && !FIRST_ACTIVATIONS.includes(v));
}

export const FIRST_WASM = 'nlp_engine.first.wasm';
export const LATER_WASM = 'nlp_engine.later.wasm';
