package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/registry"
)

// funcs are the template helpers shared by every page.
var funcs = template.FuncMap{
	"snippet":  snippetTemplate,
	"inc":      func(i int) int { return i + 1 },
	"count":    formatCount,
	"actorURL": ActorURL,
	"explain":  registry.Explain,
	"span":     dateSpan,
	// registered: the entity has an actor page.
	"registered": newsgraph.InRegistry,
	// quoteTitle labels a highlighted quote with its speaker.
	"quoteTitle": func(q *newsgraph.Quote) string {
		if q.Speaker != nil {
			return "Quote (" + q.Kind + "): " + *q.Speaker
		}
		return "Quote (" + q.Kind + "): speaker unknown"
	},
}

// dateSpan writes "2022-05-03 … 2024-12" from two dates, one date when
// they are equal, "" without dates.
func dateSpan(first, last string) string {
	switch {
	case first == "" && last == "":
		return ""
	case first == last || last == "":
		return first
	case first == "":
		return last
	}
	return first + " … " + last
}

// searchPage is the data of the search page.
type searchPage struct {
	layout
	Query    newsgraph.SearchQuery
	Searched bool
	Error    string
	Total    int
	Capped   bool
	First    int // 1-based position of the first hit shown
	Last     int // 1-based position of the last hit shown
	Hits     []pageHit
	Prev     string // URL of the previous page, "" on the first
	Next     string // URL of the next page, "" on the last
	Pages    []pageLink
}

// pageHit is one search result on the page.
type pageHit struct {
	ID       string
	Title    string
	Date     dateView
	Language string
	Site     string
	URL      string
	Snippet  template.HTML
}

// pageLink is one numbered pagination link.
type pageLink struct {
	Number  int
	URL     string
	Current bool
}

// handleSearchPage serves GET /: the form, and the results when any
// parameter is given.
func (s *server) handleSearchPage(w http.ResponseWriter, r *http.Request) {
	data := searchPage{layout: layout{Site: s.title, Title: "Search"}}
	v := r.URL.Query()
	q, err := parseSearch(v)
	data.Query = q
	if err != nil {
		// Keep what the user typed so the form can be corrected.
		data.Query.Text, data.Query.From, data.Query.To = v.Get("q"), v.Get("from"), v.Get("to")
		data.Query.Lang, data.Query.Site = v.Get("lang"), v.Get("site")
		data.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "search", data)
		return
	}
	if q.Text == "" && q.From == "" && q.To == "" && q.Lang == "" && q.Site == "" && q.Entity == "" {
		s.render(w, r, http.StatusOK, "search", data)
		return
	}
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data.Searched = true
	data.Title = "Search results"
	if q.Text != "" {
		data.Title = "Search: " + q.Text
	}
	if res == nil {
		res = &newsgraph.SearchResult{}
	}
	data.Total, data.Capped = res.Total, res.Capped
	for _, h := range res.Hits {
		data.Hits = append(data.Hits, pageHit{
			ID:       h.ID,
			Title:    h.Title,
			Date:     newDateView(h.Published),
			Language: h.Language,
			Site:     h.Site,
			URL:      h.URL,
			Snippet:  snippetTemplate(h.Snippet),
		})
	}
	if len(data.Hits) > 0 {
		data.First = q.Offset + 1
		data.Last = q.Offset + len(data.Hits)
	}
	data.Prev, data.Next, data.Pages = paginate(q, res.Total)
	s.render(w, r, http.StatusOK, "search", data)
}

// paginate returns the previous and next page URLs and a window of
// numbered page links around the current page.
func paginate(q newsgraph.SearchQuery, total int) (prev, next string, pages []pageLink) {
	link := func(offset int) string {
		p := q
		p.Offset = offset
		return "/?" + values(p).Encode()
	}
	if q.Offset > 0 {
		prev = link(max(0, q.Offset-q.Limit))
	}
	if q.Offset+q.Limit < total {
		next = link(q.Offset + q.Limit)
	}
	if total <= q.Limit && q.Offset == 0 {
		return prev, next, nil
	}
	current := q.Offset/q.Limit + 1
	count := (total + q.Limit - 1) / q.Limit
	for n := max(1, current-3); n <= min(count, current+3); n++ {
		pages = append(pages, pageLink{Number: n, URL: link((n - 1) * q.Limit), Current: n == current && q.Offset%q.Limit == 0})
	}
	return prev, next, pages
}

