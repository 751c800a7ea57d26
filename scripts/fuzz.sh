#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) in build-fuzz/ with clang, ASan and UBSan, and runs one
# target — or all of them, one after another — for SECONDS each.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]   e.g. scripts/fuzz.sh csv_reader 60
#   scripts/fuzz.sh all SECONDS [libFuzzer flags...]
#   scripts/fuzz.sh list
#
# The corpus of a target is build-fuzz/corpus/TARGET: seeded once from tests/data, ../shared
# (seeds/, data/real/) and the small handmade seeds in tests/fuzz/corpus/TARGET; what the fuzzer
# finds new is added there. Crashing inputs go to build-fuzz/artifacts/TARGET/. The run fails
# (non-zero) when a target crashes, leaks, times out (-timeout, 25 s) or runs out of memory.
# Environment: FUZZ_BUILD_DIR (build-fuzz), OBJECTIVITY_SHARED_DIR (../shared), FUZZ_MAX_LEN
# (65536 bytes), FUZZ_JOBS for the build (2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BUILD_DIR="${FUZZ_BUILD_DIR:-build-fuzz}"
SHARED="${OBJECTIVITY_SHARED_DIR:-$ROOT/../shared}"
MAX_LEN="${FUZZ_MAX_LEN:-65536}"
TARGETS=(docx_plan_reader odt_plan_reader html_plan_reader text_plan_reader plan_importer xlsx_reader zip_archive
         csv_reader results_importer flagged_list_importer pdf_plan_reader)

usage() {
    echo "usage: $0 TARGET|all SECONDS [libFuzzer flags...]   ($0 list: the targets)" >&2
    exit 2
}

if [ "${1:-}" = list ]; then
    printf '%s\n' "${TARGETS[@]}"
    exit 0
fi
[ $# -ge 2 ] || usage
TARGET="$1"
SECONDS_EACH="$2"
shift 2
if [ "$TARGET" != all ] && [[ ! " ${TARGETS[*]} " =~ " $TARGET " ]]; then
    echo "unknown target «$TARGET»; targets: ${TARGETS[*]}" >&2
    exit 2
fi

build() {
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        local launcher=()
        if command -v ccache >/dev/null; then
            launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        fi
        # -O1 with line tables only, as OSS-Fuzz builds: readable stacks, fast compiles.
        local opt="-O1 -gline-tables-only -DNDEBUG"
        cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DOBJECTIVITY_FUZZ=ON \
            -DCMAKE_C_FLAGS_RELWITHDEBINFO="$opt" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$opt" \
            "${launcher[@]}" >/dev/null
    fi
    local targets=()
    if [ "$TARGET" = all ]; then
        targets=(fuzzers)
    else
        targets=("${TARGET}_fuzzer")
    fi
    cmake --build "$BUILD_DIR" -j "${FUZZ_JOBS:-2}" --target "${targets[@]}"
}

# copy FILE into corpus DIR; PREFIX (a byte, for the targets that read an option from the first
# byte) goes in front; files larger than MAX_LEN are cut (a cut CSV is still a fine seed).
seed_file() {
    local dir="$1" prefix="$2" file="$3"
    [ -f "$file" ] || return 0
    local out
    out="$dir/seed-$(basename "$file")"
    if [ "$prefix" = yes ]; then
        { printf '\0'; head -c "$((MAX_LEN - 1))" "$file"; } >"$out"
    else
        head -c "$MAX_LEN" "$file" >"$out"
    fi
}

seed() {
    local name="$1" dir="$BUILD_DIR/corpus/$1"
    [ -f "$dir/.seeded" ] && return 0
    mkdir -p "$dir"
    local files=() prefix=no
    local plans="$ROOT/tests/data/plans"
    case "$name" in
    docx_plan_reader) files=("$plans"/*.docx "$plans"/*.document.xml) ;;
    odt_plan_reader) files=("$plans"/odt/*.odt) ;;
    html_plan_reader) files=("$plans"/*.html) ;;
    text_plan_reader) files=("$plans"/*.txt "$SHARED"/seeds/*.txt) ;;
    pdf_plan_reader) files=("$plans"/pdf/*.pdf "$plans"/pdf/*.layout.txt) ;;
    plan_importer)
        prefix=yes
        files=("$plans"/*.txt "$plans"/*.html "$plans"/*.docx "$plans"/odt/*.odt "$SHARED"/seeds/*.txt) ;;
    xlsx_reader | zip_archive) files=("$SHARED"/data/real/*.xlsx "$plans"/*.docx) ;;
    csv_reader)
        prefix=yes
        files=("$SHARED"/data/real/*.csv "$SHARED"/reference/*.tsv) ;;
    results_importer)
        prefix=yes
        files=("$SHARED"/data/real/*.csv "$SHARED"/data/real/*.xlsx) ;;
    flagged_list_importer) files=("$SHARED"/data/real/*.xlsx) ;;
    esac
    for f in "${files[@]}"; do
        seed_file "$dir" "$prefix" "$f"
    done
    touch "$dir/.seeded"
}

dictionary() {
    case "$1" in
    docx_plan_reader | xlsx_reader | zip_archive) echo "$ROOT/tests/fuzz/dict/ooxml.dict" ;;
    odt_plan_reader) echo "$ROOT/tests/fuzz/dict/odf.dict" ;;
    html_plan_reader | plan_importer) echo "$ROOT/tests/fuzz/dict/html.dict" ;;
    csv_reader | results_importer | flagged_list_importer) echo "$ROOT/tests/fuzz/dict/csv.dict" ;;
    *) echo "" ;;
    esac
}

run() {
    local name="$1"
    shift
    seed "$name"
    local corpora=("$BUILD_DIR/corpus/$name")
    [ -d "$ROOT/tests/fuzz/corpus/$name" ] && corpora+=("$ROOT/tests/fuzz/corpus/$name")
    local dict flags=()
    dict="$(dictionary "$name")"
    [ -n "$dict" ] && [ -f "$dict" ] && flags+=("-dict=$dict")
    mkdir -p "$BUILD_DIR/artifacts/$name"
    echo "== $name: ${SECONDS_EACH} s"
    QT_QPA_PLATFORM=offscreen \
        ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
        "$BUILD_DIR/tests/fuzz/${name}_fuzzer" -max_total_time="$SECONDS_EACH" \
        -max_len="$MAX_LEN" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$BUILD_DIR/artifacts/$name/" "${flags[@]}" "$@" "${corpora[@]}"
}

build
if [ "$TARGET" = all ]; then
    for t in "${TARGETS[@]}"; do
        run "$t" "$@"
    done
else
    run "$TARGET" "$@"
fi
