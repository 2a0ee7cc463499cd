// A property-based test of the URL hash parser (web/state.js): 12,000 random and mutated hashes
// from a seeded PRNG, built from the real key names with valid values, garbage, percent-escapes
// (broken ones too), unicode, huge numbers, empty values, repeated keys and __proto__. For every
// hash: no exception; every key is either applied (values) or reported (problems); every applied
// value is one its parser accepts and re-parses to itself through serializeValue; and the merged
// state written with toHash parses back to the same state, with no problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, DEFAULTS, KEY_DECLS, parseHash, parseValue, serializeValue, toHash, sameValue } from '../../web/state.js';
import { mulberry32 } from './prng.mjs';

const ctx = { activations: ['linear', 'affine', 'tanh', 'sigmoid', 'relu', 'leaky_relu', 'softplus', 'swish', 'sine', 'step'],
  datasets: ['circle', 'xor', 'gauss', 'spiral', 'moons', 'spiral3', 'blobs3', 'plane', 'gauss_bumps', 'sine', 'line', 'parabola', 'abs', 'step', 'cubic'] };
const SEED = 20261202;
const CASES = 12000;


const rand = mulberry32(SEED);
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];

// Values that some key accepts: each key's default, serialized, and the engine's names.
const VALID = [...new Set([...KEYS.map((k) => serializeValue(k, DEFAULTS[k])), ...ctx.activations, ...ctx.datasets,
  'true', 'false', '0', '1', '0.5', '4,4', '8,8,8', 'zh', 'en', 'zh-CN', '5', '25', '100'])];
const GARBAGE = ['', '%', '%%', '%E0%A4%A', '%zz', '%C3', '%F0%9F%98', '%F0%9F%98%80', '%00', '%0A', '+', '++', '=', '==',
  '&', '#', '?', ',', ',,', '-', '-0', 'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-400', '9'.repeat(400),
  String(Number.MAX_SAFE_INTEGER + 2), '0x10', '1_000', ' 1', '1 ', 'null', 'undefined', '__proto__', 'constructor',
  'toString', '\u0000', '\u202e', '中文', '😀', 'é', 'e\u0301', '<script>', '"', "'", '\\', 'a'.repeat(600), '4,,4', '4,-4',
  '300,300', '4.5,4', ' ', 'true,false', 'TRUE', 'yes'];
const KEY_EXTRAS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', '', '%', '%E0%A4%A', 'unknownKey', 'x', 'y',
  'problem', 'regDataset', 'initZero', 'collectStats', 'xTimesY', 'activation', 'activation2'];

/** A value: valid, garbage, a mix of both, or a random string of code points. */
function value() {
  switch (int(6)) {
    case 0: case 1: return pick(VALID);
    case 2: return pick(GARBAGE);
    case 3: return pick(VALID) + pick(GARBAGE);
    case 4: return encodeURIComponent(pick(VALID));
    default: {
      let s = '';
      for (let i = int(12); i > 0; i--) s += String.fromCodePoint(pick([int(128), int(0x800), int(0xd7ff), 0x10000 + int(0xfffff)]));
      return rand() < 0.5 ? s : encodeURIComponent(s);
    }
  }
}

// Per key, the values of VALID its parser accepts.
const VALID_FOR = Object.fromEntries(KEYS.map((k) => [k, VALID.filter((v) => parseValue(k, v, ctx) !== undefined)]));

