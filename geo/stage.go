package geo

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/text"
)

// Stage is the geocoding stage: it sets Entity.Geo for every GPE and LOC
// entity of a document from the knowledge base (see the package
// documentation for the rules). It implements newsgraph.Stage and is safe
// for concurrent use.
type Stage struct {
	kb *kb.KB
}

// NewStage returns a stage using k, or the embedded knowledge base when k
// is nil.
func NewStage(k *kb.KB) *Stage { return &Stage{kb: k} }

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
	g := &geocoder{kb: k, doc: doc, date: doc.Published.Date, runes: make([][]rune, len(doc.Paragraphs))}
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

// geocoder holds one document's state.
type geocoder struct {
	kb    *kb.KB
	doc   *newsgraph.Document
	date  string
	runes [][]rune
	// total is the document's country context; own[i] is what entity i
	// contributed to it.
	total map[string]float64
	own   []map[string]float64
}

// paragraph returns paragraph p as code points.
func (g *geocoder) paragraph(p int) []rune {
	if p < 0 || p >= len(g.runes) {
		return nil
	}
	if g.runes[p] == nil {
		g.runes[p] = []rune(g.doc.Paragraphs[p])
	}
	return g.runes[p]
}

// countContext counts, per country, how often the document names or
// implies it: entity mentions (by entity) and capitalised words outside
// entities.
func (g *geocoder) countContext() {
	g.total = map[string]float64{}
	g.own = make([]map[string]float64, len(g.doc.Entities))
	for i := range g.doc.Entities {
		e := &g.doc.Entities[i]
		iso, w := g.evidence(e)
		if iso == "" {
			continue
		}
		w *= float64(max(len(e.Mentions), 1))
		g.own[i] = map[string]float64{iso: w}
		g.total[iso] += w
	}
	g.scanParagraphs()
}

