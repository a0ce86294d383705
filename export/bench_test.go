package export

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

// BenchmarkExport measures each format's throughput on generated events
// (gdelt-mentions: two mentions an event, without documents), reported as
// events/s; one op is an export of 20,000 events.
func BenchmarkExport(b *testing.B) {
	const events = 20_000
	// The generator alone, the floor under every format's figure.
	b.Run("generator", func(b *testing.B) {
		r := &genReader{n: events}
		start := time.Now()
		for b.Loop() {
			if err := r.EachEvent(context.Background(), newsgraph.EventQuery{}, func(*newsgraph.CorpusEvent) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(events*b.N)/time.Since(start).Seconds(), "events/s")
	})
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			r := &genReader{n: events}
			opts := Options{CountryName: testCountryName}
			w := &countingWriter{}
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				if _, err := Write(context.Background(), w, format, r, newsgraph.EventQuery{}, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(events*b.N)/time.Since(start).Seconds(), "events/s")
			b.ReportMetric(float64(w.n)/float64(events*b.N), "B/event")
		})
	}
	// gdelt-mentions reading its documents: one new document every three
	// events (each of seven paragraphs, 2,400 code points) is split into
	// sentences.
	b.Run(FormatGDELTMentions+"+documents", func(b *testing.B) {
		r := &genDocReader{genReader: &genReader{n: events}}
		opts := Options{CountryName: testCountryName, Documents: r}
		start := time.Now()
		for b.Loop() {
			if _, err := Write(context.Background(), &countingWriter{}, FormatGDELTMentions, r, newsgraph.EventQuery{}, opts); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(events*b.N)/time.Since(start).Seconds(), "events/s")
		b.ReportMetric(float64(r.reads)/float64(events*b.N), "docs/event")
	})
}

// genDocReader serves the same made-up document under every ID.
type genDocReader struct {
	*genReader
	reads int
}

func (g *genDocReader) Document(_ context.Context, id string) (*newsgraph.Document, error) {
	g.reads++
	para := strings.Repeat("Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali on Tuesday. ", 3)
	doc := &newsgraph.Document{ID: id}
	for range 7 {
		doc.Paragraphs = append(doc.Paragraphs, para)
	}
	return doc, nil
}
