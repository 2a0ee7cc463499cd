// The engine's entries that the page, over http, loads after its first frame: the analyses that
// no lesson needs for its first frame but the lessons after the first (least squares, PCA,
// principal angles, collapse, linear pieces, synthetic gradients, activation curves) and compare's
// best line, which it computes after its first frame anyway; the diagrams' layer outputs and the
// gradients, which only the later script shows; and the input features other than x₁, x₂.
// scripts/split-wasm.mjs moves the code only they reach into a second module, LATER_WASM, with
// binaryen's wasm-split: one engine, one memory and one table (bench/README.md, "Page").
// web/engine.js refuses these entries, with an Error that names the file, until that module is
// in (engine.loadLater()); web/later.js loads it with nlp-later.js. Where the page has the whole
// module (from file://, the single offline file, dist/engine.mjs, Node) they work at once.
export const LATER_ENTRIES = /* @__PURE__ */ Object.freeze({
  functions: /* @__PURE__ */ Object.freeze(['leastSquares', 'pca', 'principalAngle', 'bestLineAccuracy', 'activationCurve', 'features']),
  netMethods: /* @__PURE__ */ Object.freeze(['collapse', 'collapseDeviation', 'linearPieces', 'fitSynthetic', 'syntheticProbe', 'layerOutputs', 'gradients']),
});

// The activations whose kernels the first part holds: the first lesson's (linear and tanh, its
// output's too). The code of the others (engine/kernels.cpp's passes and engine/activation.cpp's
// derivative: one function per kind, reached through a table) is in the later part: until it is
// in, engine.createNetwork refuses them.
export const FIRST_ACTIVATIONS = /* @__PURE__ */ Object.freeze(['linear', 'tanh']);

/** Whether the networks fed `features` (names, in the engine's order) need engine.features: all
 *  but x₁, x₂ alone, which are the points themselves (web/model.js). */
export const needsFeatures = (features) => features.join() !== 'x,y';

/**
 * The keys of `values` (a link's, or a change to the state) that need the later part, given the
 * state they change (a link's: the defaults): those that name an activation of the later part (the
 * keys named like "activation": compare's activation, activation2, outputActivation), and the
 * input features' keys when the features on would be other than x₁, x₂ alone (engine.features,
 * which x₁, x₂ alone skip). The page loads the later part before its first frame for a link with
 * such keys, and a change with them waits for it. engine: { activations, featureNames }.
 */
export function laterKeys(values, state, engine) {
  const keys = Object.keys(values).filter((k) => /activation/i.test(k) &&
    [values[k]].flat().some((v) => engine.activations.includes(v) && !FIRST_ACTIVATIONS.includes(v)));
  const next = { ...state, ...values };
  if (needsFeatures(engine.featureNames.filter((f) => next[f] === true))) keys.push(...Object.keys(values).filter((k) => engine.featureNames.includes(k)));
  return keys;
}

// The two parts as the page fetches them, LZMA-compressed (web/wasm-loader.js decodes them)
export const FIRST_WASM = 'nlp_engine.first.wasm.lzma';
export const LATER_WASM = 'nlp_engine.later.wasm.lzma';
