// Seeded, deterministic datasets shared by the page and the tests.
//
// Samples are rows of x (n, inputs) and y (n, outputs), row-major, float: the layout JS
// hands over, and the (inputs, n) column-major matrix the network reads.
//
// 2D classification (labels +1/-1; TensorFlow Playground's generators, inputs in about [-6, 6]^2):
//   xor, circle, spiral, gauss, moons
// 2D, 3 classes (one-hot y, 3 outputs): spiral3, blobs3
// 2D regression (inputs uniform in [-6, 6]^2): plane, gauss_bumps
// 1D regression (x uniform in [-1, 1]): line, sine, parabola, abs, step, cubic
// `noise` is a fraction in [0, 1]; docs/engine.md gives each formula and what noise does to it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nlp {

enum class DatasetKind { Classification, Multiclass, Regression };

struct Dataset {
  int inputs = 0;
  int outputs = 0;
  DatasetKind kind = DatasetKind::Regression;
  std::vector<float> x;  // (n, inputs) row-major
  std::vector<float> y;  // (n, outputs) row-major
  int size() const { return inputs ? static_cast<int>(x.size()) / inputs : 0; }
};

struct DatasetInfo {
  std::string name;
  int inputs;
  int outputs;
  DatasetKind kind;
};

// Every dataset, in the order the page lists them.
const std::vector<DatasetInfo>& dataset_infos();
std::vector<std::string> dataset_names();
// Kind names, in enum order: "classification", "multiclass", "regression".
const std::vector<std::string>& dataset_kind_names();
std::string dataset_kind_name(DatasetKind kind);
// Throws std::invalid_argument naming `field` and the known kinds for any other name.
DatasetKind dataset_kind_from_name(const std::string& name, const std::string& field = "kind");

// Throws std::invalid_argument naming the field: unknown name, n outside 1..kMaxDatasetSamples
// (engine_limits.h), noise not finite or outside [0, 1].
Dataset make_dataset(const std::string& name, int n, double noise = 0, uint64_t seed = 1);

// A seeded shuffle; the first round(ratio * n) samples train, the rest test. ratio in [0, 1].
struct Split {
  Dataset train, test;
};
Split split_dataset(const Dataset& data, double ratio, uint64_t seed = 1);

}  // namespace nlp
