// The page's whole state, its defaults, and its URL-hash form, derived from the declarations:
// the host's own keys (below: scene, lang) and each lesson's `keys` (web/scenes/*.js). Key names
// follow TensorFlow Playground (src/state.ts) where the concept is the same, so a Playground link
// opens here meaningfully. Every value from the outside (hash or playground.set) goes through its
// key's parser; a malformed value is dropped and reported, never interpreted.

import { key, bool, oneOf } from './keys.js';
import { LESSONS } from './scenes/index.js';
import { HOST_CONTROLS, SPEEDS } from './toolbar.js';

export function normalizeLang(v) {
  if (typeof v !== 'string') return undefined;
  const s = v.toLowerCase();
  if (s === 'zh' || s.startsWith('zh-') || s.startsWith('zh_')) return 'zh';
  if (s === 'en' || s.startsWith('en-') || s.startsWith('en_')) return 'en';
  return undefined;
}

/** The lessons' ids, in reading order. */
export const SCENES = LESSONS.map((s) => s.id);

/** A string of at most `max` characters (shown as text only, never interpreted as HTML). */
const text = (max) => (v) => (typeof v === 'string' && v.length <= max && !/[\u0000-\u001f\u007f]/.test(v) ? v : undefined);

// An origin as a browser writes it (scheme://host[:port], or "null" for sandboxed frames and file://).
const parseOrigin = (v) => (typeof v === 'string' && (v === '' || v === 'null' || /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(v)) ? v : undefined);

// The host's keys: which lesson is shown, the language, and course mode (web/README.md).
const HOST_KEYS = {
  scene: key({ default: SCENES[0], parse: (v) => (SCENES.includes(v) ? v : undefined), hash: 'always',
    values: SCENES.map((s) => `\`${s}\``).join(' ') }),
  lang: key({ default: 'en', parse: normalizeLang, hash: 'always', values: '`en zh` (also `zh-CN`, `en-US`, ...)' }),
  embed: key({ default: false, parse: bool, values: '`true false` (also `1 0`): no title, lede or footer; a compact toolbar' }),
  autoplay: key({ default: true, parse: bool, values: '`true false`: `false` opens paused' }),
  speed: key({ default: 1, parse: oneOf(SPEEDS), effect: 'live', values: `epochs per frame: ${SPEEDS.join(', ')}` }),
  goal: key({ default: '', parse: text(500), values: 'exercise goals, `;`-separated, e.g. `net2.testAccuracy>=0.95` (docs/embedding.md)' }),
  goalText: key({ default: '', parse: text(200), values: 'the exercise in the teacher’s words, at most 200 characters' }),
  hideText: key({ default: false, parse: bool, values: '`true false`: hides the title, the lede and the explanations' }),
  parentOrigin: key({ default: '', parse: parseOrigin, values: 'an origin: accept commands only from it and post only to it (docs/embedding.md)' }),
};

/** Every key: name -> { ...declaration, owner } (owner: a lesson id, or 'host'). Hash order. */
export const KEY_DECLS = (() => {
  const out = {};
  const add = (name, decl, owner) => {
    if (Object.hasOwn(out, name)) throw new Error(`state: key ${name} is declared by both ${out[name].owner} and ${owner}`);
    out[name] = { ...decl, owner };
  };
  add('scene', HOST_KEYS.scene, 'host');
  const keysOf = (hash) => LESSONS.flatMap((s) => Object.entries(s.keys).filter(([, d]) => d.hash === hash).map(([k, d]) => [k, d, s.id]));
  for (const [k, d, id] of keysOf('always')) add(k, d, id);
  add('lang', HOST_KEYS.lang, 'host');
  for (const [k, d] of Object.entries(HOST_KEYS)) if (!Object.hasOwn(out, k)) add(k, d, 'host');
  for (const [k, d, id] of keysOf('changed')) add(k, d, id);
  // <key>_hide=true hides a control (TensorFlow Playground's convention), for every control
  const controls = [...HOST_CONTROLS.map((c) => [c, 'host']), ...LESSONS.flatMap((s) => s.controls.map((c) => [c, s.id]))];
  for (const [c, owner] of controls) {
    add(`${c.key}_hide`, key({ default: false, parse: bool, hide: c.key, values: '`true false`' }), owner);
  }
  return Object.freeze(out);
})();

export const KEYS = Object.keys(KEY_DECLS);
export const DEFAULTS = Object.freeze(Object.fromEntries(KEYS.map((k) => [k, KEY_DECLS[k].default])));
/** Keys written to the hash only when they differ from their default (lessons' parameters). */
export const SCENE_KEYS = new Set(KEYS.filter((k) => KEY_DECLS[k].hash === 'changed'));

