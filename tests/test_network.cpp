// Claims cited as C1..C15, and "the thread" (the question-and-answer thread the playground
// answers), are defined in docs/claims.md.
#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

#include "dataset.h"
#include "network.h"
#include "test_helpers.h"

using nlp::Network;
using nlp::NetworkConfig;
using nlp::TrainOptions;

// Counts heap allocations, to prove a training step makes none.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
static std::atomic<long> g_allocations{0};
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using nlp_test::sgd;
using nlp_test::to_float;

TEST_CASE("network shape and flat parameter layout") {
  Network<float> net(NetworkConfig::uniform({3, 5, 4, 2}, "tanh"));
  CHECK(net.num_layers() == 3);
  CHECK(net.parameters().size() == 3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2);
  CHECK(net.W(1).rows() == 4);
  CHECK(net.W(1).cols() == 5);
  // W_1 row-major (out, in) starts right after b_0.
  CHECK(net.w_offset(1) == 3 * 5 + 5);
  net.parameters()[net.w_offset(1) + 1] = 42.f;  // row 0, column 1
  CHECK(net.W(1)(0, 1) == 42.f);
  CHECK(net.b(2)(1) == doctest::Approx(0.1f));
}

TEST_CASE("predict is W x + b per layer, samples as rows") {
  Network<double> net(NetworkConfig::uniform({2, 3, 1}, "tanh", "linear", 4));
  const double x[] = {0.5, -1.0, 2.0, 0.25};
  double out[2];
  net.predict(x, 2, out);
  for (int i = 0; i < 2; ++i) {
    Eigen::Vector2d xi(x[2 * i], x[2 * i + 1]);
    Eigen::VectorXd h = (net.W(0) * xi + net.b(0)).array().tanh().matrix();
    double expect = (net.W(1) * h + net.b(1))(0);
    CHECK(out[i] == doctest::Approx(expect).epsilon(1e-12));
  }
}

// Every activation at every layer position (first hidden, middle hidden, output), against
// central differences in double precision. Random inputs keep pre-activations off the kinks.
TEST_CASE("layer_outputs: activations A_l, and with pre the pre-activations Z_l = W_l A_{l-1} + b_l") {
  Network<double> net(NetworkConfig::uniform({2, 3, 2}, "tanh", "sigmoid", 6));
  const double x[] = {0.5, -1.0, 2.0, 0.25, -3.0, 1.5};
  const auto A = net.layer_outputs(x, 3);
  const auto Z = net.layer_outputs(x, 3, true);
  for (int i = 0; i < 3; ++i) {
    const Eigen::Vector2d xi(x[2 * i], x[2 * i + 1]);
    const Eigen::VectorXd z0 = net.W(0) * xi + net.b(0);
    CHECK((Z[0].col(i) - z0).cwiseAbs().maxCoeff() < 1e-12);
    CHECK((A[0].col(i) - z0.array().tanh().matrix()).cwiseAbs().maxCoeff() < 1e-12);
    const Eigen::VectorXd z1 = net.W(1) * A[0].col(i) + net.b(1);
    CHECK((Z[1].col(i) - z1).cwiseAbs().maxCoeff() < 1e-12);
  }
}

TEST_CASE("gradients match finite differences for every activation at every layer position") {
  const int n = 6;
  const auto x = nlp_test::random_vector(3 * n, 21, -1.5, 1.5);
  const auto y = nlp_test::random_vector(2 * n, 22, -1, 1);
  for (const auto& name : nlp::activation_names()) {
    SUBCASE(name.c_str()) {
      for (int position = 0; position < 3; ++position) {
        CAPTURE(position);
        NetworkConfig config;
        config.layers = {3, 4, 5, 2};
        config.activations = {"tanh", "sigmoid", "linear"};
        config.activations[size_t(position)] = name;
        config.affine = {1.7, -0.3};
        config.seed = 5 + uint64_t(position);
        Network<double> net(config);
        CHECK(nlp_test::gradient_check(net, x, y) < 1e-6);
      }
    }
  }
}

