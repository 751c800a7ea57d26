-- PostgreSQL dialect of ../003_analysis.sql: thresholds of the analysis of results.
CREATE TABLE analysis_settings (
    key text PRIMARY KEY,
    value double precision,
    default_value double precision NOT NULL,
    description text NOT NULL DEFAULT ''
);
