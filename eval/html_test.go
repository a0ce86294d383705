package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// htmlDataDir is the HTML eval data seen from this package's directory.
const htmlDataDir = "../../shared/data/html"

func TestHTML(t *testing.T) {
	if testing.Short() {
		t.Skip("HTML eval skipped in -short mode")
	}
	for _, p := range []string{"trafilatura/evaldata.json", "htmldate/eval_default.json"} {
		if _, err := os.Stat(filepath.Join(htmlDataDir, p)); err != nil {
			t.Skipf("HTML eval data not present (%s): %v", p, err)
		}
	}
	var out strings.Builder
	rep, err := HTML(context.Background(), htmlDataDir, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if got := rep.Date.Rate(); got < 0.90 {
		t.Errorf("date accuracy on htmldate pages = %.3f, want >= 0.90", got)
	}
	if rep.Ours.With.Rate() < rep.Raw.With.Rate() {
		t.Errorf("'with' snippets: htmlpage %v < go-trafilatura %v", rep.Ours.With, rep.Raw.With)
	}
	if rep.Ours.Without.Rate() < rep.Raw.Without.Rate() {
		t.Errorf("'without' snippets: htmlpage %v < go-trafilatura %v", rep.Ours.Without, rep.Raw.Without)
	}
	if rep.Lossless.Hits != rep.Lossless.Total {
		t.Errorf("paragraphs differ from ContentText on %d of %d pages", rep.Lossless.Total-rep.Lossless.Hits, rep.Lossless.Total)
	}
}
