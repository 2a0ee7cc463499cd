#include <doctest/doctest.h>

#include <cmath>

#include "dataset.h"
#include "network.h"
#include "optimizer.h"

using nlp::Optimizer;
using nlp::OptimizerKind;
using nlp::TrainOptions;

namespace {
TrainOptions options(OptimizerKind kind, double lr, double l1 = 0, double l2 = 0) {
  TrainOptions o;
  o.optimizer = kind;
  o.learning_rate = lr;
  o.l1 = l1;
  o.l2 = l2;
  return o;
}
}  // namespace

TEST_CASE("sgd, momentum and adam updates follow their formulas") {
  Eigen::VectorXd p(3), g(3), mask = Eigen::VectorXd::Ones(3);
  SUBCASE("sgd") {
    Optimizer<double> opt;
    opt.reset(OptimizerKind::Sgd, 3);
    p << 1, -2, 3;
    g << 0.5, 0.25, -1;
    opt.step(p, g, mask, options(OptimizerKind::Sgd, 0.1));
    CHECK(p[0] == doctest::Approx(0.95));
    CHECK(p[2] == doctest::Approx(3.1));
  }
  SUBCASE("momentum accumulates velocity") {
    Optimizer<double> opt;
    opt.reset(OptimizerKind::Momentum, 3);
    p.setZero();
    g << 1, 1, 1;
    opt.step(p, g, mask, options(OptimizerKind::Momentum, 0.1));  // v = 1
    g << 1, 1, 1;
    opt.step(p, g, mask, options(OptimizerKind::Momentum, 0.1));  // v = 0.9 + 1
    CHECK(p[0] == doctest::Approx(-0.1 - 0.19));
  }
  SUBCASE("adam's first step moves each parameter by lr in the direction of -sign(g)") {
    Optimizer<double> opt;
    opt.reset(OptimizerKind::Adam, 3);
    p.setZero();
    g << 3, -0.001, 50;
    opt.step(p, g, mask, options(OptimizerKind::Adam, 0.01));
    CHECK(p[0] == doctest::Approx(-0.01).epsilon(1e-6));
    CHECK(p[1] == doctest::Approx(0.01).epsilon(1e-4));
    CHECK(p[2] == doctest::Approx(-0.01).epsilon(1e-6));
  }
}

TEST_CASE("L1 and L2 act on weights only, never on biases") {
  Optimizer<double> opt;
  opt.reset(OptimizerKind::Sgd, 4);
  Eigen::VectorXd p(4), g = Eigen::VectorXd::Zero(4), mask(4);
  p << 2, -2, 2, -2;
  mask << 1, 1, 0, 0;  // the last two are biases
  opt.step(p, g, mask, options(OptimizerKind::Sgd, 0.1, 0.5, 0.25));
  // w -= lr (l1 sign(w) + l2 w) = 2 - 0.1 (0.5 + 0.5)
  CHECK(p[0] == doctest::Approx(1.9));
  CHECK(p[1] == doctest::Approx(-1.9));
  CHECK(p[2] == 2.0);
  CHECK(p[3] == -2.0);
}

TEST_CASE("every optimizer lowers the loss of a tanh net on circle; L2 shrinks the weights") {
  const auto data = nlp::make_dataset("circle", 200, 0.0, 4);
  for (auto kind : {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam}) {
    SUBCASE(TrainOptions::optimizer_name(kind).c_str()) {
      nlp::Network<float> net(nlp::NetworkConfig::uniform({2, 6, 1}, "tanh", "tanh", 2));
      const double before = net.loss(data.x.data(), data.y.data(), 200);
      auto o = options(kind, kind == OptimizerKind::Adam ? 0.01 : 0.03);
      o.epochs = 60;
      net.fit(data.x.data(), data.y.data(), 200, o);
      CHECK(net.loss(data.x.data(), data.y.data(), 200) < 0.5 * before);
    }
  }
  nlp::Network<float> plain(nlp::NetworkConfig::uniform({2, 6, 1}, "tanh", "tanh", 2));
  nlp::Network<float> decayed(nlp::NetworkConfig::uniform({2, 6, 1}, "tanh", "tanh", 2));
  auto o = options(OptimizerKind::Sgd, 0.03);
  o.epochs = 30;
  plain.fit(data.x.data(), data.y.data(), 200, o);
  o.l2 = 0.05;
  decayed.fit(data.x.data(), data.y.data(), 200, o);
  CHECK(decayed.W(0).norm() < plain.W(0).norm());
}
