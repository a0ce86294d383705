// Package geo is newsgraph's geocoding stage: it gives every place entity
// (type GPE or LOC) of a document a location from the knowledge base
// (package kb) — a country, a first-level region or a city — or none.
//
// # What a location says
//
// Entity.Geo is a newsgraph.Place whose Precision says at what level the
// coordinates hold. A country name ("China", "South Korea") is
// PrecisionCountry with the country's ISO3 code, GeoNames ID and the
// dataset's reference point for it: not a centroid, and the precision tells
// the reader so. A region ("Bali") is PrecisionAdmin1 with the point of
// its most populous city (GeoNames has no region coordinates); a region
// without a city over 15,000 people has no point of its own and is given
// at PrecisionCountry with the country's point, its name and Admin1 kept.
// A city is PrecisionCity with its own point. A name the knowledge base
// does not know gets no location: the stage never guesses a country
// centroid. ORG, MISC and PERSON entities are never geocoded.
//
// # Disambiguation
//
// A name can denote several places ("Paris": France's capital, a town in
// Texas; "Georgia": a country, a US state; "Bali": an Indonesian province,
// a city in India). The candidates are the country of that name (kb
// Country) and every place of that name or alternate name (kb Places);
// continents and world regions ("Asia", "the Middle East") get no location
// at all. The candidates are decided in this order:
//
//  1. An explicit container in the text right after a mention: ", <country
//     | first-level region | US state abbreviation>" — "Bali, Indonesia",
//     "Paris, Texas", "Springfield, Ill.", "Denpasar, Bali", "Atlanta,
//     Georgia". Only the candidates inside the container remain (when
//     none is, the container is ignored: "Georgia, Armenia and Azerbaijan"
//     is a list).
//  2. A region word next to a mention — "Bali province", "Washington
//     state", "the province of Aceh" — keeps only first-level regions.
//     Without one, a region named like its own most populous city gives way
//     to the city ("New York", "São Paulo", "Lagos").
//  3. Each remaining candidate is scored by a prior times the document's
//     country context. The prior is the population: a city's own (ten
//     times for a national capital, so "Paris" is France's unless the
//     document is overwhelmingly elsewhere), a country's, a region's sum of
//     city populations divided by three (a region must be much more
//     populous than a same-named city to win: Bali the province beats Bāli
//     the Indian city). A place found only through one of its other
//     GeoNames names ("Canton" for Guangzhou) counts a hundredth, unless it
//     is a national capital ("Kiev", "Peking"). The context of a country is
//     how often the document names or implies it — country names,
//     demonyms, capitals and seats of government, unambiguous places, people
//     whose knowledge-base role on the publication date belongs to it —
//     counted over the other entities' mentions and over capitalised words
//     of the paragraphs outside any entity, plus a quarter of its
//     neighbours' counts (at most one). The prior is multiplied by
//     1 + 10 × context (context capped at 10). So "Georgia" in a text that
//     mentions the U.S. and Atlanta is the US state, in a text about
//     Tbilisi or Russia the country, and alone the country.
//  4. A country and a place of the same name in that country ("Mexico",
//     "Singapore", "Djibouti") are the country.
//
// The entity's own mentions never count towards its own context.
//
// # Speed
//
// The stage caches what the knowledge base says of place names and of
// capitalised words (maps split into shards with a lock each, so that
// ingest's workers do not queue for one), keeps its per-document buffers
// between documents, reads the text after and before a mention by byte
// offsets rather than converting paragraphs to code points, finds the
// tokens inside entity mentions in one pass over the tokens and the
// sorted mentions, and looks a phrase of several words up as a country or
// demonym only when every word of it belongs to one (kb.KB.CountryWord).
// BenchmarkGeoBBC (1,000 tagged BBC articles, medians of 5 runs
// interleaved with the previous version's, in two sets, on the same shared
// machine): 21 µs per article against 37–39 before, 20 allocations
// against 177. In the CPU profiles of BenchmarkIngestBBCWithActors (8
// runs of each version, alternated) the stage took 31 µs per record
// against 51.
//
// # Why it is hand-written
//
// Geocoders such as CLIFF/CLAVIN or Mordecai are Java or Python services
// with their own gazetteer indexes and models; newsgraph is one Go binary
// with no network access and already holds GeoNames, the country data and
// the document's entities. The rules above are few, explainable per
// decision, and testable with small hand-built knowledge bases.
package geo
