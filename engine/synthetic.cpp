#include "synthetic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "entry.h"

namespace nlp {

namespace {

// A float matrix by its first element and the steps between rows and between columns: a
// column-major block, or the transpose of one (steps swapped), or a row-major map.
struct View {
  float* p;
  Eigen::Index rows, cols, row_step, col_step;
  float& operator()(Eigen::Index i, Eigen::Index j) const { return p[i * row_step + j * col_step]; }
  View t() const { return {p, cols, rows, col_step, row_step}; }
};
template <class M>
View view(M&& m) {  // column-major (Mat, its blocks, Ref<const Mat>)
  return {const_cast<float*>(m.data()), m.rows(), m.cols(), 1, m.outerStride()};
}
template <class M>
View row_major(M&& m) {  // Network::W(l)
  return {const_cast<float*>(m.data()), m.rows(), m.cols(), m.cols(), 1};
}

// C = scale * (A B), or with `subtract` C -= scale * (A B): plain loops, each sum taken over the
// depth in order, as Eigen's matrix products do without SIMD (WebAssembly), in much less code.
// Four rows at a time: four independent sums in flight, as Eigen's blocked kernel keeps.
void product(View C, View A, View B, float scale = 1.0f, bool subtract = false) {
  const Eigen::Index as = A.col_step, bs = B.row_step, depth = A.cols;
  const auto put = [&](Eigen::Index i, Eigen::Index j, float acc) {
    if (subtract)
      C(i, j) -= scale * acc;
    else
      C(i, j) = scale * acc;
  };
  for (Eigen::Index j = 0; j < B.cols; ++j) {
    const float* b = &B(0, j);
    Eigen::Index i = 0;
    for (; i + 4 <= A.rows; i += 4) {
      const float *a0 = &A(i, 0), *a1 = &A(i + 1, 0), *a2 = &A(i + 2, 0), *a3 = &A(i + 3, 0);
      float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
      for (Eigen::Index k = 0; k < depth; ++k) {
        const float bk = b[k * bs];
        s0 += a0[k * as] * bk;
        s1 += a1[k * as] * bk;
        s2 += a2[k * as] * bk;
        s3 += a3[k * as] * bk;
      }
      put(i, j, s0);
      put(i + 1, j, s1);
      put(i + 2, j, s2);
      put(i + 3, j, s3);
    }
    for (; i < A.rows; ++i) {
      const float* a = &A(i, 0);
      float acc = 0.0f;
      for (Eigen::Index k = 0; k < depth; ++k) acc += a[k * as] * b[k * bs];
      put(i, j, acc);
    }
  }
}

// v = the sums of the rows of A, or with `subtract` v -= scale * those sums.
void row_sums(float* v, View A, float scale = 1.0f, bool subtract = false) {
  for (Eigen::Index i = 0; i < A.rows; ++i) {
    float acc = 0.0f;
    for (Eigen::Index j = 0; j < A.cols; ++j) acc += A(i, j);
    if (subtract)
      v[i] -= scale * acc;
    else
      v[i] = acc;
  }
}

}  // namespace

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
      product(view(dW_[size_t(l)]), view(dZ(l)), view(input_of(l)).t());
      row_sums(db_[size_t(l)].data(), view(dZ(l)));
      if (l > bottom) {
        product(view(dZ(l - 1)), row_major(net_.W(l)).t(), view(dZ(l)));
        net_.activation(l - 1).backward<float>(net_.Z(l - 1, m), net_.A(l - 1, m), dZ(l - 1));
      }
    }
  };
  backprop(last, cut_ + 1);
  // The true per-sample gradient at the cut, g = m W_{k+1}^T dZ_{k+1} (dZ holds the batch
  // mean's 1/m), and the model's prediction of it, g^ = M h + c.
  auto g = g_.leftCols(m);
  auto ghat = ghat_.leftCols(m);
  product(view(g), row_major(net_.W(cut_ + 1)).t(), view(dZ(cut_ + 1)), float(m));
  product(view(ghat), view(M_), view(net_.A(cut_, m)));
  // The lower layers see only g^ (as the batch mean: 1/m).
  auto lower = dZ(cut_);
  for (Eigen::Index j = 0; j < m; ++j)
    for (Eigen::Index u = 0; u < ghat.rows(); ++u) {
      ghat(u, j) += c_(u);
      lower(u, j) = ghat(u, j) / float(m);
    }
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
    float err2 = 0, g2 = 0, ghat2 = 0, dot = 0;  // sums in the order of the columns
    for (Eigen::Index j = 0; j < m; ++j)
      for (Eigen::Index u = 0; u < g.rows(); ++u) {
        const float e = err(u, j) = ghat(u, j) - g(u, j);
        err2 += e * e;
        g2 += g(u, j) * g(u, j);
        ghat2 += ghat(u, j) * ghat(u, j);
        dot += g(u, j) * ghat(u, j);
      }
    stats.model_error = 0.5 * double(err2) / double(m);
    const double denom = double(std::sqrt(g2)) * double(std::sqrt(ghat2));
    stats.cosine = denom > 0 ? double(dot) / denom : 0.0;
    product(view(M_), view(err), view(net_.A(cut_, m)).t(), mr / float(m), true);
    row_sums(c_.data(), view(err), mr / float(m), true);
    for (int l = 0; l < net_.num_layers(); ++l) {
      auto W = net_.W(l);
      auto b = net_.b(l);
      const auto& dW = dW_[size_t(l)];
      for (Eigen::Index o = 0; o < W.rows(); ++o) {
        for (Eigen::Index i = 0; i < W.cols(); ++i) W(o, i) -= lr * dW(o, i);
        b(o) -= lr * db_[size_t(l)](o);
      }
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
