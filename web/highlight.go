package web

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// segment is a run of a paragraph's text, marked when it is an entity
// mention.
type segment struct {
	Text   string
	Entity *newsgraph.Entity // nil for plain text
	// Quote is the quote whose content the segment is part of, if any,
	// and QuoteIndex its index in the document's quotes.
	Quote      *newsgraph.Quote
	QuoteIndex int
	// EvidenceOpen is set on the first segment of an event's evidence
	// sentence, EvidenceClose on its last: the template wraps the
	// segments between them in one span that the events list links to.
	EvidenceOpen  *evidenceSpan
	EvidenceClose bool
}

// evidenceSpan is one evidence sentence of the document's events, as the
// body shows it.
type evidenceSpan struct {
	// ID is the span's anchor (evidenceAnchor).
	ID                    string
	Paragraph, Start, End int
	// Events are the indexes of the events with this evidence.
	Events []int
}

// Title describes the span for its tooltip: "Evidence of event 2" or
// "Evidence of events 1, 2".
func (e *evidenceSpan) Title() string {
	nums := make([]string, len(e.Events))
	for i, n := range e.Events {
		nums[i] = strconv.Itoa(n + 1)
	}
	if len(nums) == 1 {
		return "Evidence of event " + nums[0]
	}
	return "Evidence of events " + strings.Join(nums, ", ")
}

// EventList is the span's events as a data attribute: "0 1".
func (e *evidenceSpan) EventList() string {
	nums := make([]string, len(e.Events))
	for i, n := range e.Events {
		nums[i] = strconv.Itoa(n)
	}
	return strings.Join(nums, " ")
}

// paragraphSegments cuts each paragraph into plain and entity segments from
// the mentions' code-point offsets. Where mentions overlap ("China" inside
// "China's Foreign Ministry") the longer one is shown; mentions outside the
// paragraph are ignored.
func paragraphSegments(doc *newsgraph.Document) [][]segment {
	type span struct {
		start, end int
		ent        *newsgraph.Entity
	}
	spans := make([][]span, len(doc.Paragraphs))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		for _, m := range e.Mentions {
			if m.Paragraph >= 0 && m.Paragraph < len(spans) && m.Start < m.End {
				spans[m.Paragraph] = append(spans[m.Paragraph], span{m.Start, m.End, e})
			}
		}
	}
	out := make([][]segment, len(doc.Paragraphs))
	for p, text := range doc.Paragraphs {
		r := []rune(text)
		ss := spans[p]
		sort.Slice(ss, func(a, b int) bool {
			if ss[a].start != ss[b].start {
				return ss[a].start < ss[b].start
			}
			return ss[a].end > ss[b].end
		})
		pos := 0
		for _, s := range ss {
			if s.start < pos || s.end > len(r) {
				continue // overlaps a longer mention shown already, or out of range
			}
			if s.start > pos {
				out[p] = append(out[p], segment{Text: string(r[pos:s.start])})
			}
			out[p] = append(out[p], segment{Text: string(r[s.start:s.end]), Entity: s.ent})
			pos = s.end
		}
		if pos < len(r) || len(r) == 0 {
			out[p] = append(out[p], segment{Text: string(r[pos:])})
		}
	}
	markQuotes(doc, out)
	markEvidence(doc, out)
	return out
}

// markQuotes cuts segments at the quotes' content boundaries and marks the
// segments inside a quote (a quote may run over several paragraphs).
func markQuotes(doc *newsgraph.Document, paras [][]segment) {
	type qspan struct{ start, end, q int }
	spans := make([][]qspan, len(paras))
	for qi, q := range doc.Quotes {
		if q.Paragraph < 0 || q.EndParagraph >= len(paras) || q.EndParagraph < q.Paragraph {
			continue
		}
		for p := q.Paragraph; p <= q.EndParagraph; p++ {
			start, end := 0, 1<<30
			if p == q.Paragraph {
				start = q.Start
			}
			if p == q.EndParagraph {
				end = q.End
			}
			if start < end {
				spans[p] = append(spans[p], qspan{start, end, qi})
			}
		}
	}
	for p, segs := range paras {
		if len(spans[p]) == 0 {
			continue
		}
		var out []segment
		pos := 0 // code-point offset of the current segment
		for _, sg := range segs {
			r := []rune(sg.Text)
			from := 0
			for from < len(r) {
				at := pos + from
				// The quote covering this offset, and where the run ends.
				qi, stop := -1, pos+len(r)
				for _, qs := range spans[p] {
					switch {
					case at >= qs.start && at < qs.end:
						qi, stop = qs.q, min(stop, qs.end)
					case qs.start > at:
						stop = min(stop, qs.start)
					}
				}
				// An entity mention is not cut inside: it is quoted or not as
				// a whole, by where it starts.
				if sg.Entity != nil {
					stop = pos + len(r)
				}
				piece := segment{Text: string(r[from : stop-pos]), Entity: sg.Entity}
				if qi >= 0 {
					piece.Quote, piece.QuoteIndex = &doc.Quotes[qi], qi
				}
				out = append(out, piece)
				from = stop - pos
			}
			pos += len(r)
		}
		paras[p] = out
	}
}

