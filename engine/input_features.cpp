// Input features (input_features.h): TensorFlow Playground's functions of a point, by name.
#include "input_features.h"

#include <cmath>
#include <stdexcept>

#include "engine_limits.h"
#include "entry.h"

namespace nlp {

namespace {

// In enum order. The labels a page shows (x₁², sin(x₁), ...) are the page's (web/).
const std::vector<std::string> kNames = {"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY"};

std::string known_names() {
  std::string known;
  for (const auto& s : kNames) known += (known.empty() ? "" : ", ") + s;
  return known;
}

}  // namespace

const std::vector<std::string>& feature_names() { return kNames; }

double feature_value(Feature f, double x1, double x2) {
  switch (f) {
    case Feature::X: return x1;
    case Feature::Y: return x2;
    case Feature::XSquared: return x1 * x1;
    case Feature::YSquared: return x2 * x2;
    case Feature::XTimesY: return x1 * x2;
    case Feature::SinX: return std::sin(x1);
    case Feature::SinY: return std::sin(x2);
    case Feature::CosX: return std::cos(x1);
    case Feature::CosY: return std::cos(x2);
  }
  return 0;
}

void check_feature_count(size_t count, const std::string& field) {
  if (count > kNames.size())
    throw std::invalid_argument(field + ": " + std::to_string(count) + " names, at most " + std::to_string(kNames.size()) +
                                " (each feature once: " + known_names() + ")");
}

std::vector<Feature> features_from_names(const std::vector<std::string>& names, const std::string& field) {
  check_feature_count(names.size(), field);
  if (names.empty())
    throw std::invalid_argument(field + ": no feature given; a network needs at least one input (known: " + known_names() + ")");
  std::vector<Feature> out;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    size_t k = 0;
    while (k < kNames.size() && kNames[k] != names[i]) ++k;
    if (k == kNames.size()) {
      check_name(names[i], at);  // a name past the limit is reported as such, not echoed
      throw std::invalid_argument(at + ": unknown feature " + quote(names[i]) + " (known: " + known_names() + ")");
    }
    for (size_t j = 0; j < i; ++j)
      if (names[j] == names[i])
        throw std::invalid_argument(at + ": " + quote(names[i]) + " is already " + field + "[" + std::to_string(j) +
                                    "]; each feature can be given once");
    out.push_back(static_cast<Feature>(k));
  }
  return out;
}

void check_feature_points(int n, const std::string& field) {
  if (n < 0 || n > kMaxFeaturePoints)
    throw std::invalid_argument(field + ": " + std::to_string(n) + " points, must be in 0.." + std::to_string(kMaxFeaturePoints) +
                                " (engine.limits.featurePoints)");
}

void compute_features(const std::vector<Feature>& features, const float* points, int n, float* out,
                      const std::string& field) {
  check_feature_points(n, field);
  const size_t k = features.size();
  for (size_t i = 0; i < size_t(n); ++i) {
    const double x1 = points[2 * i], x2 = points[2 * i + 1];
    for (size_t j = 0; j < k; ++j) {
      const float v = static_cast<float>(feature_value(features[j], x1, x2));
      if (!std::isfinite(v))
        throw std::invalid_argument(field + ": point " + std::to_string(i) + " (" + num(x1) + ", " + num(x2) + ") gives " +
                                    kNames[size_t(features[j])] + " = " + js_number(v) + ", past the range of float");
      out[i * k + j] = v;
    }
  }
}

std::vector<float> compute_features(const std::vector<Feature>& features, const float* points, int n,
                                    const std::string& field) {
  check_feature_points(n, field);  // before the allocation
  std::vector<float> out(size_t(n) * features.size());
  compute_features(features, points, n, out.data(), field);
  return out;
}

}  // namespace nlp
