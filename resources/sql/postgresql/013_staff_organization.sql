-- PostgreSQL dialect of ../013_staff_organization.sql: the staff directory belongs to an
-- organization. A name is unique within its organization (two schools may both have
-- «Иванова И.И.»); entries without organization (a single school's database, the owner's
-- loads) keep one name each, as before.
ALTER TABLE people ADD COLUMN IF NOT EXISTS organization_id bigint REFERENCES organizations(id) ON DELETE CASCADE;
ALTER TABLE people DROP CONSTRAINT IF EXISTS people_name_key;
CREATE UNIQUE INDEX IF NOT EXISTS people_organization_name ON people ((COALESCE(organization_id, 0)), name);
