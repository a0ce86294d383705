package quote

import (
	"context"
	"github.com/newsgraph/newsgraph/internal/bbctest"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/ner"
)

// BenchmarkStage runs the quote stage alone on the BBC corpus (2,225
// records), after the entity and actor stages ran outside the timer, as
// in the pipeline (their tokens and sentences are in each document's
// scratch). It reports records/s, µs per record of wall time and of CPU
// time, and the quotes found per record.
func BenchmarkStage(b *testing.B) {
	docs := bbctest.Documents(b, ner.NewStage(nil), actor.NewStage(nil, actor.Options{}))
	s := NewStage()
	ctx := context.Background()
	quotes := 0
	b.ResetTimer()
	cpu0 := cputime.Process()
	start := time.Now()
	for n := 0; n < b.N; n++ {
		quotes = 0
		for _, d := range docs {
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
			quotes += len(d.Quotes)
		}
	}
	wall := time.Since(start)
	cpu := cputime.Process() - cpu0
	b.StopTimer()
	records := float64(b.N * len(docs))
	b.ReportMetric(records/wall.Seconds(), "records/s")
	b.ReportMetric(float64(wall.Microseconds())/records, "µs/record")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/records, "cpu-µs/record")
	}
	b.ReportMetric(float64(quotes)/float64(len(docs)), "quotes/record")
}
