package geo

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/freelist"
	"github.com/newsgraph/newsgraph/internal/shardcache"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/text"
)

// Stage is the geocoding stage: it sets Entity.Geo for every GPE and LOC
// entity of a document from the knowledge base (see the package
// documentation for the rules). It implements newsgraph.Stage and is safe
// for concurrent use.
type Stage struct {
	kb *kb.KB
	// words and names cache what the knowledge base says of token texts
	// and of entity and container names: they come back in document
	// after document.
	words *shardcache.Cache[string, *word]
	names *shardcache.Cache[string, *facts]
	// pool keeps geocoders and their buffers between documents.
	pool freelist.List[*geocoder]
}

// newGeocoder makes a geocoder for the stage's free list.
func newGeocoder() *geocoder { return new(geocoder) }

// NewStage returns a stage using k, or the embedded knowledge base when k
// is nil.
func NewStage(k *kb.KB) *Stage {
	s := &Stage{kb: k}
	s.words = shardcache.New[string, *word](cacheSize)
	s.names = shardcache.New[string, *facts](cacheSize)
	return s
}

var _ newsgraph.Stage = (*Stage)(nil)

// Name identifies the stage.
func (s *Stage) Name() string { return "geo" }

// Scoring constants (see the package documentation).
const (
	capitalFactor    = 10.0 // a national capital's prior over its population
	admin1Divisor    = 3.0  // a region's prior is its city population over this
	contextWeight    = 10.0 // the prior is multiplied by 1 + contextWeight × context
	contextCap       = 10.0 // context counts above this add nothing
	neighbourShare   = 0.25 // share of a neighbour's context a country gets
	neighbourCap     = 1.0  // at most this much context from neighbours
	altNameFactor    = 0.01 // a place other than a capital found by another of its names ("Canton")
	foldedNameFactor = 0.2  // a place whose name matches only without its accents, when another matches as written
	placeEvidence    = 0.5  // context from one mention of an unambiguous place
	personEvidence   = 0.5  // context from one mention of a known office holder
	minPopulation    = 1000 // floor of a prior, for places without population
	maxContextWords  = 3    // longest phrase the paragraph scan looks up
)