// evidenceSpans returns the distinct evidence sentences of the document's
// events, in text order: those whose offsets lie inside their paragraph
// and do not overlap a sentence kept before them (sentences do not
// overlap; a span that does is bad data and is left out).
func evidenceSpans(doc *newsgraph.Document) []*evidenceSpan {
	byKey := map[[3]int]*evidenceSpan{}
	var spans []*evidenceSpan
	for i, ev := range doc.Events {
		e := ev.Evidence
		if e.Paragraph < 0 || e.Paragraph >= len(doc.Paragraphs) || e.Start < 0 || e.Start >= e.End ||
			e.End > utf8.RuneCountInString(doc.Paragraphs[e.Paragraph]) {
			continue
		}
		k := [3]int{e.Paragraph, e.Start, e.End}
		if sp, ok := byKey[k]; ok {
			sp.Events = append(sp.Events, i)
			continue
		}
		sp := &evidenceSpan{ID: evidenceAnchor(e), Paragraph: e.Paragraph, Start: e.Start, End: e.End, Events: []int{i}}
		byKey[k] = sp
		spans = append(spans, sp)
	}
	sort.SliceStable(spans, func(a, b int) bool {
		if spans[a].Paragraph != spans[b].Paragraph {
			return spans[a].Paragraph < spans[b].Paragraph
		}
		if spans[a].Start != spans[b].Start {
			return spans[a].Start < spans[b].Start
		}
		return spans[a].End > spans[b].End
	})
	kept := spans[:0]
	for _, sp := range spans {
		if n := len(kept); n > 0 && kept[n-1].Paragraph == sp.Paragraph && sp.Start < kept[n-1].End {
			continue
		}
		kept = append(kept, sp)
	}
	return kept
}

// markEvidence cuts segments at the evidence sentences' boundaries and
// marks the first and last segment of each. An entity mention is not cut:
// it belongs to the sentence it starts in, so a sentence boundary inside a
// mention moves to the mention's end.
func markEvidence(doc *newsgraph.Document, paras [][]segment) {
	spans := evidenceSpans(doc)
	if len(spans) == 0 {
		return
	}
	byPara := make([][]*evidenceSpan, len(paras))
	for _, sp := range spans {
		byPara[sp.Paragraph] = append(byPara[sp.Paragraph], sp)
	}
	for p, segs := range paras {
		ps := byPara[p]
		if len(ps) == 0 {
			continue
		}
		// Cut plain text at every boundary.
		var cut []segment
		var starts []int // code-point offset of each cut segment
		pos := 0
		for _, sg := range segs {
			r := []rune(sg.Text)
			from := 0
			for from < len(r) {
				stop := len(r)
				if sg.Entity == nil {
					for _, sp := range ps {
						for _, b := range []int{sp.Start, sp.End} {
							if b > pos+from && b < pos+stop {
								stop = b - pos
							}
						}
					}
				}
				piece := sg
				piece.Text = string(r[from:stop])
				cut = append(cut, piece)
				starts = append(starts, pos+from)
				from = stop
			}
			pos += len(r)
		}
		// Mark each span's first and last segment (those starting inside it).
		for _, sp := range ps {
			first, last := -1, -1
			for i, at := range starts {
				if at >= sp.Start && at < sp.End {
					if first < 0 {
						first = i
					}
					last = i
				}
			}
			if first >= 0 {
				cut[first].EvidenceOpen = sp
				cut[last].EvidenceClose = true
			}
		}
		paras[p] = cut
	}
}
