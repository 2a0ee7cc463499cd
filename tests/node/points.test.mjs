// The own-data codec (web/points.js): the URL form round-trips every kind of points, is compact,
// has one form per set of points, and refuses malformed values with a reason; CSV in and out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePoints, decodePoints, parsePointsValue, parseCsv, toCsv, quantisePoint, columnRange, KINDS, MAX_POINTS } from '../../web/points.js';
import { parseHash, toHash, DEFAULTS, cloneState } from '../../web/state.js';
import { mulberry32 } from './prng.mjs';


/** n random points of `kind`, inside their ranges (not quantised). */
function randomRows(kind, n, rand) {
  return Array.from({ length: n }, () => KINDS[kind].columns.map((_, j) => {
    const r = columnRange(kind, j);
    return r ? r[0] + rand() * (r[1] - r[0]) : (rand() < 0.5 ? 1 : -1);
  }));
}

const ctx = { activations: ['linear', 'tanh'], datasets: ['xor', 'circle'] };

test('the URL form round-trips every kind, up to the most points, to the quantised values', () => {
  const rand = mulberry32(7);
  for (const kind of Object.keys(KINDS)) {
    for (const n of [0, 1, 2, 3, 5, 199, 200, 201, MAX_POINTS]) {
      const rows = randomRows(kind, n, rand);
      const text = encodePoints({ kind, rows });
      assert.match(text, new RegExp(`^${kind}\\.[A-Za-z0-9_-]*$`), 'base64url after the kind');
      const back = decodePoints(text);
      assert.equal(back.error, undefined, `${kind} x ${n}: ${JSON.stringify(back.error)}`);
      assert.equal(back.kind, kind);
      assert.deepEqual(back.rows, rows.map((r) => quantisePoint(kind, r)));
      // within half a step of the original
      const steps = { plane: 0.005, unit: 0.001, target: 0.0025 };
      back.rows.forEach((r, i) => r.forEach((v, j) => {
        const axis = KINDS[kind].axes[j];
        if (axis === 'label') assert.equal(v, rows[i][j]);
        else assert.ok(Math.abs(v - rows[i][j]) <= steps[axis] / 2 + 1e-12, `${kind} ${v} vs ${rows[i][j]}`);
      }));
      // the quantised points encode to the same text: one form per set of points
      assert.equal(encodePoints(back), text);
      assert.equal(parsePointsValue(text), text);
    }
  }
});

test('200 points are compact: under 5 characters a point for two classes, 6 with a target', () => {
  const rand = mulberry32(3);
  assert.equal(encodePoints({ kind: 'c', rows: randomRows('c', 200, rand) }).length, 2 + Math.ceil((200 * 25) / 6)); // 836
  assert.equal(encodePoints({ kind: 'r', rows: randomRows('r', 200, rand) }).length, 2 + 200 * 6);
  assert.equal(encodePoints({ kind: 'f', rows: randomRows('f', 200, rand) }).length, 2 + 200 * 4);
});

test('common decimals are exact after quantising, and print as written', () => {
  const rows = [[1, -2, 1], [0.5, 0.25, -1], [-6, 6, 1], [0.1, -0.005, -1]];
  const back = decodePoints(encodePoints({ kind: 'c', rows }));
  assert.deepEqual(back.rows, rows);
  assert.equal(toCsv(back), 'x,y,label\n1,-2,1\n0.5,0.25,-1\n-6,6,1\n0.1,-0.005,-1\n');
  const f = decodePoints(encodePoints({ kind: 'f', rows: [[0.001, 4.9975], [-1, -0.1]] }));
  assert.deepEqual(f.rows, [[0.001, 4.9975], [-1, -0.1]]);
});

test('malformed URL values are refused with a reason', () => {
  const ok = encodePoints({ kind: 'c', rows: [[1, 2, 1], [3, 4, -1]] });
  const cases = [
    [42, 'type'],
    ['', 'kind'],            // decodePoints: '' is not a kind (the key reads '' as "no own data")
    ['c', 'kind'],
    ['q.AAAA', 'kind'],
    ['C.AAAA', 'kind'],
    ['c.AA=A', 'char'],
    ['c.AA+A', 'char'],
    ['c.AA A', 'char'],
    ['c.中文', 'char'],
    [`${ok}A`, 'length'],    // one character too many
    [ok.slice(0, -1), 'length'], // cut off
    ['r.AAAAA', 'length'],
    [`c.${'_'.repeat(5)}`, 'range'], // levels past the range (4095 > 2400)
    ['c.AAAAB', 'padding'],  // one point of kind c is 25 bits: 5 characters, the last 5 bits must be 0
    [encodePoints({ kind: 'f', rows: Array.from({ length: MAX_POINTS + 1 }, () => [0, 0]) }), 'count'],
  ];
  for (const [value, code] of cases) {
    const d = decodePoints(value);
    assert.equal(d.error?.code, code, `${JSON.stringify(value).slice(0, 40)}: ${JSON.stringify(d)}`);
    if (value !== '') assert.equal(parsePointsValue(value), undefined);
  }
  assert.equal(parsePointsValue(''), '', 'no own data');
});

