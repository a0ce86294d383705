package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph"
)

// Places of the event tests.
var (
	bali    = &newsgraph.Place{Name: "Bali", Country: "IDN", Admin1: "Bali", Lat: -8.65, Lon: 115.2, Precision: "admin1", GeonamesID: 1650535}
	jakarta = &newsgraph.Place{Name: "Jakarta", Country: "IDN", Admin1: "Jakarta", Lat: -6.2, Lon: 106.8, Precision: "city", GeonamesID: 1642911}
)

// ev is a brief event: source and target codes (target "" for none; the
// entities e1 … e3 of eventDoc), cameo, date ("" for none) and place.
type ev struct {
	src, tgt, cameo, date string
	place                 *newsgraph.Place
	negated               bool
	conf                  float64 // 0.8 when 0
}

// eventEntities are the coded entities every eventDoc carries.
var eventEntities = []struct{ id, name, code, country string }{
	{"e1", "Xi Jinping", "CHNGOV", "CHN"},
	{"e2", "Yoon Suk-yeol", "KORGOV", "KOR"},
	{"e3", "Fumio Kishida", "JPNGOV", "JPN"},
	{"e4", "North Korea", "PRK", "PRK"},
}

func (e ev) event(i int) newsgraph.Event {
	entity := func(code string) *string {
		for _, x := range eventEntities {
			if x.code == code {
				return newsgraph.StringPtr(x.id)
			}
		}
		return nil
	}
	out := newsgraph.Event{
		Source: newsgraph.EventActor{Entity: entity(e.src), Code: e.src, Country: e.src[:3]},
		Cameo:  e.cameo, Root: e.cameo[:2], QuadClass: 1, Goldstein: float64(len(e.cameo)), Plover: "CONSULT",
		Location: e.place, Negated: e.negated, Confidence: e.conf,
		Evidence: newsgraph.Evidence{Paragraph: i, Sentence: 0, Start: 0, End: 10, Text: fmt.Sprintf("Sentence %d of %s.", i, e.cameo)},
	}
	if e.tgt != "" {
		out.Target = &newsgraph.EventActor{Entity: entity(e.tgt), Code: e.tgt, Country: e.tgt[:3]}
	}
	if e.date != "" {
		out.Date = newsgraph.StringPtr(e.date)
		out.DatePrecision = newsgraph.StringPtr(map[int]string{4: "year", 7: "month", 10: "day"}[len(e.date)])
	}
	if out.Confidence == 0 {
		out.Confidence = 0.8
	}
	return out
}

// eventDoc is one outlet's document (site "" for none) published on date
// and reporting events; rec makes its body and input unique.
func eventDoc(site, date string, rec int, events ...ev) newsgraph.Item {
	body := []string{fmt.Sprintf("Report number %d from %s.", rec, site)}
	for i := range events {
		body = append(body, fmt.Sprintf("Paragraph %d of report %d.", i+1, rec))
	}
	it := docSpec{title: fmt.Sprintf("Report %d", rec), body: body, date: date, lang: "en", site: site}.item(fmt.Sprintf("r%d.txt", rec), rec)
	for _, x := range eventEntities {
		it.Doc.Entities = append(it.Doc.Entities, newsgraph.Entity{ID: x.id, Name: x.name, Type: "PER",
			Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 0, End: 6, Text: "Report"}},
			Actor:    &newsgraph.Actor{Code: x.code, Country: x.country, Kind: newsgraph.ActorPerson}})
	}
	for i, e := range events {
		it.Doc.Events = append(it.Doc.Events, e.event(i+1))
	}
	return it
}

