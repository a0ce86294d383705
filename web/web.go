// Package web serves newsgraph's JSON API and its server-rendered web UI.
//
// New returns one http.Handler with these routes (Go 1.22 ServeMux patterns):
//
//	GET /healthz              {"status":"ok"}, or 503 when a quick store check fails
//	GET /api/search           full-text search as JSON (see searchResponse)
//	GET /api/documents/{id}   the stored document's JSON record (the v1 contract)
//	GET /api/actors           the actor registry as JSON (see ActorsResponse)
//	GET /api/actors/{key}     one actor with its documents per month (ActorDetail)
//	GET /api/quotes           the quotes across outlets (QuotesResponse)
//	GET /api/events           the corpus events, filtered by actor, source,
//	                          target, pair, name, root, dates, document
//	                          (EventsResponse)
//	GET /{$}                  the search page
//	GET /documents/{id}       the document page, with its events and their
//	                          evidence sentences marked in the body
//	GET /actors               the actor registry, filtered by country, code, type, name
//	GET /actors/{key}         an actor's page: code explained, evidence, codes,
//	                          descriptors, a chart of documents per month,
//	                          quotes, events, documents
//	GET /pairs                a form for two country codes
//	GET /pairs/{a}/{b}        the events between two countries: a chart per
//	                          month (count and mean Goldstein), the events
//	                          with the documents that report them
//	GET /static/...           embedded CSS and a tiny optional script
//
// Design choices:
//
//   - Everything is server-rendered with html/template, so pages work
//     without JavaScript and all escaping is contextual. Templates and
//     static files are embedded with go:embed: the binary is the whole site,
//     with no CDN and no external fonts.
//   - Each page is its own template set: the shared layout plus one page
//     file. The document page defines empty template blocks ("entities",
//     "quotes", "events") where later stages add their sections without
//     touching the rest of the page.
//   - Templates render into a buffer before anything is written, so a
//     failing template becomes a clean 500 page instead of half a page.
//   - Search parameters are parsed and validated once (parseSearch) for both
//     the API and the page; the API answers 400 {"error": …} and the page
//     shows the message next to the form.
//   - Actors are addressed by their registry key, the lower-cased name,
//     path-escaped (ActorURL): /actors/xi%20jinping. The documents-per-month
//     chart is inline SVG drawn on the server (monthChart), so it needs no
//     script and obeys the same Content-Security-Policy.
//   - An event's evidence sentence is a span of the document body with an
//     id (evidenceAnchor: "ev-" paragraph "-" start); the events list links
//     to it and the stylesheet marks the :target, so finding an event's
//     sentence needs no script. Events of one sentence share its anchor,
//     and the pair view links each report to it.
//   - Country pairs have one address, /pairs/CHN/KOR (other spellings are
//     redirected); the chart draws events per month as bars and their mean
//     Goldstein value as a line on a −10…+10 axis (pairChart).
//   - Snippets come from the store with matched terms between
//     newsgraph.SnippetOpen and SnippetClose; snippetHTML escapes everything
//     else and is the only place that produces <mark>, so a hostile title or
//     snippet can never inject markup.
//   - Internal errors are logged with slog together with the request path;
//     clients only see a generic message. A recover middleware turns a panic
//     into a logged 500 rather than a dropped connection.
//   - Every response carries a strict Content-Security-Policy (default-src
//     'self'), X-Content-Type-Options: nosniff and frame and referrer
//     restrictions; the pages use no inline script or style, so the policy
//     costs nothing.
//   - The handler holds no mutable state beyond what it is built with; the
//     parsed templates are read-only after New.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure the handler.
type Options struct {
	// Logger receives request errors and panics; nil means slog.Default().
	Logger *slog.Logger
	// Title is the site name shown in the header and page titles; empty
	// means "newsgraph".
	Title string
	// HealthTimeout bounds the store check of /healthz; zero means 2 s.
	HealthTimeout time.Duration
}

// Pinger is an optional interface a Store can implement to give /healthz a
// cheaper or more precise check than the default (looking up an ID that
// does not exist and expecting newsgraph.ErrNotFound).
type Pinger interface {
	Ping(ctx context.Context) error
}

// server holds the handler's dependencies. It is immutable after New.
type server struct {
	store         Store
	log           *slog.Logger
	title         string
	healthTimeout time.Duration
	pages         map[string]*template.Template
	// codebook returns the knowledge base whose CAMEO codebook names
	// event codes, loaded on first use (nil when it cannot be loaded).
	codebook func() *kb.KB
}

