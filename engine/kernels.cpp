#include "kernels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

#if defined(__FMA__)
#include <immintrin.h>
#endif
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace nlp::kernels {

namespace {

// One vector of kLanes floats (one unit, kLanes samples), its integer twin for bit masks, and
// the 4-lane vector every sum over samples is folded into.
typedef float Vec __attribute__((vector_size(kLanes * sizeof(float))));
typedef int32_t VecI __attribute__((vector_size(kLanes * sizeof(int32_t))));
typedef float Vec4 __attribute__((vector_size(4 * sizeof(float))));

inline Vec load(const float* p) {
  Vec v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(float* p, Vec v) { std::memcpy(p, &v, sizeof v); }
template <size_t... I>
inline Vec splat(float s, std::index_sequence<I...>) {
  return Vec{((void)I, s)...};
}
inline Vec splat(float s) { return splat(s, std::make_index_sequence<kLanes>{}); }

// acc + a * b for the sums of the dense layers: one fused multiply-add where the CPU has it
// (native AVX2 builds), else a multiply and an add (SSE2, WebAssembly).
inline Vec madd(Vec a, Vec b, Vec acc) {
#if defined(__FMA__) && NLP_KERNEL_LANES == 8
  return _mm256_fmadd_ps(a, b, acc);
#else
  return acc + a * b;
#endif
}

// (v_0 + v_4 + ..., v_1 + v_5 + ..., v_2 + ..., v_3 + ...): kLanes lanes folded to 4.
inline Vec4 fold4(Vec v) {
#if NLP_KERNEL_LANES == 8
  return __builtin_shufflevector(v, v, 0, 1, 2, 3) + __builtin_shufflevector(v, v, 4, 5, 6, 7);
#else
  return v;
#endif
}

// (sum a, sum b, sum c, sum d) of four 4-lane vectors: two transpose-and-add steps.
inline Vec4 sum4(Vec4 a, Vec4 b, Vec4 c, Vec4 d) {
  const Vec4 ab = __builtin_shufflevector(a, b, 0, 1, 4, 5) + __builtin_shufflevector(a, b, 2, 3, 6, 7);
  const Vec4 cd = __builtin_shufflevector(c, d, 0, 1, 4, 5) + __builtin_shufflevector(c, d, 2, 3, 6, 7);
  return __builtin_shufflevector(ab, cd, 0, 2, 4, 6) + __builtin_shufflevector(ab, cd, 1, 3, 5, 7);
}

inline float hsum(Vec v) {
  const Vec4 f = fold4(v);
  return (f[0] + f[2]) + (f[1] + f[3]);
}

// min(a, b) = b < a ? b : a and max(a, b) = a < b ? b : a, lane by lane: a NaN in a stays.
// These are WebAssembly's pmin/pmax, one instruction each in V8; f32x4.min/max (which clang
// would pick for the plain selects) also order -0 below +0 and take several.
inline Vec vmin(Vec a, Vec b) {
#ifdef __wasm_simd128__
  return (Vec)wasm_f32x4_pmin((v128_t)a, (v128_t)b);
#else
  return b < a ? b : a;
#endif
}
inline Vec vmax(Vec a, Vec b) {
#ifdef __wasm_simd128__
  return (Vec)wasm_f32x4_pmax((v128_t)a, (v128_t)b);
#else
  return a < b ? b : a;
#endif
}

// tanh by Eigen 3.4's generic_fast_tanh_float: p(x) / q(x), p odd of degree 13, q even of degree
// 6, on x = z clamped to [-c, c]; z itself where |z| < 4e-4. Eigen takes a slightly wider c when
// it uses fused multiply-adds; the non-FMA c is used here in every build. A NaN stays NaN.
inline Vec tanh(Vec z) {
  const Vec c = splat(7.90531110763549805f);
  const Vec x = vmax(vmin(z, c), -c);
  const Vec x2 = x * x;
  Vec p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
  p = x2 * p + -8.60467152213735e-11f;
  p = x2 * p + 5.12229709037114e-08f;
  p = x2 * p + 1.48572235717979e-05f;
  p = x2 * p + 6.37261928875436e-04f;
  p = x2 * p + 4.89352455891786e-03f;
  p = x * p;
  Vec q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
  q = x2 * q + 2.26843463243900e-03f;
  q = x2 * q + 4.89352518554385e-03f;
  const Vec abs_z = (Vec)((VecI)z & 0x7fffffff);
  return abs_z < 0.0004f ? x : p / q;
}

// f(z) for the activations the kernels compute (fused_forward); the others go through Eigen.
template <ActivationKind K>
inline Vec activate(Vec z, const Activation& f) {
  if constexpr (K == ActivationKind::Linear) return z;
  if constexpr (K == ActivationKind::Affine) return float(f.affine.a) * z + float(f.affine.c);
  if constexpr (K == ActivationKind::Tanh) return tanh(z);
  if constexpr (K == ActivationKind::Relu) return vmax(z, Vec{});
  if constexpr (K == ActivationKind::LeakyRelu) return z > Vec{} ? z : float(kLeakyReluSlope) * z;
  if constexpr (K == ActivationKind::Step) return z >= Vec{} ? splat(1.0f) : Vec{};  // H(0) = 1
  return z;
}

// dA * f'(z), a = f(z), for the activations whose derivative the kernels compute (fused_backward).
template <ActivationKind K>
inline Vec differentiate(Vec d, Vec z, Vec a, const Activation& f) {
  if constexpr (K == ActivationKind::Affine) return d * float(f.affine.a);                         // a
  if constexpr (K == ActivationKind::Tanh) return d * (splat(1.0f) - a * a);                        // 1 - tanh^2
  if constexpr (K == ActivationKind::Sigmoid) return d * (a * (splat(1.0f) - a));                   // s (1 - s)
  if constexpr (K == ActivationKind::Relu) return z > Vec{} ? d : Vec{};                            // [z > 0]
  if constexpr (K == ActivationKind::LeakyRelu) return z > Vec{} ? d : float(kLeakyReluSlope) * d;  // 1 or slope
  if constexpr (K == ActivationKind::Step) return Vec{};                                            // 0
  return d;                                                                                          // linear: 1
}

constexpr bool fused_forward(ActivationKind k) {
  return k != ActivationKind::Sigmoid && k != ActivationKind::Softplus && k != ActivationKind::Swish &&
         k != ActivationKind::Sine;
}
constexpr bool fused_backward(ActivationKind k) {
  return k != ActivationKind::Softplus && k != ActivationKind::Swish && k != ActivationKind::Sine;
}

// Where a tile's results go: the forward pass keeps Z and A = f(Z) (Z alone when f runs
// through Eigen afterwards); the backward pass turns W^T dZ into the gradient at the layer
// below's pre-activation.
template <ActivationKind K, bool Fused>
struct ForwardOut {
  float* Z;
  float* A;
  const Activation& f;
  void operator()(Index at, Vec z) const {
    store(Z + at, z);
    if constexpr (Fused) store(A + at, activate<K>(z, f));
  }
};

template <ActivationKind K, bool Fused>
struct BackwardOut {
  const float* Z;
  const float* A;
  float* dZ;
  const Activation& f;
  void operator()(Index at, Vec d) const {
    if constexpr (Fused) d = differentiate<K>(d, load(Z + at), load(A + at), f);
    store(dZ + at, d);
  }
};

// Y[r, :] = bias[r] + sum_k Wp[r*rs + k*ks] X[k, :] for R rows and V vectors of samples, handed
// to out(offset of (r, v) in Y, value). The R x V accumulators stay in registers while k runs.
// Wp with (rs, ks) = (in, 1) is W, with (1, in) it is W^T; bias may be null (0).
template <int R, int V, class Out>
inline void gemm_tile(const float* Wp, Index rs, Index ks, int K, const float* bias, const float* X, Index P,
                      Index at, const Out& out) {
  Vec acc[R][V];
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < V; ++v) acc[r][v] = bias ? splat(bias[r]) : Vec{};
  int k = 0;
  do {  // K >= 1
    Vec x[V];
    for (int v = 0; v < V; ++v) x[v] = load(X + k * P + v * kLanes);
    for (int r = 0; r < R; ++r) {
      const Vec w = splat(Wp[r * rs + k * ks]);
      for (int v = 0; v < V; ++v) acc[r][v] = madd(w, x[v], acc[r][v]);
    }
  } while (++k < K);
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < V; ++v) out(at + r * P + v * kLanes, acc[r][v]);
}

// Y (M, P) = Wp X (K, P) + bias 1^T into out, Wp an (M, K) view as in gemm_tile: tiles of 4 rows
// and up to 2 vectors; the X vectors of one tile column are reused by every row tile.
template <class Out>
void gemm(const float* Wp, Index rs, Index ks, int M, int K, const float* bias, const float* X, Index P,
          const Out& out) {
  Index s = 0;
  const auto columns = [&](auto vectors) {
    constexpr int V = decltype(vectors)::value;
    int r = 0;
    for (; r + 4 <= M; r += 4)
      gemm_tile<4, V>(Wp + r * rs, rs, ks, K, bias ? bias + r : nullptr, X + s, P, r * P + s, out);
    for (; r < M; ++r) gemm_tile<1, V>(Wp + r * rs, rs, ks, K, bias ? bias + r : nullptr, X + s, P, r * P + s, out);
  };
  for (; s + 2 * kLanes <= P; s += 2 * kLanes) columns(std::integral_constant<int, 2>{});
  if (s < P) columns(std::integral_constant<int, 1>{});
}

// dW[o .. o+R, i .. i+4] (+)= dZ[o .. o+R, :] X[i .. i+4, :]^T
template <int R>
inline void outer_tile(const float* dZ, const float* X, int in, Index P, float* dW, bool accumulate) {
  Vec acc[R][4];
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < 4; ++c) acc[r][c] = Vec{};
  Index s = 0;
  do {  // P >= kLanes
    Vec x[4];
    for (int c = 0; c < 4; ++c) x[c] = load(X + c * P + s);
    for (int r = 0; r < R; ++r) {
      const Vec d = load(dZ + r * P + s);
      for (int c = 0; c < 4; ++c) acc[r][c] = madd(d, x[c], acc[r][c]);
    }
  } while ((s += kLanes) < P);
  for (int r = 0; r < R; ++r) {
    Vec4 sums = sum4(fold4(acc[r][0]), fold4(acc[r][1]), fold4(acc[r][2]), fold4(acc[r][3]));
    float* out = dW + r * in;
    if (accumulate) {
      Vec4 old;
      std::memcpy(&old, out, sizeof old);
      sums += old;
    }
    std::memcpy(out, &sums, sizeof sums);
  }
}

