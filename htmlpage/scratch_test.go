package htmlpage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

func TestScratch(t *testing.T) {
	files, _ := filepath.Glob("../../shared/data/html/trafilatura/cache/*.html")
	e := New(WithFallback(os.Getenv("NOFB") == ""))
	bad := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		r, err := e.ExtractDetailed(context.Background(), &newsgraph.Input{Path: f, Data: data})
		if err != nil {
			t.Logf("%s: %v", f, err)
			continue
		}
		a := strip(strings.Join(r.Doc.Paragraphs, ""))
		b := strip(r.Trafilatura.ContentText)
		if a != b {
			bad++
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Logf("%s: mismatch len %d vs %d at %d: ours %q raw %q", filepath.Base(f), len(a), len(b), i, a[i:min(len(a), i+80)], b[i:min(len(b), i+80)])
		}
	}
	t.Logf("%d files, %d mismatches", len(files), bad)
}
