// Package pubdate finds publication-date evidence in page text: timestamp
// lines ("Published: Nov 15, 2022 - 10:30", "입력 2022.11.15 10:30",
// "publié le 15/11/2022 à 10h30"), datelines opening the body ("BALI,
// Indonesia, Nov. 15 (Yonhap) --", "新华社北京11月15日电"), full dates in running
// text, dates in URLs, and the crawl header's date. The article cleaner
// combines them in its order of trust; this package only reports what each
// piece of evidence says, with honest precision (year, month or day).
//
// # Design
//
// The cleaner calls Timestamp on every line of every page (≥ 10,000
// records/s on two cores, 20–40 lines each), so the common path must be
// cheap. Every function therefore works in three layers:
//
//  1. A byte-level pre-check rejects most lines without allocating: no
//     digit, too long (> 140 code points), or too many plain lower-case words
//     for a timestamp line.
//  2. A single tokenizer splits the line into numbers (any decimal script:
//     ASCII, Arabic-Indic, full-width …), words (looked up, lower-cased, in
//     one multilingual lexicon of month names, weekdays, labels, fillers,
//     time zones and agencies) and punctuation, with byte and code-point
//     offsets. It stops early when a line holds more unknown words than a
//     timestamp line can.
//  3. Hand-written shape matchers over the tokens recognise the common
//     date and time forms of the supported languages (English, French,
//     German, Spanish, Portuguese, Italian, Russian, Ukrainian, Korean,
//     Chinese, Japanese, Arabic, Indonesian, Turkish, Vietnamese, Dutch).
//     github.com/markusmobius/go-dateparser, which costs milliseconds a call,
//     is only asked about the long tail: short lines whose shape says "an
//     unknown month name between a day and a year" ("15 listopada 2022").
//
// A line is timestamp furniture when, besides dates and times, it holds
// only lexicon words and at most one unknown word (a site or agency name).
// Sentences that contain a date are not furniture and yield no date from
// Timestamp; InText is the function for dates in running text.
//
// # Rules
//
//   - Years must lie in 1990–2100; InText also accepts 1900–1989 when the
//     month is a word ("9 November 1989").
//   - Dates are validated against the calendar (no 30 February; 29
//     February only in leap years).
//   - Ambiguous all-numeric dates (03/04/2022) are day-first, the order of
//     most news sites, unless a number above 12 decides. Timestamp reads a
//     slash date month-first when the line shows a US context (an AM/PM
//     suffix or a US time zone). Dates with a month word have no ambiguity.
//   - Two-digit years (15.11.22) are accepted in timestamp lines only.
//   - A month and day without a year take the year of a reference date
//     (the crawl header's); see Dateline.
//   - Offsets are Unicode code points, end exclusive.
//
// Nothing here allocates package state after initialisation: the lexicon is
// built once and never mutated, so every function is safe for concurrent
// use.
package pubdate
