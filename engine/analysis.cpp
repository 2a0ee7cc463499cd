// The analyses, all in double whatever the network's scalar. Formulas: docs/engine.md ("Analysis");
// "the thread" and its claims: docs/claims.md.
#include "analysis.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "engine_limits.h"
#include "entry.h"

namespace nlp {

namespace {

// "layer 2 (hidden layer 2)" / "layer 3 (output layer)", 1-based over the weight layers.
std::string layer_label(int l, int num_layers) {
  return "layer " + std::to_string(l + 1) +
         (l + 1 == num_layers ? std::string(" (output layer)") : " (hidden layer " + std::to_string(l + 1) + ")");
}

// The decompositions below fit the analyses' matrices (at most kMaxUnits columns, as a layer;
// rows up to the samples' count) in a few hundred bytes of WebAssembly, where Eigen's
// JacobiSVD, CompleteOrthogonalDecomposition and the blocked products they pull in took tens of
// kilobytes (bench/README.md). All in double, with plain loops over Eigen's Core types.

// Householder reflections reduce the tall A (m, p), m > p, to R: afterwards A is (p, p), upper
// triangular, with A_before = Q R, and B (m, q, if given) holds the first p rows of Q^T B. Both
// have the same singular values, and min ||A X - B|| the same minimisers, as before.
void reduce_tall(Eigen::MatrixXd& A, Eigen::MatrixXd* B) {
  const Eigen::Index m = A.rows(), p = A.cols();
  Eigen::VectorXd v;
  const auto reflect = [&](Eigen::MatrixXd& M, Eigen::Index k, Eigen::Index from, double vv) {
    for (Eigen::Index j = from; j < M.cols(); ++j) {
      auto c = M.col(j).tail(m - k);
      c -= (2.0 * v.dot(c) / vv) * v;
    }
  };
  for (Eigen::Index k = 0; k < p; ++k) {
    const double norm = A.col(k).tail(m - k).norm();
    if (norm == 0) continue;
    const double alpha = A(k, k) > 0 ? -norm : norm;  // the sign that avoids cancellation in v
    v = A.col(k).tail(m - k);
    v[0] -= alpha;  // H = I - 2 v v^T / (v^T v) maps the column to alpha e_1
    const double vv = v.squaredNorm();
    A.col(k).tail(m - k).setZero();
    A(k, k) = alpha;
    reflect(A, k, k + 1, vv);
    if (B) reflect(*B, k, 0, vv);
  }
  Eigen::MatrixXd top = A.topRows(p);
  A.swap(top);
  if (B) {
    top = B->topRows(p);
    B->swap(top);
  }
}

// One-sided Jacobi (Hestenes): plane rotations of A's columns until every two are orthogonal, so
// that A_after = A_before V with V (p, p) orthogonal (accumulated when given). Then A_before's
// singular values are the column norms of A_after; for a nonzero one s_k, A_after.col(k) / s_k and
// V.col(k) are its left and right singular vectors. Accurate to a few ulps of the largest.
void orthogonalise_columns(Eigen::MatrixXd& A, Eigen::MatrixXd* V) {
  const Eigen::Index p = A.cols();
  if (V) V->setIdentity(p, p);
  if (p < 2) return;
  const auto rotate = [](auto&& x, auto&& y, double c, double s) {
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const double xi = x[i], yi = y[i];
      x[i] = c * xi - s * yi;
      y[i] = s * xi + c * yi;
    }
  };
  // Two columns count as orthogonal when their cosine is below what rounding leaves in a dot
  // product of their length. Each sweep makes the columns quadratically closer to orthogonal; a
  // handful suffice, the cap only bounds the time of a pathological input.
  const double tol = std::numeric_limits<double>::epsilon() * double(std::max<Eigen::Index>(A.rows(), 8));

