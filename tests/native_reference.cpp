// The native half of the cross-build check: a fixed training run whose result the Node suite
// (tests/node/cross_build.test.mjs) repeats through the WASM build and compares to 1e-5.
// Prints one JSON object: the run's settings, the trained parameters and the predictions on
// a fixed grid. Keep the settings here and in that test the same.
#include <cstdio>
#include <vector>

#include "dataset.h"
#include "network.h"

int main() {
  const auto data = nlp::make_dataset("spiral", 200, 0.1, 3);
  auto config = nlp::NetworkConfig::uniform({2, 8, 8, 1}, "tanh", "linear", 5);
  nlp::Network<float> net(config);
  nlp::TrainOptions o;
  o.epochs = 20;
  o.batch_size = 10;
  o.learning_rate = 0.01;
  o.optimizer = nlp::OptimizerKind::Adam;
  const double loss = net.fit(data.x.data(), data.y.data(), data.size(), o);
  std::vector<float> grid;
  for (int i = 0; i < 11; ++i)
    for (int j = 0; j < 11; ++j) {
      grid.push_back(float(-6 + 1.2 * j));
      grid.push_back(float(-6 + 1.2 * i));
    }
  std::vector<float> out(121);
  net.predict(grid.data(), 121, out.data());
  std::printf("{\"dataset\":{\"name\":\"spiral\",\"n\":200,\"noise\":0.1,\"seed\":3},");
  std::printf("\"network\":{\"layers\":[2,8,8,1],\"activation\":\"tanh\",\"outputActivation\":\"linear\",\"seed\":5},");
  std::printf("\"fit\":{\"epochs\":20,\"batchSize\":10,\"learningRate\":0.01,\"optimizer\":\"adam\"},");
  std::printf("\"loss\":%.9g,\"parameters\":[", loss);
  for (Eigen::Index i = 0; i < net.parameters().size(); ++i) std::printf("%s%.9g", i ? "," : "", net.parameters()[i]);
  std::printf("],\"grid\":[");
  for (size_t i = 0; i < grid.size(); ++i) std::printf("%s%.9g", i ? "," : "", grid[i]);
  std::printf("],\"predictions\":[");
  for (size_t i = 0; i < out.size(); ++i) std::printf("%s%.9g", i ? "," : "", out[i]);
  std::printf("]}\n");
  return 0;
}
