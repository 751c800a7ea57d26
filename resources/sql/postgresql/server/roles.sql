-- `objectivity-cli server init`: the server enforces who may do what (docs/architecture.md,
-- «Roles enforced by the server», has the mapping from PlanPermissions/DataPermissions).
-- Run by the database's owner (it owns the tables: ENABLE ROW LEVEL SECURITY, CREATE POLICY and
-- GRANT need that) in one transaction; every statement may run again (idempotent).
-- Statements end with ';' at the end of a line (Migrations::statements splits there).

-- 1. Group roles (NOLOGIN): one per role of the program. Role names belong to the whole server,
-- so two databases on one server share them; creating them needs CREATEROLE. Two inits at the
-- same moment (two databases) may both try: the loser's error is ignored.
DO $$
DECLARE
    g text;
BEGIN
    FOREACH g IN ARRAY ARRAY['objectivity_deputy', 'objectivity_director', 'objectivity_admin',
                             'objectivity_municipal'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', g);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

-- 2. Who works for which organization (SECURITY INVOKER, STABLE: read once per statement).
-- server_accounts is itself protected (see below): a person reads their own row only, which is
-- all these functions need.
CREATE OR REPLACE FUNCTION objectivity_organization() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT organization_id FROM server_accounts WHERE role_name = current_user $$;

-- The plans of `organization` are in the signed-in department's area: the same municipality as
-- the department's body, or any for a regional body; a plan without organization too.
CREATE OR REPLACE FUNCTION objectivity_in_area(organization bigint) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT organization IS NULL OR EXISTS (SELECT 1 FROM organizations mine, organizations o WHERE mine.id = objectivity_organization() AND o.id = organization AND (mine.kind = 'regional' OR o.municipality = mine.municipality)) $$;

-- 3. Privileges. Reading: everything but password hashes of the file accounts table; rows are
-- limited by the policies below. Sequences: the identity keys of inserted rows.
GRANT USAGE ON SCHEMA public TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
REVOKE ALL ON accounts FROM objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
GRANT SELECT (id, name, role, created_at) ON accounts TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
-- Tables a later migration adds are readable too (run server init again after an upgrade for
-- the rest).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;

-- Plans (PlanPermissions: every role writes some plan — its school's, the department's, or
-- school plans through the distribution); which plans is the policies' business.
GRANT INSERT, UPDATE, DELETE ON plans, plan_columns, sections, measures, measure_owners, measure_recurrence, measure_window_marks, measure_findings, measure_addressing, plan_links, people TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
-- The templates of measures are shared by the schools and kept by the department (an init before
-- this rule granted them to the schools too). This script stores the built-in ones at the end.
REVOKE INSERT, UPDATE, DELETE ON measure_templates FROM objectivity_deputy, objectivity_director;
GRANT INSERT, UPDATE, DELETE ON measure_templates TO objectivity_admin, objectivity_municipal;
GRANT INSERT, UPDATE ON organizations TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
GRANT INSERT ON organization_codes TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
-- The history is written, never changed or removed.
REVOKE UPDATE, DELETE ON plan_history FROM objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
GRANT INSERT ON plan_history TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
-- Facts the program records when it first needs them (templates seeded, …).
GRANT INSERT, UPDATE ON meta TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal;
-- Reading the analysis settings fills in missing defaults (never a user's value).
GRANT INSERT (key, value, default_value, description), UPDATE (default_value, description) ON analysis_settings TO objectivity_deputy, objectivity_director;

-- Results (DataPermissions): the department loads results and the official list and sets the
-- analysis; removing a load and the mark scales stay with the administrator.
GRANT INSERT, UPDATE ON schools, procedures, imports, participants, official_flags, heading_mappings, analysis_settings TO objectivity_municipal, objectivity_admin;
GRANT DELETE ON heading_mappings TO objectivity_municipal;
GRANT DELETE ON schools, procedures, imports, participants, official_flags, heading_mappings, analysis_settings TO objectivity_admin;
GRANT INSERT, UPDATE, DELETE ON mark_scales, mark_scale_user_rows TO objectivity_admin;
-- Accounts of the server: the administrator adds and removes them (account add/remove).
GRANT INSERT, UPDATE, DELETE ON server_accounts TO objectivity_admin;

-- 4. Row-level security. The owner of the tables (and a superuser) is not subject to it: the
-- owner runs migrations, `db copy` and this script.
ALTER TABLE server_accounts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_own ON server_accounts;
CREATE POLICY objectivity_own ON server_accounts FOR SELECT TO objectivity_deputy, objectivity_director USING (role_name = current_user);
DROP POLICY IF EXISTS objectivity_department ON server_accounts;
CREATE POLICY objectivity_department ON server_accounts FOR SELECT TO objectivity_municipal USING (true);
DROP POLICY IF EXISTS objectivity_admin ON server_accounts;
CREATE POLICY objectivity_admin ON server_accounts TO objectivity_admin USING (true) WITH CHECK (true);

-- Organizations: everyone reads them and may add one (a plan's or a school's); a school changes
-- only its own, the department those of its area.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_read ON organizations;
CREATE POLICY objectivity_read ON organizations FOR SELECT TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (true);
DROP POLICY IF EXISTS objectivity_add ON organizations;
CREATE POLICY objectivity_add ON organizations FOR INSERT TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal WITH CHECK (true);
DROP POLICY IF EXISTS objectivity_school ON organizations;
CREATE POLICY objectivity_school ON organizations FOR UPDATE TO objectivity_deputy, objectivity_director USING (id = objectivity_organization());
DROP POLICY IF EXISTS objectivity_department ON organizations;
CREATE POLICY objectivity_department ON organizations FOR UPDATE TO objectivity_municipal, objectivity_admin USING (objectivity_in_area(id));

-- The staff directory: each organization keeps its own people (names of a school's staff are not
-- another school's to read or change). A new entry belongs to the signed-in account's
-- organization; entries without one (the owner's loads, a database before migration 013) are
-- the owner's only.
ALTER TABLE people ALTER COLUMN organization_id SET DEFAULT objectivity_organization();
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_own ON people;
CREATE POLICY objectivity_own ON people TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (organization_id = objectivity_organization());

-- A school's users: the plans of their organization. The department: the plans of its area.
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_school ON plans;
CREATE POLICY objectivity_school ON plans TO objectivity_deputy, objectivity_director USING (organization_id = objectivity_organization());
DROP POLICY IF EXISTS objectivity_department ON plans;
CREATE POLICY objectivity_department ON plans TO objectivity_municipal, objectivity_admin USING (objectivity_in_area(organization_id));

-- Everything of a plan through its plan: the subquery is itself filtered by the plan's policies,
-- so a row is visible (and may be written) exactly when its plan is.
ALTER TABLE plan_columns ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON plan_columns;
CREATE POLICY objectivity_through_plan ON plan_columns TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = plan_columns.plan_id));
ALTER TABLE sections ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON sections;
CREATE POLICY objectivity_through_plan ON sections TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = sections.plan_id));
ALTER TABLE plan_history ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON plan_history;
CREATE POLICY objectivity_through_plan ON plan_history TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = plan_history.plan_id));
ALTER TABLE measures ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON measures;
CREATE POLICY objectivity_through_plan ON measures TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM sections s WHERE s.id = measures.section_id));
ALTER TABLE measure_owners ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON measure_owners;
CREATE POLICY objectivity_through_plan ON measure_owners TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_owners.measure_id));
ALTER TABLE measure_recurrence ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON measure_recurrence;
CREATE POLICY objectivity_through_plan ON measure_recurrence TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_recurrence.measure_id));
ALTER TABLE measure_window_marks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON measure_window_marks;
CREATE POLICY objectivity_through_plan ON measure_window_marks TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_window_marks.measure_id));
ALTER TABLE measure_findings ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON measure_findings;
CREATE POLICY objectivity_through_plan ON measure_findings TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_findings.measure_id));
ALTER TABLE measure_addressing ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON measure_addressing;
CREATE POLICY objectivity_through_plan ON measure_addressing TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_addressing.measure_id));
-- A school sees the links of its own plans' measures; the department those of its area.
ALTER TABLE plan_links ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS objectivity_through_plan ON plan_links;
CREATE POLICY objectivity_through_plan ON plan_links TO objectivity_deputy, objectivity_director, objectivity_admin, objectivity_municipal USING (EXISTS (SELECT 1 FROM measures m WHERE m.id = plan_links.school_measure_id));

