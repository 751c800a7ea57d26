-- Accounts of a database on a PostgreSQL server: the server's login role of a person → its
-- role in the program and its organization (the school, or the department's body). On a server
-- the password belongs to PostgreSQL (CREATE ROLE … PASSWORD), never to this table; row-level
-- security and table privileges (`objectivity-cli server init`, resources/sql/postgresql/server/
-- roles.sql) read this table to know which organization a signed-in role works for.
-- A SQLite file has no server roles: the table stays empty there and exists so that both backends
-- have the same schema (db copy moves it with the rest).
CREATE TABLE IF NOT EXISTS server_accounts (
    role_name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('deputy', 'director', 'admin', 'municipal')),
    organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
    display_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX IF NOT EXISTS server_accounts_organization ON server_accounts(organization_id);
