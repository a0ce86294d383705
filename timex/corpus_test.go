package timex

import (
	"github.com/newsgraph/newsgraph/internal/bbctest"
	"regexp"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestBBCCorpus runs the stage over the BBC corpus (when present) and
// checks that every expression slices its paragraph and has a value of
// its kind's form; it logs how many of each kind were found.
func TestBBCCorpus(t *testing.T) {
	docs := bbctest.Documents(t)
	counts := map[string]int{}
	valued := 0
	for _, d := range docs {
		if err := NewStage().Annotate(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, x := range d.Times {
			r := []rune(d.Paragraphs[x.Paragraph])
			if x.Start < 0 || x.Start >= x.End || x.End > len(r) || string(r[x.Start:x.End]) != x.Text {
				t.Fatalf("%+v does not slice its paragraph", x)
			}
			checkValue(t, Kind(x.Kind), x.Value)
			counts[x.Kind]++
			if x.Value != nil {
				valued++
			}
		}
	}
	total := counts["date"] + counts["duration"] + counts["set"]
	t.Logf("%d documents: %d expressions (%d dates, %d durations, %d sets), %d with a value",
		len(docs), total, counts["date"], counts["duration"], counts["set"], valued)
	if total < 5*len(docs)/2 {
		t.Errorf("only %d expressions in %d documents", total, len(docs))
	}
}

// TestBBCPrecision checks on the corpus that a month-precise publication
// date never yields a value for weekdays and relative days or weeks
// ("Tuesday", "yesterday", "last week"), which would be a guess.
func TestBBCPrecision(t *testing.T) {
	docs := bbctest.Documents(t)
	deictic := regexp.MustCompile(`(?i)^(last |next |this |early |late )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|week|weekend)( morning| afternoon| evening| night)?$|(?i)^(last|this|next) (week|weekend|night)$`)
	n := 0
	for _, d := range docs[:min(len(docs), 500)] {
		d.Published = newsgraph.Published{Date: "2005-03", Precision: newsgraph.PrecisionMonth}
		if err := NewStage().Annotate(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, x := range d.Times {
			if !deictic.MatchString(x.Text) {
				continue
			}
			n++
			if x.Value != nil {
				t.Errorf("%q = %s with a month-precise date: a guess", x.Text, *x.Value)
			}
		}
	}
	if n == 0 {
		t.Errorf("no weekday or relative day in the corpus sample")
	}
}
