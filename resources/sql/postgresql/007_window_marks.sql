-- PostgreSQL dialect of ../007_window_marks.sql: the recurrence of a measure's deadline and the
-- execution of each window of a recurring measure.
CREATE TABLE IF NOT EXISTS measure_recurrence (
    measure_id bigint PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    recurrence text NOT NULL
);

CREATE TABLE IF NOT EXISTS measure_window_marks (
    measure_id bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    window_from text NOT NULL,
    window_to text NOT NULL,
    status text NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'done', 'not_done', 'postponed')),
    completion_date text,
    note text NOT NULL DEFAULT '',
    PRIMARY KEY (measure_id, window_from, window_to)
);
