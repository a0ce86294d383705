-- Quotes and their cross-outlet groups. The quotes table of 0001 was a
-- placeholder that no stage filled; it is replaced.
--
-- quote_groups: one quote of the corpus, however many documents carry it;
--   text/speaker of its earliest mention, text_key (the normalised text:
--   lower case, letters and digits, one space), simhash (64 bits over the
--   normalised words, for near-duplicates), mention count and dates.
-- quote_bands: the simhash cut in 7 bands of 9 bits; two texts within 6
--   bits of each other share a band, so candidates are found by index.
-- quotes: every quote of every document, keyed by documents.seq, with the
--   group it belongs to.
-- A quote's words are searched through the documents' full-text index
-- (quotes are part of the body) and then the group's normalised text.
DROP TABLE IF EXISTS quotes;
CREATE TABLE quote_groups (
    id             INTEGER PRIMARY KEY,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    text_key       TEXT NOT NULL,
    speaker        TEXT,
    speaker_key    TEXT,
    speaker_actor  TEXT,
    mentions       INTEGER NOT NULL DEFAULT 0,
    first_date     TEXT,
    last_date      TEXT,
    first_seq      INTEGER
);
CREATE UNIQUE INDEX quote_groups_key ON quote_groups(text_key);
CREATE INDEX quote_groups_date ON quote_groups(first_date);

CREATE TABLE quote_bands (
    band      INTEGER NOT NULL,
    value     INTEGER NOT NULL,
    group_id  INTEGER NOT NULL,
    PRIMARY KEY (band, value, group_id)
) WITHOUT ROWID;
-- No index by group: clearQuotes recomputes a group's bands from its
-- text_key and deletes them by primary key.

CREATE TABLE quotes (
    id              INTEGER PRIMARY KEY,
    doc_seq         INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    speaker         TEXT,
    speaker_key     TEXT,
    speaker_entity  TEXT,
    speaker_actor   TEXT,
    cue             TEXT NOT NULL,
    paragraph       INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    end_paragraph   INTEGER NOT NULL,
    confidence      REAL NOT NULL,
    date            TEXT,
    group_id        INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_seq);
CREATE INDEX quotes_group ON quotes(group_id, date);
CREATE INDEX quotes_speaker ON quotes(speaker_key, date);
