// The engine's only source of randomness: PCG32 (O'Neill 2014, "PCG-XSH-RR 64/32") with
// uniform and normal transforms written out here, so that a seed means the same stream of
// numbers under libstdc++ (native) and libc++ (Emscripten). std::*_distribution is never used:
// its algorithms are implementation-defined and differ between those two libraries.
#pragma once

#include <cmath>
#include <cstdint>

namespace nlp {

class Rng {
 public:
  explicit Rng(uint64_t seed, uint64_t stream = 54) { reseed(seed, stream); }

  void reseed(uint64_t seed, uint64_t stream = 54) {
    state_ = 0;
    inc_ = (stream << 1u) | 1u;
    next_u32();
    state_ += seed;
    next_u32();
    has_spare_ = false;
  }

  // PCG-XSH-RR: 64-bit LCG state, 32-bit output by xorshift-high then random rotation.
  uint32_t next_u32() {
    uint64_t old = state_;
    state_ = old * 6364136223846793005ULL + inc_;
    auto xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
    auto rot = static_cast<uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, 1) with 53 random bits: (hi27 * 2^26 + lo26) / 2^53; exact in double.
  double uniform() {
    uint64_t hi = next_u32() >> 5;  // 27 bits
    uint64_t lo = next_u32() >> 6;  // 26 bits
    return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
  }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Unbiased integer in [0, n) by rejection on the 32-bit output; 0 when n == 0.
  uint32_t below(uint32_t n) {
    if (n == 0) return 0;
    uint32_t threshold = (0u - n) % n;
    for (;;) {
      uint32_t r = next_u32();
      if (r >= threshold) return r % n;
    }
  }

  // Standard normal by the Marsaglia polar method: only +, *, /, log and sqrt, whose
  // results are the same in glibc and musl for these arguments to within an ulp.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double m = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * m;
    has_spare_ = true;
    return u * m;
  }

  // Fisher-Yates shuffle driven by below(); a count below 2 leaves the array as it is.
  template <typename Index>
  void shuffle(Index* first, Index count) {
    if (count < 2) return;
    for (Index i = count - 1; i > 0; --i) {
      Index j = static_cast<Index>(below(static_cast<uint32_t>(i + 1)));
      Index t = first[i];
      first[i] = first[j];
      first[j] = t;
    }
  }

 private:
  uint64_t state_ = 0;
  uint64_t inc_ = 0;
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace nlp
