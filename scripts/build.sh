#!/usr/bin/env bash
# Builds everything: the native engine, tests and bench (build/native), the WASM module and the
# WASM test runner (build/wasm), and the static site (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

echo "build: native engine, tests, bench"
bash scripts/configure.sh build/native \
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DNLP_WERROR="$NLP_WERROR"
cmake --build build/native -j"$JOBS"

echo "build: WebAssembly engine and test runner"
bash scripts/build-wasm.sh

echo "build: static site"
node scripts/build-engine-entry.mjs
node scripts/build-web.mjs
