package event

import (
	"context"
	"github.com/newsgraph/newsgraph/internal/bbctest"
	"testing"
)

// BenchmarkStage runs the event stage alone on the BBC corpus (2,225
// records), after the entity, time, actor, place and quote stages ran
// outside the timer, and reports µs per record.
func BenchmarkStage(b *testing.B) {
	ss := stages()
	before, event := ss[:len(ss)-1], ss[len(ss)-1]
	docs := bbctest.Documents(b, before...)
	ctx := context.Background()
	events := 0
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		events = 0
		for _, d := range docs {
			if err := event.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
			events += len(d.Events)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/record")
	b.ReportMetric(float64(events)/float64(len(docs)), "events/record")
}