// dW[o .. o+R, i] (+)= dZ[o .. o+R, :] . X[i, :]
template <int R>
inline void outer_column(const float* dZ, const float* X, int in, Index P, float* dW, bool accumulate) {
  Vec acc[R];
  for (int r = 0; r < R; ++r) acc[r] = Vec{};
  Index s = 0;
  do {  // P >= kLanes
    const Vec x = load(X + s);
    for (int r = 0; r < R; ++r) acc[r] = madd(load(dZ + r * P + s), x, acc[r]);
  } while ((s += kLanes) < P);
  for (int r = 0; r < R; ++r) dW[r * in] = (accumulate ? dW[r * in] : 0.0f) + hsum(acc[r]);
}

template <int R>
inline void outer_rows(const float* dZ, const float* X, int in, Index P, float* dW, bool accumulate) {
  int i = 0;
  for (; i + 4 <= in; i += 4) outer_tile<R>(dZ, X + i * P, in, P, dW + i, accumulate);
  for (; i < in; ++i) outer_column<R>(dZ, X + i * P, in, P, dW + i, accumulate);
}

// out[e] (+)= a_e . b_e (b_e = 1 with Ones) for the first `count` <= 4 of four pairs of
// P-long rows: four dot products reduced together by sum4.
template <bool Ones>
inline void dots4(const float* const* a, const float* const* b, int count, Index P, float* out, bool accumulate) {
  Vec acc[4];
  for (int e = 0; e < 4; ++e) acc[e] = Vec{};
  Index s = 0;
  do {  // P >= kLanes
    for (int e = 0; e < 4; ++e) {
      if constexpr (Ones)
        acc[e] += load(a[e] + s);
      else
        acc[e] = madd(load(a[e] + s), load(b[e] + s), acc[e]);
    }
  } while ((s += kLanes) < P);
  const Vec4 sums = sum4(fold4(acc[0]), fold4(acc[1]), fold4(acc[2]), fold4(acc[3]));
  for (int e = 0; e < count; ++e) out[e] = (accumulate ? out[e] : 0.0f) + sums[e];
}

