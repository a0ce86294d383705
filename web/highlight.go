package web

import (
	"sort"

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
