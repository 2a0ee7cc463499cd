#!/usr/bin/env bash
# Runs every test: the doctest suite natively and as WASM under Node (both through CTest),
# the Node suite of the JS API, and the browser suite in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
. scripts/env.sh

echo "test: doctest, native"
ctest --test-dir build/native --output-on-failure
echo "test: doctest, WebAssembly under Node"
ctest --test-dir build/wasm --output-on-failure
echo "test: JS API (node --test)"
node --test tests/node/
echo "test: the page in Chromium (node --test)"
node --test --test-concurrency=1 tests/browser/
echo "test: all passed"
