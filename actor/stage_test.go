package actor

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// ent describes a test entity: its name, type and the surface forms whose
// every occurrence in the paragraphs is a mention.
type ent struct {
	name, typ string
	forms     []string
}

// makeDoc builds a document with hand-made entities (no tagger involved),
// mentions located by string search, offsets in code points.
func makeDoc(date string, paras []string, ents ...ent) *newsgraph.Document {
	d := &newsgraph.Document{Paragraphs: paras}
	d.Published.Date = date
	for i, e := range ents {
		en := newsgraph.Entity{ID: "e" + string(rune('1'+i)), Name: e.name, Type: e.typ}
		for pi, p := range paras {
			rp := []rune(p)
			for _, f := range e.forms {
				rf := []rune(f)
				for s := 0; s+len(rf) <= len(rp); s++ {
					if string(rp[s:s+len(rf)]) != f {
						continue
					}
					// Whole words only.
					if s > 0 && isWordRune(rp[s-1]) || s+len(rf) < len(rp) && isWordRune(rp[s+len(rf)]) {
						continue
					}
					en.Mentions = append(en.Mentions, newsgraph.Mention{Paragraph: pi, Start: s, End: s + len(rf), Text: f})
				}
			}
		}
		d.Entities = append(d.Entities, en)
	}
	return d
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '’'
}

func embedded(t *testing.T) *kb.KB {
	t.Helper()
	k, err := kb.Default()
	if err != nil {
		t.Fatalf("embedded knowledge base: %v", err)
	}
	return k
}

func entityNamed(d *newsgraph.Document, name string) *newsgraph.Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

func codeOf(d *newsgraph.Document, name string) string {
	e := entityNamed(d, name)
	if e == nil || e.Actor == nil {
		return ""
	}
	return e.Actor.Code
}

func TestActorCodes(t *testing.T) {
	k := embedded(t)
	tests := []struct {
		name  string
		date  string
		paras []string
		ents  []ent
		want  map[string]string // entity name → code ("" = no actor)
	}{
		{"demonym title name", "2022-11-15",
			[]string{"Chinese President Xi Jinping said on Tuesday that his country is ready."},
			[]ent{{"Xi Jinping", "PERSON", []string{"Xi Jinping"}}},
			map[string]string{"Xi Jinping": "CHNGOV"}},
		{"former official is an elite", "2022-11-15",
			[]string{"Both leaders last met in 2019, when former South Korean President Moon Jae-in paid a visit."},
			[]ent{{"Moon Jae-in", "PERSON", []string{"Moon Jae-in"}}},
			map[string]string{"Moon Jae-in": "KORELI"}},
		{"counterpart takes the other party's role", "2022-11-15",
			[]string{"Chinese President Xi Jinping met his South Korean counterpart Yoon Suk-yeol in Bali."},
			[]ent{{"Xi Jinping", "PERSON", []string{"Xi Jinping"}}, {"Yoon Suk-yeol", "PERSON", []string{"Yoon Suk-yeol"}}},
			map[string]string{"Xi Jinping": "CHNGOV", "Yoon Suk-yeol": "KORGOV"}},
		{"appositive", "2023-03-01",
			[]string{"Wang Yi, China's foreign minister, said the talks went well."},
			[]ent{{"Wang Yi", "PERSON", []string{"Wang Yi"}}},
			map[string]string{"Wang Yi": "CHNGOV"}},
		{"possessor-owned organisation", "2022-11-15",
			[]string{"A statement was issued by China's Foreign Ministry."},
			[]ent{{"China's Foreign Ministry", "ORG", []string{"China's Foreign Ministry"}}},
			map[string]string{"China's Foreign Ministry": "CHNGOV"}},
		{"capital as government", "2022-11-15",
			[]string{"Xi said Beijing and Seoul need to improve their alignment."},
			[]ent{{"Beijing", "GPE", []string{"Beijing"}}, {"Seoul", "GPE", []string{"Seoul"}}},
			map[string]string{"Beijing": "CHNGOV", "Seoul": "KORGOV"}},
		{"capital as place", "2022-11-15",
			[]string{"The statement was issued in Beijing on Tuesday."},
			[]ent{{"Beijing", "GPE", []string{"Beijing"}}},
			map[string]string{"Beijing": "CHN"}},
		{"short forms", "2022-11-15",
			[]string{"China is ready to work with the ROK, while the DPRK and the US watch."},
			[]ent{{"ROK", "MISC", []string{"ROK"}}, {"DPRK", "ORG", []string{"DPRK"}}, {"US", "GPE", []string{"US"}}, {"China", "GPE", []string{"China"}}},
			map[string]string{"ROK": "KOR", "DPRK": "PRK", "US": "USA", "China": "CHN"}},
		{"seat of government", "2022-11-15",
			[]string{"The Kremlin said the talks were useful, and the White House agreed."},
			[]ent{{"Kremlin", "ORG", []string{"Kremlin"}}, {"White House", "ORG", []string{"White House"}}},
			map[string]string{"Kremlin": "RUSGOV", "White House": "USAGOV"}},
		{"international organisation", "2022-11-15",
			[]string{"Leaders met on the sidelines of the G-20 summit; NATO and the United Nations sent envoys."},
			[]ent{{"G-20", "ORG", []string{"G-20"}}, {"NATO", "ORG", []string{"NATO"}}, {"United Nations", "ORG", []string{"United Nations"}}},
			map[string]string{"G-20": "IGO", "NATO": "IGO", "United Nations": "IGO"}},
		{"knowledge base with dates", "2019-06-01",
			[]string{"Moon Jae-in spoke to reporters."},
			[]ent{{"Moon Jae-in", "PERSON", []string{"Moon Jae-in"}}},
			map[string]string{"Moon Jae-in": "KORGOV"}},
		{"knowledge base, role ended", "2024-06-01",
			[]string{"Moon Jae-in spoke to reporters."},
			[]ent{{"Moon Jae-in", "PERSON", []string{"Moon Jae-in"}}},
			map[string]string{"Moon Jae-in": "KORELI"}},
		{"unknown person without evidence", "2024-06-01",
			[]string{"Maria Quispe spoke to reporters."},
			[]ent{{"Maria Quispe", "PERSON", []string{"Maria Quispe"}}},
			map[string]string{"Maria Quispe": ""}},
		{"invented person described in the text", "2026-06-01",
			[]string{"Peruvian President Maria Quispe spoke to reporters."},
			[]ent{{"Maria Quispe", "PERSON", []string{"Maria Quispe"}}},
			map[string]string{"Maria Quispe": "PERGOV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := makeDoc(tt.date, tt.paras, tt.ents...)
			if err := NewStage(k, Options{}).Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for name, want := range tt.want {
				got := codeOf(d, name)
				if want == "IGO" && strings.HasPrefix(got, "IGO") {
					continue
				}
				if got != want {
					e := entityNamed(d, name)
					t.Errorf("%s: code %q, want %q (actor %+v)", name, got, want, e.Actor)
				}
			}
		})
	}
}

