package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/newsgraph/newsgraph"
)

// SearchResponse is the JSON answer of GET /api/search (and of the CLI's
// search --json).
type SearchResponse struct {
	Total int `json:"total"`
	// Capped says counting stopped at Total: there are more matches.
	Capped bool                `json:"capped"`
	Limit  int                 `json:"limit"`
	Offset int                 `json:"offset"`
	Hits   []SearchResponseHit `json:"hits"`
}

// SearchResponseHit is one hit in the JSON answer. Unknown strings are
// null, as in the document contract. Snippet is HTML: the matched terms in
// <mark>…</mark>, everything else escaped.
type SearchResponseHit struct {
	ID        string              `json:"id"`
	Title     *string             `json:"title"`
	Published newsgraph.Published `json:"published"`
	Language  *string             `json:"language"`
	Site      *string             `json:"site"`
	URL       *string             `json:"url"`
	Snippet   string              `json:"snippet"`
	Score     float64             `json:"score"`
}

// handleAPISearch serves GET /api/search.
func (s *server) handleAPISearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseSearch(r.URL.Query())
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.log.ErrorContext(r.Context(), "web: search failed", "path", r.URL.Path, "query", q.Text, "err", err)
		writeJSONError(w, http.StatusInternalServerError, "internal error")
		return
	}
	out := SearchJSON(res, q)
	writeJSON(w, http.StatusOK, out)
}

// SearchJSON builds the JSON answer for a search result of query q. A nil
// result gives an empty answer; Hits is never null.
func SearchJSON(res *newsgraph.SearchResult, q newsgraph.SearchQuery) SearchResponse {
	out := SearchResponse{Limit: q.Limit, Offset: q.Offset, Hits: []SearchResponseHit{}}
	if res == nil {
		return out
	}
	out.Total, out.Capped = res.Total, res.Capped
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, SearchResponseHit{
			ID:        h.ID,
			Title:     newsgraph.StringPtr(h.Title),
			Published: h.Published,
			Language:  newsgraph.StringPtr(h.Language),
			Site:      newsgraph.StringPtr(h.Site),
			URL:       newsgraph.StringPtr(h.URL),
			Snippet:   snippetHTML(h.Snippet),
			Score:     h.Score,
		})
	}
	return out
}

// handleAPIDocument serves GET /api/documents/{id}: the record exactly as
// stored.
func (s *server) handleAPIDocument(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	switch {
	case errors.Is(err, newsgraph.ErrNotFound):
		writeJSONError(w, http.StatusNotFound, "not found")
	case err != nil:
		s.log.ErrorContext(r.Context(), "web: document failed", "path", r.URL.Path, "err", err)
		writeJSONError(w, http.StatusInternalServerError, "internal error")
	default:
		writeJSON(w, http.StatusOK, doc)
	}
}

// maxIDLen bounds the document IDs passed to the store; real IDs are 32 hex
// digits.
const maxIDLen = 128

// document loads the document named by the request's {id}. A missing or
// absurd ID is reported as ErrNotFound without asking the store.
func (s *server) document(r *http.Request) (*newsgraph.Document, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > maxIDLen {
		return nil, newsgraph.ErrNotFound
	}
	doc, err := s.store.Document(r.Context(), id)
	if err != nil {
		return nil, fmt.Errorf("load document %q: %w", id, err)
	}
	if doc == nil {
		return nil, newsgraph.ErrNotFound
	}
	return doc, nil
}
