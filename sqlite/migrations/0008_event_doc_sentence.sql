-- Event mentions keep their evidence sentence's index in the document, so
-- that exports need not split documents into sentences again. NULL for
-- mentions stored before (reprocess fills it).
ALTER TABLE event_mentions ADD COLUMN evidence_doc_sentence INTEGER;
