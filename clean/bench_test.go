package clean

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// loadBBC reads the BBC News texts (first line the title) as crawl records.
func loadBBC(tb testing.TB) [][]byte {
	tb.Helper()
	files, _ := filepath.Glob("../../shared/data/corpus/bbc-fulltext/bbc/*/*.txt")
	if len(files) == 0 {
		tb.Skip("../shared/data/corpus/bbc-fulltext is absent; the benchmark needs it")
	}
	var recs [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		recs = append(recs, b)
	}
	return recs
}

// BenchmarkCleanRecord measures the crawl-record cleaner alone (no I/O, no
// language detection) on the BBC texts, in parallel on all cores; records/s
// is reported.
func BenchmarkCleanRecord(b *testing.B) {
	recs := loadBBC(b)
	c := New()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.CleanRecord(string(recs[i%len(recs)]), newsgraph.Source{})
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
