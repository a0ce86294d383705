package kb

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// Country is a country or territory (ISO 3166).
type Country struct {
	ISO3 string `json:"iso3"`
	ISO2 string `json:"iso2"`
	// Name is the common English name: "South Korea".
	Name string `json:"name"`
	// Names are the other names: the official name, alternative spellings,
	// and the names PETRARCH2 and GeoNames use ("Republic of Korea", "ROK",
	// "Korea, South").
	Names []string `json:"names,omitempty"`
	// Demonyms are the English demonyms, masculine and feminine forms
	// deduplicated: "South Korean".
	Demonyms []string `json:"demonyms,omitempty"`
	// Capitals are the capital cities ("Seoul"; three for South Africa).
	Capitals []string `json:"capitals,omitempty"`
	// Lat and Lon are the dataset's reference point for the country (not a
	// centroid; a geocoder must say the place is known at country level).
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	// Region is the continent-level region: "Asia", "Europe", "Americas"….
	Region string `json:"region"`
	// Population and GeonamesID come from GeoNames' countryInfo.tsv.
	Population int `json:"population"`
	GeonamesID int `json:"geonames_id"`
	// Borders are the ISO3 codes of the neighbouring countries.
	Borders []string `json:"borders,omitempty"`
}

// Place kinds.
const (
	KindCity   = "city"
	KindAdmin1 = "admin1"
)

// Place is a GeoNames place: a city of more than 15,000 people or a
// first-level administrative region.
type Place struct {
	GeonamesID int `json:"geonames_id"`
	// Name is the GeoNames name: "Bali", "Beijing".
	Name string `json:"name"`
	// Country is the ISO3 code of the country.
	Country string `json:"country"`
	// Admin1 is the name of the first-level region the place is in (the
	// region's own name for a region), "" when unknown.
	Admin1 string `json:"admin1"`
	// Kind is KindCity or KindAdmin1.
	Kind string `json:"kind"`
	// Lat and Lon locate a city. GeoNames gives none for regions: a
	// region's point is that of its most populous city, and a region
	// without a city over 15,000 has none (see HasCoords).
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	// Population of a city; for a region, the sum of its cities over
	// 15,000 (a lower bound, comparable between regions).
	Population int `json:"population"`
	// Capital is set for a national capital (GeoNames feature code PPLC).
	Capital bool `json:"capital,omitempty"`
	// Alt are other names of the place: GeoNames alternate names in Latin
	// script, short, capitalised and not codes; for a region also its name
	// without "Province", "Region" and the like.
	Alt []string `json:"alt,omitempty"`
}

// HasCoords reports whether the place has a point (every city has; a
// region has one when it has a city over 15,000).
func (p *Place) HasCoords() bool { return p.Lat != 0 || p.Lon != 0 }

// IsOwnName reports whether name is the place's own name — its GeoNames
// name, or that name without a generic word ("New York" for "New York
// City", "Maidan Wardak" for "Maidan Wardak Province") — rather than one of
// its other alternate names ("Peking" for Beijing, "Victoria" for Hong
// Kong). Names are compared by Key.
func (p *Place) IsOwnName(name string) bool {
	k := Key(name)
	if k == "" {
		return false
	}
	own := Key(p.Name)
	if k == own || strings.TrimSuffix(own, " city") == k {
		return true
	}
	s := stripAdminAffix(p.Name)
	return s != "" && Key(s) == k
}

// Role is a position a person held: a CAMEO-style actor code over a period.
type Role struct {
	// Code is the CAMEO-style code, "CHNGOV".
	Code string `json:"code"`
	// From and To are "YYYY-MM-DD", or "" for an open end. Wikidata years
	// become YYYY-01-01 and YYYY-12-31, except that a holder's last year,
	// when a successor in the same office took over that year, ends on
	// YYYY-01-01: within the year of a handover, a day or month belongs to
	// the successor (a year still matches both).
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Title is the office when known: "President of South Korea".
	Title string `json:"title,omitempty"`
}

// Person is a political actor: a head of state or government from Wikidata
// or a person of the PETRARCH2 dictionaries, with dated roles.
type Person struct {
	// ID is "wikidata:Q15031" or "petrarch:XI_JINPING".
	ID string `json:"id"`
	// Name is the display name, "Xi Jinping".
	Name string `json:"name"`
	// Aliases are other names (without titles such as "President").
	Aliases []string `json:"aliases,omitempty"`
	// Roles are sorted by From.
	Roles []Role `json:"roles,omitempty"`
}

