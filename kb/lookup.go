package kb

import (
	"strings"
)

// Country returns the country a name denotes: its common, official or
// alternative name ("South Korea", "Republic of Korea", "ROK", "Britain",
// "America", "the Netherlands"), or its ISO3 code ("KOR"). Two- to
// four-letter codes ("US", "UK", "U.S.", "DPRK", "KR") match only when
// written in capitals, so "us" is not the United States. Nil when unknown.
func (k *KB) Country(name string) *Country { return k.countryKeyed(name, Key(name)) }

// countryKeyed is Country given the name's Key.
func (k *KB) countryKeyed(name, key string) *Country {
	if code := upperCode(name); code != "" {
		if i, ok := k.countryCode[code]; ok {
			return &k.Countries[i]
		}
	}
	if isShortToken(key) {
		return nil
	}
	if ids := k.countryKey[stripThe(key)]; len(ids) > 0 {
		return &k.Countries[ids[0]]
	}
	return nil
}

// CountryByISO3 returns the country with that ISO 3166 alpha-3 code, or nil.
func (k *KB) CountryByISO3(code string) *Country {
	if i, ok := k.countryISO3[strings.ToUpper(strings.TrimSpace(code))]; ok {
		return &k.Countries[i]
	}
	return nil
}

// Demonym returns the country of a demonym or nationality noun: "Chinese",
// "South Korean", "American", "Americans", "British", "Britons". When
// several countries share one ("Congolese"), the most populous wins. Nil
// when unknown.
func (k *KB) Demonym(word string) *Country { return k.demonymKeyed(Key(word)) }

func (k *KB) demonymKeyed(key string) *Country {
	if ids := k.demonym[key]; len(ids) > 0 {
		return &k.Countries[ids[0]]
	}
	return nil
}

// Capital returns the country whose capital or seat of government a name
// is, used as a metonym for its government: "Beijing", "Seoul",
// "Washington", "the Kremlin", "White House", "Downing Street",
// "Pentagon". Nil when unknown.
func (k *KB) Capital(name string) *Country {
	c, _ := k.Seat(name)
	return c
}

// Seat is Capital with the sector the name stands for: "GOV" for capitals
// and most seats, "MIL" for the Pentagon, "LEG" for Capitol Hill.
func (k *KB) Seat(name string) (c *Country, sector string) { return k.seatKeyed(Key(name)) }

func (k *KB) seatKeyed(key string) (*Country, string) {
	refs := k.seat[stripThe(key)]
	if len(refs) == 0 {
		return nil, ""
	}
	return &k.Countries[refs[0].country], refs[0].sector
}

// Places returns every place with that name or alternate name, the most
// populous first; nil when there is none.
func (k *KB) Places(name string) []*Place {
	ids := k.place[Key(name)]
	if len(ids) == 0 {
		return nil
	}
	out := make([]*Place, len(ids))
	for i, id := range ids {
		out[i] = &k.AllPlaces[id]
	}
	return out
}

// People returns the people with that full name or alias, Wikidata
// entries first; nil when there is none.
func (k *KB) People(name string) []*Person {
	ids := k.person[Key(name)]
	if len(ids) == 0 {
		return nil
	}
	out := make([]*Person, len(ids))
	for i, id := range ids {
		out[i] = &k.AllPeople[id]
	}
	return out
}

// RoleAt returns the role p held on date ("YYYY", "YYYY-MM" or
// "YYYY-MM-DD"), comparing at the date's precision: "2022" matches a role
// that ran during any part of 2022. When several roles hold, the one that
// started last wins (an undated role is a fallback). Date "" gives the
// latest role. Nil when none holds.
func (k *KB) RoleAt(p *Person, date string) *Role {
	if p == nil || len(p.Roles) == 0 {
		return nil
	}
	date = strings.TrimSpace(date)
	if date == "" {
		return &p.Roles[len(p.Roles)-1]
	}
	if !validDate(date) {
		return nil
	}
	n := len(date)
	var best *Role
	for i := range p.Roles {
		r := &p.Roles[i]
		if r.From != "" && trunc(r.From, n) > date {
			continue
		}
		if r.To != "" && trunc(r.To, n) < date {
			continue
		}
		if best == nil || r.From > best.From || r.From == best.From && best.Title == "" && r.Title != "" {
			best = r
		}
	}
	return best
}

