// Package clean turns raw inputs into newsgraph documents: it is the step
// between the readers (package source) and the annotators.
//
// For crawl text records it does the work no library does: the visible text
// of a crawled page mixes the article with page furniture (repeated
// headlines, menus, captions, timestamps, bylines, "read more" lines, runs of
// unrelated headlines, credits, share lines, ads, comments, tags, cookie and
// paywall text, markup debris), in many languages. The cleaner
//
//  1. classifies every line on its own: multilingual cue phrases (lexicon.go),
//     shapes (caption credit tails, wire slugs, bylines, breadcrumbs,
//     counters) and timestamps (package pubdate);
//  2. scores each line's likeness to article body and takes the contiguous
//     span with the highest total score as the article (a maximum-sum
//     subarray, as in boilerplate detectors such as boilerpipe), which keeps
//     short paragraphs and subheads inside the article and drops headline
//     runs around it;
//  3. inside the article removes furniture, keeps subheads (a short line
//     between body paragraphs) and transcript speaker labels, and drops a
//     standfirst that repeats the lead;
//  4. decides what a crawl header's text is: the moved-up lead paragraph
//     (kept as the first paragraph), the body's first words, the headline,
//     or furniture;
//  5. recovers the title: the header text when it is the headline, else the
//     headline-shaped line sharing most content words with the lead, with
//     outlet suffixes removed; near-copies of it are marked as title lines;
//  6. judges whether the page is an article (body length, and cues of stubs,
//     cookie walls, product, forum, search, help and index pages, teaser lists);
//  7. dates it with honest precision (timestamps, then a dateline, then a
//     full date in the first paragraphs that agrees with the header, then the
//     header; a YYYY-01-01 header date counts as a year only).
//
// HTML pages go through package htmlpage (go-trafilatura and go-htmldate);
// JSON Lines carry their own fields. Every format then gets the same
// finishing: mis-decoding repair, language (the input's declaration first,
// then a detector on enough text), and the stable ID.
package clean
