#!/usr/bin/env bash
# Makes the OpenDocument plan documents of tests/data/plans/odt with LibreOffice Writer, as a
# user's own .odt files are made:
#   seed_NNN.odt   — each seed (../shared/seeds) as a Word-like document with bordered tables
#                    (../pdf/seed_to_html.py), saved by Writer as .odt
#   kalinovka.odt  — ../kalinovka.docx (cells spanning columns, owners merged over rows) opened
#                    in Writer and saved as .odt (number-columns-spanned, number-rows-spanned,
#                    covered cells)
# Run from anywhere: tests/data/plans/odt/make_odt_fixtures.sh [SHARED_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${1:-$HERE/../../../../../shared}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for seed in "$SHARED"/seeds/*.txt; do
    name="seed_$(basename "$seed" | cut -c1-3)"
    /usr/bin/python3 "$HERE/../pdf/seed_to_html.py" "$seed" >"$WORK/$name.html"
done
soffice --headless -env:UserInstallation=file://"$WORK"/lo --infilter="HTML (StarWriter)" \
    --convert-to odt:writer8 --outdir "$WORK" "$WORK"/*.html >/dev/null
cp "$HERE/../kalinovka.docx" "$WORK/kalinovka.docx"
soffice --headless -env:UserInstallation=file://"$WORK"/lo --convert-to odt:writer8 \
    --outdir "$WORK" "$WORK/kalinovka.docx" >/dev/null
cp "$WORK"/*.odt "$HERE/"
