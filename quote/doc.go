// Package quote finds who said what: every direct quotation, partial
// quotation and reported statement of a document, with the words that
// attribute it (the cue) and its speaker. It runs after the entity tagger
// (package ner) and the actor stage (package actor) and fills
// Document.Quotes.
//
// # What a quote holds
//
// Kind is "direct" (a quotation standing as a sentence, or next to its
// cue: `"…," Xi said`, `Xi said: "…"`), "partial" (a quotation inside the
// reporter's sentence: `Clinton "is dogged, resilient," the newspaper
// wrote`, `called the plan "a disaster"`) or "indirect" (reported speech:
// the reported clause, `Xi said (that) …`). Text is the content without
// its quotation marks (and without a trailing comma); Paragraph/Start and
// EndParagraph/End are the code-point offsets of that content, so a
// quotation running over paragraphs starts in one and ends in another
// (Text then holds a newline between them). When the cue stands inside
// the content (`"…," he said, "…"`; `China and South Korea, Xi said, are
// …`) the range covers the whole and Text leaves the cue out. Cue is the
// cue's words as written ("said", "was quoted as saying", "told
// reporters", "according to", "adding", ":"), empty for a quotation that
// takes its speaker from the one before. Speaker, SpeakerEntity and
// SpeakerActor are the speaker entity's Name, ID and actor code; all nil
// when no entity of the document is the speaker — the rules never guess
// (an unnamed "official" or "critics" leaves them nil). Confidence is the
// rule's: 0.9 for a quotation with its cue and speaker down to 0.4 for a
// quotation with neither.
//
// # The rules
//
// Quotation marks. Marks are paired by family — " “ ” „ and doubled
// straight or back quotes (double), ' ‘ ’ ‚ (single), « », ‹ ›, 「 」, 『 』 —
// with the tokenizer's
// distinction between apostrophes (inside or after a word: "won't",
// "workers'") and quotation marks; marks of another family inside a
// quotation are nested quotes. A quotation left open at the end of a
// paragraph continues when the next paragraph opens with a mark of its
// family; a double one that does not continue ends with its paragraph,
// a straight single one is taken for an apostrophe and dropped.
//
// A quotation's cue is looked for after its closing mark first, then
// before its opening mark:
//
//   - after: `," Xi said`, `," said Xi Jinping`, `," Xi was quoted as
//     saying`, `," the Chinese president said`, `," according to …`, the
//     subject being all that stands between the mark and the verb
//     (appositives allowed: `," Thomas Hanify, the president of …,
//     said`); if the verb reports a clause of its own (`on "Hannity,"
//     Newt Gingrich said if …`) it is not this quotation's cue; a
//     quotation ending `…!"` may find its cue in the next sentence when
//     that sentence is nothing else;
//   - before: `Xi said: "…"`, `He told reporters on Tuesday, "…"`, `Trump
//     wrote on Twitter: "…"`, `, adding: "…"`, `He said that "…"` (then
//     partial), with only an addressee or adverbials between verb and
//     mark; or a colon after a name (`Merkel on the budget: "…"`, cue
//     ":");
//   - a naming verb shortly before (`called the plan "…"`, `dubbed it
//     "…"`, described, labeled, branded): a partial quotation whose
//     speaker is the verb's subject;
//   - after its cue, `"…," he said, "…"` joins the second quotation to the
//     first.
//
// A quotation is direct when it opens its sentence (or follows its cue
// and its colon or comma) and closes it (or precedes its cue); otherwise
// partial. A quotation with no cue is kept only when it stands as a
// sentence (scare quotes, titles and single quoted words are not
// quotes); it takes the speaker of the statement in the sentence just
// before it (the same paragraph's or the previous paragraph's last), else
// none.
//
// Reported speech. Every reporting verb outside quotation marks — the
// verbs of verbs.txt in four classes: [bare] verbs report a clause with or
// without "that" (say, add, claim, argue, insist, warn, write, announce…),
// [that] verbs only after "that" (note, explain, confirm, deny, recall,
// reiterate, stress…; ask, wonder after if/whether/wh-), [object] verbs
// take the addressee first (told reporters, informed, assured, reminded),
// [quote] verbs only attribute quotations (continued, laughed, beamed) —
// with its auxiliaries ("has said", "would later tell") and the phrases
// "was quoted as saying", "went on to say", "pointed out", "shot back",
// is read in these positions:
//
//   - X said (that) CLAUSE: adverbials may stand before "that" ("said in a
//     statement that", "said on Tuesday that", "told reporters on Air
//     Force One that"); without "that", "said" takes any clause that
//     does not open with to/so/nothing/yes/no…, other verbs need a
//     subject pronoun or a verb early in the clause ("announced they
//     will…", not "announced his candidacy");
//   - CLAUSE, X said. and CLAUSE, said X. (the verb may be followed by the
//     addressee and adverbials, a participle or an appositive);
//   - PART, X said, PART: the cue inside the clause, when what precedes
//     it has no verb of its own or what follows goes on with the
//     statement (but, because, a verb);
//   - …, adding/saying/noting (that) CLAUSE: the speaker is the one of the
//     statement just before in the sentence, else the sentence's subject;
//   - according to X, CLAUSE and CLAUSE, according to X (unless that
//     clause is already another statement's: "Yoon expressed …, according
//     to the statement");
//   - X expressed (his) hope/willingness/concern… that/to …: the content
//     is "his willingness to …";
//   - Asked whether …, when asked if …: the question, with no speaker.
//
// A clause ends at the sentence's end or where another statement starts
// (", adding that", ", according to", "and added that", ", X said."), at a
// semicolon, or at 160 tokens; a quotation opened inside it runs to its
// closing mark. A verb is no cue when negated ("did not say"), passive
// ("was told"), an infinitive ("is expected to say"), the object of a
// question or comparison ("what Yoon said", "as he said"), or, for words
// that are usually nouns ("states", "a framed note"), when its subject
// names nobody.
//
// Speakers. The subject is read backwards from the verb group: its head
// (the last word, or the last before "of"/"for"/"in"…) resolves to the
// entity whose mention covers it — a name ("Chinese President Xi
// Jinping"), a pronoun or description the actor stage resolved ("he",
// "the Chinese president"), a group ("South Korean media") — or, for a
// head that speaks for someone (spokesman, campaign, ministry, statement,
// report, officials), to the entity it belongs to ("the Trump campaign",
// "a spokesman for the ministry", "according to a statement from the
// ministry"). Appositives and relative clauses are skipped ("Wang Yi,
// China's foreign minister, said", "Smith, who …, said"), a name in
// apposition counts ("the press secretary, Josh Earnest, said"), a
// coordinated verb takes the clause's subject ("Graham called Trump
// 'crazy' and said …"). A capitalised head the tagger missed resolves to
// the one person whose name holds that word ("Sanders" → Bernie
// Sanders); with two such persons (Bill and Hillary Clinton) it does not.
// Plural subjects ("Xi and Yoon"), pronouns the actor stage did not
// resolve ("they", "I") and unnamed people give no speaker.
//
// # Measured
//
// On PolNeAR (US political news 2015–16 with gold source/cue/content
// attributions; `newsgraph eval quotes`), counting the attributions whose
// cue holds a verb of verbs.txt or whose content is in quotation marks
// (PolNeAR also marks beliefs, polls and plans; statements matching only
// those count neither way), a statement matching when the tokens it
// shares with a gold content are at least half of the shorter's:
//
//	dev (84 texts, 1,309 gold)   overlap P 0.970 R 0.764 F1 0.855   exact F1 0.515
//	train (840 texts, 11,413)    overlap P 0.966 R 0.770 F1 0.857   exact F1 0.476
//
// Exact spans suffer mostly from a convention: PolNeAR makes one
// attribution of '"…," he said. "…"' where this package gives two
// statements (the second with the speaker carried over); joining them,
// exact F1 is 0.647 on dev (0.636 on train). The speakers given are right
// for 96% of the matched statements with a gold source on dev (97% on
// train), and 75% of them get one (76% on train): the rest are unnamed
// ("officials", "a source", "critics", "55 percent"), pronouns the actor
// stage leaves unresolved ("they", "I", "it"), or names the tagger
// missed. Counting those as wrong, 0.72 on dev.
//
// On the BBC corpus the stage costs 55–65 µs of CPU per record (2,225
// records, after the tagger and the actor stage; BenchmarkStage: about
// 16,000–19,000 records/s on one core), some 5% of the ingest time of a
// record.
//
// # Why hand-written
//
// No Go library attributes quotations. The open systems that do — BBC
// News Labs' citron (a statistical pipeline over spaCy parses, trained on
// PolNeAR) and the Gender Gap Tracker's rules over spaCy dependency
// parses and coreference — reach about 83 F1 on content spans and need a
// Python runtime, a parser and a coreference model. These rules read the
// tokens of package text (reused from the tagger), the entities and the
// actor stage's coreference, and explain each decision in the cue they
// record; they run in a few percent of ingest time.
package quote
