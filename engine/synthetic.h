// Decoupled training with synthetic gradients (Jaderberg et al., "Decoupled Neural Interfaces
// using Synthetic Gradients", ICML 2017), with the simplest gradient model the thread mentions:
// a linear map, no hidden layer. (The thread and its claims, C11 here: docs/claims.md.)
//
// The net is cut after hidden layer k. For a batch, with h = A_k (units_k, m):
//   upper layers (k+1 .. L-1) take the true gradient, by backprop from the loss;
//   lower layers (0 .. k) take the synthetic gradient  g^ = M h + c 1^T  in place of dl/dh;
//   the gradient model learns to regress the true per-sample gradient g = dl_i/dh_i:
//     E = 0.5/m ||g^ - g||^2,   dE/dM = (g^ - g) h^T / m,   dE/dc = (g^ - g) 1 / m.
// Everything is plain SGD. M starts at zero (so g^ starts at zero), as in the paper.
#pragma once

#include <Eigen/Core>

#include "network.h"

namespace nlp {

struct SyntheticStats {
  double loss = 0;        // mean training loss of the epoch (before each update)
  double cosine = 0;      // cosine between g^ and g over the epoch's last batch
  double model_error = 0; // E of the epoch's last batch, before the model's update
};

class SyntheticGradients {
 public:
  using Mat = Eigen::MatrixXf;

  // Cut after hidden layer `cut` (0-based); the net needs at least one hidden layer.
  // Throws std::invalid_argument naming "cut".
  SyntheticGradients(Network<float>& net, int cut = 0);

  // One epoch of shuffled mini-batches (options.optimizer must be sgd; regularisation is not
  // supported here); `model_rate` is the gradient model's learning rate. options.epochs is not
  // used. Throws std::invalid_argument naming the field.
  SyntheticStats fit_epoch(const float* x, const float* y, Eigen::Index n, const TrainOptions& options,
                           double model_rate);
  // options.epochs epochs of fit_epoch, the arguments validated once before the first; the last
  // epoch's stats. With epochs == 0 nothing trains: the current loss, cosine and model error 0.
  SyntheticStats fit(const float* x, const float* y, Eigen::Index n, const TrainOptions& options, double model_rate);

  // The true and the synthetic gradient dL/dh over the first `count` samples of x, each
  // (units_k, count), at the current weights.
  void probe(const float* x, const float* y, Eigen::Index count, Mat& truth, Mat& synthetic);

  int cut() const { return cut_; }
  const Mat& model() const { return M_; }          // (units_k, units_k)

 private:
  // Forward, upper backprop, synthetic lower backprop over X (inputs, m); fills g_, ghat_ and
  // the net's gradient buffer views dW_, db_. Returns the batch loss sum.
  double batch(const Eigen::Ref<const Mat>& X, const Eigen::Ref<const Mat>& Y);
  // The checks of fit_epoch and fit (std::invalid_argument naming the field), and one epoch
  // after them.
  static void check(const TrainOptions& options, double model_rate, Eigen::Index n);
  SyntheticStats epoch(const float* x, const float* y, Eigen::Index n, const TrainOptions& options, double model_rate);
  void ensure(Eigen::Index m);

  Network<float>& net_;
  int cut_;
  Mat M_;
  Eigen::VectorXf c_;
  std::vector<Mat> dZ_, dW_;  // per layer: (units, m), (out, in)
  std::vector<Eigen::VectorXf> db_;
  Mat g_, ghat_, err_, Xb_, Yb_;
  Eigen::Index capacity_ = 0;
  std::vector<int> order_;
  Rng rng_;
};

}  // namespace nlp
