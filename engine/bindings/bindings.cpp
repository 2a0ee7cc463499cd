// Embind glue: the engine's public entries for JS (web/engine.js wraps these; docs/api.md is
// the API users see). Bulk data crosses by pointer into buffers the engine owns: JS writes
// its Float32Arrays into them (HEAPF32.set) and results come back as copies
// (typed_memory_view(...).slice()), never as views that memory growth could detach.
//
// Errors are values. Every entry is registered through Safe<> (below), which runs it inside a
// try block: a C++ exception is caught here, its message kept and a flag in WASM memory raised,
// and the entry returns a placeholder (undefined, NaN, null or 0). So every call returns
// normally: Embind frees what it made for the arguments (the copies of strings, the handles of
// vals) and the WASM stack pointer comes back as on any return. Nothing throws through
// WebAssembly frames. web/engine.js reads the flag after every call (one 32-bit load) and, when
// it is raised, takes the message (takeError) and throws `new Error(message)` in JS.
//
// The engine validates values here and in engine/ (ranges, names, finiteness); the wrapper
// checks only types and shapes, and reads the engine's limits and name lists from `limits()`,
// `names()` and `defaults()`.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "analysis.h"
#include "dataset.h"
#include "engine_limits.h"
#include "entry.h"
#include "input_features.h"
#include "kernels.h"
#include "network.h"
#include "synthetic.h"

using emscripten::val;

namespace {

// ---------------------------------------------------------------- errors as values

// Raised (1) by a failed entry and lowered by the next entry or by take_error(). 32 bits, so
// that JS reads it as HEAP32[address >> 2].
int32_t g_error_pending = 0;
std::string g_error;  // the failed entry's message, until take_error()

void set_error(const char* message) noexcept {
  try {
    g_error = message;
  } catch (...) {  // no memory for the message: the flag alone still makes JS throw
    g_error.clear();
  }
  g_error_pending = 1;
}

// What a failed entry returns; JS never looks at it (it throws instead).
template <typename R>
R failed() {
  if constexpr (std::is_same_v<R, val>)
    return val::undefined();
  else if constexpr (std::is_floating_point_v<R>)
    return std::numeric_limits<R>::quiet_NaN();
  else if constexpr (!std::is_void_v<R>)
    return R{};  // 0, nullptr (JS null: a failed Net.create makes no handle), ""
}

// The exception being handled, reported as the failed entry's error: one function for every
// entry (rethrown and caught here), so that each entry's own handler is a single catch-all.
// `name` is the entry's registered name: an allocation that fails despite the checks (the
// WebAssembly memory cannot grow) is reported naming the call, never as a bare std::bad_alloc.
[[gnu::noinline]] void report_exception(const char* name) noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    try {
      set_error((std::string(name) + ": out of memory (the WebAssembly memory could not grow); use smaller inputs").c_str());
    } catch (...) {
      set_error("engine: out of memory");
    }
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("engine: unknown error");
  }
}

template <typename F>
auto guarded(const char* name, F&& f) noexcept -> decltype(f()) {
  using R = decltype(f());
  g_error_pending = 0;
  try {
    return f();
  } catch (...) {
    report_exception(name);
  }
  return failed<R>();
}

// The JS name each entry is registered under (set by def*), for the out-of-memory message.
template <auto F>
struct EntryName {
  static inline const char* value = "engine";
};

// Safe<&f>::call has f's signature (a member function takes its object as the first argument,
// which Embind accepts as a method) and runs f through guarded().
template <auto F>
struct Safe;
template <typename R, typename... A, R (*F)(A...)>
struct Safe<F> {
  static R call(A... a) {
    return guarded(EntryName<F>::value, [&]() -> R { return F(std::forward<A>(a)...); });
  }
};
template <typename R, typename C, typename... A, R (C::*F)(A...)>
struct Safe<F> {
  static R call(C& self, A... a) {
    return guarded(EntryName<F>::value, [&]() -> R { return (self.*F)(std::forward<A>(a)...); });
  }
};
template <typename R, typename C, typename... A, R (C::*F)(A...) const>
struct Safe<F> {
  static R call(const C& self, A... a) {
    return guarded(EntryName<F>::value, [&]() -> R { return (self.*F)(std::forward<A>(a)...); });
  }
};

