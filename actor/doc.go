// Package actor codes the actors of a document in the CAMEO style (country
// plus sector: CHNGOV, KORELI, USAMIL, IGOUNO…) and resolves in-document
// coreference for the stages after it (quotes, events).
//
// Every code carries its evidence and its source, strongest first:
//
//  1. a user override (Options.Overrides), within its dates;
//  2. descriptors in the text around a name: "<demonym> <title> <Name>"
//     ("Chinese President Xi Jinping"), "<Name>, <country>'s <title>,",
//     a title before its portfolio ("Minister for Interior Aftab
//     Sherpao"), "former … President <Name>" (former officials are ELI, as
//     in CAMEO practice), "his South Korean counterpart <Name>"
//     (counterpart: the other party's sector), possessor-owned
//     organisations ("China's Foreign Ministry" → CHNGOV), organisation
//     names with a nationality ("Russian army" → RUSMIL), group nouns
//     ("Ukrainian soldiers" → UKRMIL, "the Chinese side" → CHNGOV,
//     "environmental activists" → ---ENV: a sector without a country);
//  3. metonyms and short forms: a capital or seat used as an actor (not
//     after "in", "to", "from"…) is its government ("Beijing and Seoul need
//     to…" → CHNGOV, KORGOV; the Kremlin, the White House, Downing
//     Street), and ROK, DPRK, US, UK, EU, UN, NATO resolve through the
//     knowledge base;
//  4. the knowledge base (package kb) with dates: a role holds only
//     between its dates, compared with the publication date at the date's
//     precision; a person whose roles have all ended is an elite (ELI) of
//     the last country served. A title in the text ("President Bush")
//     lets the knowledge base answer for a surname whose holders have all
//     left office or serve several countries (the country the document
//     mentions most, else the most populous), and for a surname misspelt
//     by one letter when a first name agrees ("President Francois
//     Mitterand"); the text's title then gives the sector;
//  5. the context, for a titled person the knowledge base does not know
//     ("Planning and Investment Minister Tran Xuan Gia said Vietnam…"):
//     the first country the sentence names (a place, nationality or
//     organisation coded with a country, or a country word the tagger
//     missed), else the document's most mentioned country. Only a role
//     next to the name or in an appositive counts, not a faith
//     ("Archbishop") or a list of nouns before the name. An organisation
//     named by a state institution alone ("the Supreme Court",
//     "Parliament") takes its country the same way;
//  6. the corpus-learned registry (newsgraph.ActorRegistry): what other
//     documents' descriptors said about the same name.
//
// The descriptors a document uses are kept in Actor.Descriptors so that the
// store can accumulate them into the registry.
//
// # Phrases
//
// A phrase ("Ethnic Albanians in south Serbia", "journalists based in
// Nairobi") is read left to right, the longest knowledge-base match at
// each word (only words that open a longer name try longer windows). Its
// head, up to a boundary word ("of", "in", "from", "based", "living",
// "loyal"…), says what the actor is and, when it names one, its country;
// the tail gives the country otherwise. Parenthesised glosses ("(PLO)")
// are read only when the rest names nothing. A word inside a longer
// capitalised name is no organisation of its own ("Tigers" in "Liberation
// Tigers of Tamil Eelam"). Hyphenated words: "Vietnamese-led",
// "Trinidad-based", "Paris-based" name their country, "Greek-Cypriot" the
// first of two, "African-American" the second; "Syrian-backed",
// "Israeli-occupied", "anti-American", "pro-Iranian" name another party's,
// so none. Names keep their particles ("Omar Hassan al-Bashir", "dos
// Santos"). Two capitals are a country only for US and UK ("TV" is not
// Tuvalu).
//
// # Groups
//
// The coreference pass makes group entities (type GROUP) of group noun
// phrases: a nationality, a place or an international organisation and a
// group noun ("U.S. soldiers", "Darfur rebels", "UN peacekeepers"); an
// ethnic, religious or regional name the tagger found but nothing codes
// ("Shona rebels", "Moslem forces", "Islamic fundamentalists": the country
// of the sentence, as for titled people); a people ("ethnic Albanians",
// "Albanians of southern Serbia"); and any group noun followed by "in" or
// "of" and a place ("rebels in Darfur", "Rebels in the Ivory Coast",
// "militias in Tripoli"). A region's adjective ("European leaders") gives
// no country. Mentions with the same code are one entity.
//
// # Conventions
//
// The codes follow CAMEO and its dictionaries (PETRARCH2), which the
// PLOVER gold standard also follows:
//
//   - former officials ("former", "ex-", "ousted") are ELI;
//   - an ethnic group is coded with the country where it lives, sector
//     CVL: "ethnic Albanians in south Serbia" → SRBCVL, and without a
//     place the other country its sentence names ("ethnic Turks … Sweden's
//     decision" → SWECVL); a people of its own country ("Palestinians", "Iraqi
//     Kurds", "Zambian people", a town's people in "the Bosnian town of
//     Gorazde") is CVL; PETRARCH2's [~PPL] is CVL;
//   - an international organisation's body or officer is its leadership,
//     GOV: "U.N. Security Council" → IGOUNOGOV (PETRARCH2's
//     SECURITY_COUNCIL [~GOV]), "Arab League Secretary-General" →
//     IGOARBALEGOV, Kofi Annan (IGOUNO in the dictionary) → IGOUNOGOV;
//   - peacekeepers of no named country are an international force,
//     IGOMIL (PETRARCH2's PEACEKEEPING_TROOPS [IGO~]); a named
//     organisation's are its code + MIL ("NATO peacekeeping troops");
//   - a human rights or aid group of no country is an NGO ("a human rights
//     group" → NGOHRI);
//   - a role with several sectors keeps its first, its own: a labour
//     minister (PETRARCH2's ~GOVLAB) is GOV; an organisation's dictionary
//     code gives the code its first sector and Actor.Sectors all of them
//     ("US Congress": USAGOVLEG → code USAGOV, sectors GOV and LEG);
//   - a dictionary code whose head is a region or a movement ("MEAREB" for
//     the Palestinian Islamic Jihad) gives way to the country the name
//     carries (PSEREB); CAMEO's country codes that are not ISO are mapped
//     by package kb ("ANG", "TMP" → AGO, TLS);
//   - a place names its country (CAMEO codes cities as their country); of
//     places sharing a name, the one in the country the document mentions
//     most ("Tripoli … the north Lebanese port" → LBN), a capital
//     otherwise.
//
// # Measured
//
// On PLOVER's gold actors (eval.Actors on PLOVER_GSR_CAMEO.txt, 650 source
// and target actors of 322 sentences; go test ./eval -run TestActors):
// country accuracy 0.935 (608/650), sector accuracy 0.773 (296/383 with a
// gold sector); before these rules 0.866 and 0.627. Most of the errors
// left are the gold's own choices (cities as CVL or UAF targets, Amnesty
// International and the Red Cross as IGO, doctors as MED, misspelt names
// such as "Ghanians") or need world knowledge the knowledge base lacks
// (NPFL, Kifaya, La Prensa).
//
// Speed, on 1,000 tagged BBC articles (go test ./actor -bench ., medians
// of 5 runs interleaved with the previous version's, in two sets, on the
// same shared machine): BenchmarkActorBBC (a fresh stage per run, caches
// cold, as one ingest run has) 94–113 µs per article against 111–121
// before, 226 allocations against 281; BenchmarkActorBBCWarm (caches
// warm) unchanged within the noise (72–88 µs against 72–79), 85
// allocations against 144; BenchmarkActorBBCParallel (two goroutines
// sharing a cold stage, as ingest's workers do) 55 µs of wall time per
// article against 124; BenchmarkActorGeoBBC (with the geocoder) 123–131
// µs against 143–151. The runs are bound by memory latency (a thousand
// articles' tokens and the caches do not fit the processor's caches), and
// so is the stage inside ingest, where the tagger and the store evict
// what it reads: in the CPU profiles of BenchmarkIngestBBCWithActors (8
// runs of each version, alternated) it took 146 µs per record against
// 154.
//
// What makes it so: knowledge-base lookups are cached per stage by token
// text, entity name and phrase (cache.go, lexicon.go) in maps split into
// shards with a lock each, so that two workers sharing the stage neither
// queue for one lock nor bounce its cache line between cores (before, two
// workers on one cold stage ran at half the speed of two stages); each
// worker's scratch (kept between documents, not in a sync.Pool that
// garbage collection empties) keeps the lexemes and names it used last by
// hash, short keys inline, so most lookups touch one slot; the knowledge
// base matches a name with one probe of a single index of its keys
// (kb.KB.MatchKey) instead of five; a document's per-token arrays,
// references, maps and lists are reused; mentions are located with an
// inline binary search and sorted once; descriptors, titles and genders
// are read from the lexemes and lower-cased into buffers, not new strings;
// the surname and misspelling indexes are built once per knowledge base
// (kb.KB.Derived).
//
// Why hand-written: the event-data coders that do this (PETRARCH2 and its
// dictionaries) need a constituency parse from a CoreNLP server and stop in
// 2014; no Go library codes actors. The rules here read a few tokens around
// each name with the knowledge base's dictionaries and explain themselves
// in Evidence.
package actor
