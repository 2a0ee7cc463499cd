// Embind glue: the engine's public entries for JS (web/engine.js wraps these; docs/api.md is
// the API users see). Bulk data crosses by pointer into buffers the engine owns: JS writes
// its Float32Arrays into them (HEAPF32.set) and results come back as copies
// (typed_memory_view(...).slice()), never as views that memory growth could detach.
// Every entry catches the engine's exceptions and rethrows them as a JS Error with the same
// message: no error reaches JS as a bare number, and the module stays usable.
#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis.h"
#include "dataset.h"
#include "network.h"
#include "synthetic.h"

using emscripten::val;

namespace {

std::string g_error;  // the message of the last error, kept until the JS Error is made

[[noreturn]] void throw_js_error() {
  EM_ASM({ throw new Error(UTF8ToString($0)); }, g_error.c_str());
  __builtin_unreachable();
}

// Runs f; an exception becomes a JS Error. The C++ exception is fully handled (and freed)
// before the JS throw unwinds the stack.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  bool failed = false;
  try {
    return f();
  } catch (const std::exception& e) {
    g_error = e.what();
    failed = true;
  } catch (...) {
    g_error = "engine: unknown error";
    failed = true;
  }
  if (failed) throw_js_error();
  __builtin_unreachable();
}

const float* fptr(uintptr_t p) { return reinterpret_cast<const float*>(p); }

val float_array(const float* data, size_t n) { return val(emscripten::typed_memory_view(n, data)).call<val>("slice"); }

template <typename Container>
val string_array(const Container& names) {
  val out = val::array();
  for (const auto& s : names) out.call<void>("push", val(std::string(s)));
  return out;
}

// Staging buffers JS writes inputs into: one per slot, grown, never shrunk.
std::vector<float> g_stage[4];

uintptr_t stage(int slot, double count) {
  return guarded([&] {
    if (slot < 0 || slot >= 4) throw std::invalid_argument("stage: slot " + std::to_string(slot));
    if (!(count >= 0) || count > 64e6) throw std::invalid_argument("stage: " + std::to_string(count) + " floats");
    auto& v = g_stage[slot];
    if (v.size() < size_t(count)) v.resize(size_t(count));
    return reinterpret_cast<uintptr_t>(v.data());
  });
}

val dataset_to_val(const nlp::Dataset& d) {
  val o = val::object();
  o.set("x", float_array(d.x.data(), d.x.size()));
  o.set("y", float_array(d.y.data(), d.y.size()));
  o.set("inputs", d.inputs);
  o.set("outputs", d.outputs);
  o.set("kind", nlp::dataset_kind_name(d.kind));
  return o;
}

val make_dataset(const std::string& name, int n, double noise, double seed) {
  return guarded([&] { return dataset_to_val(nlp::make_dataset(name, n, noise, uint64_t(seed))); });
}

val split_dataset(uintptr_t x, uintptr_t y, int n, int inputs, int outputs, const std::string& kind, double ratio,
                  double seed) {
  return guarded([&] {
    nlp::Dataset d;
    d.inputs = inputs;
    d.outputs = outputs;
    d.kind = kind == "classification" ? nlp::DatasetKind::Classification
             : kind == "multiclass"   ? nlp::DatasetKind::Multiclass
                                      : nlp::DatasetKind::Regression;
    d.x.assign(fptr(x), fptr(x) + size_t(n) * size_t(inputs));
    d.y.assign(fptr(y), fptr(y) + size_t(n) * size_t(outputs));
    auto s = nlp::split_dataset(d, ratio, uint64_t(seed));
    val o = val::object();
    o.set("train", dataset_to_val(s.train));
    o.set("test", dataset_to_val(s.test));
    return o;
  });
}

val affine_to_val(const nlp::AffineMap& m) {
  // W row-major (out, in) as floats.
  std::vector<float> W(size_t(m.W.size())), b(size_t(m.b.size()));
  for (Eigen::Index r = 0; r < m.W.rows(); ++r)
    for (Eigen::Index c = 0; c < m.W.cols(); ++c) W[size_t(r * m.W.cols() + c)] = float(m.W(r, c));
  for (Eigen::Index r = 0; r < m.b.size(); ++r) b[size_t(r)] = float(m.b(r));
  val o = val::object();
  o.set("W", float_array(W.data(), W.size()));
  o.set("b", float_array(b.data(), b.size()));
  return o;
}

val least_squares(uintptr_t x, uintptr_t y, int n, int inputs, int outputs) {
  return guarded([&] {
    std::vector<float> xs(fptr(x), fptr(x) + size_t(n) * size_t(inputs));
    std::vector<float> ys(fptr(y), fptr(y) + size_t(n) * size_t(outputs));
    auto ls = nlp::least_squares(xs, ys, inputs, outputs);
    val o = affine_to_val(ls.map);
    o.set("loss", ls.loss);
    return o;
  });
}

