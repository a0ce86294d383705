package ner

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/seedtest"
)

func TestStageSeed(t *testing.T) {
	doc := seedtest.Document(t, NewStage(nil))
	byName := map[string]newsgraph.Entity{}
	var names []string
	for _, e := range doc.Entities {
		byName[e.Name] = e
		names = append(names, e.Name+"/"+e.Type)
		for _, m := range e.Mentions {
			r := []rune(doc.Paragraphs[m.Paragraph])
			if m.Start < 0 || m.End > len(r) || string(r[m.Start:m.End]) != m.Text {
				t.Errorf("mention %+v does not slice its paragraph", m)
			}
		}
	}
	t.Logf("entities: %s", strings.Join(names, ", "))
	for name, typ := range map[string]string{"Xi Jinping": "PERSON", "Yoon Suk-yeol": "PERSON", "Moon Jae-in": "PERSON"} {
		if e, ok := byName[name]; !ok || e.Type != typ {
			t.Errorf("%s: got %+v, want type %s", name, e, typ)
		}
	}
	if e := byName["Xi Jinping"]; len(e.Mentions) < 4 {
		t.Errorf("Xi Jinping has %d mentions; \"Xi\" and \"President Xi\" should join it", len(e.Mentions))
	}
	for _, name := range []string{"China", "South Korea", "North Korea", "Bali", "Indonesia", "Beijing", "Seoul"} {
		if e, ok := byName[name]; !ok || (e.Type != "GPE" && e.Type != "LOC") {
			t.Errorf("%s: got %+v, want GPE or LOC", name, e)
		}
	}
	for _, name := range []string{"G-20", "China's Foreign Ministry"} {
		if e, ok := byName[name]; !ok || e.Type != "ORG" {
			t.Errorf("%s: got %+v, want ORG", name, e)
		}
	}
	golden.JSON(t, filepath.Join("testdata", "seed_entities.golden.json"), doc.Entities)
	for _, e := range doc.Entities {
		if e.Type == "PERSON" && (e.Name == "Tuesday" || e.Name == "ROK") {
			t.Errorf("%s tagged PERSON", e.Name)
		}
	}
}

func TestGroup(t *testing.T) {
	mk := func(text, typ string, p, start int) mention {
		toks := strings.Fields(text)
		return mention{Mention: newsgraph.Mention{Paragraph: p, Start: start, End: start + len([]rune(text)), Text: text}, typ: typ, tokens: toks, key: nameKey(toks)}
	}
	ents := group([]mention{
		mk("Xi Jinping", "PERSON", 0, 0), mk("Yoon Suk-yeol", "PERSON", 0, 30), mk("Xi", "PERSON", 1, 5), mk("G-20", "ORG", 1, 40),
		mk("Yoon", "PERSON", 2, 0), mk("G20", "ORG", 3, 3), mk("Biden", "PERSON", 3, 20), mk("Joe Biden", "PERSON", 4, 0),
	})
	got := map[string]int{}
	for _, e := range ents {
		got[e.Name] = len(e.Mentions)
	}
	want := map[string]int{"Xi Jinping": 2, "Yoon Suk-yeol": 2, "G-20": 2, "Joe Biden": 2}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d mentions, want %d (all: %v)", k, got[k], v, got)
		}
	}
	if ents[0].ID != "e1" || ents[0].Name != "Xi Jinping" {
		t.Errorf("first entity %+v", ents[0])
	}
}

// TestJoinPossessives: a country's full name split at its "'s" by the
// tagger is one name again.
func TestJoinPossessives(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("the Democratic People 's Republic of Korea and the Republic of Korea")
	tests := []struct {
		name  string
		spans []Span
		want  []Span
	}{
		{"country split at its possessive", []Span{{1, 3, "LOC"}, {4, 7, "LOC"}, {9, 12, "LOC"}}, []Span{{1, 7, "LOC"}, {9, 12, "LOC"}}},
		{"no possessive between", []Span{{4, 7, "LOC"}, {9, 12, "LOC"}}, []Span{{4, 7, "LOC"}, {9, 12, "LOC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.joinPossessives(append([]Span(nil), tt.spans...), words)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
	// A possessive between names that make no known country stays.
	other := strings.Fields("Korea 's Ministry of Unification")
	if got := m.joinPossessives([]Span{{0, 1, "LOC"}, {2, 5, "ORG"}}, other); len(got) != 2 {
		t.Errorf("joined %v", got)
	}
}
