package kb

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Source files under the data directory.
const (
	srcCountries   = "countries/countries.json"
	srcCountryInfo = "geonames/countryInfo.tsv"
	srcRegions     = "geonames/regionInfo.tsv"
	srcCities      = "geonames/cities15000.txt"
	srcLeaders     = "leaders/wikidata.csv"
	srcPetCountry  = "petrarch2/Phoenix.Countries.actors.txt"
	srcPetIntl     = "petrarch2/Phoenix.International.actors.txt"
	srcPetMNSA     = "petrarch2/Phoenix.MilNonState.actors.txt"
	srcAgents      = "petrarch2/Phoenix.agents.txt"
	srcCameo       = "cameo/cameo-codes.csv"
)

// builder holds the state of one Build.
type builder struct {
	dir string
	log *slog.Logger

	countries   []Country
	byISO2      map[string]int
	byISO3      map[string]int
	countryKeys map[string]string // every country name key → ISO3
	capitalKeys map[string]bool
	demonymKeys map[string]bool // demonyms, their plurals and their last words

	regions     map[string]region // "CC.code" → first-level region
	places      []Place
	placeKeys   map[string]bool // GeoNames city and region names
	altKeys     map[string]bool // and their alternate names
	agents      []Agent
	titleKeys   map[string]bool // titles stripped from person names
	firstNames  map[string]bool
	people      []*Person
	personByID  map[string]*Person
	personByKey map[string][]*Person // PETRARCH people by name key
	orgs        []*Org
	orgByID     map[string]*Org
	cameo       []Cameo
}

// Build reads the sources under dataDir (the shared data directory:
// countries/, geonames/, leaders/, petrarch2/, cameo/) into a KB. The
// result depends only on the files: Write gives the same bytes every run.
func Build(ctx context.Context, dataDir string) (*KB, error) {
	b := &builder{dir: dataDir, log: slog.Default()}
	steps := []struct {
		name string
		f    func(context.Context) error
	}{
		{"countries", b.readCountries},
		{"country info", b.readCountryInfo},
		{"regions", b.readRegions},
		{"cities", b.readCities},
		{"agents", b.readAgents},
		{"actors", b.readActors},
		{"leaders", b.readLeaders},
		{"cameo", b.readCameo},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("build kb: %w", err)
		}
		if err := s.f(ctx); err != nil {
			return nil, fmt.Errorf("build kb: %s: %w", s.name, err)
		}
	}
	k := b.finish()
	b.log.DebugContext(ctx, "kb built", "countries", len(k.Countries), "places", len(k.AllPlaces), "people", len(k.AllPeople),
		"orgs", len(k.Orgs), "agents", len(k.Agents), "cameo", len(k.Cameo))
	return k, nil
}

// read returns the contents of a source file.
func (b *builder) read(rel string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(b.dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("read source: %w", err)
	}
	return data, nil
}