func TestGroupsAndCoreference(t *testing.T) {
	k := embedded(t)
	d := makeDoc("2022-11-15", []string{
		"Chinese President Xi Jinping met his South Korean counterpart Yoon Suk-yeol.",
		"However, the Chinese side's statement did not go into detail, and South Korean media reported little.",
		"\"We are ready,\" the Chinese president said, adding that he wanted more trade.",
		"Ukrainian soldiers advanced, and environmental activists threw paint.",
		"President Yoon also expressed his willingness to cooperate, he said.",
	},
		ent{"Xi Jinping", "PERSON", []string{"Xi Jinping"}},
		ent{"Yoon Suk-yeol", "PERSON", []string{"Yoon Suk-yeol", "Yoon"}},
	)
	if err := NewStage(k, Options{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	groups := map[string]string{}
	for _, e := range d.Entities {
		if e.Type == "GROUP" {
			groups[e.Actor.Code] = e.Name
		}
	}
	for _, code := range []string{"CHNGOV", "KORMED", "UKRMIL", "---ENV"} {
		if _, ok := groups[code]; !ok {
			t.Errorf("no group coded %s (groups %v)", code, groups)
		}
	}
	mentionsOf := func(name, kind string) []string {
		var out []string
		for _, m := range entityNamed(d, name).Mentions {
			if m.Kind == kind {
				out = append(out, m.Text)
			}
		}
		return out
	}
	if got := mentionsOf("Xi Jinping", newsgraph.MentionNominal); len(got) != 1 || got[0] != "the Chinese president" {
		t.Errorf("Xi's nominal mentions = %q", got)
	}
	if got := mentionsOf("Xi Jinping", newsgraph.MentionPronoun); strings.Join(got, " ") != "his he" {
		t.Errorf("Xi's pronoun mentions = %q, want his, he", got)
	}
	if got := mentionsOf("Yoon Suk-yeol", newsgraph.MentionPronoun); len(got) != 2 {
		t.Errorf("Yoon's pronoun mentions = %q, want his, he", got)
	}
	// Offsets are code points into the paragraph.
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if got := string([]rune(d.Paragraphs[m.Paragraph])[m.Start:m.End]); got != m.Text {
				t.Errorf("%s mention %q at %d:%d slices to %q", e.Name, m.Text, m.Start, m.End, got)
			}
		}
	}
}

