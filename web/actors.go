package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/registry"
)

// Store is what the handler reads from: the documents, the corpus-wide
// actor registry, the quotes and the events. *sqlite.Store implements it.
type Store interface {
	newsgraph.Store
	ActorReader
	QuoteReader
	newsgraph.EventReader
}

// ActorReader reads the corpus-wide actor registry.
type ActorReader interface {
	// Actors lists actors, most documents first.
	Actors(ctx context.Context, q newsgraph.ActorQuery) ([]newsgraph.RegisteredActor, error)
	// Actor returns one actor by key (the lower-cased name), or an error
	// satisfying errors.Is(err, newsgraph.ErrNotFound).
	Actor(ctx context.Context, key string) (*newsgraph.RegisteredActor, error)
	// ActorMonths counts the actor's documents per month of publication.
	ActorMonths(ctx context.Context, key string) ([]newsgraph.MonthCount, error)
}

// Actor list parameter limits.
const (
	defaultActorLimit = 50
	maxKeyLen         = 400 // bytes of an actor key in a URL
)

// ActorsResponse is the JSON answer of GET /api/actors.
type ActorsResponse struct {
	Limit  int                         `json:"limit"`
	Offset int                         `json:"offset"`
	Actors []newsgraph.RegisteredActor `json:"actors"`
}

// ActorDetail is the JSON answer of GET /api/actors/{key} (and of the
// CLI's actors NAME --json): the actor with its documents per month.
type ActorDetail struct {
	newsgraph.RegisteredActor
	Months []newsgraph.MonthCount `json:"months"`
}

// parseActorQuery reads and validates the actor list parameters: country
// (ISO 3166 alpha-3), code (a code prefix), type (entity type), q (a
// substring of the name), limit and offset.
func parseActorQuery(v url.Values) (newsgraph.ActorQuery, error) {
	q := newsgraph.ActorQuery{
		Country: strings.ToUpper(strings.TrimSpace(v.Get("country"))),
		Code:    strings.ToUpper(strings.TrimSpace(v.Get("code"))),
		Type:    strings.ToUpper(strings.TrimSpace(v.Get("type"))),
		Query:   strings.TrimSpace(v.Get("q")),
	}
	if q.Country != "" && (len(q.Country) != 3 || !upperLetters(q.Country)) {
		return q, badParam("country must be an ISO 3166 alpha-3 code such as KOR")
	}
	if q.Code != "" && (len(q.Code) > 15 || !upperLetters(q.Code)) {
		return q, badParam("code must be the start of an actor code such as KORGOV (letters only)")
	}
	if q.Type != "" && (len(q.Type) > 20 || !upperLetters(q.Type)) {
		return q, badParam("type must be an entity type such as PERSON")
	}
	if !utf8.ValidString(q.Query) {
		return q, badParam("q is not valid UTF-8")
	}
	if utf8.RuneCountInString(q.Query) > maxFilterLen {
		return q, badParam("q is longer than %d characters", maxFilterLen)
	}
	var err error
	if q.Limit, err = intParam(v, "limit", defaultActorLimit); err != nil || q.Limit < 1 || q.Limit > maxLimit {
		return q, badParam("limit must be an integer from 1 to %d", maxLimit)
	}
	if q.Offset, err = intParam(v, "offset", 0); err != nil || q.Offset < 0 || q.Offset > maxOffset {
		return q, badParam("offset must be an integer from 0 to %d", maxOffset)
	}
	return q, nil
}

func upperLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// actorKey returns the registry key named by the request's {key}: the
// lower-cased name. A missing or absurd key is ErrNotFound.
func actorKey(r *http.Request) (string, error) {
	key := strings.TrimSpace(r.PathValue("key"))
	if key == "" || len(key) > maxKeyLen || !utf8.ValidString(key) {
		return "", newsgraph.ErrNotFound
	}
	return registry.Key(key), nil
}

// ActorURL is the address of an actor's page: /actors/ and the
// path-escaped lower-cased name.
func ActorURL(name string) string { return "/actors/" + url.PathEscape(registry.Key(name)) }