test('the points key in the hash: applied when well formed, reported with its reason when not', () => {
  const pts = encodePoints({ kind: 'r', rows: randomRows('r', 250, mulberry32(11)) });
  const state = { ...cloneState(DEFAULTS), dataset: 'own', points: pts };
  const hash = toHash(state);
  assert.ok(hash.includes(`points=${pts}`), 'base64url needs no escaping');
  const { values, problems } = parseHash(`#${hash}`, ctx);
  assert.deepEqual(problems, []);
  assert.equal(values.points, pts);
  assert.equal(values.dataset, 'own');
  const bad = parseHash('#dataset=own&points=c.AA%3DA', ctx);
  assert.equal(bad.values.points, undefined);
  assert.equal(bad.problems.length, 1);
  assert.equal(bad.problems[0].key, 'points');
  assert.match(bad.problems[0].detail, /“=” at character 5 is not base64url/);
  // no own data: the key is left out of the hash
  assert.ok(!toHash(cloneState(DEFAULTS)).includes('points='));
});

test('CSV: headers, kinds, comments and separators', () => {
  assert.deepEqual(parseCsv('x,y,label\n1,2,1\n\n# a comment\n3,-4,-1\n'), { kind: 'c', rows: [[1, 2, 1], [3, -4, -1]] });
  assert.deepEqual(parseCsv('X; Y; Target\r\n1;2;0.5\r\n'), { kind: 'r', rows: [[1, 2, 0.5]] });
  assert.deepEqual(parseCsv('x,target\n0.5,3\n'), { kind: 'f', rows: [[0.5, 3]] });
  assert.deepEqual(parseCsv('\uFEFF1\t2\t+1\n3\t4\t−1'), { kind: 'c', rows: [[1, 2, 1], [3, 4, -1]] }, 'no header, every third value ±1: two classes');
  assert.deepEqual(parseCsv('1,2,1\n3,4,0.5'), { kind: 'r', rows: [[1, 2, 1], [3, 4, 0.5]] }, 'no header, a third value not ±1: a target');
  assert.deepEqual(parseCsv('0.5,2\n-0.25,1e-1'), { kind: 'f', rows: [[0.5, 2], [-0.25, 0.1]] });
  // quantised as the URL keeps them
  assert.deepEqual(parseCsv('x,y,label\n0.1234,2.0001,1'), { kind: 'c', rows: [[0.125, 2, 1]] });
  // out and back in
  const rows = randomRows('r', 50, mulberry32(5));
  const once = parseCsv(toCsv({ kind: 'r', rows }));
  assert.deepEqual(parseCsv(toCsv(once)), once);
  assert.deepEqual(once.rows, rows.map((r) => quantisePoint('r', r)));
});

test('CSV: the first bad line is named, whatever follows', () => {
  const cases = [
    ['', 'empty', 0],
    ['# only a comment\n\n', 'empty', 0],
    ['x,y,label\n', 'empty', 0],
    ['a,b,c\n1,2,1', 'header', 1],
    ['x,y,label\n1,2,1\n1,2\n1,2,3,4', 'columns', 3],
    ['1,2,3,4', 'width', 1],
    ['x,y,label\n1,2,1\n3,abc,1', 'number', 3],
    ['x,y,label\n1,2,1\n3,NaN,1', 'number', 3],
    ['x,y,label\n1,2,1\n1,1,0', 'label', 3],
    ['x,y,label\n\n\n1,9,1', 'range', 4],
    ['x,target\n2,0', 'range', 2],
    ['x,y,target\n1,1,6', 'range', 2],
    ['x,y,label\n1,2,1\nx,y,label', 'number', 3],
    [`x,target\n${'0,0\n'.repeat(MAX_POINTS)}0,0`, 'count', MAX_POINTS + 2],
    ['1,1\n'.repeat(60000), 'size', 0],
  ];
  for (const [text, code, line] of cases) {
    const r = parseCsv(text);
    assert.equal(r.error?.code, code, `${JSON.stringify(text.slice(0, 30))}: ${JSON.stringify(r).slice(0, 200)}`);
    assert.equal(r.error.line, line, `${JSON.stringify(text.slice(0, 30))}: line`);
  }
});
