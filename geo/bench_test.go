package geo_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
)

// bbcDir is the BBC News corpus the pipeline benchmarks ingest.
const bbcDir = "../../shared/data/corpus/bbc-fulltext/bbc"

// bbcDocs reads up to n BBC articles (paragraphs are the non-empty lines
// after the title), tags them and codes their actors, as ingest does
// before geocoding, so that the benchmark times the geocoder alone.
func bbcDocs(b *testing.B, k *kb.KB, n int) []*newsgraph.Document {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("the BBC corpus is absent (%s): %v", bbcDir, err)
	}
	if len(files) > n {
		files = files[:n]
	}
	ctx := context.Background()
	tagger, actors := ner.NewStage(nil), actor.NewStage(k, actor.Options{})
	docs := make([]*newsgraph.Document, 0, len(files))
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
		for _, s := range []newsgraph.Stage{tagger, actors} {
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkGeoBBC is the geocoding stage alone on 1,000 tagged BBC
// articles whose actors are coded. It reports microseconds per document.
func BenchmarkGeoBBC(b *testing.B) {
	k, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := bbcDocs(b, k, 1000)
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
