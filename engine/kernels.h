// Float kernels of Network<float>'s fast path: dense layers, activations and losses over
// activations stored unit-major.
//
// Layout: a layer's activations for a batch are (units, P) row-major: row u holds unit u for
// P samples side by side, so one SIMD vector holds one unit for kLanes samples. P is the batch
// rounded up to whole vectors (padded()); the padding columns hold finite values (the inputs
// there are 0) and a loss gradient of exactly 0, so they never reach dW or db. Weights are the
// network's flat buffer: W row-major (out, in), b (out).
//
// One source builds natively (SSE2 or AVX/AVX2 vectors) and to WebAssembly SIMD128, with GCC/Clang
// vector extensions. AVX-512 is never used: the native build passes -mno-avx512f (CMakeLists.txt),
// and a compiler told to use it anyway gets the 8-lane AVX code. The bias and the activation are fused into the forward product,
// f' into the backward one. tanh is Eigen's float rational approximation, evaluated with
// separate multiplies and adds in every build, so it rounds the same natively and in WebAssembly;
// the sums of the dense layers use fused multiply-adds where the CPU has them, and the sums over
// samples (dW, db) are taken in an order that follows the vector width: the builds differ only
// by those roundings.
#pragma once

#include <Eigen/Core>

#include "activation.h"
#include "loss.h"

namespace nlp::kernels {

// Samples per SIMD vector.
#if defined(__AVX__)
#define NLP_KERNEL_LANES 8
#else
#define NLP_KERNEL_LANES 4  // SSE2, WebAssembly SIMD128
#endif
inline constexpr int kLanes = NLP_KERNEL_LANES;

using Index = Eigen::Index;

// n samples rounded up to whole vectors.
inline Index padded(Index n) { return (n + kLanes - 1) / kLanes * kLanes; }

// Z (out, P) = W (out, in) X (in, P) + b 1^T;  A = f(Z)
void dense_forward(const float* W, const float* b, const float* X, int in, int out, Index P, const Activation& f,
                   float* Z, float* A);
// dZ_in (in, P) = (W^T dZ) * f'(Z_in): the gradient at the pre-activation Z_in (in, P) of the
// layer below, whose activation f gave A_in = f(Z_in).
void dense_backward_input(const float* W, const float* dZ, int in, int out, Index P, const Activation& f,
                          const float* Z_in, const float* A_in, float* dZ_in);
// dW (out, in) = dZ (out, P) X^T;  db (out) = dZ 1. With `accumulate` both add to what is there.
void dense_backward_params(const float* dZ, const float* X, int in, int out, Index P, float* dW, float* db,
                           bool accumulate);

// Z, A = f(Z), Y (outputs, P) unit-major, samples 0..m-1 real (m <= P).
// The loss summed over the m samples (not yet divided by anything), as Loss::sum.
double loss_forward(const Loss& loss, const Activation& f, const float* Z, const float* A, const float* Y, int outputs,
                    Index P, Index m);
// dZ (outputs, P) = scale * dL/dZ for the m samples (as Loss::gradient, through f for mse), 0 in
// the padding columns; returns the loss sum as loss_forward.
double loss_backward(const Loss& loss, const Activation& f, const float* Z, const float* A, const float* Y, int outputs,
                     Index P, Index m, float scale, float* dZ);

// The index of the first NaN or infinity among x[0 .. n), -1 if every value is finite. The
// bindings check every array JS passes in with it (one vector pass instead of a JS loop).
Index first_non_finite(const float* x, Index n);

}  // namespace nlp::kernels
