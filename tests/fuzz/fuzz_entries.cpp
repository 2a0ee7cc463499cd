// libFuzzer harness over the engine's entry layer: network specs, weights, datasets and the
// analyses built from the fuzzer's bytes, each entry called the way engine/bindings/bindings.cpp
// calls it (the same engine functions, the same checks from engine/entry.h, in the same order).
// A refusal (std::invalid_argument) is the expected outcome of most inputs; anything else that
// escapes (another exception, a crash, a leak, undefined behaviour under ASan/UBSan) is a finding.
// Built with -DNLP_FUZZ=ON and clang (CMakeLists.txt, scripts/build-sanitizers.sh); run by scripts/test.sh, or longer:
//   build/asan/nlp_fuzz -max_total_time=3600 build/asan/fuzz-corpus tests/fuzz/corpus
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis.h"
#include "dataset.h"
#include "engine_limits.h"
#include "entry.h"
#include "input_features.h"
#include "network.h"
#include "synthetic.h"

namespace {

// Reads the fuzzer's bytes as a stream of small values; past the end, zeros.
class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
  bool empty() const { return p_ >= end_; }
  uint8_t u8() { return p_ < end_ ? *p_++ : 0; }
  int small(int lo, int hi) { return lo + u8() % (hi - lo + 1); }  // lo..hi
  float f32() {
    // Mostly ordinary values; sometimes raw bits (NaN, Inf, denormals, huge).
    const uint8_t tag = u8();
    if (tag < 200) return float(int(u8()) - 128) / 32.0f;
    uint32_t bits = uint32_t(u8()) | uint32_t(u8()) << 8 | uint32_t(u8()) << 16 | uint32_t(u8()) << 24;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }
  double f64() { return double(f32()); }
  std::string name(const std::vector<std::string>& known) {
    const uint8_t tag = u8();
    if (tag < 192 && !known.empty()) return known[tag % known.size()];
    std::string s(size_t(u8()) % 80, 'a');  // sometimes past kMaxNameLength
    for (auto& c : s) c = char(u8());
    return s;
  }
  std::vector<float> floats(size_t n) {
    std::vector<float> v(n);
    for (auto& f : v) f = f32();
    return v;
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

template <typename C>
std::vector<std::string> strings(const C& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

// NetHandle::create in the bindings.
std::unique_ptr<nlp::Network<float>> create(Bytes& in) {
  const int count = in.small(0, nlp::kMaxLayers + 2);
  nlp::check_layer_count(size_t(count), "layers");
  nlp::NetworkConfig config;
  for (int i = 0; i < count; ++i) config.layers.push_back(in.small(0, 9) == 0 ? in.small(-2, 300) : in.small(1, 6));
  const auto acts = strings(nlp::activation_names());
  const int hidden = std::max(count - 1, 0);
  for (int i = 0; i < hidden; ++i) {
    config.activations.push_back(in.name(acts));
    nlp::check_name(config.activations.back(), i + 1 == hidden ? "outputActivation" : "activation[" + std::to_string(i) + "]");
  }
  config.affine = {in.f64(), in.f64()};
  config.loss = in.name(strings(nlp::loss_names()));
  nlp::check_name(config.loss, "loss");
  config.seed = in.u8();
  return std::make_unique<nlp::Network<float>>(config);
}

void network_calls(Bytes& in) {
  auto net = create(in);
  const int n = in.small(1, 40);
  const auto x = in.floats(size_t(n) * size_t(net->inputs()));
  const auto y = in.floats(size_t(n) * size_t(net->outputs()));
  while (!in.empty()) {
    try {
      switch (in.small(0, 10)) {
        case 0: {  // setParameters
          const auto p = in.floats(size_t(net->parameters().size()));
          nlp::finite(p.data(), p.size(), "weights");
          net->parameters() = Eigen::Map<const Eigen::VectorXf>(p.data(), Eigen::Index(p.size()));
          break;
        }
        case 1: {  // fit
          nlp::TrainOptions o;
          o.epochs = in.small(0, 3);
          o.batch_size = in.small(0, 50);
          o.learning_rate = in.f64();
          const std::string optimizer = in.name(strings(nlp::optimizer_names()));
          nlp::check_name(optimizer, "optimizer");
          o.optimizer = nlp::TrainOptions::optimizer_from_name(optimizer);
          o.l1 = in.f64();
          o.l2 = in.f64();
          net->fit(nlp::finite(x.data(), x.size(), "x"), nlp::finite(y.data(), y.size(), "y"), n, o);
          break;
        }
        case 2: {  // predict
          nlp::check_samples(n, net->outputs(), "x", "outputs");
          std::vector<float> out(size_t(n) * size_t(net->outputs()));
          net->predict(nlp::finite(x.data(), x.size(), "x"), n, out.data());
          break;
        }
        case 3:  // loss
          net->loss(nlp::finite(x.data(), x.size(), "x"), nlp::finite(y.data(), y.size(), "y"), n);
          break;
        case 4:  // gradients
          net->gradients(nlp::finite(x.data(), x.size(), "x"), nlp::finite(y.data(), y.size(), "y"), n);
          break;
        case 5:  // layerOutputs
          nlp::check_samples(n, double(net->unit_count()), "x", "units");
          net->layer_outputs(nlp::finite(x.data(), x.size(), "x"), n, in.u8() & 1);
          break;
        case 6:  // collapse, collapseDeviation
          nlp::collapse(*net);
          nlp::collapse_deviation(*net, nlp::finite(x.data(), x.size(), "x"), n);
          break;
        case 7: {  // linearPieces
          const double lo = in.f64(), hi = in.f64();
          nlp::count_linear_pieces(*net, lo, hi);
          break;
        }
        case 8:
        case 9: {  // fitSynthetic, syntheticProbe
          nlp::SyntheticGradients sg(*net, in.small(-1, 3));
          nlp::TrainOptions o;
          o.epochs = in.small(0, 2);
          o.batch_size = in.small(0, 50);
          o.learning_rate = in.f64();
          const float* xs = nlp::finite(x.data(), x.size(), "x");
          const float* ys = nlp::finite(y.data(), y.size(), "y");
          sg.fit(xs, ys, n, o, in.f64());
          const int count = in.small(0, 50);
          if (count < 1) throw std::invalid_argument("count");
          const int m = std::min(count, n);
          nlp::check_samples(m, double(net->unit_count()), "count", "units");
          Eigen::MatrixXf truth, predicted;
          sg.probe(xs, ys, m, truth, predicted);
          break;
        }
        default:
          return;
      }
    } catch (const std::invalid_argument&) {
      // refused, as a binding would report it; the net stays usable
    }
  }
}

void data_calls(Bytes& in) {
  switch (in.small(0, 5)) {
    case 0: {  // dataset
      const std::string name = in.name(strings(nlp::dataset_names()));
      nlp::check_name(name, "dataset");
      nlp::make_dataset(name, in.small(0, 300), in.f64(), in.u8());
      break;
    }
    case 1: {  // split
      nlp::Dataset d;
      d.inputs = in.small(1, 4);
      d.outputs = in.small(1, 3);
      const int n = in.small(1, 30);
      const std::string kind = in.name(strings(nlp::dataset_kind_names()));
      nlp::check_name(kind, "data.kind");
      d.kind = nlp::dataset_kind_from_name(kind, "data.kind");
      const auto x = in.floats(size_t(n) * size_t(d.inputs)), y = in.floats(size_t(n) * size_t(d.outputs));
      nlp::finite(x.data(), x.size(), "data.x");
      nlp::finite(y.data(), y.size(), "data.y");
      d.x = x;
      d.y = y;
      nlp::split_dataset(d, in.f64(), in.u8());
      break;
    }
    case 2: {  // leastSquares
      const int inputs = in.small(0, 5), outputs = in.small(1, 3), n = in.small(1, 30);
      const auto x = in.floats(size_t(n) * size_t(std::max(inputs, 0))), y = in.floats(size_t(n) * size_t(outputs));
      nlp::check_samples(n, inputs + outputs + 1, "x", "columns");
      nlp::finite(x.data(), x.size(), "x");
      nlp::finite(y.data(), y.size(), "y");
      nlp::least_squares(x, y, inputs, outputs);
      break;
    }
    case 3: {  // pca
      const int dim = in.small(0, 5), n = in.small(1, 30);
      const auto x = in.floats(size_t(n) * size_t(std::max(dim, 0)));
      nlp::check_samples(n, dim, "x", "columns");
      nlp::finite(x.data(), x.size(), "x");
      nlp::pca(x, dim);
      break;
    }
    case 5: {  // features
      const int count = in.small(0, 11);
      nlp::check_feature_count(size_t(count), "features");
      std::vector<std::string> names;
      for (int i = 0; i < count; ++i) {
        names.push_back(in.name(nlp::feature_names()));
        nlp::check_name(names.back(), "features[" + std::to_string(i) + "]");
      }
      const auto fs = nlp::features_from_names(names, "features");
      const int n = in.small(0, 40);
      nlp::check_feature_points(n, "x");
      const auto x = in.floats(size_t(n) * 2);
      nlp::finite(x.data(), x.size(), "x");
      nlp::compute_features(fs, x.data(), n, "x");
      break;
    }
    default: {  // principalAngle, activationCurve
      const int dim = in.small(1, 5), p = in.small(1, 4), q = in.small(1, 4);
      const auto a = in.floats(size_t(p) * size_t(dim)), b = in.floats(size_t(q) * size_t(dim));
      nlp::finite(a.data(), a.size(), "A");
      nlp::finite(b.data(), b.size(), "B");
      Eigen::MatrixXd A(dim, p), B(dim, q);
      for (int i = 0; i < p; ++i)
        for (int d = 0; d < dim; ++d) A(d, i) = a[size_t(i * dim + d)];
      for (int i = 0; i < q; ++i)
        for (int d = 0; d < dim; ++d) B(d, i) = b[size_t(i * dim + d)];
      nlp::principal_angle_degrees(A, B);
      const std::string name = in.name(strings(nlp::activation_names()));
      nlp::check_name(name, "activation");
      const auto f = nlp::Activation::from_name(name, {in.f64(), in.f64()});
      for (float v : a) {
        (void)f.value(v);
        (void)f.derivative(v);
      }
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes in(data, size);
  try {
    if (in.u8() & 1)
      network_calls(in);
    else
      data_calls(in);
  } catch (const std::invalid_argument&) {
    // a refused spec or argument: what the bindings report as an Error
  }
  return 0;
}
