package quote

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/ner"
)

// bbcDir holds the BBC full-text corpus: one article per file, the title
// on the first line, then paragraphs.
const bbcDir = "../../shared/data/corpus/bbc-fulltext/bbc"

// loadBBC reads the corpus as documents and runs the entity and actor
// stages on them (the quote stage's input), or skips.
func loadBBC(b *testing.B) []*newsgraph.Document {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		b.Skipf("the BBC corpus is absent (%s)", bbcDir)
	}
	ctx := context.Background()
	nerStage, actorStage := ner.NewStage(nil), actor.NewStage(nil, actor.Options{})
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
		if err := nerStage.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
		if err := actorStage.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkStage runs the quote stage alone on the BBC corpus (2,225
// records), after the entity and actor stages ran outside the timer, as
// in the pipeline (their tokens and sentences are in each document's
// scratch). It reports records/s, µs per record of wall time and of CPU
// time, and the quotes found per record.
func BenchmarkStage(b *testing.B) {
	docs := loadBBC(b)
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
