// Package event codes who did what to whom in the CAMEO event scheme: for
// every sentence of a document, the verbs of PETRARCH2's CAMEO verb
// dictionary, the actor that did it (source), the actor it was done to
// (target), when and where. The stage (NewStage, name "event") runs after
// the entity tagger, timex, actor, geo and quote stages and fills
// Document.Events.
//
// # The dictionary
//
// BuildDictionary reads PETRARCH2's CAMEO.2.0.txt (MIT, Open Event Data
// Alliance): synonym sets (&NAME), verb blocks ("--- MEET_PEOPLE [040]
// ---"), verbs with their irregular forms ("MEET {MEETS MET MEETING}",
// multi-word "+MEET_WITH") and patterns ("- * (FOR TALKS) [036]", "*" the
// verb's place), followed by OwnVerbs (verbs PETRARCH2 lacks: "urge",
// "sanction", "speed up"; and patterns added to PETRARCH's own blocks, a
// block named again continuing where it was: halting or reducing aid,
// relations, talks and mediation 16x, taking steps no seizure, easing
// emergency measures 081x, opposing or dismissing a proposal 12, summoning
// an ambassador 114, shortening a curfew 0813, giving a welcome 043).
// Every inflected form is indexed to its verb entry (regular
// -s/-ed/-ing forms are added to verbs that list none); patterns keep the
// words before and after the verb, synonym sets expanded, PETRARCH's phrase
// parentheses and source/target slots dropped. The result is committed as
// data/verbs.json.zst (TestBuildEmbedded -update rewrites it), embedded and
// loaded once. CAMEO2PLOVER-2021.txt (CC BY-SA 4.0) maps codes to PLOVER
// categories. See data/NOTICE.
//
// # The rules
//
// A verb form of the dictionary, outside direct quotations (Quote Kind
// "direct"), is coded when an actor (an entity with an actor code: persons,
// countries, organisations, groups, and the pronoun and nominal mentions the
// actor stage resolved) stands for its source:
//
//   - Verb or noun (pos.go): many dictionary verbs are nouns as often
//     ("food aid", "security forces", "a U.S. request", "the first EU trade
//     agreement"). The form and the left neighbour decide: a base or -s form
//     after a determiner, a possessive, a number, a preposition or an
//     adjective-like word is a noun, as is an -s form followed by the
//     sentence's verb ("Norwegian peacekeeping forces delivered"); after a
//     subject, an auxiliary, a modal or "to" it is a verb. A capitalised
//     word inside a sentence ("last March", "the Canadian Press"), "according
//     to", a participle in apposition ("…, commanded by X, …") and a noun's
//     infinitive ("a responsibility to protect") are not events. Nouns of an
//     encounter with their parties ("talks between X and Y", "a meeting he
//     had with Y") are events; other nouns are not.
//   - Code: the most specific pattern that matches (most words; a pattern
//     word may stand up to three tokens after the previous one; a pattern
//     applies only to the verb its PETRARCH comment names and that verb's
//     kin, see verbKin: "halt" stands for "suspend", "stop", "end" …), else the verb's
//     own code, else its block's; "[---]" blocks code nothing. "agree" with
//     no pattern is 030. "ready/willing/plans/agreed/pledged/need… to VERB"
//     and a future auxiliary turn the verb's root into its intent (04 → 036,
//     05 → 030, 06 → 031, 07 → 033, 08 → 035, 14–20 → 130), as does a
//     statement of what the speaker will do ("said they will release");
//     "refused/declined to VERB" and "will not/would not" with a verb of
//     cooperation into the refusal (12x); an intent verb whose follower codes
//     nothing is coded itself ("agreed to undertake exercises" → 030). A
//     meeting (root 04) with a located place becomes 042, 043 or 044 (the
//     place in the target's, the source's or a third country). Rules of our
//     own for what the dictionary lacks: a protest noun after a light verb
//     ("staged demonstrations" 141, "began a hunger strike" 142, "organized a
//     general strike" 143, "riots" 145), blocking a road 144, an action done
//     "to protest" or "in protest" 140, a telephone call 041, a killing by a
//     bomb or an explosive 183 (not by aircraft, artillery or tanks: 19),
//     "X declared that Y (and Z) must …" X's demand of each (100, whatever
//     the verbs); beating, torture, and force by other than military means
//     against a person or unarmed people (civilians, refugees, journalists)
//     are assaults (18), not fighting; force to disperse a crowd is violent
//     repression 175; violence by unarmed people during a demonstration a
//     riot 145; sending people to investigate, monitor or inspect is 090;
//     surrendering 0874; withdrawing one's peacekeepers, inspectors or aid
//     workers 166x (announced for the future, a threat); "decided to VERB"
//     codes VERB as done; leaving a place is no meeting. A resignation is
//     PLOVER RETREAT (CAMEO 083).
//   - Source: the nearest actor mention before the verb in its clause (a
//     clause starts after ";", ":", a quotation mark or that/which/who/when/
//     if/because…); an appositive just before the verb is skipped; "X and Y
//     VERB" gives both, each the other's target when the verb has none; a
//     passive ("was attacked by X") takes X; a coordinated or infinitival
//     verb takes the previous verb's source; an unnamed group in a country
//     acts for it ("Opposition groups in Zimbabwe are demanding"); a
//     dateline ("NEW YORK, April 16 -") is no actor.
//   - Target: the first actor mention after the verb in its clause,
//     skipping possessives and preferring the head of a noun phrase; for
//     conflict (roots 10–20) the actor after "against" (not inside a
//     that-complement); no object past an adverbial opener ("following",
//     "after", "since" …); a place after in/at/near (a determiner or a
//     direction between: "in south Lebanon") only when nothing else is
//     found (never for a ceasefire or a retreat; for meetings, only the
//     destination of a travel verb: "arrived in Amman"); "demanded (on
//     Friday) that X …" takes X. Force, protest and yielding (roots 08, 14,
//     17–20) without a named target fall on the people of their place, else
//     of the source's country (CAMEO practice: police firing on
//     demonstrators is EGY on EGY); a resignation, a ceasefire or a retreat
//     has none. A threat is made to whoever must act to avert it ("unless
//     Israel rescinded"); a complaint before an international organisation
//     targets what it is about ("complained to the UN over Israeli raids").
//   - Reported speech: a verb in an indirect quote is coded within the
//     reported clause; when its subject is the speaker's country or the
//     speaker's own pronoun ("Switzerland said it had expelled", "the rebels
//     said they would meet"), the speaker's actor is the source. "Would"
//     after a verb of saying is the reported future (an intent), not a
//     supposition. Confidence is capped at 0.6.
//   - Not coded: words inside an actor's name, verbs of relative and
//     adverbial clauses, conditions ("as soon as"), verb forms after a
//     preposition, a verb form just after another verb with only plain words
//     between (its object), purpose infinitives after another verb ("met Y
//     to discuss"), participles after the clause's verb ("…, killing one
//     person"; "the curfew imposed in Sudan"). One event per source and
//     sentence, the main clause's: what the same actor did next elaborates
//     it. Talk-only events (root 01) only when nothing more specific was
//     coded in the sentence. No coercion or violence (17–20) in a report
//     on sport (sportsDocument) or in a sentence about a match ("Brazil
//     beat Argentina", "took the lead"); nothing taken by "take place",
//     "take office"; a thing heading the subject ("the US dollar has
//     hit") is no source.
//   - Negated: "not", "n't", "never", "no" among the auxiliaries. Hypothetical
//     (Hypothetical true, Confidence 0.35): "would", "could", "may", "might",
//     "should", "must", "if", "unless", "whether" before the verb, "likely
//     to", "expected to", and a verb coordinated with a hypothetical one;
//     otherwise 0.6, +0.1 for a pattern, +0.1 for a target. Negated and
//     hypothetical events are kept in the record and never counted as events
//     that happened.
//
// Root is the code's first two digits; QuadClass follows CAMEO (01–05
// verbal cooperation 1, 06–08 material cooperation 2, 09–13 verbal conflict
// 3, 14–20 material conflict 4); Goldstein is the codebook's value (package
// kb) for the code, else for its root; Plover is CAMEO2PLOVER's category
// ("" for root 01, which PLOVER does not code). Trigger is the verb's words
// with their offsets.
//
// Date: the sentence's first date expression (Document.Times) resolved with
// timex.Resolve against the publication date, with the tense of the words
// before it or of the verb (the time of a report, "said on Tuesday that …",
// is past); else the day of the sentence just before it when that one named
// a day of its own (a month or a year is not carried over); else the
// publication date at its precision ("2022" stays "2022", precision
// "year": never an invented day). Location: a geocoded place of the
// sentence (city or region; a country's reference point is never given)
// after "in", "at" or "near". Evidence is the sentence (paragraph, index in
// the paragraph, code-point offsets, text).
//
// # Measured
//
// On the PLOVER gold standard (PLOVER_GSR_CAMEO.txt, 321 one-sentence
// records; eval.EventsPLOVER, newsgraph eval events), counting (category,
// source country, target country) triples, categories in the gold
// standard's PLOVER 0.5 names, actors marked SRC/TAR each other's targets,
// negated and hypothetical events not counted, a sentence held in several
// records counted once: precision 0.766, recall 0.636 (targets 0.75 and
// 0.60; the coder's first version had 0.28 and 0.32); the category alone
// 0.85 / 0.71. On the CAMEO codebook's 277 example sentences, roots:
// precision 0.77, recall 0.64. The misses are mostly the dictionary's codes without the
// parse's phrase structure, actors the actor stage cannot code (unnamed
// groups), and the gold standard's own conventions on targets. On the BBC
// corpus (2,225 records, BenchmarkStage) the stage costs about 95–100 µs
// per record after the earlier stages.
//
// # Why hand-written
//
// PETRARCH2, the open coder these dictionaries come from, matches its
// patterns against a constituency parse from a CoreNLP server, which runs
// at 2–5 sentences per second and needs a Java service; no Go library codes
// events. These rules read the tokens of package text (reused from the
// tagger), the entities, actor codes, coreference, quotes and times the
// earlier stages found, and a few words around each verb, at well under a
// millisecond per article; the cost is the parse's precision on subjects,
// objects and clause structure.
package event
