-- Entity rows made cheaper to write, which the single writer needs once
-- every document carries its entities:
--   * mentions move into their entity's row: one JSON array of
--     [paragraph, start, end] triples (code points, end exclusive) and a
--     count; the mention text is the paragraph's slice and the full record
--     keeps it too;
--   * rows are keyed by the document's integer seq instead of its 32-hex
--     id (smaller keys in the table and its name index), with no foreign
--     key (the writer deletes child rows itself, see clearDoc), so an
--     insert does not look its document up again;
--   * the actor-code index covers only rows that have a code.
CREATE TABLE entities_v2 (
    doc_seq       INTEGER NOT NULL,  -- documents.seq
    entity_id     TEXT NOT NULL,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,   -- lower-cased name, for case-insensitive lookups
    type          TEXT NOT NULL,
    actor_code    TEXT,
    actor_country TEXT,
    geo_name      TEXT,
    geo_country   TEXT,
    geo_admin1    TEXT,
    geo_lat       REAL,
    geo_lon       REAL,
    geonames_id   INTEGER,
    mention_count INTEGER NOT NULL DEFAULT 0,
    spans         TEXT NOT NULL DEFAULT '[]',  -- JSON [[paragraph, start, end], …]
    PRIMARY KEY (doc_seq, entity_id)
) WITHOUT ROWID;
INSERT INTO entities_v2
SELECT d.seq, e.entity_id, e.name, e.name_key, e.type, e.actor_code, e.actor_country,
       e.geo_name, e.geo_country, e.geo_admin1, e.geo_lat, e.geo_lon, e.geonames_id,
       (SELECT count(*) FROM mentions m WHERE m.doc_id = e.doc_id AND m.entity_id = e.entity_id),
       coalesce((SELECT json_group_array(json_array(m.paragraph, m.start, m."end"))
                 FROM (SELECT paragraph, start, "end" FROM mentions
                       WHERE doc_id = e.doc_id AND entity_id = e.entity_id
                       ORDER BY paragraph, start) m), '[]')
FROM entities e JOIN documents d ON d.id = e.doc_id;
DROP TABLE mentions;
DROP TABLE entities;
ALTER TABLE entities_v2 RENAME TO entities;
CREATE INDEX entities_name ON entities(name_key, doc_seq);
CREATE INDEX entities_actor ON entities(actor_code) WHERE actor_code IS NOT NULL;
