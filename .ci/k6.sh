#!/usr/bin/env bash
# Makes k6 available to the load tests: K6_BIN, k6 on the PATH, or the cached Go build (built here when missing, with progress); prints where it is.
# Run after `npm ci` (it needs the project's Node 24). The build is cached outside the clone
# (${XDG_CACHE_HOME:-~/.cache}/iot-command-harness/k6/<version>, or K6_CACHE_DIR), so later runs find it at once.
set -euo pipefail
cd "$(dirname "$0")/.."
node_bin=node_modules/.bin/node
if [ ! -x "$node_bin" ]; then
  echo ".ci/k6.sh: run npm ci first (the project's Node 24 is in node_modules)" >&2
  exit 1
fi
exec "$node_bin" load/runner/provision.ts