// fakeRegistry answers LearnedActor from a map.
type fakeRegistry map[string]*newsgraph.Actor

func (f fakeRegistry) LearnedActor(_ context.Context, name string) (*newsgraph.Actor, error) {
	return f[strings.ToLower(name)], nil
}

func TestRegistryAndOverrides(t *testing.T) {
	k := embedded(t)
	reg := fakeRegistry{"maria quispe": {Code: "PERGOV", Country: "PER", Sectors: []string{"GOV"}, Kind: newsgraph.ActorPerson,
		Source: newsgraph.ActorFromRegistry, Evidence: `registry: "Peruvian President" ×3`}}
	paras := []string{"Maria Quispe spoke to reporters about Jane Roe."}
	ents := []ent{{"Maria Quispe", "PERSON", []string{"Maria Quispe"}}, {"Jane Roe", "PERSON", []string{"Jane Roe"}}}

	d := makeDoc("2026-06-01", paras, ents...)
	if err := NewStage(k, Options{Registry: reg}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if a := entityNamed(d, "Maria Quispe").Actor; a == nil || a.Code != "PERGOV" || a.Source != newsgraph.ActorFromRegistry {
		t.Errorf("registry: Maria Quispe = %+v", a)
	}
	overrides := []Override{{Name: "Maria Quispe", Code: "PERELI", From: "2026-01-01"}, {Name: "Jane Roe", Code: "BOLGOV", To: "2020-12-31"}}
	d = makeDoc("2026-06-01", paras, ents...)
	if err := NewStage(k, Options{Registry: reg, Overrides: overrides}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if a := entityNamed(d, "Maria Quispe").Actor; a == nil || a.Code != "PERELI" || a.Source != newsgraph.ActorFromOverride {
		t.Errorf("override: Maria Quispe = %+v", a)
	}
	if a := entityNamed(d, "Jane Roe").Actor; a != nil {
		t.Errorf("an override outside its dates applied: Jane Roe = %+v", a)
	}
}

// TestConcurrentAnnotate runs one stage on several documents at once (its
// caches are shared) and expects what a lone run gives.
func TestConcurrentAnnotate(t *testing.T) {
	k := embedded(t)
	docs := func() []*newsgraph.Document {
		return []*newsgraph.Document{
			makeDoc("2022-11-15", []string{"Chinese President Xi Jinping met his South Korean counterpart Yoon Suk-yeol. He said Beijing and Seoul need to talk."},
				ent{"Xi Jinping", "PERSON", []string{"Xi Jinping"}}, ent{"Yoon Suk-yeol", "PERSON", []string{"Yoon Suk-yeol"}},
				ent{"Beijing", "GPE", []string{"Beijing"}}, ent{"Seoul", "GPE", []string{"Seoul"}}),
			makeDoc("2019-06-01", []string{"Moon Jae-in spoke to Ukrainian soldiers and Hungarian and Romanian officials."},
				ent{"Moon Jae-in", "PERSON", []string{"Moon Jae-in"}}),
		}
	}
	reg := fakeRegistry{"maria quispe": {Code: "PERGOV", Country: "PER", Sectors: []string{"GOV"}}}
	want := docs()
	st := NewStage(k, Options{Registry: reg})
	for _, d := range want {
		if err := st.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				got := docs()
				for i, d := range got {
					if err := st.Annotate(context.Background(), d); err != nil {
						errs <- err.Error()
						return
					}
					if !reflect.DeepEqual(d.Entities, want[i].Entities) {
						errs <- fmt.Sprintf("goroutine %d: document %d differs", g, i)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestTitleOfCountry: "the president of Armenia" refers to no earlier
// person of another country; "the president of Russia" to Russia's.
func TestTitleOfCountry(t *testing.T) {
	k := embedded(t)
	d := makeDoc("2022-11-15", []string{
		"Russian President Vladimir Putin spoke on Monday.",
		"He offered to negotiate with the president of Armenia, and later the president of Russia flew home.",
	},
		ent{"Vladimir Putin", "PERSON", []string{"Vladimir Putin"}},
		ent{"Armenia", "GPE", []string{"Armenia"}},
		ent{"Russia", "GPE", []string{"Russia"}},
	)
	if err := NewStage(k, Options{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var nominal []string
	for _, m := range entityNamed(d, "Vladimir Putin").Mentions {
		if m.Kind == newsgraph.MentionNominal {
			nominal = append(nominal, m.Text)
		}
	}
	if len(nominal) != 1 || nominal[0] != "the president of Russia" {
		t.Errorf("Putin's nominal mentions = %q, want only \"the president of Russia\"", nominal)
	}
}
