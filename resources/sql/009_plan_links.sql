-- Municipal plan → school plans. A measure of a municipal (or regional) plan addressed to the
-- schools is copied into each school's current plan; the copy is linked to the measure it came
-- from and to the school's organization, so that distributing again updates the copy instead of
-- adding another, and the department's roll-up finds the schools' execution marks.
-- Plain SQL that PostgreSQL accepts too (postgresql/009_plan_links.sql is the same in its types).

-- The school's login in the results registry (schools.code), to name a school in
-- `plan distribute --schools CODE,…`. A table of its own rather than a column of organizations:
-- SQLite has no ADD COLUMN IF NOT EXISTS, and every migration may run again on a file that has it.
CREATE TABLE IF NOT EXISTS organization_codes (
    organization_id INTEGER PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    code TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS organization_codes_code ON organization_codes(code);

-- One row per school copy. The copy is removed with its school plan (or by the school editing a
-- draft); a removed municipal measure removes the link only, the school's copy stays.
CREATE TABLE IF NOT EXISTS plan_links (
    school_measure_id INTEGER PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    municipal_measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    linked_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS plan_links_municipal ON plan_links(municipal_measure_id, organization_id);

-- The user's answer to «адресовано школам?» for one measure of a municipal plan, where it differs
-- from what core::SchoolAddressees reads in the owners (1 = to the schools, 0 = not).
CREATE TABLE IF NOT EXISTS measure_addressing (
    measure_id INTEGER PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    to_schools INTEGER NOT NULL CHECK (to_schools IN (0, 1))
);
