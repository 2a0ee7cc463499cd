#include "loss.h"

#include <stdexcept>

#include "entry.h"

namespace nlp {

const std::vector<std::string>& loss_names() {
  static const std::vector<std::string> names{"mse", "bce", "softmax"};
  return names;
}

// loss_names() is the registry: names in LossKind order.
Loss Loss::from_name(const std::string& name, const std::string& field) {
  const auto& names = loss_names();
  std::string known;
  for (size_t k = 0; k < names.size(); ++k) {
    if (name == names[k]) return Loss{static_cast<LossKind>(k)};
    known += (known.empty() ? "" : ", ") + names[k];
  }
  check_name(name, field);
  throw std::invalid_argument(field + ": unknown loss " + quote(name) + " (known: " + known + ")");
}

std::string Loss::name() const { return loss_names()[static_cast<size_t>(kind)]; }

void Loss::check_output(const Activation& output) const {
  if (kind == LossKind::Bce && output.kind != ActivationKind::Sigmoid)
    throw std::invalid_argument("loss: 'bce' needs outputActivation 'sigmoid', got '" + output.name() + "'");
  if (kind == LossKind::Softmax && output.kind != ActivationKind::Linear)
    throw std::invalid_argument("loss: 'softmax' needs outputActivation 'linear' (the logits), got '" +
                                output.name() + "'");
}

template <typename T>
double Loss::sum(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                 const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                 const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Y) const {
  switch (kind) {
    case LossKind::Mse: return 0.5 * static_cast<double>((A - Y).squaredNorm());
    case LossKind::Bce: {
      auto z = Z.array().template cast<double>();
      auto t = (Y.array() > T(0)).template cast<double>();
      return (z.max(0.0) - t * z + (-z.abs()).exp().log1p()).sum();
    }
    case LossKind::Softmax: {
      double total = 0;
      for (Eigen::Index j = 0; j < Z.cols(); ++j) {
        auto z = Z.col(j).template cast<double>().array();
        double m = z.maxCoeff();
        double lse = m + std::log((z - m).exp().sum());  // log sum exp z
        total += (Y.col(j).template cast<double>().array() * (lse - z)).sum();
      }
      return total;
    }
  }
  return 0;
}

template <typename T>
void Loss::gradient(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                    const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                    const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Y,
                    const Activation& output, T scale,
                    Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> dZ) const {
  switch (kind) {
    case LossKind::Mse:
      dZ.noalias() = scale * (A - Y);      // dL/dA
      output.backward<T>(Z, A, dZ);        // dL/dZ = dL/dA * f'(Z)
      break;
    case LossKind::Bce:                    // dL/dZ = sigmoid(z) - t
      dZ.array() = scale * (A.array() - (Y.array() > T(0)).template cast<T>());
      break;
    case LossKind::Softmax:                // dL/dZ = softmax(z) - y
      for (Eigen::Index j = 0; j < Z.cols(); ++j) {
        T m = Z.col(j).maxCoeff();
        dZ.col(j).array() = (Z.col(j).array() - m).exp();
        dZ.col(j) /= dZ.col(j).sum();
      }
      dZ = scale * (dZ - Y);
      break;
  }
}

#define NLP_MAT(T) Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>
#define NLP_INSTANTIATE(T)                                                                              \
  template double Loss::sum<T>(const Eigen::Ref<const NLP_MAT(T)>&, const Eigen::Ref<const NLP_MAT(T)>&, \
                               const Eigen::Ref<const NLP_MAT(T)>&) const;                              \
  template void Loss::gradient<T>(const Eigen::Ref<const NLP_MAT(T)>&, const Eigen::Ref<const NLP_MAT(T)>&, \
                                  const Eigen::Ref<const NLP_MAT(T)>&, const Activation&, T,               \
                                  Eigen::Ref<NLP_MAT(T)>) const;
NLP_INSTANTIATE(float)
NLP_INSTANTIATE(double)
#undef NLP_INSTANTIATE
#undef NLP_MAT

}  // namespace nlp
