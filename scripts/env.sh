# Sourced by the build and test scripts: the toolchain facts every step needs.
# Debian's emcc needs acorn from /usr/share/nodejs (docs/toolchain.md).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