val pca(uintptr_t x, int n, int dim) {
  return guarded([&] {
    std::vector<float> xs(fptr(x), fptr(x) + size_t(n) * size_t(dim));
    auto p = nlp::pca(xs, dim);
    std::vector<float> mean(static_cast<size_t>(dim)), comps(static_cast<size_t>(dim) * dim), var(static_cast<size_t>(dim));
    for (int i = 0; i < dim; ++i) {
      mean[size_t(i)] = float(p.mean(i));
      var[size_t(i)] = float(p.variances(i));
      for (int k = 0; k < dim; ++k) comps[size_t(k * dim + i)] = float(p.components(i, k));  // row k = direction k
    }
    val o = val::object();
    o.set("mean", float_array(mean.data(), mean.size()));
    o.set("components", float_array(comps.data(), comps.size()));
    o.set("variances", float_array(var.data(), var.size()));
    return o;
  });
}

// Rows of A (p, dim) and B (q, dim), row-major, span the two subspaces.
double principal_angle(uintptr_t a, int p, uintptr_t b, int q, int dim) {
  return guarded([&] {
    Eigen::MatrixXd A(dim, p), B(dim, q);
    for (int i = 0; i < p; ++i)
      for (int d = 0; d < dim; ++d) A(d, i) = fptr(a)[i * dim + d];
    for (int i = 0; i < q; ++i)
      for (int d = 0; d < dim; ++d) B(d, i) = fptr(b)[i * dim + d];
    return nlp::principal_angle_degrees(A, B);
  });
}

// f and f' of one activation at `count` points staged at x.
val activation_curve(const std::string& name, uintptr_t x, int count, double a, double c) {
  return guarded([&] {
    const auto f = nlp::Activation::from_name(name, {a, c});
    std::vector<float> value(static_cast<size_t>(count)), derivative(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
      value[size_t(i)] = float(f.value(fptr(x)[i]));
      derivative[size_t(i)] = float(f.derivative(fptr(x)[i]));
    }
    val o = val::object();
    o.set("value", float_array(value.data(), value.size()));
    o.set("derivative", float_array(derivative.data(), derivative.size()));
    return o;
  });
}

class NetHandle {
 public:
  static NetHandle* create(val layers, val activations, double a, double c, const std::string& loss, double seed) {
    return guarded([&] {
      nlp::NetworkConfig config;
      config.layers = emscripten::vecFromJSArray<int>(layers);
      config.activations = emscripten::vecFromJSArray<std::string>(activations);
      config.affine = {a, c};
      config.loss = loss;
      config.seed = uint64_t(seed);
      return new NetHandle(config);
    });
  }

  int parameter_count() const { return int(net_.parameters().size()); }
  val layers() const {
    val out = val::array();
    for (int s : net_.config().layers) out.call<void>("push", s);
    return out;
  }
  val activations() const { return string_array(net_.config().activations); }
  std::string loss_name() const { return net_.config().loss; }
  double seed() const { return double(net_.config().seed); }
  double affine_a() const { return net_.config().affine.a; }
  double affine_c() const { return net_.config().affine.c; }

  double fit(uintptr_t x, uintptr_t y, int n, int epochs, int batch, double lr, const std::string& optimizer,
             double l1, double l2) {
    return guarded([&] {
      nlp::TrainOptions o;
      o.epochs = epochs;
      o.batch_size = batch;
      o.learning_rate = lr;
      o.optimizer = nlp::TrainOptions::optimizer_from_name(optimizer);
      o.l1 = l1;
      o.l2 = l2;
      return net_.fit(fptr(x), fptr(y), n, o);
    });
  }

  val predict(uintptr_t x, int n) {
    return guarded([&] {
      out_.resize(size_t(n) * size_t(net_.outputs()));
      net_.predict(fptr(x), n, out_.data());
      return float_array(out_.data(), out_.size());
    });
  }

  double loss(uintptr_t x, uintptr_t y, int n) {
    return guarded([&] { return net_.loss(fptr(x), fptr(y), n); });
  }

  val gradients(uintptr_t x, uintptr_t y, int n) {
    return guarded([&] {
      net_.gradients(fptr(x), fptr(y), n);
      return float_array(net_.gradient_buffer().data(), size_t(net_.gradient_buffer().size()));
    });
  }

  val parameters() const { return float_array(net_.parameters().data(), size_t(net_.parameters().size())); }

  void set_parameters(uintptr_t p, int count) {
    guarded([&] {
      if (count != parameter_count())
        throw std::invalid_argument("weights: " + std::to_string(count) + " values given, the net has " +
                                    std::to_string(parameter_count()));
      for (int i = 0; i < count; ++i)
        if (!std::isfinite(fptr(p)[i]))
          throw std::invalid_argument("weights: value " + std::to_string(i) + " is not a finite number");
      net_.parameters() = Eigen::Map<const Eigen::VectorXf>(fptr(p), count);
      return 0;
    });
  }

