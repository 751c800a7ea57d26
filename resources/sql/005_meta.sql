-- Facts about the database file itself, key → value. «demo» = «1» marks the demonstration
-- database (invented municipalities, schools and results), written when the program creates it.
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
