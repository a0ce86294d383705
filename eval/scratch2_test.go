package eval

import (
	"os"
	"path/filepath"
	"testing"
	"bytes"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
)

func TestScratchDates(t *testing.T) {
	dir := "../../shared/data/html/htmldate"
	gold, urls, _ := readGold[htmldateGold](filepath.Join(dir, "eval_default.json"))
	variants := map[string]htmldate.Options{
		"ours":      {ExtractTime: true, UseOriginalDate: true, DeferUrlExtractor: true},
		"notime":    {UseOriginalDate: true, DeferUrlExtractor: true},
		"nodefer":   {ExtractTime: true, UseOriginalDate: true},
		"default":   {},
	}
	for name, o := range variants {
		ok, n := 0, 0
		for _, u := range urls {
			g := gold[u]
			data, err := os.ReadFile(filepath.Join(dir, "pages", g.File))
			if err != nil {
				continue
			}
			root, _ := dom.Parse(bytes.NewReader(data))
			oo := o
			oo.URL = u
			r, _ := htmldate.FromDocument(root, oo)
			n++
			got := r.DateTime.Format("2006-01-02")
			if got == g.Date {
				ok++
			} else if name == "ours" {
				t.Logf("%s got %s (%q tz=%v %v) want %s", g.File, r.DateTime, r.SrcString, r.HasTimezone, r.HasTime, g.Date)
			}
		}
		t.Logf("%s: %d/%d", name, ok, n)
	}
}
