#include "loss.h"

#include <algorithm>
#include <cmath>
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

// Plain loops, not Eigen expressions (the same arithmetic in the same order as Eigen's scalar
// evaluation, in far less code): sums run sample by sample, unit by unit.
template <typename T>
double Loss::sum(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                 const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                 const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Y) const {
  const Eigen::Index rows = Z.rows(), cols = Z.cols();
  double total = 0;
  switch (kind) {
    case LossKind::Mse: {  // 0.5 ||A - Y||^2, summed in T
      T squares(0);
      for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) {
          const T e = A(i, j) - Y(i, j);
          squares += e * e;
        }
      return 0.5 * static_cast<double>(squares);
    }
    case LossKind::Bce:  // softplus(z) - t z, t = [y > 0]
      for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) {
          const double z = static_cast<double>(Z(i, j)), t = Y(i, j) > T(0) ? 1.0 : 0.0;
          total += std::max(z, 0.0) - t * z + std::log1p(std::exp(-std::abs(z)));
        }
      return total;
    case LossKind::Softmax:  // sum_k y_k (log sum exp z - z_k)
      for (Eigen::Index j = 0; j < cols; ++j) {
        double m = static_cast<double>(Z(0, j));
        for (Eigen::Index i = 1; i < rows; ++i) m = std::max(m, static_cast<double>(Z(i, j)));
        double e = 0;
        for (Eigen::Index i = 0; i < rows; ++i) e += std::exp(static_cast<double>(Z(i, j)) - m);
        const double lse = m + std::log(e);  // log sum exp z
        double column = 0;
        for (Eigen::Index i = 0; i < rows; ++i)
          column += static_cast<double>(Y(i, j)) * (lse - static_cast<double>(Z(i, j)));
        total += column;
      }
      return total;
  }
  return 0;
}

template <typename T>
void Loss::gradient(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                    const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                    const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Y,
                    const Activation& output, T scale,
                    Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> dZ) const {
  const Eigen::Index rows = Z.rows(), cols = Z.cols();
  switch (kind) {
    case LossKind::Mse:
      for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) dZ(i, j) = scale * (A(i, j) - Y(i, j));  // dL/dA
      output.backward<T>(Z, A, dZ);  // dL/dZ = dL/dA * f'(Z)
      break;
    case LossKind::Bce:  // dL/dZ = sigmoid(z) - t
      for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) dZ(i, j) = scale * (A(i, j) - (Y(i, j) > T(0) ? T(1) : T(0)));
      break;
    case LossKind::Softmax:  // dL/dZ = softmax(z) - y
      for (Eigen::Index j = 0; j < cols; ++j) {
        T m = Z(0, j);
        for (Eigen::Index i = 1; i < rows; ++i) m = std::max(m, Z(i, j));
        T e(0);
        for (Eigen::Index i = 0; i < rows; ++i) e += dZ(i, j) = std::exp(Z(i, j) - m);
        for (Eigen::Index i = 0; i < rows; ++i) dZ(i, j) = scale * (dZ(i, j) / e - Y(i, j));
      }
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
