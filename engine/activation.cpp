#include "activation.h"

#include <algorithm>
#include <array>
#include <utility>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "entry.h"

namespace nlp {

namespace {

struct Entry {
  const char* name;
  ActivationKind kind;
};

constexpr Entry kRegistry[] = {
    {"linear", ActivationKind::Linear},   {"affine", ActivationKind::Affine},
    {"tanh", ActivationKind::Tanh},       {"sigmoid", ActivationKind::Sigmoid},
    {"relu", ActivationKind::Relu},       {"leaky_relu", ActivationKind::LeakyRelu},
    {"softplus", ActivationKind::Softplus}, {"swish", ActivationKind::Swish},
    {"sine", ActivationKind::Sine},       {"step", ActivationKind::Step},
};

}  // namespace

const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& e : kRegistry) v.emplace_back(e.name);
    return v;
  }();
  return names;
}

NLP_COLD Activation Activation::from_name(const std::string& name, const AffineParams& affine, const std::string& field) {
  for (const auto& e : kRegistry)
    if (name == e.name) {
      if (e.kind == ActivationKind::Affine && !(std::isfinite(affine.a) && std::isfinite(affine.c)))
        throw std::invalid_argument(field + ": affine parameters a = " + std::to_string(affine.a) +
                                    ", c = " + std::to_string(affine.c) + " must be finite");
      return Activation{e.kind, affine};
    }
  check_name(name, field);  // a name past the limit is reported as such, not echoed
  std::string known;
  for (const auto& e : kRegistry) known += std::string(known.empty() ? "" : ", ") + e.name;
  throw std::invalid_argument(field + ": unknown activation " + quote(name) + " (known: " + known + ")");
}

std::string Activation::name() const {
  for (const auto& e : kRegistry)
    if (e.kind == kind) return e.name;
  return "?";
}

// The elementwise math, one scalar at a time, with Eigen's own scalar functions (numext, its
// float logistic): the same arithmetic Eigen's array expressions did here before, in much less
// code (in WebAssembly, where Eigen has no SIMD backend, those expressions were these scalar
// loops too). Natively Eigen vectorised some of them (exp, sin, logistic); the scalar forms round
// at most an ulp or so differently and the same in both builds.
namespace {

template <typename T>
T logistic(T z) {
  return Eigen::internal::scalar_logistic_op<T>()(z);
}

// f(z)
template <ActivationKind K, typename T>
T apply(T z, const Activation& f) {
  using Eigen::numext::abs;
  using Eigen::numext::exp;
  using Eigen::numext::log1p;
  const T zero(0);
  if constexpr (K == ActivationKind::Linear) return z;
  if constexpr (K == ActivationKind::Affine) return T(f.affine.a) * z + T(f.affine.c);
  if constexpr (K == ActivationKind::Tanh) return Eigen::numext::tanh(z);
  if constexpr (K == ActivationKind::Sigmoid) return logistic(z);
  if constexpr (K == ActivationKind::Relu) return std::max(z, zero);
  if constexpr (K == ActivationKind::LeakyRelu) return z > zero ? z : T(kLeakyReluSlope) * z;
  // softplus(z) = max(z, 0) + log1p(exp(-|z|)): never overflows.
  if constexpr (K == ActivationKind::Softplus) return std::max(z, zero) + log1p(exp(-abs(z)));
  if constexpr (K == ActivationKind::Swish) return z * logistic(z);
  if constexpr (K == ActivationKind::Sine) return Eigen::numext::sin(z);
  if constexpr (K == ActivationKind::Step) return z >= zero ? T(1) : zero;  // Heaviside with H(0) = 1
  return z;
}

// d * f'(z), a = f(z) (tanh and sigmoid reuse it: f' = 1 - a^2, a (1 - a)).
template <ActivationKind K, typename T>
T apply_derivative(T z, T a, T d, const Activation& f) {
  const T one(1), zero(0);
  if constexpr (K == ActivationKind::Affine) return d * T(f.affine.a);             // f' = a
  if constexpr (K == ActivationKind::Tanh) return d * (one - a * a);               // f' = 1 - tanh^2
  if constexpr (K == ActivationKind::Sigmoid) return d * (a * (one - a));          // f' = s (1 - s)
  if constexpr (K == ActivationKind::Relu) return z > zero ? d : zero;
  if constexpr (K == ActivationKind::LeakyRelu) return z > zero ? d : T(kLeakyReluSlope) * d;
  if constexpr (K == ActivationKind::Softplus) return d * logistic(z);             // f' = sigmoid(z)
  if constexpr (K == ActivationKind::Swish) {                                       // f' = s + z s (1 - s)
    const T s = logistic(z);
    return d * (s + z * s * (one - s));
  }
  if constexpr (K == ActivationKind::Sine) return d * Eigen::numext::cos(z);
  if constexpr (K == ActivationKind::Step) return zero;                            // f' = 0 everywhere it exists
  return d;                                                                         // linear: f' = 1
}

}  // namespace

