package timex

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/seedtest"
)

func TestStageSeed(t *testing.T) {
	doc := seedtest.Document(t, NewStage())
	if doc.Published.Date != "2022" || doc.Published.Precision != newsgraph.PrecisionYear {
		t.Fatalf("seed published %+v, want the year-precise placeholder 2022", doc.Published)
	}
	got := map[string]newsgraph.TimeExpr{}
	for _, x := range doc.Times {
		r := []rune(doc.Paragraphs[x.Paragraph])
		if x.Start < 0 || x.End > len(r) || x.Start >= x.End || string(r[x.Start:x.End]) != x.Text {
			t.Errorf("%+v does not slice its paragraph", x)
		}
		got[x.Text] = x
		t.Logf("%q %s %v", x.Text, x.Kind, deref(x.Value))
	}
	want := []struct {
		text, kind, value string
	}{
		{"Tuesday", "date", ""},            // the publication date is only known to the year
		{"Earlier in the day", "date", ""}, // anchored on Tuesday, which has no value
		{"nearly three years", "duration", "P3Y"},
		{"December 2019", "date", "2019-12"},
		{"the 30th anniversary", "duration", "P30Y"},
	}
	for _, w := range want {
		x, ok := got[w.text]
		if !ok {
			t.Errorf("missing %q", w.text)
			continue
		}
		if x.Kind != w.kind || deref(x.Value) != w.value {
			t.Errorf("%q: got %s %q, want %s %q", w.text, x.Kind, deref(x.Value), w.kind, w.value)
		}
	}
	if len(doc.Times) != len(want) {
		t.Errorf("got %d expressions, want exactly %d (no false times)", len(doc.Times), len(want))
	}
	golden.JSON(t, filepath.Join("testdata", "seed_times.golden.json"), doc.Times)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestStageConcurrent(t *testing.T) {
	s := NewStage()
	done := make(chan []newsgraph.TimeExpr)
	for range 8 {
		go func() {
			doc := &newsgraph.Document{Paragraphs: []string{"He met Yoon on Tuesday and will return next week for two weeks."}, Published: pubDay}
			if err := s.Annotate(context.Background(), doc); err != nil {
				t.Error(err)
			}
			done <- doc.Times
		}()
	}
	for range 8 {
		if got := <-done; len(got) != 3 || deref(got[0].Value) != "2022-11-15" {
			t.Errorf("got %+v", got)
		}
	}
}
