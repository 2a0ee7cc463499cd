// The lessons declare themselves in one place (web/scenes/<id>.js); everything else derives from
// those declarations. These tests fail when a declaration and what uses it disagree: the registry
// and the files, keys and their parsers, strings in both languages and every string the code
// asks for, controls and their keys, and web/README.md's key table.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LESSONS } from '../../web/scenes/index.js';
import { KEY_DECLS, DEFAULTS, parseValue, serializeValue, sameValue } from '../../web/state.js';
import { STRINGS } from '../../web/i18n.js';
import { laterParts, setLaterEngine } from '../../web/later.js';
import { HOST_CONTROLS } from '../../web/toolbar.js';
import { keysTable, readmeTable } from '../../scripts/keys-table.mjs';

const WEB = new URL('../../web/', import.meta.url).pathname;
const ctx = { activations: ['linear', 'affine', 'tanh', 'sigmoid', 'relu', 'leaky_relu', 'softplus', 'swish', 'sine', 'step'],
  datasets: ['circle', 'xor', 'gauss', 'spiral', 'moons', 'spiral3', 'blobs3', 'plane', 'gauss_bumps', 'sine', 'line', 'parabola', 'abs', 'step', 'cubic'] };
// Modules of web/scenes/ that are helpers, not lessons.
const HELPERS = new Set(['index.js', 'common.js', 'basics.js', 'netview.js', 'netcard.js']);

// The later script's parts (web/later-entry.js), registered as the page registers them when
// nlp-later.js arrives (web/later.js): the views of the lessons after the first (web/scenes/views/
// <id>.js: { create, strings }) and more strings of the first lesson, added to the page's table
await import('../../web/later-entry.js');
setLaterEngine({ complete: true }); // the parts are here once the page's engine is whole too: here only their text counts
const LATER = laterParts();
const VIEWS = LATER.views;
/** A lesson's strings: its declaration's, then its view's and the later script's (which may complete a group). */
const lessonStrings = (s) => Object.fromEntries(['en', 'zh'].map((lang) =>
  [lang, { ...s.strings[lang], ...VIEWS[s.id]?.strings[lang], ...LATER.strings[s.id]?.[lang] }]));

const lookup = (table, path) => path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), table);
const leafKeys = (o, prefix = '') => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? leafKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
const sources = () => {
  const files = [...readdirSync(WEB).filter((f) => f.endsWith('.js') || f.endsWith('.html')).map((f) => join(WEB, f)),
    ...readdirSync(join(WEB, 'scenes')).filter((f) => f.endsWith('.js')).map((f) => join(WEB, 'scenes', f)),
    ...readdirSync(join(WEB, 'scenes', 'views')).filter((f) => f.endsWith('.js')).map((f) => join(WEB, 'scenes', 'views', f))];
  // comments name keys as examples (t('key')): only code counts
  const code = (text) => text.split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l)).join('\n');
  return files.map((f) => ({ file: f.slice(WEB.length), text: code(readFileSync(f, 'utf8')) }));
};

test('the registry lists every lesson module once, in a contiguous order', () => {
  const files = readdirSync(join(WEB, 'scenes')).filter((f) => f.endsWith('.js') && !HELPERS.has(f)).map((f) => f.replace(/\.js$/, '')).sort();
  assert.deepEqual(LESSONS.map((s) => s.id).sort(), files, 'one lesson per module of web/scenes/, named by its file');
  assert.deepEqual(LESSONS.map((s) => s.order), LESSONS.map((_, i) => i + 1), 'orders 1..n, no gaps, no ties');
  // the first lesson's view is in its declaration; every other lesson's is web/scenes/views/<id>.js,
  // which web/later-entry.js (the script loaded after the first frame) registers under its id
  const views = readdirSync(join(WEB, 'scenes', 'views')).filter((f) => f.endsWith('.js')).map((f) => f.replace(/\.js$/, '')).sort();
  assert.equal(typeof LESSONS[0].create, 'function', `${LESSONS[0].id}, the first lesson: create(env) in its declaration`);
  assert.deepEqual(views, LESSONS.slice(1).map((s) => s.id).sort(), 'one view module per lesson after the first');
  const entry = readFileSync(join(WEB, 'later-entry.js'), 'utf8');
  for (const id of views) {
    assert.match(entry, new RegExp(`^import ${id} from './scenes/views/${id}\\.js';$`, 'm'), `web/later-entry.js imports ${id}'s view`);
    assert.match(entry, new RegExp(`views: \\{[^}]*\\b${id}\\b`), `web/later-entry.js registers ${id}'s view`);
  }
  for (const s of LESSONS) {
    assert.ok(s === LESSONS[0] || s.create === undefined, `${s.id}: its view is web/scenes/views/${s.id}.js, not in the declaration`);
    if (s !== LESSONS[0]) assert.equal(typeof VIEWS[s.id].create, 'function', `web/scenes/views/${s.id}.js: { create(env), strings }`);
    assert.ok(Array.isArray(s.controls) && Array.isArray(s.figures) && s.keys && typeof s.keys === 'object', `${s.id}: keys, controls, figures`);
  }
});

