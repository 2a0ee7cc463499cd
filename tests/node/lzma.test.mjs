// The LZMA decoder the page unpacks the engine's module with (web/lzma-decode.c, compiled to
// WebAssembly by scripts/build-web.mjs into build/web/lzma-decode.wasm, run by
// web/lzma-decoder.js): what xz writes (xz-utils, `xz --format=lzma`, with the size patched into
// the header as the build does) decodes to exactly its input, for several kinds of data and
// lc/lp/pb; a small range encoder here writes streams xz never would (every kind of symbol by
// hand; lc + lp above 4, which the decoder refuses) and malformed ones, each of which must reject
// with an Error whose message starts with "lzma: ". Truncated and corrupted inputs are decoded in
// a worker thread under a deadline, so that a decoder that loops fails the test instead of
// hanging it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { decodeLzma as decode } from '../../web/lzma-decoder.js';
import { mulberry32 } from './prng.mjs';

const LZMA_URL = new URL('../../web/lzma-decoder.js', import.meta.url).href;
const DECODER_PATH = new URL('../../build/web/lzma-decode.wasm', import.meta.url);
assert.ok(existsSync(DECODER_PATH), 'build/web/lzma-decode.wasm is missing: npm run build');
const DECODER = new WebAssembly.Module(readFileSync(DECODER_PATH));
/** `packed` decoded as the page decodes it: a promise of the output */
const decodeLzma = (packed) => decode(packed, DECODER);

/** `data` packed by xz in the .lzma format, its size written into the header as the build does. */
function xz(data, args = ['-9e']) {
  let out;
  try {
    out = execFileSync('xz', ['--format=lzma', ...args, '--stdout'], { input: data, maxBuffer: 1 << 28 });
  } catch (e) {
    throw new Error(`xz --format=lzma failed (${e.message}): install xz-utils (scripts/setup.sh does)`);
  }
  assert.ok(out.subarray(5, 13).every((b) => b === 0xff), 'xz writes "size unknown" (and an end marker)');
  out.writeBigUInt64LE(BigInt(data.length), 5);
  return new Uint8Array(out);
}

/** `packed` with another size in its header (a number or a BigInt) */
const withSize = (packed, size) => {
  const copy = packed.slice();
  new DataView(copy.buffer).setBigUint64(5, BigInt(size), true);
  return copy;
};

/** Rejects with an Error whose message starts with "lzma: " and matches `pattern`. */
const rejectsLzma = (promise, pattern = /./) => assert.rejects(promise, (e) => e instanceof Error && /^lzma: /.test(e.message) && pattern.test(e.message));

