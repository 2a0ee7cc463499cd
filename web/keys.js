// Building blocks for declaring URL keys (the lessons' `keys` in web/scenes/*.js, the host's in
// web/state.js). A key declaration is
//   { default, parse(value, ctx) -> value | undefined, effect, hash, values, doc }
// parse takes a string from the hash or a JS value from playground.set() and returns the parsed
// value, or undefined when it is not acceptable: a malformed value is dropped and reported, never
// interpreted. ctx is { activations, datasets } (the engine's names, the datasets the page offers).
// effect says what a change costs (web/README.md's key table): 'data' (new data, reset),
// 'network' (reset), 'live', 'view', 'rebuild' (the lesson rebuilds its networks).
// hash: 'always' (written on every hash) or 'changed' (only when it differs from its default,
// so a link to a lesson stays short). values and doc are the README's words for the key.
// explain(value, ctx) -> text, optional: why a refused value is wrong (shown in the notice).
// atLeastOne (optional, boolean keys): a group name; at least one key of the group must be true
// (compare's input features): state.js drops and reports a hash that turns all of them off, and the
// lesson refuses such a change from playground.set().

export function toNumber(v) {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return NaN;
  return Number(v);
}

export function toBool(v) {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

/** A number in [min, max] (open at min when `open` is set). */
export const number = (min, max, { open = false } = {}) => (v) => {
  const n = toNumber(v);
  return (open ? n > min : n >= min) && n <= max ? n : undefined;
};

/** An integer in [min, max]. */
export const integer = (min, max) => (v) => {
  const n = toNumber(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** One of a fixed list of strings (or numbers, given as numbers or strings). */
export const oneOf = (list) => (v) => {
  if (typeof list[0] === 'number') { const n = toNumber(v); return list.includes(n) ? n : undefined; }
  return list.includes(v) ? v : undefined;
};

export const bool = (v) => toBool(v);

/** One of the engine's activation names. */
export const activation = (v, ctx) => (ctx.activations.includes(v) ? v : undefined);

/** A list of exactly `length` activation names, "a,b,c" in the hash. */
export const activationList = (length) => (v, ctx) => {
  const arr = typeof v === 'string' ? v.split(',') : v;
  return Array.isArray(arr) && arr.length === length && arr.every((a) => ctx.activations.includes(a)) ? arr.slice() : undefined;
};

/** A key declaration with its defaults filled in. */
export function key(def) {
  return { effect: 'view', hash: 'changed', values: '', doc: '', ...def };
}
