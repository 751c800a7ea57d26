-- From a sign to the plan: editable templates of measures per criterion, and the link from a
-- plan's measure to the finding of the analysis it answers. A finding is identified by what it is
-- about (criterion, procedure, year, grade, subject, school, class), never by a row of an
-- analysis run. Depends only on 001 (measures) and 005 (meta): applies after 006 and 007.
CREATE TABLE IF NOT EXISTS measure_templates (
    id INTEGER PRIMARY KEY,
    criterion TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    owners TEXT NOT NULL DEFAULT '[]', -- JSON array of roles
    deadline TEXT NOT NULL DEFAULT '',
    expected_result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS measure_templates_criterion ON measure_templates(criterion, position);

CREATE TABLE IF NOT EXISTS measure_findings (
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    procedure_kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    grade INTEGER NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    school_code TEXT NOT NULL,
    class_name TEXT NOT NULL DEFAULT '',
    template_id INTEGER, -- the template it was made from (no reference: templates are edited)
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    PRIMARY KEY (measure_id, criterion, procedure_kind, year, grade, subject, school_code, class_name)
);
CREATE INDEX IF NOT EXISTS measure_findings_finding
    ON measure_findings(school_code, year, procedure_kind, grade, subject, criterion);
