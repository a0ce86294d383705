package clean

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/charset"
	"github.com/newsgraph/newsgraph/htmlpage"
	"github.com/newsgraph/newsgraph/lang"
	"github.com/newsgraph/newsgraph/pubdate"
)

// Cleaner cleans crawl text records. It is safe for concurrent use.
type Cleaner struct {
	lex *lexicon
}

// New returns a Cleaner.
func New() *Cleaner { return &Cleaner{lex: newLexicon()} }

// Extractor turns any input into a document: crawl records through the
// Cleaner, HTML through htmlpage, JSON Lines by their fields. It implements
// newsgraph.Extractor and is safe for concurrent use.
type Extractor struct {
	cleaner *Cleaner
	html    *htmlpage.Extractor
}

// NewExtractor returns an Extractor.
func NewExtractor() *Extractor {
	return &Extractor{cleaner: New(), html: htmlpage.New()}
}

var _ newsgraph.Extractor = (*Extractor)(nil)

// Extract turns one input into a document, or returns an error naming the
// input and the reason.
func (e *Extractor) Extract(ctx context.Context, in *newsgraph.Input) (doc *newsgraph.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: extractor panic: %v", in.Name(), r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch in.Format {
	case newsgraph.FormatHTML:
		doc, err = e.extractHTML(ctx, in, string(in.Data))
	case newsgraph.FormatJSONL:
		doc, err = e.extractJSONL(ctx, in)
	default:
		doc, err = e.extractText(in)
	}
	if err != nil {
		return nil, err
	}
	finish(doc, in.Hints.Language)
	return doc, nil
}

func (e *Extractor) extractText(in *newsgraph.Input) (*newsgraph.Document, error) {
	text, err := charset.DecodeBytes(in.Data, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Name(), err)
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, fmt.Errorf("%s: binary content (NUL bytes) in a text record", in.Name())
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	src := newsgraph.Source{Path: in.Path, Record: in.Record, Format: newsgraph.FormatTextRecord, URL: in.Hints.URL, Site: in.Hints.Site}
	doc := e.cleaner.CleanRecord(text, src)
	if len(doc.Paragraphs) == 0 && len(doc.Boilerplate) == 0 {
		return nil, fmt.Errorf("%s: no text in record", in.Name())
	}
	return doc, nil
}

func (e *Extractor) extractHTML(ctx context.Context, in *newsgraph.Input, html string) (*newsgraph.Document, error) {
	cp := *in
	cp.Data = []byte(html)
	cp.Format = newsgraph.FormatHTML
	doc, err := e.html.Extract(ctx, &cp)
	if err != nil {
		return nil, err
	}
	doc.Source.Path, doc.Source.Record = in.Path, in.Record
	doc.Source.Format = in.Format
	// The page's headline repeated as the body's first block is the title,
	// not article text.
	if len(doc.Paragraphs) > 1 && doc.Title != nil && normalize(doc.Paragraphs[0]) == normalize(*doc.Title) {
		doc.Boilerplate = append([]newsgraph.BoilerplateLine{{Text: doc.Paragraphs[0], Kind: newsgraph.KindTitle}}, doc.Boilerplate...)
		doc.Paragraphs = doc.Paragraphs[1:]
	}
	e.textDate(doc, in.Hints.URL)
	return doc, nil
}

// textDate lets the page text's own evidence (a dateline opening the body)
// refine or overrule a date from metadata, and falls back to the URL.
func (e *Extractor) textDate(doc *newsgraph.Document, url string) {
	ref := pubdate.Date{}
	if d, ok := pubdate.ParseHeader(doc.Published.Date); ok {
		ref = d
	}
	if len(doc.Paragraphs) > 0 && doc.Published.Precision != newsgraph.PrecisionDay {
		if d, _, ok := pubdate.Dateline(doc.Paragraphs[0], ref); ok && !d.IsZero() && d.Precision.Rank() > doc.Published.Precision.Rank() {
			doc.Published.Date, doc.Published.Precision, doc.Published.Origin = d.String(), d.Precision, newsgraph.OriginDateline
		}
	}
	if doc.Published.Date == "" && url != "" {
		if d, ok := pubdate.FromURL(url); ok {
			doc.Published.Date, doc.Published.Precision, doc.Published.Origin = d.String(), d.Precision, newsgraph.OriginURL
		}
	}
}

// jsonRecord is one JSON line's fields.
type jsonRecord struct {
	URL      string `json:"url"`
	Title    string `json:"title"`
	Date     string `json:"date"`
	Text     string `json:"text"`
	HTML     string `json:"html"`
	Site     string `json:"site"`
	Language string `json:"language"`
}

