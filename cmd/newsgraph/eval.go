package main

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/event"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/timex"
)

func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stdout, "Usage: newsgraph eval clean [--dir testdata/cleaneval] [--verbose]\n       newsgraph eval html [--data ../shared/data/html]\n       newsgraph eval actors [--plover FILE] [--verbose]\n       newsgraph eval quotes [--polnear ../shared/data/polnear/dev] [--verbose]\n       newsgraph eval events [--plover FILE] [--cameo FILE] [--verbose]\n\n"+
			"clean: title accuracy, boilerplate-line precision/recall/F1, non-article detection and date\n       accuracy on the labelled crawl records.\n"+
			"html:  body quality (trafilatura's evaldata snippets) and date accuracy (htmldate's pages).\n"+
			"actors: country and sector accuracy of actor codes on PLOVER's gold actors.\n"+
			"quotes: statements and speakers against PolNeAR's gold attributions.\n"+
			"events: (category, source country, target country) on PLOVER's gold standard, roots on the\n       CAMEO codebook's examples; per-category figures.\n")
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	switch args[0] {
	case "clean":
		fs := newFlags(e, "eval clean", "", "Evaluates the crawl-record cleaner on labelled records (NAME.txt + NAME.gold.json).")
		dir := fs.String("dir", "testdata/cleaneval", "directory of labelled records")
		verbose := fs.Bool("verbose", false, "list every error per record")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		_, err := eval.Clean(ctx, clean.NewExtractor(), *dir, e.stdout, *verbose)
		return err
	case "html":
		fs := newFlags(e, "eval html", "", "Evaluates HTML extraction on trafilatura's and htmldate's evaluation pages.")
		data := fs.String("data", "../shared/data/html", "directory holding trafilatura/ and htmldate/")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		_, err := eval.HTML(ctx, *data, e.stdout)
		return err
	case "actors":
		fs := newFlags(e, "eval actors", "", "Evaluates actor codes on PLOVER's gold actors (country and sector accuracy).")
		path := fs.String("plover", "../shared/data/plover/PLOVER_GSR_CAMEO.txt", "PLOVER gold-standard records (JSON)")
		verbose := fs.Bool("verbose", false, "list every wrong code")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		k, err := kb.Default()
		if err != nil {
			return err
		}
		nerStage, actorStage := ner.NewStage(nil), actor.NewStage(k, actor.Options{})
		coder := eval.ActorCoder{
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
		_, err = eval.Actors(ctx, coder, *path, e.stdout, *verbose)
		return err
	case "quotes":
		fs := newFlags(e, "eval quotes", "", "Evaluates quotations and reported speech, with their speakers, on PolNeAR's gold attributions.")
		dir := fs.String("polnear", "../shared/data/polnear/dev", "PolNeAR split (text/ and attributions/)")
		verbose := fs.Bool("verbose", false, "list every missed, false and misattributed statement")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
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
		_, err := eval.Quotes(ctx, stages, *dir, e.stdout, *verbose)
		return err
	case "events":
		fs := newFlags(e, "eval events", "", "Evaluates the event coder on PLOVER's gold standard ((category, source country, target country) triples) and on the CAMEO codebook's example sentences (roots).")
		plover := fs.String("plover", "../shared/data/plover/PLOVER_GSR_CAMEO.txt", "PLOVER gold-standard records (JSON); empty to skip")
		cameo := fs.String("cameo", "../shared/data/cameo/cameo-codes.csv", "CAMEO codebook with example sentences (CSV); empty to skip")
		verbose := fs.Bool("verbose", false, "list every missed record and wrong prediction")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		ss := []newsgraph.Stage{ner.NewStage(nil), timex.NewStage(), actor.NewStage(nil, actor.Options{}), geo.NewStage(nil), quote.NewStage(), event.NewStage()}
		run := func(ctx context.Context, d *newsgraph.Document) error {
			for _, st := range ss {
				if err := st.Annotate(ctx, d); err != nil {
					return err
				}
			}
			return nil
		}
		if *plover != "" {
			if _, err := eval.EventsPLOVER(ctx, run, *plover, e.stdout, *verbose); err != nil {
				return err
			}
		}
		if *cameo != "" {
			if _, err := eval.EventsCAMEO(ctx, run, *cameo, e.stdout, *verbose); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown evaluation %q (clean, html, actors, quotes or events)", args[0])
}
