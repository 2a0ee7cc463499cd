#!/usr/bin/env bash
# Builds the engine to WebAssembly (build/wasm/nlp_engine.cjs) and its doctest suite as WASM.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    -DEigen3_DIR=/usr/share/eigen3/cmake \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
fi
cmake --build build/wasm -j"$JOBS" "$@"