  // A column below epsilon times the largest is rounding noise (a zero singular value): it is
  // left as it is, since turning noise against noise need not settle.
  const double eps = std::numeric_limits<double>::epsilon();
  for (int sweep = 0; sweep < 60; ++sweep) {
    const double noise = A.colwise().squaredNorm().maxCoeff() * eps * eps;
    bool rotated = false;
    for (Eigen::Index i = 0; i + 1 < p; ++i) {
      for (Eigen::Index j = i + 1; j < p; ++j) {
        const double a = A.col(i).squaredNorm(), b = A.col(j).squaredNorm(), g = A.col(i).dot(A.col(j));
        if (a <= noise || b <= noise || !(std::abs(g) > tol * std::sqrt(a) * std::sqrt(b))) continue;
        rotated = true;
        // the angle that zeroes the new columns' product: t = tan, the root of t^2 + 2 zeta t - 1 below 1 in size
        const double zeta = (b - a) / (2 * g);
        const double t = std::copysign(1.0, zeta) / (std::abs(zeta) + std::sqrt(1 + zeta * zeta));
        const double c = 1 / std::sqrt(1 + t * t), s = c * t;
        rotate(A.col(i), A.col(j), c, s);
        if (V) rotate(V->col(i), V->col(j), c, s);
      }
    }
    if (!rotated) break;
  }
}

// The column order of A by decreasing norm (the singular values, after orthogonalise_columns),
// and the norms in that order.
std::vector<Eigen::Index> by_norm(const Eigen::MatrixXd& A, Eigen::VectorXd& norms) {
  std::vector<Eigen::Index> order(static_cast<size_t>(A.cols()));
  for (size_t k = 0; k < order.size(); ++k) order[k] = Eigen::Index(k);
  const Eigen::VectorXd n = A.colwise().norm().transpose();
  std::sort(order.begin(), order.end(), [&](Eigen::Index x, Eigen::Index y) { return n[x] > n[y] || (n[x] == n[y] && x < y); });
  norms.resize(n.size());
  for (size_t k = 0; k < order.size(); ++k) norms[Eigen::Index(k)] = n[order[k]];
  return order;
}

// The singular values of M, decreasing.
Eigen::VectorXd singular_values(Eigen::MatrixXd M) {
  if (M.rows() > M.cols()) reduce_tall(M, nullptr);
  orthogonalise_columns(M, nullptr);
  Eigen::VectorXd s;
  by_norm(M, s);
  return s;
}

// An orthonormal basis (d, r) of the column span of M, r its numerical rank: the singular values
// above d * epsilon of the largest count (the rank JacobiSVD reported by default).
Eigen::MatrixXd span_basis(const Eigen::MatrixXd& M, const char* field) {
  if (M.rows() < 1 || M.cols() < 1)
    throw std::invalid_argument(std::string(field) + ": " + std::to_string(M.rows()) + "x" +
                                std::to_string(M.cols()) + " has no columns to span");
  if (!M.allFinite()) throw std::invalid_argument(std::string(field) + ": contains a value that is not finite");
  Eigen::MatrixXd U = M;
  orthogonalise_columns(U, nullptr);  // U = M V: its nonzero columns are s_k times the left singular vectors
  Eigen::VectorXd s;
  const auto order = by_norm(U, s);
  const double threshold = std::max(s[0] * double(std::min(M.rows(), M.cols())) * std::numeric_limits<double>::epsilon(),
                                    std::numeric_limits<double>::min());
  Eigen::Index r = 0;
  while (r < s.size() && s[r] > threshold) ++r;
  if (r == 0) throw std::invalid_argument(std::string(field) + ": every column is zero, so it spans nothing");
  Eigen::MatrixXd Q(M.rows(), r);
  for (Eigen::Index k = 0; k < r; ++k) Q.col(k) = U.col(order[size_t(k)]) / s[k];
  return Q;
}

}  // namespace

