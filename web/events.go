package web

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/registry"
)

// Event list limits.
const (
	defaultEventLimit = 20
	maxEventLimit     = 200
	maxCodeLen        = 15 // letters of an actor code prefix
)

// EventsResponse is the JSON answer of GET /api/events.
type EventsResponse struct {
	Events []newsgraph.CorpusEvent `json:"events"`
	Limit  int                     `json:"limit"`
	Offset int                     `json:"offset"`
}

// parseEventQuery reads and validates the event list parameters: actor,
// source and target (the start of an actor code), pair (two country codes,
// "CHN,KOR"), name (an entity name), root (a CAMEO root, 01–20), from and
// to (dates), doc (a document ID), limit, offset and mentions (1 or 0).
// Its errors are *paramError, fit to show to the user.
func parseEventQuery(v url.Values) (newsgraph.EventQuery, error) {
	q := newsgraph.EventQuery{
		Actor:  strings.ToUpper(strings.TrimSpace(v.Get("actor"))),
		Source: strings.ToUpper(strings.TrimSpace(v.Get("source"))),
		Target: strings.ToUpper(strings.TrimSpace(v.Get("target"))),
		Name:   strings.TrimSpace(v.Get("name")),
		Root:   strings.TrimSpace(v.Get("root")),
		From:   strings.TrimSpace(v.Get("from")),
		To:     strings.TrimSpace(v.Get("to")),
		DocID:  strings.TrimSpace(v.Get("doc")),
	}
	for _, c := range []struct{ name, value string }{{"actor", q.Actor}, {"source", q.Source}, {"target", q.Target}} {
		if c.value != "" && !codePrefix(c.value) {
			return q, badParam("%s must be the start of an actor code such as CHNGOV (letters only, at most %d)", c.name, maxCodeLen)
		}
	}
	if p := strings.TrimSpace(v.Get("pair")); p != "" {
		a, b, ok := strings.Cut(p, ",")
		a, b = strings.ToUpper(strings.TrimSpace(a)), strings.ToUpper(strings.TrimSpace(b))
		if !ok || !countryCode(a) || !countryCode(b) {
			return q, badParam("pair must be two country codes separated by a comma, such as CHN,KOR")
		}
		for _, c := range []string{a, b} {
			if registry.PrefixName(c) == "" {
				return q, badParam("pair: unknown country code %s", c)
			}
		}
		q.Pair = [2]string{a, b}
	}
	if q.Root != "" && !validRoot(q.Root) {
		return q, badParam("root must be a CAMEO root code from 01 to 20")
	}
	for _, d := range []struct{ name, value string }{{"from", q.From}, {"to", q.To}} {
		if d.value != "" && !newsgraph.ValidDate(d.value) {
			return q, badParam("%s must be a date as YYYY, YYYY-MM or YYYY-MM-DD", d.name)
		}
	}
	if q.From != "" && q.To != "" {
		n := min(len(q.From), len(q.To))
		if q.From[:n] > q.To[:n] {
			return q, badParam("from (%s) is after to (%s)", q.From, q.To)
		}
	}
	if !utf8.ValidString(q.Name) || !utf8.ValidString(q.DocID) {
		return q, badParam("name and doc must be valid UTF-8")
	}
	if utf8.RuneCountInString(q.Name) > maxFilterLen {
		return q, badParam("name is longer than %d characters", maxFilterLen)
	}
	if len(q.DocID) > maxIDLen {
		return q, badParam("doc is longer than %d characters", maxIDLen)
	}
	var err error
	if q.Limit, err = intParam(v, "limit", defaultEventLimit); err != nil || q.Limit < 1 || q.Limit > maxEventLimit {
		return q, badParam("limit must be an integer from 1 to %d", maxEventLimit)
	}
	if q.Offset, err = intParam(v, "offset", 0); err != nil || q.Offset < 0 || q.Offset > maxOffset {
		return q, badParam("offset must be an integer from 0 to %d", maxOffset)
	}
	switch strings.ToLower(strings.TrimSpace(v.Get("mentions"))) {
	case "", "0", "false", "no":
	case "1", "true", "yes":
		q.Mentions = true
	default:
		return q, badParam("mentions must be 1 or 0")
	}
	return q, nil
}

// codePrefix reports whether s can start an actor code: 1–15 capital
// letters or dashes ("---ENV" is a sector without a country).
func codePrefix(s string) bool {
	if len(s) > maxCodeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && s[i] != '-' {
			return false
		}
	}
	return s != ""
}

// countryCode reports whether s has the form of a country code: three
// capital letters.
func countryCode(s string) bool { return len(s) == 3 && upperLetters(s) }

// validRoot reports whether s is a CAMEO root code, "01" to "20".
func validRoot(s string) bool {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return false
	}
	n := int(s[0]-'0')*10 + int(s[1]-'0')
	return n >= 1 && n <= 20
}

