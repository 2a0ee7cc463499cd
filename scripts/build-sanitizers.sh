#!/usr/bin/env bash
# Builds what scripts/test.sh runs under AddressSanitizer and UndefinedBehaviorSanitizer, in one
# build directory (build/asan, clang): the native doctest suite (nlp_tests) and the libFuzzer
# harness (nlp_fuzz, tests/fuzz/). One build of the engine serves both: -fsanitize=fuzzer-no-link
# only adds the coverage instrumentation libFuzzer reads. -O1 -g1 (line tables only) and no
# -march=native keep the build short; only the two targets the tests run are built.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
SAN="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer"
bash scripts/configure.sh build/asan \
  cmake -S . -B build/asan -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DNLP_NATIVE_ARCH=OFF -DNLP_WERROR="$NLP_WERROR" -DNLP_FUZZ=ON \
    "-DCMAKE_CXX_FLAGS=$SAN"
cmake --build build/asan -j"$JOBS" --target nlp_tests nlp_fuzz
