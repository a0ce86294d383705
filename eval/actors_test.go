package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
)

const ploverPath = "../../shared/data/plover/PLOVER_GSR_CAMEO.txt"

// TestActors runs the PLOVER actor evaluation and holds regression floors a
// little under today's figures (0.935 country, 0.773 sector). The issue's
// targets are 0.90 and 0.75; the test logs the gap.
func TestActors(t *testing.T) {
	if _, err := os.Stat(ploverPath); err != nil {
		t.Skipf("PLOVER gold records not present: %v", err)
	}
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	nerStage, actorStage := ner.NewStage(nil), actor.NewStage(k, actor.Options{})
	coder := ActorCoder{
		Document: func(ctx context.Context, d *newsgraph.Document) error {
			if err := nerStage.Annotate(ctx, d); err != nil {
				return err
			}
			return actorStage.Annotate(ctx, d)
		},
		Phrase: func(words, date string) *newsgraph.Actor {
			a, _ := actorStage.CodePhrase(words, date)
			return a
		},
	}
	var out strings.Builder
	rep, err := Actors(context.Background(), coder, ploverPath, &out, testing.Verbose())
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if got := rep.CountryAccuracy(); got < 0.92 {
		t.Errorf("country accuracy %.3f, want >= 0.92", got)
	} else if got < 0.90 {
		t.Logf("country accuracy %.3f is under the issue's 0.90", got)
	}
	if got := rep.SectorAccuracy(); got < 0.76 {
		t.Errorf("sector accuracy %.3f, want >= 0.76", got)
	} else if got < 0.75 {
		t.Logf("sector accuracy %.3f is under the issue's 0.75", got)
	}
}
