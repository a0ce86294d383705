package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ner"
)

func runNER(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stdout, "Usage: newsgraph ner train --train FILE --dev FILE --out FILE [--data ../shared/data]\n"+
			"       newsgraph ner tag [--format conll|text] [--model FILE] < INPUT\n"+
			"       newsgraph ner eval [--model FILE] FILE\n\n"+
			"train: trains the named-entity tagger from CoNLL files (gazetteers and word clusters from --data go into the model).\n"+
			"tag:   conll — appends the predicted IOB2 tag to every token line (-DOCSTART- and blank lines pass through);\n"+
			"       text  — reads plain text (one paragraph per line) and prints the entities as JSON.\n"+
			"eval:  exact-span precision, recall and F1 per type and overall (conlleval semantics).\n"+
			"The embedded model is used unless --model is given.\n")
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	switch args[0] {
	case "train":
		return nerTrain(ctx, e, args[1:])
	case "tag":
		return nerTag(ctx, e, args[1:])
	case "eval":
		return nerEval(ctx, e, args[1:])
	}
	return fmt.Errorf("unknown ner command %q (train, tag or eval)", args[0])
}

func readCoNLLFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}

func loadModel(path string) (*ner.Model, error) {
	if path == "" {
		return ner.Default()
	}
	return ner.LoadFile(path)
}

func nerTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ner train", "", "Trains the tagger (averaged perceptron) from CoNLL-2003 style files.")
	trainPath := fs.String("train", "", "training CoNLL file (e.g. ../shared/data/conll2003/eng.train)")
	devPath := fs.String("dev", "", "dev CoNLL file for early stopping (e.g. eng.testa)")
	data := fs.String("data", "../shared/data", "data directory for gazetteers and word clusters (empty: none)")
	scheme := fs.String("scheme", "BILOU", "BIO or BILOU")
	epochs := fs.Int("epochs", 20, "most epochs")
	seed := fs.Uint64("seed", 1, "shuffle seed")
	prune := fs.Float64("prune", 0.001, "drop weights below this magnitude")
	out := fs.String("out", "", "model file to write")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *trainPath == "" || *out == "" {
		fs.Usage()
		return errUsage
	}
	start := time.Now()
	tr, err := readCoNLLFile(*trainPath)
	if err != nil {
		return err
	}
	var dev []ner.Sentence
	if *devPath != "" {
		if dev, err = readCoNLLFile(*devPath); err != nil {
			return err
		}
	}
	opts := ner.Options{Scheme: ner.Scheme(*scheme), Epochs: *epochs, Seed: *seed, Prune: *prune}
	if *data != "" {
		if opts.Gazetteer, err = ner.BuildGazetteer(ctx, *data); err != nil {
			return err
		}
		seqs, err := ner.ReadTextDirs(ctx, filepath.Join(*data, "corpus"), filepath.Join(*data, "polnear"))
		if err != nil {
			return err
		}
		for _, s := range tr {
			seqs = append(seqs, s.Tokens)
		}
		if opts.Clusters, err = ner.BuildClusters(ctx, seqs, ner.ClusterOptions{Seed: *seed}); err != nil {
			return err
		}
	}
	m, err := ner.Train(ctx, tr, dev, opts)
	if err != nil {
		return err
	}
	if err := ner.SaveFile(m, *out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "ner train: model written to %s in %s\n", *out, time.Since(start).Round(time.Second))
	return nil
}

func nerEval(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "ner eval", "FILE", "Exact-span precision, recall and F1 of the tagger on a CoNLL file.")
	model := fs.String("model", "", "model file (default: the embedded model)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	m, err := loadModel(*model)
	if err != nil {
		return err
	}
	sents, err := readCoNLLFile(pos[0])
	if err != nil {
		return err
	}
	pred := m.TagSentences(sents)
	gold := make([][]string, len(sents))
	for i, s := range sents {
		gold[i] = s.Labels
		if gold[i] == nil {
			gold[i] = make([]string, len(s.Tokens))
		}
	}
	ev, err := ner.Evaluate(gold, pred)
	if err != nil {
		return err
	}
	return ev.WriteReport(e.stdout)
}

func nerTag(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ner tag", "", "Tags standard input: CoNLL columns (one more column appended) or plain text (entities as JSON).")
	model := fs.String("model", "", "model file (default: the embedded model)")
	format := fs.String("format", "conll", "input format: conll or text")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	m, err := loadModel(*model)
	if err != nil {
		return err
	}
	switch *format {
	case "conll":
		sents, err := ner.ReadCoNLL(e.stdin)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(e.stdout)
		if err := ner.WriteTagged(w, sents, m.TagSentences(sents)); err != nil {
			return err
		}
		return w.Flush()
	case "text":
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
		doc := &newsgraph.Document{}
		for _, p := range strings.Split(string(b), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				doc.Paragraphs = append(doc.Paragraphs, p)
			}
		}
		if err := ner.NewStage(m).Annotate(ctx, doc); err != nil {
			return err
		}
		return printJSON(e.stdout, doc.Entities)
	}
	return fmt.Errorf("unknown --format %q (conll or text)", *format)
}
