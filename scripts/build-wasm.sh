#!/usr/bin/env bash
# Builds the engine to WebAssembly (build/wasm/nlp_engine.cjs) and its doctest suite as WASM.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
# emcmake cannot see host CMake packages (Eigen3_DIR); its default test emulator is a Node flag
# Node 20 rejects (CMAKE_CROSSCOMPILING_EMULATOR): docs/toolchain.md.
bash scripts/configure.sh build/wasm \
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DNLP_WERROR="$NLP_WERROR" \
    -DEigen3_DIR=/usr/share/eigen3/cmake \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node
cmake --build build/wasm -j"$JOBS" "$@"
