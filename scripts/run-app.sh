#!/usr/bin/env bash
# Builds and starts the application. On first start it creates a local database with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD_DIR" --target objectivity objectivity-cli
exec "$BUILD_DIR/src/app/objectivity" "$@"
