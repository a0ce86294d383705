package kb

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// coordScale is the precision lat/lon are kept at: 1e-5 degrees (about a
// metre), GeoNames' own.
const coordScale = 1e5

// roundCoord rounds a coordinate to coordScale.
func roundCoord(x float64) float64 { return math.Round(x*coordScale) / coordScale }

// region is a GeoNames first-level administrative region.
type region struct {
	cc, name, ascii string
	id              int
	pop             int // sum of its cities
	bestPop         int // its most populous city
	bestID          int
	lat, lon        float64
}

// readCountries reads countries/countries.json (mledoze/countries, ODbL).
func (b *builder) readCountries(context.Context) error {
	data, err := b.read(srcCountries)
	if err != nil {
		return err
	}
	var cs []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		CCA2         string    `json:"cca2"`
		CCA3         string    `json:"cca3"`
		Capital      []string  `json:"capital"`
		AltSpellings []string  `json:"altSpellings"`
		Region       string    `json:"region"`
		Latlng       []float64 `json:"latlng"`
		Borders      []string  `json:"borders"`
		Demonyms     map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.Unmarshal(bytesTrimBOM(data), &cs); err != nil {
		return fmt.Errorf("decode %s: %w", srcCountries, err)
	}
	b.byISO2 = map[string]int{}
	b.byISO3 = map[string]int{}
	for _, c := range cs {
		if len(c.CCA3) != 3 || c.Name.Common == "" {
			continue
		}
		if _, dup := b.byISO3[c.CCA3]; dup {
			continue
		}
		ct := Country{ISO3: c.CCA3, ISO2: c.CCA2, Name: strings.TrimSpace(c.Name.Common), Region: c.Region}
		skip := Key(ct.Name)
		ct.Names, _ = addName(ct.Names, skip, c.Name.Official)
		for _, a := range c.AltSpellings {
			if a == c.CCA2 {
				continue
			}
			ct.Names, _ = addName(ct.Names, skip, a)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			ct.Demonyms, _ = addName(ct.Demonyms, "", d.M)
			ct.Demonyms, _ = addName(ct.Demonyms, "", d.F)
		}
		for _, cp := range c.Capital {
			ct.Capitals, _ = addName(ct.Capitals, "", cp)
		}
		if len(c.Latlng) == 2 {
			ct.Lat, ct.Lon = roundCoord(c.Latlng[0]), roundCoord(c.Latlng[1])
		}
		ct.Borders = append([]string(nil), c.Borders...)
		b.byISO3[ct.ISO3] = len(b.countries)
		if ct.ISO2 != "" {
			b.byISO2[ct.ISO2] = len(b.countries)
		}
		b.countries = append(b.countries, ct)
	}
	b.indexCountryKeys()
	return nil
}

// indexCountryKeys records every country name, capital and demonym key
// known so far, for filtering the names other sources add.
func (b *builder) indexCountryKeys() {
	b.countryKeys = map[string]string{}
	b.capitalKeys = map[string]bool{}
	b.demonymKeys = map[string]bool{}
	for _, c := range b.countries {
		for _, n := range append([]string{c.Name}, c.Names...) {
			k := stripThe(Key(n))
			if _, ok := b.countryKeys[k]; !ok && k != "" {
				b.countryKeys[k] = c.ISO3
			}
		}
		for _, cp := range c.Capitals {
			b.capitalKeys[Key(cp)] = true
		}
		for _, d := range c.Demonyms {
			kd := Key(d)
			b.demonymKeys[kd] = true
			for _, p := range demonymPlurals(kd) {
				b.demonymKeys[p] = true
			}
			toks := keyTokens(kd)
			if len(toks) > 0 {
				last := toks[len(toks)-1]
				b.demonymKeys["~"+last] = true
				for _, p := range demonymPlurals(last) {
					b.demonymKeys["~"+p] = true
				}
			}
		}
	}
}

// isDemonymLike reports whether a name key is a demonym or ends in one's
// last word ("south korean", "s koreans").
func (b *builder) isDemonymLike(key string) bool {
	if b.demonymKeys[key] {
		return true
	}
	toks := keyTokens(key)
	return len(toks) > 0 && b.demonymKeys["~"+toks[len(toks)-1]]
}

