-- Accounts and roles, and the history of every change of a plan.
--
-- «заменён» (a revision superseded by a newer approved one) is stored as the existing status code
-- 'archived': the CHECK of plans.status stays as it is, no table is rebuilt, and nothing else ever
-- set 'archived'. core::PlanStatus::Superseded maps onto it.
--
-- Passwords: libsodium crypto_pwhash_str (Argon2id, salt and parameters inside the string).
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('deputy', 'director', 'admin', 'municipal')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

-- One row per changed field (or per workflow step). No foreign key to plans: the rows of a removed
-- plan stay, with the removal as the last of them. user_name is the account's name at the time
-- ('' when the database had no accounts).
CREATE TABLE IF NOT EXISTS plan_history (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS plan_history_plan ON plan_history(plan_id, id);
