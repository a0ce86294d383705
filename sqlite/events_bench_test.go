package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

// benchCameos are the codes of the benchmark's events.
var benchCameos = []string{"010", "020", "036", "040", "042", "043", "051", "057", "061", "111", "112", "130", "173", "190"}

// BenchmarkPutEvents stores batches of 250 synthetic documents with ten
// entities (six coded actors, as BenchmarkPutActors) and, for events=3,
// three coded events each between those actors, dated on or about the
// publication day, a third of them located: the writer stores the
// mentions and merges them into corpus events. events=0 is the same
// documents without events: the difference is the events' cost.
func BenchmarkPutEvents(b *testing.B) {
	for _, events := range []int{0, 3} {
		b.Run(fmt.Sprintf("events=%d", events), func(b *testing.B) {
			syn := newSynth(2, 20000)
			pool := newActorPool(3, 3000)
			putBench(b, openTest(b), func(n int) newsgraph.Item {
				it := syn.item(n)
				for i := range 10 {
					e := pool.entity(i)
					if i >= 6 {
						e.Actor = nil
						e.Type = "GPE"
					}
					it.Doc.Entities = append(it.Doc.Entities, e)
				}
				for i := range events {
					it.Doc.Events = append(it.Doc.Events, benchEvent(syn, it.Doc, i))
				}
				return it
			})
		})
	}
}

// benchEvent returns the i-th event of a synthetic document.
func benchEvent(syn *synth, d *newsgraph.Document, i int) newsgraph.Event {
	src := &d.Entities[syn.rng.IntN(6)]
	tgt := &d.Entities[syn.rng.IntN(6)]
	cameo := benchCameos[syn.rng.IntN(len(benchCameos))]
	e := newsgraph.Event{
		Source: newsgraph.EventActor{Entity: &src.ID, Code: src.Actor.Code, Country: src.Actor.Country},
		Cameo:  cameo, Root: cameo[:2], QuadClass: 1, Goldstein: 2.5, Plover: "CONSULT",
		Evidence:   newsgraph.Evidence{Paragraph: i, Sentence: 0, Start: 0, End: len([]rune(d.Paragraphs[i])), Text: d.Paragraphs[i]},
		Confidence: 0.7,
	}
	if syn.rng.IntN(4) > 0 {
		e.Target = &newsgraph.EventActor{Entity: &tgt.ID, Code: tgt.Actor.Code, Country: tgt.Actor.Country}
	}
	if date := d.Published.Date; date != "" {
		prec := string(d.Published.Precision)
		if t, err := time.Parse(time.DateOnly, date); err == nil {
			date = t.AddDate(0, 0, -syn.rng.IntN(2)).Format(time.DateOnly)
		}
		e.Date, e.DatePrecision = &date, &prec
	}
	if syn.rng.IntN(3) == 0 {
		e.Location = &newsgraph.Place{Name: "Bali", Country: "IDN", Precision: "admin1", GeonamesID: 1650535 + syn.rng.IntN(3)}
	}
	if syn.rng.IntN(20) == 0 {
		e.Negated = true
	}
	return e
}

// BenchmarkEventsRead measures the event queries on a store of 20,000
// synthetic documents with three events each (built outside the timer)
// and reports p50 and p95 latency per kind of query.
func BenchmarkEventsRead(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	syn := newSynth(2, 20000)
	pool := newActorPool(3, 3000)
	const docs, batch = 20_000, 500
	for n := 0; n < docs; {
		items := make([]newsgraph.Item, 0, batch)
		for range batch {
			it := syn.item(n)
			for i := range 6 {
				it.Doc.Entities = append(it.Doc.Entities, pool.entity(i))
			}
			for i := range 3 {
				it.Doc.Events = append(it.Doc.Events, benchEvent(syn, it.Doc, i))
			}
			items = append(items, it)
			n++
		}
		if _, err := s.Put(ctx, items); err != nil {
			b.Fatal(err)
		}
	}
	var events, mentions int
	if err := s.reader.QueryRow(`SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_mentions)`).Scan(&events, &mentions); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d documents, %d events, %d mentions", docs, events, mentions)
	queries := []struct {
		kind string
		q    newsgraph.EventQuery
	}{
		{"newest", newsgraph.EventQuery{}},
		{"newest+mentions", newsgraph.EventQuery{Mentions: true}},
		{"actor", newsgraph.EventQuery{Actor: "CHN"}},
		{"source+target", newsgraph.EventQuery{Source: "KORGOV", Target: "CHN"}},
		{"pair", newsgraph.EventQuery{Pair: [2]string{"CHN", "KOR"}}},
		{"name", newsgraph.EventQuery{Name: "Actor Number7"}},
		{"root+dates", newsgraph.EventQuery{Root: "04", From: "2020-03", To: "2020-06"}},
		{"page-20", newsgraph.EventQuery{Offset: 1000}},
	}
	byKind := map[string][]time.Duration{}
	b.ResetTimer()
	for range b.N {
		for _, q := range queries {
			start := time.Now()
			if _, err := s.Events(ctx, q.q); err != nil {
				b.Fatal(err)
			}
			byKind[q.kind] = append(byKind[q.kind], time.Since(start))
		}
		start := time.Now()
		if _, err := s.PairMonths(ctx, "CHN", "KOR"); err != nil {
			b.Fatal(err)
		}
		byKind["pair-months"] = append(byKind["pair-months"], time.Since(start))
	}
	b.StopTimer()
	for k, ds := range byKind {
		b.ReportMetric(pct(ds, 95), k+"-p95-ms")
	}
}
