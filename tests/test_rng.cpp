#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "rng.h"

TEST_CASE("pcg32 reproduces the reference stream") {
  // pcg32_random_r with initstate 42, initseq 54 (pcg-c-basic's demo): the first outputs.
  nlp::Rng rng(42, 54);
  const uint32_t expected[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e};
  for (uint32_t e : expected) CHECK(rng.next_u32() == e);
}

TEST_CASE("uniform, below and normal have the right range and moments") {
  nlp::Rng rng(7);
  double sum = 0, sq = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    double u = rng.uniform();
    CHECK_UNARY(u >= 0.0 && u < 1.0);
    sum += u;
  }
  CHECK(sum / n == doctest::Approx(0.5).epsilon(0.01));
  sum = 0;
  for (int i = 0; i < n; ++i) {
    double z = rng.normal();
    sum += z;
    sq += z * z;
  }
  CHECK(std::abs(sum / n) < 0.01);
  CHECK(sq / n == doctest::Approx(1.0).epsilon(0.01));
  std::vector<int> counts(5, 0);
  for (int i = 0; i < 50000; ++i) ++counts[rng.below(5)];
  for (int c : counts) CHECK(c == doctest::Approx(10000).epsilon(0.05));
}

TEST_CASE("same seed, same stream; shuffle is a permutation") {
  nlp::Rng a(3), b(3), c(4);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    uint32_t x = a.next_u32();
    CHECK(x == b.next_u32());
    differs |= x != c.next_u32();
  }
  CHECK(differs);
  std::vector<int> v(100);
  for (int i = 0; i < 100; ++i) v[size_t(i)] = i;
  a.shuffle(v.data(), 100);
  std::vector<int> seen(100, 0);
  for (int x : v) ++seen[size_t(x)];
  for (int s : seen) CHECK(s == 1);
  int moved = 0;
  for (int i = 0; i < 100; ++i) moved += v[size_t(i)] != i;
  CHECK(moved > 90);
}

TEST_CASE("edge cases: below(0) and shuffles of 0 or 1 elements") {
  nlp::Rng rng(1);
  CHECK(rng.below(0) == 0);
  CHECK(rng.below(1) == 0);
  unsigned empty[1] = {7};
  rng.shuffle(empty, 0u);  // an unsigned count of 0 must not wrap around
  rng.shuffle(empty, 1u);
  CHECK(empty[0] == 7);
}