template <typename T>
void Activation::forward(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                         Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> A) const {
  const Eigen::Index rows = Z.rows(), cols = Z.cols();
  with_kind(kind, [&](auto k) {
    constexpr ActivationKind K = decltype(k)::value;
    for (Eigen::Index j = 0; j < cols; ++j) {
      const T* z = Z.data() + j * Z.outerStride();
      T* a = A.data() + j * A.outerStride();
      for (Eigen::Index i = 0; i < rows; ++i) a[i] = apply<K>(z[i], *this);
    }
  });
}

namespace {

// dA_dZ = dA * f'(Z) for one kind: each kind its own function, reached through a table (as the
// kernels are, engine/kernels.cpp), so that a build carries code for the kinds it runs
// (scripts/split-wasm.mjs moves the others to the page's later part of the module).
template <ActivationKind K, typename T>
void backward_as(const Activation& f, const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                 const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                 Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& dA_dZ) {
  const Eigen::Index rows = Z.rows(), cols = Z.cols();
  for (Eigen::Index j = 0; j < cols; ++j) {
    const T* z = Z.data() + j * Z.outerStride();
    const T* a = A.data() + j * A.outerStride();
    T* d = dA_dZ.data() + j * dA_dZ.outerStride();
    for (Eigen::Index i = 0; i < rows; ++i) d[i] = apply_derivative<K>(z[i], a[i], d[i], f);
  }
}

template <typename T, size_t... I>
constexpr auto backward_table(std::index_sequence<I...>) {
  return std::array{&backward_as<ActivationKind(I), T>...};
}

}  // namespace

template <typename T>
void Activation::backward(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                          const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                          Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> dA_dZ) const {
  if (kind == ActivationKind::Linear) return;  // f' = 1
  static constexpr auto table = backward_table<T>(std::make_index_sequence<size_t(ActivationKind::Step) + 1>{});
  table[size_t(kind)](*this, Z, A, dA_dZ);
}

double Activation::value(double z) const {
  double a = z;
  with_kind(kind, [&](auto k) { a = apply<decltype(k)::value>(z, *this); });
  return a;
}

double Activation::derivative(double z) const {
  double d = 1.0;
  with_kind(kind, [&](auto k) {
    constexpr ActivationKind K = decltype(k)::value;
    d = apply_derivative<K>(z, apply<K>(z, *this), 1.0, *this);
  });
  return d;
}

#define NLP_INSTANTIATE(T)                                                                              \
  template void Activation::forward<T>(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>&, \
                                       Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>) const;       \
  template void Activation::backward<T>(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>&, \
                                        const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>&, \
                                        Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>) const;
NLP_INSTANTIATE(float)
NLP_INSTANTIATE(double)
#undef NLP_INSTANTIATE

}  // namespace nlp
