// Input features: functions of a point (x1, x2) of the plane that a network is fed instead of
// the point itself, with TensorFlow Playground's names and meanings (its src/state.ts keys; the
// functions of its src/playground.ts INPUTS, applied as there to the raw coordinates, which are
// in about [-6, 6]^2 for the 2D datasets, with no scaling):
//   x = x1, y = x2, xSquared = x1^2, ySquared = x2^2, xTimesY = x1 x2,
//   sinX = sin(x1), sinY = sin(x2), cosX = cos(x1), cosY = cos(x2).
// (The Playground's current INPUTS lack cosX and cosY; its state still has the keys. Here they
// mean what their names say.)
//
// A linear model of nonlinear features is nonlinear in the plane: on `circle`, a network with
// only linear layers separates the classes from xSquared and ySquared, since x1^2 + x2^2 = r^2
// is linear in them (docs/claims.md, C16). The features are computed once per dataset, per
// choice of features and per grid, never per epoch.
// (Not named features.h: engine/ is on the include path, where that name would shadow glibc's
// <features.h>, which every C++ standard header includes.)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace nlp {

enum class Feature { X, Y, XSquared, YSquared, XTimesY, SinX, SinY, CosX, CosY };

// Every feature's name, in enum order (the order a diagram lists them in).
const std::vector<std::string>& feature_names();

// The value of feature f at the point (x1, x2), in double precision.
double feature_value(Feature f, double x1, double x2);

// A list of `count` names can name each feature at most once: throws std::invalid_argument
// ("features: 12 names, at most 9 (each feature once: x, y, ...)") when count is larger. The
// bindings call it before they read a list from JS.
void check_feature_count(size_t count, const std::string& field = "features");

// The features a list of names asks for, in its order. Throws std::invalid_argument naming the
// field: more names than there are features ("features: 12 names, at most 9 ..."), a name
// longer than kMaxNameLength, an unknown name (listing the known ones), a name given twice, or
// an empty list.
std::vector<Feature> features_from_names(const std::vector<std::string>& names, const std::string& field = "features");

// n points are at most kMaxFeaturePoints (engine_limits.h), and not negative; else
// std::invalid_argument naming `field` ("x: 2000000 points, must be in 0..1000000
// (engine.limits.featurePoints)").
void check_feature_points(int n, const std::string& field = "x");

// The (n, k) row-major matrix of the k features at n points (x1, x2) given row-major in `points`
// (n, 2), written to `out` (n * k floats): each value computed in double and rounded to float
// once. Checks n first (check_feature_points), before any work; throws std::invalid_argument if
// a value is not finite in float (x1^2 of |x1| >= about 1.8e19), naming the point, the feature
// and the value ("x: point 3 (2e+19, 0) gives xSquared = Infinity, past the range of float"). `points` must
// be finite (the entry layer checks it: engine/entry.h's finite()).
void compute_features(const std::vector<Feature>& features, const float* points, int n, float* out,
                      const std::string& field = "x");
std::vector<float> compute_features(const std::vector<Feature>& features, const float* points, int n,
                                    const std::string& field = "x");

}  // namespace nlp
