-- Thresholds of the analysis of results (criteria of signs of non-objective results). The
-- defaults are the ones the program ships (core::AnalysisSettings, docs/methodology.md); value is
-- what the user set (NULL = use the default).
CREATE TABLE analysis_settings (
    key TEXT PRIMARY KEY,
    value REAL,
    default_value REAL NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
