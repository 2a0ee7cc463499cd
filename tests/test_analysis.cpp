// Claims cited as C1..C15, and "the thread" (the question-and-answer thread the playground
// answers), are defined in docs/claims.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Geometry>

#include "analysis.h"
#include "dataset.h"
#include "network.h"
#include "rng.h"

using nlp::Network;
using nlp::NetworkConfig;

namespace {

constexpr double kPi = 3.14159265358979323846;

// The message of the std::invalid_argument `f` throws ("" if it throws nothing or something else).
template <typename F>
std::string invalid_argument_message(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  } catch (...) {
    return "(another exception)";
  }
  return "";
}

// Approx with a purely relative tolerance (doctest's default adds epsilon * 1 to it).
doctest::Approx rel(double value, double epsilon) { return doctest::Approx(value).epsilon(epsilon).scale(0); }

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Every parameter of `net` uniform in [-1, 1]: biases too, so b' is not a multiple of 0.1.
template <typename T>
void randomise(Network<T>& net, uint64_t seed) {
  nlp::Rng rng(seed, 7);
  typename Network<T>::Vec p(net.parameters().size());
  for (Eigen::Index i = 0; i < p.size(); ++i) p[i] = T(rng.uniform(-1, 1));
  net.set_parameters(p);
}

// Largest |deep(x) - (W'x + b')| / max(1, |deep(x)|) over `n` Gaussian inputs.
template <typename T>
double collapse_error(Network<T>& net, int n, uint64_t seed) {
  const nlp::AffineMap map = nlp::collapse(net);
  CHECK(map.W.rows() == net.outputs());
  CHECK(map.W.cols() == net.inputs());
  CHECK(map.b.size() == net.outputs());
  nlp::Rng rng(seed, 8);
  typename Network<T>::Mat X(net.inputs(), n);
  for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = T(2 * rng.normal());
  const typename Network<T>::Mat deep = net.predict(X);
  const Eigen::MatrixXd flat = (map.W * X.template cast<double>()).colwise() + map.b;
  double worst = 0;
  for (Eigen::Index i = 0; i < deep.size(); ++i) {
    const double d = double(deep.data()[i]);
    worst = std::max(worst, std::abs(d - flat.data()[i]) / std::max(1.0, std::abs(d)));
  }
  return worst;
}

// Correlated 3D Gaussian data: standard deviations 3, 1.5, 0.3 along the columns of a rotation R,
// mean (1, -2, 0.5). Row-major (n, 3).
Eigen::Matrix3d rotation() {
  const Eigen::Matrix3d R = (Eigen::AngleAxisd(0.7, Eigen::Vector3d::UnitZ()) *
                             Eigen::AngleAxisd(-0.4, Eigen::Vector3d::UnitY()) *
                             Eigen::AngleAxisd(1.1, Eigen::Vector3d::UnitX()))
                                .toRotationMatrix();
  return R;
}
std::vector<float> correlated_3d(int n, uint64_t seed) {
  const Eigen::Matrix3d R = rotation();
  const Eigen::Vector3d sd(3, 1.5, 0.3), mean(1, -2, 0.5);
  nlp::Rng rng(seed, 9);
  std::vector<float> x;
  for (int i = 0; i < n; ++i) {
    Eigen::Vector3d z;
    for (int k = 0; k < 3; ++k) z[k] = sd[k] * rng.normal();
    const Eigen::Vector3d p = R * z + mean;
    for (int k = 0; k < 3; ++k) x.push_back(float(p[k]));
  }
  return x;
}

template <typename T>
std::vector<double> net_outputs(Network<T>& net, const std::vector<double>& xs) {
  std::vector<T> in(xs.begin(), xs.end()), out(xs.size());
  net.predict(in.data(), Eigen::Index(in.size()), out.data());
  return std::vector<double>(out.begin(), out.end());
}

}  // namespace

// ---------------------------------------------------------------- collapse (C8, C9, C12)

TEST_CASE("collapse: a deep linear or affine net is exactly one affine map") {
  for (const char* act : {"linear", "affine"}) {
    CAPTURE(act);
    NetworkConfig cfg = NetworkConfig::uniform({3, 5, 4, 6, 2}, act, act, 3);
    cfg.affine = {1.7, -0.3};
    SUBCASE("float, the product type: agree to 1e-5 relative") {
      Network<float> net(cfg);
      CHECK(collapse_error(net, 200, 1) < 1e-5);  // at initialisation
      randomise(net, 2);
      CHECK(collapse_error(net, 200, 2) < 1e-5);
    }
    SUBCASE("double: agree to 1e-12 relative") {
      Network<double> net(cfg);
      randomise(net, 2);
      CHECK(collapse_error(net, 200, 3) < 1e-12);
    }
  }
  SUBCASE("mixed linear and affine layers, after training") {
    NetworkConfig cfg;
    cfg.layers = {2, 6, 6, 1};
    cfg.activations = {"affine", "linear", "affine"};
    cfg.affine = {0.8, 0.25};
    Network<float> net(cfg);
    const auto d = nlp::make_dataset("gauss", 100, 0.1, 4);
    nlp::TrainOptions opt;
    opt.epochs = 20;
    opt.learning_rate = 0.003;
    net.fit(d.x.data(), d.y.data(), d.size(), opt);
    CHECK(collapse_error(net, 100, 4) < 1e-5);
  }
}

