-- 0001_init: the first newsgraph schema.
--
-- documents.seq is the integer rowid shared with the documents_fts index;
-- documents.id is the stable content hash every other table refers to.
-- The removed lines themselves stay in the JSON record; documents.boilerplate
-- counts them by kind (one column instead of a row per line keeps Put fast).
-- Child tables (entities, mentions, quotes, event_mentions, times,
-- story_clusters) cascade when their document is deleted.

CREATE TABLE documents (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    title               TEXT,
    language            TEXT,
    site                TEXT,
    url                 TEXT,
    format              TEXT NOT NULL,
    is_article          INTEGER NOT NULL,
    source_path         TEXT NOT NULL,
    source_record       INTEGER NOT NULL,
    published_date      TEXT,           -- "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    published_precision TEXT,           -- year, month, day
    published_origin    TEXT,
    published_raw       TEXT,
    published_time      TEXT,           -- "HH:MM"
    published_conflict  TEXT,
    date_lo             TEXT,           -- first day the date can mean, YYYY-MM-DD
    date_hi             TEXT,           -- last day the date can mean, YYYY-MM-DD
    author              TEXT,
    extractor           TEXT NOT NULL,
    paragraphs          INTEGER NOT NULL,
    boilerplate         TEXT,           -- JSON object: removed lines by kind, {"share": 2}
    created             TEXT NOT NULL,
    updated             TEXT NOT NULL
);
CREATE INDEX documents_date_lo ON documents(date_lo);
CREATE INDEX documents_date_hi ON documents(date_hi);
CREATE INDEX documents_language ON documents(language, date_hi);
CREATE INDEX documents_site ON documents(site, date_hi);

-- The JSON record (contract v1) of each document, kept apart so that the
-- documents rows stay small: search joins and filters touch only those.
CREATE TABLE document_records (
    seq     INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    record  TEXT NOT NULL
);

-- Raw inputs, zstd-compressed, deduplicated by the SHA-256 of the raw bytes.
CREATE TABLE inputs (
    id       INTEGER PRIMARY KEY,
    path     TEXT NOT NULL,
    record   INTEGER NOT NULL,
    format   TEXT NOT NULL,
    sha256   BLOB NOT NULL UNIQUE,
    size     INTEGER NOT NULL,     -- length of the raw bytes
    data     BLOB NOT NULL,        -- zstd frame of the raw bytes
    hints    TEXT NOT NULL,        -- JSON object of the input's declared fields
    doc_id   TEXT REFERENCES documents(id) ON DELETE SET NULL,
    created  TEXT NOT NULL
);
CREATE INDEX inputs_doc ON inputs(doc_id);

CREATE TABLE failures (
    id        INTEGER PRIMARY KEY,
    input_id  INTEGER NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
    path      TEXT NOT NULL,
    record    INTEGER NOT NULL,
    format    TEXT NOT NULL,
    reason    TEXT NOT NULL,
    created   TEXT NOT NULL
);
CREATE INDEX failures_input ON failures(input_id);

CREATE TABLE entities (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
    PRIMARY KEY (doc_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name_key, doc_id);
CREATE INDEX entities_actor ON entities(actor_code);

CREATE TABLE mentions (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    paragraph  INTEGER NOT NULL,
    start      INTEGER NOT NULL,   -- code points, end exclusive
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id, entity_id);

-- The actor knowledge base (filled by the actors issue) and the descriptors
-- the texts use for each actor.
CREATE TABLE actors (
    code     TEXT PRIMARY KEY,
    country  TEXT NOT NULL DEFAULT '',
    sectors  TEXT NOT NULL DEFAULT '[]',  -- JSON array
    kind     TEXT NOT NULL DEFAULT '',
    kb_id    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE actor_descriptors (
    actor       TEXT NOT NULL REFERENCES actors(code) ON DELETE CASCADE,
    descriptor  TEXT NOT NULL,
    count       INTEGER NOT NULL DEFAULT 0,
    first_date  TEXT,
    last_date   TEXT,
    PRIMARY KEY (actor, descriptor)
) WITHOUT ROWID;

CREATE TABLE quotes (
    id              INTEGER PRIMARY KEY,
    doc_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    speaker         TEXT,
    speaker_entity  TEXT,
    speaker_actor   TEXT,
    cue             TEXT NOT NULL,
    paragraph       INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    end_paragraph   INTEGER NOT NULL,
    confidence      REAL NOT NULL,
    text_key        TEXT NOT NULL    -- hash of the normalised text, for cross-outlet dedup
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_key ON quotes(text_key);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);

-- events are deduplicated real-world events (filled by a later issue);
-- event_mentions are the coded event sentences of each document.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,
    source_code     TEXT NOT NULL,
    source_country  TEXT NOT NULL,
    target_code     TEXT,
    target_country  TEXT,
    cameo           TEXT NOT NULL,
    root            TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    plover          TEXT NOT NULL,
    date            TEXT,
    date_precision  TEXT,
    location_name   TEXT,
    location_country TEXT,
    mentions        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_mentions (
    id                  INTEGER PRIMARY KEY,
    doc_id              TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id            INTEGER REFERENCES events(id) ON DELETE SET NULL,
    position            INTEGER NOT NULL,
    source_entity       TEXT,
    source_code         TEXT NOT NULL,
    source_country      TEXT NOT NULL,
    target_entity       TEXT,
    target_code         TEXT,
    target_country      TEXT,
    cameo               TEXT NOT NULL,
    root                TEXT NOT NULL,
    quad_class          INTEGER NOT NULL,
    goldstein           REAL NOT NULL,
    plover              TEXT NOT NULL,
    date                TEXT,
    date_precision      TEXT,
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
    confidence          REAL NOT NULL
);
CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_cameo ON event_mentions(cameo, date);
CREATE INDEX event_mentions_source ON event_mentions(source_code);
CREATE INDEX event_mentions_target ON event_mentions(target_code);

CREATE TABLE times (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    paragraph  INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    value      TEXT,
    kind       TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
) WITHOUT ROWID;
CREATE INDEX times_value ON times(value);

-- Stories: documents about the same happening across outlets (later issue).
CREATE TABLE story_clusters (
    cluster_id  INTEGER NOT NULL,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    score       REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (cluster_id, doc_id)
) WITHOUT ROWID;
CREATE INDEX story_clusters_doc ON story_clusters(doc_id);

-- Full-text index over title and body (paragraphs joined by newlines). The
-- rowid is documents.seq. Porter stemming over unicode61 with diacritics
-- folded; ranking is bm25 with the title weighted 5x the body. meta holds
-- filter tokens (language, site, year, months; see metaTokens in Go) so
-- that filters are doclist intersections inside FTS5 instead of a row
-- lookup per match.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, meta,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts(documents_fts, rank) VALUES('rank', 'bm25(5.0, 1.0, 0.0)');
