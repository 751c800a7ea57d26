#!/usr/bin/env bash
# Makes the PDF-extracted plan documents of tests/data/plans/pdf from the seeds (../shared/seeds):
# each seed as a Word-like document with bordered tables (seed_to_html.py), printed to PDF by
# LibreOffice headless, then the text pdftotext gives with and without -layout.
#   SEED.pdf           — the PDF (read directly by PdfPlanReader)
#   SEED.layout.txt    — `pdftotext -layout` (columns aligned with spaces)
#   SEED.raw.txt       — `pdftotext` (cells one after another: no columns to rebuild)
# Run from anywhere: tests/data/plans/pdf/make_pdf_fixtures.sh [SHARED_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${1:-$HERE/../../../../../shared}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for seed in "$SHARED"/seeds/*.txt; do
    name="seed_$(basename "$seed" | cut -c1-3)"
    /usr/bin/python3 "$HERE/seed_to_html.py" "$seed" >"$WORK/$name.html"
done
soffice --headless -env:UserInstallation=file://"$WORK"/lo --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export --outdir "$WORK" "$WORK"/*.html >/dev/null
for pdf in "$WORK"/*.pdf; do
    name="$(basename "$pdf" .pdf)"
    cp "$pdf" "$HERE/$name.pdf"
    pdftotext -layout "$pdf" "$HERE/$name.layout.txt"
    pdftotext "$pdf" "$HERE/$name.raw.txt"
done
