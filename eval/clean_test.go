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
	checkFloors(t, "tuning set", rep, floors{title: 0.90, boilerplateF1: 0.96, article: 0.95, date: 0.95, language: 0.95})
}

// floors are the lowest accepted figures of a cleaning evaluation.
type floors struct{ title, boilerplateF1, article, date, language float64 }

func checkFloors(t *testing.T, set string, rep *CleanReport, f floors) {
	t.Helper()
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"title accuracy", rep.Title.Rate(), f.title},
		{"boilerplate F1", rep.Boilerplate.F1(), f.boilerplateF1},
		{"non-article accuracy", rep.Article.Rate(), f.article},
		{"date accuracy", rep.Date.Rate(), f.date},
		{"language accuracy", rep.Language.Rate(), f.language},
	} {
		if c.got < c.floor {
			t.Errorf("%s: %s %.3f fell below %.2f", set, c.name, c.got, c.floor)
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
	checkFloors(t, "held-out set", rep, floors{title: 0.75, boilerplateF1: 0.95, article: 0.93, date: 0.93, language: 0.95})
}
