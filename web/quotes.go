package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/newsgraph/newsgraph"
)

// QuoteReader reads the corpus's quotes (groups of mentions across
// outlets).
type QuoteReader interface {
	Quotes(ctx context.Context, q newsgraph.QuoteQuery) ([]newsgraph.QuoteGroup, error)
}

// Quote list limits.
const (
	defaultQuoteLimit = 20
	maxQuoteLimit     = 200
)

// QuotesResponse is the JSON answer of GET /api/quotes.
type QuotesResponse struct {
	Limit  int                    `json:"limit"`
	Offset int                    `json:"offset"`
	Quotes []newsgraph.QuoteGroup `json:"quotes"`
}

// parseQuoteQuery reads speaker, about, from, to, limit and offset.
func parseQuoteQuery(v url.Values) (newsgraph.QuoteQuery, error) {
	q := newsgraph.QuoteQuery{Speaker: v.Get("speaker"), About: v.Get("about"), From: v.Get("from"), To: v.Get("to"), Limit: defaultQuoteLimit}
	for _, d := range []string{q.From, q.To} {
		if d != "" && !newsgraph.ValidDate(d) {
			return q, fmt.Errorf("bad date %q: use YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxQuoteLimit {
			return q, fmt.Errorf("limit must be from 1 to %d", maxQuoteLimit)
		}
		q.Limit = n
	}
	if s := v.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return q, fmt.Errorf("offset must be a number, at least 0")
		}
		q.Offset = n
	}
	return q, nil
}

// handleAPIQuotes serves GET /api/quotes.
func (s *server) handleAPIQuotes(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuoteQuery(r.URL.Query())
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	quotes, err := s.store.Quotes(r.Context(), q)
	if err != nil {
		s.log.ErrorContext(r.Context(), "web: quotes failed", "path", r.URL.Path, "err", err)
		writeJSONError(w, http.StatusInternalServerError, "internal error")
		return
	}
	if quotes == nil {
		quotes = []newsgraph.QuoteGroup{}
	}
	writeJSON(w, http.StatusOK, QuotesResponse{Limit: q.Limit, Offset: q.Offset, Quotes: quotes})
}
