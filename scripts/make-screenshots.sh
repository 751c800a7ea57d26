#!/usr/bin/env bash
# Regenerates the screenshots of docs/images/ used by docs/user-guide.md: builds the application,
# imports the three seed plans into a temporary database and renders the window offscreen
# (`objectivity --screenshot`); also the start page of an empty database, the demo database and
# the analysis (overview, flags and unit card) of a generated region. Needs ../shared/seeds (or
# OBJECTIVITY_SHARED_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
SHARED="${OBJECTIVITY_SHARED_DIR:-$(cd .. && pwd)/shared}"
OUT="${OUT:-docs/images}"

seed() { ls "$SHARED"/seeds/"$1"_*.txt 2>/dev/null | head -n1; }
if [ -z "$(seed 000)" ]; then
    echo "Нет образцов планов в $SHARED/seeds (задайте OBJECTIVITY_SHARED_DIR)." >&2
    exit 1
fi

cmake -S . -B "$BUILD_DIR" -G Ninja >/dev/null
cmake --build "$BUILD_DIR" --target objectivity objectivity-cli
APP="$BUILD_DIR/src/app/objectivity"
CLI="$BUILD_DIR/src/cli/objectivity-cli"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/screenshots.sqlite"
export QT_QPA_PLATFORM=offscreen
# Settings of this run only: no remembered layout of the user's own window.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_RUNTIME_DIR="$WORK/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# The plan shown is seed 000 (imported last, so that it is the newest).
"$CLI" --db "$DB" plan import "$(seed 002)" >/dev/null
"$CLI" --db "$DB" plan import "$(seed 001)" >/dev/null
PLAN="$("$CLI" --db "$DB" plan import "$(seed 000)" | tail -n1)"

mkdir -p "$OUT"
shot() { "$APP" --db "$DB" --plan "$PLAN" --screenshot "$OUT/$1.png" "${@:2}"; }
shot main --screenshot-view main
shot detail --screenshot-view detail
# Seed 000 covers 2022–2024: the «Сроки» view as on 15.11.2023, month of November 2023.
shot due --screenshot-view due --today 15.11.2023 --month 11.2023 --due-mode month
shot import-preview --screenshot-view import-preview --import "$(seed 002)"
# The start page of a new database, and the demonstration database (created in $WORK/data).
"$APP" --db "$WORK/empty.sqlite" --screenshot "$OUT/start-page.png" --screenshot-view start
"$APP" --demo --screenshot "$OUT/demo.png" --screenshot-view main
# The analysis of a generated region (invented schools): the «Обзор» tab, the «Признаки» tab with
# a finding selected, and the card of the first flagged unit with its charts.
"$CLI" generate --out "$WORK/region" --schools 80 --municipalities 5 --years 2022-2024 --no-xlsx \
    --no-fisoko >/dev/null
# The generator's default logins edu053NNN are real logins of schools (docs/generator.md): the
# pictures show edu000NNN, as the demo does.
sed -i 's/edu053/edu000/g' "$WORK/region/flat.csv"
"$CLI" --db "$WORK/region.sqlite" results import "$WORK/region/flat.csv" >/dev/null
"$APP" --db "$WORK/region.sqlite" --screenshot "$OUT/analysis-overview.png" --screenshot-view analysis
"$APP" --db "$WORK/region.sqlite" --screenshot "$OUT/analysis-flags.png" \
    --screenshot-view analysis-flags
"$APP" --db "$WORK/region.sqlite" --screenshot "$OUT/analysis-unit.png" \
    --screenshot-view analysis-unit
echo "Снимки в $OUT: main.png detail.png due.png import-preview.png start-page.png demo.png" \
    "analysis-overview.png analysis-flags.png analysis-unit.png"
