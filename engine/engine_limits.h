// Every limit the engine enforces, defined once (not named limits.h: engine/ is on the include
// path, where that name would shadow the C header). The checks use these constants, and the
// bindings export them to JS (`engine.limits`, docs/api.md), so no other layer repeats a number.
#pragma once

// NLP_COLD: size over speed for code off the training path in a source file compiled for speed
// (a constructor's checks, a name's lookup, a check's message): clang's minsize (the WebAssembly
// build: bench/README.md, "Page"), GCC's cold (the native build).
#if defined(__clang__)
#define NLP_COLD __attribute__((minsize, noinline))
#else
#define NLP_COLD __attribute__((cold, noinline))
#endif

namespace nlp {

// Units per layer, inputs and outputs included (Network's constructor); also the largest
// dimension of the analyses' data (least squares, PCA, principal angles).
inline constexpr int kMaxUnits = 256;
// Hidden layers per network (Network's constructor).
inline constexpr int kMaxHidden = 16;
// Sizes in one layer list: inputs, up to kMaxHidden hidden layers, outputs (entry.h).
inline constexpr int kMaxLayers = kMaxHidden + 2;
// Characters of a name: activation, loss, dataset, dataset kind, optimizer (entry.h).
inline constexpr int kMaxNameLength = 64;
// Samples one make_dataset call generates (its `n`).
inline constexpr int kMaxDatasetSamples = 100000;
// Floats in one workspace buffer, units x batch samples (check_workspace): 512 MiB. Also keeps
// every workspace size far from the 32-bit Eigen::Index of WebAssembly.
inline constexpr double kMaxWorkspaceFloats = 1 << 27;
// Floats in one array a call passes in through the bindings' staging buffers: 256 MB each.
inline constexpr double kMaxStagingFloats = 64e6;
// Linear regions count_linear_pieces walks before it gives up.
inline constexpr int kMaxLinearRegions = 1000000;
// Work count_linear_pieces may spend, in multiply-adds: each region walks every layer, at
// 2 x weights + 3 x units + 64 per layer. Bounds its time, whatever the net, to well under a
// second here (docs/api.md).
inline constexpr double kMaxLinearPiecesWork = 2e8;
// Work one call over data may ask for (entry.h's check_work), in multiply-adds: fit epochs x
// samples x parameters (fitSynthetic 4 x that: its gradient model and three passes);
// predict, loss, gradients, layerOutputs, collapseDeviation, syntheticProbe samples x
// parameters. At the limit a call takes under a second here (docs/api.md "Time").
inline constexpr double kMaxCallWork = 2e9;
// The same for the analyses, which work in double precision: leastSquares samples x columns x
// (columns + outputs), pca samples x dim^2, principalAngle 8 x (p + q)^2 x dim.
inline constexpr double kMaxAnalysisWork = 4e8;
// Points one activationCurve call evaluates (f and f' each, in double): about 0.5 s here.
inline constexpr int kMaxCurvePoints = 1000000;
// Points one compute_features call transforms (input_features.h): at most 9 values each, so at most
// 9e6 floats of result; well under a second here.
inline constexpr int kMaxFeaturePoints = 1000000;
// Points best_line_accuracy tries every pair of (O(n^3) work): 600 is about 0.5 s here.
inline constexpr int kMaxBestLinePoints = 600;

}  // namespace nlp
