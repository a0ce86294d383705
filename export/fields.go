package export

import (
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// date is an event or publication date split into its parts, with the
// precision its form and its stated precision both support.
type date struct {
	year, month, day int
	// rank is newsgraph.Precision.Rank: 0 none, 1 year, 2 month, 3 day.
	rank int
}

// parseDate reads a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date. A stated
// precision coarser than the form wins ("2022-01-01" of precision "year"
// is the year 2022); an invalid date is no date.
func parseDate(s, precision string) date {
	if !newsgraph.ValidDate(s) {
		return date{}
	}
	var d date
	d.year, _ = strconv.Atoi(s[:4])
	d.rank = 1
	if len(s) >= 7 {
		d.month, _ = strconv.Atoi(s[5:7])
		d.rank = 2
	}
	if len(s) == 10 {
		d.day, _ = strconv.Atoi(s[8:10])
		d.rank = 3
	}
	if precision != "" {
		d.rank = min(d.rank, newsgraph.Precision(precision).Rank())
	}
	if d.rank < 3 {
		d.day = 0
	}
	if d.rank < 2 {
		d.month = 0
	}
	if d.rank < 1 {
		d.year = 0
	}
	return d
}

// appendDay appends YYYYMMDD, or nothing when the day is unknown.
func (d date) appendDay(b []byte) []byte {
	if d.rank < 3 {
		return b
	}
	return appendPadded(appendPadded(appendPadded(b, d.year, 4), d.month, 2), d.day, 2)
}

// appendMonth appends YYYYMM, or nothing when the month is unknown.
func (d date) appendMonth(b []byte) []byte {
	if d.rank < 2 {
		return b
	}
	return appendPadded(appendPadded(b, d.year, 4), d.month, 2)
}

// appendYear appends YYYY, or nothing when the year is unknown.
func (d date) appendYear(b []byte) []byte {
	if d.rank < 1 {
		return b
	}
	return appendPadded(b, d.year, 4)
}

// appendFraction appends GDELT's FractionDate, YYYY.FFFF with FFFF =
// ((MONTH-1)*30 + DAY) / 365 rounded to four places, or nothing when the
// day is unknown. The codebook writes the formula as (MONTH*30+DAY)/365,
// but GDELT's published rows use the month counted from zero (2021-03-23
// is 2021.2274 = 2021 + 83/365), and so does this.
func (d date) appendFraction(b []byte) []byte {
	if d.rank < 3 {
		return b
	}
	return strconv.AppendFloat(b, float64(d.year)+float64((d.month-1)*30+d.day)/365, 'f', 4, 64)
}

// appendTimestamp appends GDELT's YYYYMMDDHHMMSS for midnight of the day,
// or nothing when the day is unknown.
func (d date) appendTimestamp(b []byte) []byte {
	if d.rank < 3 {
		return b
	}
	return append(d.appendDay(b), "000000"...)
}

// appendPadded appends v in decimal, zero-padded to width digits.
func appendPadded(b []byte, v, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(v), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// cameoSectors are CAMEO's three-letter sector (role, type) codes, as the
// actor stage writes them after the country. Other three-letter parts of
// a code name an organisation itself ("UNO" in IGOUNO): GDELT's
// KnownGroupCode.
var cameoSectors = map[string]bool{"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true,
	"JUD": true, "SPY": true, "IGO": true, "NGO": true, "NGM": true, "BUS": true, "CVL": true, "MED": true, "EDU": true,
	"ELI": true, "LEG": true, "HLH": true, "ENV": true, "LAB": true, "REF": true, "CRM": true, "UAF": true,
	"AGR": true, "IMG": true, "RAD": true, "MOD": true, "INS": true, "SEP": true, "REL": true, "DEV": true,
	"HRI": true, "MNC": true, "JRN": true, "SOC": true, "UIS": true}

// actorParts is an actor code broken into GDELT's actor columns.
type actorParts struct {
	// code is the code as GDELT writes it: without the "---" that stands
	// for an unknown country in a sector-only code ("---ENV" → "ENV").
	code       string
	country    string
	knownGroup string
	types      [3]string
}

// splitActor breaks a CAMEO-style code into GDELT's columns: the country
// is the actor's country (skipped at the head of the code), then every
// three-letter part: sectors fill Type1–Type3 in order (an IGO or NGO
// prefix is a sector: IGOUNO has Type1 IGO), the first other part is the
// KnownGroupCode (UNO).
func splitActor(code, country string) actorParts {
	code = strings.ToUpper(strings.TrimSpace(code))
	code = strings.TrimLeft(code, "-")
	p := actorParts{code: code, country: country}
	rest := code
	if country != "" && strings.HasPrefix(rest, country) {
		rest = rest[len(country):]
	}
	nt := 0
	for ; len(rest) >= 3; rest = rest[3:] {
		part := rest[:3]
		switch {
		case cameoSectors[part]:
			if nt < len(p.types) {
				p.types[nt] = part
				nt++
			}
		case p.knownGroup == "":
			p.knownGroup = part
		}
	}
	return p
}

// gdeltGeoType is GDELT's Geo_Type for a place: 1 country, 2 US state,
// 3 US city, 4 world city, 5 world state (first-level division); 0 for
// no place or an unknown precision.
func gdeltGeoType(p *newsgraph.Place) int {
	if p == nil {
		return 0
	}
	us := p.Country == "USA"
	switch p.Precision {
	case newsgraph.PrecisionCountry:
		return 1
	case newsgraph.PrecisionAdmin1:
		if us {
			return 2
		}
		return 5
	case newsgraph.PrecisionCity:
		if us {
			return 3
		}
		return 4
	}
	return 0
}

// appendFullName appends GDELT's Geo_FullName: the country's name for a
// country, "Region, Country" for a region, "City, Region, Country" for a
// city (parts that repeat the previous one, or are unknown, left out).
func appendFullName(b []byte, p *newsgraph.Place, countryName func(string) string) []byte {
	country := p.Country
	if country != "" {
		country = countryName(country)
	}
	last := ""
	add := func(s string) {
		if s == "" || strings.EqualFold(s, last) {
			return
		}
		if last != "" {
			b = append(b, ", "...)
		}
		b = appendField(b, s)
		last = s
	}
	switch p.Precision {
	case newsgraph.PrecisionCountry:
		if country != "" {
			add(country)
		} else {
			add(p.Name)
		}
	case newsgraph.PrecisionAdmin1:
		add(p.Name)
		add(country)
	default:
		add(p.Name)
		add(p.Admin1)
		add(country)
	}
	return b
}

// kbCountryName names countries from the embedded knowledge base, loaded
// on the first call; an unknown code (or a knowledge base that fails to
// load, which is logged once) names itself.
func kbCountryName() func(string) string {
	load := sync.OnceValue(func() *kb.KB {
		k, err := kb.Default()
		if err != nil {
			slog.Warn("export: no country names, writing ISO codes", "err", err)
			return nil
		}
		return k
	})
	return func(iso3 string) string {
		if k := load(); k != nil {
			if c := k.CountryByISO3(iso3); c != nil && c.Name != "" {
				return c.Name
			}
		}
		return iso3
	}
}

// appendField appends s with every tab, line break and other control
// character replaced by a space, so it stays one field of one line.
func appendField(b []byte, s string) []byte {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == 0xc2 || c == 0xe2 {
			clean = false
			break
		}
	}
	if clean {
		return append(b, s...)
	}
	for _, r := range s {
		switch {
		case r < 0x20, r == 0x7f, r == 0x85, r == 0x2028, r == 0x2029:
			b = append(b, ' ')
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// appendUpperField is appendField of s in capitals, as GDELT writes
// names.
func appendUpperField(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return appendField(b, strings.ToUpper(s[i:]))
		case c < 0x20 || c == 0x7f:
			c = ' '
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// appendFloat appends v in the shortest form that reads back exactly.
func appendFloat(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// appendPositive appends v when it is positive (a count or an ID that
// zero means unknown for).
func appendPositive(b []byte, v int64) []byte {
	if v <= 0 {
		return b
	}
	return strconv.AppendInt(b, v, 10)
}

// baseCode is GDELT's EventBaseCode: the first three digits of a level-3
// code, else the code itself.
func baseCode(cameo string) string {
	if len(cameo) > 3 {
		return cameo[:3]
	}
	return cameo
}

// rootCode is the event's root, else its code's first two digits.
func rootCode(root, cameo string) string {
	if root != "" {
		return root
	}
	if len(cameo) >= 2 {
		return cameo[:2]
	}
	return cameo
}
