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
	return out
}
