package kb

import (
	"slices"
	"strings"
	"testing"
)

// embeddedKB returns the embedded knowledge base or skips.
func embeddedKB(t testing.TB) *KB {
	t.Helper()
	k, err := Default()
	if err != nil {
		t.Skipf("no embedded knowledge base (build it with newsgraph kb build): %v", err)
	}
	return k
}

func TestCountry(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ in, want string }{
		{"South Korea", "KOR"}, {"Republic of Korea", "KOR"}, {"ROK", "KOR"}, {"KOR", "KOR"}, {"S. Korea", "KOR"},
		{"North Korea", "PRK"}, {"DPRK", "PRK"}, {"D.P.R.K.", "PRK"},
		{"U.S.", "USA"}, {"US", "USA"}, {"USA", "USA"}, {"United States", "USA"}, {"the United States", "USA"},
		{"America", "USA"}, {"United States of America", "USA"},
		{"Britain", "GBR"}, {"UK", "GBR"}, {"U.K.", "GBR"}, {"Great Britain", "GBR"}, {"United Kingdom", "GBR"},
		{"Russia", "RUS"}, {"Russian Federation", "RUS"}, {"China", "CHN"}, {"People's Republic of China", "CHN"},
		{"Indonesia", "IDN"}, {"Côte d'Ivoire", "CIV"}, {"Cote d'Ivoire", "CIV"}, {"Ivory Coast", "CIV"},
		{"the Netherlands", "NLD"}, {"Holland", "NLD"}, {"The Gambia", "GMB"}, {"Georgia", "GEO"},
		// Not countries, or codes not written as codes.
		{"us", ""}, {"Us", ""}, {"uk", ""}, {"Korea", ""}, {"Beijing", ""}, {"Pusan", ""}, {"Chinese", ""}, {"", ""},
	}
	for _, tt := range tests {
		got := ""
		if c := k.Country(tt.in); c != nil {
			got = c.ISO3
		}
		if got != tt.want {
			t.Errorf("Country(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if c := k.CountryByISO3("kor"); c == nil || c.Name != "South Korea" || c.ISO2 != "KR" || c.Population == 0 || c.GeonamesID == 0 {
		t.Errorf("CountryByISO3(kor) = %+v", c)
	}
}

func TestDemonym(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ in, want string }{
		{"Chinese", "CHN"}, {"South Korean", "KOR"}, {"American", "USA"}, {"Americans", "USA"}, {"British", "GBR"},
		{"Britons", "GBR"}, {"Ukrainian", "UKR"}, {"Ukrainians", "UKR"}, {"North Korean", "PRK"},
		{"North Koreans", "PRK"}, {"Indonesian", "IDN"}, {"French", "FRA"}, {"Swiss", "CHE"},
		{"Congolese", "COD"}, // shared by both Congos: the more populous
		{"China", ""}, {"Korean", ""},
	}
	for _, tt := range tests {
		got := ""
		if c := k.Demonym(tt.in); c != nil {
			got = c.ISO3
		}
		if got != tt.want {
			t.Errorf("Demonym(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSeat(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ in, want, sector string }{
		{"Beijing", "CHN", "GOV"}, {"Seoul", "KOR", "GOV"}, {"Washington", "USA", "GOV"}, {"Moscow", "RUS", "GOV"},
		{"Pyongyang", "PRK", "GOV"}, {"the Kremlin", "RUS", "GOV"}, {"Kremlin", "RUS", "GOV"},
		{"White House", "USA", "GOV"}, {"the White House", "USA", "GOV"}, {"Downing Street", "GBR", "GOV"},
		{"Elysee", "FRA", "GOV"}, {"Élysée", "FRA", "GOV"}, {"Blue House", "KOR", "GOV"},
		{"Zhongnanhai", "CHN", "GOV"}, {"Pentagon", "USA", "MIL"}, {"the Pentagon", "USA", "MIL"},
		{"Capitol Hill", "USA", "LEG"}, {"London", "GBR", "GOV"}, {"Tbilisi", "GEO", "GOV"},
		{"Shanghai", "", ""}, {"China", "", ""},
	}
	for _, tt := range tests {
		c, sector := k.Seat(tt.in)
		got := ""
		if c != nil {
			got = c.ISO3
		}
		if got != tt.want || sector != tt.sector {
			t.Errorf("Seat(%q) = %q %q, want %q %q", tt.in, got, sector, tt.want, tt.sector)
		}
		if cc := k.Capital(tt.in); (cc == nil) != (c == nil) || cc != nil && cc.ISO3 != got {
			t.Errorf("Capital(%q) = %v, Seat gives %q", tt.in, cc, got)
		}
	}
}

func TestPlaces(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct {
		in               string
		country, kind    string // of the first (most populous) place
		capital, atLeast int    // capital: 1 if the first is a national capital
	}{
		{"Bali", "IDN", KindAdmin1, 0, 3},
		{"Beijing", "CHN", KindAdmin1, 0, 2}, // the municipality outnumbers the city
		{"Peking", "CHN", KindCity, 1, 1},    // a GeoNames alternate name
		{"Paris", "FRA", KindCity, 1, 2},
		{"Springfield", "USA", KindCity, 0, 5},
		{"Denpasar", "IDN", KindCity, 0, 1},
		{"Georgia", "USA", KindAdmin1, 0, 1},
		{"São Paulo", "BRA", KindAdmin1, 0, 2}, // the state, then the city
		{"Sao Paulo", "BRA", KindAdmin1, 0, 2},
		{"Maidan Wardak", "AFG", KindAdmin1, 0, 1}, // "Maidan Wardak Province"
	}
	for _, tt := range tests {
		ps := k.Places(tt.in)
		if len(ps) < tt.atLeast {
			t.Errorf("Places(%q): %d places, want at least %d", tt.in, len(ps), tt.atLeast)
			continue
		}
		p := ps[0]
		if p.Country != tt.country || p.Kind != tt.kind || p.Capital != (tt.capital == 1) {
			t.Errorf("Places(%q)[0] = %+v, want %s %s capital=%v", tt.in, *p, tt.country, tt.kind, tt.capital == 1)
		}
		for i := 1; i < len(ps); i++ {
			if ps[i].Population > ps[i-1].Population {
				t.Errorf("Places(%q) not by population: %d after %d", tt.in, ps[i].Population, ps[i-1].Population)
			}
		}
	}
	if ps := k.Places("Nowhere-on-Earth"); ps != nil {
		t.Errorf("Places(unknown) = %v", ps)
	}
	own := []struct {
		place, name string
		want        bool
	}{
		{"New York", "New York", true}, {"Peking", "Peking", false}, {"Maidan Wardak", "Maidan Wardak", true}, {"Bali", "BALI", true},
	}
	for _, tt := range own {
		ps := k.Places(tt.place)
		got := false
		for _, p := range ps {
			got = got || p.IsOwnName(tt.name)
		}
		if got != tt.want {
			t.Errorf("Places(%q): IsOwnName(%q) = %v, want %v", tt.place, tt.name, got, tt.want)
		}
	}
	bali := k.Places("Bali")[0]
	if bali.Admin1 != "Bali" || !bali.HasCoords() || bali.Lat > -8 || bali.Lat < -9 {
		t.Errorf("Bali region: %+v", *bali)
	}
	for _, p := range k.Places("Beijing") {
		if p.Kind == KindCity && (!p.Capital || p.Admin1 != "Beijing") {
			t.Errorf("Beijing city: %+v", *p)
		}
	}
}

func TestPeopleAndRoles(t *testing.T) {
	k := embeddedKB(t)
	person := func(name string) *Person {
		t.Helper()
		ps := k.People(name)
		if len(ps) == 0 {
			t.Fatalf("People(%q): none", name)
		}
		return ps[0]
	}
	xi := person("Xi Jinping")
	if xi.ID != "wikidata:Q15031" || xi.Name != "Xi Jinping" {
		t.Errorf("Xi Jinping: %+v", xi)
	}
	moon := person("Moon Jae-in")
	if moon.ID != "wikidata:Q21001" {
		t.Errorf("Moon Jae-in: %+v", moon)
	}
	if p := person("Moon Jae In"); p != moon {
		t.Errorf("Moon Jae In is %s, not %s", p.ID, moon.ID)
	}
	yoon := person("Yoon Suk-yeol")
	tests := []struct {
		p          *Person
		date, want string // want: the role's code, "" for none
	}{
		{moon, "2022-11-15", ""}, // he left office in May 2022
		{moon, "2022-11", ""},
		{moon, "2022", "KORGOV"}, // a year matches any part of it
		{moon, "2019", "KORGOV"},
		{moon, "2019-06-30", "KORGOV"},
		{moon, "2007-06", "KORGOV"}, // PETRARCH: a minister 2007–2008
		{moon, "2010", ""},
		{moon, "not a date", ""},
		{yoon, "2022-11-15", "KORGOV"},
		{yoon, "2021", ""},
		{xi, "2022-11-15", "CHNGOV"},
		{xi, "2024", "CHNGOV"},
		{xi, "2000", ""},
		{xi, "", "CHNGOV"},
	}
	for _, tt := range tests {
		r := k.RoleAt(tt.p, tt.date)
		got := ""
		if r != nil {
			got = r.Code
		}
		if got != tt.want {
			t.Errorf("RoleAt(%s, %q) = %+v, want %q", tt.p.Name, tt.date, r, tt.want)
		}
	}
	if r := k.RoleAt(xi, "2022-11-15"); r == nil || r.Title == "" {
		t.Errorf("Xi's 2022 role has no title: %+v", r)
	}
	if r := k.RoleAt(nil, "2022"); r != nil {
		t.Errorf("RoleAt(nil) = %+v", r)
	}
	for _, p := range k.AllPeople {
		if !slices.IsSortedFunc(p.Roles, func(a, b Role) int {
			if a.From < b.From {
				return -1
			} else if a.From > b.From {
				return 1
			}
			return 0
		}) {
			t.Fatalf("%s: roles not sorted by From: %+v", p.ID, p.Roles)
		}
	}
	if ps := k.People("Nobody Atall"); ps != nil {
		t.Errorf("People(unknown) = %v", ps)
	}
	for _, name := range []string{"Ban Ki-moon", "Barack Obama", "Vladimir Putin", "Kim Jong-un"} {
		if ps := k.People(name); len(ps) == 0 {
			t.Errorf("People(%q): none", name)
		}
	}
}

func TestOrg(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ in, code, kind string }{
		{"United Nations", "IGOUNO", OrgIGO}, {"the United Nations", "IGOUNO", OrgIGO}, {"UN", "IGOUNO", OrgIGO},
		{"U.N.", "IGOUNO", OrgIGO}, {"NATO", "IGOWSTNAT", OrgIGO}, {"Nato", "IGOWSTNAT", OrgIGO},
		{"European Union", "IGOEUREEC", OrgIGO}, {"EU", "IGOEUREEC", OrgIGO},
		{"G20", "IGOG20", OrgIGO}, {"G-20", "IGOG20", OrgIGO}, {"G 20", "IGOG20", OrgIGO}, {"Group of 20", "IGOG20", OrgIGO},
		{"G7", "IGOGOS", OrgIGO}, {"BRICS", "IGOBRC", OrgIGO}, {"ASEAN", "IGOSEAASN", OrgIGO},
		{"African Union", "IGOAFRAFU", OrgIGO}, {"OPEC", "IGOOPC", OrgIGO}, {"WHO", "IGOUNOHLHWHO", OrgIGO},
		{"World Health Organization", "IGOUNOHLHWHO", OrgIGO}, {"IMF", "IGOBUSIMF", OrgIGO},
		{"World Bank", "IGOUNODEVWBK", OrgIGO}, {"WTO", "IGOBUSWTO", OrgIGO}, {"Interpol", "IGOCOPITP", OrgIGO},
		{"Amnesty International", "", OrgNGO}, {"Hamas", "", OrgGroup},
		{"who", "", ""}, {"un", "", ""}, {"Unheard Of Organisation", "", ""},
	}
	for _, tt := range tests {
		o := k.Org(tt.in)
		switch {
		case tt.kind == "" && o != nil:
			t.Errorf("Org(%q) = %+v, want none", tt.in, o)
		case tt.kind == "":
		case o == nil:
			t.Errorf("Org(%q) = nil, want %s %s", tt.in, tt.code, tt.kind)
		case tt.code != "" && o.Code != tt.code || o.Kind != tt.kind:
			t.Errorf("Org(%q) = %+v, want %s %s", tt.in, o, tt.code, tt.kind)
		}
	}
}

func TestAgent(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ in, want string }{
		{"president", "GOV"}, {"President", "GOV"}, {"the president", "GOV"}, {"prime minister", "GOV"},
		{"foreign minister", "GOV"}, {"foreign ministers", "GOV"}, {"general", "MIL"}, {"generals", "MIL"},
		{"soldier", "MIL"}, {"soldiers", "MIL"}, {"protesters", "OPP"}, {"activists", "OPP"}, {"rebels", "REB"},
		{"police", "COP"}, {"judge", "JUD"}, {"judges", "JUD"}, {"court", "JUD"}, {"lawmakers", "LEG"},
		{"parliament", "LEG"}, {"businessman", "BUS"}, {"businessmen", "BUS"}, {"company", "BUS"},
		{"companies", "BUS"}, {"journalist", "MED"}, {"journalists", "MED"},
		{"banana", ""},
	}
	for _, tt := range tests {
		a := k.Agent(tt.in)
		got := ""
		if a != nil && len(a.Sectors) > 0 {
			got = a.Sectors[0]
		}
		if got != tt.want {
			t.Errorf("Agent(%q) = %+v, want %q", tt.in, a, tt.want)
		}
	}
}