// lines splits data into lines without their line ends.
func lines(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// finish sorts everything into its canonical order and indexes it.
func (b *builder) finish() *KB {
	countries := b.countries
	slices.SortFunc(countries, func(x, y Country) int { return strings.Compare(x.ISO3, y.ISO3) })
	places := b.places
	slices.SortFunc(places, func(x, y Place) int {
		return cmp.Or(cmp.Compare(x.GeonamesID, y.GeonamesID), strings.Compare(x.Kind, y.Kind), strings.Compare(x.Name, y.Name))
	})
	people := make([]Person, 0, len(b.people))
	for _, p := range b.people {
		if p != nil {
			people = append(people, *p)
		}
	}
	slices.SortFunc(people, func(x, y Person) int { return strings.Compare(x.ID, y.ID) })
	orgs := make([]Org, 0, len(b.orgs)+len(handOrgs()))
	known := map[string]bool{}
	for _, o := range b.orgs {
		orgs = append(orgs, *o)
		known[stripThe(Key(o.Name))] = true
		for _, a := range o.Aliases {
			known[stripThe(Key(a))] = true
		}
	}
	for _, h := range handOrgs() {
		missing := !known[stripThe(Key(h.Name))]
		for _, a := range h.Aliases {
			missing = missing || !known[stripThe(Key(a))]
		}
		if missing {
			orgs = append(orgs, h)
		}
	}
	slices.SortFunc(orgs, func(x, y Org) int { return strings.Compare(x.ID, y.ID) })
	agents := b.agents
	slices.SortFunc(agents, func(x, y Agent) int { return strings.Compare(x.Phrase, y.Phrase) })
	cameo := b.cameo
	slices.SortFunc(cameo, func(x, y Cameo) int { return strings.Compare(x.Code, y.Code) })
	return New(countries, places, people, orgs, agents, cameo)
}

// addName appends name to names unless a name with the same key (or the
// key skip) is there already; it reports whether it did.
func addName(names []string, skip, name string) ([]string, bool) {
	name = strings.TrimSpace(name)
	k := Key(name)
	if k == "" || k == skip {
		return names, false
	}
	for _, n := range names {
		if Key(n) == k {
			return names, false
		}
	}
	return append(names, name), true
}

// Display styles of dictionary names.
const (
	stylePerson = iota // "Jean-Marie le Pen"
	styleOrg           // "NATO", "Organization of American States"
	stylePlace         // "Republic of Georgia"
)

// titleCase writes an upper-case dictionary name as a display name:
// "XI_JINPING" → "Xi Jinping", "JEAN-MARIE_LE_PEN" → "Jean-Marie le Pen",
// "CHARLES_III" → "Charles III"; an organisation's one-word name of up to
// five letters stays in capitals ("NATO", "UNHCR"), as do words without
// vowels ("WB").
func titleCase(words []string, style int) string {
	out := make([]string, len(words))
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case style == styleOrg && len(words) == 1 && len([]rune(w)) <= 5:
			out[i] = w
		case style != stylePerson && i > 0 && isOrgFunctionWord(lw):
			out[i] = lw
		case style == stylePerson && i > 0 && isParticle(lw):
			out[i] = lw
		case i > 0 && isRomanNumeral(w):
			out[i] = w
		case strings.Contains(w, "."):
			parts := strings.Split(lw, ".")
			for j, p := range parts {
				if len(p) > 1 {
					parts[j] = capitalizeWord(p)
				} else {
					parts[j] = strings.ToUpper(p)
				}
			}
			out[i] = strings.Join(parts, ".")
		case !strings.ContainsAny(lw, "aeiouy") || style == styleOrg && isAcronym(lw):
			out[i] = w
		default:
			out[i] = capitalizeWord(lw)
		}
	}
	return strings.Join(out, " ")
}

func isParticle(w string) bool {
	switch w {
	case "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "y":
		return true
	}
	return false
}

func isOrgFunctionWord(w string) bool {
	switch w {
	case "of", "the", "for", "and", "in", "on", "to", "de", "la", "del", "des", "du", "y", "et", "at":
		return true
	}
	return false
}

// isAcronym reports short words organisation names write in capitals.
func isAcronym(w string) bool {
	switch w {
	case "usa", "uk", "us", "un", "eu", "uae", "ussr", "ngo", "bbc", "cnn", "abc", "nbc", "cbs", "afp", "ap":
		return true
	}
	return false
}

func isRomanNumeral(w string) bool {
	switch w {
	case "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI":
		return true
	}
	return false
}

// setOf returns a set of the keys of words.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[Key(w)] = true
	}
	return m
}

// capitalizeWord upper-cases the first letter of a lower-case word and of
// each part after a hyphen or an apostrophe after one letter ("o'neill" →
// "O'Neill"), and the letter after "mc".
func capitalizeWord(w string) string {
	r := []rune(w)
	up := true
	for i, c := range r {
		if up && unicode.IsLetter(c) {
			r[i] = unicode.ToUpper(c)
			up = false
		}
		switch {
		case c == '-':
			up = true
		case c == '\'' && i == 1:
			up = true
		case i == 1 && r[0] == 'M' && c == 'c' && len(r) > 3:
			up = true
		}
	}
	return string(r)
}

// smartCase writes a dictionary alias for display: acronyms of up to four
// letters ("ROK", "U.S.") stay in capitals, other names are title-cased.
func smartCase(raw string, style int) string {
	words := splitRaw(raw)
	if len(words) == 0 {
		return ""
	}
	if len(words) == 1 && upperCode(words[0]) != "" {
		return words[0]
	}
	return titleCase(words, style)
}

// splitRaw splits a dictionary name ("XI_JINPING", "JOHN_J MCCLOY_") into
// words.
func splitRaw(raw string) []string {
	return strings.FieldsFunc(raw, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
}

// bytesTrimBOM drops a UTF-8 byte-order mark.
func bytesTrimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) }