// The names registered through Safe<>, for entries(): web/engine.js checks the error flag after
// every one of them, whatever it calls. Made on first use: EMSCRIPTEN_BINDINGS is a
// __attribute__((constructor)) function, which may run before this file's global initialisers.
struct Registered {
  std::vector<std::string> functions, net_statics, net_methods;
};
Registered& registered() {
  static Registered r;
  return r;
}

template <auto F, typename... Policies>
void def(const char* name, Policies... policies) {
  emscripten::function(name, &Safe<F>::call, policies...);
  EntryName<F>::value = name;
  registered().functions.emplace_back(name);
}
template <auto F, typename Class, typename... Policies>
void def_static(const Class& c, const char* name, Policies... policies) {
  c.class_function(name, &Safe<F>::call, policies...);
  EntryName<F>::value = name;
  registered().net_statics.emplace_back(name);
}
template <auto F, typename Class>
void def_method(const Class& c, const char* name) {
  c.function(name, &Safe<F>::call);
  EntryName<F>::value = name;
  registered().net_methods.emplace_back(name);
}

// The error channel itself (registered directly: these cannot fail).
uintptr_t error_flag() { return reinterpret_cast<uintptr_t>(&g_error_pending); }
std::string take_error() {
  g_error_pending = 0;
  std::string message;
  message.swap(g_error);
  return message;
}

// ---------------------------------------------------------------- helpers

template <typename Container>
val string_array(const Container& names) {
  val out = val::array();
  for (const auto& s : names) out.call<void>("push", val(std::string(s)));
  return out;
}

val float_array(const float* data, size_t n) { return val(emscripten::typed_memory_view(n, data)).call<val>("slice"); }

using nlp::js_number;

// A staged array of `count` floats, every one finite (nlp::finite, engine/entry.h).
const float* finite(uintptr_t p, size_t count, const char* field) {
  return nlp::finite(reinterpret_cast<const float*>(p), count, field);
}

// Staging buffers JS writes inputs into: one per slot, grown, never shrunk, at most
// kMaxStagingFloats each. `field` names the array for the error.
constexpr int kSlots = 3;
std::vector<float> g_stage[kSlots];

uintptr_t stage(int slot, double count, const std::string& field) {
  if (slot < 0 || slot >= kSlots) throw std::invalid_argument("stage: slot " + std::to_string(slot));
  if (!(count >= 0) || count > nlp::kMaxStagingFloats)
    throw std::invalid_argument(field + ": " + std::to_string(std::llround(count)) + " values, more than the " +
                                std::to_string(std::llround(nlp::kMaxStagingFloats)) +
                                " one array can hold (engine.limits.stagingFloats)");
  auto& v = g_stage[slot];
  if (v.size() < size_t(count)) v.resize(size_t(count));
  return reinterpret_cast<uintptr_t>(v.data());
}

// ---------------------------------------------------------------- metadata

std::string version() { return NLP_VERSION; }

val names() {
  val o = val::object();
  o.set("activations", string_array(nlp::activation_names()));
  o.set("datasets", string_array(nlp::dataset_names()));
  o.set("datasetKinds", string_array(nlp::dataset_kind_names()));
  o.set("losses", string_array(nlp::loss_names()));
  o.set("optimizers", string_array(nlp::optimizer_names()));
  o.set("features", string_array(nlp::feature_names()));
  return o;
}

// engine_limits.h, for engine.limits (docs/api.md).
val limits() {
  val o = val::object();
  o.set("unitsPerLayer", nlp::kMaxUnits);
  o.set("hiddenLayers", nlp::kMaxHidden);
  o.set("layers", nlp::kMaxLayers);
  o.set("nameLength", nlp::kMaxNameLength);
  o.set("datasetSamples", nlp::kMaxDatasetSamples);
  o.set("workspaceFloats", nlp::kMaxWorkspaceFloats);
  o.set("stagingFloats", nlp::kMaxStagingFloats);
  o.set("stagingBytes", nlp::kMaxStagingFloats * double(sizeof(float)));
  o.set("linearRegions", nlp::kMaxLinearRegions);
  o.set("linearPiecesWork", nlp::kMaxLinearPiecesWork);
  o.set("callWork", nlp::kMaxCallWork);
  o.set("analysisWork", nlp::kMaxAnalysisWork);
  o.set("bestLinePoints", nlp::kMaxBestLinePoints);
  o.set("curvePoints", nlp::kMaxCurvePoints);
  o.set("featurePoints", nlp::kMaxFeaturePoints);
  return o;
}

