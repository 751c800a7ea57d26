#!/usr/bin/env bash
# Builds the Debian package: a Release build of the two programs in build-deb/, then
# `cpack -G DEB` (dependencies found by dpkg-shlibdeps). Prints the path of the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build-deb}"
LAUNCHER=()
if command -v ccache >/dev/null; then
  LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "${LAUNCHER[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j2 --target objectivity objectivity-cli
rm -f "$BUILD_DIR"/objectivity_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
ls "$(pwd)/$BUILD_DIR"/objectivity_*.deb
