-- The staff directory («Справочник ответственных») belongs to an organization. On a department's
-- PostgreSQL server every school keeps its own people: `server init` fills the column with the
-- signed-in account's organization and its row-level security shows a school only its own
-- entries (before, all schools of a server read and changed one shared list of names).
-- A SQLite file is one school's: the column stays empty (NULL) and a name stays unique.
ALTER TABLE people ADD COLUMN organization_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE;