// The engine's defaults, which the wrapper fills in for omitted options: { affine: { a, c },
// train: { epochs, batchSize, learningRate, optimizer, l1, l2 } }.
val defaults() {
  const nlp::AffineParams affine;
  val a = val::object();
  a.set("a", affine.a);
  a.set("c", affine.c);
  const nlp::TrainOptions options;
  val t = val::object();
  t.set("epochs", options.epochs);
  t.set("batchSize", options.batch_size);
  t.set("learningRate", options.learning_rate);
  t.set("optimizer", nlp::TrainOptions::optimizer_name(options.optimizer));
  t.set("l1", options.l1);
  t.set("l2", options.l2);
  val o = val::object();
  o.set("affine", a);
  o.set("train", t);
  return o;
}

val entries() {
  val o = val::object();
  o.set("functions", string_array(registered().functions));
  o.set("netStatics", string_array(registered().net_statics));
  o.set("netMethods", string_array(registered().net_methods));
  return o;
}

// ---------------------------------------------------------------- datasets and analyses

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
  return dataset_to_val(nlp::make_dataset(name, n, noise, uint64_t(seed)));
}

val split_dataset(uintptr_t x, uintptr_t y, int n, int inputs, int outputs, const std::string& kind, double ratio,
                  double seed) {
  nlp::Dataset d;
  d.inputs = inputs;
  d.outputs = outputs;
  d.kind = nlp::dataset_kind_from_name(kind, "data.kind");
  nlp::check_samples(n, 3.0 * (double(inputs) + outputs), "data.x", "floats each");  // the copies
  if (n > nlp::kMaxDatasetSamples)  // also bounds its time: about 0.15 s at the limit here
    throw std::invalid_argument("data.x: " + std::to_string(n) + " samples, more than " +
                                std::to_string(nlp::kMaxDatasetSamples) + " (engine.limits.datasetSamples)");
  const float* xs = finite(x, size_t(n) * size_t(inputs), "data.x");
  const float* ys = finite(y, size_t(n) * size_t(outputs), "data.y");
  d.x.assign(xs, xs + size_t(n) * size_t(inputs));
  d.y.assign(ys, ys + size_t(n) * size_t(outputs));
  auto s = nlp::split_dataset(d, ratio, uint64_t(seed));
  val o = val::object();
  o.set("train", dataset_to_val(s.train));
  o.set("test", dataset_to_val(s.test));
  return o;
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
  // the float copies of x and y, and the double design and target matrices
  nlp::check_samples(n, 3.0 * (double(inputs) + outputs + 1), "x", "floats each");
  nlp::check_work(double(n) * (inputs + 1.0) * (inputs + 1.0 + outputs), "leastSquares",
                  std::to_string(n) + " samples x " + std::to_string(inputs + 1) + " columns x " + std::to_string(inputs + 1 + outputs),
                  nlp::kMaxAnalysisWork, "analysisWork");
  const float* xp = finite(x, size_t(n) * size_t(inputs), "x");
  const float* yp = finite(y, size_t(n) * size_t(outputs), "y");
  std::vector<float> xs(xp, xp + size_t(n) * size_t(inputs));
  std::vector<float> ys(yp, yp + size_t(n) * size_t(outputs));
  auto ls = nlp::least_squares(xs, ys, inputs, outputs);
  val o = affine_to_val(ls.map);
  o.set("loss", ls.loss);
  return o;
}

val pca(uintptr_t x, int n, int dim) {
  nlp::check_samples(n, 3.0 * dim, "x", "floats each");  // the float copy and the double matrix
  nlp::check_work(double(n) * dim * dim, "pca", std::to_string(n) + " samples x " + std::to_string(dim) + "^2",
                  nlp::kMaxAnalysisWork, "analysisWork");
  const float* xp = finite(x, size_t(n) * size_t(dim), "x");
  std::vector<float> xs(xp, xp + size_t(n) * size_t(dim));
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
}

