// The page's pure modules, without a browser: URL hash <-> state, and the two languages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, KEYS, SCENE_KEYS, SCENES, toHash, parseHash, parsePartial, cloneState } from '../../web/state.js';
import { STRINGS } from '../../web/i18n.js';

const ctx = { activations: ['linear', 'affine', 'tanh', 'sigmoid', 'relu', 'leaky_relu', 'softplus', 'swish', 'sine', 'step'] };

test('every state round-trips through the hash', () => {
  const s = { ...cloneState(DEFAULTS), dataset: 'gauss_bumps', noise: 35, percTrainData: 20, seed: 2147483647,
    networkShape: [], activation: 'leaky_relu', activation2: 'step', outputActivation: 'sigmoid', learningRate: 0.00001,
    batchSize: 500, optimizer: 'momentum', regularization: 'L1', regularizationRate: 10, showTestData: true, discretize: true, lang: 'zh',
    scene: 'collapse', reluUnits: 64, curve: 'step', curveRange: 7.5, collapseActivations: ['affine', 'tanh', 'linear'],
    warpActivation: 'linear', warpMorph: 0.35, sweepActivation: 'relu', sweepUnits: 32, squashRange: 3,
    embed: true, autoplay: false, speed: 25, goal: 'net2.testAccuracy>=0.9;scene.pieces>=9', goalText: 'Make network 2 learn & <b>',
    hideText: true, parentOrigin: 'https://course.example.org', points: 'c.XcMggASwEsExKZIAA',
    // every input feature away from its default (x, y off; the seven others on)
    x: false, y: false, xSquared: true, ySquared: true, xTimesY: true, sinX: true, sinY: true, cosX: true, cosY: true };
  for (const k of KEYS) if (k.endsWith('_hide')) s[k] = true;
  const { values, problems } = parseHash(`#${toHash(s)}`, ctx);
  assert.deepEqual(problems, []);
  assert.deepEqual(values, s);
  assert.deepEqual(Object.keys(values).sort(), [...KEYS].sort());
});

test('a lesson parameter is in the hash only when it is not at its default', () => {
  const hash = toHash(cloneState(DEFAULTS));
  for (const k of SCENE_KEYS) assert.ok(!hash.includes(`${k}=`), `${k} left out: ${hash}`);
  assert.match(hash, /(^|&)scene=compare(&|$)/);
  const s = { ...cloneState(DEFAULTS), scene: 'relu', reluUnits: 32 };
  const h2 = toHash(s);
  assert.match(h2, /(^|&)reluUnits=32(&|$)/);
  assert.deepEqual({ ...cloneState(DEFAULTS), ...parseHash(`#${h2}`, ctx).values }, s, 'left-out keys read back as their defaults');
  // every lesson id is a valid scene; anything else is not
  for (const id of SCENES) assert.equal(parseHash(`#scene=${id}`, ctx).values.scene, id);
  assert.equal(parseHash('#scene=nope', ctx).problems[0].key, 'scene');
  assert.equal(parseHash('#reluUnits=65&collapseActivations=linear,linear&sweepUnits=3', ctx).problems.length, 3);
});

test('bad values are reported, never kept', () => {
  const { values, problems } = parseHash('#noise=51&percTrainData=5&learningRate=0&batchSize=2.5&networkShape=1,,2'
    + '&networkShape=4,13&seed=1e3x&dataset=__proto__&constructor=1&__proto__=1&showTestData=yes&lang=fr&activation=', ctx);
  assert.deepEqual(values, {});
  const keys = problems.map((p) => p.key).sort();
  assert.deepEqual(keys, ['__proto__', 'activation', 'batchSize', 'constructor', 'dataset', 'lang', 'learningRate', 'networkShape',
    'noise', 'percTrainData', 'seed', 'showTestData']);
});

test('a Playground seed and regression link are understood', () => {
  const a = parseHash('#seed=0.12345&problem=regression&regDataset=reg-plane&dataset=circle', ctx);
  assert.equal(a.values.dataset, 'plane');
  assert.ok(Number.isInteger(a.values.seed));
  assert.equal(parseHash('#seed=0.12345', ctx).values.seed, a.values.seed, 'the same Playground seed, the same seed');
  assert.deepEqual(a.problems, []);
});

test('playground.set values are validated the same way', () => {
  const r = parsePartial({ networkShape: [3, 3], learningRate: '0.1', noise: -1, lang: 'zh-CN', unknown: 1 }, ctx);
  assert.deepEqual(r.values, { networkShape: [3, 3], learningRate: 0.1, lang: 'zh' });
  assert.deepEqual(r.problems.map((p) => p.key).sort(), ['noise', 'unknown']);
  assert.equal(parsePartial(null, ctx).problems.length, 1);
});

test('English and Chinese have the same strings', () => {
  const keys = (o, prefix = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
  assert.deepEqual(keys(STRINGS.zh), keys(STRINGS.en));
  const placeholders = (s) => (s.match(/\{\w+\}/g) ?? []).sort().join();
  for (const k of keys(STRINGS.en)) {
    const get = (o) => k.split('.').reduce((x, p) => x[p], o);
    assert.equal(placeholders(get(STRINGS.zh)), placeholders(get(STRINGS.en)), `placeholders of ${k}`);
  }
});