// handleAPIEvents serves GET /api/events.
func (s *server) handleAPIEvents(w http.ResponseWriter, r *http.Request) {
	q, err := parseEventQuery(r.URL.Query())
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	events, err := s.store.Events(r.Context(), q)
	if err != nil {
		s.log.ErrorContext(r.Context(), "web: events failed", "path", r.URL.Path, "err", err)
		writeJSONError(w, http.StatusInternalServerError, "internal error")
		return
	}
	if events == nil {
		events = []newsgraph.CorpusEvent{}
	}
	writeJSON(w, http.StatusOK, EventsResponse{Events: events, Limit: q.Limit, Offset: q.Offset})
}

// cameoLabel names a CAMEO code in words: the codebook's name of the code
// (knowledge base), else the PLOVER category, else the name of the code's
// root, else "".
func (s *server) cameoLabel(code, plover string) string {
	k := s.codebook()
	if k != nil {
		if c := k.CameoCode(code); c != nil && c.Name != "" {
			return sentenceCase(c.Name)
		}
	}
	if plover != "" {
		return sentenceCase(plover)
	}
	if k != nil && len(code) > 2 {
		if c := k.CameoCode(code[:2]); c != nil && c.Name != "" {
			return sentenceCase(c.Name)
		}
	}
	return ""
}

// loadCodebook loads the knowledge base for the CAMEO codebook's names,
// logging (once, as the caller runs it once) when it cannot.
func (s *server) loadCodebook() *kb.KB {
	k, err := kb.Default()
	if err != nil {
		s.log.Warn("web: no CAMEO codebook, events are labelled by PLOVER category only", "err", err)
		return nil
	}
	return k
}