func (e *Extractor) extractJSONL(ctx context.Context, in *newsgraph.Input) (*newsgraph.Document, error) {
	var r jsonRecord
	if err := json.Unmarshal(in.Data, &r); err != nil {
		return nil, fmt.Errorf("%s: malformed JSON: %w", in.Name(), err)
	}
	hints := newsgraph.Hints{URL: r.URL, Title: r.Title, Date: r.Date, Site: r.Site, Language: r.Language, Text: r.Text, HTML: r.HTML}
	var doc *newsgraph.Document
	switch {
	case strings.TrimSpace(r.HTML) != "":
		cp := *in
		cp.Hints = hints
		d, err := e.extractHTML(ctx, &cp, r.HTML)
		if err != nil {
			return nil, err
		}
		doc = d
	case strings.TrimSpace(r.Text) != "":
		doc = &newsgraph.Document{IsArticle: true}
		for _, p := range strings.Split(strings.ReplaceAll(r.Text, "\r\n", "\n"), "\n") {
			if p = collapseSpaces(trimSpace(p)); p != "" {
				doc.Paragraphs = append(doc.Paragraphs, p)
			}
		}
		runes := utf8.RuneCountInString(r.Text)
		doc.IsArticle = runes >= 200
	default:
		return nil, fmt.Errorf("%s: JSON line has neither text nor html", in.Name())
	}
	doc.Source = newsgraph.Source{Path: in.Path, Record: in.Record, Format: newsgraph.FormatJSONL, URL: r.URL, Site: firstNonEmpty(r.Site, doc.Source.Site, hostOf(r.URL))}
	if t := collapseSpaces(trimSpace(r.Title)); t != "" {
		doc.Title = &t
	}
	if r.Date != "" {
		doc.Published.Raw = r.Date
		if d, ok := parseInputDate(r.Date); ok {
			doc.Published.Date, doc.Published.Precision, doc.Published.Origin, doc.Published.Time = d.String(), d.Precision, newsgraph.OriginInput, d.Time
		}
	}
	if doc.Published.Date == "" && r.URL != "" {
		if d, ok := pubdate.FromURL(r.URL); ok {
			doc.Published.Date, doc.Published.Precision, doc.Published.Origin = d.String(), d.Precision, newsgraph.OriginURL
		}
	}
	in2 := *in
	in2.Hints = hints
	*in = in2
	return doc, nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func hostOf(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(strings.ToLower(u), "www.")
}

// finish applies what every format gets: mis-decoding repair, language, ID.
func finish(doc *newsgraph.Document, declared string) {
	for i, p := range doc.Paragraphs {
		if fixed, ok := charset.Repair(p); ok {
			doc.Paragraphs[i] = fixed
		}
	}
	if doc.Title != nil {
		if fixed, ok := charset.Repair(*doc.Title); ok {
			doc.Title = &fixed
		}
	}
	code := lang.Normalize(declared)
	if code == "" && doc.Language != nil {
		code = lang.Normalize(*doc.Language)
	}
	if code == "" {
		code = detectLanguage(doc)
	}
	doc.Language = newsgraph.StringPtr(code)
	doc.ID = ""
	doc.Normalize()
}

// detectLanguage runs the detector on the first few thousand characters of
// the body (the title too when the body is short).
func detectLanguage(doc *newsgraph.Document) string {
	var b strings.Builder
	for _, p := range doc.Paragraphs {
		b.WriteString(p)
		b.WriteByte('\n')
		if b.Len() > 2000 {
			break
		}
	}
	if b.Len() < 200 && doc.Title != nil {
		b.WriteString(*doc.Title)
	}
	code, _ := lang.Detect(b.String())
	return code
}

// parseInputDate reads a date field given with an input (JSON Lines): ISO
// dates and timestamps first, then whatever the timestamp parser knows. An
// explicit date field is taken at its face precision (unlike a crawl
// header's YYYY-01-01 placeholder).
func parseInputDate(s string) (pubdate.Date, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return pubdate.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: newsgraph.PrecisionDay, Time: t.Format("15:04")}, true
		}
	}
	for _, f := range []struct {
		layout string
		prec   newsgraph.Precision
	}{{"2006-01-02", newsgraph.PrecisionDay}, {"2006-01", newsgraph.PrecisionMonth}, {"2006", newsgraph.PrecisionYear}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			d := pubdate.Date{Year: t.Year(), Precision: f.prec}
			if f.prec != newsgraph.PrecisionYear {
				d.Month = int(t.Month())
			}
			if f.prec == newsgraph.PrecisionDay {
				d.Day = t.Day()
			}
			return d, true
		}
	}
	if d, _ := pubdate.Timestamp(s, pubdate.Date{}); !d.IsZero() {
		return d, true
	}
	return pubdate.Date{}, false
}
