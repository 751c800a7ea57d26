#!/usr/bin/env bash
# Builds the whole project and its tests with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# in build-asan/ and runs every test there (offscreen). Any sanitizer report fails the test that
# caused it (UBSan halts on the first error; ASan always does).
#
# Environment: ASAN_BUILD_DIR (build-asan), ASAN_JOBS for the build (2), ASAN_OPTIONS and
# UBSAN_OPTIONS to override the defaults below.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${ASAN_BUILD_DIR:-build-asan}"
SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
# -O1 and line tables only: the usual ASan trade-off (readable stacks, half the compile time of -O2 -g).
OPT="-O1 -gline-tables-only -DNDEBUG"

# Offscreen, and the sanitizers' options (leak detection off: Qt's process-lifetime allocations).
source scripts/test-env.sh

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_C_FLAGS="$SANITIZE" -DCMAKE_CXX_FLAGS="$SANITIZE" \
        -DCMAKE_C_FLAGS_RELWITHDEBINFO="$OPT" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$OPT" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
        -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
        "${launcher[@]}"
fi
# Only what ctest runs (the test executables and objectivity-cli, which cli_tests starts): the GUI
# executable and the benchmarks are not built. The build runs the test executables too
# (gtest_discover_tests lists their tests after linking), under the sanitizers already.
cmake --build "$BUILD_DIR" -j "${ASAN_JOBS:-2}" --target core_tests simulation_tests \
    storage_tests io_tests gui_tests cli_tests objectivity-cli

# Tests left out under the sanitizers, each with its reason (a ctest -E regular expression).
# The sanitizer run stays on SQLite: ctest runs outside pg_virtualenv here, so the postgresql.*
# tests skip (scripts/run-tests.sh runs them against a server).
EXCLUDE='^$'
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 -E "$EXCLUDE"