TEST_CASE("collapse follows the thread's derivation W' = W3 W2 W1, b' = W3 W2 b1 + W3 b2 + b3") {
  Network<double> net(NetworkConfig::uniform({4, 3, 5, 2}, "linear", "linear", 5));
  randomise(net, 6);
  const nlp::AffineMap map = nlp::collapse(net);
  const Eigen::MatrixXd W1 = net.W(0), W2 = net.W(1), W3 = net.W(2);
  const Eigen::VectorXd b1 = net.b(0), b2 = net.b(1), b3 = net.b(2);
  CHECK((map.W - W3 * W2 * W1).cwiseAbs().maxCoeff() < 1e-14);
  CHECK((map.b - (W3 * W2 * b1 + W3 * b2 + b3)).cwiseAbs().maxCoeff() < 1e-14);
  // one layer: the map is the layer itself
  Network<double> single(NetworkConfig::uniform({3, 2}, "linear", "linear", 5));
  randomise(single, 7);
  CHECK(nlp::collapse(single).W == Eigen::MatrixXd(single.W(0)));
  CHECK(nlp::collapse(single).b == Eigen::VectorXd(single.b(0)));
}

TEST_CASE("collapse of a net with a nonlinear layer throws, naming that layer") {
  NetworkConfig cfg;
  cfg.layers = {2, 4, 4, 1};
  SUBCASE("tanh in hidden layer 2") {
    cfg.activations = {"linear", "tanh", "linear"};
    Network<float> net(cfg);
    CHECK_THROWS_AS(nlp::collapse(net), std::invalid_argument);
    const std::string msg = invalid_argument_message([&] { nlp::collapse(net); });
    CAPTURE(msg);
    CHECK(contains(msg, "tanh"));
    CHECK(contains(msg, "layer 2 (hidden layer 2)"));
  }
  SUBCASE("the first nonlinear layer is named: relu in layer 1, then sigmoid") {
    cfg.activations = {"relu", "sigmoid", "linear"};
    const std::string msg = invalid_argument_message([&] { nlp::collapse(Network<double>(cfg)); });
    CAPTURE(msg);
    CHECK(contains(msg, "layer 1 (hidden layer 1)"));
    CHECK(contains(msg, "relu"));
    CHECK_FALSE(contains(msg, "sigmoid"));
  }
  SUBCASE("a sigmoid output layer") {
    cfg.activations = {"affine", "linear", "sigmoid"};
    const std::string msg = invalid_argument_message([&] { nlp::collapse(Network<float>(cfg)); });
    CAPTURE(msg);
    CHECK(contains(msg, "layer 3 (output layer)"));
    CHECK(contains(msg, "sigmoid"));
  }
}

// ---------------------------------------------------------------- least squares (C1, C5)

