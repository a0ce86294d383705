package geo_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/internal/bbctest"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
)

// BenchmarkGeoBBC is the geocoding stage alone on the tagged BBC articles
// whose actors are coded, as ingest runs it. It reports microseconds per
// document.
func BenchmarkGeoBBC(b *testing.B) {
	k, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := bbctest.Documents(b, ner.NewStage(nil), actor.NewStage(k, actor.Options{}))
	s := geo.NewStage(k)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
}
