#!/usr/bin/env python3
"""Writes migration 014 (SQLite and PostgreSQL) from resources/scales/official_mark_scales.csv.

Migration 012 shipped the first rows (up to 03.12.2026) and stays as it was: a database that has
run it gets the rows added since from 014, which carries every row of the resource again.

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
    rows = []
    for line in lines[1:]:
        fields = line.split(";")
        assert len(fields) == len(header), line
        r = dict(zip(header, fields))
        r["source"] = r["source"] + (SECONDARY if r["secondary"] == "да" else "")
        rows.append(r)
    shipped = sorted(set(SOURCES_002) | {r["source"] for r in rows})
    out = [
        "-- Migration 014: the official mark scales shipped with the program, every row again",
        "-- (resources/scales/official_mark_scales.csv, written by scripts/scales_to_sql.py).",
        "-- 012 shipped the first rows; 014 adds ОГЭ 2022, ОГЭ 2026 and ОГЭ scales of no stated year.",
        "-- A scale is «изменена пользователем» when its id is in mark_scale_user_rows (added or",
        "-- changed by the user: never overwritten), else «официальная» (as shipped: later",
        "-- versions update it). Every statement may run twice (tests fake older versions).",
        "CREATE TABLE IF NOT EXISTS mark_scale_user_rows (",
        "    scale_id INTEGER PRIMARY KEY REFERENCES mark_scales(id) ON DELETE CASCADE",
        ");",
        "-- rows of an earlier version that no version shipped were typed by the user",
        "INSERT INTO mark_scale_user_rows (scale_id) SELECT id FROM mark_scales WHERE source NOT IN ("
        + ", ".join(q(s) for s in shipped) + ") ON CONFLICT DO NOTHING;",
    ]
    for r in rows:
        values = [q(r["kind"]), r["year"], r["grade"], q(r["subject"]), r["max_primary"],
                  r["min_for_3"], r["min_for_4"], r["min_for_5"], q(r["extra_condition"]),
                  r["min_test_score"], q(r["source"])]
        out.append(
            "INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, "
            "min_for_4, min_for_5, extra_condition, min_test_score, source) VALUES ("
            + ", ".join(values) + ") ON CONFLICT (kind, year, grade, subject) DO UPDATE SET "
            "max_primary = excluded.max_primary, min_for_3 = excluded.min_for_3, "
            "min_for_4 = excluded.min_for_4, min_for_5 = excluded.min_for_5, "
            "extra_condition = excluded.extra_condition, min_test_score = excluded.min_test_score, "
            "source = excluded.source WHERE mark_scales.id NOT IN (SELECT scale_id FROM "
            "mark_scale_user_rows);")
    text = "\n".join(out) + "\n"
    (ROOT / "resources/sql/014_official_scales.sql").write_text(text, encoding="utf-8")
    # PostgreSQL: the same statements; mark_scales.id is a BIGINT there
    pg = text.replace("scale_id INTEGER PRIMARY KEY", "scale_id BIGINT PRIMARY KEY")
    (ROOT / "resources/sql/postgresql/014_official_scales.sql").write_text(pg, encoding="utf-8")


if __name__ == "__main__":
    main()
