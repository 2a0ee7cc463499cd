// What the lessons explain, computed exactly from a network or a dataset. "The thread" is the
// question-and-answer thread the playground answers (docs/claims.md).
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "network.h"

namespace nlp {

// An affine map y = W x + b; W (outputs, inputs).
struct AffineMap {
  Eigen::MatrixXd W;
  Eigen::VectorXd b;
};

// The single affine map an all-linear/affine network equals:
//   y = W_L f(... f(W_1 x + b_1) ...) + b_L with f(z) = a z + c composes to W' x + b'.
// In the thread's row-vector notation, y = x W1 W2 W3 + (b1 W2 W3 + b2 W3 + b3) = x W' + b'.
// Throws std::invalid_argument naming the first layer whose activation is not linear or affine.
template <typename T>
AffineMap collapse(const Network<T>& net);

// The largest |net(x) - (W' x + b')| over n samples x (n, inputs), row-major, and every output:
// how exactly the collapsed map reproduces the deep net, in the net's own precision (about 1e-6
// for float). Throws like collapse() for a net with a nonlinear layer.
template <typename T>
double collapse_deviation(Network<T>& net, const T* x, Eigen::Index n);

// The least-squares best affine map from x (n, inputs) to y (n, outputs), row-major, and its
// loss 0.5 * mean ||W x + b - y||^2 (the `mse` loss): no network whose every activation is
// linear or affine can reach a lower mse loss on this data.
struct LeastSquares {
  AffineMap map;
  double loss = 0;
};
LeastSquares least_squares(const std::vector<float>& x, const std::vector<float>& y, int inputs, int outputs);

// Principal component analysis of x (n, dim), row-major, by SVD of the centred data.
struct Pca {
  Eigen::VectorXd mean;        // (dim)
  Eigen::MatrixXd components;  // (dim, dim): column k is the k-th principal direction
  Eigen::VectorXd variances;   // (dim), decreasing
};
Pca pca(const std::vector<float>& x, int dim);

// The largest principal angle, in degrees, between the column spans of A (d, p) and B (d, q).
double principal_angle_degrees(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B);

// The number of linear pieces of a 1-input, 1-output network's function on [lo, hi], for
// networks whose activations are all piecewise linear (linear, affine, relu, leaky_relu, step):
// walks the interval from one activation-pattern change to the next, then merges neighbouring
// regions with the same slope and intercept. Also returns the breakpoints (kinks) found.
struct Pieces {
  int count = 0;
  std::vector<double> kinks;
};
template <typename T>
Pieces count_linear_pieces(const Network<T>& net, double lo, double hi);

}  // namespace nlp

namespace nlp {

// The best training accuracy any straight boundary reaches on 2D points (or any threshold on 1D
// points): the largest fraction of the n points x (n, inputs), row-major, inputs 1 or 2, that
// sign(w . x + c) classifies as their label y (n), each +1 or -1, over every (w, c) including
// w = 0 (every point one class). Exact: for 2D the optimum is attained by a line through two
// data points, the points on it split between the sides as a small rotation or shift of the line
// can split them (those before a point along the line to one side, the rest to the other, or all
// to one side); every pair is tried, O(n^3). n at most kMaxBestLinePoints.
struct BestLine {
  double accuracy = 0;  // a fraction in [0.5, 1]
  int correct = 0;      // points classified correctly by the best boundary
  int n = 0;
};
BestLine best_line_accuracy(const std::vector<float>& x, const std::vector<float>& y, int inputs);

namespace detail {
// Row-major (n, dim) samples as a double matrix; std::invalid_argument naming `field` or
// `dim_field` for a dim outside 1..kMaxUnits, a length that is not a positive multiple of dim, or
// a value that is not finite (analysis.cpp; best_line.cpp uses it too).
Eigen::MatrixXd samples(const std::vector<float>& v, int dim, const char* field, const char* dim_field);
}  // namespace detail

}  // namespace nlp