namespace detail {

// Row-major (n, dim) samples as a double matrix, validating the sizes.
Eigen::MatrixXd samples(const std::vector<float>& v, int dim, const char* field, const char* dim_field) {
  if (dim < 1 || dim > kMaxUnits)
    throw std::invalid_argument(std::string(dim_field) + ": " + std::to_string(dim) + " must be in 1.." +
                                std::to_string(kMaxUnits));
  if (v.empty() || v.size() % static_cast<size_t>(dim) != 0)
    throw std::invalid_argument(std::string(field) + ": length " + std::to_string(v.size()) +
                                " is not a positive multiple of " + std::to_string(dim));
  const auto n = static_cast<Eigen::Index>(v.size() / static_cast<size_t>(dim));
  Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> m(v.data(), n, dim);
  Eigen::MatrixXd out = m.cast<double>();
  if (!out.allFinite()) throw std::invalid_argument(std::string(field) + ": contains a value that is not finite");
  return out;
}

}  // namespace detail

using detail::samples;

template <typename T>
AffineMap collapse(const Network<T>& net) {
  const int L = net.num_layers();
  for (int l = 0; l < L; ++l)
    if (!net.activation(l).is_affine())
      throw std::invalid_argument("collapse: " + layer_label(l, L) + " has activation '" + net.activation(l).name() +
                                  "', which is not linear or affine");
  // With a_l = alpha_l (W_l a_{l-1} + b_l) + gamma_l and a_{l-1} = M x + v:
  //   M <- alpha_l W_l M,   v <- alpha_l (W_l v + b_l) + gamma_l 1
  // ((alpha, gamma) = (1, 0) for linear, (a, c) for affine). Starting from M = I, v = 0 this is
  // the thread's W' = W1 W2 W3 and b' = b1 W2 W3 + b2 W3 + b3 written for column vectors.
  AffineMap map;
  map.W = Eigen::MatrixXd::Identity(net.inputs(), net.inputs());
  map.b = Eigen::VectorXd::Zero(net.inputs());
  for (int l = 0; l < L; ++l) {
    const Activation& f = net.activation(l);
    const double alpha = f.kind == ActivationKind::Affine ? f.affine.a : 1.0;
    const double gamma = f.kind == ActivationKind::Affine ? f.affine.c : 0.0;
    const Eigen::MatrixXd W = net.W(l).template cast<double>();
    const Eigen::VectorXd b = net.b(l).template cast<double>();
    // coefficient-based products (no blocked GEMM: size), evaluated before map is overwritten
    map.W = (alpha * W.lazyProduct(map.W)).eval();
    map.b = ((alpha * (W.lazyProduct(map.b) + b)).array() + gamma).matrix().eval();
  }
  return map;
}

LeastSquares least_squares(const std::vector<float>& x, const std::vector<float>& y, int inputs, int outputs) {
  const Eigen::MatrixXd X = samples(x, inputs, "x", "inputs");   // (n, inputs)
  const Eigen::MatrixXd Y = samples(y, outputs, "y", "outputs");  // (n, outputs)
  if (X.rows() != Y.rows())
    throw std::invalid_argument("y: " + std::to_string(Y.rows()) + " samples, x has " + std::to_string(X.rows()));
  const double n = static_cast<double>(X.rows());
  // Centring removes the column of ones from the system (b = ybar - W xbar) and keeps it well
  // conditioned when the inputs sit far from the origin. Solve min ||Xc W^T - Yc||_F by the SVD of
  // Xc: the minimum-norm solution when Xc is rank deficient. Columns are scaled to unit norm first,
  // so that the rank decision (a singular value below 1e-10 of the largest is zero) is about
  // directions, not units: an input that copies another, which rounding leaves a hair away from
  // dependent, must not get a huge weight that cancels its twin's.
  const Eigen::RowVectorXd xbar = X.colwise().mean(), ybar = Y.colwise().mean();
  const Eigen::MatrixXd Xc = X.rowwise() - xbar, Yc = Y.rowwise() - ybar;
  Eigen::VectorXd scale = Xc.colwise().norm().transpose();
  for (Eigen::Index j = 0; j < scale.size(); ++j)
    if (scale[j] == 0) scale[j] = 1;  // a constant input: its column stays zero
  // Xs = Q R (n > inputs), then R V = B with orthogonal columns b_k = s_k u_k:
  // W^T = sum over kept k of v_k (b_k^T C) / s_k^2, with C = Q^T Yc (the first rows).
  Eigen::MatrixXd Xs = Xc * scale.cwiseInverse().asDiagonal(), C = Yc;
  if (Xs.rows() > Xs.cols()) reduce_tall(Xs, &C);
  Eigen::MatrixXd V;
  orthogonalise_columns(Xs, &V);
  Eigen::VectorXd s;
  const auto order = by_norm(Xs, s);
  Eigen::MatrixXd Wt = Eigen::MatrixXd::Zero(Xs.cols(), Yc.cols());  // (inputs, outputs)
  for (Eigen::Index k = 0; k < s.size() && s[k] > 1e-10 * s[0]; ++k) {
    const Eigen::Index c = order[size_t(k)];
    Wt += V.col(c) * (Xs.col(c).transpose().lazyProduct(C) / (s[k] * s[k]));
  }
  Wt = scale.cwiseInverse().asDiagonal() * Wt;
  LeastSquares ls;
  ls.map.W = Wt.transpose();
  ls.map.b = (ybar - xbar.lazyProduct(Wt)).transpose();
  // loss = 0.5 * mean_i ||W x_i + b - y_i||^2, the network's mse (W x_i + b - y_i = W xc_i - yc_i)
  ls.loss = 0.5 * (Xc.lazyProduct(Wt) - Yc).squaredNorm() / n;
  return ls;
}

