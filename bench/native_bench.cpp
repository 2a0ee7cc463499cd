// Native speed of the engine on the benchmark workloads (bench/README.md), for the record:
//   W1 2-4-2-1 tanh, 500 spiral points, batch 10, lr 0.03        epochs/s
//   W2 2-8-8-8-8-8-8-1 tanh, same data                           epochs/s
//   W3 2-64-64-1 tanh, 4096 spiral points, batch 32              epochs/s
//   W4a / W4b forward over a 100x100 grid in [-6, 6]^2, W1 / W2 net   grids/s
// tanh on every layer (the output too), mse, SGD; weights U(-0.5, 0.5), biases 0.1.
//
// nlp_bench [--workload W1|W2|W3|W4a|W4b|all] [--seconds S] [--repeat R] [--clock wall|cpu] [--json]
// --clock cpu times by the process's CPU time instead of the wall clock: steadier on a machine
// other jobs keep busy.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <string>
#include <vector>

#include "dataset.h"
#include "network.h"
#include "rng.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlp::Network;

struct Workload {
  std::string name;
  std::vector<int> layers;
  int points;
  int batch;
  bool grid;
};

Network<float> make_net(const std::vector<int>& layers) {
  auto config = nlp::NetworkConfig::uniform(layers, "tanh", "tanh", 1);
  Network<float> net(config);
  nlp::Rng rng(42, 7);
  auto& p = net.parameters();
  for (int l = 0; l < net.num_layers(); ++l) {
    for (Eigen::Index i = net.w_offset(l); i < net.b_offset(l); ++i) p[i] = float(rng.uniform(-0.5, 0.5));
    net.b(l).setConstant(0.1f);
  }
  return net;
}

bool g_cpu_clock = false;

double now() {
  if (g_cpu_clock) return double(std::clock()) / CLOCKS_PER_SEC;
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

struct Result {
  std::vector<double> rates;
  double loss_before = 0, loss_after = 0;
};

Result run(const Workload& w, double seconds, int repeat) {
  auto net = make_net(w.layers);
  auto data = nlp::make_dataset("spiral", w.points, 0.0, 1);
  const float* x = data.x.data();
  const float* y = data.y.data();
  const Eigen::Index n = data.size();
  Result r;
  r.loss_before = net.loss(x, y, n);
  nlp::TrainOptions opt;
  opt.batch_size = w.batch;
  opt.learning_rate = 0.03;
  std::vector<float> grid, out;
  if (w.grid) {
    for (int i = 0; i < 100; ++i)
      for (int j = 0; j < 100; ++j) {
        grid.push_back(float(-6 + 12.0 * j / 99));
        grid.push_back(float(-6 + 12.0 * i / 99));
      }
    out.resize(10000);
  }
  auto once = [&] {
    if (w.grid) net.predict(grid.data(), 10000, out.data());
    else net.fit(x, y, n, opt);
  };
  const double warm = now();
  while (now() - warm < std::min(1.0, seconds)) once();
  for (int k = 0; k < repeat; ++k) {
    long count = 0;
    const double t0 = now();
    double el = 0;
    do {
      once();
      ++count;
    } while ((el = now() - t0) < seconds);
    r.rates.push_back(double(count) / el);
  }
  r.loss_after = net.loss(x, y, n);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string which = "all";
  double seconds = 3;
  int repeat = 3;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--workload" && i + 1 < argc) which = argv[++i];
    else if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    else if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (a == "--clock" && i + 1 < argc && (std::strcmp(argv[i + 1], "cpu") == 0 || std::strcmp(argv[i + 1], "wall") == 0))
      g_cpu_clock = std::strcmp(argv[++i], "cpu") == 0;
    else if (a == "--json") json = true;
    else {
      std::fprintf(stderr,
                   "usage: nlp_bench [--workload W1|W2|W3|W4a|W4b|all] [--seconds S] [--repeat R] [--clock wall|cpu] "
                   "[--json]\n");
      return 2;
    }
  }
  const std::vector<Workload> all = {
      {"W1", {2, 4, 2, 1}, 500, 10, false},
      {"W2", {2, 8, 8, 8, 8, 8, 8, 1}, 500, 10, false},
      {"W3", {2, 64, 64, 1}, 4096, 32, false},
      {"W4a", {2, 4, 2, 1}, 500, 10, true},
      {"W4b", {2, 8, 8, 8, 8, 8, 8, 1}, 500, 10, true},
  };
  bool any = false;
  for (const auto& w : all) {
    if (which != "all" && which != w.name) continue;
    any = true;
    Result r = run(w, seconds, repeat);
    std::vector<double> sorted = r.rates;
    std::sort(sorted.begin(), sorted.end());
    double median = sorted[sorted.size() / 2];
    if (json) {
      std::printf("{\"workload\":\"%s\",\"rates\":[", w.name.c_str());
      for (size_t i = 0; i < r.rates.size(); ++i) std::printf("%s%.3f", i ? "," : "", r.rates[i]);
      std::printf("],\"median\":%.3f,\"lossBefore\":%.6f,\"lossAfter\":%.6f}\n", median, r.loss_before, r.loss_after);
    } else {
      std::printf("%-4s %10.1f %s/s   loss %.4f -> %.4f\n", w.name.c_str(), median, w.grid ? "grids" : "epochs",
                  r.loss_before, r.loss_after);
    }
    std::fflush(stdout);
  }
  if (!any) {
    std::fprintf(stderr, "nlp_bench: unknown workload '%s'\n", which.c_str());
    return 2;
  }
  return 0;
}
