package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

// CleanGold is the label file of one crawl record of the labelled set
// (testdata/cleaneval/NAME.gold.json beside NAME.txt).
type CleanGold struct {
	Title       *string                     `json:"title"`
	IsArticle   bool                        `json:"is_article"`
	Language    *string                     `json:"language"`
	Date        *string                     `json:"date"`
	Precision   *string                     `json:"precision"`
	Body        []string                    `json:"body"`
	Boilerplate []newsgraph.BoilerplateLine `json:"boilerplate"`
	Notes       string                      `json:"notes"`
}

// PRF is precision, recall and F1 of one class.
type PRF struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP).
func (p PRF) Precision() float64 { return ratio(p.TP, p.TP+p.FP) }

// Recall is TP/(TP+FN).
func (p PRF) Recall() float64 { return ratio(p.TP, p.TP+p.FN) }

// F1 is the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// CleanReport holds the figures of the crawl-record cleaning evaluation.
type CleanReport struct {
	Records     int
	Title       Share
	Boilerplate PRF   // boilerplate lines are the positive class
	Kind        Share // right kind among boilerplate lines found
	Article     Share // is_article right
	Date        Share // date and precision right
	Language    Share
	Paragraphs  Share // records whose body paragraphs are exactly right
	// Errors lists, per record, what went wrong (for --verbose).
	Errors map[string][]string
}

// Clean evaluates the extractor on the labelled crawl records in dir.
func Clean(ctx context.Context, ex newsgraph.Extractor, dir string, w io.Writer, verbose bool) (*CleanReport, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no *.gold.json files in %s", dir)
	}
	sort.Strings(names)
	rep := &CleanReport{Errors: map[string][]string{}}
	for _, goldPath := range names {
		base := strings.TrimSuffix(goldPath, ".gold.json")
		name := filepath.Base(base)
		raw, err := os.ReadFile(base + ".txt")
		if err != nil {
			return nil, fmt.Errorf("read record %s: %w", name, err)
		}
		gb, err := os.ReadFile(goldPath)
		if err != nil {
			return nil, fmt.Errorf("read gold %s: %w", name, err)
		}
		var g CleanGold
		if err := json.Unmarshal(gb, &g); err != nil {
			return nil, fmt.Errorf("parse gold %s: %w", goldPath, err)
		}
		in := &newsgraph.Input{Path: base + ".txt", Format: newsgraph.FormatTextRecord, Data: raw}
		doc, err := ex.Extract(ctx, in)
		if err != nil {
			rep.Errors[name] = append(rep.Errors[name], "extract failed: "+err.Error())
			continue
		}
		rep.Records++
		compareClean(rep, name, &g, doc)
	}
	printClean(w, rep, verbose)
	return rep, nil
}

func compareClean(rep *CleanReport, name string, g *CleanGold, doc *newsgraph.Document) {
	errs := func(format string, args ...any) {
		rep.Errors[name] = append(rep.Errors[name], fmt.Sprintf(format, args...))
	}
	gotTitle := doc.TitleText()
	wantTitle := ""
	if g.Title != nil {
		wantTitle = *g.Title
	}
	ok := normLine(gotTitle) == normLine(wantTitle)
	rep.Title.add(ok)
	if !ok {
		errs("title: got %q, want %q", gotTitle, wantTitle)
	}
	rep.Article.add(doc.IsArticle == g.IsArticle)
	if doc.IsArticle != g.IsArticle {
		errs("is_article: got %v, want %v", doc.IsArticle, g.IsArticle)
	}
	gotDate := doc.Published.Date + "/" + string(doc.Published.Precision)
	wantDate := deref(g.Date) + "/" + deref(g.Precision)
	rep.Date.add(gotDate == wantDate)
	if gotDate != wantDate {
		errs("date: got %s (%s), want %s", gotDate, doc.Published.Origin, wantDate)
	}
	if g.Language != nil {
		rep.Language.add(doc.LanguageCode() == *g.Language)
		if doc.LanguageCode() != *g.Language {
			errs("language: got %q, want %q", doc.LanguageCode(), *g.Language)
		}
	}

	// Lines: match predicted boilerplate to gold lines by normalised text.
	predicted := map[string][]string{} // normalised text → kinds, in order
	for _, b := range doc.Boilerplate {
		k := normLine(b.Text)
		predicted[k] = append(predicted[k], b.Kind)
	}
	take := func(text string) (string, bool) {
		k := normLine(text)
		kinds := predicted[k]
		if len(kinds) == 0 {
			return "", false
		}
		predicted[k] = kinds[1:]
		return kinds[0], true
	}
	for _, b := range g.Boilerplate {
		kind, found := take(b.Text)
		if found {
			rep.Boilerplate.TP++
			rep.Kind.add(kind == b.Kind)
			if kind != b.Kind {
				errs("kind: %q: got %s, want %s", clip(b.Text), kind, b.Kind)
			}
		} else {
			rep.Boilerplate.FN++
			errs("missed boilerplate (%s): %q", b.Kind, clip(b.Text))
		}
	}
	for _, p := range g.Body {
		if kind, found := take(p); found {
			rep.Boilerplate.FP++
			errs("body line removed as %s: %q", kind, clip(p))
		}
	}
	same := len(doc.Paragraphs) == len(g.Body)
	for i := 0; same && i < len(g.Body); i++ {
		same = normLine(doc.Paragraphs[i]) == normLine(g.Body[i])
	}
	rep.Paragraphs.add(same)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

// normLine compares lines by their letters and digits only.
func normLine(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func printClean(w io.Writer, r *CleanReport, verbose bool) {
	if verbose {
		names := make([]string, 0, len(r.Errors))
		for n := range r.Errors {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(w, "%s\n", n)
			for _, e := range r.Errors[n] {
				fmt.Fprintf(w, "    %s\n", e)
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "crawl-record cleaning: %d records\n", r.Records)
	fmt.Fprintf(w, "  title accuracy            %s\n", r.Title)
	fmt.Fprintf(w, "  boilerplate lines         P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n",
		r.Boilerplate.Precision(), r.Boilerplate.Recall(), r.Boilerplate.F1(), r.Boilerplate.TP, r.Boilerplate.FP, r.Boilerplate.FN)
	fmt.Fprintf(w, "  boilerplate kind          %s\n", r.Kind)
	fmt.Fprintf(w, "  non-article detection    %s\n", r.Article)
	fmt.Fprintf(w, "  date (value + precision)  %s\n", r.Date)
	fmt.Fprintf(w, "  language                  %s\n", r.Language)
	fmt.Fprintf(w, "  body exactly right        %s\n", r.Paragraphs)
}