// validDate reports whether s looks like YYYY, YYYY-MM or YYYY-MM-DD.
func validDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Org returns the organisation with that name or alias: "United Nations",
// "UN", "NATO", "European Union", "EU", "G20", "G-20", "Group of 20".
// One-word names of up to three letters ("UN", "WHO") match only when
// written in capitals. Nil when unknown.
func (k *KB) Org(name string) *Org { return k.orgKeyed(name, Key(name)) }

func (k *KB) orgKeyed(name, key string) *Org {
	if isShortToken(key) && !isUpperInput(name) {
		return nil
	}
	key = stripThe(key)
	if ids := k.org[key]; len(ids) > 0 {
		return &k.Orgs[ids[0]]
	}
	if !hasDigit(key) {
		return nil // "G20", "G 20": only names with digits have other spellings
	}
	for _, kk := range []string{splitAlnum(key), joinAlnum(key)} {
		if kk == "" {
			continue
		}
		if ids := k.org[kk]; len(ids) > 0 {
			return &k.Orgs[ids[0]]
		}
	}
	return nil
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// StartsName reports whether a Key word ("south", "united", "foreign")
// opens a name of several words that Match can find — a country, demonym,
// seat, organisation or agent phrase — so that a reader of phrases need
// not try windows longer than one word at other words. "the", "a" and
// "an" always may.
func (k *KB) StartsName(word string) bool {
	_, ok := k.multi[word]
	return ok
}

// CountryWord reports whether a Key word ("south", "korea", "chinese")
// is a word of some key that Country or Demonym look names of several
// words up by. Country and Demonym find a phrase of several words only
// when every word of its Key is one (for Country, after a leading "the"),
// so a reader of phrases may skip the lookups of other phrases.
func (k *KB) CountryWord(word string) bool {
	_, ok := k.countryWord[word]
	return ok
}

// Agent returns the sectors a title or group noun implies: "president" →
// GOV, "foreign minister" → GOV, "soldiers" → MIL, "protesters" → OPP,
// "rebels" → REB, "police" → COP, "judge" → JUD, "lawmakers" → LEG,
// "businessman" → BUS, "journalist" → MED. Plurals are included. Nil when
// unknown.
func (k *KB) Agent(phrase string) *Agent { return k.agentKeyed(Key(phrase)) }

func (k *KB) agentKeyed(key string) *Agent {
	if i, ok := k.agent[key]; ok {
		return &k.Agents[i]
	}
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(key, art) {
			if i, ok := k.agent[key[len(art):]]; ok {
				return &k.Agents[i]
			}
		}
	}
	return nil
}

// CameoCode returns the CAMEO codebook entry for a code ("036"), or nil.
func (k *KB) CameoCode(code string) *Cameo {
	if i, ok := k.cameo[strings.TrimSpace(code)]; ok {
		return &k.Cameo[i]
	}
	return nil
}

// Match is every kind of entry one name matches, found with a single
// normalisation of the name: the rules that read phrases word window by
// word window ask for all of them at once.
type Match struct {
	Country    *Country // as Country
	Demonym    *Country // as Demonym
	Seat       *Country // as Seat
	SeatSector string
	Org        *Org   // as Org
	Agent      *Agent // as Agent
}

// Any reports whether the name matched anything.
func (m Match) Any() bool {
	return m.Country != nil || m.Demonym != nil || m.Seat != nil || m.Org != nil || m.Agent != nil
}

// Match looks a name up as a country, demonym, seat, organisation and
// agent at once; each field is what the method of the same name returns.
func (k *KB) Match(name string) Match { return k.matchKeyed(name, Key(name)) }

func (k *KB) matchKeyed(name, key string) Match {
	m := Match{
		Country: k.countryKeyed(name, key),
		Demonym: k.demonymKeyed(key),
		Org:     k.orgKeyed(name, key),
		Agent:   k.agentKeyed(key),
	}
	m.Seat, m.SeatSector = k.seatKeyed(key)
	return m
}

// Entry is everything the knowledge base holds under one name.
type Entry struct {
	Match
	Key    string    // the name's Key
	Places []*Place  // as Places
	People []*Person // as People
}

// Lookup looks a name up as everything at once, with a single
// normalisation: Match, Places and People.
func (k *KB) Lookup(name string) Entry { return k.LookupKey(name, Key(name)) }

// MacroRegion reports continents, oceans and world regions, given the
// Key of their name: real places, but not ones a point can stand for
// (GeoNames would offer a town of the same name).
func MacroRegion(key string) bool {
	switch strings.TrimPrefix(key, "the ") {
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
