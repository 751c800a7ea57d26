#!/usr/bin/env bash
# CI step: every libFuzzer target for FUZZ_SECONDS (15) seconds (scripts/fuzz.sh, build-fuzz/), then,
# in the same build (every library compiled with ASan and UBSan), the core, io and storage tests:
# the readers, the domain and the repositories under the sanitizers. Fails on any crash, leak,
# timeout or out-of-memory of a fuzz target, on a failing test or on a sanitizer report.
# The whole suite under the sanitizers, the GUI and CLI tests included, is scripts/run-sanitizers.sh
# (build-asan/): a full second build of the project, which does not fit CI's time with the others.
# Measured from empty build folders on the 2-core machine: see docs/development.md «Fuzzing».
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${FUZZ_BUILD_DIR:-build-fuzz}"
start=$(date +%s)
./scripts/fuzz.sh all "${FUZZ_SECONDS:-15}"
fuzz_done=$(date +%s)

TESTS=(core_tests io_tests storage_tests)
cmake --build "$BUILD_DIR" -j "${FUZZ_JOBS:-2}" --target "${TESTS[@]}"
# after fuzz.sh, which keeps leak detection on for the fuzz targets
source scripts/test-env.sh
for t in "${TESTS[@]}"; do
    echo "== $t under ASan and UBSan"
    if [ "$t" = storage_tests ]; then
        # with a throwaway server, as in scripts/run-tests.sh: the PostgreSQL-only tests run too
        with_postgres "$BUILD_DIR/tests/$t" --gtest_brief=1
    else
        "$BUILD_DIR/tests/$t" --gtest_brief=1
    fi
done
end=$(date +%s)
echo "ci-fuzz: fuzz targets $((fuzz_done - start)) s, core/io/storage tests under the sanitizers" \
    "$((end - fuzz_done)) s, total $((end - start)) s"