// Data. A seeded PRNG: the same bytes on every run.
const rand = mulberry32(20240611);
const randomBytes = (n) => Uint8Array.from({ length: n }, () => (rand() * 256) | 0);
const WORDS = ['weight', 'bias', 'layer', 'tanh', 'linear', 'relu', 'loss', 'gradient', 'the', 'a', 'of', ' ', ', ', '.\n'];
const text = (n) => {
  let s = '';
  while (s.length < n) s += WORDS[(rand() * WORDS.length) | 0] + ' ';
  return new TextEncoder().encode(s.slice(0, n));
};
const repetitive = () => {
  const parts = [new Uint8Array(100_000), new TextEncoder().encode('ab'.repeat(20_000)), text(60_000)];
  parts.push(parts[2].slice(1000, 30_000)); // a long match far back
  return concat(parts);
};
/** Random blocks, runs, and copies of earlier bytes at distances up to the whole output. */
const mixed = (n) => {
  const out = new Uint8Array(n);
  let pos = 0;
  while (pos < n) {
    const kind = rand(), len = Math.min(n - pos, 2 + ((rand() ** 3 * 1000) | 0));
    if (kind < 0.3 || pos < 16) out.set(randomBytes(len), pos);
    else if (kind < 0.4) out.fill((rand() * 256) | 0, pos, pos + len);
    else {
      const from = (rand() < 0.5 ? pos - 1 - ((rand() * 64) | 0) : (rand() * pos) | 0);
      for (let i = 0; i < len; i++) out[pos + i] = out[Math.max(0, from) + i];
    }
    pos += len;
  }
  return out;
};
function concat(parts) {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

const roundTrip = async (data, args) => {
  const packed = xz(data, args);
  const out = await decodeLzma(packed);
  assert.ok(out instanceof Uint8Array);
  assert.equal(out.length, data.length);
  assert.ok(Buffer.from(out).equals(Buffer.from(data)), 'decodes to exactly the input');
  return packed;
};

const SMALL_MIXED = mixed(3000);
const SAMPLES = {
  empty: new Uint8Array(0),
  'one byte': Uint8Array.of(0x42),
  'repetitive (long matches, reps)': repetitive(),
  'random (literals)': randomBytes(65_536),
  'mixed, 600 kB (far distances)': mixed(600_000),
  'mixed, 3 kB': SMALL_MIXED,
};

for (const [name, data] of Object.entries(SAMPLES)) {
  test(`xz -9e round trip: ${name}`, async () => { await roundTrip(data); });
}

test('the input may be a view into a larger buffer (a Buffer, a subarray)', async () => {
  const packed = xz(SMALL_MIXED);
  const inside = concat([randomBytes(7), packed, randomBytes(5)]).subarray(7, 7 + packed.length);
  assert.deepEqual(await decodeLzma(inside), SMALL_MIXED);
  assert.deepEqual(await decodeLzma(Buffer.from(packed)), SMALL_MIXED);
});

for (const file of ['build/wasm/nlp_engine.wasm', 'dist/nlp-page.js']) {
  const path = new URL(`../../${file}`, import.meta.url);
  test(`xz -9e round trip: ${file}`, { skip: !existsSync(path) && `${file} not built` }, async () => {
    await roundTrip(new Uint8Array(readFileSync(path)));
  });
}

test('other lc, lp, pb: lc=0 lp=2 pb=0, lc=4 lp=0 pb=4, lc=1 lp=3 pb=1', async () => {
  const data = concat([text(40_000), mixed(100_000)]);
  for (const [options, props] of [['lc=0,lp=2,pb=0', 2 * 9], ['lc=4,lp=0,pb=4', 4 * 45 + 4], ['lc=1,lp=3,pb=1', 45 + 3 * 9 + 1]]) {
    const packed = await roundTrip(data, [`--lzma1=preset=6,${options}`]);
    assert.equal(packed[0], props, options);
  }
});

// --- A range encoder, after LzmaSpec.cpp and LzmaEnc.c, with the same models as web/lzma-decode.c
// (the layout there), writing symbol by symbol what the test asks for.
const L = { IS_MATCH: 0, IS_REP: 192, IS_REP_G0: 204, IS_REP_G1: 216, IS_REP_G2: 228, IS_REP0_LONG: 240,
  POS_SLOT: 432, SPEC_POS: 688, ALIGN: 802, LEN: 818, REP_LEN: 1332, LITERAL: 1846 };

function encoder({ lc = 3, lp = 0, pb = 2, dict = 1 << 20 } = {}) {
  const probs = new Uint16Array(L.LITERAL + (0x300 << (lc + lp))).fill(1024);
  const bytes = [], data = [];
  let low = 0, range = 0xffffffff, cache = 0, cacheSize = 1;
  let state = 0, reps = [0, 0, 0, 0];
  const shiftLow = () => {
    if (low < 0xff000000 || low >= 2 ** 32) {
      const carry = low >= 2 ** 32 ? 1 : 0;
      let temp = cache;
      do { bytes.push((temp + carry) & 0xff); temp = 0xff; } while (--cacheSize);
      cache = Math.floor(low / 2 ** 24) & 0xff;
    }
    cacheSize++;
    low = (low % 2 ** 24) * 256;
  };
  const normalize = () => { while (range < 2 ** 24) { range *= 256; shiftLow(); } };
  const bit = (i, b) => {
    const p = probs[i], bound = Math.floor(range / 2048) * p;
    if (b) { low += bound; range -= bound; probs[i] = p - (p >> 5); } else { range = bound; probs[i] = p + ((2048 - p) >> 5); }
    normalize();
  };
  const tree = (base, bits, v) => { for (let i = bits - 1, m = 1; i >= 0; i--) { const b = (v >> i) & 1; bit(base + m, b); m = (m << 1) | b; } };
  const reverse = (base, bits, v) => { for (let i = 0, m = 1; i < bits; i++) { const b = (v >> i) & 1; bit(base + m, b); m = (m << 1) | b; } };
  const direct = (bits, v) => { for (let i = bits - 1; i >= 0; i--) { range = Math.floor(range / 2); if (Math.floor(v / 2 ** i) & 1) low += range; normalize(); } };
  const posState = () => data.length & ((1 << pb) - 1);
  const length = (base, len) => {
    const l = len - 2, ps = posState();
    if (l < 8) { bit(base, 0); tree(base + 2 + ps * 8, 3, l); }
    else if (l < 16) { bit(base, 1); bit(base + 1, 0); tree(base + 130 + ps * 8, 3, l - 8); }
    else { bit(base, 1); bit(base + 1, 1); tree(base + 258, 8, l - 16); }
  };
  const copy = (dist, len) => { for (let i = 0; i < len; i++) data.push(data[data.length - dist - 1] ?? 0); };
  const e = {
    literal(byte) {
      bit(L.IS_MATCH + ((state << 4) | posState()), 0);
      const prev = data.length ? data[data.length - 1] : 0;
      const base = L.LITERAL + 0x300 * (((data.length & ((1 << lp) - 1)) << lc) + (prev >> (8 - lc)));
      let symbol = 1, i = 7;
      if (state >= 7) {
        const matchByte = data[data.length - reps[0] - 1];
        for (; i >= 0; i--) {
          const b = (byte >> i) & 1, matchBit = (matchByte >> i) & 1;
          bit(base + ((1 + matchBit) << 8) + symbol, b);
          symbol = (symbol << 1) | b;
          if (b !== matchBit) { i--; break; }
        }
      }
      for (; i >= 0; i--) { const b = (byte >> i) & 1; bit(base + symbol, b); symbol = (symbol << 1) | b; }
      data.push(byte);
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      return e;
    },
    /** a match: `dist` is the distance - 1 (0: the byte before), as LZMA counts */
    match(dist, len) {
      bit(L.IS_MATCH + ((state << 4) | posState()), 1);
      bit(L.IS_REP + state, 0);
      length(L.LEN, len);
      state = state < 7 ? 7 : 10;
      const slotBase = L.POS_SLOT + (Math.min(len - 2, 3) << 6);
      if (dist < 4) tree(slotBase, 6, dist);
      else {
        const top = 31 - Math.clz32(dist), slot = 2 * top + (Math.floor(dist / 2 ** (top - 1)) & 1);
        const bits = (slot >> 1) - 1, base = (2 + (slot & 1)) * 2 ** bits, rest = dist - base;
        tree(slotBase, 6, slot);
        if (slot < 14) reverse(L.SPEC_POS + base - slot, bits, rest);
        else { direct(bits - 4, Math.floor(rest / 16)); reverse(L.ALIGN, 4, rest % 16); }
      }
      reps = [dist, reps[0], reps[1], reps[2]];
      copy(dist, len);
      return e;
    },
    marker() { return e.match(0xffffffff, 2); }, // the end marker: distance 2^32 (its copy is never decoded)
    /** a match at reps[k] (k = 0 .. 3) */
    rep(k, len) {
      bit(L.IS_MATCH + ((state << 4) | posState()), 1);
      bit(L.IS_REP + state, 1);
      bit(L.IS_REP_G0 + state, k > 0 ? 1 : 0);
      if (k === 0) bit(L.IS_REP0_LONG + ((state << 4) | posState()), 1);
      else {
        bit(L.IS_REP_G1 + state, k > 1 ? 1 : 0);
        if (k > 1) bit(L.IS_REP_G2 + state, k > 2 ? 1 : 0);
      }
      reps = [reps[k], ...reps.filter((_, j) => j !== k)];
      length(L.REP_LEN, len);
      state = state < 7 ? 8 : 11;
      copy(reps[0], len);
      return e;
    },
    shortRep() {
      bit(L.IS_MATCH + ((state << 4) | posState()), 1);
      bit(L.IS_REP + state, 1);
      bit(L.IS_REP_G0 + state, 0);
      bit(L.IS_REP0_LONG + ((state << 4) | posState()), 0);
      state = state < 7 ? 9 : 11;
      copy(reps[0], 1);
      return e;
    },
    /** the .lzma file: header (size: `size`, or what was written; null: unknown) and the flushed stream */
    finish(size = data.length) {
      for (let i = 0; i < 5; i++) shiftLow();
      const header = new Uint8Array(13), view = new DataView(header.buffer);
      header[0] = (pb * 5 + lp) * 9 + lc;
      view.setUint32(1, dict, true);
      if (size === null) header.fill(0xff, 5);
      else view.setBigUint64(5, BigInt(size), true);
      return concat([header, Uint8Array.from(bytes)]);
    },
    data,
  };
  return e;
}

test('every kind of symbol, written by hand: literals (plain and after a match), matches (near, far, the longest), reps 0..3, short reps', async () => {
  for (const props of [{}, { lc: 8, lp: 4, pb: 4 }, { lc: 0, lp: 4, pb: 4 }, { lc: 0, lp: 0, pb: 0 }]) {
    const e = encoder(props);
    for (const c of 'nonlinear playground, ') e.literal(c.charCodeAt(0));
    e.match(2, 5).literal(0x41).literal(0x42).match(9, 2).match(0, 273).shortRep().shortRep().literal(7);
    for (let i = 0; i < 5000; i++) e.literal((i * 7919) & 0xff); // far distances next: direct bits
    e.match(4200, 17).match(1000, 30).match(4000, 120).match(5, 3).rep(1, 4).rep(2, 5).rep(3, 6).rep(0, 7).rep(3, 200);
    e.literal(1).shortRep().rep(2, 2).literal(0xff).literal(0).match(127, 8).match(128, 9).match(5300, 2).literal(9);
    const expected = Uint8Array.from(e.data);
    // lc + lp above 4 (legal in .lzma, never written by xz): refused, as in LZMA2
    if (props.lc + props.lp > 4) await rejectsLzma(decodeLzma(e.marker().finish(expected.length)), /bad properties byte/);
    else assert.deepEqual(await decodeLzma(e.marker().finish(expected.length)), expected, JSON.stringify(props));
  }
});

test('written by hand, without an end marker', async () => {
  const e = encoder();
  for (let i = 0; i < 300; i++) e.literal(i & 0xff);
  e.match(255, 100).rep(0, 20);
  assert.deepEqual(await decodeLzma(e.finish()), Uint8Array.from(e.data));
});

test('malformed streams written by hand throw "lzma: ..."', async () => {
  const lit = () => encoder().literal(0x61);
  // a rep (and a short rep) before any byte is out
  await rejectsLzma(decodeLzma(encoder().rep(0, 2).finish(10)), /distance beyond the output/);
  await rejectsLzma(decodeLzma(encoder().shortRep().finish(10)), /distance beyond the output/);
  // a distance reaching before the first byte
  await rejectsLzma(decodeLzma(lit().match(1, 2).finish(10)), /distance beyond the output/);
  await rejectsLzma(decodeLzma(lit().literal(1).literal(2).literal(3).match(1000, 2).finish(100)), /distance beyond the output/);
  // a distance beyond the header's dictionary size (at least 4096, as in LzmaSpec)
  const far = (dict, dist) => {
    const e = encoder({ dict });
    for (let i = 0; i < 5000; i++) e.literal(i & 0xff);
    return e.match(dist, 2).finish();
  };
  await rejectsLzma(decodeLzma(far(4096, 4096)), /beyond the dictionary size/);
  await rejectsLzma(decodeLzma(far(1, 4096)), /beyond the dictionary size/);
  assert.equal((await decodeLzma(far(4096, 4095))).length, 5002);
  assert.equal((await decodeLzma(far(1, 4095))).length, 5002);
  // a match running past the uncompressed size
  await rejectsLzma(decodeLzma(lit().match(0, 10).finish(5)), /runs past the uncompressed size/);
  await rejectsLzma(decodeLzma(lit().literal(0x62).rep(0, 3).finish(4)), /runs past the uncompressed size/);
  assert.deepEqual(await decodeLzma(lit().match(0, 10).finish(11)), new Uint8Array(11).fill(0x61));
  // the end marker before the size is reached
  await rejectsLzma(decodeLzma(lit().marker().finish(2)), /end marker before the uncompressed size/);
  await rejectsLzma(decodeLzma(encoder().marker().finish(1)), /end marker before the uncompressed size/);
  assert.deepEqual(await decodeLzma(lit().marker().finish(1)), Uint8Array.of(0x61));
  assert.deepEqual(await decodeLzma(encoder().marker().finish(0)), new Uint8Array(0));
});

test('header: bad properties byte, unknown or too large size, first range coder byte not 0, too short', async () => {
  const packed = xz(SMALL_MIXED);
  const patched = (at, ...values) => { const p = packed.slice(); p.set(values, at); return p; };
  for (const props of [225, 226, 255]) await rejectsLzma(decodeLzma(patched(0, props)), /bad properties byte/);
  await rejectsLzma(decodeLzma(patched(5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)), /unknown uncompressed size/);
  await rejectsLzma(decodeLzma(withSize(packed, 2 ** 31)), /too large/);
  await rejectsLzma(decodeLzma(withSize(packed, 2 ** 32)), /too large/);
  await rejectsLzma(decodeLzma(withSize(packed, 2n ** 64n - 2n)), /too large/);
  await rejectsLzma(decodeLzma(patched(13, 1)), /first range coder byte not 0/);
  for (const n of [0, 1, 12, 13, 17]) await rejectsLzma(decodeLzma(packed.subarray(0, n)), /input ends early/);
});

test('a size other than the data\'s: shorter stops there (or throws, inside a match), longer throws at the end marker', async () => {
  // The decoder trusts the header's size: it stops once that many bytes are out, without looking
  // at the rest of the stream, so a size that ends between two symbols gives the data's first
  // bytes, and one that ends inside a match throws (a match may not run past the size).
  const data = concat([randomBytes(200), new Uint8Array(1000).fill(7), text(3000)]);
  const packed = xz(data);
  let stopped = 0, inMatch = 0;
  for (let size = 0; size < data.length; size += 1 + (size >> 6)) {
    try {
      assert.deepEqual(await decodeLzma(withSize(packed, size)), data.subarray(0, size), `size ${size}`);
      stopped++;
    } catch (e) {
      assert.match(e.message, /^lzma: match runs past the uncompressed size/, `size ${size}`);
      inMatch++;
    }
  }
  assert.ok(stopped > 10 && inMatch > 10, `${stopped} sizes stopped between symbols, ${inMatch} inside a match`);
  assert.deepEqual(await decodeLzma(withSize(packed, 150)), data.subarray(0, 150)); // random bytes: literals
  await rejectsLzma(decodeLzma(withSize(packed, 600)), /runs past the uncompressed size/); // inside the run of 7s
  for (const extra of [1, 2, 1000]) {
    await rejectsLzma(decodeLzma(withSize(packed, data.length + extra)), /end marker before the uncompressed size/);
  }
});

/**
 * Decodes each input in a worker thread, which is terminated (and the test fails) if they take
 * longer than `ms` all together: a decoder that loops fails here instead of hanging. Returns, for
 * each, { error } (its message; anything thrown but an Error is reported as such) or { length,
 * same } (whether the output is `expected`).
 */
function decodeInWorker(inputs, expected, ms = 20_000) {
  const source = `
    const { parentPort, workerData: { url, decoder, inputs, expected } } = require('node:worker_threads');
    const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
    import(url).then(async ({ decodeLzma }) => {
      const results = [];
      for (const input of inputs) {
        let out;
        try { out = await decodeLzma(input, decoder); }
        catch (e) { results.push({ error: e instanceof Error ? e.message : 'not an Error: ' + String(e) }); continue; }
        results.push({ length: out.length, same: same(out, expected) });
      }
      parentPort.postMessage(results);
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { url: LZMA_URL, decoder: DECODER, inputs, expected } });
    const timer = setTimeout(() => { worker.terminate(); reject(new Error(`decoding ${inputs.length} inputs took over ${ms} ms: a loop?`)); }, ms);
    worker.once('message', (results) => { clearTimeout(timer); worker.terminate(); resolve(results); });
    worker.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

test('truncated input: throws "lzma: input ends early" wherever it is cut, or (cut in the last bytes, never read) decodes right', async () => {
  // Cutting the stream changes nothing until the decoder needs a byte that is not there: then it
  // must throw. Only the last few bytes (the end marker after the data and the range coder's
  // flush) may go unread, as the decoder stops at the header's size.
  const cases = [['mixed, 3 kB', SMALL_MIXED, 1]];
  const wasm = new URL('../../build/wasm/nlp_engine.wasm', import.meta.url);
  if (existsSync(wasm)) cases.push(['build/wasm/nlp_engine.wasm', new Uint8Array(readFileSync(wasm)), 1499]);
  for (const [name, data, step] of cases) {
    const packed = xz(data);
    // every cut in the first and the last 40 bytes, every `step` bytes between
    const cuts = [];
    for (let n = 0; n < packed.length; n++) if (n < 40 || n >= packed.length - 40 || n % step === 0) cuts.push(n);
    const results = await decodeInWorker(cuts.map((n) => packed.slice(0, n)), data);
    let unread = 0;
    results.forEach((r, i) => {
      const n = cuts[i];
      if (r.error !== undefined) assert.match(r.error, /^lzma: input ends early/, `${name} cut at ${n} of ${packed.length}`);
      else {
        assert.ok(r.same, `${name} cut at ${n}: decodes right or throws`);
        unread = Math.max(unread, packed.length - n);
      }
    });
    assert.ok(unread <= 8, `${name}: the last ${unread} bytes go unread`);
  }
});

test('a corrupted byte: throws "lzma: ..." or decodes to the right length, never loops or crashes', async () => {
  // Every byte of a small stream but the size (bytes 5..12, tested above), each changed in two
  // ways; and a sample of the bytes of a larger one.
  const cases = [[SMALL_MIXED, 1], [SAMPLES['repetitive (long matches, reps)'], 97]];
  for (const [data, step] of cases) {
    const packed = xz(data);
    const inputs = [];
    for (let i = 0; i < packed.length; i += i < 13 ? 1 : step) {
      if (i >= 5 && i < 13) continue;
      for (const flip of [0x01, 0x80]) { const p = packed.slice(); p[i] ^= flip; inputs.push(p); }
    }
    const results = await decodeInWorker(inputs, data);
    let threw = 0;
    results.forEach((r, k) => {
      if (r.error !== undefined) { assert.match(r.error, /^lzma: /, `input ${k}`); threw++; }
      else assert.equal(r.length, data.length, `input ${k}`);
    });
    assert.ok(threw > inputs.length / 4, `${threw} of ${inputs.length} corrupted inputs threw`);
  }
});