// Annotate sets Geo on the document's GPE and LOC entities.
func (s *Stage) Annotate(ctx context.Context, doc *newsgraph.Document) error {
	k := s.kb
	if k == nil {
		var err error
		if k, err = kb.Default(); err != nil {
			return fmt.Errorf("geo: load knowledge base: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	g := s.pool.Get(newGeocoder)
	defer s.pool.Put(g)
	g.reset(s, k, doc)
	defer g.reset(s, nil, nil) // keep nothing of the document
	g.countContext()
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type != "GPE" && e.Type != "LOC" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		e.Geo = g.resolve(i)
	}
	return nil
}

// geocoder holds one document's state, and buffers kept between
// documents in the stage's pool.
type geocoder struct {
	s     *Stage
	kb    *kb.KB
	doc   *newsgraph.Document
	date  string
	paras []paraText
	// total is the document's country context; own[i] is what entity i
	// contributed to it (iso "" for nothing).
	total tally
	own   []count
	// Buffers of the paragraph scan and of resolve's candidate filters.
	spans                []span
	inside               []bool
	kept, admin1, cities []candidate
}

// reset readies g for doc (nothing when doc is nil), buffers kept.
func (g *geocoder) reset(s *Stage, k *kb.KB, doc *newsgraph.Document) {
	g.s, g.kb, g.doc = s, k, doc
	clear(g.paras)
	clear(g.own)
	clear(g.total)
	g.total = g.total[:0]
	if doc == nil {
		g.date, g.paras, g.own = "", g.paras[:0], g.own[:0]
		return
	}
	g.date = doc.Published.Date
	g.paras = slices.Grow(g.paras[:0], len(doc.Paragraphs))[:len(doc.Paragraphs)]
	g.own = slices.Grow(g.own[:0], len(doc.Entities))[:len(doc.Entities)]
}

// count is a country's context.
type count struct {
	iso string
	n   float64
}

// tally is a document's context by country: a few countries, so a list.
type tally []count

// get returns the context of iso (0 when none).
func (t tally) get(iso string) float64 {
	for i := range t {
		if t[i].iso == iso {
			return t[i].n
		}
	}
	return 0
}

// add adds n to the context of iso.
func (t *tally) add(iso string, n float64) {
	for i := range *t {
		if (*t)[i].iso == iso {
			(*t)[i].n += n
			return
		}
	}
	*t = append(*t, count{iso, n})
}

// ownOf returns what entity self contributed to the context of country
// iso.
func (g *geocoder) ownOf(self int, iso string) float64 {
	if o := &g.own[self]; o.iso == iso {
		return o.n
	}
	return 0
}

// countContext counts, per country, how often the document names or
// implies it: entity mentions (by entity) and capitalised words outside
// entities.
func (g *geocoder) countContext() {
	for i := range g.doc.Entities {
		e := &g.doc.Entities[i]
		iso, w := g.evidence(e)
		if iso == "" {
			continue
		}
		w *= float64(max(len(e.Mentions), 1))
		g.own[i] = count{iso, w}
		g.total.add(iso, w)
	}
	g.scanParagraphs()
}

// evidence returns the country an entity names or implies, and the weight
// of one mention.
func (g *geocoder) evidence(e *newsgraph.Entity) (string, float64) {
	k := g.kb
	switch e.Type {
	case "GPE", "LOC":
		f := g.s.facts(k, e.Name)
		if c := f.Country; c != nil {
			return c.ISO3, 1
		}
		if c := f.Seat; c != nil {
			return c.ISO3, 1
		}
		if iso := f.oneCountry; iso != "" {
			return iso, placeEvidence
		}
	case "MISC", "NORP":
		// Names of these kinds are many and seldom places: looked up
		// directly, not kept.
		m := k.MatchKey(e.Name, kb.Key(e.Name))
		if c := m.Demonym; c != nil {
			return c.ISO3, 1
		}
		if c := m.Country; c != nil {
			return c.ISO3, 1
		}
	case "ORG":
		if c := k.Capital(e.Name); c != nil { // "the Kremlin", "White House"
			return c.ISO3, 1
		}
	case "PERSON":
		if ps := k.People(e.Name); len(ps) > 0 {
			if r := k.RoleAt(ps[0], g.date); r != nil && len(r.Code) >= 3 && k.CountryByISO3(r.Code[:3]) != nil {
				return r.Code[:3], personEvidence
			}
		}
	}
	return "", 0
}

// oneCountry returns the country all places share, or "".
func oneCountry(ps []*kb.Place) string {
	iso := ""
	for _, p := range ps {
		if iso != "" && p.Country != iso {
			return ""
		}
		iso = p.Country
	}
	return iso
}

// span is an entity mention's code points [start, end) in a paragraph.
type span struct{ para, start, end int }

// scanParagraphs adds the country names and demonyms written in the
// paragraphs outside entity mentions ("U.S.", "Chinese" the tagger missed).
func (g *geocoder) scanParagraphs() {
	paras := text.Reuse(g.doc.Scratch, g.doc.Paragraphs)
	n := 0
	for _, e := range g.doc.Entities {
		n += len(e.Mentions)
	}
	covered := slices.Grow(g.spans[:0], n)
	for _, e := range g.doc.Entities {
		for _, m := range e.Mentions {
			if m.Paragraph >= 0 && m.Paragraph < len(paras) {
				covered = append(covered, span{m.Paragraph, m.Start, m.End})
			}
		}
	}
	sortSpans(covered)
	g.spans = covered
	k := g.kb
	for p, pa := range paras {
		toks := pa.Tokens
		m := 0
		for m < len(covered) && covered[m].para == p {
			m++
		}
		in := overlap{spans: covered[:m], reach: math.MinInt, inside: slices.Grow(g.inside[:0], len(toks))}
		covered = covered[m:]
		for i := 0; i < len(toks); i++ {
			if in.mark(toks, i) || !capitalised(toks[i]) {
				continue
			}
			w := g.s.word(k, toks[i].Text)
			longest := 1
			if w.starts {
				// Only a word that opens a name of several words
				// ("South", "United") needs the longer windows.
				longest = min(maxContextWords, len(toks)-i)
			}
			for n := longest; n >= 1; n-- {
				ok := true
				for j := i; j < i+n; j++ {
					if (toks[j].Kind != text.Word && toks[j].Kind != text.Abbrev) || in.mark(toks, j) {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				c := w.country
				if n > 1 {
					c = g.phraseCountry(toks[i : i+n])
				}
				if c != nil {
					g.total.add(c.ISO3, 1)
					i += n - 1
					break
				}
			}
		}
		g.inside = in.inside
	}
}

// sortSpans sorts spans by paragraph and start (the order of equal ones
// does not matter): by insertion, as a document's mentions mostly come in
// order already, unless they are many.
func sortSpans(spans []span) {
	less := func(a, b span) bool { return a.para < b.para || a.para == b.para && a.start < b.start }
	if len(spans) > 64 {
		slices.SortFunc(spans, func(a, b span) int {
			if less(a, b) {
				return -1
			}
			if less(b, a) {
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && less(spans[j], spans[j-1]); j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
}

// overlap tells which tokens of a paragraph overlap an entity mention:
// one that starts before the token ends and ends after it starts. Tokens
// run left to right, so the mentions (sorted by start) are taken in turn
// as the tokens' ends pass their starts, keeping the furthest end.
type overlap struct {
	spans  []span // the paragraph's mentions, by start
	next   int    // spans[:next] are taken
	reach  int    // the furthest end of spans[:next]
	inside []bool // per token, up to the last one asked about
}

// mark reports whether token i overlaps a mention, marking the tokens up
// to it first.
func (o *overlap) mark(toks []text.Token, i int) bool {
	for n := len(o.inside); n <= i; n++ {
		t := &toks[n]
		for o.next < len(o.spans) && o.spans[o.next].start < t.End {
			o.reach = max(o.reach, o.spans[o.next].end)
			o.next++
		}
		o.inside = append(o.inside, o.reach > t.Start)
	}
	return o.inside[i]
}

// phraseCountry returns Country, else Demonym, of the words of toks
// joined by spaces. Phrases of ASCII words are looked up only when every
// word of their Key may be part of a country name or demonym (see
// kb.KB.CountryWord); most phrases ("The company said") are not.
func (g *geocoder) phraseCountry(toks []text.Token) *kb.Country {
	k := g.kb
	if g.skipPhrase(toks) {
		return nil
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	phrase := strings.Join(words, " ")
	if c := k.Country(phrase); c != nil {
		return c
	}
	return k.Demonym(phrase)
}

// skipPhrase reports a phrase of ASCII tokens whose Key (the tokens' Keys
// joined, empty ones left out) has a word, after a leading "the", that no
// country name or demonym has.
func (g *geocoder) skipPhrase(toks []text.Token) bool {
	first := true
	for _, t := range toks {
		w := g.s.word(g.kb, t.Text)
		if !w.ascii {
			return false
		}
		if w.empty {
			continue
		}
		if first {
			first = false
			if w.the {
				if !w.restIn {
					return true
				}
				continue // Country strips "the"; Demonym needs "the" too
			}
		}
		if !w.allIn {
			return true
		}
	}
	return false
}

// capitalised reports whether a token is a word starting with a capital.
func capitalised(t text.Token) bool {
	if t.Kind != text.Word && t.Kind != text.Abbrev || t.Text == "" {
		return false
	}
	if c := t.Text[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// context returns a country's context for entity self (its own mentions
// excluded), neighbours included.
func (g *geocoder) context(iso string, self int) float64 {
	c := g.total.get(iso) - g.ownOf(self, iso)
	if country := g.kb.CountryByISO3(iso); country != nil {
		nb := 0.0
		for _, b := range country.Borders {
			nb += g.total.get(b) - g.ownOf(self, b)
		}
		c += math.Min(neighbourShare*nb, neighbourCap)
	}
	return math.Min(math.Max(c, 0), contextCap)
}

// candidate is one thing a name may denote.
type candidate struct {
	country *kb.Country // a country, or the place's country
	place   *kb.Place   // nil for a country
	score   float64
	// ownName and sameName report, for a place, that the name looked up
	// is the place's own (kb.Place.IsOwnName) and the place's name as
	// written, case aside.
	ownName, sameName bool
}

func (c *candidate) iso3() string {
	if c.place != nil {
		return c.place.Country
	}
	return c.country.ISO3
}

// resolve geocodes entity i, or returns nil.
func (g *geocoder) resolve(i int) *newsgraph.Place {
	e := &g.doc.Entities[i]
	var cands []candidate
	for j := -1; j < len(e.Mentions); j++ {
		// The entity's name, then its mentions' texts, each once.
		n := e.Name
		if j >= 0 {
			if n = e.Mentions[j].Text; n == e.Name || slices.ContainsFunc(e.Mentions[:j], func(m newsgraph.Mention) bool { return m.Text == n }) {
				continue
			}
		}
		f := g.s.facts(g.kb, n)
		if f.macro {
			return nil
		}
		if len(f.cands) > 0 {
			cands = f.cands // shared with the cache: read only
			break
		}
	}
	if len(cands) == 0 {
		return nil
	}
	// The filters copy into the geocoder's buffers, each its own: the
	// scores below are set in the copy.
	if within := g.container(e); within != nil {
		if g.kept = filter(g.kept, cands, within.contains); len(g.kept) > 0 {
			cands = g.kept
		}
	}
	if g.admin1 = filter(g.admin1, cands, func(c *candidate) bool { return c.place != nil && c.place.Kind == kb.KindAdmin1 }); len(g.admin1) > 0 && g.regionWord(e) {
		cands = g.admin1
	} else {
		// A region named like its largest city is the city ("New York",
		// "São Paulo", "Lagos") unless the text says "state" or "province".
		g.cities = filter(g.cities, cands, func(r *candidate) bool { return !regionOfCity(r, cands) })
		cands = g.cities
	}
	// A name written as the text wrote it beats one that matches only with
	// its accents taken off ("Bali" is the island, "Bāli" a town in West
	// Bengal), when both are candidates.
	exact := false
	for j := range cands {
		if cands[j].place != nil && cands[j].sameName {
			exact = true
			break
		}
	}
	best := -1
	for j := range cands {
		c := &cands[j]
		c.score = prior(c) * (1 + contextWeight*g.context(c.iso3(), i))
		if c.place != nil && !c.place.Capital && !c.ownName {
			c.score *= altNameFactor
		}
		if exact && c.place != nil && !c.sameName {
			c.score *= foldedNameFactor
		}
		if best < 0 || c.score > cands[best].score {
			best = j
		}
	}
	win := &cands[best]
	if win.place != nil {
		for j := range cands {
			if cands[j].place == nil && cands[j].country.ISO3 == win.place.Country {
				win = &cands[j] // "Mexico", "Singapore": the country
				break
			}
		}
	}
	return g.location(win)
}

// candidates returns the country and the places a name may denote, given
// what the knowledge base holds under it. A seat of government that is
// not itself a place name ("White House") has none: GeoNames' alternate
// names would otherwise find a translation elsewhere.
func candidates(k *kb.KB, name string, f *facts) []candidate {
	var out []candidate
	if c := f.Country; c != nil {
		out = append(out, candidate{country: c})
	}
	places := f.Places
	if f.Seat != nil && !slices.ContainsFunc(places, func(p *kb.Place) bool { return kb.Key(p.Name) == f.Key }) {
		places = nil
	}
	for _, p := range places {
		if c := k.CountryByISO3(p.Country); c != nil {
			out = append(out, candidate{country: c, place: p, ownName: p.IsOwnName(name), sameName: strings.EqualFold(p.Name, name)})
		}
	}
	return out
}

// regionOfCity reports whether candidate r is a region whose most populous
// city (the one whose point it has) is also a candidate.
func regionOfCity(r *candidate, cands []candidate) bool {
	if r.place == nil || r.place.Kind != kb.KindAdmin1 || !r.place.HasCoords() {
		return false
	}
	for j := range cands {
		c := cands[j].place
		if c != nil && c.Kind == kb.KindCity && c.Country == r.place.Country && c.Admin1 == r.place.Name &&
			c.Lat == r.place.Lat && c.Lon == r.place.Lon {
			return true
		}
	}
	return false
}

// prior is a candidate's score before context.
func prior(c *candidate) float64 {
	if c.place == nil {
		return float64(max(c.country.Population, minPopulation))
	}
	pop := float64(max(c.place.Population, minPopulation))
	switch {
	case c.place.Kind == kb.KindAdmin1:
		return pop / admin1Divisor
	case c.place.Capital:
		return pop * capitalFactor
	}
	return pop
}

// filter returns the candidates keep accepts, in dst's memory (which
// must not be cands').
func filter(dst, cands []candidate, keep func(*candidate) bool) []candidate {
	out := dst[:0]
	for i := range cands {
		if keep(&cands[i]) {
			out = append(out, cands[i])
		}
	}
	return out
}

// location turns the chosen candidate into the entity's Geo.
func (g *geocoder) location(c *candidate) *newsgraph.Place {
	country := c.country
	if c.place == nil {
		return &newsgraph.Place{Name: country.Name, Country: country.ISO3, Lat: country.Lat, Lon: country.Lon,
			Precision: newsgraph.PrecisionCountry, GeonamesID: country.GeonamesID}
	}
	p := c.place
	out := &newsgraph.Place{Name: p.Name, Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, GeonamesID: p.GeonamesID}
	switch {
	case !p.HasCoords():
		// A region without a point: known at country level only.
		out.Lat, out.Lon, out.Precision = country.Lat, country.Lon, newsgraph.PrecisionCountry
	case p.Kind == kb.KindAdmin1:
		out.Precision = newsgraph.PrecisionAdmin1
	default:
		out.Precision = newsgraph.PrecisionCity
	}
	return out
}
