package event

import (
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/seedtest"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/timex"
)

func seedDoc(t *testing.T) *newsgraph.Document {
	return seedtest.Document(t, ner.NewStage(nil), timex.NewStage(), actor.NewStage(nil, actor.Options{}), geo.NewStage(nil), quote.NewStage(), NewStage())
}

// findEvent returns the first event of root with these source and target
// countries, or nil.
func findEvent(doc *newsgraph.Document, root, src, tgt string) *newsgraph.Event {
	for i := range doc.Events {
		e := &doc.Events[i]
		if e.Root == root && e.Source.Country == src && e.Target != nil && e.Target.Country == tgt {
			return e
		}
	}
	return nil
}

// TestSeedEvents pins the events the issue names on the seed record, then
// the whole list in a golden file.
func TestSeedEvents(t *testing.T) {
	doc := seedDoc(t)
	coop := findEvent(doc, "03", "CHN", "KOR")
	if coop == nil {
		t.Fatalf("no CHN→KOR intent to cooperate (root 03): %+v", doc.Events)
	}
	if coop.Evidence.Paragraph != 0 || coop.Plover != "AGREE" {
		t.Errorf("CHN→KOR 03: paragraph %d, plover %q", coop.Evidence.Paragraph, coop.Plover)
	}
	meet := findEvent(doc, "04", "CHN", "KOR")
	if meet == nil {
		t.Fatalf("no CHN–KOR meeting (root 04)")
	}
	if meet.Location == nil || meet.Location.Name != "Bali" || meet.Location.Country != "IDN" {
		t.Errorf("meeting location %+v, want Bali (IDN)", meet.Location)
	}
	if meet.Cameo != "044" {
		t.Errorf("meeting in a third country coded %s, want 044", meet.Cameo)
	}
	for _, e := range []*newsgraph.Event{coop, meet} {
		if deref(e.Date) != "2022" || deref(e.DatePrecision) != "year" {
			t.Errorf("%s: date %q/%q, want 2022/year (the header's year-only date)", e.Cameo, deref(e.Date), deref(e.DatePrecision))
		}
	}
	golden.JSON(t, filepath.Join("testdata", "seed_events.golden.json"), doc.Events)
}

// TestSeedDayPrecise reruns the stage on the seed with a day-precise
// publication date: "on Tuesday" then resolves to 2022-11-15.
func TestSeedDayPrecise(t *testing.T) {
	doc := seedDoc(t)
	doc.Published = newsgraph.Published{Date: "2022-11-16", Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginDateline}
	if err := timex.NewStage().Annotate(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	if err := NewStage().Annotate(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	coop := findEvent(doc, "03", "CHN", "KOR")
	if coop == nil {
		t.Fatal("no CHN→KOR 03")
	}
	if deref(coop.Date) != "2022-11-15" || deref(coop.DatePrecision) != "day" {
		t.Errorf("CHN→KOR 03 date %q/%q, want 2022-11-15/day", deref(coop.Date), deref(coop.DatePrecision))
	}
	meet := findEvent(doc, "04", "CHN", "KOR")
	if meet == nil {
		t.Fatal("no CHN–KOR meeting")
	}
	// The meeting's sentence has no time of its own: it inherits the
	// sentence just before it ("These comments were made during a meeting").
	if deref(meet.Date) != "2022-11-15" || deref(meet.DatePrecision) != "day" {
		t.Errorf("meeting date %q/%q, want 2022-11-15/day", deref(meet.Date), deref(meet.DatePrecision))
	}
}
