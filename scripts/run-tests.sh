#!/usr/bin/env bash
# Configures, builds and runs every test (offscreen). Used by README and CI.
# The "postgresql." tests (storage and CLI tests on PostgreSQL) need a server: when pg_virtualenv
# (postgresql-common) is installed, ctest runs inside a throwaway PostgreSQL 15 cluster it starts
# (-t: in a temporary folder even as root, so that runs of several users or worktrees on one
# machine do not collide on the system cluster «15/regress»); otherwise those tests skip.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
source scripts/build-config.sh
cmake -S . -B "$BUILD_DIR" "${OBJECTIVITY_CMAKE_ARGS[@]}"
cmake --build "$BUILD_DIR"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
if command -v pg_virtualenv >/dev/null 2>&1 && [ -d /usr/lib/postgresql/15/bin ]; then
  pg_virtualenv -t -v 15 -- ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
else
  echo "pg_virtualenv (postgresql-15) not found: the postgresql.* tests will be skipped" >&2
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
fi
