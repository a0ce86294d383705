// Package sqlite is newsgraph's store: documents, raw inputs, failures and
// the annotation tables of later stages in one SQLite file, with full-text
// search. It uses modernc.org/sqlite (pure Go, no cgo) through database/sql.
//
// # Connections and transactions
//
// The file is in WAL mode, so readers never block the writer nor each
// other: the web server can search while an ingest writes. A Store holds two
// pools on the same file: a writer with exactly one connection, on which
// every transaction starts with BEGIN IMMEDIATE (it takes the write lock up
// front, so two writers queue on the busy timeout instead of failing with a
// deadlock on lock upgrade), and a pool of query_only reader connections.
// synchronous=NORMAL is durable against application crashes and loses at
// most the last transactions on power loss, which an ingest can redo
// (inputs are deduplicated by hash). Foreign keys are on; child rows cascade
// when a document is deleted. The WAL is checkpointed every 10,000 pages
// (about 40 MB: fewer, larger checkpoints write each hot page once) and
// both pools read through mmap, which spares a system call per page read
// when FTS5 merges index segments.
//
// Put does the CPU work (hashing, zstd, JSON) before taking the write lock,
// writes a batch in one transaction with prepared statements, and applies
// the full-text index changes last: FTS5 flushes its in-memory index at
// every statement savepoint, so interleaving them with ordinary inserts
// would write one index segment per document.
//
// # Migrations
//
// Schema files are embedded from migrations/NNNN_name.sql and applied in
// version order, each in its own transaction, and recorded in
// schema_migrations(version, name, applied). Open applies what is missing,
// so opening a database made by an older build upgrades it. Never edit an
// applied migration; add a new file.
//
// # Schema
//
//	documents        one row per article: id (content hash) plus an integer
//	                 seq shared with the FTS index; title, language, site,
//	                 url, format, is_article, source path and record;
//	                 published date/precision/origin/raw/time/conflict and
//	                 date_lo..date_hi, the days the date can mean ("2022"
//	                 spans 2022-01-01..2022-12-31) for overlap filters;
//	                 author, extractor, paragraph count, boilerplate counts
//	                 by kind (JSON), created/updated.
//	document_records the full JSON record by seq, apart so that documents
//	                 rows stay small for the joins search makes.
//	documents_fts    FTS5 over title, body (paragraphs joined by newlines)
//	                 and meta (filter tokens), porter + unicode61 with
//	                 diacritics removed.
//	inputs           raw bytes (zstd), path, record, format, size, SHA-256
//	                 (UNIQUE), hints (JSON), the document produced or NULL.
//	failures         input, path, record, format, reason, time.
//	entities         per document (by documents.seq, doc_seq): entity id,
//	                 name (and lower-cased key),
//	                 type, actor code/country and the actor as JSON (NULL
//	                 without a code; read back to undo the registry), geo
//	                 fields, mention_count and spans, the mentions as a
//	                 JSON array of [paragraph, start, end] (one row per
//	                 mention cost the single writer more than tagging;
//	                 migration 0002).
//
// The actor registry (migration 0003) counts documents per actor, keyed by
// the lower-cased entity name; an actor named twice in a document counts
// once, and only entities whose actor has a code are counted:
//
//	registry             key, name and type as first seen, docs, first and
//	                     last publication date (any precision), and the
//	                     settled code and its country, kept by triggers on
//	                     registry_codes (an override's code first, then the
//	                     most documents not counting the registry's own
//	                     suggestions, then all documents, then the latest).
//	                     Indexed by docs, (country, docs) and (code, docs)
//	                     for listing.
//	registry_codes       (key, code, source): country, sectors (JSON), kind,
//	                     kb id as last seen, count, first/last date.
//	registry_descriptors (key, descriptor): the code of the latest document
//	                     using it, count, first/last date.
//	registry_months      (key, month YYYY-MM): documents dated to that month
//	                     (month or day precision).
//	registry_overrides   the user's override file: key, name, code, its
//	                     country, from/to dates ('' when open); replaced
//	                     whole by SetOverrides and applied at read time.
//
// Put sums a batch's registry additions in memory and writes one upsert
// per row before commit (see regBatch); clearDoc subtracts one document's,
// deletes rows that reach zero, and recomputes a first or last date only
// when the removed document was on it. The registry is thus always what
// storing the remaining documents one by one would have made (tested).
// Reads: LearnedActor (newsgraph.ActorRegistry), Actors, Actor,
// ActorMonths, Overrides.
//
// Tables of later stages:
//
//	quotes           doc, kind, text, speaker (+entity, +actor), cue,
//	                 paragraph, start, end, end paragraph, confidence and
//	                 text_key, the normalised text (found through its
//	                 64-bit hash key_hash, migration 0007) for finding
//	                 the same quote across outlets.
//	event_mentions   every coded event of each document (by doc_seq and
//	                 position: source, target and their entity names,
//	                 cameo, root, quad class, goldstein, plover, date,
//	                 location, evidence span, negated, confidence, and the
//	                 document's outlet, URL, date and length), with the
//	                 corpus event it belongs to (NULL for negated and
//	                 hypothetical ones; migration 0005).
//	events           corpus events: the mentions of all documents with the
//	                 same source and target codes, CAMEO root, a date
//	                 within a day (day-precise) or the same date, and a
//	                 compatible place; the first mention's face, the most
//	                 specific cameo, GDELT's counts (mentions, sources,
//	                 articles) and first/last seen, kept by the writer in
//	                 the transaction that stores or removes a document (see
//	                 events_write.go). Read through newsgraph.EventReader.
//	                 Mentions keep the event's trigger and hypothetical
//	                 flag (migration 0006). Time expressions live in the
//	                 record only (0006 dropped their never-read table).
//	story_clusters   cluster id, doc, score (later issue).
//
// Offsets are in Unicode code points, as in the record. The removed
// boilerplate lines stay only inside the JSON record; a row per line would
// double the rows written per document for no query that needs them.
//
// # Why
//
// Raw inputs are kept so any document can be re-extracted by a newer
// version (Inputs, Replace). They are compressed with zstd because crawl
// text compresses 2-3x and the fastest level costs a few microseconds per
// record; the frame is self-describing, so a later build can change level.
// The JSON record is stored as is (not compressed) so Document is one
// indexed join and SQL json_extract works on it; the typed columns beside it are
// what queries filter and sort on.
//
// # Search
//
// User text never reaches FTS5 as syntax: each word and "quoted phrase" is
// quoted (see parseQuery), a trailing * asks for a prefix, and OR in
// capitals between two terms means either (binding tighter than the
// implicit AND). Words without letters or digits are dropped; an empty
// query returns no hits, or with filters only, the filtered documents
// newest first. Hits carry a snippet of the body with matches between
// newsgraph.SnippetOpen and SnippetClose. Date filters match documents whose
// date range overlaps the filter's, so From 2022-05 finds a document dated
// only "2022"; undated documents are left out whenever a date filter is
// given.
//
// Speed on a large store (the budget is 20 ms at 100,000 documents) sets
// three rules, because every FTS5 query instantiation walks the doclists of
// all its terms, and modernc's SQLite runs at roughly a third of C speed:
//
//   - Counting stops at CountCap (1,000): SearchResult.Total is exact up to
//     it, and CountCap+1 means "more" (CountText prints "1,000+"). The same
//     pass returns the newest matches' rowids, which are the page itself
//     for broad queries.
//   - Only narrow queries are ranked by bm25 (title weighted 5x body): at
//     most RankCap matches, and no term or phrase in more than 5,000
//     documents, since bm25 first scans every document of every phrase to
//     weigh it (about 40 ms for a word found in all 100,000 documents).
//     Broader queries list the newest stored matches first, which for a
//     news archive is the useful order anyway; their Score is 0.
//   - Language, site and date filters are tokens in a third FTS column,
//     meta (see metaTokens), so a filter is a doclist intersection inside
//     FTS5 rather than a row lookup per match. Day-precise date bounds and
//     the entity filter are then checked on the documents table.
//
// Snippets are computed only for the page, in one query.
package sqlite
