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
echo "test: doctest, native under AddressSanitizer + UndefinedBehaviorSanitizer"
bash scripts/build-sanitizers.sh
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/asan/tests/nlp_tests --no-intro
echo "test: libFuzzer over the entry layer, ${NLP_FUZZ_SECONDS:=60} s under ASan + UBSan"
# New inputs go to build/asan/fuzz-corpus; tests/fuzz/corpus (the seeds) is only read.
mkdir -p build/asan/fuzz-corpus
build/asan/nlp_fuzz -max_total_time="$NLP_FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  build/asan/fuzz-corpus tests/fuzz/corpus 2>build/asan/fuzz.log || { tail -n 60 build/asan/fuzz.log; exit 1; }
tail -n 3 build/asan/fuzz.log
echo "test: JS API (node --test)"
node --test tests/node/
echo "test: the page in Chromium (node --test)"
node --test --test-concurrency=1 tests/browser/
echo "test: all passed"
