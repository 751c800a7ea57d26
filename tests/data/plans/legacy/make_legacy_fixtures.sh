#!/usr/bin/env bash
# Makes the Word 97–2003 (.doc) and RTF plan documents of tests/data/plans/legacy: ../kalinovka.docx
# (a school's plan: a section row spanning the table, owners merged over rows) saved by LibreOffice
# Writer in each format, as a user's old documents are.
# Run from anywhere: tests/data/plans/legacy/make_legacy_fixtures.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$HERE/../kalinovka.docx" "$WORK/kalinovka.docx"
for format in doc rtf; do
    soffice --headless -env:UserInstallation=file://"$WORK"/lo --convert-to "$format" \
        --outdir "$WORK" "$WORK/kalinovka.docx" >/dev/null
    cp "$WORK/kalinovka.$format" "$HERE/"
done
