-- Optimistic locking: a version per plan (see resources/sql/010_plan_version.sql), and change
-- notifications: every committed transaction that inserts, changes or removes a plan sends
-- NOTIFY objectivity_plans with the plan's id as the payload.
--
-- Why a trigger on plans and not a NOTIFY from the application: every write that changes a plan
-- or its sections, measures, owners or marks raises plans.version in the same transaction, so a
-- trigger on this one table sees every change, also those of other programs (`db copy`, a
-- future web client, psql) that follow the version rule. NOTIFY is transactional: it is sent on
-- COMMIT only and dropped on ROLLBACK, and PostgreSQL folds identical notifications of one
-- transaction into one — a save of a whole plan sends one message. Triggers on sections,
-- measures and owners would send the same message again for every row of a bulk copy.
ALTER TABLE plans ADD COLUMN IF NOT EXISTS version INTEGER NOT NULL DEFAULT 1;

-- One line: the migration runner splits statements at a ';' that ends a line. An AFTER trigger's
-- result is ignored; NEW is NULL on DELETE, OLD on INSERT.
CREATE OR REPLACE FUNCTION objectivity_notify_plan() RETURNS trigger AS $$ BEGIN PERFORM pg_notify('objectivity_plans', COALESCE(NEW.id, OLD.id)::text); RETURN NULL; END $$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS plans_notify ON plans;

CREATE TRIGGER plans_notify AFTER INSERT OR UPDATE OR DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION objectivity_notify_plan();
