// Package timex finds the time expressions of a news text — "on Tuesday",
// "last week", "December 2019", "nearly three years", "every Monday" — and
// normalises them against the document's publication date. The stage
// (NewStage) fills newsgraph.Document.Times; Resolve and ResolveAnchored
// normalise one expression for a caller that knows its clause better (the
// events stage, resolving the expression that governs a predicate, with
// the predicate's tense).
//
// Only English is covered. A document whose language is known and is not
// English gets no times.
//
// # Kinds and values
//
//   - date: "2022-11-15" (day), "2022-W46" (ISO 8601 week), "2022-11"
//     (month), "2022" (year), "199" (the 1990s: the decade's first three
//     digits, as in TIMEX3).
//   - duration: ISO 8601, "P3Y", "P2W", "P10D", "PT5H", "PT30M", "P1.5Y".
//     Approximation words stay in the text but not in the value ("nearly
//     three years" → P3Y). Vague counts ("several years", "the coming
//     weeks", "a few days") have no value.
//   - set: the TIMEX3 forms, "P1W" for "weekly", "P1Y" for "each year",
//     "twice a year" or "$5bn a year", "XXXX-WXX-1" for "every Monday" or
//     "on Mondays".
//
// Ordinal anniversaries ("the 30th anniversary", "its tenth birthday",
// "the centenary") are durations: P30Y is what the words say, and the day
// of the anniversary is not in them. A date expression that cannot be
// resolved still counts, with a nil value ("Tuesday" when only the year of
// publication is known, "03/04/2022", "the 1900s", "the day before the
// vote").
//
// # Rules
//
// Every value that depends on the publication date is computed for the
// first and for the last day the publication date may be (a date with
// year precision is any day of that year, so the crawl placeholder
// "2022-01-01" kept as "2022" is any day of 2022). Each rule below is
// monotonic in that date, so when both agree the value holds for every
// possible day; when they differ the expression gets no value. Hence a
// weekday or "yesterday" with a month- or year-precise date has none, "last
// year" with a year-precise date is the year before, and "in January" with
// a year-precise date is January of that year (it is on or before any day
// of it) while "in December" has none.
//
//   - Weekdays: "Tuesday", "on Tuesday night" → the most recent Tuesday on
//     or before publication (the publication day itself when it is a
//     Tuesday); in a future clause, the first on or after it. "last
//     Friday" is strictly before, "next Monday" strictly after; "this
//     Wednesday" follows the tense. Names are skipped: "Black Friday",
//     "Super Tuesday", "the Sunday Times".
//   - Relative days: "today", "tonight", "this morning" → the day;
//     "yesterday", "last night" → the day before; "tomorrow"; "the day
//     before yesterday".
//   - "last/this/next week|weekend" → ISO weeks; "last/this/next month",
//     "earlier this month", "later this year", "early next year", "late
//     last year", "the end of the year" → the month or year; "three years
//     ago", "two weeks from now" → the unit's granularity.
//   - Months: "in December" → the most recent December whose month is on
//     or before publication; in a future clause the next one; "last/next
//     December" strictly before/after; "May last year" → that year's May;
//     "December 2019", "mid-November 2022" → the month. A bare month needs
//     a preposition, an edge word or a connector after another month
//     ("from March to May"); "May" is skipped before a capital or "'s".
//   - Day and month: "15 November", "November 15th", "Nov. 15", "the 15th
//     of November" take the publication year; past (or unknown) tense:
//     the year before when that lands more than a week after publication;
//     future tense: the year after when it lands more than a week before.
//     With a year: "15 November 2022", "November 15, 2022", "Tuesday, Nov.
//     15, 2022".
//   - All-numeric dates: "2022-11-15", "2022/11/15"; "15/11/2022" and
//     "15-11-2022" day-first; "15.11.2022" day-first always. When both
//     numbers are 12 or less and differ ("03/04/2022") the date has no
//     value; a number above 12 decides either order ("11/15/2022").
//   - Years: "in 2019", "since 1848", "between 2019 and 2021" (a
//     preposition or a connector after another year is required, and the
//     year must be 1800–2199, so "the 2019 election" and "in 1500 homes"
//     are not times); "mid-2023", "early 2020"; "summer 2020". Decades:
//     "the 1990s", "the early 1990s", "the mid-1990s", "the '90s" → "199"
//     ('00s, '10s and '20s are this century); "the 1900s" (a decade or a
//     century) has no value.
//   - Anchored expressions: "the day before", "the next/following day",
//     "the previous week", "that year", "the same day", "earlier in the
//     day", "later that day", "two days later", "a year earlier" count from
//     the anchor: the value of the last date expression before them in the
//     document, or the publication date when none came before. An anchor
//     without a value (the seed's "Tuesday" with a year-precise date)
//     leaves them without one, as does an anchor coarser than their unit.
//   - Durations: a count (digits, number words up to "ninety-nine" and
//     "hundred", "a", "half a", "two and a half", "a year and a half",
//     "several", "a few", "a couple of") and a unit (seconds … centuries),
//     after optional "nearly", "about", "more than", "at least", "up to" …;
//     "two-week", "10-day"; "the past/last/next three years". Ages ("three
//     years old", "3-year-old") are not times. "One day" opening a clause
//     is not a duration.
//   - Sets: "every/each" + unit, weekday or count ("every two years"),
//     "every other week"; "daily", "weekly", "monthly", "quarterly",
//     "annually" (not capitalised names: "the Daily Mail"); "once/twice
//     a|per|every" + unit; "per year"; "a year" after an amount ("$5bn a
//     year", "20% a year", "cigarettes a year"), otherwise a duration.
//
// Offsets are code points into the paragraph, End exclusive; prepositions
// are not part of the text ("said on Tuesday" → "Tuesday", "for two
// weeks" → "two weeks"), articles and modifiers that carry meaning are
// ("the 30th anniversary", "nearly three years", "last Friday").
//
// # Tense
//
// The stage guesses the tense of the clause around a weekday, a bare month
// or a day and month. The clause is bounded by quotation marks, ";", ":",
// "that", "which", "but" and the like; commas, "and" and "or" divide it
// into parts. The cue nearest to the expression in its own part wins,
// else the nearest in the clause: "He will meet Yoon on Tuesday, officials
// said" and "On Tuesday, he will meet Yoon" are future, "He met Yoon on
// Tuesday and will return" past. Future cues: will, 'll, shall, would,
// won't, "is due/set/scheduled/expected/going … to", "plans to", "is
// meeting". Past cues: was, were, had, has, said, told and other common
// irregular forms, and -ed verbs. Without a cue the tense is unknown and
// read as past, the common case in news. Resolve takes the tense from its
// caller instead.
//
// # Why the finding is hand-written
//
// github.com/markusmobius/go-dateparser is built to normalise a date
// string it is given ("15 November 2022", "Nov. 15" with a base date). Its
// Search function does look for dates in running text, but it is not fit
// for this stage. On the seed's sentences it took "the 30th" (of "the 30th
// anniversary") for 30 November and "three years" (of "after nearly three
// years") for a date three years back. It knows nothing of the tense of a
// clause, of durations or of sets. It fills the parts a text leaves out
// from the base date instead of lowering the precision. And it costs about
// 1 ms per sentence, some 20 ms per article. Even as a normaliser it
// costs 150–190 µs and 248 allocations per call (BenchmarkDateparser)
// against under 1 µs for Resolve (BenchmarkResolve). So this package
// recognises expressions with hand-written rules over the tokens of
// package text (which it shares with the other stages through the
// document's scratch), parses the explicit dates it finds itself, and
// does calendar arithmetic with package time.
//
// # Speed
//
// Most tokens are rejected by a flag lookup: each word passes a read-only
// filter on its length and first and last letters before the lexicon map
// is consulted, and only tokens that can start an expression (month and
// weekday names, numbers, "last/next/this/every/each/today/…", articles
// before units) start the rule matcher. BenchmarkStage measures about 23
// µs for a 380-word BBC article (about 30 µs for 500 words) when the
// analysis is in the scratch, as in the pipeline after the entity tagger;
// about 75 µs when the stage must tokenize the text itself, most of it in
// package text.
//
// Nothing here is written after initialisation: the lexicon and the
// filter are built once, so the stage and Resolve are safe for concurrent
// use.
package timex
