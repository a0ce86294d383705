// Package seedtest gives the packages' tests the seed record — the crawled
// page the project was briefed with — cleaned and run through stages, so
// that every stage's seed test starts from the same document.
package seedtest

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/clean"
)

// Path is the seed record seen from a package directory.
const Path = "../../shared/seeds/000_5150d573eb016490.txt"

// Document reads the seed record (skipping the test when ../shared is
// absent), cleans it and runs stages on it in order.
func Document(tb testing.TB, stages ...newsgraph.Stage) *newsgraph.Document {
	tb.Helper()
	data, err := os.ReadFile(Path)
	if err != nil {
		tb.Skipf("the seed record is absent (it lives in ../shared): %v", err)
	}
	ctx := context.Background()
	doc, err := clean.NewExtractor().Extract(ctx, &newsgraph.Input{Path: "seed.txt", Format: newsgraph.FormatTextRecord, Data: data})
	if err != nil {
		tb.Fatalf("clean the seed: %v", err)
	}
	for _, s := range stages {
		if err := s.Annotate(ctx, doc); err != nil {
			tb.Fatalf("stage %s on the seed: %v", s.Name(), err)
		}
	}
	return doc
}