  val layer_outputs(uintptr_t x, int n, bool pre) {
    return guarded([&] {
      auto outs = net_.layer_outputs(fptr(x), n, pre);
      val arr = val::array();
      for (const auto& m : outs) arr.call<void>("push", float_array(m.data(), size_t(m.size())));  // (n, units)
      return arr;
    });
  }

  double collapse_deviation(uintptr_t x, int n) {
    return guarded([&] { return nlp::collapse_deviation(net_, fptr(x), n); });
  }

  val collapse() const {
    return guarded([&] { return affine_to_val(nlp::collapse(net_)); });
  }

  // Synthetic-gradient training (engine/synthetic.h); the trainer lives as long as the net
  // and is made anew when the cut changes.
  val fit_synthetic(uintptr_t x, uintptr_t y, int n, int epochs, int batch, double lr, double model_rate, int cut) {
    return guarded([&] {
      nlp::TrainOptions o;
      o.epochs = epochs;
      o.batch_size = batch;
      o.learning_rate = lr;
      o.validate();
      if (!std::isfinite(model_rate) || model_rate <= 0)
        throw std::invalid_argument("modelRate: " + std::to_string(model_rate) + " must be a finite number > 0");
      auto& sg = synthetic(cut);
      nlp::SyntheticStats stats;
      for (int e = 0; e < epochs; ++e) stats = sg.fit_epoch(fptr(x), fptr(y), n, o, model_rate);
      val out = val::object();
      out.set("loss", epochs > 0 ? stats.loss : net_.loss(fptr(x), fptr(y), n));
      out.set("cosine", stats.cosine);
      out.set("modelError", stats.model_error);
      return out;
    });
  }

  val synthetic_probe(uintptr_t x, uintptr_t y, int count, int cut) {
    return guarded([&] {
      Eigen::MatrixXf truth, predicted;  // (units, count): column-major = row-major (count, units)
      synthetic(cut).probe(fptr(x), fptr(y), count, truth, predicted);
      val out = val::object();
      out.set("truth", float_array(truth.data(), size_t(truth.size())));
      out.set("predicted", float_array(predicted.data(), size_t(predicted.size())));
      out.set("units", int(truth.rows()));
      return out;
    });
  }

  val linear_pieces(double lo, double hi) const {
    return guarded([&] {
      auto p = nlp::count_linear_pieces(net_, lo, hi);
      val o = val::object();
      o.set("count", p.count);
      val kinks = val::array();
      for (double k : p.kinks) kinks.call<void>("push", k);
      o.set("kinks", kinks);
      return o;
    });
  }

 private:
  explicit NetHandle(const nlp::NetworkConfig& config) : net_(config) {}
  nlp::SyntheticGradients& synthetic(int cut) {
    if (!synthetic_ || synthetic_->cut() != cut) synthetic_ = std::make_unique<nlp::SyntheticGradients>(net_, cut);
    return *synthetic_;
  }
  nlp::Network<float> net_;
  std::vector<float> out_;
  std::unique_ptr<nlp::SyntheticGradients> synthetic_;
};

val names_of_datasets() { return string_array(nlp::dataset_names()); }
val names_of_activations() { return string_array(nlp::activation_names()); }
std::string version() { return NLP_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(nlp) {
  emscripten::function("version", &version);
  emscripten::function("activationNames", &names_of_activations);
  emscripten::function("datasetNames", &names_of_datasets);
  emscripten::function("stage", &stage);
  emscripten::function("dataset", &make_dataset);
  emscripten::function("split", &split_dataset);
  emscripten::function("leastSquares", &least_squares);
  emscripten::function("pca", &pca);
  emscripten::function("principalAngle", &principal_angle);
  emscripten::function("activationCurve", &activation_curve);
  emscripten::class_<NetHandle>("Net")
      .class_function("create", &NetHandle::create, emscripten::allow_raw_pointers())
      .function("parameterCount", &NetHandle::parameter_count)
      .function("layers", &NetHandle::layers)
      .function("activations", &NetHandle::activations)
      .function("lossName", &NetHandle::loss_name)
      .function("seed", &NetHandle::seed)
      .function("affineA", &NetHandle::affine_a)
      .function("affineC", &NetHandle::affine_c)
      .function("fit", &NetHandle::fit)
      .function("predict", &NetHandle::predict)
      .function("loss", &NetHandle::loss)
      .function("gradients", &NetHandle::gradients)
      .function("parameters", &NetHandle::parameters)
      .function("setParameters", &NetHandle::set_parameters)
      .function("layerOutputs", &NetHandle::layer_outputs)
      .function("collapse", &NetHandle::collapse)
      .function("collapseDeviation", &NetHandle::collapse_deviation)
      .function("linearPieces", &NetHandle::linear_pieces)
      .function("fitSynthetic", &NetHandle::fit_synthetic)
      .function("syntheticProbe", &NetHandle::synthetic_probe);
}
