#include "activation.h"

#include <cmath>
#include <stdexcept>

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

Activation Activation::from_name(const std::string& name, const AffineParams& affine, const std::string& field) {
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

template <typename T>
void Activation::forward(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                         Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> A) const {
  auto z = Z.array();
  auto a = A.array();
  const T one(1), zero(0);
  switch (kind) {
    case ActivationKind::Linear: a = z; break;
    case ActivationKind::Affine: a = T(affine.a) * z + T(affine.c); break;
    case ActivationKind::Tanh: a = z.tanh(); break;
    case ActivationKind::Sigmoid: a = z.logistic(); break;
    case ActivationKind::Relu: a = z.max(zero); break;
    case ActivationKind::LeakyRelu: a = (z > zero).select(z, T(kLeakyReluSlope) * z); break;
    // softplus(z) = max(z, 0) + log1p(exp(-|z|)): never overflows.
    case ActivationKind::Softplus: a = z.max(zero) + (-z.abs()).exp().log1p(); break;
    case ActivationKind::Swish: a = z * z.logistic(); break;
    case ActivationKind::Sine: a = z.sin(); break;
    // Heaviside with H(0) = 1.
    case ActivationKind::Step: a = (z >= zero).select(Eigen::Array<T, Eigen::Dynamic, Eigen::Dynamic>::Constant(z.rows(), z.cols(), one), zero); break;
  }
}

template <typename T>
void Activation::backward(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                          const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                          Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> dA_dZ) const {
  auto z = Z.array();
  auto a = A.array();
  auto d = dA_dZ.array();
  const T one(1), zero(0);
  switch (kind) {
    case ActivationKind::Linear: break;                          // f' = 1
    case ActivationKind::Affine: d *= T(affine.a); break;        // f' = a
    case ActivationKind::Tanh: d *= one - a.square(); break;     // f' = 1 - tanh^2
    case ActivationKind::Sigmoid: d *= a * (one - a); break;     // f' = s (1 - s)
    case ActivationKind::Relu: d = (z > zero).select(d, zero); break;
    case ActivationKind::LeakyRelu: d = (z > zero).select(d, T(kLeakyReluSlope) * d); break;
    case ActivationKind::Softplus: d *= z.logistic(); break;     // f' = sigmoid(z)
    case ActivationKind::Swish: {                                 // f' = s + z s (1 - s)
      auto s = z.logistic();
      d *= s + z * s * (one - s);
      break;
    }
    case ActivationKind::Sine: d *= z.cos(); break;
    case ActivationKind::Step: d.setZero(); break;               // f' = 0 everywhere it exists
  }
}

double Activation::value(double z) const {
  Eigen::MatrixXd Z(1, 1), A(1, 1);
  Z(0, 0) = z;
  forward<double>(Z, A);
  return A(0, 0);
}

double Activation::derivative(double z) const {
  Eigen::MatrixXd Z(1, 1), A(1, 1), D(1, 1);
  Z(0, 0) = z;
  forward<double>(Z, A);
  D(0, 0) = 1.0;
  backward<double>(Z, A, D);
  return D(0, 0);
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
