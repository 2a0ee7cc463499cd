// best_line_accuracy (analysis.h): the best any straight line or threshold does on labelled
// points, exact. A file of its own because of how it is compiled: the compare lesson asks for it
// before its first frame, and its O(n^3) loop runs 7x slower in the -Oz code the rest of the
// analyses are compiled to in WebAssembly (CMakeLists.txt); here it stays at -O3.
#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "analysis.h"
#include "engine_limits.h"
#include "entry.h"

namespace nlp {

namespace {

// Two doubles and their lane masks (GCC/Clang vector extensions: SSE2 natively, SIMD128 in
// WebAssembly; products and differences round as the scalar ones, -ffp-contract=off).
typedef double D2 __attribute__((vector_size(16)));
typedef int64_t L2 __attribute__((vector_size(16)));
template <typename V, typename T>
inline V load2(const T* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline D2 load2(const double* p) { return load2<D2>(p); }
inline L2 load2(const int64_t* p) { return load2<L2>(p); }

// The points on either side of the line through point i in the direction (dx, dy), and the
// positive ones among them, from the points' offsets ex, ey from point i (`padded` of them, a
// whole number of vectors) and their lane masks lab (-1 positive, 0 negative): the sign of the
// cross product dx ey_k - dy ex_k (0: on the line). Not inlined: V8 runs a function's first calls
// in its baseline compiler and the optimised code from a later call on, so the call per line
// lets the O(n^3) loop switch to optimised code early instead of running whole in the baseline
// code (the compare lesson asks for this before its first frame).
struct Sides {
  int left, left_pos, right, right_pos;
};
__attribute__((noinline)) Sides sides(const double* ex, const double* ey, const int64_t* lab, size_t padded, double dx,
                                      double dy) {
  const D2 vdx = {dx, dx}, vdy = {dy, dy};
  L2 left{}, left_pos{}, right{}, right_pos{};  // lane sums of -1 per point counted
  for (size_t k = 0; k < padded; k += 2) {
    const D2 cross = vdx * load2(ey + k) - vdy * load2(ex + k);
    const L2 is_left = cross > 0, is_right = cross < 0, positive = load2(lab + k);
    left += is_left;
    left_pos += is_left & positive;
    right += is_right;
    right_pos += is_right & positive;
  }
  return {-int(left[0] + left[1]), -int(left_pos[0] + left_pos[1]), -int(right[0] + right[1]),
          -int(right_pos[0] + right_pos[1])};
}

// Best threshold on (value, positive) pairs: the most points sign(s (v - t)) classifies correctly
// over every t and s = +1 or -1 (t beyond either end: all one class); equal values fall together.
int best_threshold(std::vector<std::pair<double, bool>> pts) {
  std::sort(pts.begin(), pts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const int n = static_cast<int>(pts.size());
  int total_pos = 0;
  for (const auto& p : pts) total_pos += p.second ? 1 : 0;
  // All on one side: max(pos, neg).
  int best = std::max(total_pos, n - total_pos);
  int pos_below = 0, neg_below = 0;
  for (int i = 0; i < n; ++i) {
    (pts[size_t(i)].second ? pos_below : neg_below)++;
    if (i + 1 < n && pts[size_t(i + 1)].first == pts[size_t(i)].first) continue;  // cut only between distinct values
    const int pos_above = total_pos - pos_below, neg_above = (n - total_pos) - neg_below;
    best = std::max({best, neg_below + pos_above, pos_below + neg_above});
  }
  return best;
}

}  // namespace

BestLine best_line_accuracy(const std::vector<float>& x, const std::vector<float>& y, int inputs) {
  if (inputs != 1 && inputs != 2)
    throw std::invalid_argument("inputs: " + std::to_string(inputs) + " must be 1 or 2 (a threshold or a straight line)");
  const Eigen::MatrixXd X = detail::samples(x, inputs, "x", "inputs");
  const auto n = static_cast<int>(X.rows());
  if (n > kMaxBestLinePoints)
    throw std::invalid_argument("x: " + std::to_string(n) + " points, more than " + std::to_string(kMaxBestLinePoints));
  if (y.size() != size_t(n))
    throw std::invalid_argument("y: length " + std::to_string(y.size()) + " is not " + std::to_string(n) +
                                " (one label per point)");
  std::vector<bool> pos(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    if (y[size_t(i)] != 1.0f && y[size_t(i)] != -1.0f)
      throw std::invalid_argument("y: label " + num(y[size_t(i)]) + " at " + std::to_string(i) + " is not +1 or -1");
    pos[size_t(i)] = y[size_t(i)] > 0;
  }
  BestLine out;
  out.n = n;
  if (inputs == 1) {
    std::vector<std::pair<double, bool>> pts;
    for (int i = 0; i < n; ++i) pts.emplace_back(X(i, 0), pos[size_t(i)]);
    out.correct = best_threshold(std::move(pts));
  } else {
    // The O(n^3) loop (sides()) with as few instructions as it can: two points per vector and
    // no branch, for V8's baseline compiler, which translates instruction by instruction.
    std::vector<unsigned char> label(static_cast<size_t>(n));
    int total_pos = 0;
    for (int i = 0; i < n; ++i) {
      label[size_t(i)] = pos[size_t(i)] ? 1 : 0;
      total_pos += label[size_t(i)];
    }
    // Per point i, every point's offset from it: ex[k] = x_k - x_i, ey[k] = y_k - y_i, padded to
    // whole vectors with zero offsets (whose cross product is 0: neither side); lab[k] = -1 for
    // a positive label, 0 for a negative one (a lane mask).
    const size_t padded = (size_t(n) + 1) / 2 * 2;
    std::vector<double> ex(padded, 0.0), ey(padded, 0.0);
    std::vector<int64_t> lab(padded, 0);
    for (int k = 0; k < n; ++k) lab[size_t(k)] = label[size_t(k)] ? -1 : 0;
    int best = std::max(total_pos, n - total_pos);
    std::vector<std::pair<double, bool>> on;  // points on the line: (position along it, label)
    for (int i = 0; i < n; ++i) {
      for (int k = 0; k < n; ++k) {
        ex[size_t(k)] = X(k, 0) - X(i, 0);
        ey[size_t(k)] = X(k, 1) - X(i, 1);
      }
      for (int j = i + 1; j < n; ++j) {
        const double dx = ex[size_t(j)], dy = ey[size_t(j)];
        if (dx == 0 && dy == 0) continue;  // the same point twice: no line
        const Sides c = sides(ex.data(), ey.data(), lab.data(), padded, dx, dy);
        const int n_left = c.left, n_right = c.right, left_p = c.left_pos, right_p = c.right_pos;
        const int on_line = n - n_left - n_right;
        // The points off the line: left side positive, or right side positive. The points on it:
        // a small turn of the line about a point between two of them sends those before it to
        // one side and the rest to the other (either way round), a small shift sends them all to
        // one side, whichever side is positive; best_threshold finds the best such split. With
        // only i and j on it (their cross products are exactly 0; at positions 0 and |d|^2 > 0,
        // which float inputs cannot underflow) the best split always gets both right.
        int on_best = 2;
        if (on_line > 2) {
          on.clear();
          for (int k = 0; k < n; ++k) {
            const double exk = ex[size_t(k)], eyk = ey[size_t(k)];
            if (dx * eyk - dy * exk == 0) on.emplace_back(dx * exk + dy * eyk, label[size_t(k)] != 0);
          }
          on_best = best_threshold(on);
        }
        const int strict = std::max(left_p + (n_right - right_p), (n_left - left_p) + right_p);
        best = std::max(best, strict + on_best);
      }
    }
    out.correct = best;
  }
  out.accuracy = double(out.correct) / double(n);
  return out;
}

}  // namespace nlp
