// A multilayer perceptron of dense layers with one activation per layer.
//
// Shapes: samples are columns. A batch X is (inputs, n); layer l maps A_{l-1} (in, n) to
//   Z_l = W_l A_{l-1} + b_l 1^T   (out, n)        A_l = f_l(Z_l)   (out, n)
// A row-major array of n samples with `inputs` values each, as JS hands it over, *is* the
// column-major (inputs, n) matrix: no transpose is ever made.
//
// Parameters live in one flat buffer, layer after layer: W_l row-major (out, in), then b_l (out).
// The gradient buffer has the same layout. Workspaces grow to the largest batch seen and are
// then reused: a training step allocates nothing.
//
// Network<float> trains and predicts through the fast path of kernels.h (activations stored
// unit-major, SIMD over samples); Network<double>, the reference the gradient checks use, and
// forward() below run on Eigen. Both compute the same math.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "activation.h"
#include "engine_limits.h"
#include "loss.h"
#include "optimizer.h"
#include "rng.h"

namespace nlp {

// Throws std::invalid_argument (naming batchSize) when `units` x `samples` floats of workspace
// exceed kMaxWorkspaceFloats, before any size can overflow Eigen::Index (32 bits in WASM).
void check_workspace(Eigen::Index units, Eigen::Index samples);

struct NetworkConfig {
  std::vector<int> layers;               // [inputs, hidden..., outputs]
  std::vector<std::string> activations;  // one per layer after the input: hidden..., output
  AffineParams affine;                   // parameters of every `affine` layer
  std::string loss = "mse";
  uint64_t seed = 1;

  // Convenience: every hidden layer `hidden`, the output `output`.
  static NetworkConfig uniform(std::vector<int> layers, const std::string& hidden,
                               const std::string& output = "linear", uint64_t seed = 1);
};

template <typename T>
class Network {
 public:
  using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
  using RowMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
  using WMap = Eigen::Map<RowMat>;
  using CWMap = Eigen::Map<const RowMat>;
  using BMap = Eigen::Map<Vec>;
  using CBMap = Eigen::Map<const Vec>;

  // Validates `config` (std::invalid_argument naming the field) and initialises the weights
  // from config.seed: W ~ U(-r, r) with r = sqrt(6 / (in + out)) (Glorot) for every activation
  // but relu, leaky_relu and swish, which take r = sqrt(6 / in) (He); every bias 0.1.
  explicit Network(const NetworkConfig& config);

  const NetworkConfig& config() const { return config_; }
  int num_layers() const { return static_cast<int>(acts_.size()); }  // weight layers
  int inputs() const { return config_.layers.front(); }
  // Units in every layer after the input: the rows of one sample's workspace.
  Eigen::Index unit_count() const {
    Eigen::Index u = 0;
    for (size_t l = 1; l < config_.layers.size(); ++l) u += config_.layers[l];
    return u;
  }
  int outputs() const { return config_.layers.back(); }
  const Activation& activation(int l) const { return acts_[l]; }
  const Loss& loss_function() const { return loss_; }

  // Views of layer l's parameters and gradients.
  WMap W(int l) { return WMap(params_.data() + w_off_[l], rows(l), cols(l)); }      // (out, in)
  CWMap W(int l) const { return CWMap(params_.data() + w_off_[l], rows(l), cols(l)); }
  BMap b(int l) { return BMap(params_.data() + b_off_[l], rows(l)); }               // (out)
  CBMap b(int l) const { return CBMap(params_.data() + b_off_[l], rows(l)); }
  WMap dW(int l) { return WMap(grads_.data() + w_off_[l], rows(l), cols(l)); }
  BMap db(int l) { return BMap(grads_.data() + b_off_[l], rows(l)); }
  Vec& parameters() { return params_; }
  const Vec& parameters() const { return params_; }
  const Vec& gradient_buffer() const { return grads_; }
  Eigen::Index w_offset(int l) const { return w_off_[l]; }
  Eigen::Index b_offset(int l) const { return b_off_[l]; }