Pca pca(const std::vector<float>& x, int dim) {
  const Eigen::MatrixXd X = samples(x, dim, "x", "inputs");  // (n, dim); the JS API calls dim `inputs`
  if (X.rows() < 2)
    throw std::invalid_argument("x: " + std::to_string(X.rows()) + " sample, PCA needs at least 2");
  Pca p;
  p.mean = X.colwise().mean().transpose();
  const Eigen::MatrixXd Xc = X.rowwise() - p.mean.transpose();
  // Xc = U S V^T: the columns of V are the principal directions, variance_k = s_k^2 / (n - 1).
  Eigen::MatrixXd R = Xc, V;
  if (R.rows() > R.cols()) reduce_tall(R, nullptr);  // same singular values and V, (dim, dim)
  orthogonalise_columns(R, &V);
  Eigen::VectorXd s;
  const auto order = by_norm(R, s);
  p.components.resize(dim, dim);
  p.variances = Eigen::VectorXd::Zero(dim);  // directions beyond rank(Xc) have variance 0
  for (Eigen::Index k = 0; k < dim; ++k) {
    p.components.col(k) = V.col(order[size_t(k)]);
    if (k < X.rows()) p.variances[k] = s[k] * s[k] / (static_cast<double>(X.rows()) - 1);
  }
  // A direction's sign is arbitrary; fix it so the coefficient largest in magnitude is positive.
  for (Eigen::Index k = 0; k < dim; ++k) {
    Eigen::Index i = 0;
    p.components.col(k).cwiseAbs().maxCoeff(&i);
    if (p.components(i, k) < 0) p.components.col(k) *= -1.0;
  }
  return p;
}

double principal_angle_degrees(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
  if (A.rows() != B.rows())
    throw std::invalid_argument("B: " + std::to_string(B.rows()) + " rows, A has " + std::to_string(A.rows()) +
                                " (both must live in the same space)");
  if (A.rows() > kMaxUnits)
    throw std::invalid_argument("dim: " + std::to_string(A.rows()) + " must be in 1.." + std::to_string(kMaxUnits));
  Eigen::MatrixXd Qa = span_basis(A, "A"), Qb = span_basis(B, "B");
  if (Qa.cols() < Qb.cols()) std::swap(Qa, Qb);  // now dim span(Qb) <= dim span(Qa)
  // The cosines of the principal angles are the singular values of C = Qa^T Qb; their sines are
  // the singular values of Qb - Qa C (the part of span(Qb) outside span(Qa)). acos is inaccurate
  // near 0 and asin near 90 degrees, so take the largest angle from whichever is well conditioned.
  const Eigen::MatrixXd C = Qa.transpose().lazyProduct(Qb);
  const double cos_min = std::clamp(singular_values(C).minCoeff(), -1.0, 1.0);
  const Eigen::MatrixXd S = Qb - Qa.lazyProduct(C);
  const double sin_max = std::clamp(singular_values(S).maxCoeff(), -1.0, 1.0);
  const double radians = cos_min * cos_min < 0.5 ? std::acos(cos_min) : std::asin(sin_max);
  return radians * 180.0 / 3.14159265358979323846;
}

