package timex

import (
	"context"
	"github.com/newsgraph/newsgraph/internal/bbctest"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-dateparser"
	"github.com/newsgraph/newsgraph/text"
)

// BenchmarkStage runs the stage on the BBC corpus as the pipeline does:
// the tokens and sentences are already in the document's scratch (the
// entity tagger left them there). It reports µs per document.
func BenchmarkStage(b *testing.B) {
	docs := bbctest.Documents(b)
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
	docs := bbctest.Documents(b)
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
