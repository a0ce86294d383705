package event

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/timex"
)

// stages are the stages up to and including this one, as the pipeline runs them.
func stages() []newsgraph.Stage {
	return []newsgraph.Stage{ner.NewStage(nil), timex.NewStage(), actor.NewStage(nil, actor.Options{}), geo.NewStage(nil), quote.NewStage(), NewStage()}
}

func runAll(ss []newsgraph.Stage) func(context.Context, *newsgraph.Document) error {
	return func(ctx context.Context, doc *newsgraph.Document) error {
		for _, s := range ss {
			if err := s.Annotate(ctx, doc); err != nil {
				return err
			}
		}
		return nil
	}
}
