-- Municipal plan → school plans (see ../009_plan_links.sql for the meaning of every column).
-- PostgreSQL dialect: bigint keys (the ids of measures and organizations), text timestamps.

CREATE TABLE IF NOT EXISTS organization_codes (
    organization_id bigint PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    code text NOT NULL
);
CREATE INDEX IF NOT EXISTS organization_codes_code ON organization_codes(code);

CREATE TABLE IF NOT EXISTS plan_links (
    school_measure_id bigint PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    municipal_measure_id bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    linked_at text NOT NULL
);
CREATE INDEX IF NOT EXISTS plan_links_municipal ON plan_links(municipal_measure_id, organization_id);

CREATE TABLE IF NOT EXISTS measure_addressing (
    measure_id bigint PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    to_schools integer NOT NULL CHECK (to_schools IN (0, 1))
);
