// Package eval measures newsgraph's extractors against gold data sets.
//
// Each evaluation reads its data from a directory given by the caller (the
// data is never part of the repository), runs the real extractor on it and
// prints a readable table; the returned report holds the figures so tests
// can assert on them.
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
	"github.com/newsgraph/newsgraph/htmlpage"
)

// Share is a count of hits out of a total.
type Share struct {
	Hits  int
	Total int
}

// Rate returns Hits/Total, or 0 when Total is 0.
func (s Share) Rate() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Hits) / float64(s.Total)
}

func (s Share) String() string {
	return fmt.Sprintf("%d/%d = %.3f", s.Hits, s.Total, s.Rate())
}

// add counts one trial.
func (s *Share) add(hit bool) {
	s.Total++
	if hit {
		s.Hits++
	}
}

// HTMLBody is body-text quality on the trafilatura eval pages.
type HTMLBody struct {
	// With: the share of snippets that must be extracted and were.
	With Share
	// Without: the share of snippets that must not be extracted and were not.
	Without Share
}

// Score is the share of all snippet checks passed.
func (b HTMLBody) Score() float64 {
	return Share{Hits: b.With.Hits + b.Without.Hits, Total: b.With.Total + b.Without.Total}.Rate()
}

// HTMLReport holds the figures of the HTML evaluation.
type HTMLReport struct {
	// Pages is the number of trafilatura eval pages present in the cache.
	Pages int
	// Failed counts trafilatura pages the wrapper returned an error for.
	Failed int
	// Ours is the body quality of the wrapper's paragraphs, snippets matched
	// ignoring whitespace (the gold snippets were cut from Python
	// trafilatura's output, whose spacing differs).
	Ours HTMLBody
	// Raw is the body quality of go-trafilatura's own ContentText on the
	// same pages from the same run (so with the same options), matched the
	// same way.
	Raw HTMLBody
	// OursSpaced and RawSpaced match snippets with whitespace collapsed
	// but not removed. ContentText puts a space at every inline element
	// boundary ("Read more :"), so it finds fewer snippets of either kind.
	OursSpaced, RawSpaced HTMLBody
	// Lossless counts pages whose paragraphs, joined, equal ContentText
	// modulo whitespace.
	Lossless Share
	// Articles counts the trafilatura pages marked as articles.
	Articles Share
	// Title, Author and TrafDate are accuracies where gold exists.
	Title, Author, TrafDate Share
	// Date is exact-day accuracy on the htmldate eval pages.
	Date Share
	// DateFailed counts htmldate pages the wrapper returned an error for
	// (their date counts as wrong).
	DateFailed int
	// Misses lists a few wrong dates, "file: got X want Y".
	Misses []string
}

// trafilaturaGold is one entry of trafilatura/evaldata.json.
type trafilaturaGold struct {
	File    string    `json:"file"`
	With    []string  `json:"with"`
	Without []string  `json:"without"`
	Date    string    `json:"date"`
	Title   string    `json:"title"`
	Author  htmlNames `json:"author"`
}

// htmlNames is a gold author: a string or a list of strings.
type htmlNames string

// UnmarshalJSON accepts a string, a list of strings (joined by "; ") or null.
func (n *htmlNames) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*n = htmlNames(s)
		return nil
	}
	var l []string
	if err := json.Unmarshal(b, &l); err != nil {
		return fmt.Errorf("author: %w", err)
	}
	*n = htmlNames(strings.Join(l, "; "))
	return nil
}

// htmldateGold is one entry of htmldate/eval_default.json.
type htmldateGold struct {
	File string `json:"file"`
	Date string `json:"date"`
}

// HTML evaluates the htmlpage extractor on the trafilatura and htmldate eval
// sets under dataDir (normally ../shared/data/html) and prints a table to w.
// Only pages whose HTML file is present are evaluated.
func HTML(ctx context.Context, dataDir string, w io.Writer) (*HTMLReport, error) {
	return HTMLWith(ctx, dataDir, w)
}