// Org kinds.
const (
	OrgIGO   = "igo"
	OrgNGO   = "ngo"
	OrgGroup = "group"
	OrgOther = "organisation"
)

// Org is an organisation: an intergovernmental organisation or forum, an
// NGO, a militant or non-state group, or a national institution.
type Org struct {
	// ID is "petrarch:UNITED_NATIONS", or "hand:G20" for the few forums
	// PETRARCH2 lacks.
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Code is the PETRARCH code, e.g. "IGOUNO", "NGOHRIAMN", "PSEREB".
	Code string `json:"code"`
	// Kind is OrgIGO, OrgNGO, OrgGroup or OrgOther.
	Kind string `json:"kind"`
	// Country is the ISO3 code the Code starts with, or "".
	Country string `json:"country,omitempty"`
}

// Agent is a title or group noun and the CAMEO sectors it implies.
type Agent struct {
	// Phrase is lower case, as Key gives it: "foreign minister", "protesters".
	Phrase string `json:"phrase"`
	// Sectors are sector codes without "~": ["GOV"], ["MIL"], ["OPP"].
	Sectors []string `json:"sectors"`
}

// Cameo is one code of the CAMEO event codebook.
type Cameo struct {
	// Code is the CAMEO code, "036".
	Code        string  `json:"code"`
	Name        string  `json:"name"`
	Goldstein   float64 `json:"goldstein"`
	Description string  `json:"description,omitempty"`
}

// KB is the knowledge base: the entries, and indexes over them by Key. It
// is read-only once built and safe for concurrent use; the pointers its
// lookups return point into its slices and must not be modified.
type KB struct {
	Countries []Country
	// AllPlaces and AllPeople hold the places and people: a field cannot
	// share its name with the lookup methods Places and People.
	AllPlaces []Place
	AllPeople []Person
	Orgs      []Org
	Agents    []Agent
	Cameo     []Cameo

	countryKey  index            // by Key of name and names, best first
	countryCode map[string]int32 // ISO2, ISO3 and upper-case short names, exact
	countryISO3 map[string]int32
	demonym     index
	seat        map[string][]seatRef
	place       index // largest population first
	person      index
	org         index
	agent       map[string]int32
	cameo       map[string]int32
	multi       map[string]struct{} // first words of names of several words (StartsName)
	countryWord map[string]struct{} // words of the keys of countryKey and demonym (CountryWord)
	slotsOnce   sync.Once
	slots       map[string]matchSlot // every key of the indexes Match reads (MatchKey), built on first use

	derived sync.Map // key → *derivedValue (see Derived)
}

// derivedValue is one value of Derived, built once.
type derivedValue struct {
	once sync.Once
	v    any
}

// Derived returns the value build makes for key, building it once per
// knowledge base: the packages that index the knowledge base further (the
// actor stage's surname index) share one index per KB however many
// stages they make. build must only read the KB; key should be a
// package's own unexported type.
func (k *KB) Derived(key any, build func() any) any {
	e, _ := k.derived.LoadOrStore(key, &derivedValue{})
	d := e.(*derivedValue)
	d.once.Do(func() { d.v = build() })
	return d.v
}

// seatRef is one country a capital or seat name points to.
type seatRef struct {
	country int32
	sector  string
}

// index maps a key to entry positions.
type index map[string][]int32

// add appends i under key once.
func (ix index) add(key string, i int32) {
	if key == "" {
		return
	}
	s := ix[key]
	if slices.Contains(s, i) {
		return
	}
	ix[key] = append(s, i)
}

// sort orders the entries of every key that has several; cmp must be a
// total order (end with the positions) so the result is deterministic.
func (ix index) sort(cmp func(key string, a, b int32) int) {
	for k, s := range ix {
		if len(s) > 1 {
			slices.SortFunc(s, func(a, b int32) int { return cmp(k, a, b) })
		}
	}
}