// eventIDs returns the event id of every stored mention, by document
// input path and position ("r0.txt/0"), 0 for none.
func eventIDs(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	rows, err := s.reader.Query(`SELECT d.source_path, m.position, coalesce(m.event_id, 0) FROM event_mentions m JOIN documents d ON d.seq = m.doc_seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var path string
		var pos int
		var id int64
		if err := rows.Scan(&path, &pos, &id); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("%s/%d", path, pos)] = id
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEventMerge stores two documents with one event each and checks
// whether the second joins the first's corpus event.
func TestEventMerge(t *testing.T) {
	for _, tt := range []struct {
		name  string
		a, b  ev
		merge bool
		// want is the merged event's cameo and place name, when merged.
		cameo, place string
	}{
		{"same day", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, true, "042", ""},
		{"next day", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-16"}, true, "042", ""},
		{"day before, across a month", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-12-01"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-30"}, true, "042", ""},
		{"two days apart", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-17"}, false, "", ""},
		{"same year", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022"}, true, "042", ""},
		{"year and day", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, false, "", ""},
		{"month and next month", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-12"}, false, "", ""},
		{"both undated", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042"}, false, "", ""},
		{"undated and dated", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, false, "", ""},
		{"other target", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "JPNGOV", cameo: "042", date: "2022-11-15"}, false, "", ""},
		{"reversed", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "KORGOV", tgt: "CHNGOV", cameo: "042", date: "2022-11-15"}, false, "", ""},
		{"no targets", ev{src: "PRK", cameo: "190", date: "2022-11-15"}, ev{src: "PRK", cameo: "190", date: "2022-11-15"}, true, "190", ""},
		{"target and none", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", cameo: "042", date: "2022-11-15"}, false, "", ""},
		{"other root", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "030", date: "2022-11-15"}, false, "", ""},
		{"more specific cameo", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "04", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, true, "042", ""},
		{"first cameo kept", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "040", date: "2022-11-15"}, true, "042", ""},
		{"same place", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali}, true, "042", "Bali"},
		{"other place", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: jakarta}, false, "", ""},
		{"place taken", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali}, true, "042", "Bali"},
		{"place kept", ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali}, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"}, true, "042", "Bali"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			mustPut(t, s, eventDoc("a.example", "2022-11-16", 0, tt.a))
			mustPut(t, s, eventDoc("b.example", "2022-11-16", 1, tt.b))
			ids := eventIDs(t, s)
			a, b := ids["r0.txt/0"], ids["r1.txt/0"]
			if a == 0 || b == 0 {
				t.Fatalf("mentions without events: %v", ids)
			}
			if (a == b) != tt.merge {
				t.Fatalf("merged = %v, want %v", a == b, tt.merge)
			}
			evs, err := s.Events(context.Background(), newsgraph.EventQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if !tt.merge {
				if len(evs) != 2 {
					t.Errorf("%d events, want 2", len(evs))
				}
				return
			}
			if len(evs) != 1 {
				t.Fatalf("%d events, want 1", len(evs))
			}
			e := evs[0]
			place := ""
			if e.Location != nil {
				place = e.Location.Name
			}
			if e.Cameo != tt.cameo || place != tt.place || e.NumMentions != 2 || e.NumSources != 2 || e.NumArticles != 2 {
				t.Errorf("event: cameo %s, place %q, counts %d/%d/%d; want %s, %q, 2/2/2", e.Cameo, place,
					e.NumMentions, e.NumSources, e.NumArticles, tt.cameo, tt.place)
			}
			if e.Date != stringOf(tt.a.event(0).Date) || e.Goldstein != float64(len(tt.cameo)) {
				t.Errorf("event date %q goldstein %v, want the first mention's date %q and the cameo's value", e.Date, e.Goldstein, tt.a.date)
			}
		})
	}
}

// TestEventNotHappened stores negated and hypothetical events: mentions
// without events.
func TestEventNotHappened(t *testing.T) {
	s := openTest(t)
	mustPut(t, s, eventDoc("a.example", "2022-11-16", 0,
		ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", negated: true},
		ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", conf: 0.35},
		ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", conf: 0.4}))
	ids := eventIDs(t, s)
	if len(ids) != 3 || ids["r0.txt/0"] != 0 || ids["r0.txt/1"] != 0 || ids["r0.txt/2"] == 0 {
		t.Errorf("event ids by mention = %v, want none for the negated and the hypothetical", ids)
	}
}

// TestEventCounts checks the GDELT-style counts: four documents of three
// outlets (one document without a site is its own source), one of them
// reporting the event twice.
func TestEventCounts(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	meet := ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali}
	mustPut(t, s,
		eventDoc("wire.example", "2022-11-15", 0, meet),
		eventDoc("daily.example", "2022-11-16", 1, meet, ev{src: "PRK", cameo: "190", date: "2022-11-16"}, meet),
		eventDoc("wire.example", "2022-11-17", 2, meet),
		eventDoc("", "2022-11", 3, meet))
	evs, err := s.Events(ctx, newsgraph.EventQuery{Actor: "chn", Mentions: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1: %+v", len(evs), evs)
	}
	e := evs[0]
	want := newsgraph.CorpusEvent{ID: e.ID,
		Source: newsgraph.CorpusActor{Code: "CHNGOV", Country: "CHN", Name: "Xi Jinping"},
		Target: &newsgraph.CorpusActor{Code: "KORGOV", Country: "KOR", Name: "Yoon Suk-yeol"},
		Cameo:  "042", Root: "04", QuadClass: 1, Goldstein: 3, Plover: "CONSULT", Date: "2022-11-15", DatePrecision: "day",
		Location: bali, NumMentions: 5, NumSources: 3, NumArticles: 4, FirstSeen: "2022-11", LastSeen: "2022-11-17",
		SourceURL: "https://wire.example/article/0"}
	got := e
	got.Mentions = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("event\n got %+v\nwant %+v", got, want)
	}
	if len(e.Mentions) != 5 {
		t.Fatalf("%d mentions, want 5", len(e.Mentions))
	}
	// Earliest published first: the month-dated document, then by date.
	var order []string
	for _, m := range e.Mentions {
		order = append(order, fmt.Sprintf("%s/%d", m.Published, m.Position))
	}
	if got := strings.Join(order, " "); got != "2022-11/0 2022-11-15/0 2022-11-16/0 2022-11-16/2 2022-11-17/0" {
		t.Errorf("mention order = %s", got)
	}
	m := e.Mentions[1]
	wantEvent := meet.event(1)
	if m.EventID != e.ID || m.Site != "wire.example" || m.URL != "https://wire.example/article/0" || m.Title != "Report 0" ||
		m.SourceName != "Xi Jinping" || m.TargetName != "Yoon Suk-yeol" || !reflect.DeepEqual(m.Event, wantEvent) {
		t.Errorf("mention\n got %+v\nwant event %+v", m, wantEvent)
	}
	if want := len([]rune("Report number 0 from wire.example.\nParagraph 1 of report 0.")); m.DocLength != want {
		t.Errorf("doc length %d, want %d", m.DocLength, want)
	}
}

// eventState is everything the writer keeps about the corpus events.
func eventState(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.reader.Query(`SELECT ` + eventColumns + ` FROM events e ORDER BY e.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			t.Fatal(err)
		}
		face := *e
		face.Target, face.Location = nil, nil
		out = append(out, fmt.Sprintf("%+v %+v %+v", face, e.Target, e.Location))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// recountAll recounts every event from its mentions, as a rewrite does.
func recountAll(t *testing.T, s *Store) {
	t.Helper()
	err := s.write(context.Background(), func(w *writeTx) error {
		rows, err := w.tx.Query(`SELECT id FROM events`)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		w.markDirty(ids)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// inputID returns the input id of a stored path.
func inputID(t *testing.T, s *Store, path string) int64 {
	t.Helper()
	var id int64
	if err := s.reader.QueryRow(`SELECT id FROM inputs WHERE path = ?`, path).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestEventRewrite checks that what Put keeps incrementally is what a
// recount from the mentions gives, that rewriting documents unchanged
// (reprocess) keeps every event and count, and that rewriting or removing
// a document takes its mentions out of their events.
func TestEventRewrite(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	meet := ev{src: "CHNGOV", tgt: "KORGOV", cameo: "04", date: "2022-11-15"}
	items := []newsgraph.Item{
		eventDoc("wire.example", "2022-11-15", 0, meet),
		eventDoc("daily.example", "2022-11-16", 1, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-16", place: bali}),
		eventDoc("", "2022-11-16", 2, meet, ev{src: "PRK", cameo: "190", date: "2022-11-16"}),
		eventDoc("post.example", "2022", 3, ev{src: "PRK", cameo: "190", date: "2022"}),
		eventDoc("", "", 4, ev{src: "PRK", cameo: "190"}, ev{src: "PRK", cameo: "190"}),
		eventDoc("", "", 5, ev{src: "PRK", cameo: "190"}),
	}
	mustPut(t, s, items...)
	before := eventState(t, s)
	if len(before) != 6 {
		t.Fatalf("%d events, want 3:\n%s", len(before), strings.Join(before, "\n"))
	}
	recountAll(t, s)
	if after := eventState(t, s); !reflect.DeepEqual(after, before) {
		t.Fatalf("recount changed the events:\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}
	// A re-ingest stores nothing.
	mustPut(t, s, items...)
	if after := eventState(t, s); !reflect.DeepEqual(after, before) {
		t.Fatalf("re-ingest changed the events:\n%s", strings.Join(after, "\n"))
	}
	// Reprocess: every document rewritten unchanged, first to last.
	for i, it := range items {
		if err := s.Replace(ctx, inputID(t, s, fmt.Sprintf("r%d.txt", i)), newsgraph.Item{Doc: it.Doc}); err != nil {
			t.Fatal(err)
		}
	}
	if after := eventState(t, s); !reflect.DeepEqual(after, before) {
		t.Fatalf("reprocess changed the events:\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}

	// The first document rewritten without its event: the meeting has
	// the second's face (date, cameo, place, URL) and two mentions.
	bare := *items[0].Doc
	bare.Events = nil
	if err := s.Replace(ctx, inputID(t, s, "r0.txt"), newsgraph.Item{Doc: &bare}); err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events(ctx, newsgraph.EventQuery{Source: "CHN"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d meetings, want 1", len(evs))
	}
	e := evs[0]
	if e.NumMentions != 2 || e.NumSources != 2 || e.NumArticles != 2 || e.Date != "2022-11-16" || e.Cameo != "042" ||
		e.Location == nil || e.SourceURL != "https://daily.example/article/1" || e.FirstSeen != "2022-11-16" {
		t.Errorf("after rewrite: %+v", e)
	}
	got := eventState(t, s)
	recountAll(t, s)
	if after := eventState(t, s); !reflect.DeepEqual(after, got) {
		t.Fatalf("recount after rewrite changed the events:\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(got, "\n"))
	}

	// The only document of the year-dated event rewritten without it:
	// the event goes.
	bare = *items[3].Doc
	bare.Events = nil
	if err := s.Replace(ctx, inputID(t, s, "r3.txt"), newsgraph.Item{Doc: &bare}); err != nil {
		t.Fatal(err)
	}
	if evs, err := s.Events(ctx, newsgraph.EventQuery{From: "2000"}); err != nil || len(evs) != 2 {
		t.Errorf("after removing the year's event: %d dated events (%v), want 2", len(evs), err)
	}

	// A rewrite that changes the document (a new id) deletes the old one
	// and its mentions.
	changed := *items[2].Doc
	changed.ID, changed.Paragraphs = "", []string{"A different text.", "Paragraph 1.", "Paragraph 2."}
	changed.Events = changed.Events[1:]
	changed.Normalize()
	if err := s.Replace(ctx, inputID(t, s, "r2.txt"), newsgraph.Item{Doc: &changed}); err != nil {
		t.Fatal(err)
	}
	evs, err = s.Events(ctx, newsgraph.EventQuery{From: "2000"})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, e := range evs {
		counts[e.Source.Code] = e.NumMentions
	}
	if len(evs) != 2 || counts["CHNGOV"] != 1 || counts["PRK"] != 1 {
		t.Errorf("after a changed rewrite: %+v", evs)
	}
}

// TestEventsQuery checks every filter of Events.
func TestEventsQuery(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustPut(t, s,
		eventDoc("a.example", "2022-11-15", 0,
			ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali},
			ev{src: "PRK", cameo: "190", date: "2022-11-15"}),
		eventDoc("b.example", "2023-03-02", 1,
			ev{src: "KORGOV", tgt: "JPNGOV", cameo: "040", date: "2023-03-01"},
			ev{src: "JPNGOV", tgt: "CHNGOV", cameo: "111", date: "2023-03"}),
		eventDoc("c.example", "2021", 2,
			ev{src: "KORGOV", tgt: "CHNGOV", cameo: "030", date: "2021"},
			ev{src: "PRK", tgt: "KORGOV", cameo: "190"}),
	)
	var docB string
	if err := s.reader.QueryRow(`SELECT id FROM documents WHERE source_path = 'r1.txt'`).Scan(&docB); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		q    newsgraph.EventQuery
		want string // cameos in order
	}{
		{"all, newest first, undated last", newsgraph.EventQuery{}, "111 040 190 042 030 190"},
		{"actor prefix", newsgraph.EventQuery{Actor: "chn"}, "111 042 030"},
		{"actor code", newsgraph.EventQuery{Actor: "KORGOV"}, "040 042 030 190"},
		{"source", newsgraph.EventQuery{Source: "kor"}, "040 030"},
		{"target", newsgraph.EventQuery{Target: "KOR"}, "042 190"},
		{"source and target", newsgraph.EventQuery{Source: "PRK", Target: "KORGOV"}, "190"},
		{"pair", newsgraph.EventQuery{Pair: [2]string{"chn", "kor"}}, "042 030"},
		{"pair reversed", newsgraph.EventQuery{Pair: [2]string{"KOR", "CHN"}}, "042 030"},
		{"name", newsgraph.EventQuery{Name: "xi jinping"}, "111 042 030"},
		{"name of a source", newsgraph.EventQuery{Name: "North Korea"}, "190 190"},
		{"root", newsgraph.EventQuery{Root: "19"}, "190 190"},
		{"from a year", newsgraph.EventQuery{From: "2023"}, "111 040"},
		{"to a day", newsgraph.EventQuery{To: "2022-11-15"}, "190 042 030"},
		{"a month overlaps a year", newsgraph.EventQuery{From: "2021-06", To: "2021-06"}, "030"},
		{"a day inside a month", newsgraph.EventQuery{From: "2023-03-10", To: "2023-03-10"}, "111"},
		{"document", newsgraph.EventQuery{DocID: docB}, "111 040"},
		{"unknown document", newsgraph.EventQuery{DocID: "nope"}, ""},
		{"limit", newsgraph.EventQuery{Limit: 2}, "111 040"},
		{"offset", newsgraph.EventQuery{Limit: 2, Offset: 4}, "030 190"},
		{"nothing", newsgraph.EventQuery{Actor: "USA"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := s.Events(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.Cameo)
				if e.Mentions != nil {
					t.Errorf("mentions without asking: %+v", e.Mentions)
				}
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Events(%+v) = %q, want %q", tt.q, strings.Join(got, " "), tt.want)
			}
			// EachEvent streams the same events, in id order.
			n := 0
			var last int64
			err = s.EachEvent(ctx, tt.q, func(e *newsgraph.CorpusEvent) error {
				if e.ID <= last {
					t.Errorf("EachEvent: id %d after %d", e.ID, last)
				}
				last = e.ID
				n++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if tt.q.Limit == 0 && n != len(got) {
				t.Errorf("EachEvent: %d events, Events %d", n, len(got))
			}
		})
	}
	if _, err := s.Events(ctx, newsgraph.EventQuery{From: "2022-13"}); err == nil {
		t.Error("a bad date was accepted")
	}

	months, err := s.PairMonths(ctx, "kor", "CHN")
	if err != nil {
		t.Fatal(err)
	}
	// The year-dated event is left out.
	if want := []newsgraph.PairMonth{{Month: "2022-11", Events: 1, MeanGoldstein: 3}}; !reflect.DeepEqual(months, want) {
		t.Errorf("PairMonths(KOR, CHN) = %+v, want %+v", months, want)
	}
	months, err = s.PairMonths(ctx, "JPN", "KOR")
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 1 || months[0].Month != "2023-03" || months[0].Events != 1 {
		t.Errorf("PairMonths(JPN, KOR) = %+v", months)
	}
}

// TestPairMonthsMean checks the monthly count and mean over events in both
// directions.
func TestPairMonthsMean(t *testing.T) {
	s := openTest(t)
	mustPut(t, s,
		eventDoc("a.example", "2022-11-15", 0,
			ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"},  // goldstein 3
			ev{src: "KORGOV", tgt: "CHNGOV", cameo: "0431", date: "2022-11-20"}, // 4
			ev{src: "KORGOV", tgt: "CHNGOV", cameo: "04", date: "2022-12"},      // 2
			ev{src: "KORGOV", tgt: "JPNGOV", cameo: "04", date: "2022-12"}),     // other pair
	)
	months, err := s.PairMonths(context.Background(), "CHN", "KOR")
	if err != nil {
		t.Fatal(err)
	}
	want := []newsgraph.PairMonth{{Month: "2022-11", Events: 2, MeanGoldstein: 3.5}, {Month: "2022-12", Events: 1, MeanGoldstein: 2}}
	if !reflect.DeepEqual(months, want) {
		t.Errorf("PairMonths = %+v, want %+v", months, want)
	}
}

// TestEachEventMention streams more mentions than a page, across events
// with more mentions than a page, in (event, document, position) order.
func TestEachEventMention(t *testing.T) {
	s := openTest(t)
	var items []newsgraph.Item
	const docs = 300
	for i := range docs {
		items = append(items, eventDoc(fmt.Sprintf("s%d.example", i%7), "2022-11-15", i,
			ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"},
			ev{src: "PRK", cameo: "190", date: fmt.Sprintf("2022-%02d", 1+i%12)},
			ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", negated: true},
			ev{src: "CHNGOV", tgt: "KORGOV", cameo: "040", date: "2022-11-15"}))
	}
	mustPut(t, s, items...)
	type key struct {
		event int64
		doc   string
		pos   int
	}
	var got []key
	seq := map[string]int{}
	for i, it := range items {
		seq[it.Doc.ID] = i
	}
	err := s.EachEventMention(context.Background(), func(m *newsgraph.EventMention) error {
		got = append(got, key{m.EventID, m.DocID, m.Position})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3*docs {
		t.Fatalf("%d mentions streamed, want %d", len(got), 3*docs)
	}
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.event > b.event || a.event == b.event && (seq[a.doc] > seq[b.doc] || seq[a.doc] == seq[b.doc] && a.pos >= b.pos) {
			t.Fatalf("mention %d %+v after %+v", i, b, a)
		}
	}
	evs, err := s.Events(context.Background(), newsgraph.EventQuery{Source: "CHNGOV"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].NumMentions != 2*docs || evs[0].NumSources != 7 || evs[0].NumArticles != docs {
		t.Errorf("the meeting: %+v", evs)
	}
	stop := fmt.Errorf("stop")
	n := 0
	if err := s.EachEventMention(context.Background(), func(*newsgraph.EventMention) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("EachEventMention did not stop at fn's error: %v after %d", err, n)
	}
}

// TestEventRewriteJoins rewrites an earlier document in place with an
// event a later document reported first: the rewritten document comes
// first, so the event takes its face.
func TestEventRewriteJoins(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	early := eventDoc("wire.example", "2022-11-15", 0)
	mustPut(t, s, early, eventDoc("daily.example", "2022-11-16", 1, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "04", date: "2022-11-16"}))
	withEvent := eventDoc("wire.example", "2022-11-15", 0, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15", place: bali})
	withEvent.Doc.Paragraphs = early.Doc.Paragraphs // the same document, now with an event
	withEvent.Doc.ID = early.Doc.ID
	if err := s.Replace(ctx, inputID(t, s, "r0.txt"), newsgraph.Item{Doc: withEvent.Doc}); err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events(ctx, newsgraph.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1", len(evs))
	}
	if e := evs[0]; e.Date != "2022-11-15" || e.SourceURL != "https://wire.example/article/0" || e.NumMentions != 2 || e.Cameo != "042" || e.Location == nil {
		t.Errorf("event after the rewrite: %+v", e)
	}
	got := eventState(t, s)
	recountAll(t, s)
	if after := eventState(t, s); !reflect.DeepEqual(after, got) {
		t.Errorf("recount changed the events:\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(got, "\n"))
	}
}

// TestMigrationEvents upgrades a version-4 database, whose placeholder
// event_mentions table holds a row of the old shape: the tables are
// replaced, and reprocessing the document brings its event back.
func TestMigrationEvents(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	old := fstest.MapFS{}
	for _, name := range []string{"migrations/0001_init.sql", "migrations/0002_entity_mentions_inline.sql",
		"migrations/0003_actor_registry.sql", "migrations/0004_quotes.sql"} {
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		old[name] = &fstest.MapFile{Data: b}
	}
	s, err := openWith(ctx, path, old)
	if err != nil {
		t.Fatal(err)
	}
	it := eventDoc("wire.example", "2022-11-15", 0, ev{src: "CHNGOV", tgt: "KORGOV", cameo: "042", date: "2022-11-15"})
	bare := *it.Doc
	bare.Events = nil
	mustPut(t, s, newsgraph.Item{Input: it.Input, Doc: &bare})
	if _, err := s.writer.Exec(`INSERT INTO event_mentions(doc_id, position, source_code, source_country, cameo, root, quad_class,
		goldstein, plover, evidence_paragraph, evidence_sentence, evidence_start, evidence_end, evidence_text, negated, confidence)
		VALUES (?, 0, 'CHNGOV', 'CHN', '042', '04', 1, 1.9, 'CONSULT', 0, 0, 0, 5, 'Xi met', 0, 0.7)`, bare.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if evs, err := s.Events(ctx, newsgraph.EventQuery{}); err != nil || len(evs) != 0 {
		t.Fatalf("events after the migration: %v %v", evs, err)
	}
	if err := s.Replace(ctx, inputID(t, s, "r0.txt"), newsgraph.Item{Doc: it.Doc}); err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events(ctx, newsgraph.EventQuery{})
	if err != nil || len(evs) != 1 || evs[0].NumMentions != 1 || evs[0].Source.Name != "Xi Jinping" {
		t.Errorf("events after reprocessing: %+v %v", evs, err)
	}
}
