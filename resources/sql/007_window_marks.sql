-- Deadlines: how often a measure comes back, and the execution of each window of a recurring
-- measure («август 2025 — выполнено; ноябрь 2025 — не выполнено»). Uses only tables of 001, so it
-- applies after any 006; written to be run again on a file that already has it (IF NOT EXISTS).

-- The recurrence of a measure's deadline: 'once', 'yearly', 'monthly', 'weekly', 'quarterly',
-- 'as_needed', 'schedule', 'event', 'continuous'. A measure without a row was stored before this
-- migration: the program reads its deadline text again when it loads it (a monthly deadline then
-- gets a window per month) and writes the row with the next save of the measure.
CREATE TABLE IF NOT EXISTS measure_recurrence (
    measure_id INTEGER PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    recurrence TEXT NOT NULL
);

-- One row per marked window (a window not marked is «запланировано», or «выполнено» when the
-- measure as a whole was marked done before windows had marks of their own: measures.status is
-- kept as it was, so the existing marks carry over without being copied).
CREATE TABLE IF NOT EXISTS measure_window_marks (
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    window_from TEXT NOT NULL,
    window_to TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'done', 'not_done', 'postponed')),
    completion_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (measure_id, window_from, window_to)
);
