#!/usr/bin/env bash
# Builds the Debian package: the two programs in BUILD_DIR (build-deb/; CI passes build/, which the
# tests share) with the configuration of scripts/build-config.sh, then `cpack -G DEB`, which strips
# them (dependencies found by dpkg-shlibdeps). Prints the path of the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build-deb}"
source scripts/build-config.sh
cmake -S . -B "$BUILD_DIR" "${OBJECTIVITY_CMAKE_ARGS[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j2 --target objectivity objectivity-cli
rm -f "$BUILD_DIR"/objectivity_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
ls "$(pwd)/$BUILD_DIR"/objectivity_*.deb
