// An LZMA decoder for the page, compiled to a WebAssembly module of its own (4.9 kB) by
// scripts/build-web.mjs with clang's wasm32 target, no C library: web/wasm-loader.js inlines it
// and web/lzma-decoder.js runs it to unpack the engine's module (and the single file's script),
// which the build packs with xz's strongest preset in the .lzma ("LZMA alone") format, about a
// fifth smaller than gzip -9 (docs/toolchain.md, fact 25). Browsers have no native LZMA; as WebAssembly the decoder runs at once at full speed, where
// the same algorithm in JavaScript spends most of its time before V8 has optimised it (25 ms
// against 5-10 for the engine's first part, in Chromium here).
//
// It follows the reference decoder, LzmaSpec.cpp of the LZMA SDK (public domain): the same
// states, probability models and checks. Two differences: the whole output is one buffer at the
// size the header gives (the build writes it there) and serves as the dictionary, so the
// header's dictionary size only bounds match distances; and decoding stops as soon as that many
// bytes are out, without reading an end marker after them. lc + lp is at most 4, as in LZMA2
// (xz writes lc = 3, lp = 0): the literal models then fit a fixed table.
//
// Every malformed input ends with an error code (web/lzma-decoder.js turns it into a message), and none
// can make it loop: every step writes at least one byte or ends, and reading past the end of the
// input is an error. A corrupt stream that still parses decodes to wrong bytes: the checks are
// the format's, not a checksum's.

typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

// the error codes: web/lzma-decoder.js has their messages
enum {
  OK = 0,
  ERR_PROPERTIES = 1,  // a properties byte out of range, or lc + lp above 4
  ERR_SIZE = 2,        // the header's size not the output's
  ERR_INPUT = 3,       // the input ends early
  ERR_FIRST = 4,       // the range coder's first byte not 0
  ERR_DISTANCE = 5,    // a distance beyond what is out
  ERR_DICTIONARY = 6,  // a distance beyond the dictionary's size
  ERR_LENGTH = 7,      // a match running past the output's size
  ERR_END = 8,         // an end marker before the output's size
};

// The probabilities, 11-bit, in one table: where each model starts, in LzmaSpec's order. A bit
// tree of n bits at T uses T + 1 .. T + 2^n - 1.
enum {
  IS_MATCH = 0,        // [state << 4 | posState]: 12 states x 16 position states
  IS_REP = 192,        // [state]
  IS_REP_G0 = 204,
  IS_REP_G1 = 216,
  IS_REP_G2 = 228,
  IS_REP0_LONG = 240,  // [state << 4 | posState]
  POS_SLOT = 432,      // 4 trees of 6 bits, by length (2, 3, 4, 5 and more)
  SPEC_POS = 688,      // reverse trees of the distances of slots 4 .. 13: 115
  ALIGN = 802,         // a reverse tree of 4 bits: the low bits of distances of slots 14 and up
  LEN = 818,           // a match's length: choice, choice2, low [16 x 8], mid [16 x 8], high [256]
  REP_LEN = 1332,      // a rep match's
  LITERAL = 1846,      // 0x300 per literal context: lc + lp bits of it
  PROBS = LITERAL + (0x300 << 4),
};

static u16 probs[PROBS];

// The range decoder's state: a local of decode(), which every helper below is inlined into, so
// that it lives in WebAssembly locals rather than in memory (2x faster in V8's baseline tier).
typedef struct {
  const u8* in;
  u32 in_pos, in_len, range, code;
  int failed;  // the input ended early: every further byte reads 0, and decoding stops
} Coder;
#define INLINE static inline __attribute__((always_inline))

// An error, or the input's end if that came first (then what was decoded since is noise).
#define FAIL(code) return c.failed ? ERR_INPUT : (code)

INLINE u32 next_byte(Coder* c) {
  if (c->in_pos < c->in_len) return c->in[c->in_pos++];
  c->failed = 1;
  return 0;
}

INLINE void normalize(Coder* c) {
  if (c->range < (1u << 24)) {
    c->range <<= 8;
    c->code = c->code << 8 | next_byte(c);
  }
}

INLINE u32 bit(Coder* c, u16* p) {
  u32 v = *p, bound = (c->range >> 11) * v, b;
  if (c->code < bound) {
    c->range = bound;
    *p = (u16)(v + ((2048 - v) >> 5));
    b = 0;
  } else {
    c->range -= bound;
    c->code -= bound;
    *p = (u16)(v - (v >> 5));
    b = 1;
  }
  normalize(c);
  return b;
}

INLINE u32 tree(Coder* c, u16* p, int bits) {
  u32 m = 1;
  for (int i = 0; i < bits; i++) m = m << 1 | bit(c, p + m);
  return m - (1u << bits);
}

INLINE u32 reverse_tree(Coder* c, u16* p, int bits) {
  u32 m = 1, symbol = 0;
  for (int i = 0; i < bits; i++) {
    u32 b = bit(c, p + m);
    m = m << 1 | b;
    symbol |= b << i;
  }
  return symbol;
}