// Groups of boolean keys of which at least one must be on (a declaration's `atLeastOne: group`):
// the compare lesson's input features. group -> keys, in hash order.
const AT_LEAST_ONE = (() => {
  const groups = new Map();
  for (const [k, d] of Object.entries(KEY_DECLS)) if (d.atLeastOne) groups.set(d.atLeastOne, [...(groups.get(d.atLeastOne) ?? []), k]);
  return groups;
})();

// TensorFlow Playground keys that mean nothing here: view options we do not have.
const TFP_SILENT = new Set(['collectStats', 'tutorial', 'problem', 'regDataset', 'initZero']);
const TFP_REG_DATASETS = { 'reg-plane': 'plane', 'reg-gauss': 'gauss_bumps' };

const toBool = (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined);

/**
 * A hash is a complete description (omitted keys take their defaults): if it leaves every key of
 * an atLeastOne group off, the values it gave them are dropped (the defaults apply) and reported
 * as one problem, reason 'feature'.
 */
function checkGroups(values, problems) {
  for (const keys of AT_LEAST_ONE.values()) {
    if (keys.some((k) => (Object.hasOwn(values, k) ? values[k] : DEFAULTS[k]) === true)) continue;
    const given = keys.filter((k) => Object.hasOwn(values, k));
    for (const k of given) delete values[k];
    problems.push({ key: given.join(', '), value: 'false', reason: 'feature' });
  }
}

/**
 * Validates one value (a string from the hash, or a JS value from playground.set()). Returns the
 * parsed value, or undefined when it is not acceptable. ctx: { activations, datasets }, the
 * engine's names.
 */
export function parseValue(name, v, ctx) {
  return Object.hasOwn(KEY_DECLS, name) ? KEY_DECLS[name].parse(v, ctx) : undefined;
}

export function serializeValue(name, v) {
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}

export function toHash(state) {
  return KEYS.filter((k) => !SCENE_KEYS.has(k) || !sameValue(state[k], DEFAULTS[k]))
    .map((k) => `${k}=${encodeURIComponent(serializeValue(k, state[k]))}`).join('&');
}

function parseEntries(entries, ctx, values, problems) {
  for (const [name, value] of entries) {
    if (!KEYS.includes(name)) { problems.push({ key: name, value: String(value), reason: 'unknown' }); continue; }
    const parsed = parseValue(name, value, ctx);
    if (parsed === undefined) {
      // a key may say why (its declaration's explain(value) -> text), e.g. points
      const detail = KEY_DECLS[name].explain?.(value, ctx);
      problems.push({ key: name, value: String(value), reason: 'invalid', ...(detail ? { detail } : {}) });
    }
    else values[name] = parsed;
  }
}

/**
 * Reads a location hash. Returns { values, problems } where values holds only the keys that were
 * present and valid, and problems lists { key, value, reason } for everything ignored.
 */
export function parseHash(hash, ctx) {
  const values = {}, problems = [];
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return { values, problems };
  const raw = Object.create(null); // a key such as __proto__ is just a key here
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    try {
      const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      raw[name] = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      problems.push({ key: part, value: '', reason: 'malformed' });
    }
  }
  // A Playground regression link names its dataset in regDataset.
  if (raw.problem === 'regression' && Object.hasOwn(TFP_REG_DATASETS, raw.regDataset ?? '')) {
    raw.dataset = TFP_REG_DATASETS[raw.regDataset];
  }
  // A link that names one activation (every Playground link) keeps the comparison: the
  // activation goes to network 2, network 1 stays linear (a linear one leaves network 2 tanh).
  if (raw.activation !== undefined && raw.activation2 === undefined && parseValue('activation', raw.activation, ctx) !== undefined) {
    if (raw.activation !== 'linear') {
      raw.activation2 = raw.activation;
      problems.push({ key: 'activation', value: raw.activation, reason: 'comparison' });
    }
    raw.activation = 'linear';
  }
  const rest = [];
  for (const [name, value] of Object.entries(raw)) {
    if (TFP_SILENT.has(name)) {
      if (name === 'initZero' && toBool(value) === true) problems.push({ key: name, value, reason: 'unsupported' });
    } else rest.push([name, value]);
  }
  parseEntries(rest, ctx, values, problems);
  checkGroups(values, problems);
  return { values, problems };
}

/** Validates a partial state object from playground.set(). Same result shape as parseHash. */
export function parsePartial(partial, ctx) {
  const values = {}, problems = [];
  if (partial === null || typeof partial !== 'object') {
    return { values, problems: [{ key: '(state)', value: String(partial), reason: 'invalid' }] };
  }
  parseEntries(Object.entries(partial), ctx, values, problems);
  return { values, problems };
}

/** A deep enough copy: arrays are copied, everything else is a primitive. */
export function cloneState(s) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? v.slice() : v]));
}

export function sameValue(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
