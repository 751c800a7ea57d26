-- Results of assessment procedures (ВПР, ОГЭ, ЕГЭ): schools, procedures with their tasks, mark
-- scales, participants' individual results, import log, official lists of flagged schools and
-- remembered column headings.
--
-- Conventions the analysis relies on:
--   procedures.kind is «ВПР» / «ОГЭ» / «ЕГЭ» (core::procedureKindCode), subject a canonical name
--   (core::SubjectCatalog); schools.kind a core::schoolKindCode.
--   participants.task_points: one signed byte per task of the procedure, in procedures.tasks order;
--   -1 (0xFF) = not attempted (X, Х, «-», «—» in the file), distinct from 0 points.
--   participants.mark / test_score / journal_mark / annual_mark: NULL when absent.
--   participants.journal_period: 0 unknown, 1 четверть, 2 полугодие, 3 год (core::JournalPeriod).
--   participants.medal: 0 none, 1 gold, 2 silver (core::Medal).
CREATE TABLE schools (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    municipality TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    rural INTEGER NOT NULL DEFAULT 0,
    advanced_subjects TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX schools_municipality ON schools(municipality);

CREATE TABLE procedures (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ВПР', 'ОГЭ', 'ЕГЭ')),
    year INTEGER NOT NULL,
    grade INTEGER NOT NULL,
    subject TEXT NOT NULL,
    -- [{"label":"9.1","max":2,"level":"Б"}, ...]; level "" when unknown
    tasks TEXT NOT NULL DEFAULT '[]',
    UNIQUE (kind, year, grade, subject)
);
CREATE INDEX procedures_year ON procedures(year, kind, grade, subject);

CREATE TABLE mark_scales (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ВПР', 'ОГЭ', 'ЕГЭ')),
    year INTEGER NOT NULL DEFAULT 0, -- 0 = any year
    grade INTEGER NOT NULL,
    subject TEXT NOT NULL,
    max_primary INTEGER NOT NULL DEFAULT 0,
    min_for_3 INTEGER NOT NULL DEFAULT 0, -- 0 = unknown
    min_for_4 INTEGER NOT NULL DEFAULT 0,
    min_for_5 INTEGER NOT NULL DEFAULT 0,
    extra_condition TEXT NOT NULL DEFAULT '',
    test_scores TEXT NOT NULL DEFAULT '[]', -- ЕГЭ: test score for primary 0..max_primary
    min_test_score INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, year, grade, subject)
);

CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE, -- of the file's content: the same file imported twice is detected
    layout TEXT NOT NULL, -- 'fisoko', 'flat', 'flagged'
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    row_count INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]' -- JSON array of Russian messages
);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    procedure_id INTEGER NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
    class_name TEXT NOT NULL DEFAULT '',
    participant_code TEXT NOT NULL,
    variant INTEGER NOT NULL DEFAULT 0,
    task_points BLOB NOT NULL DEFAULT x'',
    primary_score REAL NOT NULL DEFAULT 0,
    mark INTEGER,
    test_score INTEGER,
    journal_mark INTEGER,
    journal_period INTEGER NOT NULL DEFAULT 0,
    annual_mark INTEGER,
    medal INTEGER NOT NULL DEFAULT 0,
    UNIQUE (procedure_id, school_id, participant_code)
);
CREATE INDEX participants_school ON participants(school_id, procedure_id);
CREATE INDEX participants_import ON participants(import_id);

CREATE TABLE official_flags (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    school_code TEXT NOT NULL,
    municipality TEXT NOT NULL DEFAULT '',
    school_name TEXT NOT NULL DEFAULT '',
    markers TEXT NOT NULL DEFAULT '{}', -- {"4 РУ":1,"5 МА":1}: only the markers that are set
    marker_count INTEGER NOT NULL DEFAULT 0,
    import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
    UNIQUE (year, school_code, municipality, school_name, markers, marker_count)
);
CREATE INDEX official_flags_school ON official_flags(school_code, year);
CREATE INDEX official_flags_year ON official_flags(year, municipality);

-- Column headings the user mapped to a field once (CLI --map, the GUI's import dialog).
CREATE TABLE heading_mappings (
    heading TEXT PRIMARY KEY, -- normalized: lower case, single spaces
    field TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

-- Mark scales from /work/shared/reference (each row keeps its source). Editable by the user.
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 2026, 4, 'Русский язык', 24, 10, 16, 21, 'demo version 2026 as quoted by vpr-ege.ru (secondary)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'Обществознание', 22, 8, 14, 19, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'Математика', 25, 8, 15, 21, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'История', 17, 5, 10, 14, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'География', 33, 10, 21, 29, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'Биология', 29, 10, 18, 24, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'Русский язык', 51, 26, 32, 45, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'Химия', 36, 10, 19, 28, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, source) VALUES ('ВПР', 0, 8, 'Физика', 18, 5, 8, 11, 'vpr-ege.ru, grade 8 scales page (secondary, year not stated)');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Русский язык', 15, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Математика', 8, 'не менее 2 баллов за задания по геометрии', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru; math: of which at least 2 points from geometry, per the official scale');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Физика', 10, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Химия', 9, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Биология', 13, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'География', 12, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Обществознание', 15, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'История', 13, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Литература', 12, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Информатика', 5, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Иностранный язык (английский)', 29, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Иностранный язык (немецкий)', 29, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Иностранный язык (французский)', 29, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, extra_condition, source) VALUES ('ОГЭ', 2019, 9, 'Иностранный язык (испанский)', 29, '', 'Rosobrnadzor letter 10-151 of 27.02.2019, as quoted by uris72.ru');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Русский язык', 24, '36 баллов для поступления в вуз', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Математика (база)', 'минимальный результат — отметка «3» по пятибалльной шкале (тестовый балл не выставляется)', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Математика (профиль)', 27, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Физика', 36, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Химия', 36, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Биология', 36, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Информатика', 40, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'История', 32, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Литература', 32, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'География', 37, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Обществознание', 42, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Иностранный язык (английский)', 22, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Иностранный язык (немецкий)', 22, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Иностранный язык (французский)', 22, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
INSERT INTO mark_scales (kind, year, grade, subject, min_test_score, extra_condition, source) VALUES ('ЕГЭ', 0, 11, 'Иностранный язык (испанский)', 22, '', 'Rosobrnadzor minimum scores, unchanged 2019-2026 (sia.ru; news.rambler.ru 2026)');
