package timex

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-dateparser"
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// bbcDir holds the BBC full-text corpus: one article per file, the title
// on the first line, then paragraphs.
const bbcDir = "../../shared/data/corpus/bbc-fulltext/bbc"

// bbcPublished is the fixed publication day the benchmark resolves against.
var bbcPublished = newsgraph.Published{Date: "2005-03-15", Precision: newsgraph.PrecisionDay}

// loadBBC reads the corpus as documents, or skips.
func loadBBC(tb testing.TB) []*newsgraph.Document {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		tb.Skipf("the BBC corpus is absent (%s)", bbcDir)
	}
	docs := make([]*newsgraph.Document, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		var paras []string
		for _, l := range lines[1:] {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
		title := strings.TrimSpace(lines[0])
		docs = append(docs, &newsgraph.Document{Title: &title, Paragraphs: paras, Published: bbcPublished})
	}
	return docs
}

// BenchmarkStage runs the stage on the BBC corpus as the pipeline does:
// the tokens and sentences are already in the document's scratch (the
// entity tagger left them there). It reports µs per document.
func BenchmarkStage(b *testing.B) {
	docs := loadBBC(b)
	words := 0
	for _, d := range docs {
		d.Scratch = map[string]any{text.ScratchKey: text.Analyze(d.Paragraphs)}
		for _, p := range d.Paragraphs {
			words += len(strings.Fields(p))
		}
	}
	s := NewStage()
	ctx := context.Background()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
	b.ReportMetric(float64(words)/float64(len(docs)), "words/doc")
}

// BenchmarkStageCold is BenchmarkStage without the shared analysis: the
// stage tokenizes and splits every paragraph itself.
func BenchmarkStageCold(b *testing.B) {
	docs := loadBBC(b)
	s := NewStage()
	ctx := context.Background()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			d.Scratch = nil
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
}

// BenchmarkResolve normalises one explicit date with this package.
func BenchmarkResolve(b *testing.B) {
	for b.Loop() {
		if r := Resolve("15 November 2022", pubDay, TenseUnknown); r.Value != "2022-11-15" {
			b.Fatal(r)
		}
	}
}

// BenchmarkDateparser normalises the same date with go-dateparser, for
// comparison (it is what the package doc's measurement refers to).
func BenchmarkDateparser(b *testing.B) {
	cfg := &dateparser.Configuration{CurrentTime: time.Date(2022, 11, 16, 0, 0, 0, 0, time.UTC), Languages: []string{"en"}}
	for b.Loop() {
		d, err := dateparser.Parse(cfg, "15 November 2022")
		if err != nil || d.Time.Day() != 15 {
			b.Fatal(d, err)
		}
	}
}