// documentPage is the data of the document page.
type documentPage struct {
	layout
	Doc  *newsgraph.Document
	Date dateView
	// Link is the source URL when it is safe to link to (http or https).
	Link string
	// Paragraphs are the body paragraphs cut at entity mentions, quotes
	// and event evidence.
	Paragraphs [][]segment
	// Events are the document's coded events.
	Events []docEventView
}

// handleDocumentPage serves GET /documents/{id}.
func (s *server) handleDocumentPage(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if errors.Is(err, newsgraph.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, "Document not found", "No document has this ID. It may have been removed or the link is mistyped.")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := doc.TitleText()
	if title == "" {
		title = "Untitled document"
	}
	paras := paragraphSegments(doc)
	data := documentPage{
		layout:     layout{Site: s.title, Title: title},
		Doc:        doc,
		Date:       newDateView(doc.Published),
		Link:       safeLink(doc.Source.URL),
		Paragraphs: paras,
		Events:     s.documentEvents(doc, renderedAnchors(paras)),
	}
	s.render(w, r, http.StatusOK, "document", data)
}

// safeLink returns u when it is an absolute http or https URL, else "".
func safeLink(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return u
}

// dateView is a publication date ready for display.
type dateView struct {
	Date      string // "2022-11-15", "" when unknown
	Time      string
	Precision string // "year only", "month only", "day"
	Origin    string // "from the crawl header"
	Raw       string // the declared raw date, when it differs from Date
	Conflict  string
}

// Known reports whether there is a date.
func (d dateView) Known() bool { return d.Date != "" }

// Detail is the parenthesised explanation: "year only · from the crawl
// header, raw 2022-01-01".
func (d dateView) Detail() string {
	var parts []string
	if d.Precision != "" {
		parts = append(parts, d.Precision)
	}
	if d.Origin != "" {
		parts = append(parts, d.Origin)
	}
	s := strings.Join(parts, " · ")
	if d.Raw != "" {
		if s != "" {
			s += ", "
		}
		s += "raw " + d.Raw
	}
	return s
}

// DateDescription describes a publication date in one line, as the
// document page shows it: "2022 (year only · from the crawl header, raw
// 2022-01-01)", with " — conflict: …" appended when the input's date and
// the text disagreed, and "unknown" when there is no date.
func DateDescription(p newsgraph.Published) string {
	d := newDateView(p)
	s := "unknown"
	if d.Known() {
		s = d.Date
		if d.Time != "" {
			s += " " + d.Time
		}
	}
	if detail := d.Detail(); detail != "" {
		s += " (" + detail + ")"
	}
	if d.Conflict != "" {
		s += " — conflict: " + d.Conflict
	}
	return s
}

func newDateView(p newsgraph.Published) dateView {
	d := dateView{Date: p.Date, Time: p.Time, Conflict: p.Conflict}
	switch p.Precision {
	case newsgraph.PrecisionYear:
		d.Precision = "year only"
	case newsgraph.PrecisionMonth:
		d.Precision = "month only"
	case newsgraph.PrecisionDay:
		d.Precision = "day"
	default:
		d.Precision = string(p.Precision)
	}
	d.Origin = originLabel(p.Origin)
	if p.Raw != "" && p.Raw != p.Date {
		d.Raw = p.Raw
	}
	return d
}

// originLabel explains a date origin in words.
func originLabel(origin string) string {
	switch origin {
	case "":
		return ""
	case newsgraph.OriginTimestamp:
		return "from a timestamp line in the page"
	case newsgraph.OriginDateline:
		return "from the dateline"
	case newsgraph.OriginText:
		return "from the article text"
	case newsgraph.OriginURL:
		return "from the URL"
	case newsgraph.OriginHTMLMeta:
		return "from the page markup"
	case newsgraph.OriginHeader:
		return "from the crawl header"
	case newsgraph.OriginInput:
		return "from the input's date field"
	}
	return "from " + origin
}

// formatCount writes n with thousands separators.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
