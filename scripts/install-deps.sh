#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs to build, run and test.
# --libreoffice also installs LibreOffice Writer and Calc without a GUI (about 230 MB; CI uses
# it): the tests that have Writer lay out the exported .docx/.odt and read .doc/.rtf plans, and
# the one that has Calc print the analysis workbook, run with it and skip without it, as the
# program reads .doc/.rtf only where LibreOffice is installed.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libxlsxwriter-dev libminizip-dev zlib1g-dev libsodium-dev libpoppler-qt6-dev
  libgtest-dev libgmock-dev
  xvfb xauth poppler-utils sqlite3
  fonts-dejavu-core fonts-liberation2 qt6-translations-l10n
  python3 python3-openpyxl python3-scipy
  dpkg-dev desktop-file-utils file
  clang libclang-rt-14-dev llvm
  postgresql-15 postgresql-common libqt6sql6-psql libpq-dev
)
for arg in "$@"; do
  case "$arg" in
    --libreoffice) PACKAGES+=(libreoffice-writer-nogui libreoffice-calc-nogui) ;;
    *) echo "install-deps.sh: неизвестный параметр «$arg» (есть только --libreoffice)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
