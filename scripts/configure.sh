#!/usr/bin/env bash
# Configures one CMake build directory when it needs it:
#   bash scripts/configure.sh BUILD_DIR CONFIGURE_COMMAND...
# It runs CONFIGURE_COMMAND when BUILD_DIR has no CMakeCache.txt, or when the command (its options:
# -Werror, build type, emulator path, ...) differs from the one that last configured BUILD_DIR
# successfully (kept in BUILD_DIR/nlp-configure.stamp); otherwise it does nothing. The output goes
# to BUILD_DIR/configure.log and is printed when the configure step fails.
set -euo pipefail
dir=$1
shift
stamp=$dir/nlp-configure.stamp
want=$(printf '%q ' "$@")
if [ -f "$dir/CMakeCache.txt" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
mkdir -p "$dir"
rm -f "$stamp"
echo "configure: $*"
if ! "$@" >"$dir/configure.log" 2>&1; then
  cat "$dir/configure.log" >&2
  echo "configure: failed (output above, also in $dir/configure.log): $*" >&2
  exit 1
fi
printf '%s' "$want" >"$stamp"
