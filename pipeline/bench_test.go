package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/event"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/sqlite"
	"github.com/newsgraph/newsgraph/timex"
)

// benchIngest ingests paths into a fresh SQLite database per iteration, on
// all cores, and reports inputs stored per second of wall time and per
// second of CPU time (steadier on a shared machine).
//
// The collector runs at GOGC=400 as in the newsgraph command (see
// cmd/newsgraph), so the figure is what a user gets.
func benchIngest(b *testing.B, paths []string, stages ...newsgraph.Stage) {
	b.Helper()
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	ex := clean.NewExtractor()
	total := 0
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i))
		st, err := sqlite.Open(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu0 := cputime.Process()
		sum, err := Ingest(context.Background(), &source.Reader{}, paths, ex, st, Options{Stages: stages})
		if err != nil {
			b.Fatal(err)
		}
		cpu += cputime.Process() - cpu0
		b.StopTimer()
		if sum.New == 0 {
			b.Fatalf("nothing stored: %s", sum)
		}
		total += sum.Read
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "inputs/s")
	if cpu > 0 {
		b.ReportMetric(float64(total)/cpu.Seconds(), "inputs/cpu-s")
	}
}

// bbcCorpus returns the BBC corpus directory, skipping the benchmark when
// it is absent.
func bbcCorpus(b *testing.B) string {
	b.Helper()
	dir := "../../shared/data/corpus/bbc-fulltext/bbc"
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("%s is absent: %v", dir, err)
	}
	return dir
}

// models loads the embedded tagger and knowledge base outside the timer.
func models(b *testing.B) *kb.KB {
	b.Helper()
	if _, err := ner.Default(); err != nil {
		b.Fatal(err)
	}
	k, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	return k
}

// BenchmarkIngestBBC ingests the 2,225 BBC News texts as crawl records into
// SQLite with the full-text index.
func BenchmarkIngestBBC(b *testing.B) {
	benchIngest(b, []string{bbcCorpus(b)})
}

// BenchmarkIngestHTML ingests the HTML pages of the trafilatura and htmldate
// evaluation sets.
func BenchmarkIngestHTML(b *testing.B) {
	var paths []string
	for _, d := range []string{"../../shared/data/html/trafilatura/cache", "../../shared/data/html/htmldate/pages"} {
		if _, err := os.Stat(d); err == nil {
			paths = append(paths, d)
		}
	}
	if len(paths) == 0 {
		b.Skip("../shared/data/html is absent")
	}
	benchIngest(b, paths)
}

// BenchmarkIngestBBCWithNER is BenchmarkIngestBBC with the named-entity
// stage (tokenizer, sentence splitter, tagger, mention grouping).
func BenchmarkIngestBBCWithNER(b *testing.B) {
	dir := bbcCorpus(b)
	models(b)
	benchIngest(b, []string{dir}, ner.NewStage(nil))
}

// BenchmarkIngestBBCWithActors is BenchmarkIngestBBCWithNER with the actor
// and geocoding stages after the tagger (knowledge base, coreference,
// group nouns, places). The actors issue's budget: at most 25% more time
// per record than with NER alone.
func BenchmarkIngestBBCWithActors(b *testing.B) {
	dir := bbcCorpus(b)
	k := models(b)
	benchIngest(b, []string{dir}, ner.NewStage(nil), actor.NewStage(k, actor.Options{}), geo.NewStage(k))
}

// BenchmarkIngestBBCQuotes adds the quote stage (and the storing of quotes
// in their cross-outlet groups) to BenchmarkIngestBBCWithActors: the quote
// issue's budget (at most 20% more time per record).
func BenchmarkIngestBBCQuotes(b *testing.B) {
	dir := bbcCorpus(b)
	k := models(b)
	benchIngest(b, []string{dir}, ner.NewStage(nil), actor.NewStage(k, actor.Options{}), geo.NewStage(k), quote.NewStage())
}

// BenchmarkIngestBBCFull is the ingest `newsgraph ingest` runs: tagger,
// time expressions, actors, places, quotes and events (the events issue's
// target: at least 1,000 crawl records/s on 2 cores).
func BenchmarkIngestBBCFull(b *testing.B) {
	dir := bbcCorpus(b)
	k := models(b)
	benchIngest(b, []string{dir}, ner.NewStage(nil), timex.NewStage(), actor.NewStage(k, actor.Options{}), geo.NewStage(k), quote.NewStage(), event.NewStage())
}