// New returns the HTTP handler serving the JSON API, the web pages and the
// static files, reading from store. It panics only if the embedded
// templates do not parse, which the package's tests rule out.
func New(store Store, opts Options) http.Handler {
	s := &server{
		store:         store,
		log:           opts.Logger,
		title:         opts.Title,
		healthTimeout: opts.HealthTimeout,
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.title == "" {
		s.title = "newsgraph"
	}
	if s.healthTimeout <= 0 {
		s.healthTimeout = 2 * time.Second
	}
	s.codebook = sync.OnceValue(s.loadCodebook)
	pages, err := parseTemplates()
	if err != nil {
		panic(fmt.Sprintf("web: embedded templates: %v", err))
	}
	s.pages = pages

	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(fmt.Sprintf("web: embedded static files: %v", err))
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /api/search", s.handleAPISearch)
	mux.HandleFunc("GET /api/documents/{id}", s.handleAPIDocument)
	mux.HandleFunc("GET /api/actors", s.handleAPIActors)
	mux.HandleFunc("GET /api/quotes", s.handleAPIQuotes)
	mux.HandleFunc("GET /api/actors/{key}", s.handleAPIActor)
	mux.HandleFunc("GET /api/events", s.handleAPIEvents)
	mux.HandleFunc("GET /{$}", s.handleSearchPage)
	mux.HandleFunc("GET /documents/{id}", s.handleDocumentPage)
	mux.HandleFunc("GET /actors", s.handleActorsPage)
	mux.HandleFunc("GET /actors/{key}", s.handleActorPage)
	mux.HandleFunc("GET /pairs", s.handlePairsPage)
	mux.HandleFunc("GET /pairs/{a}/{b}", s.handlePairPage)
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(http.FileServerFS(static))))
	mux.HandleFunc("/", s.handleFallback)
	return s.recoverer(securityHeaders(mux))
}

// pageNames are the page templates; each is parsed with layout.html.
var pageNames = []string{"search", "document", "error", "actors", "actor", "pairs", "pair"}

// parseTemplates parses each page together with the shared layout and the
// shared partials (templates/partial_*.html).
func parseTemplates() (map[string]*template.Template, error) {
	pages := make(map[string]*template.Template, len(pageNames))
	partials, err := fs.Glob(templateFS, "templates/partial_*.html")
	if err != nil {
		return nil, fmt.Errorf("glob partials: %w", err)
	}
	for _, name := range pageNames {
		patterns := append([]string{"templates/layout.html", "templates/" + name + ".html"}, partials...)
		// Optional extensions: templates/document_entities.html and the
		// like redefine a page's blocks.
		extra, err := fs.Glob(templateFS, "templates/"+name+"_*.html")
		if err != nil {
			return nil, fmt.Errorf("glob %s: %w", name, err)
		}
		patterns = append(patterns, extra...)
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, patterns...)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// staticHandler adds a cache lifetime to the embedded static files.
func staticHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic in a handler into a logged 500.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.ErrorContext(r.Context(), "web: panic", "path", r.URL.Path, "panic", fmt.Sprint(v))
				if strings.HasPrefix(r.URL.Path, "/api/") {
					writeJSONError(w, http.StatusInternalServerError, "internal error")
					return
				}
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// handleFallback answers every request no route matched: 405 for methods
// other than GET and HEAD, else 404 (JSON under /api/, an HTML page elsewhere).
func (s *server) handleFallback(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		if strings.HasPrefix(r.URL.Path, "/api/") {
			writeJSONError(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusNotFound, "not found")
		return
	}
	s.renderError(w, r, http.StatusNotFound, "Page not found", "There is no page at this address.")
}

// handleHealth checks the store quickly and reports its state.
func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.healthTimeout)
	defer cancel()
	if err := s.checkStore(ctx); err != nil {
		s.log.ErrorContext(ctx, "web: health check failed", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// checkStore uses the store's Ping when it has one, else looks up an ID no
// document can have (IDs are hex) and expects ErrNotFound.
func (s *server) checkStore(ctx context.Context) error {
	if p, ok := s.store.(Pinger); ok {
		if err := p.Ping(ctx); err != nil {
			return fmt.Errorf("ping store: %w", err)
		}
		return nil
	}
	_, err := s.store.Document(ctx, "-healthz-")
	if err == nil || errors.Is(err, newsgraph.ErrNotFound) {
		return nil
	}
	return fmt.Errorf("probe store: %w", err)
}

// writeJSON writes v as indented-free JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// writeJSONError writes {"error": msg}.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// render executes a page template into a buffer and writes it, or a 500
// page when the template fails.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	t, ok := s.pages[page]
	if !ok {
		s.serverError(w, r, fmt.Errorf("render: no page %q", page))
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		if page == "error" {
			s.log.ErrorContext(r.Context(), "web: render error page", "path", r.URL.Path, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		s.serverError(w, r, fmt.Errorf("render %s: %w", page, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// serverError logs err and shows a generic 500 page.
func (s *server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	s.renderError(w, r, http.StatusInternalServerError, "Something went wrong", "The page could not be shown. The error has been logged; please try again later.")
}

// renderError shows the error page with a status.
func (s *server) renderError(w http.ResponseWriter, r *http.Request, status int, heading, message string) {
	s.render(w, r, status, "error", errorPage{
		layout:  layout{Site: s.title, Title: heading},
		Status:  status,
		Heading: heading,
		Message: message,
	})
}

// layout is the data every page's layout needs.
type layout struct {
	Site  string
	Title string
}

// errorPage is the data of the error page.
type errorPage struct {
	layout
	Status  int
	Heading string
	Message string
}