TEST_CASE("a 12-hidden-layer net of 256-unit layers builds, predicts and has exact gradients") {
  std::vector<int> layers{2};
  for (int i = 0; i < 12; ++i) layers.push_back(i == 5 ? 256 : 6);
  layers.push_back(1);
  Network<double> net(NetworkConfig::uniform(layers, "tanh", "linear", 3));
  const auto x = nlp_test::random_vector(2 * 4, 1);
  const auto y = nlp_test::random_vector(4, 2);
  CHECK(nlp_test::gradient_check(net, x, y) < 1e-6);
}

TEST_CASE("float and double builds of the same net agree") {
  auto config = NetworkConfig::uniform({2, 8, 8, 1}, "tanh", "linear", 9);
  Network<float> f(config);
  Network<double> d(config);
  d.set_parameters(f.parameters().cast<double>());
  const auto x = nlp_test::random_vector(2 * 50, 3, -6, 6);
  const auto y = nlp_test::random_vector(50, 4);
  const auto xf = to_float(x), yf = to_float(y);
  f.gradients(xf.data(), yf.data(), 50);
  d.gradients(x.data(), y.data(), 50);
  CHECK((f.gradient_buffer().cast<double>() - d.gradient_buffer()).cwiseAbs().maxCoeff() < 1e-5);
}

// C3: a tanh net learns XOR; a deep linear net of the same shape cannot.
TEST_CASE("XOR: 2-8-8-1 tanh reaches >= 97 % training accuracy, the same shape all linear stays <= 80 %") {
  const auto data = nlp::make_dataset("xor", 200, 0.0, 3);
  const auto n = static_cast<Eigen::Index>(data.size());
  double acc[2];
  const char* acts[2] = {"tanh", "linear"};
  for (int k = 0; k < 2; ++k) {
    Network<float> net(NetworkConfig::uniform({2, 8, 8, 1}, acts[k], "linear", 1));
    net.fit(data.x.data(), data.y.data(), n, sgd(0.01, 10, 300));
    std::vector<float> out(static_cast<size_t>(n));
    net.predict(data.x.data(), n, out.data());
    acc[k] = nlp_test::accuracy(out, data.y);
  }
  CHECK(acc[0] >= 0.97);
  CHECK(acc[1] <= 0.80);
}

// C6: a step activation passes no gradient: hidden gradients are exactly 0, hidden weights
// never move, while the output layer still learns.
TEST_CASE("step: hidden-layer gradients are exactly zero and hidden weights never move") {
  const auto data = nlp::make_dataset("circle", 100, 0.0, 2);
  const auto n = static_cast<Eigen::Index>(data.size());
  for (const char* optimizer : {"sgd", "momentum", "adam"}) {
    SUBCASE(optimizer) {
      Network<float> net(NetworkConfig::uniform({2, 6, 6, 1}, "step", "sigmoid", 4));
      net.gradients(data.x.data(), data.y.data(), n);
      for (int l = 0; l < 2; ++l) {
        CHECK(net.dW(l).cwiseAbs().maxCoeff() == 0.0f);
        CHECK(net.db(l).cwiseAbs().maxCoeff() == 0.0f);
      }
      CHECK(net.dW(2).cwiseAbs().maxCoeff() > 0.0f);
      const Eigen::VectorXf before = net.parameters();
      auto o = sgd(0.1, 10, 20);
      o.optimizer = TrainOptions::optimizer_from_name(optimizer);
      net.fit(data.x.data(), data.y.data(), n, o);
      const Eigen::Index hidden_end = net.w_offset(2);
      CHECK((net.parameters().head(hidden_end) - before.head(hidden_end)).cwiseAbs().maxCoeff() == 0.0f);
      CHECK((net.parameters().tail(before.size() - hidden_end) - before.tail(before.size() - hidden_end))
                .cwiseAbs()
                .maxCoeff() > 0.0f);
    }
  }
}

