#!/usr/bin/env bash
# Installs the vendor SDKs the suite runs as outside clients (Python venv from sdks/requirements.txt, the Go IoTDA driver
# from sdks/iotda/go) into a cache outside the clone (${XDG_CACHE_HOME:-~/.cache}/iot-command-harness/sdks, or
# SDK_CACHE_DIR), so later runs find them at once. Run after `npm ci` (it needs the project's Node 24).
set -euo pipefail
cd "$(dirname "$0")/.."
node_bin=node_modules/.bin/node
if [ ! -x "$node_bin" ]; then
  echo ".ci/sdks.sh: run npm ci first (the project's Node 24 is in node_modules)" >&2
  exit 1
fi
exec "$node_bin" sdks/provision/provision.ts
