-- Optimistic locking: a version per plan. Every write that changes a plan (its row, columns,
-- sections, measures, owners, execution marks) raises it by one in the same transaction with
-- UPDATE plans SET version = version + 1 WHERE id = ? AND version = ?; a writer that loaded an older
-- version finds no row and its whole transaction is refused (see PlanVersion in src/storage/plan).
-- Existing plans start at 1.
ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
