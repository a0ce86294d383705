-- Event mentions keep their trigger (the predicate's words and code-point
-- offsets in the evidence paragraph) and the hypothetical flag; the times
-- table, never read (time expressions live in the document record), goes.
ALTER TABLE event_mentions ADD COLUMN trigger_text TEXT;
ALTER TABLE event_mentions ADD COLUMN trigger_start INTEGER;
ALTER TABLE event_mentions ADD COLUMN trigger_end INTEGER;
ALTER TABLE event_mentions ADD COLUMN hypothetical INTEGER NOT NULL DEFAULT 0;
DROP TABLE IF EXISTS times;