// handleAPIActors serves GET /api/actors.
func (s *server) handleAPIActors(w http.ResponseWriter, r *http.Request) {
	q, err := parseActorQuery(r.URL.Query())
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	actors, err := s.store.Actors(r.Context(), q)
	if err != nil {
		s.log.ErrorContext(r.Context(), "web: actors failed", "path", r.URL.Path, "err", err)
		writeJSONError(w, http.StatusInternalServerError, "internal error")
		return
	}
	if actors == nil {
		actors = []newsgraph.RegisteredActor{}
	}
	writeJSON(w, http.StatusOK, ActorsResponse{Limit: q.Limit, Offset: q.Offset, Actors: actors})
}

// handleAPIActor serves GET /api/actors/{key}.
func (s *server) handleAPIActor(w http.ResponseWriter, r *http.Request) {
	d, err := s.actorDetail(r)
	switch {
	case errors.Is(err, newsgraph.ErrNotFound):
		writeJSONError(w, http.StatusNotFound, "not found")
	case err != nil:
		s.log.ErrorContext(r.Context(), "web: actor failed", "path", r.URL.Path, "err", err)
		writeJSONError(w, http.StatusInternalServerError, "internal error")
	default:
		writeJSON(w, http.StatusOK, d)
	}
}

// actorDetail loads the actor named by the request with its months.
func (s *server) actorDetail(r *http.Request) (*ActorDetail, error) {
	key, err := actorKey(r)
	if err != nil {
		return nil, err
	}
	a, err := s.store.Actor(r.Context(), key)
	if err != nil {
		return nil, fmt.Errorf("load actor %q: %w", key, err)
	}
	if a == nil {
		return nil, newsgraph.ErrNotFound
	}
	months, err := s.store.ActorMonths(r.Context(), key)
	if err != nil {
		return nil, fmt.Errorf("load months of %q: %w", key, err)
	}
	return NewActorDetail(a, months), nil
}

// NewActorDetail joins an actor and its months for JSON, with empty
// arrays rather than nulls.
func NewActorDetail(a *newsgraph.RegisteredActor, months []newsgraph.MonthCount) *ActorDetail {
	d := &ActorDetail{RegisteredActor: *a, Months: months}
	if d.Codes == nil {
		d.Codes = []newsgraph.CodeCount{}
	}
	if d.Descriptors == nil {
		d.Descriptors = []newsgraph.DescriptorCount{}
	}
	if d.Months == nil {
		d.Months = []newsgraph.MonthCount{}
	}
	return d
}

// codeView is an actor code ready for display: the code, its parts in
// words and where it came from.
type codeView struct {
	Code     string
	Parts    []registry.Part
	Explain  string // "South Korea · government"
	Source   string
	Evidence string
}

func newCodeView(a *newsgraph.Actor) *codeView {
	if a == nil || a.Code == "" {
		return nil
	}
	return &codeView{Code: a.Code, Parts: registry.Parts(a.Code), Explain: registry.Explain(a.Code), Source: sourceLabel(a.Source), Evidence: a.Evidence}
}

// sourceLabel says where a code came from, in words.
func sourceLabel(source string) string {
	switch source {
	case newsgraph.ActorFromText:
		return "from the text"
	case newsgraph.ActorFromKB:
		return "from the knowledge base"
	case newsgraph.ActorFromRegistry:
		return "from the registry"
	case newsgraph.ActorFromOverride:
		return "from an override"
	case "":
		return ""
	}
	return "from " + source
}

// actorRow is one actor in the index.
type actorRow struct {
	URL         string
	Name        string
	Type        string
	Code        *codeView
	Documents   int
	FirstDate   string
	LastDate    string
	Descriptors []newsgraph.DescriptorCount
}

// actorsPage is the data of the actors index.
type actorsPage struct {
	layout
	Query  newsgraph.ActorQuery
	Types  []string
	Error  string
	Actors []actorRow
	First  int
	Prev   string
	Next   string
}

// entityTypes are the types the index filters on.
var entityTypes = []string{"PERSON", "ORG", "GPE", "LOC", "MISC"}

