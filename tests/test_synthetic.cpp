// Claims cited as C1..C15, and "the thread" (the question-and-answer thread the playground
// answers), are defined in docs/claims.md.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "dataset.h"
#include "synthetic.h"
#include "test_helpers.h"

using nlp::Network;
using nlp::NetworkConfig;
using nlp::SyntheticGradients;

using nlp_test::sgd;

// C11: a linear model with no hidden layer predicts the gradients well enough to train by.
TEST_CASE("synthetic gradients from a linear model still train the net: the loss falls by half or more") {
  const auto data = nlp::make_dataset("sine", 200, 0.0, 1);
  Network<float> net(NetworkConfig::uniform({1, 16, 16, 1}, "tanh", "linear", 3));
  SyntheticGradients sg(net, 0);
  const double before = net.loss(data.x.data(), data.y.data(), 200);
  nlp::SyntheticStats stats;
  for (int e = 0; e < 300; ++e) stats = sg.fit_epoch(data.x.data(), data.y.data(), 200, sgd(0.05, 10), 0.05);
  const double after = net.loss(data.x.data(), data.y.data(), 200);
  CHECK(after < 0.5 * before);
  CHECK(std::isfinite(stats.cosine));
  // The linear model explains part of the true gradient over the whole set: predicting g^
  // beats predicting zero (the model's starting point), ||g^ - g|| < ||g||.
  Eigen::MatrixXf truth, predicted;
  sg.probe(data.x.data(), data.y.data(), 200, truth, predicted);
  CHECK(truth.rows() == 16);
  CHECK(truth.cols() == 200);
  CHECK((predicted - truth).norm() < truth.norm());
}

TEST_CASE("synthetic gradients: the lower layers move by g^, not by the true gradient") {
  const auto data = nlp::make_dataset("sine", 20, 0.0, 2);
  Network<float> net(NetworkConfig::uniform({1, 4, 4, 1}, "tanh", "linear", 1));
  Network<float> twin(net.config());
  SyntheticGradients sg(net, 0);
  const Eigen::VectorXf start = net.parameters();
  // M = 0 and c = 0 at the start: g^ = 0, so one batch leaves layer 0 exactly where it was
  // while layers 1 and 2 move by their true gradients, as in plain backprop on the twin.
  sg.fit_epoch(data.x.data(), data.y.data(), 20, sgd(0.1, 20), 0.1);
  const Eigen::Index first_end = net.w_offset(1);
  CHECK((net.parameters().head(first_end) - start.head(first_end)).cwiseAbs().maxCoeff() == 0.0f);
  twin.fit(data.x.data(), data.y.data(), 20, sgd(0.1, 20));
  const Eigen::Index rest = start.size() - first_end;
  CHECK((net.parameters().tail(rest) - twin.parameters().tail(rest)).cwiseAbs().maxCoeff() < 1e-6f);
  CHECK(sg.model().norm() > 0);  // and the model has started to learn
}

TEST_CASE("synthetic gradients reject bad arguments") {
  Network<float> flat(NetworkConfig::uniform({1, 1}, "linear", "linear", 1));
  CHECK_THROWS_AS(SyntheticGradients(flat, 0), std::invalid_argument);
  Network<float> net(NetworkConfig::uniform({1, 4, 4, 1}, "tanh", "linear", 1));
  CHECK_THROWS_WITH_AS(SyntheticGradients(net, 2), doctest::Contains("cut"), std::invalid_argument);
  CHECK_THROWS_AS(SyntheticGradients(net, -1), std::invalid_argument);
  SyntheticGradients sg(net, 1);
  const float x[] = {0.5f}, y[] = {1.0f};
  auto o = sgd(0.1, 1);
  o.optimizer = nlp::OptimizerKind::Adam;
  CHECK_THROWS_WITH_AS(sg.fit_epoch(x, y, 1, o, 0.1), doctest::Contains("sgd"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(sg.fit_epoch(x, y, 1, sgd(0.1, 1), 0.0), doctest::Contains("modelRate"), std::invalid_argument);
  CHECK_THROWS_AS(sg.fit_epoch(x, y, 1, sgd(-1, 1), 0.1), std::invalid_argument);
}