TEST_CASE("seeds: the same seed gives bit-identical weights after training, another seed differs") {
  const auto data = nlp::make_dataset("spiral", 200, 0.1, 5);
  const auto n = static_cast<Eigen::Index>(data.size());
  auto train = [&](uint64_t seed) {
    Network<float> net(NetworkConfig::uniform({2, 6, 6, 1}, "tanh", "tanh", seed));
    auto o = sgd(0.03, 7, 5);
    o.optimizer = nlp::OptimizerKind::Adam;
    net.fit(data.x.data(), data.y.data(), n, o);
    return Eigen::VectorXf(net.parameters());
  };
  const Eigen::VectorXf a = train(17), b = train(17), c = train(18);
  CHECK(std::memcmp(a.data(), b.data(), sizeof(float) * size_t(a.size())) == 0);
  CHECK((a - c).cwiseAbs().maxCoeff() > 1e-3f);
}

TEST_CASE("initialisation: Glorot range for tanh, He range for relu, biases 0.1") {
  Network<double> t(NetworkConfig::uniform({100, 50, 1}, "tanh"));
  Network<double> r(NetworkConfig::uniform({100, 50, 1}, "relu"));
  const double glorot = std::sqrt(6.0 / 150), he = std::sqrt(6.0 / 100);
  CHECK(t.W(0).cwiseAbs().maxCoeff() <= glorot);
  CHECK(t.W(0).cwiseAbs().maxCoeff() > 0.95 * glorot);
  CHECK(r.W(0).cwiseAbs().maxCoeff() <= he);
  CHECK(r.W(0).cwiseAbs().maxCoeff() > 0.95 * he);
  CHECK(std::abs(t.W(0).mean()) < 0.01);
  CHECK(t.b(0).minCoeff() == 0.1);
  CHECK(t.b(0).maxCoeff() == 0.1);
  // Twin networks: the same seed and shape give the same initial weights for linear and tanh.
  Network<double> lin(NetworkConfig::uniform({100, 50, 1}, "linear"));
  CHECK(lin.parameters() == t.parameters());
}

TEST_CASE("a training step allocates nothing once the workspaces exist") {
  const auto data = nlp::make_dataset("spiral", 500, 0.0, 1);
  Network<float> net(NetworkConfig::uniform({2, 8, 8, 8, 1}, "tanh", "tanh", 1));
  auto o = sgd(0.03, 10, 1);
  o.optimizer = nlp::OptimizerKind::Adam;
  net.fit(data.x.data(), data.y.data(), 500, o);  // first call sizes the workspaces
  const long before = g_allocations.load();
  net.fit(data.x.data(), data.y.data(), 500, o);
  o.epochs = 3;
  net.fit(data.x.data(), data.y.data(), 500, o);
  CHECK(g_allocations.load() - before == 0);
}

TEST_CASE("a diverging learning rate gives a non-finite loss, not a crash") {
  const auto data = nlp::make_dataset("plane", 200, 0.0, 1);
  Network<float> net(NetworkConfig::uniform({2, 8, 8, 1}, "linear", "linear", 1));
  double loss = 0;
  for (int i = 0; i < 50 && std::isfinite(loss); ++i) loss = net.fit(data.x.data(), data.y.data(), 200, sgd(1e3, 10));
  CHECK_FALSE(std::isfinite(loss));
  // The net is still usable: predictions run, a reset of the weights makes it train again.
  std::vector<float> out(200);
  CHECK_NOTHROW(net.predict(data.x.data(), 200, out.data()));
}

