package text

import (
	"context"
	"os"
	"strings"
	"testing"
)

// Datasets, seen from this package directory.
const (
	conllTesta = "../../shared/data/conll2003/eng.testa"
	polnearDev = "../../shared/data/polnear/dev"
	bbcGlob    = "../../shared/data/corpus/bbc-fulltext/bbc/*/*.txt"
)

// TestEvalCoNLL measures sentence boundaries against CoNLL-2003 eng.testa
// and holds the figures to floors a little under the measured ones. Run
// with -v to see them and examples of errors.
func TestEvalCoNLL(t *testing.T) {
	f, err := os.Open(conllTesta)
	if err != nil {
		t.Skipf("%s is absent (%v); the evaluation needs it", conllTesta, err)
	}
	defer f.Close()
	res, err := EvalCoNLL(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CoNLL eng.testa: %d documents, %d sentences", res.Documents, res.Sentences)
	t.Logf("all boundaries:        %v", res.All)
	t.Logf("punctuated boundaries: recall %.3f (%d of %d)", res.Punctuated.Recall(), res.Punctuated.Correct, res.Punctuated.Gold)
	t.Logf("false splits:\n  %s", strings.Join(res.FalseSplits, "\n  "))
	t.Logf("missed punctuated boundaries:\n  %s", strings.Join(res.Misses, "\n  "))
	if p := res.All.Precision(); p < 0.96 {
		t.Errorf("precision %.3f < 0.96", p)
	}
	if r := res.Punctuated.Recall(); r < 0.99 {
		t.Errorf("recall on punctuated sentences %.3f < 0.99", r)
	}
}

// TestEvalPolNeAR checks that no sentence boundary falls inside an
// attribution's source and cue in the PolNeAR dev texts.
func TestEvalPolNeAR(t *testing.T) {
	if _, err := os.Stat(polnearDev); err != nil {
		t.Skipf("%s is absent (%v); the evaluation needs it", polnearDev, err)
	}
	res, err := EvalPolNeAR(context.Background(), polnearDev)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PolNeAR dev: %d files, %d paragraphs, %d sentences", res.Files, res.Paragraphs, res.Sentences)
	t.Logf("source+cue spans split: %d of %d (%.2f%%)", res.Split, res.Spans, 100*float64(res.Split)/float64(max(res.Spans, 1)))
	t.Logf("examples:\n  %s", strings.Join(res.Examples, "\n  "))
	if res.Spans == 0 {
		t.Fatal("no spans read")
	}
	if rate := float64(res.Split) / float64(res.Spans); rate > 0.02 {
		t.Errorf("%.2f%% of source+cue spans split, want ≤ 2%%", 100*rate)
	}
}
