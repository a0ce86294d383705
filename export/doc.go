// Package export writes the corpus events of a store (newsgraph.EventReader)
// in formats other tools read: GDELT 2.0's Events and Mentions tables, CSV,
// Parquet and JSON Lines. Events (or Write, with Options) streams the
// events that match a query to an io.Writer through EachEvent and
// EachEventMention, so memory stays flat whatever the number of events.
// A query's Limit and Offset are ignored: an export is every match.
//
// # gdelt-events
//
// GDELT 2.0's Events table ("export" files): one event per line, 61
// tab-separated fields in GDELT's order, no header. Values newsgraph does not
// have are empty fields, never guesses; a tab, line break or other control
// character inside a value becomes a space.
//
//	GlobalEventID            the event's ID
//	Day, MonthYear, Year     YYYYMMDD only for a day-precise date (empty
//	                         otherwise: a day is never invented), YYYYMM
//	                         when the month is known, YYYY when the year is
//	FractionDate             YYYY.FFFF, FFFF = ((MONTH-1)*30+DAY)/365 to four
//	                         places, for a day-precise date only. The
//	                         codebook writes MONTH*30+DAY, but GDELT's
//	                         published rows count the month from zero
//	                         (2021-03-23 is 2021.2274), as this does.
//	Actor1Code … Type3Code   the source (Actor2: the target, all empty
//	                         without one): Code is the CAMEO-style code
//	                         without the "---" of a sector-only code
//	                         ("---ENV" → ENV); Name the entity's name in
//	                         capitals, as GDELT writes names; CountryCode
//	                         the actor's ISO 3166 alpha-3 code (GDELT uses
//	                         CAMEO country codes, which are the alpha-3
//	                         codes for nearly every country); Type1–3Code
//	                         the sector codes after the country in order
//	                         (CHNGOV → GOV; IGOUNO → IGO, an IGO code's
//	                         prefix being its sector); KnownGroupCode the
//	                         first other three-letter part (IGOUNO → UNO);
//	                         EthnicCode, Religion1Code and Religion2Code
//	                         empty (not coded).
//	IsRootEvent              empty: a corpus event does not keep which
//	                         report's lead paragraph it came from.
//	EventCode                the CAMEO code; EventBaseCode its first three
//	                         digits (the code itself at levels 1–2);
//	                         EventRootCode the root
//	QuadClass, GoldsteinScale  the event's
//	NumMentions, NumSources, NumArticles  the event's counts, which follow
//	                         GDELT's definitions over the whole corpus
//	AvgTone                  empty (no tone is measured)
//	Actor1Geo_*, Actor2Geo_* empty: places are coded per event, not per
//	                         actor.
//	ActionGeo_Type           from the event location's precision: country 1;
//	                         admin1 2 in the United States (USSTATE), else
//	                         5 (WORLDSTATE); city 3 in the United States
//	                         (USCITY), else 4 (WORLDCITY)
//	ActionGeo_FullName       "City, Region, Country", "Region, Country" or
//	                         "Country", with country names from the
//	                         knowledge base (package kb)
//	ActionGeo_CountryCode    ISO alpha-3 (GDELT's is FIPS 10-4, which the
//	                         knowledge base does not hold)
//	ActionGeo_ADM1Code, _ADM2Code  empty (FIPS and GAUL codes; the region's
//	                         name is in FullName)
//	ActionGeo_Lat, _Long     the point, empty for a place without one
//	ActionGeo_FeatureID      the GeoNames ID
//	DATEADDED                FirstSeen, the publication date of the
//	                         earliest report, as YYYYMMDD000000 when it is
//	                         day-precise (empty otherwise). Not the export's
//	                         run time: the same store exports the same
//	                         bytes, and the field keeps GDELT's meaning of
//	                         when the event was first seen.
//	SOURCEURL                the first reporting document's URL
//
// # gdelt-mentions
//
// GDELT 2.0's Mentions table: one mention (one document's report of an
// event) per line, 16 tab-separated fields, no header. The mentions of the
// events that match the query, in event ID order.
//
//	GlobalEventID            the event's ID
//	EventTimeDate            the event's DATEADDED (above)
//	MentionTimeDate          the document's publication date as
//	                         YYYYMMDD000000 when day-precise, else empty
//	MentionType              1 (WEB) when the document has a URL, else 2
//	                         (CITATIONONLY: the identifier is not a URL)
//	MentionSourceName        the site, else the URL's host
//	MentionIdentifier        the URL, else the document ID
//	SentenceID               the evidence sentence's number in the
//	                         document, 1 for the first
//	Actor1CharOffset, Actor2CharOffset  the code-point offset of the
//	                         source's (target's) first mention in the
//	                         evidence sentence, -1 when there is no such
//	                         actor or mention
//	ActionCharOffset         the start of the event's trigger (the verb,
//	                         "met", "held talks with"); the evidence
//	                         sentence's start for events without one
//	InRawText                1 when every actor of the event is named in
//	                         the evidence sentence, 0 when one is there
//	                         only as a pronoun or description, or not at
//	                         all (coreference found it)
//	Confidence               the event's confidence × 100, rounded
//	MentionDocLen            the document's length in code points
//	MentionDocTone, MentionDocTranslationInfo  empty
//	Extras                   <DOCID>…</DOCID><PARAGRAPH>p</PARAGRAPH>
//	                         <SENTENCE>s</SENTENCE><START>a</START>
//	                         <END>b</END>, the evidence as the record
//	                         locates it (0-based paragraph, sentence in the
//	                         paragraph, code-point offsets into the
//	                         paragraph), then <NEGATED>1</NEGATED> for a
//	                         negated mention
//
// Offsets are Unicode code points into the document's body, its paragraphs
// joined by "\n" (Document.Body). An EventMention locates its evidence by
// paragraph (and carries its sentence's number in the document,
// Evidence.DocSentence), so the document-level columns (SentenceID, the
// three CharOffsets, InRawText) need the document's paragraph lengths and
// actor mentions: they are filled when the export has a DocumentGetter
// (Events uses the reader when it is one, as sqlite.Store is) and empty
// otherwise. A layout of the last 1,024 documents read is kept, since one
// document's events are mostly close together in event order. The mentions stream and
// the events stream (for DATEADDED) are read together, each in event ID
// order, so neither is held in memory.
//
// # events-csv and parquet
//
// The same 27 columns (Columns, Row): id, date, date_precision,
// source_code, source_country, source_name, target_code, target_country,
// target_name, cameo, root, quad_class, goldstein, plover, num_mentions,
// num_sources, num_articles, first_seen, last_seen, location_name,
// location_country, location_admin1, location_lat, location_lon,
// location_precision, location_geonames_id, source_url. Dates keep their
// own precision ("2022", "2022-11", "2022-11-15"), codes are ISO alpha-3.
//
// events-csv is RFC 4180 (encoding/csv) with a header line; an unknown
// value is an empty field. parquet is one Parquet file (parquet-go) whose
// schema is Row's tags: required id (INT64, delta-encoded), source_code,
// cameo, root (strings), quad_class and the counts (INT32), goldstein
// (DOUBLE); every other column optional and null when unknown (no target,
// no location, a place without a point, an empty string, GeoNames ID 0).
// Strings are dictionary-encoded, pages zstd-compressed, and rows are
// written in batches of 1,024 with a row group flushed every
// Options.RowGroupRows rows (DefaultRowGroupRows), so the writer holds at
// most one row group's pages.
//
// # events-jsonl
//
// One newsgraph.CorpusEvent JSON object per line, the same objects as the
// JSON API, without mentions.
//
// # Why hand-written
//
// The Parquet encoding is parquet-go's, CSV is encoding/csv and JSON is
// encoding/json. What is written here is the mapping: GDELT's two tables
// are tab-separated layouts of fixed column order whose fields each have
// their own rules (dates by precision, FractionDate's formula, actor codes
// split into country, group and types, geographic types by precision,
// 15-minute timestamps), which no Go library implements. Each GDELT line
// is built in one reused buffer, so a row costs no allocation.
//
// # Measured
//
// BenchmarkExport, on generated events (the generator alone: 3.0 million
// events/s), medians of three runs on a shared two-core machine:
// gdelt-events 0.71 million events/s, gdelt-mentions 0.54 million events/s
// (1.07 million mention rows/s, without documents; ~310,000 events/s when
// every third event brings a new 2,400-code-point document, before the
// store's cost of reading it — 65,000 when the export split documents into
// sentences itself), events-csv 0.89
// million, parquet 0.56 million, events-jsonl 0.71 million.
// TestParquetMemory streams 1,000,000 events through the Parquet writer in
// about 1.1 s with a peak HeapInuse under 100 MB (60 MB at 100,000
// events, 102 MB at 3,000,000: flat).
package export
