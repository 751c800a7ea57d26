#!/usr/bin/env bash
# Configures, builds and runs every test (offscreen). Used by README and CI.
# The "postgresql." tests (storage and CLI tests on PostgreSQL) need a server: ctest runs inside a
# throwaway PostgreSQL 15 cluster when pg_virtualenv is installed (with_postgres,
# scripts/test-env.sh); otherwise those tests skip.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
source scripts/build-config.sh
cmake -S . -B "$BUILD_DIR" "${OBJECTIVITY_CMAKE_ARGS[@]}"
cmake --build "$BUILD_DIR"
source scripts/test-env.sh
with_postgres ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