// New builds the indexes over the given entries (tests make small KBs with
// it). The slices are kept, not copied.
func New(countries []Country, places []Place, people []Person, orgs []Org, agents []Agent, cameo []Cameo) *KB {
	k := &KB{Countries: countries, AllPlaces: places, AllPeople: people, Orgs: orgs, Agents: agents, Cameo: cameo}
	k.indexCountries()
	k.indexPlaces()
	k.indexPeople()
	k.indexOrgs()
	k.agent = make(map[string]int32, len(agents))
	for i := range agents {
		k.agent[Key(agents[i].Phrase)] = int32(i)
	}
	k.cameo = make(map[string]int32, len(cameo))
	for i := range cameo {
		k.cameo[cameo[i].Code] = int32(i)
	}
	k.indexFirstWords()
	return k
}

// indexFirstWords fills k.multi from the keys Match looks up.
func (k *KB) indexFirstWords() {
	k.multi = map[string]struct{}{"the": {}, "a": {}, "an": {}}
	add := func(key string) {
		if first, _, ok := strings.Cut(key, " "); ok {
			k.multi[first] = struct{}{}
		}
	}
	for _, ix := range []index{k.countryKey, k.demonym, k.org} {
		for key := range ix {
			add(key)
		}
	}
	for key := range k.seat {
		add(key)
	}
	for key := range k.agent {
		add(key)
	}
}

// byPopulation orders countries by population, largest first, then ISO3.
func (k *KB) byPopulation(a, b int32) int {
	ca, cb := &k.Countries[a], &k.Countries[b]
	if c := cmp.Compare(cb.Population, ca.Population); c != 0 {
		return c
	}
	return strings.Compare(ca.ISO3, cb.ISO3)
}

func (k *KB) indexCountries() {
	names := make(index, len(k.Countries)*8)
	dem := make(index, len(k.Countries)*4)
	seats := map[string][]seatRef{}
	k.countryCode = make(map[string]int32, len(k.Countries)*3)
	k.countryISO3 = make(map[string]int32, len(k.Countries))
	addCode := func(code string, i int32) {
		if code == "" {
			return
		}
		if j, ok := k.countryCode[code]; !ok || k.byPopulation(i, j) < 0 {
			k.countryCode[code] = i
		}
	}
	addSeat := func(key string, i int32, sector string) {
		if key != "" && !slices.ContainsFunc(seats[key], func(s seatRef) bool { return s.country == i }) {
			seats[key] = append(seats[key], seatRef{i, sector})
		}
	}
	for n := range k.Countries {
		c := &k.Countries[n]
		i := int32(n)
		k.countryISO3[c.ISO3] = i
		addCode(c.ISO3, i)
		addCode(c.ISO2, i)
		names.add(stripThe(Key(c.Name)), i)
		for _, nm := range c.Names {
			if code := upperCode(nm); code != "" && !strings.Contains(strings.TrimSpace(nm), " ") {
				addCode(code, i)
			}
			names.add(stripThe(Key(nm)), i)
		}
		for _, d := range c.Demonyms {
			kd := Key(d)
			dem.add(kd, i)
			for _, p := range demonymPlurals(kd) {
				dem.add(p, i)
			}
		}
		for _, cp := range c.Capitals {
			addSeat(Key(cp), i, "GOV")
		}
	}
	for _, h := range handDemonyms() {
		if i, ok := k.countryISO3[h.iso3]; ok {
			kd := Key(h.word)
			dem.add(kd, i)
			for _, p := range demonymPlurals(kd) {
				dem.add(p, i)
			}
		}
	}
	for _, h := range handCountryNames() {
		if i, ok := k.countryISO3[h.iso3]; ok {
			if code := upperCode(h.word); code != "" && !strings.Contains(h.word, " ") {
				addCode(code, i)
			}
			names.add(stripThe(Key(h.word)), i)
		}
	}
	for _, h := range handSeats() {
		if i, ok := k.countryISO3[h.iso3]; ok {
			for _, nm := range h.names {
				addSeat(stripThe(Key(nm)), i, h.sector)
			}
		}
	}
	for _, refs := range seats {
		slices.SortStableFunc(refs, func(a, b seatRef) int { return k.byPopulation(a.country, b.country) })
	}
	// A country's common name beats another's other name; then population.
	names.sort(func(key string, a, b int32) int {
		ra, rb := stripThe(Key(k.Countries[a].Name)) != key, stripThe(Key(k.Countries[b].Name)) != key
		if ra != rb {
			if !ra {
				return -1
			}
			return 1
		}
		return k.byPopulation(a, b)
	})
	// A demonym beats a plural made from one; then population.
	dem.sort(func(key string, a, b int32) int {
		ra, rb := k.isDemonym(a, key), k.isDemonym(b, key)
		if ra != rb {
			if ra {
				return -1
			}
			return 1
		}
		return k.byPopulation(a, b)
	})
	k.countryKey = names
	k.demonym = dem
	k.seat = seats
	k.countryWord = map[string]struct{}{}
	for _, ix := range []index{names, dem} {
		for key := range ix {
			for _, w := range strings.Fields(key) {
				k.countryWord[w] = struct{}{}
			}
		}
	}
}

