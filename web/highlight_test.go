package web

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestParagraphSegments(t *testing.T) {
	doc := &newsgraph.Document{
		Paragraphs: []string{"Xi met Yoon in Bali.", "China's Foreign Ministry said ‘yes’ in 北京.", "No names here."},
		Entities: []newsgraph.Entity{
			{ID: "e1", Name: "Xi Jinping", Type: "PERSON", Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 0, End: 2, Text: "Xi"}}},
			{ID: "e2", Name: "Bali", Type: "GPE", Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 15, End: 19, Text: "Bali"}}},
			{ID: "e3", Name: "China", Type: "GPE", Mentions: []newsgraph.Mention{{Paragraph: 1, Start: 0, End: 5, Text: "China"}}},
			{ID: "e4", Name: "China's Foreign Ministry", Type: "ORG", Mentions: []newsgraph.Mention{{Paragraph: 1, Start: 0, End: 24, Text: "China's Foreign Ministry"}}},
			{ID: "e5", Name: "北京", Type: "GPE", Mentions: []newsgraph.Mention{{Paragraph: 1, Start: 39, End: 41, Text: "北京"}}},
			{ID: "e6", Name: "Broken", Type: "ORG", Mentions: []newsgraph.Mention{{Paragraph: 7, Start: 0, End: 2}, {Paragraph: 2, Start: 5, End: 99}}},
		},
	}
	got := paragraphSegments(doc)
	want := [][]string{
		{"[Xi]", " met Yoon in ", "[Bali]", "."},
		{"[China's Foreign Ministry]", " said ‘yes’ in ", "[北京]", "."},
		{"No names here."},
	}
	for p := range want {
		var s []string
		for _, seg := range got[p] {
			if seg.Entity != nil {
				s = append(s, "["+seg.Text+"]")
			} else {
				s = append(s, seg.Text)
			}
		}
		if len(s) != len(want[p]) {
			t.Fatalf("paragraph %d: %q, want %q", p, s, want[p])
		}
		for i := range s {
			if s[i] != want[p][i] {
				t.Errorf("paragraph %d segment %d: %q, want %q", p, i, s[i], want[p][i])
			}
		}
	}
}
