#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "loss.h"
#include "network.h"
#include "test_helpers.h"

using nlp::Loss;
using nlp::Network;
using nlp::NetworkConfig;

TEST_CASE("loss registry and output checks") {
  for (const auto& name : nlp::loss_names()) CHECK(Loss::from_name(name).name() == name);
  CHECK_THROWS_AS(Loss::from_name("mae"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Loss::from_name("bce").check_output(nlp::Activation::from_name("tanh")),
                       doctest::Contains("sigmoid"), std::invalid_argument);
  CHECK_THROWS_AS(Loss::from_name("softmax").check_output(nlp::Activation::from_name("sigmoid")), std::invalid_argument);
  CHECK_NOTHROW(Loss::from_name("bce").check_output(nlp::Activation::from_name("sigmoid")));
  CHECK_NOTHROW(Loss::from_name("softmax").check_output(nlp::Activation::from_name("linear")));
}

TEST_CASE("mse is 0.5 * mean over samples of the summed squared error") {
  auto config = NetworkConfig::uniform({1, 1}, "linear", "linear");
  Network<double> net(config);
  net.W(0)(0, 0) = 2.0;
  net.b(0)(0) = 0.0;
  const double x[] = {1, 2, 3};
  const double y[] = {1, 1, 1};  // errors 1, 3, 5
  CHECK(net.loss(x, y, 3) == doctest::Approx(0.5 * (1 + 9 + 25) / 3.0));
}

TEST_CASE("bce and softmax values match their definitions") {
  SUBCASE("bce with +1/-1 labels") {
    auto config = NetworkConfig::uniform({1, 1}, "linear", "sigmoid");
    config.loss = "bce";
    Network<double> net(config);
    net.W(0)(0, 0) = 1.0;
    net.b(0)(0) = 0.0;
    const double x[] = {0.5, -2.0};
    const double y[] = {1, -1};
    const double s0 = 1 / (1 + std::exp(-0.5)), s1 = 1 / (1 + std::exp(2.0));
    CHECK(net.loss(x, y, 2) == doctest::Approx(-(std::log(s0) + std::log(1 - s1)) / 2));
  }
  SUBCASE("bce stays finite for huge logits") {
    auto config = NetworkConfig::uniform({1, 1}, "linear", "sigmoid");
    config.loss = "bce";
    Network<double> net(config);
    net.W(0)(0, 0) = 1000.0;
    const double x[] = {1.0}, y[] = {-1};
    CHECK(net.loss(x, y, 1) == doctest::Approx(1000.0 + 0.1).epsilon(1e-9));
  }
  SUBCASE("softmax cross-entropy") {
    auto config = NetworkConfig::uniform({2, 3}, "linear", "linear");
    config.loss = "softmax";
    Network<double> net(config);
    net.W(0).setZero();
    net.b(0) << 1.0, 2.0, 3.0;
    const double x[] = {0.3, -0.2};
    const double y[] = {0, 1, 0};
    const double lse = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0));
    CHECK(net.loss(x, y, 1) == doctest::Approx(lse - 2.0));
  }
}

// Every loss: the gradient through the whole net matches finite differences (double precision).
TEST_CASE("loss gradients match finite differences") {
  struct Case {
    const char* loss;
    const char* output;
    int outputs;
  };
  for (const Case c : {Case{"mse", "tanh", 2}, Case{"mse", "linear", 2}, Case{"bce", "sigmoid", 1},
                       Case{"softmax", "linear", 3}}) {
    SUBCASE(c.loss) {
      auto config = NetworkConfig::uniform({3, 5, c.outputs}, "tanh", c.output, 11);
      config.loss = c.loss;
      Network<double> net(config);
      const int n = 7;
      auto x = nlp_test::random_vector(3 * n, 5, -2, 2);
      std::vector<double> y(static_cast<size_t>(c.outputs * n));
      nlp::Rng rng(3);
      for (int i = 0; i < n; ++i) {
        const int hot = int(rng.below(3));
        for (int k = 0; k < c.outputs; ++k) {
          double& t = y[static_cast<size_t>(i * c.outputs + k)];
          if (std::string(c.loss) == "softmax") t = hot == k ? 1.0 : 0.0;
          else if (std::string(c.loss) == "bce") t = rng.uniform() < 0.5 ? -1.0 : 1.0;
          else t = rng.uniform(-1, 1);
        }
      }
      CHECK(nlp_test::gradient_check(net, x, y) < 1e-6);
    }
  }
}