// addCountryName adds a name from GeoNames' countryInfo.tsv to a country
// unless another country, a demonym, a capital or a place has it.
func (b *builder) addCountryName(i int, name string) {
	k := stripThe(Key(name))
	if k == "" || isShortToken(k) && upperCode(name) == "" {
		return
	}
	if _, ok := b.countryKeys[k]; ok {
		return
	}
	if b.isDemonymLike(k) || b.capitalKeys[k] || b.placeKeys[k] || b.altKeys[k] {
		return
	}
	c := &b.countries[i]
	var added bool
	c.Names, added = addName(c.Names, Key(c.Name), name)
	if added {
		b.countryKeys[k] = c.ISO3
	}
}

// addPetrarchCountryName adds a spelling from a PETRARCH2 country entry.
// Those entries also list the country's cities, provinces, rivers and
// nicknames ("PUSAN", "HELMAND", "PEACH_STATE") to code them as the
// country; only variants of the country's own name are kept: an acronym of
// its name ("ROK", "U.S.", "PRC"), or a name sharing a distinctive word
// with its names ("S. Korea", "Korea (South)", "America", "Britain") and
// naming no geographic feature.
func (b *builder) addPetrarchCountryName(i int, raw string) {
	name := smartCase(raw, stylePlace)
	k := stripThe(Key(name))
	if k == "" {
		return
	}
	c := &b.countries[i]
	primary := append([]string{c.Name}, c.Names...)
	if code := upperCode(name); code != "" {
		if !slices.ContainsFunc(primary, func(n string) bool { return matchesInitials(code, n) }) {
			return
		}
	} else {
		words := map[string]bool{}
		for _, n := range primary {
			for _, t := range keyTokens(Key(n)) {
				if len(t) >= 4 && !genericNameWord(t) {
					words[t] = true
				}
			}
		}
		shared := false
		for _, t := range keyTokens(k) {
			if featureWord(t) || strings.HasSuffix(t, "man") || strings.HasSuffix(t, "men") || b.demonymKeys["~"+t] {
				return
			}
			shared = shared || words[t] || misspelt(t, words)
		}
		if !shared {
			return
		}
	}
	b.addCountryName(i, name)
}

