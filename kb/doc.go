// Package kb is newsgraph's knowledge base: what the later stages (actors,
// geocoding, events) need to know about the world, shipped inside the
// binary.
//
// # What it holds
//
//   - Countries (countries.json, GeoNames countryInfo): ISO codes, common,
//     official and alternative names, demonyms, capitals, a reference
//     point, region, population, neighbours.
//   - Places (GeoNames cities15000 and regionInfo): 32,000 cities of more
//     than 15,000 people and 3,800 first-level regions, with their country,
//     region, point, population, national-capital flag and short Latin-script
//     alternate names. A region named with a compass word is also known by
//     the word's other form and by its stem when the stem names nothing
//     else ("Western Darfur" → "West Darfur", "Darfur").
//   - People (Wikidata heads of state and government, PETRARCH2 actor
//     dictionaries): names, aliases without titles, and dated CAMEO roles
//     ("CHNGOV from 2013"). A PETRARCH person and a Wikidata leader of the
//     same name and country are one person.
//   - Organisations (PETRARCH2 international, non-state and national
//     institution entries, plus a short hand list of forums PETRARCH2 lacks
//     such as the G20): names, aliases, code, kind, country. The CAMEO
//     country codes of PETRARCH2 that are not ISO 3166 alpha-3 — former
//     states, CAMEO's own spellings and slips such as "ANGREB" for UNITA —
//     are mapped to ISO in every code (isoCountryCode: TMP → TLS, SUN →
//     RUS, YUG → SRB, ANG → AGO…).
//   - Agents (PETRARCH2 agents file): titles and group nouns with their
//     sectors ("foreign minister" → GOV, "rebels" → REB), plurals made by
//     PETRARCH's rules.
//   - The CAMEO codebook: 312 event codes with name, Goldstein value and
//     description (its mis-encoded punctuation repaired).
//
// Every lookup compares names by Key (lower case, diacritics folded,
// punctuation runs as one space). Short codes ("US", "UN", "WHO") match only
// when written in capitals, so "us" and "who" do not. Match and Lookup
// answer several questions with one normalisation; StartsName tells a
// reader of phrases which words can open a name of several words; Derived
// keeps the indexes other packages build over a KB, one per KB.
//
// Hand lists (hand.go) fill what the datasets lack: seats of government,
// informal demonyms ("Briton", "Turk", "Swede") and country names
// ("Trinidad", "Burma"), forums, and titles PETRARCH2 lacks in the
// singular ("general", "secretary general", "vice president").
//
// # Why it is hand-written
//
// No library offers this: the sources are six datasets in five formats
// (JSON, GeoNames TSV, CSV, PETRARCH's dictionary syntax with dated
// roles, substitution sets and plural rules, a double mis-encoded codebook),
// and each needs news-specific cleaning — PETRARCH2 lists a country's
// cities, provinces, rivers and nicknames as spellings of the country, its
// names are in capitals with titles glued on ("PRESIDENT_XI_JINPING"),
// Wikidata gives years where the role's end must not leak into the
// successor's term. A general-purpose database or a generated Go file
// would be larger, slower to load and harder to keep reproducible. So Build
// reads the sources once (newsgraph kb build), Write stores the result as
// one compact file — a versioned header and a zstd frame of length-prefixed
// records, about 2 MB — and the binary embeds it: Default loads it on first
// use in well under 200 ms and builds the hash indexes in memory. The file
// is reproducible byte for byte: everything is sorted and no timestamp is
// written, and a test rebuilds it from ../shared/data and compares.
//
// Licenses: the file is a database derived from countries.json and is
// therefore under ODbL 1.0; data/NOTICE lists every source.
package kb