// The best accuracy any straight line (inputs 2) or threshold (inputs 1) reaches on n points
// with labels +1/-1 (docs/api.md), a fraction.
double best_line_accuracy(uintptr_t x, uintptr_t y, int n, int inputs) {
  const float* xp = finite(x, size_t(n) * size_t(inputs), "x");
  const float* yp = finite(y, size_t(n), "y");
  std::vector<float> xs(xp, xp + size_t(n) * size_t(inputs));
  std::vector<float> ys(yp, yp + size_t(n));
  return nlp::best_line_accuracy(xs, ys, inputs).accuracy;
}

// Rows of A (p, dim) and B (q, dim), row-major, span the two subspaces.
double principal_angle(uintptr_t a, int p, uintptr_t b, int q, int dim) {
  // 8 x: its two QR decompositions and the SVD, measured (docs/api.md "Time")
  nlp::check_work(8.0 * (p + q) * (p + q) * dim, "principalAngle",
                  "8 x (" + std::to_string(p) + " + " + std::to_string(q) + " rows)^2 x " + std::to_string(dim),
                  nlp::kMaxAnalysisWork, "analysisWork");
  const float* ap = finite(a, size_t(p) * size_t(dim), "A");
  const float* bp = finite(b, size_t(q) * size_t(dim), "B");
  Eigen::MatrixXd A(dim, p), B(dim, q);
  for (int i = 0; i < p; ++i)
    for (int d = 0; d < dim; ++d) A(d, i) = ap[i * dim + d];
  for (int i = 0; i < q; ++i)
    for (int d = 0; d < dim; ++d) B(d, i) = bp[i * dim + d];
  return nlp::principal_angle_degrees(A, B);
}

// f and f' of one activation at `count` points staged at x.
val activation_curve(const std::string& name, uintptr_t x, int count, double a, double c) {
  const auto f = nlp::Activation::from_name(name, {a, c});
  if (count > nlp::kMaxCurvePoints)
    throw std::invalid_argument("xs: " + std::to_string(count) + " points, more than " + std::to_string(nlp::kMaxCurvePoints) +
                                " (engine.limits.curvePoints)");
  const float* xs = finite(x, size_t(count), "xs");
  std::vector<float> value(static_cast<size_t>(count)), derivative(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    value[size_t(i)] = float(f.value(xs[i]));
    derivative[size_t(i)] = float(f.derivative(xs[i]));
  }
  val o = val::object();
  o.set("value", float_array(value.data(), value.size()));
  o.set("derivative", float_array(derivative.data(), derivative.size()));
  return o;
}

// The input features `names` (engine/input_features.h) at n points (x1, x2) staged at x: (n, k) row-major.
val features(val names, uintptr_t x, int n) {
  nlp::check_feature_count(size_t(names["length"].as<double>()), "features");  // before the list is read
  const auto list = emscripten::vecFromJSArray<std::string>(names);
  const auto fs = nlp::features_from_names(list, "features");
  nlp::check_feature_points(n, "x");
  const float* xs = finite(x, size_t(n) * 2, "x");
  const auto out = nlp::compute_features(fs, xs, n, "x");
  return float_array(out.data(), out.size());
}

// ---------------------------------------------------------------- networks