// handleActorsPage serves GET /actors: the registry, filtered.
func (s *server) handleActorsPage(w http.ResponseWriter, r *http.Request) {
	data := actorsPage{layout: layout{Site: s.title, Title: "Actors"}, Types: entityTypes}
	v := r.URL.Query()
	q, err := parseActorQuery(v)
	data.Query = q
	if err != nil {
		data.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "actors", data)
		return
	}
	// One more than the page tells whether there is a next page.
	ask := q
	ask.Limit++
	actors, err := s.store.Actors(r.Context(), ask)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(actors) > q.Limit {
		actors = actors[:q.Limit]
		data.Next = actorsLink(q, q.Offset+q.Limit)
	}
	if q.Offset > 0 {
		data.Prev = actorsLink(q, max(0, q.Offset-q.Limit))
	}
	data.First = q.Offset + 1
	for _, a := range actors {
		data.Actors = append(data.Actors, actorRow{
			URL: ActorURL(a.Key), Name: a.Name, Type: a.Type, Code: newCodeView(a.Actor),
			Documents: a.Documents, FirstDate: a.FirstDate, LastDate: a.LastDate,
			Descriptors: a.Descriptors[:min(len(a.Descriptors), 3)],
		})
	}
	s.render(w, r, http.StatusOK, "actors", data)
}

// actorsLink is the index URL of q at another offset.
func actorsLink(q newsgraph.ActorQuery, offset int) string {
	v := url.Values{}
	for k, s := range map[string]string{"country": q.Country, "code": q.Code, "type": q.Type, "q": q.Query} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if q.Limit != defaultActorLimit {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	if offset > 0 {
		v.Set("offset", strconv.Itoa(offset))
	}
	if len(v) == 0 {
		return "/actors"
	}
	return "/actors?" + v.Encode()
}

// actorPage is the data of an actor's page.
type actorPage struct {
	layout
	Actor *newsgraph.RegisteredActor
	Code  *codeView
	// Codes are the codes documents gave, with their parts explained.
	Codes []codeCountView
	Chart template.HTML
	// Months counts the months with documents, Total their documents.
	Months, Total int
	Docs          []pageHit
	DocsTotal     int
	DocsCapped    bool
	DocsURL       string
	// Quotes are what the actor said, newest first.
	Quotes []newsgraph.QuoteGroup
	// Events are the events the actor took part in, newest first;
	// EventsMore says there are more than the page lists; EventsURL
	// lists them all as JSON.
	Events     []corpusEventView
	EventsMore bool
	EventsURL  string
}

// actorEvents is how many of an actor's events its page lists.
const actorEvents = 20

// actorQuotes is how many of an actor's quotes its page lists.
const actorQuotes = 20

// codeCountView is one row of the codes table.
type codeCountView struct {
	newsgraph.CodeCount
	Explain string
	Source  string
}

// actorDocs is how many of an actor's documents its page lists.
const actorDocs = 20

// handleActorPage serves GET /actors/{key}.
func (s *server) handleActorPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.actorDetail(r)
	if errors.Is(err, newsgraph.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, "Actor not found", "No actor of the registry has this name. It may be spelled differently, or no document has coded it yet.")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	a := &d.RegisteredActor
	data := actorPage{
		layout:  layout{Site: s.title, Title: a.Name},
		Actor:   a,
		Code:    newCodeView(a.Actor),
		Chart:   monthChart("Documents per month mentioning "+a.Name, d.Months),
		Months:  len(d.Months),
		DocsURL: "/?" + url.Values{"entity": {a.Name}}.Encode(),
	}
	for _, m := range d.Months {
		data.Total += m.Count
	}
	for _, c := range a.Codes {
		data.Codes = append(data.Codes, codeCountView{CodeCount: c, Explain: registry.Explain(c.Code), Source: sourceLabel(c.Source)})
	}
	if a.Documents > 0 {
		res, err := s.store.Search(r.Context(), newsgraph.SearchQuery{Entity: a.Name, Limit: actorDocs})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if res != nil {
			data.DocsTotal, data.DocsCapped = res.Total, res.Capped
			for _, h := range res.Hits {
				data.Docs = append(data.Docs, pageHit{ID: h.ID, Title: h.Title, Date: newDateView(h.Published), Language: h.Language, Site: h.Site, URL: h.URL})
			}
		}
		quotes, err := s.store.Quotes(r.Context(), newsgraph.QuoteQuery{Speaker: a.Name, Limit: actorQuotes})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		data.Quotes = quotes
		// One more than the page shows tells whether there are more.
		events, err := s.store.Events(r.Context(), newsgraph.EventQuery{Name: a.Name, Limit: actorEvents + 1})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if len(events) > actorEvents {
			events, data.EventsMore = events[:actorEvents], true
		}
		data.Events = s.corpusEvents(events)
		data.EventsURL = "/api/events?" + url.Values{"name": {a.Name}}.Encode()
	}
	s.render(w, r, http.StatusOK, "actor", data)
}
