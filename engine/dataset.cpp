// The datasets. Formulas, ranges and the meaning of `noise` are in docs/engine.md ("Datasets");
// the 2D classification sets follow TensorFlow Playground's src/dataset.ts.
//
// Every generator draws the same random numbers whatever `noise` is (noise only scales some of
// them), so for one seed moving the noise slider moves the points continuously instead of
// drawing a new cloud. Samples come grouped by class; split_dataset shuffles.
#include "dataset.h"

#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "entry.h"

#include "engine_limits.h"
#include "rng.h"

namespace nlp {

namespace {

constexpr double kPi = 3.14159265358979323846;
// Rng streams: the network uses 1 (init) and 2 (shuffling); datasets and splits have their own.
constexpr uint64_t kDatasetStream = 3;
constexpr uint64_t kSplitStream = 4;

const std::vector<DatasetInfo> kInfos = {
    {"xor", 2, 1, DatasetKind::Classification},    {"circle", 2, 1, DatasetKind::Classification},
    {"spiral", 2, 1, DatasetKind::Classification}, {"gauss", 2, 1, DatasetKind::Classification},
    {"moons", 2, 1, DatasetKind::Classification},  {"spiral3", 2, 3, DatasetKind::Multiclass},
    {"blobs3", 2, 3, DatasetKind::Multiclass},     {"plane", 2, 1, DatasetKind::Regression},
    {"gauss_bumps", 2, 1, DatasetKind::Regression}, {"line", 1, 1, DatasetKind::Regression},
    {"sine", 1, 1, DatasetKind::Regression},       {"parabola", 1, 1, DatasetKind::Regression},
    {"abs", 1, 1, DatasetKind::Regression},        {"step", 1, 1, DatasetKind::Regression},
    {"cubic", 1, 1, DatasetKind::Regression},      {"correlated", 2, 2, DatasetKind::Regression},
};

// Appends one sample.
void push2(Dataset& d, double x1, double x2) {
  d.x.push_back(static_cast<float>(x1));
  d.x.push_back(static_cast<float>(x2));
}
void push_onehot(Dataset& d, int k) {
  for (int j = 0; j < d.outputs; ++j) d.y.push_back(j == k ? 1.0f : 0.0f);
}

// Class sizes: n samples over k classes, the first n % k classes one larger.
int class_size(int n, int k, int c) { return n / k + (c < n % k ? 1 : 0); }

// --- 2D classification (TensorFlow Playground) --------------------------------------------

// Positives uniform in the disc r < 2.5, negatives in the ring 3.5 < r < 5; the label is
// +1 iff the point shifted by noise * U(-5, 5)^2 lies inside r < 2.5 (the drawn point is not
// shifted: noise flips labels near the boundary).
void gen_circle(Dataset& d, int n, double noise, Rng& rng) {
  const double radius = 5;
  for (int c = 0; c < 2; ++c) {
    const int m = class_size(n, 2, c);
    for (int i = 0; i < m; ++i) {
      const double r = c == 0 ? rng.uniform(0, 0.5 * radius) : rng.uniform(0.7 * radius, radius);
      const double angle = rng.uniform(0, 2 * kPi);
      const double x = r * std::sin(angle), y = r * std::cos(angle);
      const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
      const double px = x + nx, py = y + ny;
      push2(d, x, y);
      // dist < 0.5 radius, squared: no sqrt, so no rounding question at the boundary.
      d.y.push_back(px * px + py * py < 0.25 * radius * radius ? 1.0f : -1.0f);
    }
  }
}

// x, y uniform in [-5, 5], pushed 0.3 away from the axes; label sign(x' y') (0 counts as +1)
// of the point shifted by noise * U(-5, 5)^2.
void gen_xor(Dataset& d, int n, double noise, Rng& rng) {
  const double padding = 0.3;
  for (int i = 0; i < n; ++i) {
    double x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    double y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const double nx = rng.uniform(-5, 5) * noise, ny = rng.uniform(-5, 5) * noise;
    push2(d, x, y);
    d.y.push_back((x + nx) * (y + ny) >= 0 ? 1.0f : -1.0f);
  }
}

// Arms of `classes` spirals, 1.75 turns each out to radius 5; arm c is turned by 2 pi c / classes.
// Point i of m on an arm: r = 5 i / m, t = 1.75 * 2 pi i / m + delta, (r sin t, r cos t) plus
// noise * U(-1, 1) per coordinate.
void gen_spiral(Dataset& d, int n, double noise, Rng& rng, int classes) {
  for (int c = 0; c < classes; ++c) {
    const int m = class_size(n, classes, c);
    const double delta = 2 * kPi * c / classes;
    for (int i = 0; i < m; ++i) {
      const double r = 5.0 * i / m;
      const double t = 1.75 * i / m * 2 * kPi + delta;
      const double nx = rng.uniform(-1, 1) * noise, ny = rng.uniform(-1, 1) * noise;
      push2(d, r * std::sin(t) + nx, r * std::cos(t) + ny);
      if (classes == 2)
        d.y.push_back(c == 0 ? 1.0f : -1.0f);
      else
        push_onehot(d, c);
    }
  }
}

// The variance of each coordinate of the Gaussian blobs: 0.5 at noise 0, 4 at noise 1
// (TensorFlow Playground's range, which it reaches at its largest noise, 50 %).
double blob_variance(double noise) { return 0.5 + 3.5 * noise; }

// Two Gaussian blobs, centres (2, 2) (+1) and (-2, -2) (-1).
void gen_gauss(Dataset& d, int n, double noise, Rng& rng) {
  const double sd = std::sqrt(blob_variance(noise));
  for (int c = 0; c < 2; ++c) {
    const int m = class_size(n, 2, c);
    const double cx = c == 0 ? 2 : -2;
    for (int i = 0; i < m; ++i) {
      const double gx = rng.normal(), gy = rng.normal();
      push2(d, cx + sd * gx, cx + sd * gy);
      d.y.push_back(c == 0 ? 1.0f : -1.0f);
    }
  }
}

// Three Gaussian blobs, centres 4 (cos a_c, sin a_c) with a_c = 90, 210, 330 degrees.
void gen_blobs3(Dataset& d, int n, double noise, Rng& rng) {
  const double sd = std::sqrt(blob_variance(noise));
  for (int c = 0; c < 3; ++c) {
    const int m = class_size(n, 3, c);
    const double a = kPi / 2 + 2 * kPi * c / 3;
    const double cx = 4 * std::cos(a), cy = 4 * std::sin(a);
    for (int i = 0; i < m; ++i) {
      const double gx = rng.normal(), gy = rng.normal();
      push2(d, cx + sd * gx, cy + sd * gy);
      push_onehot(d, c);
    }
  }
}

// Two interleaved half circles (scikit-learn's make_moons), t ~ U(0, pi):
//   upper (+1): (cos t, sin t),  lower (-1): (1 - cos t, 0.5 - sin t),
// then centred and scaled by 4: (x, y) -> (4 (x - 0.5), 4 (y - 0.25)), so x in [-6, 6],
// y in [-3, 3]; noise adds N(0, (2 noise)^2) to each coordinate.
void gen_moons(Dataset& d, int n, double noise, Rng& rng) {
  const double sd = 2 * noise;
  for (int c = 0; c < 2; ++c) {
    const int m = class_size(n, 2, c);
    for (int i = 0; i < m; ++i) {
      const double t = rng.uniform(0, kPi);
      const double gx = rng.normal(), gy = rng.normal();
      const double x = c == 0 ? std::cos(t) : 1 - std::cos(t);
      const double y = c == 0 ? std::sin(t) : 0.5 - std::sin(t);
      push2(d, 4 * (x - 0.5) + sd * gx, 4 * (y - 0.25) + sd * gy);
      d.y.push_back(c == 0 ? 1.0f : -1.0f);
    }
  }
}

// --- regression ----------------------------------------------------------------------------

// Gaussian bumps at TensorFlow Playground's "regress gaussian" centres and signs.
constexpr double kBumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

double gauss_bumps(double x1, double x2) {
  // y = sum_k s_k exp(-|x - c_k|^2 / 2)   (sigma = 1)
  double y = 0;
  for (const auto& g : kBumps) {
    const double dx = x1 - g[0], dy = x2 - g[1];
    y += g[2] * std::exp(-0.5 * (dx * dx + dy * dy));
  }
  return y;
}

// 2D regression over x uniform in [-6, 6]^2; y = f(x) + N(0, (noise s)^2), s = half the range
// of f: plane f = (x1 + x2) / 10 (s = 1.2), gauss_bumps (s = 1).
void gen_regression2(Dataset& d, int n, double noise, Rng& rng, bool plane) {
  const double s = plane ? 1.2 : 1.0;
  for (int i = 0; i < n; ++i) {
    const double x1 = rng.uniform(-6, 6), x2 = rng.uniform(-6, 6);
    const double g = rng.normal();
    const double f = plane ? (x1 + x2) / 10 : gauss_bumps(x1, x2);
    push2(d, x1, x2);
    d.y.push_back(static_cast<float>(f + noise * s * g));
  }
}

// A 2D Gaussian cloud stretched along the direction at 30 degrees, centred at (1, -0.5), with
// y = x (an autoencoder's target): x = c + 3 g1 u + (0.5 + 2.5 noise) g2 v, u = (cos 30, sin 30),
// v = (-sin 30, cos 30). Its first principal direction is u.
void gen_correlated(Dataset& d, int n, double noise, Rng& rng) {
  const double ux = std::cos(kPi / 6), uy = std::sin(kPi / 6);
  const double across = 0.5 + 2.5 * noise;
  for (int i = 0; i < n; ++i) {
    const double g1 = rng.normal(), g2 = rng.normal();
    const double x1 = 1 + 3 * g1 * ux - across * g2 * uy;
    const double x2 = -0.5 + 3 * g1 * uy + across * g2 * ux;
    push2(d, x1, x2);
    d.y.push_back(static_cast<float>(x1));
    d.y.push_back(static_cast<float>(x2));
  }
}

// 1D regression over x uniform in [-1, 1]; y = f(x) + N(0, (noise s)^2) with s half the range
// of f on [-1, 1].
struct Target1D {
  const char* name;
  double (*f)(double);
  double s;
};
const Target1D kTargets1D[] = {
    {"line", [](double x) { return 0.8 * x + 0.2; }, 0.8},
    {"sine", [](double x) { return std::sin(kPi * x); }, 1.0},
    {"parabola", [](double x) { return x * x; }, 0.5},
    {"abs", [](double x) { return std::abs(x); }, 0.5},
    {"step", [](double x) { return x >= 0 ? 1.0 : -1.0; }, 1.0},
    {"cubic", [](double x) { return x * x * x; }, 1.0},
};

void gen_regression1(Dataset& d, int n, double noise, Rng& rng, const Target1D& target) {
  for (int i = 0; i < n; ++i) {
    const double x = rng.uniform(-1, 1);
    const double g = rng.normal();
    d.x.push_back(static_cast<float>(x));
    d.y.push_back(static_cast<float>(target.f(x) + noise * target.s * g));
  }
}

}  // namespace

const std::vector<DatasetInfo>& dataset_infos() { return kInfos; }

std::vector<std::string> dataset_names() {
  std::vector<std::string> names;
  for (const auto& info : kInfos) names.push_back(info.name);
  return names;
}

// The kinds and their public names, in enum order.
const std::vector<std::string>& dataset_kind_names() {
  static const std::vector<std::string> names{"classification", "multiclass", "regression"};
  return names;
}

std::string dataset_kind_name(DatasetKind kind) { return dataset_kind_names()[static_cast<size_t>(kind)]; }

DatasetKind dataset_kind_from_name(const std::string& name, const std::string& field) {
  const auto& names = dataset_kind_names();
  std::string known;
  for (size_t k = 0; k < names.size(); ++k) {
    if (name == names[k]) return static_cast<DatasetKind>(k);
    known += (known.empty() ? "" : ", ") + names[k];
  }
  check_name(name, field);
  throw std::invalid_argument(field + ": unknown dataset kind " + quote(name) + " (known: " + known + ")");
}

Dataset make_dataset(const std::string& name, int n, double noise, uint64_t seed) {
  const DatasetInfo* info = nullptr;
  for (const auto& i : kInfos)
    if (i.name == name) info = &i;
  if (!info) {
    std::string known;
    for (const auto& i : kInfos) known += (known.empty() ? "" : ", ") + i.name;
    check_name(name, "dataset");
    throw std::invalid_argument("dataset: unknown dataset " + quote(name) + " (known: " + known + ")");
  }
  if (n < 1 || n > kMaxDatasetSamples)
    throw std::invalid_argument("n: " + std::to_string(n) + " must be in 1.." + std::to_string(kMaxDatasetSamples));
  if (!std::isfinite(noise) || noise < 0 || noise > 1)
    throw std::invalid_argument("noise: " + num(noise) + " must be a finite number in [0, 1]");

  Dataset d;
  d.inputs = info->inputs;
  d.outputs = info->outputs;
  d.kind = info->kind;
  d.x.reserve(static_cast<size_t>(n) * d.inputs);
  d.y.reserve(static_cast<size_t>(n) * d.outputs);
  Rng rng(seed, kDatasetStream);

  if (name == "xor") gen_xor(d, n, noise, rng);
  else if (name == "circle") gen_circle(d, n, noise, rng);
  else if (name == "spiral") gen_spiral(d, n, noise, rng, 2);
  else if (name == "gauss") gen_gauss(d, n, noise, rng);
  else if (name == "moons") gen_moons(d, n, noise, rng);
  else if (name == "spiral3") gen_spiral(d, n, noise, rng, 3);
  else if (name == "blobs3") gen_blobs3(d, n, noise, rng);
  else if (name == "plane") gen_regression2(d, n, noise, rng, true);
  else if (name == "gauss_bumps") gen_regression2(d, n, noise, rng, false);
  else if (name == "correlated") gen_correlated(d, n, noise, rng);
  else
    for (const auto& t : kTargets1D)
      if (name == t.name) gen_regression1(d, n, noise, rng, t);
  return d;
}

Split split_dataset(const Dataset& data, double ratio, uint64_t seed) {
  if (!std::isfinite(ratio) || ratio < 0 || ratio > 1)
    throw std::invalid_argument("ratio: " + num(ratio) + " must be a finite number in [0, 1]");
  if (data.inputs < 1 || data.outputs < 1)
    throw std::invalid_argument("data: inputs = " + std::to_string(data.inputs) + ", outputs = " +
                                std::to_string(data.outputs) + " must both be >= 1");
  if (data.x.size() % static_cast<size_t>(data.inputs) != 0 ||
      data.y.size() != static_cast<size_t>(data.size()) * static_cast<size_t>(data.outputs))
    throw std::invalid_argument("data: x has " + std::to_string(data.x.size()) + " values and y " +
                                std::to_string(data.y.size()) + ", not n * " + std::to_string(data.inputs) +
                                " and n * " + std::to_string(data.outputs));
  const int n = data.size();
  std::vector<int> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  Rng rng(seed, kSplitStream);
  if (n > 1) rng.shuffle(order.data(), n);
  const int n_train = static_cast<int>(std::llround(ratio * n));  // halves round away from zero

  Split s;
  for (Dataset* part : {&s.train, &s.test}) {
    part->inputs = data.inputs;
    part->outputs = data.outputs;
    part->kind = data.kind;
  }
  for (int k = 0; k < n; ++k) {
    Dataset& part = k < n_train ? s.train : s.test;
    const size_t i = static_cast<size_t>(order[static_cast<size_t>(k)]);
    part.x.insert(part.x.end(), data.x.begin() + static_cast<std::ptrdiff_t>(i * data.inputs),
                  data.x.begin() + static_cast<std::ptrdiff_t>((i + 1) * data.inputs));
    part.y.insert(part.y.end(), data.y.begin() + static_cast<std::ptrdiff_t>(i * data.outputs),
                  data.y.begin() + static_cast<std::ptrdiff_t>((i + 1) * data.outputs));
  }
  return s;
}

}  // namespace nlp
