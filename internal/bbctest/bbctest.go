// Package bbctest gives the stages' benchmarks and corpus tests the BBC
// News corpus (../shared/data, research use only, never committed) as
// documents: one article per file, its first line the title, the rest
// paragraphs, all dated 2005-03-15 at day precision.
package bbctest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// Dir is the corpus seen from a package directory.
const Dir = "../../shared/data/corpus/bbc-fulltext/bbc"

// Published returns the publication date every document gets.
func Published() newsgraph.Published {
	return newsgraph.Published{Date: "2005-03-15", Precision: newsgraph.PrecisionDay}
}

// Documents reads the corpus (skipping the test or benchmark when it is
// absent) and runs stages on every document in order.
func Documents(tb testing.TB, stages ...newsgraph.Stage) []*newsgraph.Document {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(Dir, "*", "*.txt"))
	if len(files) == 0 {
		tb.Skipf("the BBC corpus is absent (%s)", Dir)
	}
	ctx := context.Background()
	docs := make([]*newsgraph.Document, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		lines := strings.Split(string(raw), "\n")
		var paras []string
		for _, l := range lines[1:] {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
		title := strings.TrimSpace(lines[0])
		d := &newsgraph.Document{Title: &title, Paragraphs: paras, Published: Published()}
		for _, s := range stages {
			if err := s.Annotate(ctx, d); err != nil {
				tb.Fatalf("%s: stage %s: %v", f, s.Name(), err)
			}
		}
		docs = append(docs, d)
	}
	return docs
}
