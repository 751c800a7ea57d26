-- PostgreSQL dialect of ../004_import_content_hash.sql: the column holds a SHA-1 content hash.
ALTER TABLE imports RENAME COLUMN sha256 TO content_hash;