TEST_CASE("least_squares recovers an exact affine map and computes the mse loss") {
  // y = W x + b exactly, 3 inputs, 2 outputs
  Eigen::MatrixXd W(2, 3);
  W << 0.5, -1.25, 2, 0.75, 0, -0.5;
  const Eigen::Vector2d b(0.25, -1.5);
  nlp::Rng rng(3, 1);
  std::vector<float> x, y;
  for (int i = 0; i < 50; ++i) {
    Eigen::Vector3d xi;
    for (int k = 0; k < 3; ++k) xi[k] = double(float(rng.uniform(-3, 3)));
    const Eigen::Vector2d yi = W * xi + b;
    for (int k = 0; k < 3; ++k) x.push_back(float(xi[k]));
    for (int k = 0; k < 2; ++k) y.push_back(float(yi[k]));
  }
  const auto ls = nlp::least_squares(x, y, 3, 2);
  CHECK((ls.map.W - W).cwiseAbs().maxCoeff() < 1e-5);
  CHECK((ls.map.b - b).cwiseAbs().maxCoeff() < 1e-5);
  CHECK(ls.loss < 1e-12);

  // Its loss is the network's mse: a 1-layer linear net holding the solution has the same loss,
  // and moving any parameter away from it raises the loss.
  const auto d = nlp::make_dataset("sine", 300, 0.2, 4);
  const auto fit = nlp::least_squares(d.x, d.y, 1, 1);
  Network<double> net(NetworkConfig::uniform({1, 1}, "linear", "linear", 1));
  Eigen::VectorXd p(2);
  p << fit.map.W(0, 0), fit.map.b[0];
  net.set_parameters(p);
  const std::vector<double> xd(d.x.begin(), d.x.end()), yd(d.y.begin(), d.y.end());
  CHECK(net.loss(xd.data(), yd.data(), 300) == doctest::Approx(fit.loss).epsilon(1e-12));
  for (int k = 0; k < 2; ++k)
    for (double h : {-1e-3, 1e-3}) {
      Eigen::VectorXd q = p;
      q[k] += h;
      net.set_parameters(q);
      CHECK(net.loss(xd.data(), yd.data(), 300) > fit.loss);
    }
  // A rank-deficient x (the second input copies the first) still gives the best fit.
  std::vector<float> x2;
  for (float v : d.x) x2.insert(x2.end(), {v, v});
  CHECK(nlp::least_squares(x2, d.y, 2, 1).loss == doctest::Approx(fit.loss).epsilon(1e-9));
  // ... also when the copy is in other units (1024 v: exact in float, so exactly dependent)
  std::vector<float> x3;
  for (float v : d.x) x3.insert(x3.end(), {v, 1024 * v});
  const auto scaled = nlp::least_squares(x3, d.y, 2, 1);
  CHECK(scaled.loss == doctest::Approx(fit.loss).epsilon(1e-9));
  CHECK(scaled.map.W.cwiseAbs().maxCoeff() < 10);  // no huge weights cancelling each other
}

