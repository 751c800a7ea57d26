-- PostgreSQL dialect of ../011_server_accounts.sql: a server login role → its role in the program
-- and its organization. The groups, privileges and row-level security that use it are made by
-- `objectivity-cli server init` (server/roles.sql), not here: a migration runs as whoever opens
-- the database first, and the groups are roles of the whole server that only a role with
-- CREATEROLE may create.
CREATE TABLE IF NOT EXISTS server_accounts (
    role_name text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('deputy', 'director', 'admin', 'municipal')),
    organization_id bigint NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
    display_name text NOT NULL DEFAULT '',
    created_at text NOT NULL DEFAULT to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS')
);
CREATE INDEX IF NOT EXISTS server_accounts_organization ON server_accounts(organization_id);