// isDemonym reports whether key is one of country i's demonyms as given.
func (k *KB) isDemonym(i int32, key string) bool {
	return slices.ContainsFunc(k.Countries[i].Demonyms, func(d string) bool { return Key(d) == key })
}

// demonymPlurals gives the plural nationality nouns of a demonym key:
// "american" → "americans"; "chinese", "british", "swiss" are their own
// plurals (and already indexed).
func demonymPlurals(key string) []string {
	if key == "" {
		return nil
	}
	for _, suf := range []string{"s", "sh", "ch", "se", "x", "z"} {
		if strings.HasSuffix(key, suf) {
			return nil
		}
	}
	if strings.HasSuffix(key, "man") {
		return []string{key[:len(key)-3] + "men"}
	}
	return []string{key + "s"}
}

func (k *KB) indexPlaces() {
	ix := make(index, len(k.AllPlaces)*4)
	for n := range k.AllPlaces {
		p := &k.AllPlaces[n]
		i := int32(n)
		ix.add(Key(p.Name), i)
		for _, a := range p.Alt {
			ix.add(Key(a), i)
		}
	}
	ix.sort(func(_ string, a, b int32) int {
		pa, pb := &k.AllPlaces[a], &k.AllPlaces[b]
		if c := cmp.Compare(pb.Population, pa.Population); c != 0 {
			return c
		}
		if c := cmp.Compare(pa.GeonamesID, pb.GeonamesID); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	k.place = ix
}

func (k *KB) indexPeople() {
	ix := make(index, len(k.AllPeople)*3)
	for n := range k.AllPeople {
		p := &k.AllPeople[n]
		i := int32(n)
		ix.add(Key(p.Name), i)
		for _, a := range p.Aliases {
			ix.add(Key(a), i)
		}
	}
	// Full name before alias, Wikidata before PETRARCH, more roles first.
	ix.sort(func(key string, a, b int32) int {
		pa, pb := &k.AllPeople[a], &k.AllPeople[b]
		na, nb := Key(pa.Name) == key, Key(pb.Name) == key
		if na != nb {
			if na {
				return -1
			}
			return 1
		}
		wa, wb := strings.HasPrefix(pa.ID, "wikidata:"), strings.HasPrefix(pb.ID, "wikidata:")
		if wa != wb {
			if wa {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(len(pb.Roles), len(pa.Roles)); c != 0 {
			return c
		}
		if c := strings.Compare(pa.ID, pb.ID); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	k.person = ix
}

// orgKindRank orders organisation kinds when one name names several.
func orgKindRank(kind string) int {
	switch kind {
	case OrgIGO:
		return 0
	case OrgNGO:
		return 1
	case OrgOther:
		return 2
	}
	return 3
}

func (k *KB) indexOrgs() {
	ix := make(index, len(k.Orgs)*3)
	for n := range k.Orgs {
		o := &k.Orgs[n]
		i := int32(n)
		ix.add(stripThe(Key(o.Name)), i)
		for _, a := range o.Aliases {
			ix.add(stripThe(Key(a)), i)
		}
	}
	// Name before alias, then IGO, NGO, other, group.
	ix.sort(func(key string, a, b int32) int {
		oa, ob := &k.Orgs[a], &k.Orgs[b]
		na, nb := stripThe(Key(oa.Name)) == key, stripThe(Key(ob.Name)) == key
		if na != nb {
			if na {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(orgKindRank(oa.Kind), orgKindRank(ob.Kind)); c != 0 {
			return c
		}
		if c := strings.Compare(oa.ID, ob.ID); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	k.org = ix
}
