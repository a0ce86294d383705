// Package actor codes the actors of a document in the CAMEO style (country
// plus sector: CHNGOV, KORELI, USAMIL, IGOUNO…) and resolves in-document
// coreference for the stages after it (quotes, events).
//
// Every code carries its evidence and its source, strongest first:
//
//  1. a user override (Options.Overrides), within its dates;
//  2. descriptors in the text around a name: "<demonym> <title> <Name>"
//     ("Chinese President Xi Jinping"), "<Name>, <country>'s <title>,",
//     "former … President <Name>" (former officials are ELI, as in CAMEO
//     practice), "his South Korean counterpart <Name>" (counterpart: the
//     other party's sector), possessor-owned organisations ("China's
//     Foreign Ministry" → CHNGOV), organisation names with a nationality
//     ("Russian army" → RUSMIL), group nouns ("Ukrainian soldiers" →
//     UKRMIL, "the Chinese side" → CHNGOV, "environmental activists" →
//     ---ENV: a sector without a country);
//  3. metonyms and short forms: a capital or seat used as an actor (not
//     after "in", "to", "from"…) is its government ("Beijing and Seoul need
//     to…" → CHNGOV, KORGOV; the Kremlin, the White House, Downing
//     Street), and ROK, DPRK, US, UK, EU, UN, NATO resolve through the
//     knowledge base;
//  4. the knowledge base (package kb) with dates: a role holds only
//     between its dates, compared with the publication date at the date's
//     precision; a person whose roles have all ended is an elite (ELI) of
//     the last country served;
//  5. the corpus-learned registry (newsgraph.ActorRegistry): what other
//     documents' descriptors said about the same name.
//
// The descriptors a document uses are kept in Actor.Descriptors so that the
// store can accumulate them into the registry.
//
// Why hand-written: the event-data coders that do this (PETRARCH2 and its
// dictionaries) need a constituency parse from a CoreNLP server and stop in
// 2014; no Go library codes actors. The rules here read a few tokens around
// each name with the knowledge base's dictionaries, which is fast (a few
// percent of ingest time) and explains itself in Evidence.
package actor
