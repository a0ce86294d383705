package htmlpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph"
)

// DefaultMaxBytes is the largest page Extract accepts unless WithMaxBytes
// says otherwise.
const DefaultMaxBytes = 16 << 20

// maxCommentLines caps the comment lines reported as boilerplate.
const maxCommentLines = 30

// Extractor turns HTML pages into documents. It is safe for concurrent use;
// the zero value is not usable, call New.
type Extractor struct {
	fallback     bool
	maxBytes     int
	detectedLang bool
	log          *slog.Logger
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithFallback turns trafilatura's readability and dom-distiller fallbacks
// on or off (default on). Off is faster and loses some recall.
func WithFallback(on bool) Option { return func(e *Extractor) { e.fallback = on } }

// WithMaxBytes sets the largest input accepted, in bytes (default
// DefaultMaxBytes). Larger pages are refused with an error.
func WithMaxBytes(n int) Option { return func(e *Extractor) { e.maxBytes = n } }

// WithDetectedLanguage says whether trafilatura's detected language
// (whatlanggo on the extracted text) may fill Language when the page declares
// none (default true).
func WithDetectedLanguage(on bool) Option { return func(e *Extractor) { e.detectedLang = on } }

// WithLogger sets the logger for debug messages (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(e *Extractor) { e.log = l } }

// New returns an Extractor with the given options.
func New(opts ...Option) *Extractor {
	e := &Extractor{fallback: true, maxBytes: DefaultMaxBytes, detectedLang: true, log: slog.Default()}
	for _, o := range opts {
		o(e)
	}
	if e.log == nil {
		e.log = slog.Default()
	}
	return e
}

// Result is everything one extraction produced: the document and the raw
// library results it was made from (for evaluation and debugging).
type Result struct {
	// Doc is the finished document.
	Doc *newsgraph.Document
	// Trafilatura is go-trafilatura's result for the page.
	Trafilatura *trafilatura.ExtractResult
	// Date is go-htmldate's result (zero when it found no date).
	Date htmldate.Result
}

var _ newsgraph.Extractor = (*Extractor)(nil)

// Extract turns one HTML input into a document. The markup is in.Data, or
// in.Hints.HTML when Data is empty.
func (e *Extractor) Extract(ctx context.Context, in *newsgraph.Input) (*newsgraph.Document, error) {
	r, err := e.ExtractDetailed(ctx, in)
	if err != nil {
		return nil, err
	}
	return r.Doc, nil
}

// ExtractDetailed is Extract that also returns the libraries' raw results.
func (e *Extractor) ExtractDetailed(ctx context.Context, in *newsgraph.Input) (*Result, error) {
	if in == nil {
		return nil, errors.New("htmlpage: nil input")
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("htmlpage: %s: %w", in.Name(), err)
	}
	data := in.Data
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte(in.Hints.HTML)
	}
	if err := e.check(in, data); err != nil {
		return nil, err
	}

	type outcome struct {
		r   *Result
		err error
	}
	ch := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if p := recover(); p != nil {
				e.log.Error("htmlpage: panic in extraction", "input", in.Name(), "panic", p, "stack", string(debug.Stack()))
				o = outcome{err: fmt.Errorf("htmlpage: extraction of %s panicked: %v", in.Name(), p)}
			}
			ch <- o
		}()
		o.r, o.err = e.extract(ctx, in, data)
	}()
	select {
	case o := <-ch:
		return o.r, o.err
	case <-ctx.Done():
		return nil, fmt.Errorf("htmlpage: %s: %w", in.Name(), ctx.Err())
	}
}

// check refuses empty, oversized and binary inputs, and text without markup.
func (e *Extractor) check(in *newsgraph.Input, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("htmlpage: empty input %s", in.Name())
	}
	if e.maxBytes > 0 && len(data) > e.maxBytes {
		return fmt.Errorf("htmlpage: %s is too large (%d bytes, limit %d)", in.Name(), len(data), e.maxBytes)
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return fmt.Errorf("htmlpage: %s is not HTML (binary data)", in.Name())
		}
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f {
			ctrl++
		}
	}
	if ctrl*100 > len(head) {
		return fmt.Errorf("htmlpage: %s is not HTML (binary data)", in.Name())
	}
	if !hasMarkup(data) {
		return fmt.Errorf("htmlpage: %s is not HTML (no markup)", in.Name())
	}
	return nil
}