INLINE u32 direct_bits(Coder* c, int bits) {
  u32 result = 0;
  for (int i = 0; i < bits; i++) {
    c->range >>= 1;
    c->code -= c->range;
    u32 t = 0u - (c->code >> 31);  // all ones when the subtraction went below 0: the bit is 0
    c->code += c->range & t;
    normalize(c);
    result = result << 1 | (t + 1);
  }
  return result;
}

INLINE u32 length(Coder* c, u16* p, u32 pos_state) {
  if (!bit(c, p)) return tree(c, p + 2 + pos_state * 8, 3);
  if (!bit(c, p + 1)) return 8 + tree(c, p + 130 + pos_state * 8, 3);
  return 16 + tree(c, p + 258, 8);
}

// Decodes the .lzma file at src (n bytes: the 13-byte header, then the stream) into dst, which
// holds size bytes: the size the header must give. Returns OK or an error code.
__attribute__((export_name("decode"))) int decode(const u8* src, u32 n, u8* dst, u32 size) {
  Coder c = {src, 13, n, 0xFFFFFFFFu, 0, 0};
  if (n < 18) return ERR_INPUT;
  u32 d = src[0];
  if (d >= 9 * 5 * 5) return ERR_PROPERTIES;
  const u32 lc = d % 9, lp = d / 9 % 5, pb = d / 45;
  if (lc + lp > 4) return ERR_PROPERTIES;
  u32 dict = src[1] | src[2] << 8 | src[3] << 16 | (u32)src[4] << 24;
  if (dict < 4096) dict = 4096;
  if ((src[5] | src[6] << 8 | src[7] << 16 | (u32)src[8] << 24) != size || (src[9] | src[10] | src[11] | src[12])) return ERR_SIZE;
  for (u32 i = 0; i < PROBS; i++) probs[i] = 1024;
  if (next_byte(&c) != 0) return ERR_FIRST;
  for (int i = 0; i < 4; i++) c.code = c.code << 8 | next_byte(&c);
  if (c.code == c.range) return ERR_FIRST;  // LzmaSpec's "corrupted" at the start

  u32 pos = 0, state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  const u32 pb_mask = (1u << pb) - 1, lp_mask = (1u << lp) - 1;
  while (pos < size) {
    if (c.failed) return ERR_INPUT;
    const u32 pos_state = pos & pb_mask;
    if (!bit(&c, &probs[IS_MATCH + (state << 4) + pos_state])) {
      // a literal, in the context of the previous byte; after a match, decoded against the byte
      // at the last distance while its bits agree
      const u32 prev = pos ? dst[pos - 1] : 0;
      u16* p = &probs[LITERAL + 0x300 * (((pos & lp_mask) << lc) + (prev >> (8 - lc)))];
      u32 symbol = 1;
      if (state >= 7) {
        u32 match = dst[pos - rep0 - 1];
        do {
          const u32 match_bit = match >> 7 & 1;
          match <<= 1;
          const u32 b = bit(&c, p + ((1 + match_bit) << 8) + symbol);
          symbol = symbol << 1 | b;
          if (match_bit != b) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = symbol << 1 | bit(&c, p + symbol);
      dst[pos++] = (u8)symbol;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    u32 len;
    if (bit(&c, &probs[IS_REP + state])) {
      if (pos == 0) FAIL(ERR_DISTANCE);
      if (!bit(&c, &probs[IS_REP_G0 + state])) {
        if (!bit(&c, &probs[IS_REP0_LONG + (state << 4) + pos_state])) {  // one byte at rep0
          state = state < 7 ? 9 : 11;
          dst[pos] = dst[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        u32 dist;
        if (!bit(&c, &probs[IS_REP_G1 + state])) {
          dist = rep1;
        } else {
          if (!bit(&c, &probs[IS_REP_G2 + state])) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(&c, &probs[REP_LEN], pos_state);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(&c, &probs[LEN], pos_state);
      state = state < 7 ? 7 : 10;
      // the distance: a slot by length, then its low bits
      const u32 slot = tree(&c, &probs[POS_SLOT + ((len < 3 ? len : 3) << 6)], 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const int bits = (int)(slot >> 1) - 1;
        u32 dist = (2 | (slot & 1)) << bits;
        if (slot < 14) {
          dist += reverse_tree(&c, &probs[SPEC_POS + dist - slot], bits);
        } else {
          dist += direct_bits(&c, bits - 4) << 4;
          dist += reverse_tree(&c, &probs[ALIGN], 4);
        }
        rep0 = dist;
      }
      if (rep0 == 0xFFFFFFFFu) FAIL(ERR_END);  // the end marker, early
      if (rep0 >= dict) FAIL(ERR_DICTIONARY);
      if (rep0 >= pos) FAIL(ERR_DISTANCE);
    }
    len += 2;
    if (len > size - pos) FAIL(ERR_LENGTH);
    const u8* from = dst + pos - rep0 - 1;
    u8* to = dst + pos;
    for (u32 i = 0; i < len; i++) to[i] = from[i];  // may overlap: byte by byte
    pos += len;
  }
  FAIL(OK);
}
