// Unpacks the engine's WebAssembly module, which the build packs with xz's strongest preset in
// the .lzma format (about a fifth smaller than gzip -9: docs/toolchain.md, fact 25), with the
// LZMA decoder of web/lzma-decode.c, itself a WebAssembly module of 4.9 kB that
// scripts/build-web.mjs compiles and web/wasm-loader.js inlines. Browsers have no native LZMA; as
// WebAssembly the decoder runs at full speed from its first call (the engine's first part in
// 5-10 ms in Chromium here, where a decoder in JavaScript took 25).

// web/lzma-decode.c's error codes
const ERRORS = ['', 'bad properties byte (lc + lp at most 4)', 'the size is not the output\'s', 'input ends early',
  'first range coder byte not 0', 'distance beyond the output', 'distance beyond the dictionary size',
  'match runs past the uncompressed size', 'end marker before the uncompressed size'];
// The largest output it makes room for: the page's files are under 1 MB, and a corrupt header
// must not have it ask for gigabytes first.
const MAX_SIZE = 64 << 20;

/** `bytes` decoded by `instance`, an instance of the decoder of its own. */
function run(instance, bytes) {
  const fail = (why) => { throw new Error('lzma: ' + why); };
  const { memory, decode, __heap_base: heapBase } = instance.exports;
  if (bytes.length < 13) fail(ERRORS[3]);
  if (bytes[0] >= 9 * 5 * 5) fail(ERRORS[1]);
  const size = (bytes[5] | bytes[6] << 8 | bytes[7] << 16 | bytes[8] << 24) >>> 0;
  if (bytes[9] | bytes[10] | bytes[11] | bytes[12] || size > MAX_SIZE) {
    fail(size === 0xFFFFFFFF ? 'unknown uncompressed size (the header must give it)' : 'uncompressed size too large');
  }
  // the input, then the output, after the decoder's own data
  const at = (heapBase.value + 7) & ~7;
  const need = at + bytes.length + size - memory.buffer.byteLength;
  try {
    if (need > 0) memory.grow(Math.ceil(need / 65536));
  } catch (e) {
    fail('no memory for ' + size + ' bytes');
  }
  new Uint8Array(memory.buffer).set(bytes, at);
  const code = decode(at, bytes.length, at + bytes.length, size);
  if (code) fail(ERRORS[code] || 'error ' + code);
  return new Uint8Array(memory.buffer, at + bytes.length, size).slice();
}

/**
 * Decodes `bytes` (a Uint8Array: a whole .lzma file whose header gives the uncompressed size, at
 * most 64 MiB, as scripts/build-web.mjs writes it) with the decoder `decoder` (web/lzma-decode.c
 * compiled: its bytes or a WebAssembly.Module). Resolves to the output, a new Uint8Array; rejects
 * with an Error whose message starts with "lzma: ". Each call has a decoder instance of its own,
 * whose memory goes when it ends.
 */
export function decodeLzma(bytes, decoder) {
  return WebAssembly.instantiate(decoder).then((made) => run(made.instance || made, bytes));
}

/** The same at once, with `decoder` a WebAssembly.Module: returns the output or throws. */
export function decodeLzmaNow(bytes, decoder) {
  return run(new WebAssembly.Instance(decoder), bytes);
}
