// Optimizers over the network's flat parameter and gradient buffers.
//   sgd       p -= lr g
//   momentum  v = mu v + g;  p -= lr v                            (mu = 0.9, heavy ball)
//   adam      m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
//             p -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)   (b1 0.9, b2 0.999, eps 1e-8)
// Regularisation adds to g, on weights only (never biases): l1 sign(w) + l2 w, the gradient
// of l1 sum|w| + 0.5 l2 sum w^2.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

namespace nlp {

enum class OptimizerKind { Sgd, Momentum, Adam };

// Every optimizer name, in OptimizerKind order: sgd, momentum, adam.
const std::vector<std::string>& optimizer_names();

struct TrainOptions {
  int epochs = 1;
  int batch_size = 10;
  double learning_rate = 0.03;
  OptimizerKind optimizer = OptimizerKind::Sgd;
  double l1 = 0;
  double l2 = 0;

  static OptimizerKind optimizer_from_name(const std::string& name);
  static std::string optimizer_name(OptimizerKind kind);
  // Throws std::invalid_argument naming the field: epochs >= 0, batch_size >= 1,
  // learning_rate finite and > 0, l1 and l2 finite and >= 0.
  void validate() const;
};

inline constexpr double kMomentum = 0.9;
inline constexpr double kAdamBeta1 = 0.9;
inline constexpr double kAdamBeta2 = 0.999;
inline constexpr double kAdamEps = 1e-8;

template <typename T>
class Optimizer {
 public:
  using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;

  // Clears the state (velocity, moments, step count) for `size` parameters.
  void reset(OptimizerKind kind, Eigen::Index size);
  // One update of P from G (G is modified: regularisation is added to it in place).
  void step(Eigen::Ref<Vec> P, Eigen::Ref<Vec> G, const Vec& weight_mask, const TrainOptions& options);
  OptimizerKind kind() const { return kind_; }

 private:
  OptimizerKind kind_ = OptimizerKind::Sgd;
  Vec v_, m_;   // momentum velocity / Adam second moment; Adam first moment
  long t_ = 0;  // Adam step count
};

}  // namespace nlp