test('every key parses its own default, round-trips through the hash, and has a known effect', () => {
  for (const [name, d] of Object.entries(KEY_DECLS)) {
    assert.ok(['data', 'network', 'live', 'view', 'rebuild'].includes(d.effect), `${name}: effect ${d.effect}`);
    assert.ok(['always', 'changed'].includes(d.hash), `${name}: hash ${d.hash}`);
    assert.ok(d.values, `${name}: values, for the README`);
    const back = parseValue(name, serializeValue(name, DEFAULTS[name]), ctx);
    assert.ok(sameValue(back, DEFAULTS[name]), `${name}: default ${DEFAULTS[name]} reads back as ${back}`);
    assert.equal(parseValue(name, '\u0000nonsense', ctx), undefined, `${name}: refuses garbage`);
  }
  // a lesson's keys are its own: one owner per key (state.js throws on a second)
  const owners = LESSONS.flatMap((s) => Object.keys(s.keys));
  assert.equal(new Set(owners).size, owners.length);
});

test('each lesson has its strings in English and Chinese, with the same keys and placeholders', () => {
  const placeholders = (s) => (s.match(/\{\w+\}/g) ?? []).sort().join();
  for (const s of LESSONS) {
    assert.equal(typeof s.strings.en.title, 'string', `${s.id}: its title, in its declaration (the lesson picker)`);
    // the lede (and the idle hint) only show with the lesson's view: a later lesson's are in its view
    const [where, own] = s === LESSONS[0] ? ['its declaration', s.strings] : ['its view', VIEWS[s.id].strings];
    assert.equal(typeof own.en.text, 'string', `${s.id}: its lede (text), in ${where}`);
    for (const k of ['text', 'idleHint']) assert.ok(s === LESSONS[0] || !Object.hasOwn(s.strings.en, k), `${s.id}: its ${k} in its view, not in the page's script`);
    if (VIEWS[s.id]) {
      const twice = Object.keys(VIEWS[s.id].strings.en).filter((k) => Object.hasOwn(s.strings.en, k));
      assert.deepEqual(twice, [], `${s.id}: a string in both its declaration and its view`);
    }
    const { en, zh } = lessonStrings(s);
    assert.deepEqual(leafKeys(zh), leafKeys(en), `${s.id}: the same keys in zh as in en`);
    for (const k of leafKeys(en)) assert.equal(placeholders(lookup(zh, k)), placeholders(lookup(en, k)), `${s.id}.${k}: placeholders`);
    for (const k of leafKeys(en)) assert.match(lookup(zh, k), /[\u4e00-\u9fff]|^[\x20-\x7e′−·×⁻⁰-⁹₀-₉ᵀ≈≤≥→…]+$/u, `${s.id}.${k}: Chinese, or symbols only`);
  }
});

test('every string the code asks for by a literal key exists in both languages', () => {
  const missing = [];
  const check = (file, k) => {
    for (const lang of ['en', 'zh']) if (typeof lookup(STRINGS[lang], k) !== 'string') missing.push(`${file}: ${k} (${lang})`);
  };
  for (const { file, text } of sources()) {
    for (const m of text.matchAll(/\bt\('([\w.]+)'/g)) check(file, m[1]);
    for (const m of text.matchAll(/data-i18n(?:-title|-aria)?["']?(?:=|: )["']([\w.]+)["']/g)) check(file, m[1]);
    for (const m of text.matchAll(/'(scenes\.\w+\.\w+)'/g)) check(file, m[1]);
    // tl('key') in a lesson: t('scenes.<id>.key')
    const id = file.startsWith('scenes/') ? file.split('/').pop().slice(0, -3) : null;
    if (id) for (const m of text.matchAll(/\btl\('(\w+)'/g)) check(file, `scenes.${id}.${m[1]}`);
  }
  assert.deepEqual(missing, []);
});

test('every control is declared once, sets a declared key of its lesson, and has a label in both languages', () => {
  const all = [...HOST_CONTROLS.map((c) => ['host', c]), ...LESSONS.flatMap((s) => s.controls.map((c) => [s.id, c]))];
  const seen = new Set();
  for (const [owner, c] of all) {
    assert.ok(!seen.has(c.key), `control ${c.key} declared twice`);
    seen.add(c.key);
    assert.ok(['select', 'range', 'check', 'action', 'custom'].includes(c.kind), `${c.key}: kind ${c.kind}`);
    for (const lang of ['en', 'zh']) assert.equal(typeof lookup(STRINGS[lang], c.label), 'string', `${c.key}: label ${c.label} (${lang})`);
    if (owner !== 'host') assert.ok(Object.hasOwn(LESSONS.find((s) => s.id === owner).keys, c.key), `${owner}: control ${c.key} sets one of its keys`);
  }
});

test('web/README.md\'s key table is the one the declarations generate (node scripts/keys-table.mjs --write)', () => {
  assert.equal(readmeTable(), keysTable());
});
