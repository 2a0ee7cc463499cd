#!/usr/bin/env bash
# Installs what the build needs, only what is missing: Debian packages, then `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

# cmake/g++: native engine and tests; libeigen3-dev, doctest-dev: the engine and its tests;
# clang, libclang-rt-14-dev: the sanitizer build and libFuzzer harness (build/asan); emscripten: the WASM build; binaryen (emscripten's too): wasm-split and wasm-opt, which split the module for the page (scripts/split-wasm.mjs); xz-utils: LZMA-compresses the module for the page (scripts/build-web.mjs); chromium: browser tests; fonts-noto-cjk: Chinese text in screenshots.
packages=(cmake g++ clang libclang-rt-14-dev make libeigen3-dev doctest-dev emscripten binaryen xz-utils chromium fonts-noto-cjk nodejs)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node 20 and npm come with the machine; Debian's nodejs is only a fallback.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