-- 5. Workflow: a school plan is approved by its director, a department's plan by the
-- department (PlanPermissions, Approve) — also when a plan is stored approved at once (an import
-- of an approved document, ImportApproved). A trigger, so that plain SQL cannot skip it; roles
-- outside the groups (the owner, a superuser) pass. 42501 → «недостаточно прав …».
CREATE OR REPLACE FUNCTION objectivity_check_approval() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE kind text; BEGIN IF NEW.status <> 'approved' OR (TG_OP = 'UPDATE' AND OLD.status = 'approved') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR NOT (pg_has_role('objectivity_deputy', 'MEMBER') OR pg_has_role('objectivity_director', 'MEMBER') OR pg_has_role('objectivity_admin', 'MEMBER') OR pg_has_role('objectivity_municipal', 'MEMBER')) THEN RETURN NEW; END IF; SELECT o.kind INTO kind FROM organizations o WHERE o.id = NEW.organization_id; IF COALESCE(kind, 'school') = 'school' AND pg_has_role('objectivity_director', 'MEMBER') THEN RETURN NEW; END IF; IF COALESCE(kind, 'school') <> 'school' AND pg_has_role('objectivity_municipal', 'MEMBER') THEN RETURN NEW; END IF; RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format('role %s may not approve plan %s', current_user, NEW.id); END $$;
DROP TRIGGER IF EXISTS plans_approval ON plans;
CREATE TRIGGER plans_approval BEFORE INSERT OR UPDATE OF status ON plans FOR EACH ROW EXECUTE FUNCTION objectivity_check_approval();
