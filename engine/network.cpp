#include "network.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <type_traits>

#include "kernels.h"

namespace nlp {

namespace {
constexpr Eigen::Index kChunk = 256;  // samples per forward chunk outside training
template <typename T>
constexpr bool kFastPath = std::is_same_v<T, float>;
}  // namespace

NetworkConfig NetworkConfig::uniform(std::vector<int> layers, const std::string& hidden, const std::string& output,
                                     uint64_t seed) {
  NetworkConfig c;
  c.layers = std::move(layers);
  const size_t n_hidden = c.layers.size() >= 2 ? c.layers.size() - 2 : 0;
  c.activations.assign(n_hidden, hidden);
  c.activations.push_back(output);
  c.seed = seed;
  return c;
}

template <typename T>
NLP_COLD Network<T>::Network(const NetworkConfig& config) : config_(config), shuffle_rng_(config.seed, 2) {
  const auto& L = config_.layers;
  if (L.size() < 2)
    throw std::invalid_argument("layers: needs at least an input and an output size, got " +
                                std::to_string(L.size()) + " entries");
  if (static_cast<int>(L.size()) - 2 > kMaxHidden)
    throw std::invalid_argument("layers: " + std::to_string(L.size() - 2) + " hidden layers, at most " +
                                std::to_string(kMaxHidden) + " allowed");
  for (size_t i = 0; i < L.size(); ++i)
    if (L[i] < 1 || L[i] > kMaxUnits)
      throw std::invalid_argument("layers[" + std::to_string(i) + "] = " + std::to_string(L[i]) + " must be in 1.." +
                                  std::to_string(kMaxUnits));
  const int n_layers = static_cast<int>(L.size()) - 1;
  if (static_cast<int>(config_.activations.size()) != n_layers)
    throw std::invalid_argument("activations: " + std::to_string(config_.activations.size()) +
                                " names given, the net has " + std::to_string(n_layers) +
                                " layers after the input (hidden + output)");
  for (int l = 0; l < n_layers; ++l)
    acts_.push_back(Activation::from_name(config_.activations[l], config_.affine,
                                          l + 1 == n_layers ? "outputActivation" : "activation[" + std::to_string(l) + "]"));
  loss_ = Loss::from_name(config_.loss);
  loss_.check_output(acts_.back());
  if (loss_.kind == LossKind::Softmax && L.back() < 2)
    throw std::invalid_argument("loss: 'softmax' needs at least 2 outputs, got " + std::to_string(L.back()));

  Eigen::Index size = 0;
  for (int l = 0; l < n_layers; ++l) {
    w_off_.push_back(size);
    size += static_cast<Eigen::Index>(L[l]) * L[l + 1];
    b_off_.push_back(size);
    size += L[l + 1];
  }
  params_.setZero(size);
  grads_.setZero(size);
  weight_mask_.setZero(size);

  Rng init(config_.seed, 1);
  for (int l = 0; l < n_layers; ++l) {
    const double fan_in = L[l], fan_out = L[l + 1];
    const auto k = acts_[l].kind;
    const bool he = k == ActivationKind::Relu || k == ActivationKind::LeakyRelu || k == ActivationKind::Swish;
    const double r = he ? std::sqrt(6.0 / fan_in) : std::sqrt(6.0 / (fan_in + fan_out));
    for (Eigen::Index i = w_off_[l]; i < b_off_[l]; ++i) {
      params_[i] = T(init.uniform(-r, r));
      weight_mask_[i] = T(1);
    }
    b(l).setConstant(T(0.1));
  }
  Z_.resize(n_layers);
  A_.resize(n_layers);
  dZ_.resize(n_layers);
  unit_row_.assign(1, 0);
  for (int l = 0; l < n_layers; ++l) unit_row_.push_back(unit_row_.back() + L[l + 1]);
}

NLP_COLD void check_workspace(Eigen::Index units, Eigen::Index samples) {
  // Eigen::Index is 32 bits in WASM: a size past it would wrap around instead of failing.
  if (double(units) * double(samples) > kMaxWorkspaceFloats)
    throw std::invalid_argument("batchSize: " + std::to_string(samples) + " samples x " + std::to_string(units) +
                                " units need more than " + std::to_string(std::llround(kMaxWorkspaceFloats)) +
                                " floats of workspace; use a smaller batch");
}

template <typename T>
void Network<T>::ensure_capacity(Eigen::Index n) {
  if (n <= capacity_) return;
  check_workspace(unit_count(), n);
  for (int l = 0; l < num_layers(); ++l) {
    Z_[l].resize(rows(l), n);
    A_[l].resize(rows(l), n);
    dZ_[l].resize(rows(l), n);
  }
  Xb_.resize(inputs(), n);
  Yb_.resize(outputs(), n);
  capacity_ = n;
}

template <typename T>
void Network<T>::ensure_units(Eigen::Index P) {
  if (P <= unit_capacity_) return;
  const Eigen::Index units = unit_row_.back();
  check_workspace(units, P);
  Z_u_.resize(units * P);
  A_u_.resize(units * P);
  dZ_u_.resize(units * P);
  X_u_.resize(inputs() * P);
  Y_u_.resize(outputs() * P);
  unit_capacity_ = P;
}

template <typename T>
void Network<T>::load_units(const T* x, const T* y, const int* order, Eigen::Index start, Eigen::Index m,
                            Eigen::Index P) {
  if constexpr (kFastPath<T>) {
    // X_u[k, j] = x[sample j, k]
    const auto gather = [&](const float* src, int width, float* dst) {
      for (int k = 0; k < width; ++k) {
        float* row = dst + k * P;
        std::memset(row + P - kernels::kLanes, 0, sizeof(float) * kernels::kLanes);  // the padding, P - m < kLanes
        if (order)
          for (Eigen::Index j = 0; j < m; ++j) row[j] = src[Eigen::Index(order[start + j]) * width + k];
        else
          for (Eigen::Index j = 0; j < m; ++j) row[j] = src[(start + j) * width + k];
      }
    };
    gather(x, inputs(), X_u_.data());
    if (y) gather(y, outputs(), Y_u_.data());
  } else {
    // The unit-major workspaces belong to the float path: Network<double> never calls this.
  }
}

template <typename T>
void Network<T>::forward_units(Eigen::Index P) {
  if constexpr (kFastPath<T>) {
    for (int l = 0; l < num_layers(); ++l) {
      const float* in = l == 0 ? X_u_.data() : units(A_u_, l - 1, P);
      // Z_l = W_l A_{l-1} + b_l 1^T;  A_l = f_l(Z_l)
      kernels::dense_forward(params_.data() + w_off_[l], params_.data() + b_off_[l], in, cols(l), rows(l), P, acts_[l],
                             units(Z_u_, l, P), units(A_u_, l, P));
    }
  } else {
    // Float path only, as load_units.
  }
}

template <typename T>
template <class Body>
void Network<T>::forward_chunks(const T* x, const T* y, Eigen::Index n, const Body& body) {
  ensure_units(kernels::padded(std::min(kChunk, n)));
  for (Eigen::Index s = 0; s < n; s += kChunk) {
    const Eigen::Index m = std::min(kChunk, n - s), P = kernels::padded(m);
    load_units(x, y, nullptr, s, m, P);
    forward_units(P);
    body(s, m, P);
  }
}

template <typename T>
double Network<T>::loss_units(Eigen::Index m, Eigen::Index P) {
  if constexpr (kFastPath<T>) {
    const int last = num_layers() - 1;
    return kernels::loss_forward(loss_, acts_[last], units(Z_u_, last, P), units(A_u_, last, P), Y_u_.data(), outputs(),
                                 P, m);
  } else {
    return 0;  // float path only, as load_units
  }
}

template <typename T>
double Network<T>::gradients_units(Eigen::Index m, Eigen::Index P, float scale, bool accumulate) {
  if constexpr (kFastPath<T>) {
    const int last = num_layers() - 1;
    const double total = kernels::loss_backward(loss_, acts_[last], units(Z_u_, last, P), units(A_u_, last, P),
                                                Y_u_.data(), outputs(), P, m, scale, units(dZ_u_, last, P));
    for (int l = last; l >= 0; --l) {
      const float* dZl = units(dZ_u_, l, P);
      const float* in = l == 0 ? X_u_.data() : units(A_u_, l - 1, P);
      // dL/dW_l = dZ_l A_{l-1}^T  (out, in);  dL/db_l = dZ_l 1  (out)
      kernels::dense_backward_params(dZl, in, cols(l), rows(l), P, grads_.data() + w_off_[l],
                                     grads_.data() + b_off_[l], accumulate);
      if (l > 0) {
        // dL/dA_{l-1} = W_l^T dZ_l, then dL/dZ_{l-1} = dL/dA_{l-1} * f'(Z_{l-1})
        kernels::dense_backward_input(params_.data() + w_off_[l], dZl, cols(l), rows(l), P, acts_[l - 1],
                                      units(Z_u_, l - 1, P), units(A_u_, l - 1, P), units(dZ_u_, l - 1, P));
      }
    }
    return total;
  } else {
    return 0;  // float path only, as load_units
  }
}

template <typename T>
void Network<T>::set_parameters(const Vec& p) {
  if (p.size() != params_.size())
    throw std::invalid_argument("parameters: " + std::to_string(p.size()) + " values given, the net has " +
                                std::to_string(params_.size()));
  params_ = p;
}

template <typename T>
void Network<T>::forward(const Eigen::Ref<const Mat>& X) {
  const Eigen::Index n = X.cols();
  ensure_capacity(n);
  for (int l = 0; l < num_layers(); ++l) {
    auto Zl = Z_[l].leftCols(n);
    // Z_l = W_l A_{l-1} + b_l 1^T: plain loops, each sum over the inputs in order (as Eigen's
    // product does without SIMD, in WebAssembly), in far less code than Eigen's products.
    const T* in = l == 0 ? X.data() : A_[l - 1].data();
    const Eigen::Index in_stride = l == 0 ? X.outerStride() : A_[l - 1].outerStride();
    const T* w = params_.data() + w_off_[l];
    const T* bias = params_.data() + b_off_[l];
    const int n_in = cols(l), n_out = rows(l);
    // Four units at a time: four independent sums in flight, as Eigen's blocked kernel keeps.
    for (Eigen::Index j = 0; j < n; ++j) {
      const T* x = in + j * in_stride;
      int o = 0;
      for (; o + 4 <= n_out; o += 4) {
        const T *w0 = w + o * n_in, *w1 = w0 + n_in, *w2 = w1 + n_in, *w3 = w2 + n_in;
        T s0(0), s1(0), s2(0), s3(0);
        for (int i = 0; i < n_in; ++i) {
          s0 += w0[i] * x[i];
          s1 += w1[i] * x[i];
          s2 += w2[i] * x[i];
          s3 += w3[i] * x[i];
        }
        Zl(o, j) = s0 + bias[o];
        Zl(o + 1, j) = s1 + bias[o + 1];
        Zl(o + 2, j) = s2 + bias[o + 2];
        Zl(o + 3, j) = s3 + bias[o + 3];
      }
      for (; o < n_out; ++o) {
        T acc(0);
        for (int i = 0; i < n_in; ++i) acc += w[o * n_in + i] * x[i];
        Zl(o, j) = acc + bias[o];
      }
    }
    acts_[l].template forward<T>(Zl, A_[l].leftCols(n));
  }
}

template <typename T>
void Network<T>::backward(const Eigen::Ref<const Mat>& X, const Eigen::Ref<const Mat>& Y, T scale,
                          bool accumulate) {
  const Eigen::Index n = X.cols();
  const int last = num_layers() - 1;
  loss_.template gradient<T>(Z_[last].leftCols(n), A_[last].leftCols(n), Y, acts_[last], scale,
                             dZ_[last].leftCols(n));
  for (int l = last; l >= 0; --l) {
    auto dZl = dZ_[l].leftCols(n);
    auto dWl = dW(l);
    auto dbl = db(l);
    // dL/dW_l = dZ_l A_{l-1}^T  (out, in);  dL/db_l = dZ_l 1  (out)
    if (l == 0) {
      if (accumulate) dWl.noalias() += dZl * X.transpose(); else dWl.noalias() = dZl * X.transpose();
    } else {
      if (accumulate) dWl.noalias() += dZl * A_[l - 1].leftCols(n).transpose();
      else dWl.noalias() = dZl * A_[l - 1].leftCols(n).transpose();
    }
    if (accumulate) dbl.noalias() += dZl.rowwise().sum(); else dbl.noalias() = dZl.rowwise().sum();
    if (l > 0) {
      // dL/dA_{l-1} = W_l^T dZ_l, then dL/dZ_{l-1} = dL/dA_{l-1} * f'(Z_{l-1})
      auto dA = dZ_[l - 1].leftCols(n);
      dA.noalias() = W(l).transpose() * dZl;
      acts_[l - 1].template backward<T>(Z_[l - 1].leftCols(n), A_[l - 1].leftCols(n), dA);
    }
  }
}

template <typename T>
void Network<T>::predict(const T* x, Eigen::Index n, T* out) {
  if constexpr (kFastPath<T>) {
    const int last = num_layers() - 1, k_out = outputs();
    forward_chunks(x, nullptr, n, [&](Eigen::Index s, Eigen::Index m, Eigen::Index P) {
      const float* A = units(A_u_, last, P);  // out[sample s + j, k] = A_L[k, j]
      for (int k = 0; k < k_out; ++k)
        for (Eigen::Index j = 0; j < m; ++j) out[(s + j) * k_out + k] = A[k * P + j];
    });
  } else {
    Eigen::Map<const Mat> X(x, inputs(), n);
    Eigen::Map<Mat> Y(out, outputs(), n);
    for (Eigen::Index s = 0; s < n; s += kChunk) {
      const Eigen::Index m = std::min(kChunk, n - s);
      forward(X.middleCols(s, m));
      Y.middleCols(s, m) = A_[num_layers() - 1].leftCols(m);
    }
  }
}

template <typename T>
typename Network<T>::Mat Network<T>::predict(const Mat& X) {
  if (X.rows() != inputs())
    throw std::invalid_argument("x: " + std::to_string(X.rows()) + " rows, the net has " +
                                std::to_string(inputs()) + " inputs");
  Mat out(outputs(), X.cols());
  predict(X.data(), X.cols(), out.data());
  return out;
}

template <typename T>
std::vector<typename Network<T>::Mat> Network<T>::layer_outputs(const T* x, Eigen::Index n, bool pre) {
  std::vector<Mat> result;
  for (int l = 0; l < num_layers(); ++l) result.emplace_back(rows(l), n);
  if constexpr (kFastPath<T>) {
    forward_chunks(x, nullptr, n, [&](Eigen::Index s, Eigen::Index m, Eigen::Index P) {
      for (int l = 0; l < num_layers(); ++l)
        result[l].middleCols(s, m) = Eigen::Map<const RowMat>(units(pre ? Z_u_ : A_u_, l, P), rows(l), P).leftCols(m);
    });
  } else {
    Eigen::Map<const Mat> X(x, inputs(), n);
    for (Eigen::Index s = 0; s < n; s += kChunk) {
      const Eigen::Index m = std::min(kChunk, n - s);
      forward(X.middleCols(s, m));
      for (int l = 0; l < num_layers(); ++l) result[l].middleCols(s, m) = (pre ? Z_ : A_)[l].leftCols(m);
    }
  }
  return result;
}

template <typename T>
double Network<T>::loss(const T* x, const T* y, Eigen::Index n) {
  if (n < 1) throw std::invalid_argument("x: no samples");
  double total = 0;
  if constexpr (kFastPath<T>) {
    forward_chunks(x, y, n, [&](Eigen::Index, Eigen::Index m, Eigen::Index P) { total += loss_units(m, P); });
  } else {
    Eigen::Map<const Mat> X(x, inputs(), n), Y(y, outputs(), n);
    const int last = num_layers() - 1;
    for (Eigen::Index s = 0; s < n; s += kChunk) {
      const Eigen::Index m = std::min(kChunk, n - s);
      forward(X.middleCols(s, m));
      total += loss_.template sum<T>(Z_[last].leftCols(m), A_[last].leftCols(m), Y.middleCols(s, m));
    }
  }
  return total / static_cast<double>(n);
}

template <typename T>
double Network<T>::gradients(const T* x, const T* y, Eigen::Index n) {
  if (n < 1) throw std::invalid_argument("x: no samples");
  const T scale = T(1) / static_cast<T>(n);
  double total = 0;
  if constexpr (kFastPath<T>) {
    forward_chunks(x, y, n, [&](Eigen::Index s, Eigen::Index m, Eigen::Index P) {
      total += gradients_units(m, P, scale, s > 0);
    });
  } else {
    Eigen::Map<const Mat> X(x, inputs(), n), Y(y, outputs(), n);
    const int last = num_layers() - 1;
    for (Eigen::Index s = 0; s < n; s += kChunk) {
      const Eigen::Index m = std::min(kChunk, n - s);
      forward(X.middleCols(s, m));
      total += loss_.template sum<T>(Z_[last].leftCols(m), A_[last].leftCols(m), Y.middleCols(s, m));
      backward(X.middleCols(s, m), Y.middleCols(s, m), scale, s > 0);
    }
  }
  return total / static_cast<double>(n);
}

template <typename T>
double Network<T>::fit(const T* x, const T* y, Eigen::Index n, const TrainOptions& options) {
  options.validate();
  if (n < 1) throw std::invalid_argument("x: no samples");
  if (options.epochs == 0) return loss(x, y, n);
  if (!optimizer_ready_ || optimizer_.kind() != options.optimizer) {
    optimizer_.reset(options.optimizer, params_.size());
    optimizer_ready_ = true;
  }
  const Eigen::Index B = std::min<Eigen::Index>(options.batch_size, n);
  if (static_cast<Eigen::Index>(order_.size()) != n) order_.resize(static_cast<size_t>(n));
  double epoch_loss = 0;
  if constexpr (kFastPath<T>) {
    ensure_units(kernels::padded(B));
    for (int e = 0; e < options.epochs; ++e) {
      std::iota(order_.begin(), order_.end(), 0);
      shuffle_rng_.shuffle(order_.data(), static_cast<int>(n));
      double total = 0;
      for (Eigen::Index s = 0; s < n; s += B) {
        const Eigen::Index m = std::min(B, n - s), P = kernels::padded(m);
        load_units(x, y, order_.data(), s, m, P);
        forward_units(P);
        total += gradients_units(m, P, T(1) / static_cast<T>(m), false);
        optimizer_.step(params_, grads_, weight_mask_, options);
      }
      epoch_loss = total / static_cast<double>(n);
    }
  } else {
    Eigen::Map<const Mat> X(x, inputs(), n), Y(y, outputs(), n);
    ensure_capacity(B);
    const int last = num_layers() - 1;
    for (int e = 0; e < options.epochs; ++e) {
      std::iota(order_.begin(), order_.end(), 0);
      shuffle_rng_.shuffle(order_.data(), static_cast<int>(n));
      double total = 0;
      for (Eigen::Index s = 0; s < n; s += B) {
        const Eigen::Index m = std::min(B, n - s);
        for (Eigen::Index j = 0; j < m; ++j) {
          Xb_.col(j) = X.col(order_[s + j]);
          Yb_.col(j) = Y.col(order_[s + j]);
        }
        forward(Xb_.leftCols(m));
        total += loss_.template sum<T>(Z_[last].leftCols(m), A_[last].leftCols(m), Yb_.leftCols(m));
        backward(Xb_.leftCols(m), Yb_.leftCols(m), T(1) / static_cast<T>(m), false);
        optimizer_.step(params_, grads_, weight_mask_, options);
      }
      epoch_loss = total / static_cast<double>(n);
    }
  }
  return epoch_loss;
}

template class Network<float>;
template class Network<double>;

}  // namespace nlp
