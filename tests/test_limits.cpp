// engine_limits.h: each limit is the one its check enforces, exactly at the boundary; the name
// registries are what the parsers accept and what their errors list.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "analysis.h"
#include "dataset.h"
#include "engine_limits.h"
#include "entry.h"
#include "network.h"
#include "optimizer.h"

using nlp::NetworkConfig;

TEST_CASE("kMaxUnits and kMaxHidden bound the network's shape") {
  CHECK_NOTHROW(nlp::Network<float>(NetworkConfig::uniform({nlp::kMaxUnits, nlp::kMaxUnits}, "tanh")));
  CHECK_THROWS_WITH_AS(nlp::Network<float>(NetworkConfig::uniform({2, nlp::kMaxUnits + 1, 1}, "tanh")),
                       doctest::Contains("layers[1] = 257 must be in 1..256"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(nlp::Network<float>(NetworkConfig::uniform({2, 0, 1}, "tanh")), doctest::Contains("layers[1] = 0"),
                       std::invalid_argument);
  std::vector<int> layers(size_t(nlp::kMaxHidden) + 2, 2);
  CHECK_NOTHROW(nlp::Network<float>(NetworkConfig::uniform(layers, "tanh")));
  layers.push_back(2);
  CHECK_THROWS_WITH_AS(nlp::Network<float>(NetworkConfig::uniform(layers, "tanh")),
                       doctest::Contains("17 hidden layers, at most 16 allowed"), std::invalid_argument);
}

TEST_CASE("kMaxDatasetSamples is the largest n of make_dataset") {
  CHECK(nlp::make_dataset("line", nlp::kMaxDatasetSamples).size() == nlp::kMaxDatasetSamples);
  CHECK_THROWS_WITH_AS(nlp::make_dataset("line", nlp::kMaxDatasetSamples + 1),
                       doctest::Contains("n: 100001 must be in 1..100000"), std::invalid_argument);
}

TEST_CASE("kMaxWorkspaceFloats bounds units x samples of one workspace") {
  const auto units = Eigen::Index(300);
  const auto most = Eigen::Index(nlp::kMaxWorkspaceFloats) / units;
  CHECK_NOTHROW(nlp::check_workspace(units, most));
  CHECK_THROWS_WITH_AS(nlp::check_workspace(units, most + 1), doctest::Contains("134217728 floats of workspace"),
                       std::invalid_argument);
}

TEST_CASE("kMaxUnits bounds the dimension of the analyses' data") {
  const int dim = nlp::kMaxUnits + 1;
  std::vector<float> x(size_t(2 * dim), 1.0f), y{1.0f, 2.0f};
  CHECK_THROWS_WITH_AS(nlp::pca(x, dim), doctest::Contains("inputs: 257 must be in 1..256"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(nlp::least_squares(x, y, dim, 1), doctest::Contains("inputs: 257 must be in 1..256"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(nlp::principal_angle_degrees(Eigen::MatrixXd::Ones(dim, 1), Eigen::MatrixXd::Ones(dim, 1)),
                       doctest::Contains("dim: 257 must be in 1..256"), std::invalid_argument);
  std::vector<float> ok(size_t(2 * nlp::kMaxUnits), 1.0f);
  ok[0] = 2.0f;
  CHECK_NOTHROW(nlp::pca(ok, nlp::kMaxUnits));
}

TEST_CASE("name registries: parsed back, listed in the errors") {
  const auto& kinds = nlp::dataset_kind_names();
  REQUIRE(kinds.size() == 3);
  for (size_t k = 0; k < kinds.size(); ++k) {
    CHECK(nlp::dataset_kind_name(nlp::dataset_kind_from_name(kinds[k])) == kinds[k]);
    CHECK(nlp::dataset_kind_from_name(kinds[k]) == static_cast<nlp::DatasetKind>(k));
  }
  CHECK_THROWS_WITH_AS(nlp::dataset_kind_from_name("regresion", "data.kind"),
                       "data.kind: unknown dataset kind 'regresion' (known: classification, multiclass, regression)",
                       std::invalid_argument);
  for (const auto& name : nlp::loss_names()) CHECK(nlp::Loss::from_name(name).name() == name);
  CHECK_THROWS_WITH_AS(nlp::Loss::from_name("hinge"), "loss: unknown loss 'hinge' (known: mse, bce, softmax)",
                       std::invalid_argument);
  for (const auto& name : nlp::optimizer_names())
    CHECK(nlp::TrainOptions::optimizer_name(nlp::TrainOptions::optimizer_from_name(name)) == name);
  CHECK_THROWS_WITH_AS(nlp::TrainOptions::optimizer_from_name("rmsprop"),
                       "optimizer: unknown optimizer 'rmsprop' (known: sgd, momentum, adam)", std::invalid_argument);
  for (const auto& info : nlp::dataset_infos())
    CHECK(nlp::make_dataset(info.name, 6).kind == info.kind);
}

TEST_CASE("entry.h: names past kMaxNameLength and long lists are refused; messages quote 60 characters") {
  CHECK(nlp::quote("relu") == "'relu'");
  CHECK(nlp::quote(std::string(60, 'a')) == "'" + std::string(60, 'a') + "'");
  CHECK(nlp::quote(std::string(61, 'a')) == "'" + std::string(60, 'a') + "\xE2\x80\xA6'");
  // 61 two-byte characters: cut after the 60th character, never inside one.
  std::string wide;
  for (int i = 0; i < 61; ++i) wide += "\xC3\xA9";
  CHECK(nlp::quote(wide) == "'" + wide.substr(0, 120) + "\xE2\x80\xA6'");
  CHECK_NOTHROW(nlp::check_name(std::string(size_t(nlp::kMaxNameLength), 'a'), "loss"));
  CHECK_THROWS_WITH_AS(nlp::check_name(std::string(size_t(nlp::kMaxNameLength) + 1, 'a'), "loss"),
                       doctest::Contains("(65 characters) is longer than 64 characters (engine.limits.nameLength)"),
                       std::invalid_argument);
  // An unknown name is quoted, not echoed; an overlong one is refused as such.
  CHECK_THROWS_WITH_AS(nlp::make_dataset(std::string(100000, 'q'), 10), doctest::Contains("dataset: 'qqqq"),
                       std::invalid_argument);
  try {
    nlp::make_dataset(std::string(100000, 'q'), 10);
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).size() < 200);
  }
  CHECK_NOTHROW(nlp::check_layer_count(size_t(nlp::kMaxLayers), "layers"));
  CHECK_THROWS_WITH_AS(nlp::check_layer_count(1000000, "layers"), doctest::Contains("layers: 1000000 sizes, at most 18"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(nlp::check_samples(300000, 4097, "x", "units"),
                       doctest::Contains("x: 300000 samples x 4097 units need more than 134217728 floats"),
                       std::invalid_argument);
}

TEST_CASE("kMaxLinearPiecesWork bounds count_linear_pieces on a deep, wide relu net") {
  // [1, 256 x 16, 1]: the tent map composed 16 times (2^16 pieces on [0, 1]), in 256-wide layers.
  std::vector<int> layers{1};
  for (int l = 0; l < nlp::kMaxHidden; ++l) layers.push_back(nlp::kMaxUnits);
  layers.push_back(1);
  nlp::Network<float> net(NetworkConfig::uniform(layers, "relu"));
  net.parameters().setZero();
  for (int l = 0; l < net.num_layers(); ++l) net.b(l).setConstant(-1.0f);
  net.W(0)(0, 0) = 1;
  net.b(0)(0) = 0;
  net.W(0)(1, 0) = 1;
  net.b(0)(1) = -0.5f;
  for (int l = 1; l < nlp::kMaxHidden; ++l) {
    net.W(l)(0, 0) = 2;
    net.W(l)(0, 1) = -4;
    net.b(l)(0) = 0;
    net.W(l)(1, 0) = 2;
    net.W(l)(1, 1) = -4;
    net.b(l)(1) = -0.5f;
  }
  const int last = net.num_layers() - 1;
  net.W(last)(0, 0) = 2;
  net.W(last)(0, 1) = -4;
  net.b(last)(0) = 0;
  CHECK_THROWS_WITH_AS(nlp::count_linear_pieces(net, 0.0, 1.0),
                       doctest::Contains("multiply-adds of work (engine.limits.linearPiecesWork)"), std::invalid_argument);
  // A small interval of the same net: few pieces, within the budget.
  CHECK(nlp::count_linear_pieces(net, 0.0, 1.0 / 65536).count >= 1);
}
