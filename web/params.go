package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Search parameter limits.
const (
	defaultLimit = 20
	maxLimit     = 1000
	maxOffset    = 1_000_000
	maxQueryLen  = 500 // code points of q
	maxFilterLen = 200 // code points of lang, site, entity
)

// paramError is a search parameter the client got wrong; its message is
// safe to show.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func badParam(format string, args ...any) error {
	return &paramError{msg: fmt.Sprintf(format, args...)}
}

// parseSearch reads and validates the search parameters shared by the API
// and the search page. Absent parameters take their defaults; malformed
// ones give a *paramError.
func parseSearch(v url.Values) (newsgraph.SearchQuery, error) {
	q := newsgraph.SearchQuery{
		Text:   v.Get("q"),
		From:   v.Get("from"),
		To:     v.Get("to"),
		Lang:   v.Get("lang"),
		Site:   v.Get("site"),
		Entity: v.Get("entity"),
	}
	var err error
	if q.Limit, err = intParam(v, "limit", defaultLimit); err != nil || q.Limit < 1 {
		return q, badParam("limit must be an integer from 1 to %d", maxLimit)
	}
	if q.Offset, err = intParam(v, "offset", 0); err != nil {
		return q, badParam("offset must be an integer from 0 to %d", maxOffset)
	}
	if err := ValidateQuery(&q); err != nil {
		return q, err
	}
	return q, nil
}

// intParam parses an integer parameter, returning def when it is absent.
func intParam(v url.Values, name string, def int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("parse %s: %w", name, err)
	}
	return n, nil
}

// ValidateQuery checks a search query the way the API does and normalises
// it in place: it trims the text fields, sets a zero Limit to the default
// (20), and rejects a Limit outside 1–1000, a negative Offset, dates that
// are not YYYY, YYYY-MM or YYYY-MM-DD (or From after To), invalid UTF-8
// and overlong text. Its errors are fit to show to the user. The CLI uses
// it so both front ends accept the same queries.
func ValidateQuery(q *newsgraph.SearchQuery) error {
	fields := []struct {
		name   string
		value  *string
		maxLen int
	}{
		{"q", &q.Text, maxQueryLen},
		{"lang", &q.Lang, maxFilterLen},
		{"site", &q.Site, maxFilterLen},
		{"entity", &q.Entity, maxFilterLen},
		{"from", &q.From, 0}, // checked by newsgraph.ValidDate below
		{"to", &q.To, 0},
	}
	for _, f := range fields {
		*f.value = strings.TrimSpace(*f.value)
		if !utf8.ValidString(*f.value) {
			return badParam("%s is not valid UTF-8", f.name)
		}
		if f.maxLen > 0 && utf8.RuneCountInString(*f.value) > f.maxLen {
			return badParam("%s is longer than %d characters", f.name, f.maxLen)
		}
	}
	for _, d := range []struct{ name, value string }{{"from", q.From}, {"to", q.To}} {
		if d.value != "" && !newsgraph.ValidDate(d.value) {
			return badParam("%s must be a date as YYYY, YYYY-MM or YYYY-MM-DD", d.name)
		}
	}
	if q.From != "" && q.To != "" {
		n := min(len(q.From), len(q.To))
		if q.From[:n] > q.To[:n] {
			return badParam("from (%s) is after to (%s)", q.From, q.To)
		}
	}
	if q.Limit == 0 {
		q.Limit = defaultLimit
	}
	if q.Limit < 1 || q.Limit > maxLimit {
		return badParam("limit must be an integer from 1 to %d", maxLimit)
	}
	if q.Offset < 0 || q.Offset > maxOffset {
		return badParam("offset must be an integer from 0 to %d", maxOffset)
	}
	return nil
}

// values encodes a query back into URL parameters, leaving out defaults,
// for links (pagination) that keep the current search.
func values(q newsgraph.SearchQuery) url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("q", q.Text)
	set("from", q.From)
	set("to", q.To)
	set("lang", q.Lang)
	set("site", q.Site)
	set("entity", q.Entity)
	if q.Limit != defaultLimit {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	if q.Offset != 0 {
		v.Set("offset", strconv.Itoa(q.Offset))
	}
	return v
}
