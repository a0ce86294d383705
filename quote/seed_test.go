package quote

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/seedtest"
	"github.com/newsgraph/newsgraph/ner"
)

// seedDoc runs clean → ner → actor → quote on the seed record.
func seedDoc(t *testing.T) *newsgraph.Document {
	t.Helper()
	doc := seedtest.Document(t, ner.NewStage(nil), actor.NewStage(nil, actor.Options{}), NewStage())
	return doc
}

// TestSeedQuotes pins the seed's statements: exactly five direct
// quotations with their speakers, the reported statements of Xi Jinping
// and Yoon Suk-yeol, and nothing from "what Yoon said"; then the whole
// list in a golden file.
func TestSeedQuotes(t *testing.T) {
	doc := seedDoc(t)
	type want struct{ kind, prefix, speaker string }
	wants := []want{
		{KindDirect, "China is ready to work with the ROK to uphold", "Xi Jinping"},
		{KindDirect, "The two countries shoulder", "Xi Jinping"},
		{KindDirect, "China is ready to work with the ROK to promote", "Xi Jinping"},
		{KindDirect, "The two sides need to accelerate", "Xi Jinping"},
		{KindDirect, "The ROK hopes to maintain", "Yoon Suk-yeol"},
		{KindIndirect, "his country is ready to collaborate", "Xi Jinping"},
		{KindIndirect, "China and South Korea are inseparable partners", "Xi Jinping"},
		{KindIndirect, "Beijing and Seoul need to improve", "Xi Jinping"},
		{KindIndirect, "the two countries need to increase strategic communication", "Xi Jinping"},
		{KindIndirect, "his willingness to use the 30th anniversary", "Yoon Suk-yeol"},
	}
	direct := 0
	for _, q := range doc.Quotes {
		checkOffsets(t, doc, q)
		if q.Kind == KindDirect {
			direct++
		}
		if strings.Contains(q.Text, "go into detail") || strings.Contains(q.Text, "only that") {
			t.Errorf("false quote %q", q.Text)
		}
		if q.SpeakerEntity != nil {
			e := entityNamed(doc, *q.Speaker)
			if e == nil || e.ID != *q.SpeakerEntity {
				t.Errorf("speaker %q does not match entity %q", *q.Speaker, *q.SpeakerEntity)
			} else if e.Actor != nil && (q.SpeakerActor == nil || *q.SpeakerActor != e.Actor.Code) {
				t.Errorf("speaker %q: actor %v, want %s", *q.Speaker, q.SpeakerActor, e.Actor.Code)
			}
		}
	}
	if direct != 5 {
		t.Errorf("%d direct quotations, want 5", direct)
	}
	for _, w := range wants {
		found := false
		for _, q := range doc.Quotes {
			if q.Kind == w.kind && strings.HasPrefix(q.Text, w.prefix) {
				found = true
				if q.Speaker == nil || *q.Speaker != w.speaker {
					t.Errorf("%q: speaker %v, want %s", w.prefix, q.Speaker, w.speaker)
				}
			}
		}
		if !found {
			t.Errorf("missing %s quote %q", w.kind, w.prefix)
		}
	}
	golden.JSON(t, filepath.Join("testdata", "seed_quotes.golden.json"), doc.Quotes)
}

func entityNamed(doc *newsgraph.Document, name string) *newsgraph.Entity {
	for i := range doc.Entities {
		if doc.Entities[i].Name == name {
			return &doc.Entities[i]
		}
	}
	return nil
}