// Rows of dZ per outer-product tile: the R x 4 accumulators plus R + 4 loaded vectors fit the
// 16 vector registers of SSE, AVX and SIMD128 with R = 2.
constexpr int kOuterRows = 2;

}  // namespace

namespace {

// One function per activation kind, called through a table: in WebAssembly V8 compiles (and
// optimises, once hot) only the kinds a page uses, function by function. Through with_kind the
// ten kinds were one function (binaryen inlines a function called from one place, whatever its
// size), and V8 optimised all of them (22 kB of code, 35-85 ms of background compiling here) as
// soon as one was hot, during the page's first frame (bench/README.md, "Page").
template <ActivationKind K>
void dense_forward_as(const float* W, const float* b, const float* X, int in, int out, Index P, const Activation& f,
                      float* Z, float* A) {
  gemm(W, in, 1, out, in, b, X, P, ForwardOut<K, fused_forward(K)>{Z, A, f});
  if constexpr (!fused_forward(K))
    f.forward<float>(Eigen::Map<const Eigen::MatrixXf>(Z, out * P, 1), Eigen::Map<Eigen::MatrixXf>(A, out * P, 1));
}

template <ActivationKind K>
void dense_backward_input_as(const float* W, const float* dZ, int in, int out, Index P, const Activation& f,
                             const float* Z_in, const float* A_in, float* dZ_in) {
  gemm(W, 1, in, in, out, nullptr, dZ, P, BackwardOut<K, fused_backward(K)>{Z_in, A_in, dZ_in, f});
  if constexpr (!fused_backward(K))
    f.backward<float>(Eigen::Map<const Eigen::MatrixXf>(Z_in, in * P, 1),
                      Eigen::Map<const Eigen::MatrixXf>(A_in, in * P, 1), Eigen::Map<Eigen::MatrixXf>(dZ_in, in * P, 1));
}

// The tables, in ActivationKind's order.
template <template <ActivationKind> class Of, size_t... I>
constexpr auto by_kind(std::index_sequence<I...>) {
  return std::array{Of<ActivationKind(I)>::fn...};
}
constexpr size_t kKinds = size_t(ActivationKind::Step) + 1;  // the last kind
template <ActivationKind K>
struct ForwardAs {
  static constexpr auto fn = &dense_forward_as<K>;
};
template <ActivationKind K>
struct BackwardInputAs {
  static constexpr auto fn = &dense_backward_input_as<K>;
};
constexpr auto kForward = by_kind<ForwardAs>(std::make_index_sequence<kKinds>{});
constexpr auto kBackwardInput = by_kind<BackwardInputAs>(std::make_index_sequence<kKinds>{});

}  // namespace

