// Losses: value and gradient with respect to the output layer's pre-activation Z.
//
// Every loss is a sum over output units and a mean over samples:
//   mse      L = (1/n) sum_i sum_k 0.5 (a_ik - y_ik)^2          (0.5 * mean: dL/da = (a - y)/n)
//   bce      L = (1/n) sum_i sum_k softplus(z_ik) - t_ik z_ik    (= -t log s - (1-t) log(1-s), s = sigmoid(z))
//            with t = 1 for a positive label, 0 otherwise (labels +1/-1 or 1/0); needs a sigmoid output
//   softmax  L = -(1/n) sum_i sum_k y_ik log softmax(z_i)_k      (one-hot y); needs a linear output
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "activation.h"

namespace nlp {

enum class LossKind { Mse, Bce, Softmax };

struct Loss {
  LossKind kind = LossKind::Mse;

  static Loss from_name(const std::string& name, const std::string& field = "loss");
  std::string name() const;
  // Throws std::invalid_argument if this loss cannot sit on `output` (bce needs sigmoid,
  // softmax needs linear).
  void check_output(const Activation& output) const;

  // Sum over the columns (samples) of Z, A, Y of the per-sample loss (not yet divided by n).
  template <typename T>
  double sum(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
             const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
             const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Y) const;

  // dZ = scale * dL_i/dZ for each sample column (scale is 1/n for a mean over n samples).
  template <typename T>
  void gradient(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Z,
                const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& A,
                const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& Y,
                const Activation& output, T scale,
                Eigen::Ref<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> dZ) const;
};

// Every loss name, in LossKind order: mse, bce, softmax.
const std::vector<std::string>& loss_names();

}  // namespace nlp
