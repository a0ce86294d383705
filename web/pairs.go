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

// pairEvents is how many events one pair page lists.
const pairEvents = 25

// pairPage is the data of the pair view.
type pairPage struct {
	layout
	A, B         string // country codes
	NameA, NameB string
	Chart        template.HTML
	// Months counts the months with events, Total their events, Mean
	// their mean Goldstein value.
	Months, Total int
	Mean          string
	Events        []corpusEventView
	First         int
	Prev, Next    string
	// APIURL lists the same events as JSON; Swap is the view with the
	// countries the other way round.
	APIURL string
	Swap   string
}

// pairsForm is the data of the /pairs form.
type pairsForm struct {
	layout
	A, B  string
	Error string
}

// checkPair validates two country codes (upper-cased): a malformed code is
// a *paramError (400), an unknown one newsgraph.ErrNotFound (404).
func checkPair(a, b string) error {
	for _, c := range []string{a, b} {
		if !countryCode(c) {
			return badParam("%q is not a country code: use three letters, such as CHN or KOR", c)
		}
	}
	for _, c := range []string{a, b} {
		if registry.PrefixName(c) == "" {
			return newsgraph.ErrNotFound
		}
	}
	return nil
}

// handlePairsPage serves GET /pairs: a form for two country codes, which
// leads to their pair view.
func (s *server) handlePairsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	a := strings.ToUpper(strings.TrimSpace(v.Get("a")))
	b := strings.ToUpper(strings.TrimSpace(v.Get("b")))
	data := pairsForm{layout: layout{Site: s.title, Title: "Country pairs"}, A: a, B: b}
	if a == "" && b == "" {
		s.render(w, r, http.StatusOK, "pairs", data)
		return
	}
	if err := checkPair(a, b); err != nil {
		var pe *paramError
		if errors.As(err, &pe) {
			data.Error = pe.Error()
		} else {
			data.Error = "Unknown country code: use an ISO 3166 alpha-3 code such as CHN or KOR."
		}
		s.render(w, r, http.StatusBadRequest, "pairs", data)
		return
	}
	http.Redirect(w, r, "/pairs/"+a+"/"+b, http.StatusSeeOther)
}

// handlePairPage serves GET /pairs/{a}/{b}: the events between two
// countries, a chart of them per month with their mean Goldstein value,
// and the list of events (either direction) with the documents that
// report them.
func (s *server) handlePairPage(w http.ResponseWriter, r *http.Request) {
	rawA, rawB := r.PathValue("a"), r.PathValue("b")
	a, b := strings.ToUpper(rawA), strings.ToUpper(rawB)
	switch err := checkPair(a, b); {
	case errors.Is(err, newsgraph.ErrNotFound):
		s.renderError(w, r, http.StatusNotFound, "Country not found", "One of these codes names no country. Use ISO 3166 alpha-3 codes such as CHN or KOR.")
		return
	case err != nil:
		s.renderError(w, r, http.StatusBadRequest, "Bad country code", err.Error())
		return
	}
	if a != rawA || b != rawB {
		// One address per pair: /pairs/CHN/KOR.
		target := "/pairs/" + a + "/" + b
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	offset, err := intParam(r.URL.Query(), "offset", 0)
	if err != nil || offset < 0 || offset > maxOffset {
		s.renderError(w, r, http.StatusBadRequest, "Bad page", "offset must be an integer from 0 to "+strconv.Itoa(maxOffset)+".")
		return
	}
	months, err := s.store.PairMonths(r.Context(), a, b)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// One more than the page tells whether there is a next page.
	events, err := s.store.Events(r.Context(), newsgraph.EventQuery{Pair: [2]string{a, b}, Mentions: true, Limit: pairEvents + 1, Offset: offset})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	nameA, nameB := registry.PrefixName(a), registry.PrefixName(b)
	data := pairPage{
		layout: layout{Site: s.title, Title: nameA + " and " + nameB},
		A:      a, B: b, NameA: nameA, NameB: nameB,
		Chart:  pairChart("Events between "+nameA+" and "+nameB+" per month, with their mean Goldstein value", months),
		First:  offset + 1,
		APIURL: "/api/events?" + url.Values{"pair": {a + "," + b}, "mentions": {"1"}}.Encode(),
		Swap:   "/pairs/" + b + "/" + a,
	}
	var sum float64
	for _, m := range months {
		if m.Events > 0 {
			data.Months++
			data.Total += m.Events
			sum += m.MeanGoldstein * float64(m.Events)
		}
	}
	if data.Total > 0 {
		data.Mean = signed(sum / float64(data.Total))
	}
	page := "/pairs/" + a + "/" + b
	if len(events) > pairEvents {
		events = events[:pairEvents]
		data.Next = page + "?offset=" + strconv.Itoa(offset+pairEvents)
	}
	if offset > 0 {
		data.Prev = page
		if p := offset - pairEvents; p > 0 {
			data.Prev += "?offset=" + strconv.Itoa(p)
		}
	}
	data.Events = s.corpusEvents(events)
	for i := range data.Events {
		data.Events[i].PairURL = "" // this page
	}
	s.render(w, r, http.StatusOK, "pair", data)
}
