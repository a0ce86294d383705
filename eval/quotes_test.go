package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/quote"
)

const polnearDev = "../../shared/data/polnear/dev"

// TestQuotes runs the PolNeAR dev evaluation and holds regression floors a
// little under today's figures (overlap P 0.970 R 0.764 F1 0.855, exact F1
// 0.515, speaker accuracy 0.961 over the statements given a speaker, a
// speaker for 0.754 of them). The
// issue's targets are content F1 0.80 and speaker accuracy 0.90; the test
// logs where the figures stand against them.
func TestQuotes(t *testing.T) {
	if _, err := os.Stat(polnearDev); err != nil {
		t.Skipf("PolNeAR dev split not present (../shared/data/polnear/dev): %v", err)
	}
	nerStage, actorStage, quoteStage := ner.NewStage(nil), actor.NewStage(nil, actor.Options{}), quote.NewStage()
	stages := func(ctx context.Context, d *newsgraph.Document) error {
		for _, st := range []newsgraph.Stage{nerStage, actorStage, quoteStage} {
			if err := st.Annotate(ctx, d); err != nil {
				return err
			}
		}
		return nil
	}
	var out strings.Builder
	rep, err := Quotes(context.Background(), stages, polnearDev, &out, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if rep.Gold < 1000 {
		t.Fatalf("only %d gold statements: is the dev split complete?", rep.Gold)
	}
	floors := []struct {
		name       string
		got, floor float64
		target     float64
	}{
		{"content F1 (overlap)", rep.Overlap.F1(), 0.83, 0.80},
		{"content precision (overlap)", rep.Overlap.Precision(), 0.95, 0},
		{"content recall (overlap)", rep.Overlap.Recall(), 0.74, 0},
		{"content F1 (exact)", rep.Exact.F1(), 0.49, 0},
		{"speaker accuracy (speakers given)", rep.SpeakerAccuracy(), 0.95, 0.90},
		{"speaker coverage", rep.SpeakerCoverage(), 0.72, 0},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s %.3f, want >= %.2f", f.name, f.got, f.floor)
		}
		if f.target > 0 {
			t.Logf("%s %.3f (target %.2f)", f.name, f.got, f.target)
		}
	}
	t.Logf("speaker accuracy counting statements without a speaker as wrong: %.3f (target 0.90 read that way: not met; the rest are unnamed speakers)", rep.SpeakerAccuracyAll())
}