void dense_forward(const float* W, const float* b, const float* X, int in, int out, Index P, const Activation& f,
                   float* Z, float* A) {
  kForward[size_t(f.kind)](W, b, X, in, out, P, f, Z, A);
}

void dense_backward_input(const float* W, const float* dZ, int in, int out, Index P, const Activation& f,
                          const float* Z_in, const float* A_in, float* dZ_in) {
  if (f.kind == ActivationKind::Step) {  // f' = 0: no gradient passes, exactly
    std::fill(dZ_in, dZ_in + in * P, 0.0f);
    return;
  }
  kBackwardInput[size_t(f.kind)](W, dZ, in, out, P, f, Z_in, A_in, dZ_in);
}

void dense_backward_params(const float* dZ, const float* X, int in, int out, Index P, float* dW, float* db,
                           bool accumulate) {
  const float* a[4];
  const float* b[4];
  if (in >= 4) {  // tiles of kOuterRows x 4 entries
    int o = 0;
    for (; o + kOuterRows <= out; o += kOuterRows)
      outer_rows<kOuterRows>(dZ + o * P, X, in, P, dW + o * in, accumulate);
    for (; o < out; ++o) outer_rows<1>(dZ + o * P, X, in, P, dW + o * in, accumulate);
  } else {  // narrow inputs: dW row-major is one run of out*in entries, taken 4 at a time
    const int entries = out * in;
    for (int e = 0, o = 0, i = 0; e < entries; e += 4) {
      const int count = std::min(4, entries - e);
      for (int k = 0; k < 4; ++k) {
        a[k] = dZ + o * P;  // past `count`, the last pair again (computed, not stored)
        b[k] = X + i * P;
        if (k + 1 < count && ++i == in) i = 0, ++o;
      }
      if (++i == in) i = 0, ++o;
      dots4<false>(a, b, count, P, dW + e, accumulate);
    }
  }
  for (int o = 0; o < out; o += 4) {
    const int count = std::min(4, out - o);
    for (int k = 0; k < 4; ++k) a[k] = dZ + (o + std::min(k, count - 1)) * P;
    dots4<true>(a, nullptr, count, P, db + o, accumulate);
  }
}

