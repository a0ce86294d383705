package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// within is an explicit container found after a mention: a country, and
// possibly one of its first-level regions.
type within struct {
	countries []string // ISO3
	admin1    []string // region keys, parallel to countries; "" for the whole country
}

// contains reports whether a candidate lies in the container.
func (w *within) contains(c *candidate) bool {
	for i, iso := range w.countries {
		if c.iso3() != iso {
			continue
		}
		if w.admin1[i] == "" {
			return true
		}
		if c.place != nil && kb.Key(c.place.Admin1) == w.admin1[i] {
			return true
		}
	}
	return false
}

func (w *within) add(iso, admin1 string) {
	for i := range w.countries {
		if w.countries[i] == iso && w.admin1[i] == admin1 {
			return
		}
	}
	w.countries = append(w.countries, iso)
	w.admin1 = append(w.admin1, admin1)
}

// maxContainerWords is the longest container name read after a mention.
const maxContainerWords = 4

// paraText is a paragraph as the container and region-word rules read
// it, by code-point offsets.
type paraText struct {
	s     string // valid UTF-8 with the paragraph's code points
	n     int    // code points
	ascii bool   // bytes are code points
	// cp and b are a code point offset and its byte offset, where at's
	// last walk ended.
	cp, b int
}

// paragraph returns paragraph p for reading by code-point offsets (empty
// when out of range), prepared on first use.
func (g *geocoder) paragraph(p int) *paraText {
	if p < 0 || p >= len(g.paras) {
		return &paraText{ascii: true}
	}
	t := &g.paras[p]
	if t.s == "" && g.doc.Paragraphs[p] != "" {
		s := g.doc.Paragraphs[p]
		switch {
		case isASCII(s):
			t.s, t.n, t.ascii = s, len(s), true
			return t
		case !utf8.ValidString(s):
			// Each invalid byte is one code point, U+FFFD, as []rune has it.
			s = string([]rune(s))
		}
		t.s, t.n = s, utf8.RuneCountInString(s)
	}
	return t
}

// at returns the byte offset of code point i, 0 <= i <= t.n.
func (t *paraText) at(i int) int {
	if t.ascii {
		return i
	}
	if i < t.cp {
		t.cp, t.b = 0, 0
	}
	for t.cp < i {
		_, size := utf8.DecodeRuneInString(t.s[t.b:])
		t.b += size
		t.cp++
	}
	return t.b
}

// container looks right after each mention of the entity for ", X" where
// X is a country, a first-level region or a US state abbreviation, and
// returns the first one found, or nil.
func (g *geocoder) container(e *newsgraph.Entity) *within {
	for _, m := range e.Mentions {
		t := g.paragraph(m.Paragraph)
		if m.End < 0 || m.End > t.n {
			continue
		}
		words := containerWords(t.s[t.at(m.End):])
		for n := len(words); n >= 1; n-- {
			if w := g.containerOf(strings.Join(words[:n], " ")); w != nil {
				return w
			}
		}
	}
	return nil
}

// containerWords reads ", Word Word…" at the start of rest: up to
// maxContainerWords capitalised words (periods inside allowed: "D.C.",
// "Ill."), joined by single spaces; "of" and "the" may link them.
func containerWords(rest string) []string {
	i := 0
	for i < len(rest) && rest[i] == ' ' {
		i++
	}
	if i >= len(rest) || rest[i] != ',' {
		return nil
	}
	i++
	var words []string
	for len(words) < maxContainerWords {
		for i < len(rest) && rest[i] == ' ' {
			i++
		}
		j := i
		for j < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '\'' && r != '’' {
				break
			}
			j += size
		}
		if j == i {
			break
		}
		w := rest[i:j]
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) && w != "of" && w != "the" {
			break
		}
		// A sentence-final period is not part of the word ("Indonesia.").
		if strings.HasSuffix(w, ".") && strings.Count(w, ".") == 1 && usState(w) == "" && utf8.RuneCountInString(w) > 2 {
			words = append(words, strings.TrimSuffix(w, "."))
			break
		}
		words = append(words, w)
		i = j
		if i >= len(rest) || rest[i] != ' ' {
			break
		}
	}
	for len(words) > 0 && (words[len(words)-1] == "of" || words[len(words)-1] == "the") {
		words = words[:len(words)-1]
	}
	return words
}

// containerOf resolves a container name to every country and region it
// may be, or nil: see within.
func (g *geocoder) containerOf(name string) *within {
	return g.s.facts(g.kb, name).within
}

// newWithin resolves a container name to every country and region it may
// be: "Georgia" is the country and the US state, and "Atlanta, Georgia"
// keeps the Atlanta in the state. It returns nil when there is none.
func newWithin(name string, f *facts) *within {
	w := &within{}
	if c := f.Country; c != nil {
		w.add(c.ISO3, "")
	}
	if st := usState(name); st != "" {
		w.add("USA", kb.Key(st))
	}
	for _, p := range f.Places {
		if p.Kind == kb.KindAdmin1 {
			w.add(p.Country, kb.Key(p.Admin1))
		}
	}
	if len(w.countries) == 0 {
		return nil
	}
	return w
}

// regionWord reports whether a mention of the entity stands next to a
// word for a first-level region: "Bali province", "Washington state", "the
// province of Aceh".
func (g *geocoder) regionWord(e *newsgraph.Entity) bool {
	for _, m := range e.Mentions {
		t := g.paragraph(m.Paragraph)
		if m.Start < 0 || m.End > t.n || m.Start > m.End {
			continue
		}
		from := t.at(max(0, m.Start-24))
		start := t.at(m.Start)
		if isRegionWord(firstWord(t.s[t.at(m.End):])) {
			return true
		}
		before := strings.Fields(strings.ToLower(t.s[from:start]))
		if n := len(before); n >= 2 && before[n-1] == "of" && isRegionWord(before[n-2]) {
			return true
		}
	}
	return false
}