  // x: n samples, row-major (n, inputs); out: (n, outputs).
  void predict(const T* x, Eigen::Index n, T* out);
  Mat predict(const Mat& X);  // X (inputs, n) -> (outputs, n)
  // Every layer's activations A_l (or with `pre` its pre-activations Z_l = W_l A_{l-1} + b_l),
  // each (units, n), for l = 0 .. num_layers()-1.
  std::vector<Mat> layer_outputs(const T* x, Eigen::Index n, bool pre = false);
  // The loss over all n samples (mean), without regularisation.
  double loss(const T* x, const T* y, Eigen::Index n);
  // d loss / d parameters over all n samples into the gradient buffer; returns the loss.
  double gradients(const T* x, const T* y, Eigen::Index n);
  // `epochs` passes of shuffled mini-batch training; the mean loss of the last epoch's batches
  // (each measured before its update). With epochs == 0 the current loss.
  double fit(const T* x, const T* y, Eigen::Index n, const TrainOptions& options);

  // Same-shape setters; throw std::invalid_argument on a size mismatch.
  void set_parameters(const Vec& p);

  // The forward pass over a batch X (inputs, n) into the workspaces; then layer l's
  // pre-activation and activation are Z(l), A(l) (units, n). Used by the analyses.
  void forward(const Eigen::Ref<const Mat>& X);
  Eigen::Block<Mat, Eigen::Dynamic, Eigen::Dynamic, true> Z(int l, Eigen::Index n) { return Z_[l].leftCols(n); }
  Eigen::Block<Mat, Eigen::Dynamic, Eigen::Dynamic, true> A(int l, Eigen::Index n) { return A_[l].leftCols(n); }

 private:
  int rows(int l) const { return config_.layers[l + 1]; }
  int cols(int l) const { return config_.layers[l]; }
  void ensure_capacity(Eigen::Index n);
  // Backward over the batch last forwarded; dZ_L = scale * dLoss/dZ_L. With `accumulate`
  // the gradients add to the buffer instead of replacing it.
  void backward(const Eigen::Ref<const Mat>& X, const Eigen::Ref<const Mat>& Y, T scale, bool accumulate);

  // The float fast path over the unit-major workspaces (kernels.h), for a batch of m samples
  // padded to P columns. load_units gathers samples order[start + j] (start + j without order)
  // of x and, unless null, y into X_u (inputs, P) and Y_u (outputs, P), zeros in the padding.
  void ensure_units(Eigen::Index P);
  void load_units(const T* x, const T* y, const int* order, Eigen::Index start, Eigen::Index m, Eigen::Index P);
  void forward_units(Eigen::Index P);
  // load_units and forward_units over x (and y unless null) in chunks of at most 256 samples,
  // then body(first sample s, samples m, padded P) for each chunk.
  template <class Body>
  void forward_chunks(const T* x, const T* y, Eigen::Index n, const Body& body);
  // After forward_units: the loss summed over the m samples. gradients_units also sets
  // dZ_L = scale * dLoss/dZ_L and runs backward into the gradient buffer (adding to it with
  // `accumulate`), and returns the same sum.
  double loss_units(Eigen::Index m, Eigen::Index P);
  double gradients_units(Eigen::Index m, Eigen::Index P, float scale, bool accumulate);
  float* units(Eigen::VectorXf& buffer, int l, Eigen::Index P) { return buffer.data() + unit_row_[l] * P; }

  NetworkConfig config_;
  std::vector<Activation> acts_;
  Loss loss_;
  Vec params_, grads_;
  Vec weight_mask_;  // 1 on weights, 0 on biases: regularisation touches weights only
  std::vector<Eigen::Index> w_off_, b_off_;
  std::vector<Mat> Z_, A_, dZ_;  // per layer, (units, capacity)
  Mat Xb_, Yb_;                  // a gathered mini-batch, (inputs | outputs, capacity)
  Eigen::Index capacity_ = 0;
  // Fast path: layer l's Z, A, dZ are (units, P) blocks starting at row unit_row_[l] of Z_u_,
  // A_u_, dZ_u_; the buffers hold unit_capacity_ columns.
  Eigen::VectorXf Z_u_, A_u_, dZ_u_, X_u_, Y_u_;
  std::vector<Eigen::Index> unit_row_;
  Eigen::Index unit_capacity_ = 0;
  std::vector<int> order_;       // sample order of the current epoch
  Rng shuffle_rng_;
  Optimizer<T> optimizer_;
  bool optimizer_ready_ = false;
};

extern template class Network<float>;
extern template class Network<double>;

}  // namespace nlp
