#include "optimizer.h"

#include <cmath>
#include <stdexcept>

#include "entry.h"

namespace nlp {

// The registry: names in OptimizerKind order.
const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names{"sgd", "momentum", "adam"};
  return names;
}

NLP_COLD OptimizerKind TrainOptions::optimizer_from_name(const std::string& name) {
  const auto& names = optimizer_names();
  std::string known;
  for (size_t k = 0; k < names.size(); ++k) {
    if (name == names[k]) return static_cast<OptimizerKind>(k);
    known += (known.empty() ? "" : ", ") + names[k];
  }
  check_name(name, "optimizer");
  throw std::invalid_argument("optimizer: unknown optimizer " + quote(name) + " (known: " + known + ")");
}

std::string TrainOptions::optimizer_name(OptimizerKind kind) { return optimizer_names()[static_cast<size_t>(kind)]; }

NLP_COLD void TrainOptions::validate() const {
  if (epochs < 0) throw std::invalid_argument("epochs: " + std::to_string(epochs) + " must be >= 0");
  if (batch_size < 1) throw std::invalid_argument("batchSize: " + std::to_string(batch_size) + " must be >= 1");
  if (!std::isfinite(learning_rate) || learning_rate <= 0)
    throw std::invalid_argument("learningRate: " + num(learning_rate) + " must be a finite number > 0");
  if (!std::isfinite(l1) || l1 < 0) throw std::invalid_argument("l1: " + num(l1) + " must be a finite number >= 0");
  if (!std::isfinite(l2) || l2 < 0) throw std::invalid_argument("l2: " + num(l2) + " must be a finite number >= 0");
}

template <typename T>
void Optimizer<T>::reset(OptimizerKind kind, Eigen::Index size) {
  kind_ = kind;
  t_ = 0;
  v_.setZero(kind == OptimizerKind::Sgd ? 0 : size);
  m_.setZero(kind == OptimizerKind::Adam ? size : 0);
}

template <typename T>
void Optimizer<T>::step(Eigen::Ref<Vec> P, Eigen::Ref<Vec> G, const Vec& weight_mask, const TrainOptions& o) {
  if (o.l1 > 0) G.array() += T(o.l1) * weight_mask.array() * P.array().sign();
  if (o.l2 > 0) G.array() += T(o.l2) * weight_mask.array() * P.array();
  const T lr = T(o.learning_rate);
  switch (kind_) {
    case OptimizerKind::Sgd: P.noalias() -= lr * G; break;
    case OptimizerKind::Momentum:
      v_ = T(kMomentum) * v_ + G;
      P.noalias() -= lr * v_;
      break;
    case OptimizerKind::Adam: {
      ++t_;
      m_ = T(kAdamBeta1) * m_ + T(1 - kAdamBeta1) * G;
      v_.array() = T(kAdamBeta2) * v_.array() + T(1 - kAdamBeta2) * G.array().square();
      const T c1 = T(1 - std::pow(kAdamBeta1, static_cast<double>(t_)));
      const T c2 = T(1 - std::pow(kAdamBeta2, static_cast<double>(t_)));
      P.array() -= lr * (m_.array() / c1) / ((v_.array() / c2).sqrt() + T(kAdamEps));
      break;
    }
  }
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace nlp
