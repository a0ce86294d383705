package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/htmlpage"
)

func TestScratchWithout(t *testing.T) {
	dir := "../../shared/data/html/trafilatura"
	gold, urls, _ := readGold[trafilaturaGold](filepath.Join(dir, "evaldata.json"))
	ex := htmlpage.New()
	for _, u := range urls {
		g := gold[u]
		data, err := os.ReadFile(filepath.Join(dir, "cache", g.File))
		if err != nil {
			continue
		}
		r, err := ex.ExtractDetailed(context.Background(), &newsgraph.Input{Path: g.File, Data: data, Hints: newsgraph.Hints{URL: u}})
		if err != nil {
			continue
		}
		ours := collapse(r.Doc.Body())
		raw := collapse(r.Trafilatura.ContentText)
		for _, s := range g.Without {
			s = collapse(s)
			if strings.Contains(ours, s) != strings.Contains(raw, s) {
				i := strings.Index(ours, s)
				t.Logf("%s: without %q %v %v %d", g.File, s, strings.Contains(ours, s), strings.Contains(raw, s), i)
			}
		}
		for _, s := range g.With {
			s = collapse(s)
			if strings.Contains(ours, s) != strings.Contains(raw, s) {
				t.Logf("%s: with %q ours=%v raw=%v", g.File, s, strings.Contains(ours, s), strings.Contains(raw, s))
			}
		}
		if true {
			t.Logf("art=%v %s paras=%d runes=%d type=%q share=%.2f", r.Doc.IsArticle, g.File, len(r.Doc.Paragraphs), len(r.Doc.Body()), r.Trafilatura.Metadata.PageType, 0.0)
		}
	}
}
