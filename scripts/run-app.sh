#!/usr/bin/env bash
# Builds and starts the application. With no database of the user's yet (first start) the
# application itself opens the demonstration database (objectivity-demo.sqlite, created on first
# use; invented schools and results) and says how to create one's own; --demo opens it any time.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
source scripts/build-config.sh
cmake -S . -B "$BUILD_DIR" "${OBJECTIVITY_CMAKE_ARGS[@]}"
cmake --build "$BUILD_DIR" --target objectivity objectivity-cli
exec "$BUILD_DIR/src/app/objectivity" "$@"