namespace {

// Lane l of the vector at column s is a real sample when s + l < m.
template <size_t... I>
inline VecI lane_indices(std::index_sequence<I...>) {
  return VecI{int32_t(I)...};
}
inline VecI real_samples(Index s, Index m) {
  return lane_indices(std::make_index_sequence<kLanes>{}) < int32_t(m - s);
}

// mse over (outputs, P): returns 0.5 sum (a - y)^2 over the m real samples; with Backward also
// dZ = scale (a - y) f'(z) there and 0 in the padding.
template <bool Backward>
double mse(const Activation& f, const float* Z, const float* A, const float* Y, int outputs, Index P, Index m,
           float scale, float* dZ) {
  Vec squares{};
  with_kind(f.kind, [&](auto kind) {
    constexpr ActivationKind K = decltype(kind)::value;
    for (int k = 0; k < outputs; ++k)
      for (Index s = 0; s < P; s += kLanes) {
        const Index at = k * P + s;
        const Vec a = load(A + at);
        const Vec e = real_samples(s, m) ? a - load(Y + at) : Vec{};
        squares = madd(e, e, squares);
        if constexpr (Backward) {
          Vec d = scale * e;  // dL/dA
          if constexpr (fused_backward(K)) d = differentiate<K>(d, load(Z + at), a, f);
          store(dZ + at, d);
        }
      }
    if constexpr (Backward && !fused_backward(K))
      f.backward<float>(Eigen::Map<const Eigen::MatrixXf>(Z, outputs * P, 1),
                        Eigen::Map<const Eigen::MatrixXf>(A, outputs * P, 1), Eigen::Map<Eigen::MatrixXf>(dZ, outputs * P, 1));
  });
  return 0.5 * double(hsum(squares));
}

}  // namespace

double loss_forward(const Loss& loss, const Activation& f, const float* Z, const float* A, const float* Y, int outputs,
                    Index P, Index m) {
  double total = 0;
  switch (loss.kind) {
    case LossKind::Mse:  // 0.5 (a - y)^2
      return mse<false>(f, Z, A, Y, outputs, P, m, 0.0f, nullptr);
    case LossKind::Bce:  // softplus(z) - t z, t = [y > 0]
      for (int k = 0; k < outputs; ++k)
        for (Index j = 0; j < m; ++j) {
          const double z = Z[k * P + j], t = Y[k * P + j] > 0.0f ? 1.0 : 0.0;
          total += std::max(z, 0.0) - t * z + std::log1p(std::exp(-std::abs(z)));
        }
      return total;
    case LossKind::Softmax:  // sum_k y_k (log sum exp z - z_k)
      for (Index j = 0; j < m; ++j) {
        double mx = Z[j];
        for (int k = 1; k < outputs; ++k) mx = std::max(mx, double(Z[k * P + j]));
        double e = 0;
        for (int k = 0; k < outputs; ++k) e += std::exp(double(Z[k * P + j]) - mx);
        const double lse = mx + std::log(e);
        for (int k = 0; k < outputs; ++k) total += double(Y[k * P + j]) * (lse - double(Z[k * P + j]));
      }
      return total;
  }
  return 0;
}

double loss_backward(const Loss& loss, const Activation& f, const float* Z, const float* A, const float* Y, int outputs,
                     Index P, Index m, float scale, float* dZ) {
  if (loss.kind == LossKind::Mse)  // dL/dA = scale (a - y), then through f'
    return mse<true>(f, Z, A, Y, outputs, P, m, scale, dZ);
  for (int k = 0; k < outputs; ++k) std::fill(dZ + k * P + m, dZ + (k + 1) * P, 0.0f);
  if (loss.kind == LossKind::Bce) {  // dL/dZ = scale (sigmoid(z) - t)
    for (int k = 0; k < outputs; ++k)
      for (Index j = 0; j < m; ++j) dZ[k * P + j] = scale * (A[k * P + j] - (Y[k * P + j] > 0.0f ? 1.0f : 0.0f));
  } else {  // softmax: dL/dZ = scale (softmax(z) - y)
    for (Index j = 0; j < m; ++j) {
      float mx = Z[j];
      for (int k = 1; k < outputs; ++k) mx = std::max(mx, Z[k * P + j]);
      float e = 0;
      for (int k = 0; k < outputs; ++k) e += dZ[k * P + j] = std::exp(Z[k * P + j] - mx);
      for (int k = 0; k < outputs; ++k) dZ[k * P + j] = scale * (dZ[k * P + j] / e - Y[k * P + j]);
    }
  }
  return loss_forward(loss, f, Z, A, Y, outputs, P, m);
}

Index first_non_finite(const float* x, Index n) {
  // A float is NaN or infinite when its exponent bits are all ones. One vector pass flags any;
  // only then a scalar pass finds the first.
  constexpr int32_t kExponent = 0x7f800000;
  VecI any{};
  Index i = 0;
  for (; i + kLanes <= n; i += kLanes) any |= ((VecI)load(x + i) & kExponent) == kExponent;
  bool found = false;
  for (int l = 0; l < kLanes; ++l) found |= any[l] != 0;
  for (i = found ? 0 : i; i < n; ++i) {
    int32_t bits;
    std::memcpy(&bits, x + i, sizeof bits);
    if ((bits & kExponent) == kExponent) return i;
  }
  return -1;
}

}  // namespace nlp::kernels
