// The float fast path (kernels.h, Network<float>) against the generic Eigen path (Network<double>)
// on random shapes and batch sizes, every activation, every loss.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "kernels.h"
#include "network.h"
#include "test_helpers.h"

using nlp::Network;
using nlp::NetworkConfig;

using nlp_test::to_float;

namespace {

// Largest |a - b| / (1 + |b|).
template <typename A, typename B>
double max_difference(const A& a, const B& b) {
  double worst = 0;
  for (size_t i = 0; i < size_t(a.size()); ++i)
    worst = std::max(worst, std::abs(double(a[i]) - double(b[i])) / (1 + std::abs(double(b[i]))));
  return worst;
}

struct Twins {
  Network<float> f;
  Network<double> d;
  explicit Twins(const NetworkConfig& c) : f(c), d(c) { d.set_parameters(f.parameters().cast<double>()); }
};

// Labels fitting the loss: one-hot for softmax, +1/-1 for bce, anything for mse.
std::vector<double> labels(const std::string& loss, int outputs, Eigen::Index n, uint64_t seed) {
  auto y = nlp_test::random_vector(size_t(outputs * n), seed);
  for (Eigen::Index j = 0; j < n; ++j)
    for (int k = 0; k < outputs; ++k) {
      double& v = y[size_t(j * outputs + k)];
      if (loss == "softmax") v = k == int(j % outputs) ? 1 : 0;
      if (loss == "bce") v = v > 0 ? 1 : -1;
    }
  return y;
}

// predict, loss, gradients and layer_outputs of the float twin against the double one.
void check_twins(Twins& t, Eigen::Index n, uint64_t seed) {
  const int in = t.f.inputs(), out = t.f.outputs();
  const auto x = nlp_test::random_vector(size_t(in * n), seed, -2, 2);
  const auto y = labels(t.f.config().loss, out, n, seed + 1);
  const auto xf = to_float(x), yf = to_float(y);

  std::vector<float> pf(size_t(out * n));
  std::vector<double> pd(size_t(out * n));
  t.f.predict(xf.data(), n, pf.data());
  t.d.predict(x.data(), n, pd.data());
  CHECK(max_difference(pf, pd) < 1e-5);

  CHECK(std::abs(t.f.loss(xf.data(), yf.data(), n) - t.d.loss(x.data(), y.data(), n)) < 1e-5);

  const double lf = t.f.gradients(xf.data(), yf.data(), n);
  const double ld = t.d.gradients(x.data(), y.data(), n);
  CHECK(std::abs(lf - ld) < 1e-5);
  CHECK(max_difference(t.f.gradient_buffer(), t.d.gradient_buffer()) < 1e-5);

  const auto af = t.f.layer_outputs(xf.data(), n);
  const auto ad = t.d.layer_outputs(x.data(), n);
  for (size_t l = 0; l < af.size(); ++l) CHECK(max_difference(af[l].reshaped(), ad[l].reshaped()) < 1e-5);
  // Pre-activations Z (the warp scene's W x + b) agree too.
  const auto zf = t.f.layer_outputs(xf.data(), n, true);
  const auto zd = t.d.layer_outputs(x.data(), n, true);
  for (size_t l = 0; l < zf.size(); ++l) CHECK(max_difference(zf[l].reshaped(), zd[l].reshaped()) < 1e-5);
}

}  // namespace

TEST_CASE("fast path: every activation, hidden and output, on random shapes and batch sizes") {
  const std::vector<std::vector<int>> shapes = {{2, 4, 2, 1}, {3, 1, 5}, {1, 7, 13, 3}, {5, 64, 6, 2}, {4, 9, 8, 4}};
  const Eigen::Index batches[] = {1, 3, 10, 17, 300};  // 300: more than one 256-sample chunk
  uint64_t seed = 1;
  for (const auto& name : nlp::activation_names()) {
    SUBCASE(name.c_str()) {
      for (size_t s = 0; s < shapes.size(); ++s) {
        NetworkConfig c = NetworkConfig::uniform(shapes[s], name, s % 2 ? name : "linear", ++seed);
        c.affine = {1.3, -0.2};
        Twins t(c);
        for (Eigen::Index n : batches) {
          CAPTURE(s);
          CAPTURE(n);
          check_twins(t, n, seed * 100 + uint64_t(n));
        }
      }
    }
  }
}

TEST_CASE("fast path: bce and softmax losses") {
  for (const char* loss : {"bce", "softmax"}) {
    SUBCASE(loss) {
      NetworkConfig c = NetworkConfig::uniform({3, 8, 8, 4}, "tanh", std::string(loss) == "bce" ? "sigmoid" : "linear", 7);
      c.loss = loss;
      Twins t(c);
      for (Eigen::Index n : {Eigen::Index(1), Eigen::Index(10), Eigen::Index(33)}) {
        CAPTURE(n);
        check_twins(t, n, 40 + uint64_t(n));
      }
    }
  }
}

TEST_CASE("fast path: training follows the generic path, for every optimizer and regularisation") {
  const Eigen::Index n = 40;
  const auto x = nlp_test::random_vector(size_t(2 * n), 3, -2, 2);
  const auto y = nlp_test::random_vector(size_t(n), 4);
  const auto xf = to_float(x), yf = to_float(y);
  for (const char* opt : {"sgd", "momentum", "adam"}) {
    SUBCASE(opt) {
      Twins t(NetworkConfig::uniform({2, 8, 8, 1}, "tanh", "tanh", 5));
      nlp::TrainOptions o;
      o.optimizer = nlp::TrainOptions::optimizer_from_name(opt);
      o.learning_rate = 0.01;
      o.batch_size = 7;  // a last batch of 5
      o.epochs = 3;
      o.l1 = 1e-3;
      o.l2 = 1e-2;
      const double lf = t.f.fit(xf.data(), yf.data(), n, o);
      const double ld = t.d.fit(x.data(), y.data(), n, o);
      CHECK(std::abs(lf - ld) < 1e-5);
      CHECK(max_difference(t.f.parameters(), t.d.parameters()) < 1e-5);
    }
  }
}

TEST_CASE("fast path: batches are padded to whole vectors") {
  using nlp::kernels::kLanes;
  using nlp::kernels::padded;
  CHECK(padded(1) == kLanes);
  CHECK(padded(kLanes) == kLanes);
  CHECK(padded(kLanes + 1) == 2 * kLanes);
}

TEST_CASE("first_non_finite finds the first NaN or infinity, -1 when there is none") {
  std::vector<float> v(37, 1.5f);
  CHECK(nlp::kernels::first_non_finite(v.data(), 37) == -1);
  CHECK(nlp::kernels::first_non_finite(v.data(), 0) == -1);
  const float bad[] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                       -std::numeric_limits<float>::infinity()};
  for (float b : bad)
    for (int at : {0, 3, 17, 36}) {
      CAPTURE(at);
      auto w = v;
      w[size_t(at)] = b;
      w[36] = b;  // a later one does not hide the first
      CHECK(nlp::kernels::first_non_finite(w.data(), 37) == at);
    }
  v[5] = std::numeric_limits<float>::max();
  v[6] = std::numeric_limits<float>::denorm_min();
  CHECK(nlp::kernels::first_non_finite(v.data(), 37) == -1);
}
