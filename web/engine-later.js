// The engine's entries that the page, over http, loads after its first frame: the analyses that
// no lesson needs for its first frame but the lessons after the first (least squares, PCA,
// principal angles, collapse, linear pieces, synthetic gradients, activation curves) and compare's
// best line, which it computes after its first frame anyway. scripts/split-wasm.mjs moves the
// code only they reach into a second module, LATER_WASM, with binaryen's wasm-split: one
// engine, one memory and one table, its first part 72 kB gzip instead of 107 (bench/README.md).
// web/engine.js refuses these entries, with an Error that names the file, until that module is
// in (engine.loadLater()); web/later.js loads it with nlp-later.js. Where the page has the whole
// module (from file://, the single offline file, dist/engine.mjs, Node) they work at once.
export const LATER_ENTRIES = Object.freeze({
  functions: Object.freeze(['leastSquares', 'pca', 'principalAngle', 'bestLineAccuracy', 'activationCurve']),
  netMethods: Object.freeze(['collapse', 'collapseDeviation', 'linearPieces', 'fitSynthetic', 'syntheticProbe']),
});

export const FIRST_WASM = 'nlp_engine.first.wasm';
export const LATER_WASM = 'nlp_engine.later.wasm';
