-- Quote groups are found by a 64-bit hash of their normalised text instead
-- of a unique index over the text itself (a third copy of every quote, and
-- the slowest index to insert into). Open fills the hash of rows that
-- predate this migration (see backfillQuoteHashes).
DROP INDEX IF EXISTS quote_groups_key;
ALTER TABLE quote_groups ADD COLUMN key_hash INTEGER;
CREATE UNIQUE INDEX quote_groups_hash ON quote_groups(key_hash);
