-- The registry's country and code indexes only find candidate keys (the
-- listing sorts by documents itself), so they no longer carry the
-- document count: a document added to an actor then moves one index
-- entry (registry_docs), not three.
DROP INDEX registry_country;
DROP INDEX registry_code;
CREATE INDEX registry_country ON registry(country);
CREATE INDEX registry_code ON registry(code);