namespace {

bool piecewise_linear(ActivationKind k) {
  return k == ActivationKind::Linear || k == ActivationKind::Affine || k == ActivationKind::Relu ||
         k == ActivationKind::LeakyRelu || k == ActivationKind::Step;
}

// One linear region [x0, x1] and the output's affine form y = slope x + intercept on it.
struct Region {
  double x0, x1, slope, intercept;
};

}  // namespace

template <typename T>
Pieces count_linear_pieces(const Network<T>& net, double lo, double hi) {
  const int L = net.num_layers();
  if (net.inputs() != 1 || net.outputs() != 1)
    throw std::invalid_argument("net: " + std::to_string(net.inputs()) + " inputs and " +
                                std::to_string(net.outputs()) + " outputs; counting pieces needs 1 and 1");
  for (int l = 0; l < L; ++l)
    if (!piecewise_linear(net.activation(l).kind))
      throw std::invalid_argument("count_linear_pieces: " + layer_label(l, L) + " has activation '" +
                                  net.activation(l).name() +
                                  "', which is not piecewise linear (linear, affine, relu, leaky_relu, step)");
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
    throw std::invalid_argument("interval: [" + num(lo) + ", " + num(hi) + "] must be finite with lo < hi");

  std::vector<Eigen::MatrixXd> W;
  std::vector<Eigen::VectorXd> b;
  for (int l = 0; l < L; ++l) {
    W.push_back(net.W(l).template cast<double>());
    b.push_back(net.b(l).template cast<double>());
  }
  // Two roots closer than this are one point (the unit that just crossed recomputes its own root).
  const double eps = 1e-12 * std::max({1.0, std::abs(lo), std::abs(hi)});

  // The work of one region's walk through the layers, in multiply-adds: the budget bounds the
  // time of a call whatever the net, where the region cap alone would not (a deep, wide net
  // with many regions ran for minutes).
  double region_work = 0;
  // (64 per layer: its vectors' allocations and the bookkeeping, which dominate in a narrow net.)
  for (int l = 0; l < L; ++l) region_work += 2.0 * double(W[l].size()) + 3.0 * double(W[l].rows()) + 64.0;
  double work = 0;
  std::vector<Region> regions;
  double x0 = lo;
  while (x0 < hi) {
    work += region_work;
    if (work > kMaxLinearPiecesWork)
      throw std::invalid_argument("linearPieces: more than " + std::to_string(std::llround(kMaxLinearPiecesWork)) +
                                  " multiply-adds of work (engine.limits.linearPiecesWork) on [" + num(lo) + ", " +
                                  num(hi) + "] after " + std::to_string(regions.size()) +
                                  " linear regions; count on a smaller interval or a smaller net");
    if (static_cast<int>(regions.size()) >= kMaxLinearRegions)
      throw std::invalid_argument("net: more than " + std::to_string(kMaxLinearRegions) + " linear regions on [" +
                                  num(lo) + ", " + num(hi) + "]");
    // Within one activation pattern every pre-activation is affine in x: z = s x + t. Walk the
    // layers with the pattern that holds just right of x0, decided per unit by its slope and its
    // root r = -t / s (a unit whose root is at or left of x0 is on the side its slope leads to).
    double x1 = hi;
    Eigen::VectorXd s = Eigen::VectorXd::Ones(1), t = Eigen::VectorXd::Zero(1);  // a_0 = x
    for (int l = 0; l < L; ++l) {
      const Eigen::VectorXd zs = W[l] * s, zt = W[l] * t + b[l];
      Eigen::VectorXd as(zs.size()), at(zs.size());
      const Activation& f = net.activation(l);
      for (Eigen::Index u = 0; u < zs.size(); ++u) {
        bool positive;  // z > 0 just right of x0 (z >= 0 for a unit constant at 0)
        if (zs[u] != 0) {
          const double r = -zt[u] / zs[u];
          if (r > x0 + eps) {
            positive = zs[u] < 0;
            if (f.has_kink()) x1 = std::min(x1, r);
          } else {
            positive = zs[u] > 0;
          }
        } else {
          positive = zt[u] >= 0;
        }
        switch (f.kind) {
          case ActivationKind::Affine:
            as[u] = f.affine.a * zs[u];
            at[u] = f.affine.a * zt[u] + f.affine.c;
            break;
          case ActivationKind::Relu:
            as[u] = positive ? zs[u] : 0.0;
            at[u] = positive ? zt[u] : 0.0;
            break;
          case ActivationKind::LeakyRelu:
            as[u] = positive ? zs[u] : kLeakyReluSlope * zs[u];
            at[u] = positive ? zt[u] : kLeakyReluSlope * zt[u];
            break;
          case ActivationKind::Step:
            as[u] = 0.0;
            at[u] = positive ? 1.0 : 0.0;
            break;
          default:  // linear
            as[u] = zs[u];
            at[u] = zt[u];
        }
      }
      s = as;
      t = at;
    }
    regions.push_back({x0, x1, s[0], t[0]});
    x0 = x1;
  }

  // Neighbouring regions whose affine forms agree (same slope, no jump at the shared boundary)
  // are one piece: a pattern change need not change the function (a dead unit, a zero weight).
  double slope_scale = 0, value_scale = 0;
  for (const auto& r : regions) {
    slope_scale = std::max(slope_scale, std::abs(r.slope));
    value_scale = std::max({value_scale, std::abs(r.slope * r.x0 + r.intercept), std::abs(r.slope * r.x1 + r.intercept)});
  }
  constexpr double kTol = 1e-9;
  Pieces p;
  p.count = 1;
  for (size_t k = 1; k < regions.size(); ++k) {
    const Region &a = regions[k - 1], &c = regions[k];
    const double x = c.x0;
    const double left = a.slope * x + a.intercept, right = c.slope * x + c.intercept;
    const bool same_slope = std::abs(a.slope - c.slope) <= kTol * std::max({std::abs(a.slope), std::abs(c.slope), slope_scale});
    const bool continuous = std::abs(left - right) <= kTol * std::max({std::abs(left), std::abs(right), value_scale});
    if (!(same_slope && continuous)) {
      ++p.count;
      p.kinks.push_back(x);
    }
  }
  return p;
}

template <typename T>
double collapse_deviation(Network<T>& net, const T* x, Eigen::Index n) {
  if (n < 1) throw std::invalid_argument("x: no samples");
  const AffineMap map = collapse(net);
  Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> deep(net.outputs(), n);
  net.predict(x, n, deep.data());
  Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> X(x, net.inputs(), n);
  // W' x + b' in double, against the deep net in its own precision.
  Eigen::MatrixXd flat = map.W.lazyProduct(X.template cast<double>());
  flat.colwise() += map.b;
  return (deep.template cast<double>() - flat).cwiseAbs().maxCoeff();
}

template AffineMap collapse<float>(const Network<float>&);
template double collapse_deviation<float>(Network<float>&, const float*, Eigen::Index);
template double collapse_deviation<double>(Network<double>&, const double*, Eigen::Index);
template AffineMap collapse<double>(const Network<double>&);
template Pieces count_linear_pieces<float>(const Network<float>&, double, double);
template Pieces count_linear_pieces<double>(const Network<double>&, double, double);

}  // namespace nlp