TEST_CASE("every invalid network configuration throws std::invalid_argument naming the field") {
  auto make = [](std::vector<int> layers, std::vector<std::string> acts, std::string loss = "mse") {
    NetworkConfig c;
    c.layers = std::move(layers);
    c.activations = std::move(acts);
    c.loss = std::move(loss);
    return Network<float>(c);
  };
  CHECK_THROWS_WITH_AS(make({2}, {}), doctest::Contains("layers"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make({2, 0, 1}, {"tanh", "linear"}), doctest::Contains("layers[1] = 0"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make({2, 257, 1}, {"tanh", "linear"}), doctest::Contains("layers[1] = 257"),
                       std::invalid_argument);
  CHECK_THROWS_AS(make({-1, 2}, {"linear"}), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make({2, 3, 1}, {"tanh"}), doctest::Contains("activations"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make({2, 3, 1}, {"tanhh", "linear"}), doctest::Contains("tanhh"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make({2, 3, 1}, {"tanh", "nope"}), doctest::Contains("outputActivation"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make({2, 3, 1}, {"tanh", "linear"}, "hinge"), doctest::Contains("hinge"), std::invalid_argument);
  CHECK_THROWS_AS(make({2, 3, 1}, {"tanh", "linear"}, "bce"), std::invalid_argument);
  CHECK_THROWS_AS(make({2, 3, 1}, {"tanh", "linear"}, "softmax"), std::invalid_argument);
  std::vector<int> deep(19, 3);
  CHECK_THROWS_WITH_AS(make(deep, std::vector<std::string>(18, "tanh")), doctest::Contains("hidden layers"),
                       std::invalid_argument);
  NetworkConfig affine = NetworkConfig::uniform({2, 3, 1}, "affine");
  affine.affine = {NAN, 0};
  CHECK_THROWS_AS(Network<float>{affine}, std::invalid_argument);
}

TEST_CASE("every invalid training option throws std::invalid_argument naming the field") {
  Network<float> net(NetworkConfig::uniform({2, 3, 1}, "tanh"));
  const float x[] = {1, 2, 3, 4}, y[] = {1, -1};
  auto fit = [&](TrainOptions o) { return net.fit(x, y, 2, o); };
  TrainOptions o;
  o.learning_rate = 0;
  CHECK_THROWS_WITH_AS(fit(o), doctest::Contains("learningRate"), std::invalid_argument);
  o.learning_rate = -0.1;
  CHECK_THROWS_AS(fit(o), std::invalid_argument);
  o.learning_rate = NAN;
  CHECK_THROWS_AS(fit(o), std::invalid_argument);
  o.learning_rate = INFINITY;
  CHECK_THROWS_AS(fit(o), std::invalid_argument);
  o = TrainOptions{};
  o.batch_size = 0;
  CHECK_THROWS_WITH_AS(fit(o), doctest::Contains("batchSize"), std::invalid_argument);
  o = TrainOptions{};
  o.epochs = -1;
  CHECK_THROWS_WITH_AS(fit(o), doctest::Contains("epochs"), std::invalid_argument);
  o = TrainOptions{};
  o.l1 = -1;
  CHECK_THROWS_WITH_AS(fit(o), doctest::Contains("l1"), std::invalid_argument);
  o = TrainOptions{};
  o.l2 = NAN;
  CHECK_THROWS_WITH_AS(fit(o), doctest::Contains("l2"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(TrainOptions::optimizer_from_name("rmsprop"), doctest::Contains("rmsprop"),
                       std::invalid_argument);
  CHECK_THROWS_AS(net.fit(x, y, 0, TrainOptions{}), std::invalid_argument);
  CHECK_THROWS_AS(net.loss(x, y, 0), std::invalid_argument);
  CHECK_THROWS_AS(net.set_parameters(Eigen::VectorXf::Zero(3)), std::invalid_argument);
  CHECK_THROWS_AS(net.predict(Eigen::MatrixXf::Zero(3, 2)), std::invalid_argument);
  // A batch whose workspace would overflow 32-bit sizes (as in WASM) is refused by name.
  CHECK_THROWS_WITH_AS(nlp::check_workspace(4352, 1000000), doctest::Contains("batchSize"), std::invalid_argument);
  CHECK_NOTHROW(nlp::check_workspace(4352, 1000));
  // Still usable afterwards.
  CHECK(std::isfinite(fit(TrainOptions{})));
}