// HTMLWith is HTML with an extractor built from the given options (for
// instance htmlpage.WithFallback(false), to measure what the fallbacks buy).
func HTMLWith(ctx context.Context, dataDir string, w io.Writer, opts ...htmlpage.Option) (*HTMLReport, error) {
	ex := htmlpage.New(opts...)
	rep := &HTMLReport{}
	if err := evalTrafilatura(ctx, ex, filepath.Join(dataDir, "trafilatura"), rep); err != nil {
		return nil, err
	}
	if err := evalHtmldate(ctx, ex, filepath.Join(dataDir, "htmldate"), rep); err != nil {
		return nil, err
	}
	if err := printHTML(w, rep); err != nil {
		return nil, fmt.Errorf("eval: write report: %w", err)
	}
	return rep, nil
}

func readHTMLGold[T any](path string) (map[string]T, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("eval: %w", err)
	}
	var m map[string]T
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, nil, fmt.Errorf("eval: parse %s: %w", path, err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return m, keys, nil
}

func evalTrafilatura(ctx context.Context, ex *htmlpage.Extractor, dir string, rep *HTMLReport) error {
	gold, urls, err := readHTMLGold[trafilaturaGold](filepath.Join(dir, "evaldata.json"))
	if err != nil {
		return err
	}
	for _, u := range urls {
		g := gold[u]
		path := filepath.Join(dir, "cache", g.File)
		data, err := os.ReadFile(path)
		if err != nil {
			continue // only ~110 of the pages are cached
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		rep.Pages++
		in := &newsgraph.Input{Path: path, Format: newsgraph.FormatHTML, Data: data, Hints: newsgraph.Hints{URL: u}}
		r, err := ex.ExtractDetailed(ctx, in)
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("eval: %w", err)
			}
			rep.Failed++
			for _, b := range []*HTMLBody{&rep.Ours, &rep.Raw, &rep.OursSpaced, &rep.RawSpaced} {
				for range g.With {
					b.With.add(false)
				}
				for range g.Without {
					b.Without.add(true)
				}
			}
			htmlAddGold(rep, g, nil)
			continue
		}
		ours, raw := r.Doc.Body(), r.Trafilatura.ContentText
		htmlScore(&rep.Ours, g, htmlStripSpace(ours), htmlStripSpace)
		htmlScore(&rep.Raw, g, htmlStripSpace(raw), htmlStripSpace)
		htmlScore(&rep.OursSpaced, g, htmlCollapse(ours), htmlCollapse)
		htmlScore(&rep.RawSpaced, g, htmlCollapse(raw), htmlCollapse)
		rep.Lossless.add(htmlStripSpace(ours) == htmlStripSpace(raw))
		rep.Articles.add(r.Doc.IsArticle)
		htmlAddGold(rep, g, r.Doc)
	}
	return nil
}

// htmlScore checks the snippets of g against text, both normalised by norm.
func htmlScore(b *HTMLBody, g trafilaturaGold, text string, norm func(string) string) {
	for _, s := range g.With {
		b.With.add(strings.Contains(text, norm(s)))
	}
	for _, s := range g.Without {
		b.Without.add(!strings.Contains(text, norm(s)))
	}
}

// htmlAddGold scores title, author and date against the gold values present.
func htmlAddGold(rep *HTMLReport, g trafilaturaGold, doc *newsgraph.Document) {
	if g.Title != "" {
		rep.Title.add(doc != nil && htmlSameTitle(doc.TitleText(), g.Title))
	}
	if g.Author != "" {
		rep.Author.add(doc != nil && htmlSameAuthor(doc.Author, string(g.Author)))
	}
	if g.Date != "" {
		rep.TrafDate.add(doc != nil && doc.Published.Date == g.Date)
	}
}