/** One `key=value` pair (or a bare key, or a pair with a broken escape). */
function pair() {
  const k = rand() < 0.85 ? pick(KEYS) : pick(KEY_EXTRAS);
  const v = rand() < 0.5 && VALID_FOR[k]?.length ? pick(VALID_FOR[k]) : value();
  const form = int(10);
  if (form === 0) return k;  // no '='
  if (form === 1) return `${k}=${v}=${value()}`;
  if (form === 2) return `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
  return `${k}=${v}`;
}

/** A hash: random pairs (keys may repeat), then maybe mutated character by character. */
function hash() {
  const pairs = [];
  for (let i = int(10); i > 0; i--) pairs.push(pair());
  if (rand() < 0.2 && pairs.length > 0) pairs.push(pairs[int(pairs.length)]);  // a repeated key
  let h = pairs.join(rand() < 0.9 ? '&' : pick(['&&', '&=&', '&#&']));
  if (rand() < 0.3) {
    const chars = [...h];
    for (let i = 1 + int(4); i > 0; i--) {
      const at = int(chars.length + 1);
      const op = int(3);
      if (op === 0) chars.splice(at, 1);
      else if (op === 1) chars.splice(at, 0, pick(['%', '&', '=', '#', '+', '%E0', '%A4%A', '😀', '\u0000']));
      else if (chars.length > 0) chars[at % chars.length] = pick(['%', '=', '&']);
    }
    h = chars.join('');
  }
  return rand() < 0.5 ? `#${h}` : h;
}

test(`the hash parser: ${CASES} random and mutated hashes (seed ${SEED}) are applied or reported, within range`, () => {
  let applied = 0;
  let reported = 0;
  for (let i = 0; i < CASES; i++) {
    const h = hash();
    let result;
    assert.doesNotThrow(() => { result = parseHash(h, ctx); }, `case ${i}: parseHash(${JSON.stringify(h)}) threw`);
    const { values, problems } = result;
    assert.ok(values && typeof values === 'object' && Array.isArray(problems), `case ${i}: result shape`);
    for (const [k, v] of Object.entries(values)) {
      assert.ok(KEYS.includes(k), `case ${i}: ${JSON.stringify(h)} applied an unknown key ${k}`);
      assert.notEqual(v, undefined);
      // Within the documented range: the key's parser accepts the value as it will be written.
      const again = parseValue(k, serializeValue(k, v), ctx);
      assert.ok(sameValue(again, v), `case ${i}: ${JSON.stringify(h)}: ${k}=${JSON.stringify(v)} re-parses to ${JSON.stringify(again)}`);
    }
    assert.equal(Object.getPrototypeOf(values), Object.prototype, `case ${i}: values' prototype was changed`);
    for (const p of problems) {
      assert.equal(typeof p.key, 'string');
      assert.equal(typeof p.value, 'string');
      assert.ok(['unknown', 'invalid', 'malformed', 'comparison', 'feature', 'unsupported'].includes(p.reason), `case ${i}: reason ${p.reason}`);
    }
    // A hash of the page's own keys is never silently ignored: something is applied or reported.
    // (TensorFlow Playground's view options, e.g. collectStats, are ignored on purpose.)
    const text = h.startsWith('#') ? h.slice(1) : h;
    const ownKeys = text.split('&').filter((part) => part !== '').map((part) => part.split('=')[0]);
    if (ownKeys.length > 0 && ownKeys.every((k) => KEYS.includes(k))) assert.ok(Object.keys(values).length + problems.length > 0, `case ${i}: ${JSON.stringify(h)} was silently ignored`);
    applied += Object.keys(values).length;
    reported += problems.length;
    // The merged state written as a hash reads back as the same state, with no problem.
    const merged = { ...DEFAULTS, ...values };
    const written = toHash(merged);
    const back = parseHash(written, ctx);
    assert.deepEqual(back.problems, [], `case ${i}: toHash(${JSON.stringify(h)}) = ${written} reports problems`);
    const reread = { ...DEFAULTS, ...back.values };
    for (const k of KEYS) assert.ok(sameValue(reread[k], merged[k]), `case ${i}: ${k}: ${JSON.stringify(merged[k])} came back as ${JSON.stringify(reread[k])} via ${written}`);
  }
  console.log(`# ${CASES} hashes: ${applied} values applied, ${reported} problems reported`);
  assert.ok(applied > CASES && reported > CASES, 'the generator reaches both outcomes often');
});

test('every declared key round-trips its default', () => {
  for (const k of KEYS) assert.ok(sameValue(parseValue(k, serializeValue(k, DEFAULTS[k]), ctx), KEY_DECLS[k].default), k);
});
