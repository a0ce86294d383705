package actor

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// FuzzStage runs the actor stage on arbitrary paragraphs with entities at
// arbitrary offsets: no panics, and every mention it adds slices its
// paragraph.
func FuzzStage(f *testing.F) {
	for _, s := range []string{
		"Chinese President Xi Jinping met his South Korean counterpart Yoon Suk-yeol.",
		"the", "The Chinese", "Hungarian and", "Hungarian and Romanian officials agreed.",
		"\"We will,\" he said.", "former", "the Chinese president", "U.S. soldiers and",
		"Darfur rebels", "rebels in Darfur", "ethnic Albanians of", "UN peacekeepers in", "Moslem fundamentalist",
		"Vietnamese-led forces", "Minister for Interior Khan", "Albanians of the",
	} {
		for typ := range uint8(5) {
			f.Add(s, uint8(0), uint8(6), typ)
		}
	}
	k, err := kb.Default()
	if err != nil {
		f.Fatal(err)
	}
	st := NewStage(k, Options{})
	types := []string{"PERSON", "ORG", "GPE", "LOC", "MISC"}
	f.Fuzz(func(t *testing.T, para string, a, b, typ uint8) {
		paras := strings.Split(para, "\n")
		n := len([]rune(paras[0]))
		start, end := int(a)%(n+1), int(b)%(n+1)
		if start > end {
			start, end = end, start
		}
		d := &newsgraph.Document{Paragraphs: paras}
		if start < end {
			d.Entities = []newsgraph.Entity{{ID: "e1", Name: string([]rune(paras[0])[start:end]), Type: types[int(typ)%len(types)],
				Mentions: []newsgraph.Mention{{Paragraph: 0, Start: start, End: end, Text: string([]rune(paras[0])[start:end])}}}}
		}
		if err := st.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				r := []rune(d.Paragraphs[m.Paragraph])
				if m.Start < 0 || m.End > len(r) || m.Start >= m.End || string(r[m.Start:m.End]) != m.Text {
					t.Fatalf("mention %+v does not slice paragraph %q", m, d.Paragraphs[m.Paragraph])
				}
			}
		}
	})
}
