# Sourced by the build and test scripts: the toolchain facts every step needs (docs/toolchain.md).
# Debian's emcc needs acorn from /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
# Warnings are errors when CI is set (to anything, even empty or "false"): the same test as
# CMakeLists.txt's `if(DEFINED ENV{CI})`, passed explicitly so that a change reconfigures.
if [ -n "${CI+set}" ]; then NLP_WERROR=ON; else NLP_WERROR=OFF; fi