func TestCameoCode(t *testing.T) {
	k := embeddedKB(t)
	if len(k.Cameo) != 312 {
		t.Errorf("%d CAMEO codes, want 312", len(k.Cameo))
	}
	tests := []struct {
		code, name string
		goldstein  float64
	}{
		{"036", "Express intent to meet or negotiate", 4},
		{"012", "Make pessimistic comment", -0.4},
		{"01", "MAKE PUBLIC STATEMENT", 0},
		{"190", "Use conventional military force", -10},
	}
	for _, tt := range tests {
		c := k.CameoCode(tt.code)
		if c == nil || c.Name != tt.name || c.Goldstein != tt.goldstein {
			t.Errorf("CameoCode(%q) = %+v, want %q %v", tt.code, c, tt.name, tt.goldstein)
		}
	}
	if c := k.CameoCode("999"); c != nil {
		t.Errorf("CameoCode(999) = %+v", c)
	}
	for _, c := range k.Cameo {
		for _, s := range []string{c.Name, c.Description} {
			for _, bad := range []string{"‚Ä", "Äô", "\uFFFD"} {
				if strings.Contains(s, bad) {
					t.Errorf("CAMEO %s still mis-encoded: %q", c.Code, s)
				}
			}
		}
	}
}

// TestMatchAgreesWithLookups checks Match against the single lookups on
// names of every kind.
func TestMatchAgreesWithLookups(t *testing.T) {
	k := embeddedKB(t)
	for _, name := range []string{"South Korea", "ROK", "us", "US", "U.S.", "Chinese", "South Korean", "Americans",
		"Beijing", "the Kremlin", "Pentagon", "UN", "un", "G-20", "NATO", "president", "Foreign Minister",
		"the soldiers", "protesters", "Xi Jinping", "nothing at all", "", "Georgia"} {
		m := k.Match(name)
		sc, sec := k.Seat(name)
		if m.Country != k.Country(name) || m.Demonym != k.Demonym(name) || m.Seat != sc || m.SeatSector != sec ||
			m.Org != k.Org(name) || m.Agent != k.Agent(name) {
			t.Errorf("Match(%q) = %+v disagrees with the single lookups", name, m)
		}
	}
}

