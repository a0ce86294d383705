package actor

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
)

// bbcDir is the BBC News corpus the pipeline benchmarks ingest.
const bbcDir = "../../shared/data/corpus/bbc-fulltext/bbc"

// bbcDocs reads up to n BBC articles (paragraphs are the non-empty lines
// after the title) and tags them, so that the benchmarks time the actor
// and geocoding stages alone.
func bbcDocs(b *testing.B, n int) []*newsgraph.Document {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("the BBC corpus is absent (%s): %v", bbcDir, err)
	}
	if len(files) > n {
		files = files[:n]
	}
	tagger := ner.NewStage(nil)
	var docs []*newsgraph.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var paras []string
		for i, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); i > 0 && line != "" {
				paras = append(paras, line)
			}
		}
		d := &newsgraph.Document{Paragraphs: paras}
		d.Published.Date = "2005"
		if err := tagger.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// freshEntities gives every document a copy of its tagged entities, as the
// tagger left them.
func freshEntities(docs []*newsgraph.Document, tagged [][]newsgraph.Entity) {
	for i, d := range docs {
		d.Entities = make([]newsgraph.Entity, len(tagged[i]))
		for j, e := range tagged[i] {
			e.Mentions = append([]newsgraph.Mention(nil), e.Mentions...)
			d.Entities[j] = e
		}
	}
}

// taggedBBC returns 1,000 tagged BBC articles with a copy of each one's
// entities as the tagger left them (for freshEntities).
func taggedBBC(b *testing.B) ([]*newsgraph.Document, [][]newsgraph.Entity) {
	docs := bbcDocs(b, 1000)
	tagged := make([][]newsgraph.Entity, len(docs))
	for i, d := range docs {
		tagged[i] = d.Entities
	}
	return docs, tagged
}

// benchStages times stages over the tagged BBC articles, a fresh set of
// stages per iteration (made by stages, outside the timer) as one ingest
// run has: the stages' caches start empty and their indexes are built in
// the timed loop. It reports microseconds per document.
func benchStages(b *testing.B, stages func() []newsgraph.Stage) {
	docs, tagged := taggedBBC(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		freshEntities(docs, tagged)
		st := stages()
		b.StartTimer()
		for _, d := range docs {
			for _, s := range st {
				if err := s.Annotate(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
}

// BenchmarkActorBBC is the actor stage on 1,000 tagged BBC articles.
func BenchmarkActorBBC(b *testing.B) {
	k := embeddedB(b)
	benchStages(b, func() []newsgraph.Stage { return []newsgraph.Stage{NewStage(k, Options{})} })
}

// BenchmarkActorBBCWarm is BenchmarkActorBBC with one stage for all the
// iterations: its caches warm (the steady state of a long run).
func BenchmarkActorBBCWarm(b *testing.B) {
	st := []newsgraph.Stage{NewStage(embeddedB(b), Options{})}
	benchStages(b, func() []newsgraph.Stage { return st })
}

// BenchmarkActorBBCParallel is BenchmarkActorBBC with two goroutines
// sharing the stage, as ingest's workers do: each codes every other
// article. It reports microseconds of wall time per document.
func BenchmarkActorBBCParallel(b *testing.B) {
	k := embeddedB(b)
	docs, tagged := taggedBBC(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		freshEntities(docs, tagged)
		st := NewStage(k, Options{})
		b.StartTimer()
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for w := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(docs) && errs[w] == nil; i += 2 {
					errs[w] = st.Annotate(ctx, docs[i])
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
}

// BenchmarkActorGeoBBC is the actor and geocoding stages, as ingest runs
// them, on 1,000 tagged BBC articles.
func BenchmarkActorGeoBBC(b *testing.B) {
	k := embeddedB(b)
	benchStages(b, func() []newsgraph.Stage { return []newsgraph.Stage{NewStage(k, Options{}), geo.NewStage(k)} })
}

func embeddedB(b *testing.B) *kb.KB {
	b.Helper()
	k, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	return k
}
