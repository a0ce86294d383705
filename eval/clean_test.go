package eval

import (
	"context"
	"io"
	"testing"

	"github.com/newsgraph/newsgraph/clean"
)

// TestCleanAccuracy runs the cleaning evaluation on the labelled crawl
// records and guards the figures against regressions. The floors sit a
// little under the measured values (see the README) so that a change that
// loses accuracy fails here.
func TestCleanAccuracy(t *testing.T) {
	rep, err := Clean(context.Background(), clean.NewExtractor(), "../testdata/cleaneval", io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records < 60 {
		t.Errorf("only %d labelled records", rep.Records)
	}
	checks := []struct {
		name  string
		got   float64
		floor float64
	}{
		{"title accuracy", rep.Title.Rate(), 0.90},
		{"boilerplate F1", rep.Boilerplate.F1(), 0.96},
		{"non-article accuracy", rep.Article.Rate(), 0.95},
		{"date accuracy", rep.Date.Rate(), 0.95},
		{"language accuracy", rep.Language.Rate(), 0.95},
	}
	for _, c := range checks {
		if c.got < c.floor {
			t.Errorf("%s %.3f fell below %.2f", c.name, c.got, c.floor)
		}
	}
}

// TestCleanHoldout runs the same evaluation on the held-out records, which
// were written apart from the tuning set; floors guard against regressions.
func TestCleanHoldout(t *testing.T) {
	rep, err := Clean(context.Background(), clean.NewExtractor(), "../testdata/cleaneval_holdout", io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		got   float64
		floor float64
	}{
		{"title accuracy", rep.Title.Rate(), 0.75},
		{"boilerplate F1", rep.Boilerplate.F1(), 0.95},
		{"non-article accuracy", rep.Article.Rate(), 0.93},
		{"date accuracy", rep.Date.Rate(), 0.93},
	} {
		if c.got < c.floor {
			t.Errorf("held-out %s %.3f fell below %.2f", c.name, c.got, c.floor)
		}
	}
}