func TestLookupAndFirstWords(t *testing.T) {
	k := embeddedKB(t)
	for _, name := range []string{"Beijing", "South Korea", "Xi Jinping", "Bali", "G-20", "president", "Chinese"} {
		e := k.Lookup(name)
		m := k.Match(name)
		if e.Match != m || e.Key != Key(name) || len(e.Places) != len(k.Places(name)) || len(e.People) != len(k.People(name)) {
			t.Errorf("Lookup(%q) = %+v, disagrees with Match, Key, Places and People", name, e)
		}
	}
	for _, w := range []string{"south", "united", "foreign", "the", "prime"} {
		if !k.StartsName(w) {
			t.Errorf("StartsName(%q) = false", w)
		}
	}
	for _, w := range []string{"zzyzx", "said", ""} {
		if k.StartsName(w) {
			t.Errorf("StartsName(%q) = true", w)
		}
	}
	// Darfur is known by the stem of its regions; Trinidad as its country.
	if ps := k.Places("Darfur"); len(ps) == 0 || ps[0].Country != "SDN" {
		t.Errorf("Places(Darfur) = %v", ps)
	}
	if c := k.Country("Trinidad"); c == nil || c.ISO3 != "TTO" {
		t.Errorf("Country(Trinidad) = %v", c)
	}
	// PETRARCH2's CAMEO codes come out as ISO ones.
	if o := k.Org("UNITA"); o == nil || o.Code != "AGOREB" || o.Country != "AGO" {
		t.Errorf("Org(UNITA) = %+v, want AGOREB", o)
	}
}

func TestDerived(t *testing.T) {
	k := New(nil, nil, nil, nil, nil, nil)
	type key struct{}
	n := 0
	build := func() any { n++; v := n; return &v }
	a, b := k.Derived(key{}, build), k.Derived(key{}, build)
	if a != b || n != 1 {
		t.Errorf("Derived built %d times (%p, %p), want once", n, a, b)
	}
	if k2 := New(nil, nil, nil, nil, nil, nil); k2.Derived(key{}, build) == a || n != 2 {
		t.Errorf("another KB shares the derived value")
	}
}