class NetHandle {
 public:
  static NetHandle* create(val layers, val activations, double a, double c, const std::string& loss, double seed) {
    // Counts before copies: a list past the limit is refused before it is read.
    nlp::check_layer_count(size_t(layers["length"].as<double>()), "layers");
    nlp::check_layer_count(size_t(activations["length"].as<double>()), "activations");
    nlp::NetworkConfig config;
    config.layers = emscripten::vecFromJSArray<int>(layers);
    config.activations = emscripten::vecFromJSArray<std::string>(activations);
    config.affine = {a, c};
    config.loss = loss;
    config.seed = uint64_t(seed);
    return new NetHandle(config);
  }
  ~NetHandle() { --live_; }
  static int live() { return live_; }  // handles created and not yet deleted

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
    nlp::TrainOptions o;
    o.epochs = epochs;
    o.batch_size = batch;
    o.learning_rate = lr;
    o.optimizer = nlp::TrainOptions::optimizer_from_name(optimizer);
    o.l1 = l1;
    o.l2 = l2;
    check_epochs_work("fit", epochs, n);
    return net_.fit(xs(x, n), ys(y, n), n, o);
  }

  val predict(uintptr_t x, int n) {
    nlp::check_samples(n, net_.outputs(), "x", "outputs");
    check_pass_work("predict", n);
    const float* in = xs(x, n);
    out_.resize(size_t(n) * size_t(net_.outputs()));
    net_.predict(in, n, out_.data());
    return float_array(out_.data(), out_.size());
  }

  double loss(uintptr_t x, uintptr_t y, int n) {
    check_pass_work("loss", n);
    return net_.loss(xs(x, n), ys(y, n), n);
  }

  val gradients(uintptr_t x, uintptr_t y, int n) {
    check_pass_work("gradients", n);
    net_.gradients(xs(x, n), ys(y, n), n);
    return float_array(net_.gradient_buffer().data(), size_t(net_.gradient_buffer().size()));
  }

  val parameters() const { return float_array(net_.parameters().data(), size_t(net_.parameters().size())); }

  // `count` floats in the parameter layout; a non-finite one is reported by its place in the
  // { W, b } layers of `field` (weights or json.weights), e.g. "weights[1].b[0]".
  void set_parameters(uintptr_t p, int count, const std::string& field) {
    if (count != parameter_count())
      throw std::invalid_argument(field + ": " + std::to_string(count) + " values given, the net has " +
                                  std::to_string(parameter_count()));
    const float* v = reinterpret_cast<const float*>(p);
    const auto bad = nlp::kernels::first_non_finite(v, count);
    if (bad >= 0) {
      int l = 0;
      while (l + 1 < net_.num_layers() && bad >= net_.w_offset(l + 1)) ++l;
      const bool in_W = bad < net_.b_offset(l);
      const auto k = bad - (in_W ? net_.w_offset(l) : net_.b_offset(l));
      throw std::invalid_argument(field + "[" + std::to_string(l) + "]." + (in_W ? "W" : "b") + "[" +
                                  std::to_string(k) + "]: " + js_number(v[bad]) + " is not a finite number");
    }
    net_.parameters() = Eigen::Map<const Eigen::VectorXf>(v, count);
  }

  val layer_outputs(uintptr_t x, int n, bool pre) {
    nlp::check_samples(n, double(net_.unit_count()), "x", "units");
    check_pass_work("layerOutputs", n);
    auto outs = net_.layer_outputs(xs(x, n), n, pre);
    val arr = val::array();
    for (const auto& m : outs) arr.call<void>("push", float_array(m.data(), size_t(m.size())));  // (n, units)
    return arr;
  }

  double collapse_deviation(uintptr_t x, int n) {
    check_pass_work("collapseDeviation", n);
    return nlp::collapse_deviation(net_, xs(x, n), n);
  }

  val collapse() const { return affine_to_val(nlp::collapse(net_)); }

  // Synthetic-gradient training (engine/synthetic.h); the trainer lives as long as the net
  // and is made anew when the cut changes.
  val fit_synthetic(uintptr_t x, uintptr_t y, int n, int epochs, int batch, double lr, double model_rate, int cut) {
    nlp::TrainOptions o;
    o.epochs = epochs;
    o.batch_size = batch;
    o.learning_rate = lr;
    check_epochs_work("fitSynthetic", epochs, n, 4);
    auto& sg = synthetic(cut);
    const nlp::SyntheticStats stats = sg.fit(xs(x, n), ys(y, n), n, o, model_rate);
    val out = val::object();
    out.set("loss", stats.loss);
    out.set("cosine", stats.cosine);
    out.set("modelError", stats.model_error);
    return out;
  }

  // The first min(count, n) samples' true and predicted gradients at the cut.
  val synthetic_probe(uintptr_t x, uintptr_t y, int n, int count, int cut) {
    if (count < 1) throw std::invalid_argument("count: " + std::to_string(count) + " must be >= 1");
    auto& sg = synthetic(cut);
    nlp::check_samples(std::min(count, n), double(net_.unit_count()), "count", "units");
    check_pass_work("syntheticProbe", n);
    Eigen::MatrixXf truth, predicted;  // (units, count): column-major = row-major (count, units)
    sg.probe(xs(x, n), ys(y, n), std::min(count, n), truth, predicted);
    val out = val::object();
    out.set("truth", float_array(truth.data(), size_t(truth.size())));
    out.set("predicted", float_array(predicted.data(), size_t(predicted.size())));
    out.set("units", int(truth.rows()));
    return out;
  }

  val linear_pieces(double lo, double hi) const {
    auto p = nlp::count_linear_pieces(net_, lo, hi);
    val o = val::object();
    o.set("count", p.count);
    val kinks = val::array();
    for (double k : p.kinks) kinks.call<void>("push", k);
    o.set("kinks", kinks);
    return o;
  }

 private:
  explicit NetHandle(const nlp::NetworkConfig& config) : net_(config) { ++live_; }
  // x (n, inputs) and y (n, outputs) as staged, checked finite.
  const float* xs(uintptr_t x, int n) const { return finite(x, size_t(n) * size_t(net_.inputs()), "x"); }
  const float* ys(uintptr_t y, int n) const { return finite(y, size_t(n) * size_t(net_.outputs()), "y"); }
  nlp::SyntheticGradients& synthetic(int cut) {
    if (!synthetic_ || synthetic_->cut() != cut) synthetic_ = std::make_unique<nlp::SyntheticGradients>(net_, cut);
    return *synthetic_;
  }
  // The work of one pass over n samples, and of `epochs` of them (kMaxCallWork).
  void check_pass_work(const char* call, int n) const {
    nlp::check_work(double(n) * parameter_count(), call,
                    std::to_string(n) + " samples x " + std::to_string(parameter_count()) + " parameters");
  }
  void check_epochs_work(const char* call, int epochs, int n, int factor = 1) const {
    nlp::check_work(double(factor) * epochs * n * parameter_count(), call,
                    (factor > 1 ? std::to_string(factor) + " x " : std::string()) + std::to_string(epochs) + " epochs x " +
                        std::to_string(n) + " samples x " + std::to_string(parameter_count()) + " parameters");
  }
  nlp::Network<float> net_;
  std::vector<float> out_;
  std::unique_ptr<nlp::SyntheticGradients> synthetic_;
  inline static int live_ = 0;
};

