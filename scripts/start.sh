#!/usr/bin/env bash
# Builds the playground and serves dist/ (the URL is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs
