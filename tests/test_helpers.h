// Shared helpers for the doctest suites: random data and a finite-difference gradient check.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "network.h"
#include "rng.h"

namespace nlp_test {

inline std::vector<double> random_vector(size_t n, uint64_t seed, double lo = -1, double hi = 1) {
  nlp::Rng rng(seed, 99);
  std::vector<double> v(n);
  for (auto& x : v) x = rng.uniform(lo, hi);
  return v;
}

// Largest relative error between the analytic gradient of `net` and central differences of its
// loss, over every parameter: |g - fd| / max(1e-3, |g| + |fd|).
inline double gradient_check(nlp::Network<double>& net, const std::vector<double>& x, const std::vector<double>& y,
                             double h = 1e-6) {
  const auto n = static_cast<Eigen::Index>(x.size() / net.inputs());
  net.gradients(x.data(), y.data(), n);
  const Eigen::VectorXd analytic = net.gradient_buffer();
  auto& p = net.parameters();
  double worst = 0;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const double keep = p[i];
    p[i] = keep + h;
    const double up = net.loss(x.data(), y.data(), n);
    p[i] = keep - h;
    const double down = net.loss(x.data(), y.data(), n);
    p[i] = keep;
    const double fd = (up - down) / (2 * h);
    worst = std::max(worst, std::abs(analytic[i] - fd) / std::max(1e-3, std::abs(analytic[i]) + std::abs(fd)));
  }
  return worst;
}

inline std::vector<float> to_float(const std::vector<double>& v) { return std::vector<float>(v.begin(), v.end()); }

// Plain SGD options: learning rate, batch size, epochs.
inline nlp::TrainOptions sgd(double lr, int batch, int epochs = 1) {
  nlp::TrainOptions o;
  o.learning_rate = lr;
  o.batch_size = batch;
  o.epochs = epochs;
  return o;
}

inline double accuracy(const std::vector<float>& out, const std::vector<float>& labels) {
  int ok = 0;
  for (size_t i = 0; i < out.size(); ++i) ok += (out[i] > 0) == (labels[i] > 0);
  return double(ok) / double(out.size());
}

}  // namespace nlp_test
