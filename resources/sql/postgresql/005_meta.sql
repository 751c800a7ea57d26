-- PostgreSQL dialect of ../005_meta.sql: facts about the database, key → value («demo» = «1»).
CREATE TABLE IF NOT EXISTS meta (
    key text PRIMARY KEY,
    value text NOT NULL
);
