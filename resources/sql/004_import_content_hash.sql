-- The content hash of an imported file is SHA-1 since the importer switched from SHA-256 (3.5 times
-- faster on large files); the column is named for what it holds. Hashes written before the switch
-- stay as they are (64 hex digits) and simply match no new file.
ALTER TABLE imports RENAME COLUMN sha256 TO content_hash;
