#!/usr/bin/env python3
"""Writes migration 012 (SQLite and PostgreSQL) from resources/scales/official_mark_scales.csv.

The rows are upserted by (kind, year, grade, subject); a row the user changed (origin 'user')
stays as the user left it. Run after editing the CSV; the storage test OfficialScalesMigration
checks that the migration and the resource agree.
"""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CSV = ROOT / "resources/scales/official_mark_scales.csv"
SECONDARY = " (вторичный источник)"

# the sources migration 002 wrote: those rows were shipped, not typed by a user
SOURCES_002 = [
    "demo version 2026 as quoted by vpr-ege.ru (secondary)",
    "vpr-ege.ru, grade 8 scales page (secondary, year not stated)",
    "Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru",
    "Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru; math: of which at least 2 "
    "points from geometry, per the official scale",
    "Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)",
]


def q(text):
    return "'" + text.replace("'", "''") + "'"


def main():
    lines = [l for l in CSV.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    header = lines[0].split(";")
    out = [
        "-- Migration 012: the official mark scales shipped with the program",
        "-- (resources/scales/official_mark_scales.csv, written by scripts/scales_to_sql.py).",
        "-- origin: 'official' = as shipped (updated by later migrations), 'user' = added or",
        "-- changed by the user (never overwritten).",
        "ALTER TABLE mark_scales ADD COLUMN origin TEXT NOT NULL DEFAULT 'user';",
        "UPDATE mark_scales SET origin = 'official' WHERE source IN ("
        + ", ".join(q(s) for s in SOURCES_002) + ");",
    ]
    for line in lines[1:]:
        fields = line.split(";")
        assert len(fields) == len(header), line
        r = dict(zip(header, fields))
        source = r["source"] + (SECONDARY if r["secondary"] == "да" else "")
        values = [q(r["kind"]), r["year"], r["grade"], q(r["subject"]), r["max_primary"],
                  r["min_for_3"], r["min_for_4"], r["min_for_5"], q(r["extra_condition"]),
                  r["min_test_score"], q(source), "'official'"]
        out.append(
            "INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, "
            "min_for_4, min_for_5, extra_condition, min_test_score, source, origin) VALUES ("
            + ", ".join(values) + ") ON CONFLICT (kind, year, grade, subject) DO UPDATE SET "
            "max_primary = excluded.max_primary, min_for_3 = excluded.min_for_3, "
            "min_for_4 = excluded.min_for_4, min_for_5 = excluded.min_for_5, "
            "extra_condition = excluded.extra_condition, min_test_score = excluded.min_test_score, "
            "source = excluded.source WHERE mark_scales.origin = 'official';")
    text = "\n".join(out) + "\n"
    for path in ["resources/sql/012_official_scales.sql",
                 "resources/sql/postgresql/012_official_scales.sql"]:
        (ROOT / path).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