// sentenceCase writes a codebook name as a sentence: "MAKE PUBLIC
// STATEMENT" becomes "Make public statement", "fight with small arms"
// "Fight with small arms"; names in mixed case keep their case.
func sentenceCase(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if strings.IndexFunc(s, unicode.IsLower) < 0 {
		s = strings.ToLower(s)
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// quadLabel names a CAMEO quad class.
func quadLabel(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return ""
}

// signed writes a Goldstein value with its sign and one decimal: "+4.0",
// "−2.5" (a minus sign), "0.0".
func signed(f float64) string {
	f = math.Round(f*10) / 10
	switch {
	case f > 0:
		return "+" + strconv.FormatFloat(f, 'f', 1, 64)
	case f < 0:
		return "−" + strconv.FormatFloat(-f, 'f', 1, 64)
	}
	return "0.0"
}

// eventDate writes an event's date with its precision: "2022-11-15",
// "2022-11 (month only)", "2022 (year only)", "" when unknown.
func eventDate(date, precision string) string {
	if date == "" {
		return ""
	}
	switch newsgraph.Precision(precision) {
	case newsgraph.PrecisionYear:
		return date + " (year only)"
	case newsgraph.PrecisionMonth:
		return date + " (month only)"
	}
	return date
}

// placeLabel writes a place: "Bali, Indonesia".
func placeLabel(p *newsgraph.Place) string {
	if p == nil || p.Name == "" {
		return ""
	}
	country := registry.CountryName(p.Country)
	if country == "" || strings.EqualFold(country, p.Name) {
		return p.Name
	}
	return p.Name + ", " + country
}

// PairURL is the address of the pair view of two country codes:
// /pairs/CHN/KOR. It returns "" unless both are known country codes.
func PairURL(a, b string) string {
	a, b = strings.ToUpper(a), strings.ToUpper(b)
	if !countryCode(a) || !countryCode(b) || registry.PrefixName(a) == "" || registry.PrefixName(b) == "" {
		return ""
	}
	return "/pairs/" + a + "/" + b
}

// evidenceAnchor is the id of an evidence sentence in its document's page:
// "ev-" paragraph "-" start offset. Events of one sentence share it.
func evidenceAnchor(e newsgraph.Evidence) string {
	return "ev-" + strconv.Itoa(e.Paragraph) + "-" + strconv.Itoa(e.Start)
}

// eventActorView is an event's source or target ready for display.
type eventActorView struct {
	Name    string
	Code    string
	Country string
	Explain string // the code in words
	URL     string // the actor's page, when the registry has it
}

// eventView is one coded event, of a document or of the corpus, ready
// for display.
type eventView struct {
	Source       eventActorView
	Target       *eventActorView
	Cameo        string
	Label        string
	Plover       string
	Quad         string
	Goldstein    string
	Date         string
	Location     string
	Negated      bool
	Hypothetical bool
	PairURL      string
}

// docEventView is one event of a document page.
type docEventView struct {
	eventView
	Index      int
	Confidence string
	Evidence   string
	// Anchor is the id of the evidence sentence in the body, "" when the
	// evidence could not be placed there.
	Anchor string
}

// corpusEventView is one corpus event of the actor and pair pages.
type corpusEventView struct {
	eventView
	ID                            int64
	Mentions, Sources, Articles   int
	Reports                       []reportView
	MoreReports                   int
	FirstSeen, LastSeen, SeenSpan string
}

// reportView is one document's report of a corpus event.
type reportView struct {
	// URL is the document page, at the evidence sentence.
	URL       string
	Title     string
	Site      string
	Published string
	Evidence  string
	Negated   bool
	// Hypothetical marks a report under "would", "could", "if"….
	Hypothetical bool
}

// reportsShown is how many reports of one event the pair page lists.
const reportsShown = 5

// newEventView fills the parts of an event view that every page shares.
func (s *server) newEventView(src newsgraph.EventActor, srcName string, tgt *newsgraph.EventActor, tgtName string, cameo, plover string, quad int, goldstein float64) eventView {
	v := eventView{
		Source:    actorView(srcName, src.Code, src.Country),
		Cameo:     cameo,
		Label:     s.cameoLabel(cameo, plover),
		Plover:    plover,
		Quad:      quadLabel(quad),
		Goldstein: signed(goldstein),
	}
	if tgt != nil {
		t := actorView(tgtName, tgt.Code, tgt.Country)
		v.Target = &t
		v.PairURL = PairURL(v.Source.Country, t.Country)
	}
	return v
}

// actorView is an event actor with its code in words; the country falls
// back to the code's own.
func actorView(name, code, country string) eventActorView {
	if country == "" {
		country = registry.CountryOf(code)
	}
	return eventActorView{Name: name, Code: code, Country: country, Explain: registry.Explain(code)}
}

// documentEvents builds the views of a document's events; rendered says
// which evidence anchors the body carries.
func (s *server) documentEvents(doc *newsgraph.Document, rendered map[string]bool) []docEventView {
	if len(doc.Events) == 0 {
		return nil
	}
	ents := make(map[string]*newsgraph.Entity, len(doc.Entities))
	for i := range doc.Entities {
		ents[doc.Entities[i].ID] = &doc.Entities[i]
	}
	entity := func(a *newsgraph.EventActor) *newsgraph.Entity {
		if a == nil || a.Entity == nil {
			return nil
		}
		return ents[*a.Entity]
	}
	name := func(e *newsgraph.Entity) string {
		if e == nil {
			return ""
		}
		return e.Name
	}
	out := make([]docEventView, 0, len(doc.Events))
	for i := range doc.Events {
		ev := &doc.Events[i]
		se, te := entity(&ev.Source), entity(ev.Target)
		v := docEventView{
			eventView:  s.newEventView(ev.Source, name(se), ev.Target, name(te), ev.Cameo, ev.Plover, ev.QuadClass, ev.Goldstein),
			Index:      i,
			Confidence: strconv.FormatFloat(ev.Confidence, 'f', 2, 64),
			Evidence:   ev.Evidence.Text,
		}
		v.Date = eventDate(deref(ev.Date), deref(ev.DatePrecision))
		v.Location = placeLabel(ev.Location)
		v.Negated = ev.Negated
		v.Hypothetical = ev.Hypothetical
		if se != nil && newsgraph.InRegistry(se.Type, se.Actor) {
			v.Source.URL = ActorURL(se.Name)
		}
		if te != nil && v.Target != nil && newsgraph.InRegistry(te.Type, te.Actor) {
			v.Target.URL = ActorURL(te.Name)
		}
		if a := evidenceAnchor(ev.Evidence); rendered[a] {
			v.Anchor = a
		}
		out = append(out, v)
	}
	return out
}

// corpusEvents builds the views of corpus events, with up to
// reportsShown reports each when the store gave their mentions.
func (s *server) corpusEvents(events []newsgraph.CorpusEvent) []corpusEventView {
	out := make([]corpusEventView, 0, len(events))
	for i := range events {
		e := &events[i]
		src := newsgraph.EventActor{Code: e.Source.Code, Country: e.Source.Country}
		var tgt *newsgraph.EventActor
		tgtName := ""
		if e.Target != nil {
			tgt = &newsgraph.EventActor{Code: e.Target.Code, Country: e.Target.Country}
			tgtName = e.Target.Name
		}
		v := corpusEventView{
			eventView: s.newEventView(src, e.Source.Name, tgt, tgtName, e.Cameo, e.Plover, e.QuadClass, e.Goldstein),
			ID:        e.ID,
			Mentions:  e.NumMentions, Sources: e.NumSources, Articles: e.NumArticles,
			FirstSeen: e.FirstSeen, LastSeen: e.LastSeen, SeenSpan: dateSpan(e.FirstSeen, e.LastSeen),
		}
		v.Date = eventDate(e.Date, e.DatePrecision)
		v.Location = placeLabel(e.Location)
		for j, m := range e.Mentions {
			if j == reportsShown {
				v.MoreReports = len(e.Mentions) - j
				break
			}
			v.Reports = append(v.Reports, reportView{
				URL:   "/documents/" + url.PathEscape(m.DocID) + "#" + evidenceAnchor(m.Event.Evidence),
				Title: m.Title, Site: m.Site, Published: m.Published,
				Evidence: m.Event.Evidence.Text, Negated: m.Event.Negated, Hypothetical: m.Event.Hypothetical,
			})
		}
		out = append(out, v)
	}
	return out
}

// renderedAnchors collects the evidence anchors the body segments open.
func renderedAnchors(paras [][]segment) map[string]bool {
	out := map[string]bool{}
	for _, p := range paras {
		for _, sg := range p {
			if sg.EvidenceOpen != nil {
				out[sg.EvidenceOpen.ID] = true
			}
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
