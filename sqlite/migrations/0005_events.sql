-- 0005_events: corpus events and their mentions. The events and
-- event_mentions tables of 0001 were placeholders: no stage filled them
-- (the event stage was not in the pipeline) and nothing read them, so they
-- are replaced; a document stored with events before this migration gets
-- its mentions back on reprocess.
--
-- event_mentions: every coded event of every document (Document.Events),
--   keyed like the entities by the document's seq and the event's position
--   in the document, with the document's outlet (its site, or '#seq' for a
--   document without one: its own source), URL, publication date and length
--   and the names of the source and target entities. event_id is the
--   corpus event the mention belongs to, NULL for negated and hypothetical
--   mentions (confidence under 0.4): they did not happen.
-- events: one row per real-world event: the mentions with the same source
--   code, target code ('' for none on both), CAMEO root, a compatible date
--   (both day-precise and within a day, else the same date string; an
--   undated mention, date '', is an event of its own) and a compatible place (the same place_key, or either without
--   one). Its face (date, names, source URL) is the first mention's (lowest
--   document seq, then position), its cameo the most specific seen (the
--   longest code, the first on ties) with that code's goldstein, quad class
--   and plover, its location the first located mention's; the counts follow
--   GDELT (mentions, distinct outlets, distinct documents) and first/last
--   seen are the reporting documents' publication dates. The writer keeps
--   all of it up to date in the transaction that stores or removes a
--   document (see events_write.go).
DROP TABLE IF EXISTS event_mentions;
DROP TABLE IF EXISTS events;

CREATE TABLE events (
    id                  INTEGER PRIMARY KEY,
    source_code         TEXT NOT NULL,
    source_country      TEXT NOT NULL,
    source_name         TEXT,
    source_name_key     TEXT,            -- lower-cased source_name
    target_code         TEXT NOT NULL,   -- '' without a target
    target_country      TEXT NOT NULL,
    target_name         TEXT,
    target_name_key     TEXT,
    cameo               TEXT NOT NULL,
    root                TEXT NOT NULL,
    quad_class          INTEGER NOT NULL,
    goldstein           REAL NOT NULL,
    plover              TEXT NOT NULL,
    date                TEXT NOT NULL,   -- YYYY, YYYY-MM, YYYY-MM-DD or ''
    date_precision      TEXT,
    date_lo             TEXT,            -- first and last day the date can mean
    date_hi             TEXT,
    place_key           TEXT,            -- 'g:' geonames id, or 'n:' name and country; NULL without a location
    location_name       TEXT,
    location_country    TEXT,
    location_admin1     TEXT,
    location_lat        REAL,
    location_lon        REAL,
    location_precision  TEXT,
    geonames_id         INTEGER,
    num_mentions        INTEGER NOT NULL,
    num_sources         INTEGER NOT NULL,
    num_articles        INTEGER NOT NULL,
    first_seen          TEXT,
    last_seen           TEXT,
    source_url          TEXT
);
-- The writer's candidate lookup: same codes and root, date among three.
CREATE INDEX events_key ON events(source_code, target_code, root, date);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_pair ON events(source_country, target_country, date);
CREATE INDEX events_date ON events(date_lo, num_mentions);
CREATE INDEX events_source_name ON events(source_name_key) WHERE source_name_key IS NOT NULL;
CREATE INDEX events_target_name ON events(target_name_key) WHERE target_name_key IS NOT NULL;

CREATE TABLE event_mentions (
    doc_seq             INTEGER NOT NULL,  -- documents.seq
    position            INTEGER NOT NULL,  -- index in Document.Events
    event_id            INTEGER,           -- events.id; NULL: did not happen
    outlet              TEXT NOT NULL,     -- site, or '#' || doc_seq
    published           TEXT,              -- the document's publication date
    url                 TEXT,
    doc_length          INTEGER NOT NULL,  -- code points of the body
    source_entity       TEXT,
    source_name         TEXT,
    source_code         TEXT NOT NULL,
    source_country      TEXT NOT NULL,
    has_target          INTEGER NOT NULL,
    target_entity       TEXT,
    target_name         TEXT,
    target_code         TEXT,
    target_country      TEXT,
    cameo               TEXT NOT NULL,
    root                TEXT NOT NULL,
    quad_class          INTEGER NOT NULL,
    goldstein           REAL NOT NULL,
    plover              TEXT NOT NULL,
    date                TEXT,
    date_precision      TEXT,
    place_key           TEXT,
    location_name       TEXT,
    location_country    TEXT,
    location_admin1     TEXT,
    location_lat        REAL,
    location_lon        REAL,
    location_precision  TEXT,
    geonames_id         INTEGER,
    evidence_paragraph  INTEGER NOT NULL,
    evidence_sentence   INTEGER NOT NULL,
    evidence_start      INTEGER NOT NULL,
    evidence_end        INTEGER NOT NULL,
    evidence_text       TEXT NOT NULL,
    negated             INTEGER NOT NULL,
    confidence          REAL NOT NULL,
    PRIMARY KEY (doc_seq, position)
) WITHOUT ROWID;
-- An event's mentions in document order (the primary key's position
-- follows doc_seq in the index), and the writer's "a new article?" and
-- "a new source?" probes.
CREATE INDEX event_mentions_event ON event_mentions(event_id, doc_seq) WHERE event_id IS NOT NULL;
CREATE INDEX event_mentions_outlet ON event_mentions(event_id, outlet) WHERE event_id IS NOT NULL;
