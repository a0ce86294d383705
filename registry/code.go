package registry

//go:generate go run gen_countries.go

import (
	"errors"
	"fmt"
	"strings"
)

// maxSectors bounds the sector codes one actor code may carry.
const maxSectors = 4

// CheckCode reports whether code is a well-formed actor code: a 3-letter
// prefix and up to four 3-letter sectors, all upper-case ASCII letters.
func CheckCode(code string) error {
	if code == "" {
		return errors.New("empty code")
	}
	if len(code)%3 != 0 || len(code) > 3*(1+maxSectors) {
		return fmt.Errorf("code %q: want a 3-letter country or international prefix and up to %d 3-letter sectors (KORGOV, IGOUNO)", code, maxSectors)
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return fmt.Errorf("code %q: only the letters A–Z", code)
		}
	}
	return nil
}

// SplitCode cuts an actor code into its 3-letter prefix and 3-letter
// sectors: "KORGOVMIL" is "KOR", [GOV MIL]. A trailing part shorter than
// three letters is dropped.
func SplitCode(code string) (prefix string, sectors []string) {
	if len(code) < 3 {
		return code, nil
	}
	prefix = code[:3]
	for i := 3; i+3 <= len(code); i += 3 {
		sectors = append(sectors, code[i:i+3])
	}
	return prefix, sectors
}

// CountryOf returns the ISO 3166 alpha-3 country of a code, or "" when its
// prefix is not a country (IGO, NGO, a region).
func CountryOf(code string) string {
	prefix, _ := SplitCode(code)
	if _, ok := countryNames[prefix]; ok {
		return prefix
	}
	return ""
}

// CountryName returns the English name of an ISO 3166 alpha-3 code, or "".
func CountryName(iso3 string) string { return countryNames[iso3] }

// prefixNames are the CAMEO prefixes that are not countries.
var prefixNames = map[string]string{
	"IGO": "intergovernmental organisation",
	"NGO": "non-governmental organisation",
	"NGM": "non-governmental movement",
	"MNC": "multinational corporation",
	"IMG": "international militarised group",
	"UNO": "United Nations",
	"AFR": "Africa",
	"ASA": "Asia",
	"EUR": "Europe",
	"MEA": "Middle East",
	"LAM": "Latin America",
	"NMR": "North America",
	"SAM": "South America",
	"CRB": "Caribbean",
	"WST": "the West",
	"BLK": "Balkans",
	"CAU": "Caucasus",
	"SAS": "South Asia",
	"SEA": "Southeast Asia",
	"CAS": "Central Asia",
	"EAF": "East Africa",
	"WAF": "West Africa",
	"NAF": "North Africa",
	"SAF": "Southern Africa",
	"CFR": "Central Africa",
}

// PrefixName names a code's prefix: the country ("South Korea") or the
// international prefix ("intergovernmental organisation"), "" when unknown.
func PrefixName(prefix string) string {
	if n, ok := countryNames[prefix]; ok {
		return n
	}
	return prefixNames[prefix]
}

// sectorNames are the CAMEO sector codes, in words.
var sectorNames = map[string]string{
	"GOV": "government",
	"MIL": "military",
	"ELI": "elites / former officials",
	"OPP": "opposition",
	"REB": "rebels",
	"INS": "insurgents",
	"SEP": "separatists",
	"BUS": "business",
	"MED": "media",
	"JUD": "judiciary",
	"LEG": "legislature",
	"IGO": "intergovernmental",
	"NGO": "non-governmental",
	"CVL": "civilians",
	"COP": "police",
	"EDU": "education",
	"LAB": "labour",
	"REF": "refugees",
	"ENV": "environmental",
	"HLH": "health",
	"CRM": "criminal",
	"SPY": "intelligence",
	"PTY": "party",
	"UAF": "unaffiliated armed forces",
	"AGR": "agriculture",
	"REL": "religious",
	"HRI": "human rights",
	"DEV": "development",
	"MOD": "moderates",
	"RAD": "radicals",
	"UNO": "United Nations",
}

// SectorName names a sector code ("GOV" is "government"), "" when unknown.
func SectorName(sector string) string { return sectorNames[sector] }

// Part is one 3-letter part of a code with its meaning.
type Part struct {
	Code string
	Name string // "" when unknown
}

// Parts returns the prefix and sectors of a code with their names.
func Parts(code string) []Part {
	prefix, sectors := SplitCode(code)
	if prefix == "" {
		return nil
	}
	parts := []Part{{Code: prefix, Name: PrefixName(prefix)}}
	for _, s := range sectors {
		parts = append(parts, Part{Code: s, Name: SectorName(s)})
	}
	return parts
}

// Explain spells a code out: "KORGOV" is "South Korea · government";
// unknown parts are shown as they are.
func Explain(code string) string {
	var words []string
	for _, p := range Parts(code) {
		if p.Name != "" {
			words = append(words, p.Name)
		} else {
			words = append(words, p.Code)
		}
	}
	return strings.Join(words, " · ")
}

// KindFor guesses the actor kind (newsgraph.ActorPerson, …) of an entity
// type and code, for codes that come without one (overrides): PERSON is a
// person, GPE a country, ORG an organisation (an IGO when its code says
// so); other types have no kind.
func KindFor(entityType, code string) string {
	prefix, _ := SplitCode(code)
	switch entityType {
	case "PERSON", "PER":
		return "person"
	case "GPE":
		return "country"
	case "ORG":
		if prefix == "IGO" {
			return "igo"
		}
		return "organisation"
	}
	return ""
}
