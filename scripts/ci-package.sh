#!/usr/bin/env bash
# Builds the Debian package, installs it (apt resolves the declared dependencies), starts both
# programs from /usr/bin, validates the desktop entry, and removes the package again. The programs
# are built in build/ (BUILD_DIR), the folder of scripts/run-tests.sh, with the same configuration
# (scripts/build-config.sh): the tests' build that follows in CI reuses them.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
start=$(date +%s)

DEB="$(BUILD_DIR="${BUILD_DIR:-build}" ./scripts/build-deb.sh | tail -n1)"
echo "Пакет: $DEB"
dpkg-deb --field "$DEB" Package Version Section Depends
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "$DEB" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y objectivity >/dev/null' EXIT

source scripts/test-env.sh
/usr/bin/objectivity-cli --help >/dev/null
/usr/bin/objectivity --help >/dev/null
/usr/bin/objectivity --version
desktop-file-validate /usr/share/applications/objectivity.desktop
test -s /usr/share/icons/hicolor/scalable/apps/objectivity.svg
test -s /usr/share/doc/objectivity/user-guide.md
if dpkg -L objectivity | grep -E '_tests$|/bench_|/bench/' ; then
  echo "В пакет попали тесты или бенчмарки" >&2
  exit 1
fi
echo "Пакет проверен за $(( $(date +%s) - start )) с"
