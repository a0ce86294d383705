package main

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/eval"
)

func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stdout, "Usage: newsgraph eval clean [--dir testdata/cleaneval] [--verbose]\n       newsgraph eval html [--data ../shared/data/html]\n\n"+
			"clean: title accuracy, boilerplate-line precision/recall/F1, non-article detection and date\n       accuracy on the labelled crawl records.\n"+
			"html:  body quality (trafilatura's evaldata snippets) and date accuracy (htmldate's pages).\n")
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
	}
	return fmt.Errorf("unknown evaluation %q (clean or html)", args[0])
}
