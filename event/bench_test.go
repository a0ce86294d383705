package event

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// bbcDir holds the BBC full-text corpus: one article per file, the title
// on the first line, then paragraphs.
const bbcDir = "../../shared/data/corpus/bbc-fulltext/bbc"

// BenchmarkStage runs the event stage alone on the BBC corpus (2,225
// records), after the entity, time, actor, place and quote stages ran
// outside the timer, and reports µs per record.
func BenchmarkStage(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		b.Skipf("the BBC corpus is absent (%s)", bbcDir)
	}
	ctx := context.Background()
	ss := stages()
	before, event := ss[:len(ss)-1], ss[len(ss)-1]
	docs := make([]*newsgraph.Document, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(string(raw), "\n")
		var paras []string
		for _, l := range lines[1:] {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
		title := strings.TrimSpace(lines[0])
		d := &newsgraph.Document{Title: &title, Paragraphs: paras, Published: newsgraph.Published{Date: "2005-03-15", Precision: newsgraph.PrecisionDay}}
		if err := runAll(before)(ctx, d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
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
