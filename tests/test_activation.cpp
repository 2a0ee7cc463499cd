// Claims cited as C1..C15, and "the thread" (the question-and-answer thread the playground
// answers), are defined in docs/claims.md.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "activation.h"

using nlp::Activation;

TEST_CASE("activation registry: every public name round-trips, unknown names throw") {
  const auto& names = nlp::activation_names();
  CHECK(names.size() == 10);
  for (const auto& name : names) {
    CAPTURE(name);
    CHECK(Activation::from_name(name).name() == name);
  }
  CHECK_THROWS_AS(Activation::from_name("Tanh"), std::invalid_argument);
  CHECK_THROWS_AS(Activation::from_name(""), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Activation::from_name("gelu", {}, "activation[1]"),
                       doctest::Contains("activation[1]: unknown activation 'gelu'"), std::invalid_argument);
  CHECK_THROWS_AS(Activation::from_name("affine", {NAN, 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(Activation::from_name("affine", {1.0, INFINITY}), std::invalid_argument);
}

TEST_CASE("activation values match their definitions") {
  const double zs[] = {-2.0, -0.7, 0.3, 1.9};
  for (double z : zs) {
    CAPTURE(z);
    CHECK(Activation::from_name("linear").value(z) == z);
    CHECK(Activation::from_name("affine", {1.7, -0.3}).value(z) == doctest::Approx(1.7 * z - 0.3));
    CHECK(Activation::from_name("tanh").value(z) == doctest::Approx(std::tanh(z)));
    CHECK(Activation::from_name("sigmoid").value(z) == doctest::Approx(1 / (1 + std::exp(-z))));
    CHECK(Activation::from_name("relu").value(z) == (z > 0 ? z : 0.0));
    CHECK(Activation::from_name("leaky_relu").value(z) == doctest::Approx(z > 0 ? z : 0.01 * z));
    CHECK(Activation::from_name("softplus").value(z) == doctest::Approx(std::log1p(std::exp(z))));
    CHECK(Activation::from_name("swish").value(z) == doctest::Approx(z / (1 + std::exp(-z))));
    CHECK(Activation::from_name("sine").value(z) == doctest::Approx(std::sin(z)));
    CHECK(Activation::from_name("step").value(z) == (z >= 0 ? 1.0 : 0.0));
  }
}

// C2: f' matches central finite differences for every activation, away from kinks.
TEST_CASE("activation derivatives match finite differences on [-2, 2]") {
  for (const auto& name : nlp::activation_names()) {
    SUBCASE(name.c_str()) {
      const Activation f = Activation::from_name(name, {1.7, -0.3});
      for (int i = 0; i <= 40; ++i) {
        const double z = -2.0 + 0.1 * i + 0.013;  // never exactly on the kink at 0
        const double h = 1e-6;
        const double numeric = (f.value(z + h) - f.value(z - h)) / (2 * h);
        CAPTURE(z);
        CHECK(f.derivative(z) == doctest::Approx(numeric).epsilon(1e-7).scale(1.0));
      }
    }
  }
}

TEST_CASE("step has derivative exactly zero, also at its jump") {
  const Activation step = Activation::from_name("step");
  for (double z : {-3.0, -1e-9, 0.0, 1e-9, 5.0}) CHECK(step.derivative(z) == 0.0);
}

// C7, C15: sigmoid squashes into (0, 1), tanh into (-1, 1), also for large inputs.
TEST_CASE("sigmoid and tanh ranges hold for large inputs") {
  const Activation sig = Activation::from_name("sigmoid"), th = Activation::from_name("tanh");
  for (double z : {-30.0, -5.0, 0.0, 5.0, 30.0, 500.0, -500.0}) {
    CAPTURE(z);
    CHECK(sig.value(z) >= 0.0);
    CHECK(sig.value(z) <= 1.0);
    CHECK(th.value(z) >= -1.0);
    CHECK(th.value(z) <= 1.0);
    CHECK(std::isfinite(Activation::from_name("softplus").value(z)));
  }
  CHECK(sig.value(5.0) < 1.0);
  CHECK(sig.value(-5.0) > 0.0);
  CHECK(sig.value(0.0) == doctest::Approx(0.5));
  // The thread's example: tanh of a vector in [0, 1) stays below its input, the same sign.
  const double in[] = {0.94, 0.61, 0.65, 0.0, 0.77};
  const double out[] = {0.74, 0.54, 0.57, 0.0, 0.65};
  for (int i = 0; i < 5; ++i) CHECK(th.value(in[i]) == doctest::Approx(out[i]).epsilon(0.01));
}

TEST_CASE("float and double forward agree for every activation") {
  Eigen::MatrixXf zf(3, 4);
  zf << -2.f, -0.5f, 0.25f, 1.5f, 0.1f, -1.2f, 1.9f, -0.01f, 0.7f, 0.3f, -1.7f, 1.1f;
  Eigen::MatrixXd zd = zf.cast<double>();
  for (const auto& name : nlp::activation_names()) {
    CAPTURE(name);
    const Activation f = Activation::from_name(name);
    Eigen::MatrixXf af(3, 4);
    Eigen::MatrixXd ad(3, 4);
    f.forward<float>(zf, af);
    f.forward<double>(zd, ad);
    CHECK((af.cast<double>() - ad).cwiseAbs().maxCoeff() < 1e-6);
  }
}
