// Activation functions: value and derivative side by side, one registry of public names.
#pragma once

#include <Eigen/Core>
#include <string>
#include <type_traits>
#include <vector>

namespace nlp {

enum class ActivationKind { Linear, Affine, Tanh, Sigmoid, Relu, LeakyRelu, Softplus, Swish, Sine, Step };

// Calls body(std::integral_constant<ActivationKind, k>{}) for the run-time kind k: one compiled
// body per kind (engine/activation.cpp, engine/kernels.cpp).
template <class Body>
void with_kind(ActivationKind k, const Body& body) {
  using K = ActivationKind;
  switch (k) {
    case K::Linear: body(std::integral_constant<K, K::Linear>{}); break;
    case K::Affine: body(std::integral_constant<K, K::Affine>{}); break;
    case K::Tanh: body(std::integral_constant<K, K::Tanh>{}); break;
    case K::Sigmoid: body(std::integral_constant<K, K::Sigmoid>{}); break;
    case K::Relu: body(std::integral_constant<K, K::Relu>{}); break;
    case K::LeakyRelu: body(std::integral_constant<K, K::LeakyRelu>{}); break;
    case K::Softplus: body(std::integral_constant<K, K::Softplus>{}); break;
    case K::Swish: body(std::integral_constant<K, K::Swish>{}); break;
    case K::Sine: body(std::integral_constant<K, K::Sine>{}); break;
    case K::Step: body(std::integral_constant<K, K::Step>{}); break;
  }
}

// Parameters of `affine`, f(z) = a*z + c. Defaults a = 2, c = 0.5: visibly not the identity,
// so a reader sees that scaling and shifting still collapse to one affine map.
struct AffineParams {
  double a = 2.0;
  double c = 0.5;
};

// The slope of leaky_relu for z < 0.
inline constexpr double kLeakyReluSlope = 0.01;

struct Activation {
  ActivationKind kind = ActivationKind::Linear;
  AffineParams affine;

  // The registry: public lower-case name -> kind. Throws std::invalid_argument naming `field`
  // and the bad name.
  static Activation from_name(const std::string& name, const AffineParams& affine = {},
                              const std::string& field = "activation");
  std::string name() const;
  // True for the activations a net may contain and still collapse to one affine map.
  bool is_affine() const { return kind == ActivationKind::Linear || kind == ActivationKind::Affine; }
  // True for those whose derivative is undefined somewhere (relu, leaky_relu: 0; step: 0).
  bool has_kink() const {
    return kind == ActivationKind::Relu || kind == ActivationKind::LeakyRelu || kind == ActivationKind::Step;
  }

  // A = f(Z), elementwise; Z and A have the same shape.
  template <typename T>
  void forward(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
               Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> A) const;
  // dZ = dA * f'(Z), elementwise, in place on dA_dZ; A = f(Z) is passed so tanh and sigmoid
  // reuse it (f' = 1 - A^2, A (1 - A)).
  template <typename T>
  void backward(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> dA_dZ) const;

  // Scalar forms, for plots and tests: f(z) and f'(z).
  double value(double z) const;
  double derivative(double z) const;
};

// Every public activation name, in registry order.
const std::vector<std::string>& activation_names();

}  // namespace nlp