// misspelt reports whether t is one or two edits from one of words: the
// PETRARCH2 entries keep misspellings found in news ("AFGANISTAN",
// "UNITED_SATES"). Words under five letters must match exactly; under
// seven, within one edit.
func misspelt(t string, words map[string]bool) bool {
	if len(t) < 5 {
		return false
	}
	limit := 1
	if len(t) >= 7 {
		limit = 2
	}
	for w := range words {
		if len(w) >= 5 && editDistance(t, w, limit) <= limit {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance of a and b (bytes), or limit+1
// when it exceeds limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// matchesInitials reports whether code is the initials of name, with or
// without its short function words: "ROK" and "Republic of Korea", "PRC"
// and "People's Republic of China".
func matchesInitials(code, name string) bool {
	var all, content strings.Builder
	for _, t := range keyTokens(Key(name)) {
		if t == "s" { // "people's"
			continue
		}
		all.WriteByte(t[0])
		if t != "of" && t != "the" && t != "and" {
			content.WriteByte(t[0])
		}
	}
	code = strings.ToLower(code)
	return len(code) >= 2 && (code == all.String() || code == content.String())
}

// genericNameWord reports words of country names that do not identify one
// country ("republic", "united", "north").
func genericNameWord(w string) bool {
	switch w {
	case "republic", "democratic", "people", "peoples", "kingdom", "state", "states", "united", "federal",
		"federation", "islamic", "island", "islands", "north", "south", "east", "west", "northern", "southern",
		"eastern", "western", "central", "saint", "union", "commonwealth", "territory", "arab", "socialist",
		"great", "popular", "principality", "grand", "duchy", "sultanate", "emirates", "independent",
		"sovereign", "special", "administrative", "region", "autonomous", "overseas", "department",
		"collectivity", "plurinational", "bolivarian", "oriental", "hashemite", "co operative", "cooperative":
		return true
	}
	return false
}

// featureWord reports words that name a geographic feature or a part of a
// country, not the country.
func featureWord(w string) bool {
	switch w {
	case "wall", "river", "rivers", "mountain", "mountains", "desert", "canal", "sea", "lake", "peninsula",
		"island", "islands", "falls", "canyon", "gulf", "bay", "strait", "plateau", "dynasty", "province",
		"state", "region", "city", "county", "valley", "coast", "capital", "purchase", "empire", "soviet":
		return true
	}
	return false
}

// readCountryInfo reads geonames/countryInfo.tsv: population, GeoNames ID,
// and GeoNames' names and capitals.
func (b *builder) readCountryInfo(context.Context) error {
	data, err := b.read(srcCountryInfo)
	if err != nil {
		return err
	}
	for _, line := range lines(data) {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 17 {
			continue
		}
		i, ok := b.byISO2[f[0]]
		if !ok {
			if i, ok = b.byISO3[f[1]]; !ok {
				continue
			}
		}
		c := &b.countries[i]
		c.Population, _ = strconv.Atoi(strings.TrimSpace(f[7]))
		c.GeonamesID, _ = strconv.Atoi(strings.TrimSpace(f[16]))
		if cp := strings.TrimSpace(f[5]); cp != "" {
			var added bool
			if c.Capitals, added = addName(c.Capitals, "", cp); added {
				b.capitalKeys[Key(cp)] = true
			}
		}
		if n := strings.TrimSpace(f[4]); n != "" {
			b.addCountryName(i, n)
		}
	}
	return nil
}

// readRegions reads geonames/regionInfo.tsv: region code, name, ASCII
// name, GeoNames ID.
func (b *builder) readRegions(context.Context) error {
	data, err := b.read(srcRegions)
	if err != nil {
		return err
	}
	b.regions = map[string]region{}
	b.placeKeys = map[string]bool{}
	b.altKeys = map[string]bool{}
	for _, line := range lines(data) {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			continue
		}
		id, err := strconv.Atoi(strings.TrimSpace(f[3]))
		if err != nil {
			continue
		}
		cc, _, _ := strings.Cut(f[0], ".")
		b.regions[f[0]] = region{cc: cc, name: strings.TrimSpace(f[1]), ascii: strings.TrimSpace(f[2]), id: id}
		b.placeKeys[Key(f[1])] = true
		b.placeKeys[Key(f[2])] = true
	}
	return nil
}

// countryISO3 maps a GeoNames ISO2 code to the ISO3 code of the countries
// dataset ("XK" → "UNK"), or "".
func (b *builder) countryISO3(iso2 string) string {
	if i, ok := b.byISO2[iso2]; ok {
		return b.countries[i].ISO3
	}
	return ""
}

// readCities reads geonames/cities15000.txt (19 tab-separated columns) and
// then makes the first-level regions into places.
func (b *builder) readCities(ctx context.Context) error {
	data, err := b.read(srcCities)
	if err != nil {
		return err
	}
	for n, line := range lines(data) {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		f := strings.Split(line, "\t")
		if len(f) < 19 {
			continue
		}
		id, err1 := strconv.Atoi(f[0])
		lat, err2 := strconv.ParseFloat(f[4], 64)
		lon, err3 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil || err3 != nil || f[6] != "P" {
			continue
		}
		iso3 := b.countryISO3(f[8])
		if iso3 == "" {
			continue
		}
		pop, _ := strconv.Atoi(f[14])
		p := Place{GeonamesID: id, Name: strings.TrimSpace(f[1]), Country: iso3, Kind: KindCity,
			Lat: roundCoord(lat), Lon: roundCoord(lon), Population: pop, Capital: f[7] == "PPLC"}
		rk := f[8] + "." + f[10]
		if r, ok := b.regions[rk]; ok {
			p.Admin1 = r.name
			r.pop += pop
			if pop > r.bestPop || r.bestID == 0 || pop == r.bestPop && id < r.bestID {
				r.bestPop, r.bestID, r.lat, r.lon = pop, id, p.Lat, p.Lon
			}
			b.regions[rk] = r
		}
		skip := Key(p.Name)
		p.Alt, _ = addName(p.Alt, skip, f[2])
		for _, a := range strings.Split(f[3], ",") {
			if goodAltName(a) {
				p.Alt, _ = addName(p.Alt, skip, a)
			}
		}
		b.placeKeys[skip] = true
		b.placeKeys[Key(f[2])] = true
		for _, a := range p.Alt {
			b.altKeys[Key(a)] = true
		}
		b.places = append(b.places, p)
	}
	codes := make([]string, 0, len(b.regions))
	for code := range b.regions {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		r := b.regions[code]
		iso3 := b.countryISO3(r.cc)
		if iso3 == "" {
			continue
		}
		p := Place{GeonamesID: r.id, Name: r.name, Country: iso3, Admin1: r.name, Kind: KindAdmin1,
			Lat: r.lat, Lon: r.lon, Population: r.pop}
		skip := Key(p.Name)
		p.Alt, _ = addName(p.Alt, skip, r.ascii)
		for _, n := range []string{r.name, r.ascii} {
			if s := stripAdminAffix(n); s != "" {
				p.Alt, _ = addName(p.Alt, skip, s)
			}
			for _, v := range b.compassVariants(n) {
				p.Alt, _ = addName(p.Alt, skip, v)
			}
		}
		b.places = append(b.places, p)
	}
	return nil
}

// compassVariants returns the other names news text gives a region whose
// name opens with a compass word: the other form of the word ("Western
// Darfur" → "West Darfur") and the bare stem the regions were carved from
// ("Darfur", "Kordofan"), unless the stem is short or already names a
// country or another place ("Virginia").
func (b *builder) compassVariants(name string) []string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" {
		return nil
	}
	pairs := [][2]string{{"North", "Northern"}, {"South", "Southern"}, {"East", "Eastern"}, {"West", "Western"},
		{"Central", ""}, {"Upper", ""}, {"Lower", ""}}
	var out []string
	for _, p := range pairs {
		if first != p[0] && first != p[1] {
			continue
		}
		if p[1] != "" {
			other := p[0]
			if first == p[0] {
				other = p[1]
			}
			out = append(out, other+" "+rest)
		}
		k := Key(rest)
		if utf8.RuneCountInString(rest) >= 5 && b.countryKeys[k] == "" && !b.placeKeys[k] && !hasAdminWord(k) {
			out = append(out, rest)
		}
	}
	return out
}