// ---------------------------------------------------------------- diagnostics (tests)

// Bytes of the WASM heap in use (emmalloc's mallinfo: allocated regions, exact to the byte): a
// leak of a few bytes per call shows here long before memory has to grow by a 64 KiB page.
double heap_in_use() { return double(mallinfo().uordblks); }
int live_networks() { return NetHandle::live(); }

}  // namespace

EMSCRIPTEN_BINDINGS(nlp) {
  emscripten::function("errorFlag", &error_flag);
  emscripten::function("takeError", &take_error);
  def<&entries>("entries");
  def<&version>("version");
  def<&names>("names");
  def<&limits>("limits");
  def<&defaults>("defaults");
  def<&stage>("stage");
  def<&make_dataset>("dataset");
  def<&split_dataset>("split");
  def<&least_squares>("leastSquares");
  def<&pca>("pca");
  def<&principal_angle>("principalAngle");
  def<&best_line_accuracy>("bestLineAccuracy");
  def<&activation_curve>("activationCurve");
  def<&features>("features");
  def<&heap_in_use>("heapInUse");
  def<&live_networks>("liveNetworks");
  const auto net = emscripten::class_<NetHandle>("Net");
  def_static<&NetHandle::create>(net, "create", emscripten::allow_raw_pointers());
  def_method<&NetHandle::parameter_count>(net, "parameterCount");
  def_method<&NetHandle::layers>(net, "layers");
  def_method<&NetHandle::activations>(net, "activations");
  def_method<&NetHandle::loss_name>(net, "lossName");
  def_method<&NetHandle::seed>(net, "seed");
  def_method<&NetHandle::affine_a>(net, "affineA");
  def_method<&NetHandle::affine_c>(net, "affineC");
  def_method<&NetHandle::fit>(net, "fit");
  def_method<&NetHandle::predict>(net, "predict");
  def_method<&NetHandle::loss>(net, "loss");
  def_method<&NetHandle::gradients>(net, "gradients");
  def_method<&NetHandle::parameters>(net, "parameters");
  def_method<&NetHandle::set_parameters>(net, "setParameters");
  def_method<&NetHandle::layer_outputs>(net, "layerOutputs");
  def_method<&NetHandle::collapse>(net, "collapse");
  def_method<&NetHandle::collapse_deviation>(net, "collapseDeviation");
  def_method<&NetHandle::linear_pieces>(net, "linearPieces");
  def_method<&NetHandle::fit_synthetic>(net, "fitSynthetic");
  def_method<&NetHandle::synthetic_probe>(net, "syntheticProbe");
}