TEST_CASE("least_squares and pca reject invalid input") {
  const std::vector<float> x = {1, 2, 3, 4, 5, 6}, y = {1, 0, 1};
  CHECK_NOTHROW(nlp::least_squares(x, y, 2, 1));
  CHECK_THROWS_AS(nlp::least_squares(x, y, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(nlp::least_squares(x, y, 2, 0), std::invalid_argument);
  CHECK_THROWS_AS(nlp::least_squares(x, y, 4, 1), std::invalid_argument);      // 6 is not a multiple of 4
  CHECK_THROWS_AS(nlp::least_squares(x, {1, 0}, 2, 1), std::invalid_argument);  // 3 samples, 2 targets
  CHECK_THROWS_AS(nlp::least_squares({}, {}, 2, 1), std::invalid_argument);
  CHECK_THROWS_AS(nlp::least_squares({1, NAN, 3, 4, 5, 6}, y, 2, 1), std::invalid_argument);
  CHECK_THROWS_AS(nlp::least_squares(x, {1, INFINITY, 0}, 2, 1), std::invalid_argument);
  const std::string msg = invalid_argument_message([&] { nlp::least_squares(x, {1, 0}, 2, 1); });
  CHECK(contains(msg, "y:"));

  CHECK_NOTHROW(nlp::pca(x, 2));
  CHECK_THROWS_AS(nlp::pca(x, 0), std::invalid_argument);
  CHECK_THROWS_AS(nlp::pca(x, 4), std::invalid_argument);
  CHECK_THROWS_AS(nlp::pca({1, 2}, 2), std::invalid_argument);  // one sample has no variance
  CHECK_THROWS_AS(nlp::pca({}, 2), std::invalid_argument);
  CHECK_THROWS_AS(nlp::pca({1, 2, NAN, 4}, 2), std::invalid_argument);
}

TEST_CASE("a deep linear net never beats the least-squares affine fit, and training reaches it") {
  struct Case {
    const char* dataset;
    std::vector<int> layers;
    double learning_rate;
    int rounds;
  };
  for (const Case& c : {Case{"xor", {2, 8, 8, 1}, 0.002, 40}, Case{"circle", {2, 8, 8, 1}, 0.002, 40},
                        Case{"parabola", {1, 8, 8, 1}, 0.05, 40}}) {
    CAPTURE(c.dataset);
    const auto d = nlp::make_dataset(c.dataset, 200, 0.1, 21);
    const auto ls = nlp::least_squares(d.x, d.y, d.inputs, d.outputs);
    Network<float> net(NetworkConfig::uniform(c.layers, "linear", "linear", 22));
    const double initial = net.loss(d.x.data(), d.y.data(), d.size());
    CHECK(initial > ls.loss * 1.01);  // training has something to do
    nlp::TrainOptions opt;
    opt.epochs = 10;
    opt.batch_size = 10;
    opt.learning_rate = c.learning_rate;
    double worst_gap = 1e9;
    for (int round = 0; round < c.rounds; ++round) {
      if (round == c.rounds / 2) opt.batch_size = d.size();  // full-batch gradient descent to finish
      net.fit(d.x.data(), d.y.data(), d.size(), opt);
      const double loss = net.loss(d.x.data(), d.y.data(), d.size());
      worst_gap = std::min(worst_gap, loss - ls.loss);
      CHECK(loss >= ls.loss - 1e-6);
    }
    const double final_loss = net.loss(d.x.data(), d.y.data(), d.size());
    CAPTURE(ls.loss);
    CAPTURE(final_loss);
    CHECK(worst_gap >= -1e-6);
    CHECK(final_loss <= ls.loss * (1 + 1e-3));
    // and the trained net is that affine map
    const auto map = nlp::collapse(net);
    CHECK((map.W - ls.map.W).cwiseAbs().maxCoeff() < 0.05);
    CHECK((map.b - ls.map.b).cwiseAbs().maxCoeff() < 0.05);
  }
}

// ---------------------------------------------------------------- PCA and principal angles (C14)

TEST_CASE("pca: exact on a small set, close to the known covariance on a large one") {
  SUBCASE("four points on the axes") {
    const std::vector<float> x = {-2, 0, 2, 0, 0, -1, 0, 1};
    const auto p = nlp::pca(x, 2);
    CHECK(p.mean.norm() == doctest::Approx(0).scale(1));
    CHECK(p.variances[0] == doctest::Approx(8.0 / 3));
    CHECK(p.variances[1] == doctest::Approx(2.0 / 3));
    CHECK(p.components(0, 0) == doctest::Approx(1));  // sign convention: largest coefficient positive
    CHECK(std::abs(p.components(1, 0)) < 1e-12);
    CHECK(p.components(1, 1) == doctest::Approx(1));
  }
  SUBCASE("sd 3, 1.5, 0.3 along a rotated basis") {
    const int n = 20000;
    const auto x = correlated_3d(n, 5);
    const auto p = nlp::pca(x, 3);
    const Eigen::Matrix3d R = rotation();
    const double sd[3] = {3, 1.5, 0.3};
    CHECK((p.mean - Eigen::Vector3d(1, -2, 0.5)).norm() < 0.1);  // standard error <= 0.02 per axis
    CHECK((p.components.transpose() * p.components - Eigen::Matrix3d::Identity()).cwiseAbs().maxCoeff() < 1e-12);
    for (int k = 0; k < 3; ++k) {
      CAPTURE(k);
      CHECK(std::abs(p.components.col(k).dot(R.col(k))) > 0.999);
      CHECK(p.variances[k] == rel(sd[k] * sd[k], 0.05));  // sampling error 1 %
      Eigen::Index i = 0;
      p.components.col(k).cwiseAbs().maxCoeff(&i);
      CHECK(p.components(i, k) > 0);
    }
    CHECK(p.variances[0] > p.variances[1]);
    CHECK(p.variances[1] > p.variances[2]);
  }
}

TEST_CASE("principal_angle_degrees") {
  Eigen::MatrixXd A(3, 2);
  A << 1, 2, -0.5, 1, 3, 0.25;
  Eigen::Matrix2d M;
  M << 2, -1, 0.5, 3;
  CHECK(nlp::principal_angle_degrees(A, A * M) == doctest::Approx(0).scale(1).epsilon(1e-6));
  CHECK(nlp::principal_angle_degrees(A, A.col(1)) == doctest::Approx(0).scale(1).epsilon(1e-6));
  const Eigen::MatrixXd e1 = Eigen::Vector3d::UnitX(), e2 = Eigen::Vector3d::UnitY(), e3 = Eigen::Vector3d::UnitZ();
  CHECK(nlp::principal_angle_degrees(e1, e2) == doctest::Approx(90).epsilon(1e-12));
  Eigen::MatrixXd e12(3, 2);
  e12 << 1, 0, 0, 1, 0, 0;
  CHECK(nlp::principal_angle_degrees(e12, e3) == doctest::Approx(90).epsilon(1e-12));
  CHECK(nlp::principal_angle_degrees(e3, e12) == doctest::Approx(90).epsilon(1e-12));
  for (double deg : {1e-4, 0.5, 30.0, 60.0, 89.5}) {
    CAPTURE(deg);
    const double t = deg * kPi / 180;
    const Eigen::MatrixXd v = Eigen::Vector3d(std::cos(t), std::sin(t), 0);
    CHECK(nlp::principal_angle_degrees(e1, v) == doctest::Approx(deg).epsilon(1e-9));
    // two planes in 3D meet at the angle between their normals
    Eigen::MatrixXd tilted(3, 2);
    tilted << 1, 0, 0, std::cos(t), 0, std::sin(t);
    CHECK(nlp::principal_angle_degrees(e12, tilted) == doctest::Approx(deg).epsilon(1e-9));
  }
  CHECK_THROWS_AS(nlp::principal_angle_degrees(e1, Eigen::MatrixXd::Ones(2, 1)), std::invalid_argument);
  CHECK_THROWS_AS(nlp::principal_angle_degrees(e1, Eigen::MatrixXd::Zero(3, 2)), std::invalid_argument);
  CHECK_THROWS_AS(nlp::principal_angle_degrees(Eigen::MatrixXd(3, 0), e1), std::invalid_argument);
  Eigen::MatrixXd bad = e1;
  bad(1, 0) = std::nan("");
  CHECK_THROWS_AS(nlp::principal_angle_degrees(bad, e1), std::invalid_argument);
}

TEST_CASE("a 3-2-3 linear autoencoder learns the top-2 principal subspace (Bishop 12.4.2)") {
  const int n = 500;
  const auto x = correlated_3d(n, 31);
  const auto p = nlp::pca(x, 3);
  const Eigen::MatrixXd top2 = p.components.leftCols(2);
  Network<float> net(NetworkConfig::uniform({3, 2, 3}, "linear", "linear", 32));
  auto decoder_angle = [&] { return nlp::principal_angle_degrees(net.W(1).cast<double>(), top2); };
  const double before = decoder_angle();
  CAPTURE(before);
  CHECK(before > 10);
  nlp::TrainOptions opt;
  opt.optimizer = nlp::OptimizerKind::Adam;
  opt.learning_rate = 0.01;
  opt.batch_size = 25;
  opt.epochs = 150;
  net.fit(x.data(), x.data(), n, opt);
  opt.batch_size = n;  // full batch to settle
  opt.learning_rate = 0.003;
  opt.epochs = 300;
  net.fit(x.data(), x.data(), n, opt);
  const double after = decoder_angle();
  CAPTURE(after);
  CHECK(after < 2);
  // The rank-2 map loses exactly the third component's variance: loss = 0.5 (n-1)/n var_3.
  const double loss = net.loss(x.data(), x.data(), n);
  CHECK(loss == rel(0.5 * p.variances[2] * (n - 1) / n, 0.01));
}

// ---------------------------------------------------------------- linear pieces (C4)

TEST_CASE("count_linear_pieces on hand-built nets") {
  auto make = [](const std::vector<int>& layers, const std::vector<std::string>& acts, std::vector<double> params) {
    NetworkConfig cfg;
    cfg.layers = layers;
    cfg.activations = acts;
    Network<float> net(cfg);
    REQUIRE(net.parameters().size() == Eigen::Index(params.size()));
    Eigen::VectorXf p(Eigen::Index(params.size()));
    for (size_t i = 0; i < params.size(); ++i) p[Eigen::Index(i)] = float(params[i]);
    net.set_parameters(p);
    return net;
  };
  SUBCASE("relu(x - 0.25) + relu(-2x - 1): kinks at -0.5 and 0.25, three pieces") {
    // W0 (2,1), b0 (2), W1 (1,2), b1 (1)
    auto net = make({1, 2, 1}, {"relu", "linear"}, {1, -2, -0.25, -1, 1, 1, 0});
    const auto pieces = nlp::count_linear_pieces(net, -1, 1);
    CHECK(pieces.count == 3);
    REQUIRE(pieces.kinks.size() == 2);
    CHECK(pieces.kinks[0] == doctest::Approx(-0.5));
    CHECK(pieces.kinks[1] == doctest::Approx(0.25));
    // on [0, 1] only the second kink is inside
    const auto right = nlp::count_linear_pieces(net, 0, 1);
    CHECK(right.count == 2);
    CHECK(right.kinks == std::vector<double>{0.25});
  }
  SUBCASE("a unit the output ignores adds no piece") {
    auto net = make({1, 2, 1}, {"relu", "linear"}, {1, -2, -0.25, -1, 1, 0, 0});
    const auto pieces = nlp::count_linear_pieces(net, -1, 1);
    CHECK(pieces.count == 2);
    CHECK(pieces.kinks == std::vector<double>{0.25});
  }
  SUBCASE("leaky_relu keeps both kinks") {
    auto net = make({1, 2, 1}, {"leaky_relu", "linear"}, {1, -2, -0.25, -1, 1, 1, 0});
    CHECK(nlp::count_linear_pieces(net, -1, 1).count == 3);
  }
  SUBCASE("every kink outside the interval: one piece") {
    auto net = make({1, 2, 1}, {"relu", "linear"}, {1, 2, -3, 5, 1.5, -0.5, 0.2});
    const auto pieces = nlp::count_linear_pieces(net, -1, 1);
    CHECK(pieces.count == 1);
    CHECK(pieces.kinks.empty());
    CHECK(nlp::count_linear_pieces(net, -4, 4).count == 3);
  }
  SUBCASE("a step is a jump between two constant pieces of equal slope") {
    auto net = make({1, 1, 1}, {"step", "linear"}, {1, -0.3, 2, 0.5});
    const auto pieces = nlp::count_linear_pieces(net, -1, 1);
    CHECK(pieces.count == 2);
    REQUIRE(pieces.kinks.size() == 1);
    CHECK(pieces.kinks[0] == doctest::Approx(0.3));
  }
  SUBCASE("a relu output layer kinks too; a linear net is one piece") {
    auto out = make({1, 1}, {"relu"}, {1, -0.5});
    CHECK(nlp::count_linear_pieces(out, -1, 1).count == 2);
    auto affine = make({1, 3, 1}, {"affine", "linear"}, {1, -1, 2, 0, 0.5, 0.25, 0.75, -1, 0.5, 0});
    CHECK(nlp::count_linear_pieces(affine, -10, 10).count == 1);
  }
  SUBCASE("invalid input throws") {
    auto tanh_net = make({1, 2, 1}, {"tanh", "linear"}, {1, -2, -0.25, -1, 1, 1, 0});
    const std::string msg = invalid_argument_message([&] { nlp::count_linear_pieces(tanh_net, -1, 1); });
    CAPTURE(msg);
    CHECK(contains(msg, "tanh"));
    CHECK(contains(msg, "layer 1 (hidden layer 1)"));
    Network<float> sigmoid_out(NetworkConfig::uniform({1, 3, 1}, "relu", "sigmoid"));
    CHECK_THROWS_AS(nlp::count_linear_pieces(sigmoid_out, -1, 1), std::invalid_argument);
    Network<float> two_in(NetworkConfig::uniform({2, 3, 1}, "relu"));
    CHECK_THROWS_AS(nlp::count_linear_pieces(two_in, -1, 1), std::invalid_argument);
    Network<float> two_out(NetworkConfig::uniform({1, 3, 2}, "relu"));
    CHECK_THROWS_AS(nlp::count_linear_pieces(two_out, -1, 1), std::invalid_argument);
    auto net = make({1, 2, 1}, {"relu", "linear"}, {1, -2, -0.25, -1, 1, 1, 0});
    CHECK_THROWS_AS(nlp::count_linear_pieces(net, 1, 1), std::invalid_argument);
    CHECK_THROWS_AS(nlp::count_linear_pieces(net, 1, -1), std::invalid_argument);
    CHECK_THROWS_AS(nlp::count_linear_pieces(net, std::nan(""), 1), std::invalid_argument);
    CHECK_THROWS_AS(nlp::count_linear_pieces(net, -1, INFINITY), std::invalid_argument);
  }
}

TEST_CASE("count_linear_pieces agrees with the network's own outputs on deep random nets") {
  // Between neighbouring kinks predict() must be affine; across each kink its slope or value must
  // change. Checked on points the analysis never saw.
  for (const char* act : {"relu", "leaky_relu", "step"}) {
    CAPTURE(act);
    NetworkConfig cfg;
    cfg.layers = {1, 8, 8, 8, 1};
    cfg.activations = {act, "relu", act, "linear"};
    cfg.seed = 40;
    Network<double> net(cfg);
    randomise(net, 41);
    const double lo = -3, hi = 3;
    const auto pieces = nlp::count_linear_pieces(net, lo, hi);
    CHECK(pieces.count == int(pieces.kinks.size()) + 1);
    CHECK(pieces.count >= 3);
    std::vector<double> edges = {lo};
    edges.insert(edges.end(), pieces.kinks.begin(), pieces.kinks.end());
    edges.push_back(hi);
    CHECK(std::is_sorted(edges.begin(), edges.end()));
    std::vector<double> slopes, left_values, right_values;
    for (size_t k = 0; k + 1 < edges.size(); ++k) {
      const double a = edges[k], b = edges[k + 1], w = b - a;
      REQUIRE(w > 0);
      std::vector<double> xs;
      for (int j = 0; j <= 6; ++j) xs.push_back(a + w * (0.01 + 0.98 * j / 6));
      const auto ys = net_outputs(net, xs);
      const double slope = (ys[6] - ys[0]) / (xs[6] - xs[0]);
      for (int j = 1; j < 6; ++j) {
        const double line = ys[0] + slope * (xs[size_t(j)] - xs[0]);
        CHECK(ys[size_t(j)] == doctest::Approx(line).scale(1).epsilon(1e-9));
      }
      slopes.push_back(slope);
      left_values.push_back(ys[0] + slope * (a - xs[0]));
      right_values.push_back(ys[0] + slope * (b - xs[0]));
    }
    for (size_t k = 0; k + 1 < slopes.size(); ++k) {
      const bool slope_changes = std::abs(slopes[k] - slopes[k + 1]) > 1e-6 * std::max(1.0, std::abs(slopes[k]));
      const bool jumps = std::abs(right_values[k] - left_values[k + 1]) > 1e-6;
      CHECK((slope_changes || jumps));
    }
  }
}

TEST_CASE("ReLU pieces grow with hidden units and the fit error falls (1-H-1 on parabola)") {
  const auto d = nlp::make_dataset("parabola", 200, 0, 50);
  std::vector<int> counts;
  std::vector<double> losses;
  for (int h : {1, 4, 16}) {
    CAPTURE(h);
    Network<float> net(NetworkConfig::uniform({1, h, 1}, "relu", "linear", 51));
    nlp::TrainOptions opt;
    opt.optimizer = nlp::OptimizerKind::Adam;
    opt.learning_rate = 0.01;
    opt.batch_size = 20;
    opt.epochs = 400;
    net.fit(d.x.data(), d.y.data(), d.size(), opt);
    const auto pieces = nlp::count_linear_pieces(net, -1, 1);
    counts.push_back(pieces.count);
    losses.push_back(net.loss(d.x.data(), d.y.data(), d.size()));
    CHECK(pieces.count <= h + 1);  // one input: each hidden unit has at most one kink
  }
  CAPTURE(counts[0]);
  CAPTURE(counts[1]);
  CAPTURE(counts[2]);
  CAPTURE(losses[0]);
  CAPTURE(losses[1]);
  CAPTURE(losses[2]);
  CHECK(counts[0] < counts[1]);
  CHECK(counts[1] < counts[2]);
  CHECK(losses[1] < losses[0]);
  CHECK(losses[2] < losses[1]);
  CHECK(losses[2] < 0.1 * losses[0]);
}

// C8, C12: what the collapse scene shows: the deep net and W' x + b' agree to float precision
// over a grid, even while the net trains; a tanh layer makes the deviation undefined.
TEST_CASE("collapse_deviation: float precision for linear and affine nets, throws for tanh") {
  std::vector<float> grid;
  for (int i = 0; i < 21; ++i)
    for (int j = 0; j < 21; ++j) grid.insert(grid.end(), {float(-6 + 0.6 * j), float(-6 + 0.6 * i)});
  const auto data = nlp::make_dataset("xor", 100, 0.0, 1);
  for (const char* act : {"linear", "affine"}) {
    CAPTURE(act);
    auto config = NetworkConfig::uniform({2, 3, 3, 1}, act, "linear", 2);
    config.affine = {1.3, -0.4};
    Network<float> net(config);
    nlp::TrainOptions o;
    o.learning_rate = 0.001;
    for (int k = 0; k < 3; ++k) {
      const double dev = nlp::collapse_deviation(net, grid.data(), 441);
      CHECK(dev < 1e-4);
      CHECK(dev >= 0.0);
      net.fit(data.x.data(), data.y.data(), 100, o);
    }
    // In double precision the agreement is far tighter: the deviation measures rounding only.
    Network<double> exact(config);
    const std::vector<double> g(grid.begin(), grid.end());
    CHECK(nlp::collapse_deviation(exact, g.data(), 441) < 1e-12);
  }
  Network<float> tanh(NetworkConfig::uniform({2, 3, 3, 1}, "tanh", "linear", 2));
  CHECK_THROWS_AS(nlp::collapse_deviation(tanh, grid.data(), 441), std::invalid_argument);
  Network<float> lin(NetworkConfig::uniform({2, 3, 1}, "linear", "linear", 2));
  CHECK_THROWS_AS(nlp::collapse_deviation(lin, grid.data(), 0), std::invalid_argument);
}

namespace {

// Brute force for best_line_accuracy, by another method: the accuracy of the best threshold on
// the projections onto a direction u(theta) only changes where u is orthogonal to the difference
// of two points, so trying one direction strictly between each pair of neighbouring critical
// angles, and every threshold between distinct projections (and beyond both ends), both signs,
// finds the best line. Thresholds counted directly, point by point.
int brute_best_line(const std::vector<float>& x, const std::vector<float>& y, int inputs) {
  const int n = static_cast<int>(y.size());
  std::vector<double> angles;
  if (inputs == 1) {
    angles = {0.0};
  } else {
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        const double dx = x[size_t(2 * j)] - x[size_t(2 * i)], dy = x[size_t(2 * j + 1)] - x[size_t(2 * i + 1)];
        if (dx == 0 && dy == 0) continue;
        double a = std::atan2(dx, -dy);
        if (a < 0) a += 2 * kPi;
        angles.push_back(a);
      }
    std::sort(angles.begin(), angles.end());
    std::vector<double> mids;
    for (size_t k = 0; k < angles.size(); ++k) {
      const double next = k + 1 < angles.size() ? angles[k + 1] : angles[0] + 2 * kPi;
      if (next - angles[k] > 1e-12) mids.push_back(0.5 * (angles[k] + next));
    }
    if (mids.empty()) mids.push_back(0.123);
    angles = mids;
  }
  int best = 0;
  for (double th : angles) {
    std::vector<double> v(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k)
      v[size_t(k)] = inputs == 1 ? x[size_t(k)] : std::cos(th) * x[size_t(2 * k)] + std::sin(th) * x[size_t(2 * k + 1)];
    std::vector<double> cuts(v);
    std::sort(cuts.begin(), cuts.end());
    std::vector<double> ts = {cuts.front() - 1, cuts.back() + 1};
    for (size_t k = 0; k + 1 < cuts.size(); ++k)
      if (cuts[k + 1] > cuts[k]) ts.push_back(0.5 * (cuts[k] + cuts[k + 1]));
    for (double t : ts)
      for (int s : {-1, 1}) {
        int ok = 0;
        for (int k = 0; k < n; ++k) ok += ((s * (v[size_t(k)] - t) > 0) == (y[size_t(k)] > 0)) ? 1 : 0;
        best = std::max(best, ok);
      }
  }
  return best;
}

}  // namespace

// C3: the compare lesson's "best any straight line can do".
TEST_CASE("best_line_accuracy: known cases") {
  // XOR's four corners: any line gets 3 of 4.
  const std::vector<float> xor_x = {-1, -1, 1, 1, -1, 1, 1, -1}, xor_y = {1, 1, -1, -1};
  CHECK(nlp::best_line_accuracy(xor_x, xor_y, 2).correct == 3);
  // Three collinear points + - +: a line can split them only into a prefix and a suffix: 2 of 3.
  const std::vector<float> col_x = {0, 0, 1, 1, 2, 2}, col_y = {1, -1, 1};
  CHECK(nlp::best_line_accuracy(col_x, col_y, 2).correct == 2);
  // Separable data: 1.
  const std::vector<float> sep_x = {0, 0, 0, 1, 3, 0, 3, 1}, sep_y = {1, 1, -1, -1};
  CHECK(nlp::best_line_accuracy(sep_x, sep_y, 2).accuracy == 1.0);
  // 1D: a threshold; + + - + -> 3 of 4.
  CHECK(nlp::best_line_accuracy({0, 1, 2, 3}, {1, 1, -1, 1}, 1).correct == 3);
  // Duplicated points with opposite labels: at most one of each pair.
  CHECK(nlp::best_line_accuracy({0, 0, 0, 0, 1, 1}, {1, -1, 1}, 2).correct == 2);
  CHECK(contains(invalid_argument_message([] { nlp::best_line_accuracy({0, 0}, {0.5f}, 2); }), "+1 or -1"));
  CHECK(contains(invalid_argument_message([] { nlp::best_line_accuracy({0, 0, 0}, {1}, 3); }), "1 or 2"));
  CHECK(contains(invalid_argument_message([] { nlp::best_line_accuracy({0, 0, 1, 1}, {1}, 2); }), "one label per point"));
}

TEST_CASE("best_line_accuracy equals a brute-force sweep over directions on small random sets") {
  nlp::Rng rng(2024, 9);
  for (int trial = 0; trial < 300; ++trial) {
    const int inputs = trial % 5 == 0 ? 1 : 2;
    const int n = 1 + static_cast<int>(rng.uniform() * 11);
    const bool grid = trial % 2 == 0;  // small integers: many collinear and repeated points
    std::vector<float> x, y;
    for (int k = 0; k < n * inputs; ++k) x.push_back(grid ? float(std::floor(rng.uniform(-3, 3))) : float(rng.uniform(-2, 2)));
    for (int k = 0; k < n; ++k) y.push_back(rng.uniform() < 0.5 ? 1.0f : -1.0f);
    CAPTURE(trial);
    const auto got = nlp::best_line_accuracy(x, y, inputs);
    CHECK(got.n == n);
    CHECK(got.correct == brute_best_line(x, y, inputs));
  }
}

TEST_CASE("best_line_accuracy bounds every line, and the xor dataset is far from separable") {
  const auto data = nlp::make_dataset("xor", 200, 0.0, 4);
  const auto best = nlp::best_line_accuracy(data.x, data.y, 2);
  nlp::Rng rng(5, 1);
  for (int k = 0; k < 2000; ++k) {
    const double a = rng.normal(), b = rng.normal(), c = rng.uniform(-6, 6);
    int ok = 0;
    for (int i = 0; i < 200; ++i) ok += ((a * data.x[size_t(2 * i)] + b * data.x[size_t(2 * i + 1)] + c > 0) == (data.y[size_t(i)] > 0));
    CHECK(ok <= best.correct);
  }
  CHECK(best.accuracy < 0.8);
  CHECK(best.accuracy >= 0.5);
}