// firstWord returns the lower-cased word at the start of rest after spaces.
func firstWord(rest string) string {
	i := 0
	for i < len(rest) && rest[i] == ' ' {
		i++
	}
	j := i
	for j < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return strings.ToLower(rest[i:j])
}

func isRegionWord(w string) bool {
	switch w {
	case "province", "state", "region", "prefecture", "oblast", "governorate", "county", "department", "provinces", "regency":
		return true
	}
	return false
}

// usState returns the US state an abbreviation stands for: the postal code
// in capitals ("TX", "IL") or the AP style with its period ("Tex.",
// "Ill.", "Calif."), or "".
func usState(abbr string) string {
	if len(abbr) == 2 && strings.ToUpper(abbr) == abbr {
		return usPostal(abbr)
	}
	if !strings.HasSuffix(abbr, ".") {
		return ""
	}
	switch strings.TrimSuffix(abbr, ".") {
	case "Ala":
		return "Alabama"
	case "Ariz":
		return "Arizona"
	case "Ark":
		return "Arkansas"
	case "Calif":
		return "California"
	case "Colo":
		return "Colorado"
	case "Conn":
		return "Connecticut"
	case "Del":
		return "Delaware"
	case "Fla":
		return "Florida"
	case "Ga":
		return "Georgia"
	case "Ill":
		return "Illinois"
	case "Ind":
		return "Indiana"
	case "Kan", "Kans":
		return "Kansas"
	case "Ky":
		return "Kentucky"
	case "La":
		return "Louisiana"
	case "Md":
		return "Maryland"
	case "Mass":
		return "Massachusetts"
	case "Mich":
		return "Michigan"
	case "Minn":
		return "Minnesota"
	case "Miss":
		return "Mississippi"
	case "Mo":
		return "Missouri"
	case "Mont":
		return "Montana"
	case "Neb", "Nebr":
		return "Nebraska"
	case "Nev":
		return "Nevada"
	case "N.H":
		return "New Hampshire"
	case "N.J":
		return "New Jersey"
	case "N.M", "N.Mex":
		return "New Mexico"
	case "N.Y":
		return "New York"
	case "N.C":
		return "North Carolina"
	case "N.D", "N.Dak":
		return "North Dakota"
	case "Okla":
		return "Oklahoma"
	case "Ore", "Oreg":
		return "Oregon"
	case "Pa", "Penn":
		return "Pennsylvania"
	case "R.I":
		return "Rhode Island"
	case "S.C":
		return "South Carolina"
	case "S.D", "S.Dak":
		return "South Dakota"
	case "Tenn":
		return "Tennessee"
	case "Tex":
		return "Texas"
	case "Vt":
		return "Vermont"
	case "Va":
		return "Virginia"
	case "Wash":
		return "Washington"
	case "W.Va":
		return "West Virginia"
	case "Wis", "Wisc":
		return "Wisconsin"
	case "Wyo":
		return "Wyoming"
	case "D.C":
		return "District of Columbia"
	}
	return ""
}

// usPostal maps a US postal code to its state.
func usPostal(code string) string {
	switch code {
	case "AL":
		return "Alabama"
	case "AK":
		return "Alaska"
	case "AZ":
		return "Arizona"
	case "AR":
		return "Arkansas"
	case "CA":
		return "California"
	case "CO":
		return "Colorado"
	case "CT":
		return "Connecticut"
	case "DE":
		return "Delaware"
	case "FL":
		return "Florida"
	case "GA":
		return "Georgia"
	case "HI":
		return "Hawaii"
	case "ID":
		return "Idaho"
	case "IL":
		return "Illinois"
	case "IN":
		return "Indiana"
	case "IA":
		return "Iowa"
	case "KS":
		return "Kansas"
	case "KY":
		return "Kentucky"
	case "LA":
		return "Louisiana"
	case "ME":
		return "Maine"
	case "MD":
		return "Maryland"
	case "MA":
		return "Massachusetts"
	case "MI":
		return "Michigan"
	case "MN":
		return "Minnesota"
	case "MS":
		return "Mississippi"
	case "MO":
		return "Missouri"
	case "MT":
		return "Montana"
	case "NE":
		return "Nebraska"
	case "NV":
		return "Nevada"
	case "NH":
		return "New Hampshire"
	case "NJ":
		return "New Jersey"
	case "NM":
		return "New Mexico"
	case "NY":
		return "New York"
	case "NC":
		return "North Carolina"
	case "ND":
		return "North Dakota"
	case "OH":
		return "Ohio"
	case "OK":
		return "Oklahoma"
	case "OR":
		return "Oregon"
	case "PA":
		return "Pennsylvania"
	case "RI":
		return "Rhode Island"
	case "SC":
		return "South Carolina"
	case "SD":
		return "South Dakota"
	case "TN":
		return "Tennessee"
	case "TX":
		return "Texas"
	case "UT":
		return "Utah"
	case "VT":
		return "Vermont"
	case "VA":
		return "Virginia"
	case "WA":
		return "Washington"
	case "WV":
		return "West Virginia"
	case "WI":
		return "Wisconsin"
	case "WY":
		return "Wyoming"
	case "DC":
		return "District of Columbia"
	}
	return ""
}