func evalHtmldate(ctx context.Context, ex *htmlpage.Extractor, dir string, rep *HTMLReport) error {
	gold, urls, err := readHTMLGold[htmldateGold](filepath.Join(dir, "eval_default.json"))
	if err != nil {
		return err
	}
	for _, u := range urls {
		g := gold[u]
		if g.Date == "" {
			continue
		}
		path := filepath.Join(dir, "pages", g.File)
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		in := &newsgraph.Input{Path: path, Format: newsgraph.FormatHTML, Data: data, Hints: newsgraph.Hints{URL: u}}
		doc, err := ex.Extract(ctx, in)
		got := ""
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("eval: %w", err)
			}
			rep.DateFailed++
		} else {
			got = doc.Published.Date
		}
		rep.Date.add(got == g.Date)
		if got != g.Date && len(rep.Misses) < 10 {
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: got %q want %q", g.File, got, g.Date))
		}
	}
	return nil
}

func printHTML(w io.Writer, r *HTMLReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "HTML extraction (trafilatura eval: %d cached pages, %d failed; htmldate eval: %d pages)\n", r.Pages, r.Failed, r.Date.Total)
	fmt.Fprintf(&b, "%-34s %-22s %-22s\n", "body, whitespace-insensitive match", "htmlpage", "go-trafilatura text")
	fmt.Fprintf(&b, "%-34s %-22s %-22s\n", "  'with' snippets found", r.Ours.With, r.Raw.With)
	fmt.Fprintf(&b, "%-34s %-22s %-22s\n", "  'without' snippets absent", r.Ours.Without, r.Raw.Without)
	fmt.Fprintf(&b, "%-34s %-22.3f %-22.3f\n", "  all snippet checks", r.Ours.Score(), r.Raw.Score())
	fmt.Fprintf(&b, "%-34s %-22s %-22s\n", "body, spacing-sensitive match", "", "")
	fmt.Fprintf(&b, "%-34s %-22s %-22s\n", "  'with' snippets found", r.OursSpaced.With, r.RawSpaced.With)
	fmt.Fprintf(&b, "%-34s %-22s %-22s\n", "  'without' snippets absent", r.OursSpaced.Without, r.RawSpaced.Without)
	fmt.Fprintf(&b, "%-34s %s\n", "paragraphs == ContentText", r.Lossless)
	fmt.Fprintf(&b, "%-34s %s\n", "marked as article", r.Articles)
	fmt.Fprintf(&b, "%-34s %s\n", "title accuracy", r.Title)
	fmt.Fprintf(&b, "%-34s %s\n", "author accuracy", r.Author)
	fmt.Fprintf(&b, "%-34s %s\n", "date accuracy (trafilatura pages)", r.TrafDate)
	fmt.Fprintf(&b, "%-34s %s (%d failed)\n", "date accuracy (htmldate pages)", r.Date, r.DateFailed)
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "  miss %s\n", m)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlIsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// htmlCollapse trims s and collapses whitespace runs into single spaces.
func htmlCollapse(s string) string { return strings.Join(strings.FieldsFunc(s, htmlIsSpace), " ") }

// htmlStripSpace removes all whitespace.
func htmlStripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if htmlIsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// htmlKey keeps the lowercase letters and digits of s.
func htmlKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// htmlSameTitle: equal once reduced to letters and digits, or one is a prefix
// of the other covering 90% of it (gold titles are sometimes cut).
func htmlSameTitle(got, want string) bool {
	g, w := htmlKey(got), htmlKey(want)
	if g == "" || w == "" {
		return false
	}
	if g == w {
		return true
	}
	short, long := g, w
	if len(short) > len(long) {
		short, long = long, short
	}
	return strings.HasPrefix(long, short) && len(short)*10 >= len(long)*9
}

// htmlAuthorStop are connectors between names.
var htmlAuthorStop = map[string]bool{"and": true, "und": true, "et": true, "y": true, "by": true, "von": true}

// htmlSameAuthor compares the sets of name words, ignoring connectors and order.
func htmlSameAuthor(got, want string) bool {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			f = strings.ToLower(f)
			if !htmlAuthorStop[f] {
				m[f] = true
			}
		}
		return m
	}
	g, w := words(got), words(want)
	if len(g) == 0 || len(g) != len(w) {
		return false
	}
	for k := range w {
		if !g[k] {
			return false
		}
	}
	return true
}