// hasAdminWord reports whether a key holds a generic region word
// ("province", "region"): "Northern Province" has no stem of its own.
func hasAdminWord(key string) bool {
	for _, w := range strings.Fields(key) {
		for _, s := range adminSuffixes() {
			if w == strings.ToLower(strings.TrimSpace(s)) {
				return true
			}
		}
		switch w {
		case "area", "zone", "highlands", "lowlands", "islands", "coast", "central", "west", "east", "north", "south":
			return true
		}
	}
	return false
}

// stripAdminAffix returns a region name without a generic word around it
// ("Maidan Wardak Province" → "Maidan Wardak"), or "".
func stripAdminAffix(name string) string {
	for _, s := range adminSuffixes() {
		if strings.HasSuffix(name, s) && len(name) > len(s)+2 {
			return strings.TrimSpace(name[:len(name)-len(s)])
		}
	}
	for _, p := range adminPrefixes() {
		if strings.HasPrefix(name, p) && len(name) > len(p)+2 {
			return strings.TrimSpace(name[len(p):])
		}
	}
	return ""
}

// goodAltName keeps the GeoNames alternate names worth indexing: Latin
// script, at most 40 characters, capitalised, no digits or brackets, and
// not a code ("BJS", "SEL"). Lower-case transliterations ("bkyn", "sol")
// are dropped: they collide with other words.
func goodAltName(a string) bool {
	a = strings.TrimSpace(a)
	if a == "" || utf8.RuneCountInString(a) > 40 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(a)
	if !unicode.IsUpper(first) || upperCode(a) != "" {
		return false
	}
	for _, r := range a {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
		case unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '\'', r == '’', r == '.':
		default:
			return false
		}
	}
	return true
}