// evidence returns the country an entity names or implies, and the weight
// of one mention.
func (g *geocoder) evidence(e *newsgraph.Entity) (string, float64) {
	k := g.kb
	switch e.Type {
	case "GPE", "LOC":
		if c := k.Country(e.Name); c != nil {
			return c.ISO3, 1
		}
		if c := k.Capital(e.Name); c != nil {
			return c.ISO3, 1
		}
		if iso := oneCountry(k.Places(e.Name)); iso != "" {
			return iso, placeEvidence
		}
	case "MISC", "NORP":
		if c := k.Demonym(e.Name); c != nil {
			return c.ISO3, 1
		}
		if c := k.Country(e.Name); c != nil {
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

// scanParagraphs adds the country names and demonyms written in the
// paragraphs outside entity mentions ("U.S.", "Chinese" the tagger missed).
func (g *geocoder) scanParagraphs() {
	covered := make([][][2]int, len(g.doc.Paragraphs))
	for _, e := range g.doc.Entities {
		for _, m := range e.Mentions {
			if m.Paragraph >= 0 && m.Paragraph < len(covered) {
				covered[m.Paragraph] = append(covered[m.Paragraph], [2]int{m.Start, m.End})
			}
		}
	}
	inside := func(p int, t text.Token) bool {
		for _, c := range covered[p] {
			if t.Start < c[1] && t.End > c[0] {
				return true
			}
		}
		return false
	}
	for p, pa := range text.Reuse(g.doc.Scratch, g.doc.Paragraphs) {
		toks := pa.Tokens
		for i := 0; i < len(toks); i++ {
			if !capitalised(toks[i]) || inside(p, toks[i]) {
				continue
			}
			longest := 1
			if g.kb.StartsName(kb.Key(toks[i].Text)) {
				// Only a word that opens a name of several words
				// ("South", "United") needs the longer windows.
				longest = min(maxContextWords, len(toks)-i)
			}
			for n := longest; n >= 1; n-- {
				ok := true
				for _, t := range toks[i : i+n] {
					if (t.Kind != text.Word && t.Kind != text.Abbrev) || inside(p, t) {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				phrase := toks[i].Text
				if n > 1 {
					words := make([]string, n)
					for k, t := range toks[i : i+n] {
						words[k] = t.Text
					}
					phrase = strings.Join(words, " ")
				}
				c := g.kb.Country(phrase)
				if c == nil {
					c = g.kb.Demonym(phrase)
				}
				if c != nil {
					g.total[c.ISO3]++
					i += n - 1
					break
				}
			}
		}
	}
}

// capitalised reports whether a token is a word starting with a capital.
func capitalised(t text.Token) bool {
	if t.Kind != text.Word && t.Kind != text.Abbrev {
		return false
	}
	for _, r := range t.Text {
		return unicode.IsUpper(r)
	}
	return false
}

// context returns a country's context for entity self (its own mentions
// excluded), neighbours included.
func (g *geocoder) context(iso string, self int) float64 {
	c := g.total[iso] - g.own[self][iso]
	if country := g.kb.CountryByISO3(iso); country != nil {
		nb := 0.0
		for _, b := range country.Borders {
			nb += g.total[b] - g.own[self][b]
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
	name := ""
	for _, n := range g.names(e) {
		if isMacroRegion(n) {
			return nil
		}
		if cands = g.candidates(n); len(cands) > 0 {
			name = n
			break
		}
	}
	if len(cands) == 0 {
		return nil
	}
	if within := g.container(e); within != nil {
		if kept := filter(cands, within.contains); len(kept) > 0 {
			cands = kept
		}
	}
	if kept := filter(cands, func(c *candidate) bool { return c.place != nil && c.place.Kind == kb.KindAdmin1 }); len(kept) > 0 && g.regionWord(e) {
		cands = kept
	} else {
		// A region named like its largest city is the city ("New York",
		// "São Paulo", "Lagos") unless the text says "state" or "province".
		cands = filter(cands, func(r *candidate) bool { return !regionOfCity(r, cands) })
	}
	// A name written as the text wrote it beats one that matches only with
	// its accents taken off ("Bali" is the island, "Bāli" a town in West
	// Bengal), when both are candidates.
	exact := false
	for j := range cands {
		if p := cands[j].place; p != nil && strings.EqualFold(p.Name, name) {
			exact = true
			break
		}
	}
	best := -1
	for j := range cands {
		c := &cands[j]
		c.score = prior(c) * (1 + contextWeight*g.context(c.iso3(), i))
		if c.place != nil && !c.place.Capital && !c.place.IsOwnName(name) {
			c.score *= altNameFactor
		}
		if exact && c.place != nil && !strings.EqualFold(c.place.Name, name) {
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

// names returns the names to look an entity up by: its name, then its
// mentions' texts.
func (g *geocoder) names(e *newsgraph.Entity) []string {
	out := []string{e.Name}
	for _, m := range e.Mentions {
		if !slices.Contains(out, m.Text) {
			out = append(out, m.Text)
		}
	}
	return out
}

// candidates returns the country and the places a name may denote. A seat
// of government that is not itself a place name ("White House") has none:
// GeoNames' alternate names would otherwise find a translation elsewhere.
func (g *geocoder) candidates(name string) []candidate {
	k := g.kb
	var out []candidate
	if c := k.Country(name); c != nil {
		out = append(out, candidate{country: c})
	}
	places := k.Places(name)
	if c, _ := k.Seat(name); c != nil && !slices.ContainsFunc(places, func(p *kb.Place) bool { return kb.Key(p.Name) == kb.Key(name) }) {
		places = nil
	}
	for _, p := range places {
		if c := k.CountryByISO3(p.Country); c != nil {
			out = append(out, candidate{country: c, place: p})
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

// isMacroRegion reports continents, oceans and world regions: real
// places, but not ones a point can stand for (GeoNames would offer a town
// of the same name).
func isMacroRegion(name string) bool {
	switch strings.TrimPrefix(kb.Key(name), "the ") {
	case "asia", "europe", "africa", "america", "americas", "north america", "south america", "latin america",
		"central america", "oceania", "antarctica", "arctic", "middle east", "near east", "far east",
		"east asia", "southeast asia", "south asia", "central asia", "west africa", "east africa",
		"southern africa", "north africa", "sub saharan africa", "eastern europe", "western europe",
		"balkans", "caribbean", "pacific", "atlantic", "indian ocean", "mediterranean", "gulf", "sahel",
		"scandinavia", "west", "east", "north", "south", "asia pacific", "indo pacific", "korean peninsula":
		return true
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

func filter(cands []candidate, keep func(*candidate) bool) []candidate {
	var out []candidate
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
