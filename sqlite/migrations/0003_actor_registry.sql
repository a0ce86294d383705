-- 0003_actor_registry: the corpus-wide actor registry replaces the unused
-- actor tables of 0001 (actors, actor_descriptors: written by Put, never
-- read, and keyed by code rather than by actor).
--
-- The registry is keyed by the lower-cased entity name (as entities.name_key)
-- and counts documents: an actor named twice in one document counts once.
-- The writer keeps every count up to date in the transaction that stores or
-- removes a document (see registry.go), so reads are plain lookups.
DROP TABLE actor_descriptors;
DROP TABLE actors;

-- The coded actor of an entity as JSON (newsgraph.Actor), NULL when the
-- entity has none; clearDoc reads it back to undo the registry counts.
ALTER TABLE entities ADD COLUMN actor TEXT;

-- One row per actor. code and country are the settled code (kept by the
-- triggers below): the code most documents gave, codes applied by an
-- override first, codes the registry itself suggested only when there is
-- nothing else.
CREATE TABLE registry (
    key         TEXT PRIMARY KEY,       -- lower-cased name
    name        TEXT NOT NULL,          -- the name as first seen
    type        TEXT NOT NULL,          -- entity type as first seen
    docs        INTEGER NOT NULL,       -- documents that coded the actor
    first_date  TEXT,                   -- earliest and latest publication
    last_date   TEXT,                   -- date of those documents (any precision)
    code        TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX registry_docs ON registry(docs DESC, key);
CREATE INDEX registry_country ON registry(country, docs DESC);
CREATE INDEX registry_code ON registry(code, docs DESC);

-- How often documents coded an actor one way, by where the code came from
-- (text, kb, registry, override).
CREATE TABLE registry_codes (
    key         TEXT NOT NULL,
    code        TEXT NOT NULL,
    source      TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',
    sectors     TEXT NOT NULL DEFAULT '[]',   -- JSON array, as last seen
    kind        TEXT NOT NULL DEFAULT '',
    kb_id       TEXT NOT NULL DEFAULT '',
    count       INTEGER NOT NULL,
    first_date  TEXT,
    last_date   TEXT,
    PRIMARY KEY (key, code, source)
) WITHOUT ROWID;

-- The role phrases texts used for an actor ("South Korean President") and
-- the code the latest of them implied.
CREATE TABLE registry_descriptors (
    key         TEXT NOT NULL,
    descriptor  TEXT NOT NULL,
    code        TEXT NOT NULL DEFAULT '',
    count       INTEGER NOT NULL,
    first_date  TEXT,
    last_date   TEXT,
    PRIMARY KEY (key, descriptor)
) WITHOUT ROWID;

-- Documents per month of publication, for documents dated to the month or
-- the day.
CREATE TABLE registry_months (
    key    TEXT NOT NULL,
    month  TEXT NOT NULL,   -- YYYY-MM
    count  INTEGER NOT NULL,
    PRIMARY KEY (key, month)
) WITHOUT ROWID;

-- The user's override file (newsgraph actors --overrides), replaced whole
-- on every load. One name may have several rows with disjoint date ranges.
CREATE TABLE registry_overrides (
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    code       TEXT NOT NULL,
    country    TEXT NOT NULL DEFAULT '',
    from_date  TEXT NOT NULL DEFAULT '',   -- inclusive, '' when open
    to_date    TEXT NOT NULL DEFAULT '',   -- inclusive, '' when open
    PRIMARY KEY (key, from_date)
) WITHOUT ROWID;

-- The settled code of an actor follows its registry_codes rows. Ranking:
-- codes applied by an override first, then by documents counted from
-- sources other than the registry's own suggestions, then by all
-- documents, then the latest last date, then alphabetically (settleCodes
-- in Go ranks the same way). A row of the settled code that grows cannot
-- unsettle it, so the ranking runs only when another code grows or a
-- count shrinks: the common write, one more document for the actor's
-- usual code, costs one lookup.
CREATE TRIGGER registry_codes_settle_insert AFTER INSERT ON registry_codes
WHEN NEW.code IS NOT (SELECT code FROM registry WHERE key = NEW.key) BEGIN
    UPDATE registry SET (code, country) = (
        SELECT code, country FROM registry_codes WHERE key = NEW.key
        GROUP BY code
        ORDER BY max(source = 'override') DESC,
                 coalesce(sum(count) FILTER (WHERE source <> 'registry'), 0) DESC,
                 sum(count) DESC, max(last_date) DESC, code
        LIMIT 1)
    WHERE key = NEW.key;
END;
CREATE TRIGGER registry_codes_settle_update AFTER UPDATE OF count, last_date ON registry_codes
WHEN NEW.count < OLD.count OR coalesce(NEW.last_date, '') < coalesce(OLD.last_date, '')
    OR NEW.code IS NOT (SELECT code FROM registry WHERE key = NEW.key) BEGIN
    UPDATE registry SET (code, country) = (
        SELECT code, country FROM registry_codes WHERE key = NEW.key
        GROUP BY code
        ORDER BY max(source = 'override') DESC,
                 coalesce(sum(count) FILTER (WHERE source <> 'registry'), 0) DESC,
                 sum(count) DESC, max(last_date) DESC, code
        LIMIT 1)
    WHERE key = NEW.key;
END;
CREATE TRIGGER registry_codes_settle_delete AFTER DELETE ON registry_codes BEGIN
    UPDATE registry SET
        code = coalesce((
            SELECT code FROM registry_codes WHERE key = OLD.key
            GROUP BY code
            ORDER BY max(source = 'override') DESC,
                     coalesce(sum(count) FILTER (WHERE source <> 'registry'), 0) DESC,
                     sum(count) DESC, max(last_date) DESC, code
            LIMIT 1), ''),
        country = ''
    WHERE key = OLD.key;
    UPDATE registry SET country = coalesce(
        (SELECT country FROM registry_codes WHERE key = OLD.key AND code = registry.code LIMIT 1), '')
    WHERE key = OLD.key;
END;
