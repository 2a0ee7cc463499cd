// Input features (engine/input_features.h): TensorFlow Playground's definitions, the layout, the
// refusals, and claim C16 (docs/claims.md): a network with only linear layers separates the
// circle when it is fed x1^2 and x2^2, and cannot when it is fed x1 and x2.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis.h"
#include "dataset.h"
#include "engine_limits.h"
#include "input_features.h"
#include "network.h"
#include "test_helpers.h"

using nlp::Feature;

namespace {

std::vector<std::string> all_names() { return nlp::feature_names(); }

// The message of the std::invalid_argument `f` throws ("" if it throws nothing).
template <typename F>
std::string refusal(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Accuracy of outputs on +-1 labels: output on the label's side of 0.
double accuracy(const std::vector<float>& out, const std::vector<float>& y) {
  int ok = 0;
  for (size_t i = 0; i < y.size(); ++i) ok += (out[i] > 0) == (y[i] > 0);
  return double(ok) / double(y.size());
}

}  // namespace

TEST_CASE("features: the names, in TensorFlow Playground's meaning") {
  CHECK(all_names() == std::vector<std::string>{"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY"});
}

TEST_CASE("features: values at known points, every feature") {
  // (x1, x2) and the nine values, written out by hand: x, y, x^2, y^2, xy, sin x, sin y, cos x, cos y
  struct Known {
    float x1, x2;
    double v[9];
  };
  const double s2 = 0.9092974268256817, c2 = -0.4161468365471424;  // sin 2, cos 2
  const double s3 = 0.1411200080598672, c3 = -0.9899924966004454;  // sin 3, cos 3
  const Known known[] = {
      {0, 0, {0, 0, 0, 0, 0, 0, 0, 1, 1}},
      {2, -3, {2, -3, 4, 9, -6, s2, -s3, c2, c3}},
      {-6, 6, {-6, 6, 36, 36, -36, 0.27941549819892586, -0.27941549819892586, 0.960170286650366, 0.960170286650366}},
      {0.5f, -0.25f, {0.5, -0.25, 0.25, 0.0625, -0.125, 0.479425538604203, -0.24740395925452294, 0.8775825618903728,
                      0.9689124217106447}},
  };
  std::vector<float> points;
  for (const auto& k : known) points.insert(points.end(), {k.x1, k.x2});
  const auto fs = nlp::features_from_names(all_names());
  const auto out = nlp::compute_features(fs, points.data(), 4);
  REQUIRE(out.size() == 4 * 9);
  for (size_t i = 0; i < 4; ++i)
    for (size_t j = 0; j < 9; ++j) {
      CAPTURE(i);
      CAPTURE(all_names()[j]);
      // each value is the double result rounded to float once: within half a float ulp
      CHECK(out[i * 9 + j] == doctest::Approx(known[i].v[j]).epsilon(1e-7).scale(1e-30));
      CHECK(out[i * 9 + j] == float(known[i].v[j]));
    }
  // one feature at a time gives the same values as the whole list
  for (size_t j = 0; j < 9; ++j) {
    const auto one = nlp::compute_features({Feature(j)}, points.data(), 4);
    for (size_t i = 0; i < 4; ++i) CHECK(one[i] == out[i * 9 + j]);
  }
}

TEST_CASE("features: columns in the order given, one row per point") {
  const std::vector<float> points = {1, 2, 3, -4, -0.5f, 0.25f};
  const auto fs = nlp::features_from_names({"ySquared", "x", "xTimesY"});
  REQUIRE(fs == std::vector<Feature>{Feature::YSquared, Feature::X, Feature::XTimesY});
  const auto out = nlp::compute_features(fs, points.data(), 3);
  CHECK(out == std::vector<float>{4, 1, 2, 16, 3, -12, 0.0625f, -0.5f, -0.125f});
  // x and y alone are the points themselves, bit for bit
  CHECK(nlp::compute_features(nlp::features_from_names({"x", "y"}), points.data(), 3) == points);
  CHECK(nlp::compute_features(fs, points.data(), 0).empty());
}

TEST_CASE("features: refusals name the field and the value") {
  const std::vector<float> points = {1, 2};
  CHECK(starts_with(refusal([] { nlp::features_from_names({}); }), "features: no feature given; a network needs at least one input"));
  CHECK(starts_with(refusal([] { nlp::features_from_names({"x", "zSquared"}); }),
                    "features[1]: unknown feature 'zSquared' (known: x, y, xSquared, ySquared, xTimesY, sinX, sinY, cosX, cosY)"));
  CHECK(refusal([] { nlp::features_from_names({"x", "sinX", "x"}); }) ==
        "features[2]: 'x' is already features[0]; each feature can be given once");
  // names are exact: TensorFlow Playground's spelling, case included
  CHECK(starts_with(refusal([] { nlp::features_from_names({"xsquared"}); }), "features[0]: unknown feature 'xsquared'"));
  CHECK(starts_with(refusal([] { nlp::features_from_names(std::vector<std::string>(10, "x")); }),
                    "features: 10 names, at most 9 (each feature once: x, y,"));
  CHECK(starts_with(refusal([] { nlp::check_feature_count(1000000); }), "features: 1000000 names, at most 9"));
  nlp::check_feature_count(9);
  const std::string long_name(nlp::kMaxNameLength + 1, 'n');
  CHECK(starts_with(refusal([&] { nlp::features_from_names({"x", long_name}); }),
                    "features[1]: 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\xE2\x80\xA6' (65 characters) is longer than 64"));
  const auto fs = nlp::features_from_names({"x"});
  CHECK(refusal([&] { nlp::compute_features(fs, points.data(), -1); }) ==
        "x: -1 points, must be in 0.." + std::to_string(nlp::kMaxFeaturePoints) + " (engine.limits.featurePoints)");
  CHECK(starts_with(refusal([&] { nlp::compute_features(fs, points.data(), nlp::kMaxFeaturePoints + 1); }),
                    "x: " + std::to_string(nlp::kMaxFeaturePoints + 1) + " points, must be in 0.."));
  // a square past float's range is refused, naming the point and the feature
  const std::vector<float> huge = {0, 0, 2e19f, 1};
  CHECK(refusal([&] { nlp::compute_features(nlp::features_from_names({"x", "xSquared"}), huge.data(), 2); }) ==
        "x: point 1 (2e+19, 1) gives xSquared = Infinity, past the range of float");
  // ... while features that stay in range are computed for the same point
  CHECK(nlp::compute_features(nlp::features_from_names({"y", "sinY"}), huge.data(), 2).size() == 4);
}

// C16 (docs/claims.md): the nonlinearity can come from features someone chose. The compare
// lesson's network 1 (2-4-2-1, linear hidden layers, tanh output, squared loss on +-1 labels,
// SGD at the page's default rate 0.03 and batch 10) on the circle, seeds 1, 2, 3: fed x1^2 and
// x2^2 it classifies the held-out half >= 95 % right after 100 epochs; fed x1 and x2 it never
// beats the best straight line on the same points (engine/analysis.h, exact).
TEST_CASE("C16: a linear network on x1^2, x2^2 separates the circle; on x1, x2 it cannot") {
  for (uint64_t seed : {1, 2, 3}) {
    CAPTURE(seed);
    const auto all = nlp::make_dataset("circle", 500, 0.0, seed);
    const auto parts = nlp::split_dataset(all, 0.5, seed + 1);
    const int n_train = parts.train.size(), n_test = parts.test.size();
    double acc[2];
    const std::vector<std::string> inputs[2] = {{"xSquared", "ySquared"}, {"x", "y"}};
    for (int k = 0; k < 2; ++k) {
      const auto fs = nlp::features_from_names(inputs[k]);
      const auto train = nlp::compute_features(fs, parts.train.x.data(), n_train);
      const auto test = nlp::compute_features(fs, parts.test.x.data(), n_test);
      nlp::Network<float> net(nlp::NetworkConfig::uniform({2, 4, 2, 1}, "linear", "tanh", seed + 2));
      nlp::TrainOptions o;
      o.epochs = 100;
      o.batch_size = 10;
      o.learning_rate = 0.03;
      net.fit(train.data(), parts.train.y.data(), n_train, o);
      std::vector<float> out(static_cast<size_t>(n_test));
      net.predict(test.data(), n_test, out.data());
      acc[k] = accuracy(out, parts.test.y);
    }
    const double best_line = nlp::best_line_accuracy(parts.test.x, parts.test.y, 2).accuracy;
    CAPTURE(acc[0]);
    CAPTURE(acc[1]);
    CAPTURE(best_line);
    CHECK(acc[0] >= 0.95);
    CHECK(acc[1] <= best_line);
    CHECK(best_line < 0.95);  // so the first check says something no line can do
  }
}
