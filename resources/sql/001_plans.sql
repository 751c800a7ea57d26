-- Plans of measures: organizations, plans with their approval and columns, sections, measures,
-- owners and the staff directory.
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'school' CHECK (kind IN ('school', 'municipal', 'regional')),
    municipality TEXT NOT NULL DEFAULT '',
    UNIQUE (name, municipality)
);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,
    title TEXT NOT NULL DEFAULT '',
    period_start_year INTEGER NOT NULL DEFAULT 0,
    period_end_year INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending', 'approved', 'archived')),
    approver_position TEXT NOT NULL DEFAULT '',
    approver_name TEXT NOT NULL DEFAULT '',
    order_number TEXT NOT NULL DEFAULT '',
    order_date TEXT,
    appendix_line TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    warnings TEXT NOT NULL DEFAULT '[]',
    parent_plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    source_file TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX plans_organization ON plans(organization_id);

CREATE TABLE plan_columns (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    heading TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sections_plan ON sections(plan_id, position);

CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    deadline_text TEXT NOT NULL DEFAULT '',
    deadline_kind TEXT NOT NULL DEFAULT 'unknown',
    deadline_yearly INTEGER NOT NULL DEFAULT 0,
    deadline_from TEXT,
    deadline_to TEXT,
    deadline_windows TEXT NOT NULL DEFAULT '[]',
    expected_result TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'done', 'not_done', 'postponed')),
    completion_date TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX measures_section ON measures(section_id, position);
CREATE INDEX measures_deadline ON measures(deadline_from, deadline_to);

-- Staff directory (Справочник ответственных): people and roles.
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    position TEXT NOT NULL DEFAULT '',
    is_role INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE measure_owners (
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    PRIMARY KEY (measure_id, position)
);
CREATE INDEX measure_owners_person ON measure_owners(person_id);
CREATE INDEX measure_owners_name ON measure_owners(name);