// hasMarkup reports whether data holds at least one tag-like "<x".
func hasMarkup(data []byte) bool {
	for i := 0; i+1 < len(data); i++ {
		if data[i] != '<' {
			continue
		}
		c := data[i+1]
		if c == '!' || c == '/' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// parse parses the page. Valid UTF-8 is parsed as UTF-8 directly; anything
// else goes through dom.Parse, which guesses the charset with chardet (a
// fifth of the CPU time when run on every page). Both paths normalise the
// text to NFC and drop soft hyphens, as dom.Parse does.
func parse(data []byte) (*html.Node, error) {
	if !utf8.Valid(data) {
		return dom.Parse(bytes.NewReader(data))
	}
	softHyphen := runes.Remove(runes.Predicate(func(r rune) bool { return r == '\u00ad' }))
	t := transform.Chain(norm.NFD, softHyphen, norm.NFC)
	return html.Parse(transform.NewReader(bytes.NewReader(data), t))
}

// extract does the work; it runs in its own goroutine.
func (e *Extractor) extract(ctx context.Context, in *newsgraph.Input, data []byte) (*Result, error) {
	root, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("htmlpage: parse %s: %w", in.Name(), err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("htmlpage: %s: %w", in.Name(), err)
	}

	var pageURL *url.URL
	if in.Hints.URL != "" {
		if u, err := url.Parse(strings.TrimSpace(in.Hints.URL)); err == nil && u.IsAbs() {
			pageURL = u
		}
	}

	declared := declaredLanguage(root)

	// The publication date: metadata first, the URL only after it.
	dateOpts := htmldate.Options{ExtractTime: true, UseOriginalDate: true, DeferUrlExtractor: true}
	if pageURL != nil {
		dateOpts.URL = pageURL.String()
	}
	date, err := htmldate.FromDocument(root, dateOpts)
	if err != nil {
		e.log.Debug("htmlpage: htmldate failed", "input", in.Name(), "err", err)
		date = htmldate.Result{}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("htmlpage: %s: %w", in.Name(), err)
	}

	opts := trafilatura.Options{
		OriginalURL:      pageURL,
		EnableFallback:   e.fallback,
		HtmlDateOverride: &date,
	}
	tr, err := trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return nil, fmt.Errorf("htmlpage: no main text found in %s: %w", in.Name(), err)
	}
	if tr == nil || tr.ContentNode == nil {
		return nil, fmt.Errorf("htmlpage: no main text found in %s", in.Name())
	}
	// HtmlDateOverride only takes effect when htmldate found a time; the
	// metadata date is not used below, but keep it consistent for callers.
	if !date.IsZero() {
		tr.Metadata.Date = date.DateTime
	}

	paras := paragraphs(tr.ContentNode)
	if len(paras) == 0 || onlyTitle(paras, tr.Metadata.Title, pageTitle(root)) {
		return nil, fmt.Errorf("htmlpage: no main text found in %s", in.Name())
	}

	md := tr.Metadata
	doc := &newsgraph.Document{
		Source: newsgraph.Source{
			Path:   in.Path,
			Record: in.Record,
			Format: newsgraph.FormatHTML,
		},
		Author: strings.TrimSpace(md.Author),
	}

	// Source URL and site.
	switch {
	case pageURL != nil:
		doc.Source.URL = pageURL.String()
	case md.URL != "":
		doc.Source.URL = md.URL
	}
	doc.Source.Site = firstNonEmpty(in.Hints.Site, md.Sitename, hostOf(doc.Source.URL))

	// Title.
	title := collapse(firstNonEmpty(in.Hints.Title, md.Title))
	doc.Title = newsgraph.StringPtr(title)

	// The body keeps everything trafilatura extracted, a headline at its
	// top included; a headline trafilatura dropped from the page's <h1> is
	// reported as boilerplate.
	if line := droppedHeadline(root, title, paras); line != "" {
		doc.Boilerplate = append(doc.Boilerplate, newsgraph.BoilerplateLine{Text: line, Kind: newsgraph.KindTitle})
	}
	for _, p := range paras {
		doc.Paragraphs = append(doc.Paragraphs, p.text)
	}
	if tr.CommentsNode != nil {
		for i, c := range paragraphs(tr.CommentsNode) {
			if i == maxCommentLines {
				break
			}
			doc.Boilerplate = append(doc.Boilerplate, newsgraph.BoilerplateLine{Text: truncateRunes(c.text, 500), Kind: newsgraph.KindComment})
		}
	}

	// Publication date.
	doc.Published = published(date, dateOpts.URL, in.Hints.Date)

	// Language.
	lang := normalizeLang(in.Hints.Language)
	if lang == "" {
		lang = declared
	}
	if lang == "" && e.detectedLang && bodyRunes(paras) >= minDetectRunes {
		lang = normalizeLang(md.Language)
	}
	doc.Language = newsgraph.StringPtr(lang)

	doc.IsArticle = isArticle(paras, md.PageType)
	doc.Normalize()
	return &Result{Doc: doc, Trafilatura: tr, Date: date}, nil
}

// minDetectRunes is the body length from which trafilatura's detected
// language is trusted.
const minDetectRunes = 250

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func hostOf(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}

// onlyTitle reports whether the extracted body is nothing but the page's
// title: trafilatura's baseline falls back to the <title> text on pages
// whose body has no text (empty or rendered by scripts). A paragraph counts
// as the title when it equals one of the titles once reduced to letters and
// digits, or starts with one and adds at most a site name.
func onlyTitle(paras []para, titles ...string) bool {
	for _, p := range paras {
		k := titleKey(p.text)
		if k == "" {
			continue
		}
		match := false
		for _, t := range titles {
			tk := titleKey(t)
			if tk != "" && (k == tk || (strings.HasPrefix(k, tk) && len(k)-len(tk) <= 60)) {
				match = true
				break
			}
		}
		if !match {
			return false
		}
	}
	return true
}

// pageTitle returns the text of the page's <title> element.
func pageTitle(root *html.Node) string {
	if t := dom.QuerySelector(root, "title"); t != nil {
		return textOf(t)
	}
	return ""
}

// textOf returns the collapsed text content of n.
func textOf(n *html.Node) string {
	return collapse(dom.TextContent(n))
}
