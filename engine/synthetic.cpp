#include "synthetic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "entry.h"

namespace nlp {

SyntheticGradients::SyntheticGradients(Network<float>& net, int cut)
    : net_(net), cut_(cut), rng_(net.config().seed, 3) {
  const int hidden = net.num_layers() - 1;
  if (hidden < 1) throw std::invalid_argument("cut: the net has no hidden layer to cut after");
  if (cut < 0 || cut >= hidden)
    throw std::invalid_argument("cut: " + std::to_string(cut) + " must be a hidden layer index in 0.." +
                                std::to_string(hidden - 1));
  const int units = net.config().layers[size_t(cut) + 1];
  M_.setZero(units, units);
  c_.setZero(units);
  for (int l = 0; l < net.num_layers(); ++l) {
    dW_.emplace_back(net.W(l).rows(), net.W(l).cols());
    db_.emplace_back(net.b(l).size());
  }
  dZ_.resize(size_t(net.num_layers()));
}

void SyntheticGradients::ensure(Eigen::Index m) {
  if (m <= capacity_) return;
  check_workspace(net_.unit_count(), m);
  for (int l = 0; l < net_.num_layers(); ++l) dZ_[size_t(l)].resize(net_.W(l).rows(), m);
  g_.resize(M_.rows(), m);
  ghat_.resize(M_.rows(), m);
  err_.resize(M_.rows(), m);
  Xb_.resize(net_.inputs(), m);
  Yb_.resize(net_.outputs(), m);
  capacity_ = m;
}

double SyntheticGradients::batch(const Eigen::Ref<const Mat>& X, const Eigen::Ref<const Mat>& Y) {
  const Eigen::Index m = X.cols();
  ensure(m);
  net_.forward(X);
  const int last = net_.num_layers() - 1;
  const double loss_sum = net_.loss_function().sum<float>(net_.Z(last, m), net_.A(last, m), Y);
  // dL/dZ_L, the batch mean.
  auto dZ = [&](int l) { return dZ_[size_t(l)].leftCols(m); };
  net_.loss_function().gradient<float>(net_.Z(last, m), net_.A(last, m), Y, net_.activation(last), 1.0f / float(m),
                                       dZ(last));
  auto input_of = [&](int l) -> Eigen::Ref<const Mat> {
    if (l == 0) return X;
    return net_.A(l - 1, m);
  };
  // Backprop from layer `top` down to layer `bottom`, dZ(top) given: dW_l = dZ_l A_{l-1}^T,
  // db_l = dZ_l 1, dZ_{l-1} = (W_l^T dZ_l) * f'(Z_{l-1}).
  auto backprop = [&](int top, int bottom) {
    for (int l = top; l >= bottom; --l) {
      dW_[size_t(l)].noalias() = dZ(l) * input_of(l).transpose();
      db_[size_t(l)] = dZ(l).rowwise().sum();
      if (l > bottom) {
        dZ(l - 1).noalias() = net_.W(l).transpose() * dZ(l);
        net_.activation(l - 1).backward<float>(net_.Z(l - 1, m), net_.A(l - 1, m), dZ(l - 1));
      }
    }
  };
  backprop(last, cut_ + 1);
  // The true per-sample gradient at the cut, g = m W_{k+1}^T dZ_{k+1} (dZ holds the batch
  // mean's 1/m), and the model's prediction of it, g^ = M h + c.
  auto g = g_.leftCols(m);
  auto ghat = ghat_.leftCols(m);
  g.noalias() = float(m) * (net_.W(cut_ + 1).transpose() * dZ(cut_ + 1));
  ghat.noalias() = M_ * net_.A(cut_, m);
  ghat.colwise() += c_;
  // The lower layers see only g^ (as the batch mean: 1/m).
  dZ(cut_) = ghat / float(m);
  net_.activation(cut_).backward<float>(net_.Z(cut_, m), net_.A(cut_, m), dZ(cut_));
  backprop(cut_, 0);
  return loss_sum;
}

void SyntheticGradients::check(const TrainOptions& options, double model_rate, Eigen::Index n) {
  options.validate();
  if (options.optimizer != OptimizerKind::Sgd || options.l1 > 0 || options.l2 > 0)
    throw std::invalid_argument("optimizer: synthetic-gradient training supports plain sgd only");
  if (!std::isfinite(model_rate) || model_rate <= 0)
    throw std::invalid_argument("modelRate: " + num(model_rate) + " must be a finite number > 0");
  if (n < 1) throw std::invalid_argument("x: no samples");
}

SyntheticStats SyntheticGradients::fit_epoch(const float* x, const float* y, Eigen::Index n,
                                             const TrainOptions& options, double model_rate) {
  check(options, model_rate, n);
  return epoch(x, y, n, options, model_rate);
}

SyntheticStats SyntheticGradients::fit(const float* x, const float* y, Eigen::Index n, const TrainOptions& options,
                                       double model_rate) {
  check(options, model_rate, n);
  SyntheticStats stats;
  if (options.epochs == 0) stats.loss = net_.loss(x, y, n);
  for (int e = 0; e < options.epochs; ++e) stats = epoch(x, y, n, options, model_rate);
  return stats;
}

SyntheticStats SyntheticGradients::epoch(const float* x, const float* y, Eigen::Index n, const TrainOptions& options,
                                         double model_rate) {
  Eigen::Map<const Mat> X(x, net_.inputs(), n), Y(y, net_.outputs(), n);
  const Eigen::Index B = std::min<Eigen::Index>(options.batch_size, n);
  ensure(B);
  order_.resize(size_t(n));
  std::iota(order_.begin(), order_.end(), 0);
  rng_.shuffle(order_.data(), static_cast<int>(n));
  const float lr = float(options.learning_rate), mr = float(model_rate);
  SyntheticStats stats;
  double total = 0;
  for (Eigen::Index s = 0; s < n; s += B) {
    const Eigen::Index m = std::min(B, n - s);
    for (Eigen::Index j = 0; j < m; ++j) {
      Xb_.col(j) = X.col(order_[size_t(s + j)]);
      Yb_.col(j) = Y.col(order_[size_t(s + j)]);
    }
    total += batch(Xb_.leftCols(m), Yb_.leftCols(m));
    auto g = g_.leftCols(m);
    auto ghat = ghat_.leftCols(m);
    // The gradient model regresses g: E = 0.5/m ||g^ - g||^2.
    auto err = err_.leftCols(m);
    err = ghat - g;
    stats.model_error = 0.5 * double(err.squaredNorm()) / double(m);
    const double denom = double(g.norm()) * double(ghat.norm());
    stats.cosine = denom > 0 ? double((g.array() * ghat.array()).sum()) / denom : 0.0;
    M_.noalias() -= (mr / float(m)) * err * net_.A(cut_, m).transpose();
    c_ -= (mr / float(m)) * err.rowwise().sum();
    for (int l = 0; l < net_.num_layers(); ++l) {
      net_.W(l) -= lr * dW_[size_t(l)];
      net_.b(l) -= lr * db_[size_t(l)];
    }
  }
  stats.loss = total / double(n);
  return stats;
}

void SyntheticGradients::probe(const float* x, const float* y, Eigen::Index count, Mat& truth, Mat& synthetic) {
  if (count < 1) throw std::invalid_argument("x: no samples");
  Eigen::Map<const Mat> X(x, net_.inputs(), count), Y(y, net_.outputs(), count);
  batch(X, Y);
  truth = g_.leftCols(count);
  synthetic = ghat_.leftCols(count);
}

}  // namespace nlp
