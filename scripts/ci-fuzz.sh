#!/usr/bin/env bash
# CI step: the whole test suite under ASan and UBSan (scripts/run-sanitizers.sh, build-asan/), then
# every libFuzzer target for FUZZ_SECONDS (30) seconds (scripts/fuzz.sh, build-fuzz/). Fails on a
# failing test, a sanitizer report or any crash, leak, timeout or out-of-memory of a fuzz target.
# Measured from empty build folders on the 2-core CI machine: see docs/development.md «Fuzzing».
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
./scripts/run-sanitizers.sh
asan_done=$(date +%s)
./scripts/fuzz.sh all "${FUZZ_SECONDS:-30}"
end=$(date +%s)
echo "ci-fuzz: sanitizer suite $((asan_done - start)) s, fuzz targets $((end - asan_done)) s," \
    "total $((end - start)) s"
