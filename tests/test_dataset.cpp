// Claims cited as C1..C15, and "the thread" (the question-and-answer thread the playground
// answers), are defined in docs/claims.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "dataset.h"

using nlp::Dataset;
using nlp::DatasetKind;
using nlp::make_dataset;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Approx with a purely relative tolerance (doctest's default adds epsilon * 1 to it).
doctest::Approx rel(double value, double epsilon) { return doctest::Approx(value).epsilon(epsilon).scale(0); }

bool same_bytes(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// Sample i of a dataset as (x..., y...): rows to compare as a multiset.
std::vector<std::vector<float>> rows(const Dataset& d) {
  std::vector<std::vector<float>> r;
  for (int i = 0; i < d.size(); ++i) {
    std::vector<float> row(d.x.begin() + i * d.inputs, d.x.begin() + (i + 1) * d.inputs);
    row.insert(row.end(), d.y.begin() + i * d.outputs, d.y.begin() + (i + 1) * d.outputs);
    r.push_back(row);
  }
  std::sort(r.begin(), r.end());
  return r;
}

struct Moments {
  double mean = 0, var = 0;
};
Moments moments(const std::vector<double>& v) {
  Moments m;
  for (double x : v) m.mean += x;
  m.mean /= double(v.size());
  for (double x : v) m.var += (x - m.mean) * (x - m.mean);
  m.var /= double(v.size() - 1);
  return m;
}

}  // namespace

TEST_CASE("dataset registry: names, shapes and kinds") {
  const auto names = nlp::dataset_names();
  const std::vector<std::string> expected = {"xor",     "circle", "spiral", "gauss", "moons",    "spiral3", "blobs3", "plane",
                                             "gauss_bumps", "line", "sine",   "parabola", "abs", "step",    "cubic", "correlated"};
  CHECK(names == expected);
  REQUIRE(nlp::dataset_infos().size() == names.size());
  CHECK(nlp::dataset_kind_name(DatasetKind::Classification) == "classification");
  CHECK(nlp::dataset_kind_name(DatasetKind::Multiclass) == "multiclass");
  CHECK(nlp::dataset_kind_name(DatasetKind::Regression) == "regression");

  for (const auto& info : nlp::dataset_infos()) {
    CAPTURE(info.name);
    const int n = 101;  // odd: class sizes must still add up to n
    const Dataset d = make_dataset(info.name, n, 0.2, 5);
    CHECK(d.inputs == info.inputs);
    CHECK(d.outputs == info.outputs);
    CHECK(d.kind == info.kind);
    CHECK(d.size() == n);
    CHECK(d.x.size() == size_t(n) * size_t(info.inputs));
    CHECK(d.y.size() == size_t(n) * size_t(info.outputs));
    for (float v : d.x) CHECK(std::isfinite(v));
    for (float v : d.y) CHECK(std::isfinite(v));
    const bool one_d = info.name == "line" || info.name == "sine" || info.name == "parabola" || info.name == "abs" ||
                       info.name == "step" || info.name == "cubic";
    CHECK(info.inputs == (one_d ? 1 : 2));
    if (info.kind == DatasetKind::Multiclass) CHECK(info.outputs == 3);
    else if (info.name == "correlated") CHECK(info.outputs == 2);  // y = x, for an autoencoder
    else CHECK(info.outputs == 1);
  }
}

TEST_CASE("datasets: labels are exactly +1/-1 or one-hot, balanced by class") {
  for (const auto& info : nlp::dataset_infos()) {
    if (info.kind == DatasetKind::Regression) continue;
    CAPTURE(info.name);
    for (double noise : {0.0, 0.5}) {
      CAPTURE(noise);
      const Dataset d = make_dataset(info.name, 301, noise, 9);
      if (info.kind == DatasetKind::Classification) {
        int pos = 0;
        for (float v : d.y) {
          CHECK((v == 1.0f || v == -1.0f));
          pos += v == 1.0f;
        }
        // Every generator draws half of each class (xor: uniform over four quadrants).
        if (noise == 0 && info.name != "xor") CHECK(pos == 151);
        if (info.name == "xor") CHECK(std::abs(pos - 150) < 40);
      } else {
        std::array<int, 3> count{};
        for (int i = 0; i < d.size(); ++i) {
          int ones = 0, zeros = 0, hot = -1;
          for (int k = 0; k < 3; ++k) {
            const float v = d.y[size_t(i * 3 + k)];
            if (v == 1.0f) {
              ++ones;
              hot = k;
            }
            if (v == 0.0f) ++zeros;
          }
          CHECK(ones == 1);
          CHECK(zeros == 2);
          if (hot >= 0) ++count[size_t(hot)];
        }
        CHECK(count == std::array<int, 3>{101, 100, 100});
      }
    }
  }
}

TEST_CASE("datasets: same seed gives identical bytes, another seed or noise differs") {
  for (const auto& name : nlp::dataset_names()) {
    CAPTURE(name);
    const Dataset a = make_dataset(name, 200, 0.3, 42), b = make_dataset(name, 200, 0.3, 42);
    CHECK(same_bytes(a.x, b.x));
    CHECK(same_bytes(a.y, b.y));
    const Dataset c = make_dataset(name, 200, 0.3, 43);
    CHECK_FALSE(same_bytes(a.x, c.x));
    const Dataset quiet = make_dataset(name, 200, 0.0, 42);
    CHECK_FALSE((same_bytes(a.x, quiet.x) && same_bytes(a.y, quiet.y)));
  }
}

TEST_CASE("classification datasets follow their formulas") {
  SUBCASE("circle: +1 inside r < 2.5, -1 in the ring 3.5..5; noise flips labels, never moves points") {
    const Dataset d = make_dataset("circle", 2000, 0, 3);
    for (int i = 0; i < d.size(); ++i) {
      const double r = std::hypot(d.x[size_t(2 * i)], d.x[size_t(2 * i + 1)]);
      if (d.y[size_t(i)] > 0) CHECK(r <= 2.5 + 1e-6);
      else CHECK((r >= 3.5 - 1e-6 && r <= 5 + 1e-6));
    }
    const Dataset noisy = make_dataset("circle", 2000, 0.3, 3);
    CHECK(same_bytes(d.x, noisy.x));
    int flipped = 0;
    for (int i = 0; i < d.size(); ++i) flipped += d.y[size_t(i)] != noisy.y[size_t(i)];
    CHECK(flipped > 20);
    CHECK(flipped < 1000);
    // At noise 1 the label is +1 iff p + u, u ~ U(-5, 5)^2, lies in the disc r < 2.5. For an inner
    // point (|p| <= 2.5) that disc shifted by -p lies inside the square, so P(+1) = pi 2.5^2 / 100.
    const Dataset loud = make_dataset("circle", 20000, 1.0, 3);
    int inner_pos = 0;
    for (int i = 0; i < 10000; ++i) inner_pos += loud.y[size_t(i)] > 0;
    CHECK(inner_pos / 10000.0 == rel(kPi * 6.25 / 100, 0.06));  // se 0.004 = 2 %
  }
  SUBCASE("xor: |x|, |y| in [0.3, 5.3], label sign(x y) at noise 0") {
    const Dataset d = make_dataset("xor", 2000, 0, 3);
    for (int i = 0; i < d.size(); ++i) {
      const float x = d.x[size_t(2 * i)], y = d.x[size_t(2 * i + 1)];
      CHECK(std::abs(x) >= 0.3f);
      CHECK(std::abs(x) <= 5.3f);
      CHECK(std::abs(y) >= 0.3f);
      CHECK(std::abs(y) <= 5.3f);
      CHECK(d.y[size_t(i)] == (x * y > 0 ? 1.0f : -1.0f));
    }
    const Dataset noisy = make_dataset("xor", 2000, 0.5, 3);
    CHECK(same_bytes(d.x, noisy.x));
    CHECK_FALSE(same_bytes(d.y, noisy.y));
  }
  SUBCASE("spiral: at noise 0 every point lies on its arm, radius <= 5; noise moves each coordinate by <= noise") {
    const int n = 400;
    const Dataset d = make_dataset("spiral", n, 0, 3);
    for (int c = 0; c < 2; ++c)
      for (int i = 0; i < n / 2; ++i) {
        const int k = c * n / 2 + i;
        const double r = 5.0 * i / (n / 2), t = 1.75 * i / (n / 2) * 2 * kPi + (c ? kPi : 0);
        CHECK(d.x[size_t(2 * k)] == doctest::Approx(r * std::sin(t)).epsilon(1e-6));
        CHECK(d.x[size_t(2 * k + 1)] == doctest::Approx(r * std::cos(t)).epsilon(1e-6));
        CHECK(d.y[size_t(k)] == (c == 0 ? 1.0f : -1.0f));
      }
    const Dataset noisy = make_dataset("spiral", n, 0.4, 3);
    double largest = 0;
    for (size_t j = 0; j < d.x.size(); ++j) largest = std::max(largest, double(std::abs(noisy.x[j] - d.x[j])));
    CHECK(largest <= 0.4 + 1e-5);
    CHECK(largest > 0.3);  // U(-1, 1) * 0.4 over 800 draws reaches near 0.4
  }
  SUBCASE("gauss: blobs at (2, 2) and (-2, -2), variance 0.5 + 3.5 noise") {
    for (double noise : {0.0, 1.0}) {
      CAPTURE(noise);
      const Dataset d = make_dataset("gauss", 20000, noise, 11);
      for (float label : {1.0f, -1.0f}) {
        std::vector<double> xs, ys;
        for (int i = 0; i < d.size(); ++i)
          if (d.y[size_t(i)] == label) {
            xs.push_back(d.x[size_t(2 * i)]);
            ys.push_back(d.x[size_t(2 * i + 1)]);
          }
        const double centre = label > 0 ? 2 : -2, var = 0.5 + 3.5 * noise;
        // standard errors: mean sqrt(var / 10000) <= 0.02, variance var sqrt(2 / 10000) ~ 1.4 %
        CHECK(std::abs(moments(xs).mean - centre) < 0.1);
        CHECK(std::abs(moments(ys).mean - centre) < 0.1);
        CHECK(moments(xs).var == rel(var, 0.06));
        CHECK(moments(ys).var == rel(var, 0.06));
      }
    }
  }
  SUBCASE("moons: at noise 0 the points lie on the two scaled half circles, in [-6, 6] x [-3, 3]") {
    const Dataset d = make_dataset("moons", 1000, 0, 3);
    for (int i = 0; i < d.size(); ++i) {
      const double x = d.x[size_t(2 * i)], y = d.x[size_t(2 * i + 1)];
      CHECK(std::abs(x) <= 6 + 1e-5);
      CHECK(std::abs(y) <= 3 + 1e-5);
      // back to make_moons coordinates
      const double u = x / 4 + 0.5, v = y / 4 + 0.25;
      if (d.y[size_t(i)] > 0) {
        CHECK(std::hypot(u, v) == doctest::Approx(1).epsilon(1e-5));
        CHECK(v >= -1e-6);
      } else {
        CHECK(std::hypot(u - 1, v - 0.5) == doctest::Approx(1).epsilon(1e-5));
        CHECK(v <= 0.5 + 1e-6);
      }
    }
    // noise: Gaussian jitter with sd 2 noise on each coordinate
    const Dataset noisy = make_dataset("moons", 20000, 0.25, 3), base = make_dataset("moons", 20000, 0, 3);
    std::vector<double> jitter;
    for (size_t j = 0; j < noisy.x.size(); ++j) jitter.push_back(noisy.x[j] - base.x[j]);
    CHECK(std::sqrt(moments(jitter).var) == rel(0.5, 0.02));  // se 0.35 %
    CHECK(same_bytes(noisy.y, base.y));
  }
}

TEST_CASE("multiclass datasets follow their formulas") {
  SUBCASE("spiral3: three arms 120 degrees apart, radius <= 5 at noise 0") {
    const int n = 300;
    const Dataset d = make_dataset("spiral3", n, 0, 4);
    for (int c = 0; c < 3; ++c)
      for (int i = 0; i < n / 3; ++i) {
        const int k = c * n / 3 + i;
        const double r = 5.0 * i / (n / 3), t = 1.75 * i / (n / 3) * 2 * kPi + 2 * kPi * c / 3;
        CHECK(d.x[size_t(2 * k)] == doctest::Approx(r * std::sin(t)).epsilon(1e-6));
        CHECK(d.x[size_t(2 * k + 1)] == doctest::Approx(r * std::cos(t)).epsilon(1e-6));
        CHECK(d.y[size_t(3 * k + c)] == 1.0f);
      }
  }
  SUBCASE("blobs3: centres 4 (cos a, sin a), a = 90, 210, 330 degrees; variance 0.5 + 3.5 noise") {
    const Dataset d = make_dataset("blobs3", 30000, 0.5, 4);
    for (int c = 0; c < 3; ++c) {
      CAPTURE(c);
      std::vector<double> xs, ys;
      for (int i = 0; i < d.size(); ++i)
        if (d.y[size_t(3 * i + c)] == 1.0f) {
          xs.push_back(d.x[size_t(2 * i)]);
          ys.push_back(d.x[size_t(2 * i + 1)]);
        }
      const double a = kPi / 2 + 2 * kPi * c / 3;
      // standard errors: mean 0.015, variance 1.4 %
      CHECK(std::abs(moments(xs).mean - 4 * std::cos(a)) < 0.06);
      CHECK(std::abs(moments(ys).mean - 4 * std::sin(a)) < 0.06);
      CHECK(moments(xs).var == rel(2.25, 0.06));
      CHECK(moments(ys).var == rel(2.25, 0.06));
    }
  }
}

TEST_CASE("regression datasets: inputs in range, y = f(x) at noise 0, noise sd = noise * s") {
  struct Case {
    const char* name;
    double (*f)(double, double);
    double s;
  };
  const auto bumps = [](double x1, double x2) {
    const double g[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    double y = 0;
    for (const auto& b : g) y += b[2] * std::exp(-0.5 * ((x1 - b[0]) * (x1 - b[0]) + (x2 - b[1]) * (x2 - b[1])));
    return y;
  };
  const Case cases[] = {
      {"plane", [](double a, double b) { return (a + b) / 10; }, 1.2},
      {"gauss_bumps", +bumps, 1.0},
      {"line", [](double x, double) { return 0.8 * x + 0.2; }, 0.8},
      {"sine", [](double x, double) { return std::sin(kPi * x); }, 1.0},
      {"parabola", [](double x, double) { return x * x; }, 0.5},
      {"abs", [](double x, double) { return std::abs(x); }, 0.5},
      {"step", [](double x, double) { return x >= 0 ? 1.0 : -1.0; }, 1.0},
      {"cubic", [](double x, double) { return x * x * x; }, 1.0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const Dataset d = make_dataset(c.name, 20000, 0, 8);
    const double range = d.inputs == 2 ? 6.0 : 1.0;
    double lo = 1e9, hi = -1e9;
    for (float v : d.x) {
      lo = std::min(lo, double(v));
      hi = std::max(hi, double(v));
    }
    CHECK(lo >= -range);
    CHECK(hi <= range);
    CHECK(lo < -0.99 * range);  // the whole interval is covered
    CHECK(hi > 0.99 * range);
    for (int i = 0; i < d.size(); ++i) {
      const double x1 = d.x[size_t(i * d.inputs)], x2 = d.inputs == 2 ? d.x[size_t(i * 2 + 1)] : 0.0;
      CHECK(d.y[size_t(i)] == doctest::Approx(c.f(x1, x2)).scale(1).epsilon(1e-6));
    }
    // The noisy set has the same x; its residuals are N(0, (noise s)^2).
    const double noise = 0.3;
    const Dataset noisy = make_dataset(c.name, 20000, noise, 8);
    CHECK(same_bytes(d.x, noisy.x));
    std::vector<double> residual;
    for (int i = 0; i < d.size(); ++i) residual.push_back(double(noisy.y[size_t(i)]) - double(d.y[size_t(i)]));
    // standard errors: mean noise s / 141, sd 0.5 %
    CHECK(std::abs(moments(residual).mean) < 0.035 * noise * c.s);
    CHECK(std::sqrt(moments(residual).var) == rel(noise * c.s, 0.03));
  }
}

TEST_CASE("split_dataset: sizes, disjoint parts that make up the data, seeded") {
  const Dataset d = make_dataset("spiral3", 301, 0.2, 2);
  SUBCASE("the first round(ratio n) shuffled samples train, the rest test") {
    for (double ratio : {0.0, 0.25, 0.5, 0.8, 1.0}) {
      CAPTURE(ratio);
      const auto s = nlp::split_dataset(d, ratio, 7);
      const int n_train = int(std::llround(ratio * 301));
      CHECK(s.train.size() == n_train);
      CHECK(s.test.size() == 301 - n_train);
      CHECK(s.train.inputs == 2);
      CHECK(s.test.outputs == 3);
      CHECK(s.train.kind == DatasetKind::Multiclass);
      CHECK(s.train.y.size() == size_t(n_train) * 3);
      // train + test is exactly the data as a multiset of (x, y) rows; the rows are distinct, so
      // the parts are disjoint.
      Dataset both = s.train;
      both.x.insert(both.x.end(), s.test.x.begin(), s.test.x.end());
      both.y.insert(both.y.end(), s.test.y.begin(), s.test.y.end());
      const auto all = rows(d);
      CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
      CHECK(rows(both) == all);
    }
    CHECK(nlp::split_dataset(d, 0.5, 1).train.size() == 151);  // 150.5 rounds up
  }
  SUBCASE("shuffled: not the generator's order, same seed same split, other seed another") {
    const auto a = nlp::split_dataset(d, 0.5, 7), b = nlp::split_dataset(d, 0.5, 7), c = nlp::split_dataset(d, 0.5, 8);
    CHECK(same_bytes(a.train.x, b.train.x));
    CHECK(same_bytes(a.test.y, b.test.y));
    CHECK_FALSE(same_bytes(a.train.x, c.train.x));
    const std::vector<float> head(d.x.begin(), d.x.begin() + long(a.train.x.size()));
    CHECK_FALSE(same_bytes(a.train.x, head));
    // all three classes appear in the training half
    std::array<int, 3> count{};
    for (int i = 0; i < a.train.size(); ++i)
      for (int k = 0; k < 3; ++k) count[size_t(k)] += a.train.y[size_t(3 * i + k)] == 1.0f;
    for (int k = 0; k < 3; ++k) CHECK(count[size_t(k)] > 30);
  }
}

TEST_CASE("datasets: every invalid argument throws std::invalid_argument naming the field") {
  using doctest::Contains;
  CHECK_THROWS_WITH_AS(make_dataset("xnor", 10), Contains("dataset: unknown dataset 'xnor'"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make_dataset("XOR", 10), Contains("known: xor, circle"), std::invalid_argument);
  CHECK_THROWS_AS(make_dataset("", 10), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make_dataset("xor", 0), Contains("n: 0"), std::invalid_argument);
  CHECK_THROWS_AS(make_dataset("xor", -5), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make_dataset("sine", 100001), Contains("n: 100001"), std::invalid_argument);
  CHECK_NOTHROW(make_dataset("sine", 100000));
  CHECK_NOTHROW(make_dataset("sine", 1));
  CHECK_THROWS_WITH_AS(make_dataset("xor", 10, std::nan("")), Contains("noise: nan"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make_dataset("xor", 10, -0.1), Contains("noise: -0.1"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(make_dataset("xor", 10, 1.5), Contains("noise: 1.5"), std::invalid_argument);
  CHECK_THROWS_AS(make_dataset("xor", 10, std::numeric_limits<double>::infinity()), std::invalid_argument);
  CHECK_NOTHROW(make_dataset("xor", 10, 1.0));

  const Dataset d = make_dataset("circle", 20);
  CHECK_THROWS_WITH_AS(nlp::split_dataset(d, -0.1), Contains("ratio: -0.1"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(nlp::split_dataset(d, 1.01), Contains("ratio: 1.01"), std::invalid_argument);
  CHECK_THROWS_AS(nlp::split_dataset(d, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(nlp::split_dataset(d, std::numeric_limits<double>::infinity()), std::invalid_argument);
  Dataset broken = d;
  broken.y.pop_back();
  CHECK_THROWS_WITH_AS(nlp::split_dataset(broken, 0.5), Contains("data:"), std::invalid_argument);
  Dataset no_inputs = d;
  no_inputs.inputs = 0;
  CHECK_THROWS_WITH_AS(nlp::split_dataset(no_inputs, 0.5), Contains("data:"), std::invalid_argument);
}

// For the PCA scene (C14): y = x, the cloud's first principal direction at 30 degrees.
TEST_CASE("correlated: y = x, stretched along 30 degrees") {
  const auto d = nlp::make_dataset("correlated", 4000, 0.0, 2);
  REQUIRE(d.inputs == 2);
  REQUIRE(d.outputs == 2);
  CHECK(d.x == d.y);
  double mx = 0, my = 0;
  for (int i = 0; i < 4000; ++i) {
    mx += d.x[size_t(2 * i)] / 4000.0;
    my += d.x[size_t(2 * i + 1)] / 4000.0;
  }
  CHECK(std::abs(mx - 1.0) < 0.15);
  CHECK(std::abs(my + 0.5) < 0.15);
  double sxx = 0, sxy = 0, syy = 0;
  for (int i = 0; i < 4000; ++i) {
    const double a = d.x[size_t(2 * i)] - mx, b = d.x[size_t(2 * i + 1)] - my;
    sxx += a * a;
    sxy += a * b;
    syy += b * b;
  }
  const double angle = 0.5 * std::atan2(2 * sxy, sxx - syy) * 180 / 3.14159265358979323846;
  CHECK(std::abs(angle - 30.0) < 2.0);
  const auto noisy = nlp::make_dataset("correlated", 4000, 0.5, 2);
  CHECK(noisy.x != d.x);
}
