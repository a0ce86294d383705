package actor

import (
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/text"
)

// Code is what the resolver reads from a phrase.
type Code struct {
	Country string   // ISO alpha-3, or "" (unknown or international)
	Sectors []string // CAMEO sector codes, most specific first
	// Prefix is the code's first part when it is not a country: "IGO…",
	// "NGO…" from an organisation's dictionary code.
	Prefix string
	// Suffix is the rest of an organisation's dictionary code that is not
	// a sector ("UNO" in IGOUNO).
	Suffix string
	Kind   string // newsgraph.Actor* kinds
	KBID   string
	// Former is set by "former", "ex-", "ousted"…: CAMEO codes former
	// officials as elites (ELI).
	Former bool
	// Counterpart is set by "counterpart": the sector is the other
	// party's.
	Counterpart bool
	// Person is the knowledge-base person matched, if any.
	Person *kb.Person
}

// String is the CAMEO-style code: country or prefix, then sectors.
func (c Code) String() string {
	head := c.Country
	if c.Prefix != "" {
		head = c.Prefix
	}
	if head == "" {
		return ""
	}
	return head + c.Suffix + strings.Join(c.sectors(), "")
}

// sectors applies Former: a former official is an elite.
func (c Code) sectors() []string {
	if c.Former {
		return []string{"ELI"}
	}
	if len(c.Sectors) > 1 {
		return c.Sectors[:1]
	}
	return c.Sectors
}

// Actor turns the code into the record's actor.
func (c Code) Actor(evidence, source string) *newsgraph.Actor {
	code := c.String()
	if code == "" {
		return nil
	}
	secs := c.sectors()
	country := c.Country
	return &newsgraph.Actor{Code: code, Country: country, Sectors: append(make([]string, 0, len(secs)), secs...),
		Kind: c.Kind, KBID: c.KBID, Evidence: evidence, Source: source}
}

// informative ranks codes: a country and a sector beat a country alone,
// which beats a sector alone.
func (c Code) informative() int {
	n := 0
	if c.Country != "" || c.Prefix != "" {
		n += 2
	}
	if len(c.Sectors) > 0 || c.Former {
		n++
	}
	return n
}

// formerWords mark former officials.
var formerWords = map[string]bool{"former": true, "ex": true, "ousted": true, "deposed": true, "exiled": true, "late": true, "then": false}

// skipWords may open or fill a descriptor without meaning anything for the
// code: determiners, possessive pronouns, evaluative adjectives.
var skipWords = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"senior": true, "top": true, "new": true, "outgoing": true, "incoming": true, "current": true, "acting": true,
	"interim": true, "deputy": true, "vice": true, "chief": true, "then": true, "two": true, "some": true, "several": true,
	"many": true, "local": true, "national": true, "federal": true, "state": true, "official": true, "newly": true,
	"elected": true, "appointed": true, "first": true, "fellow": true, "veteran": true, "longtime": true, "powerful": true,
	"of": true, "and": true, "ethnic": true, "hardline": true, "moderate": true,
}

// sectorPriority orders sectors when a phrase names several: a modifier
// that changes what the actor is ("rebel leader", "opposition leader")
// beats the head noun's government default.
var sectorPriority = map[string]int{"REB": 9, "INS": 9, "OPP": 8, "MIL": 7, "COP": 6, "SPY": 6, "JUD": 5, "LEG": 5,
	"MED": 4, "BUS": 4, "NGO": 4, "EDU": 3, "HLH": 3, "LAB": 3, "REF": 3, "ENV": 3, "CRM": 3, "CVL": 2, "ELI": 2, "PTY": 2, "GOV": 1}

// Phrase codes a noun phrase given as tokens: "Chinese President Xi
// Jinping", "Israeli soldiers", "China 's Foreign Ministry", "the Kremlin",
// "former South Korean President", "UN refugee agency". date is the
// publication date (for dated roles). It reads, left to right, the longest
// knowledge-base match at each position.
func Phrase(k *kb.KB, tokens []string, date string) Code {
	return newIndex(k).phrase(tokens, date, false)
}

// index is the knowledge base with the extra lookups the rules need.
type index struct {
	k *kb.KB
	// surname maps the Key of a person's last name to the people who
	// hold it, for "President Mugabe".
	surname map[string][]*kb.Person
	// multiStart holds the lower-cased first words of multi-word country
	// names and demonyms ("south" of "South Korean"): only those open a
	// longer window when reading nationalities.
	multiStart map[string]bool
}

func newIndex(k *kb.KB) *index {
	ix := &index{k: k, surname: map[string][]*kb.Person{}, multiStart: map[string]bool{}}
	for _, c := range k.Countries {
		for _, n := range append(append([]string{c.Name}, c.Names...), c.Demonyms...) {
			if f := strings.Fields(n); len(f) > 1 {
				ix.multiStart[strings.ToLower(f[0])] = true
			}
		}
	}
	for i := range k.AllPeople {
		p := &k.AllPeople[i]
		if len(p.Roles) == 0 {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			f := strings.Fields(kb.Key(n))
			if len(f) < 2 || seen[f[len(f)-1]] {
				continue
			}
			seen[f[len(f)-1]] = true
			ix.surname[f[len(f)-1]] = append(ix.surname[f[len(f)-1]], p)
		}
	}
	return ix
}

// people finds the people a name run refers to: by full name, else by
// surname when exactly one country's officials of that surname hold a
// role at the date.
func (ix *index) people(name, date string) []*kb.Person {
	if ps := ix.k.People(name); len(ps) > 0 {
		return ps
	}
	f := strings.Fields(kb.Key(name))
	if len(f) == 0 {
		return nil
	}
	var out []*kb.Person
	country := ""
	for _, p := range ix.surname[f[len(f)-1]] {
		// "Omar El Bashir" may be "Omar al-Bashir"; "Jane Johnson" is not
		// "Boris Johnson".
		if len(f) > 1 && !strings.HasPrefix(kb.Key(p.Name), f[0]+" ") {
			continue
		}
		r := ix.k.RoleAt(p, date)
		if r == nil || len(r.Code) < 3 {
			continue
		}
		if country != "" && r.Code[:3] != country {
			return nil // ambiguous
		}
		country = r.Code[:3]
		out = append(out, p)
	}
	return out
}

// phrase is Phrase with the index. With places set, a phrase that names
// no country but a known place ("Tel Aviv", "villagers in Samarra") takes
// the place's country; entity names do not (an organisation called
// "Summit" is not in New Jersey).
func (ix *index) phrase(tokens []string, date string, places bool) Code {
	k := ix.k
	var c Code
	var personCode Code
	var agentSecs []string
	headSecs := []string(nil)
	n := len(tokens)
	for i := 0; i < n; {
		w := strings.ToLower(tokens[i])
		if formerWords[w] {
			c.Former = true
			i++
			continue
		}
		if w == "counterpart" || w == "counterparts" {
			c.Counterpart = true
			i++
			continue
		}
		if w == "'s" || w == "’s" || w == "'" || w == "’" || isPunct(w) {
			i++
			continue
		}
		matched := 0
		for l := min(7, n-i); l >= 1 && matched == 0; l-- {
			if l == 1 && skipWords[w] {
				break
			}
			p := tokens[i]
			if l > 1 {
				p = strings.Join(tokens[i:i+l], " ")
			}
			m := k.Match(p)
			capital := isCapitalised(tokens[i])
			switch {
			case m.Seat != nil && c.Country == "" && capital:
				c.Country, c.Kind, c.KBID = m.Seat.ISO3, newsgraph.ActorCountry, "iso:"+m.Seat.ISO3
				if m.SeatSector != "" {
					headSecs = []string{m.SeatSector}
				}
				matched = l
			case m.Org != nil && c.Prefix == "" && c.Country == "":
				setOrg(&c, m.Org)
				matched = l
			case m.Country != nil && capital:
				if c.Country == "" {
					c.Country, c.KBID = m.Country.ISO3, "iso:"+m.Country.ISO3
					if c.Kind == "" {
						c.Kind = newsgraph.ActorCountry
					}
				}
				matched = l
			case m.Demonym != nil && capital:
				if c.Country == "" {
					c.Country = m.Demonym.ISO3
				}
				// "Palestinians", "Libyans": the people of a country.
				if i+l == n && strings.HasSuffix(p, "s") && k.Demonym(strings.TrimSuffix(p, "s")) != nil {
					headSecs = []string{"CVL"}
				}
				matched = l
			case m.Agent != nil && len(m.Agent.Sectors) > 0:
				agentSecs = append(agentSecs, m.Agent.Sectors...)
				headSecs = m.Agent.Sectors
				matched = l
			case l == 1:
				if sec := nounSector(k, w); sec != "" {
					agentSecs = append(agentSecs, sec)
					headSecs = []string{sec}
					matched = 1
				}
			}
		}
		if matched == 0 {
			// A run of capitalised words may be a person.
			if isCapitalised(tokens[i]) && !skipWords[w] {
				j := i
				for j < n && isCapitalised(tokens[j]) {
					j++
				}
				if people := ix.people(strings.Join(tokens[i:j], " "), date); len(people) > 0 && c.Person == nil {
					c.Person = people[0]
					if code, p := personRole(k, people, date); code.String() != "" {
						c.Person, personCode = p, code
					}
					c.Kind, c.KBID = newsgraph.ActorPerson, c.Person.ID
					i = j
					continue
				}
			}
			i++
			continue
		}
		i += matched
	}
	// A person's dated role fills what the words left open; a country the
	// words name wins over it ("King Hassan of Morocco").
	if personCode.String() != "" && (c.Country == "" && c.Prefix == "" || c.Country == personCode.Country) {
		c.Country, c.Prefix = personCode.Country, personCode.Prefix
		if len(headSecs) == 0 && !c.Former {
			headSecs = personCode.Sectors
			c.Former = personCode.Former
		}
	}
	// A place names its country ("Tel Aviv", "Samarra").
	if places && c.Country == "" && c.Prefix == "" {
		for i := 0; i < n; i++ {
			if !isCapitalised(tokens[i]) {
				continue
			}
			j := i
			for j < n && isCapitalised(tokens[j]) {
				j++
			}
			if ps := k.Places(strings.Join(tokens[i:j], " ")); len(ps) > 0 {
				c.Country = ps[0].Country
				if c.Kind == "" {
					c.Kind = newsgraph.ActorCountry
				}
				break
			}
			i = j
		}
	}
	c.Sectors = pickSectors(headSecs, agentSecs)
	return c
}

// setOrg fills a code from an organisation of the knowledge base.
func setOrg(c *Code, o *kb.Org) {
	c.KBID = o.ID
	switch o.Kind {
	case "igo":
		c.Kind = newsgraph.ActorIGO
	case "group":
		c.Kind = newsgraph.ActorGroup
	default:
		c.Kind = newsgraph.ActorOrganisation
	}
	code := o.Code
	if o.Country != "" && strings.HasPrefix(code, o.Country) {
		c.Country = o.Country
		code = code[len(o.Country):]
	} else if len(code) >= 3 {
		c.Prefix = code[:3]
		code = code[3:]
	}
	for len(code) >= 3 {
		if sectorCodes[code[:3]] {
			c.Sectors = append(c.Sectors, code[:3])
		} else {
			c.Suffix += code[:3] // an organisation's own code: IGO"UNO"
		}
		code = code[3:]
	}
}

// sectorCodes are CAMEO's sector (role) codes; other three-letter parts of
// a dictionary code name the organisation itself (IGOUNO, IGOWST).
var sectorCodes = map[string]bool{"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true,
	"JUD": true, "SPY": true, "IGO": true, "NGO": true, "BUS": true, "CVL": true, "MED": true, "EDU": true,
	"ELI": true, "LEG": true, "HLH": true, "ENV": true, "LAB": true, "REF": true, "CRM": true, "UAF": true,
	"AGR": true, "IMG": true, "RAD": true, "MOD": true, "INS": true, "SEP": true, "REL": true, "DEV": true,
	"HRI": true, "MNC": true, "JRN": true, "SOC": true}

// pickSectors chooses the phrase's sector: the head noun's, unless a
// modifier names a sector that outranks it.
func pickSectors(head, all []string) []string {
	best := ""
	for _, s := range head {
		if sectorPriority[s] > sectorPriority[best] {
			best = s
		}
	}
	for _, s := range all {
		if sectorPriority[s] >= 8 && sectorPriority[s] > sectorPriority[best] {
			best = s
		}
	}
	if best == "" {
		return nil
	}
	return []string{best}
}

// personRole codes a known person at a date: the role that holds then, or
// ELI of the last country served when every role has ended.
func personRole(k *kb.KB, people []*kb.Person, date string) (Code, *kb.Person) {
	var past Code
	var pastPerson *kb.Person
	pastTo := ""
	for _, p := range people {
		if r := k.RoleAt(p, date); r != nil {
			return roleCode(r.Code), p
		}
		for _, r := range p.Roles {
			if r.To != "" && date != "" && r.To < date && r.To >= pastTo {
				pastTo = r.To
				past = roleCode(r.Code)
				past.Former = true
				pastPerson = p
			}
		}
	}
	return past, pastPerson
}

// roleCode splits a dictionary code such as "CHNGOV" or "IGOUNO".
func roleCode(code string) Code {
	var c Code
	if len(code) < 3 {
		return c
	}
	head := code[:3]
	if head == "IGO" || head == "NGO" || head == "MNC" || head == "UIS" || head == "IMG" {
		c.Prefix = head
	} else {
		c.Country = head
	}
	for rest := code[3:]; len(rest) >= 3; rest = rest[3:] {
		c.Sectors = append(c.Sectors, rest[:3])
	}
	return c
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

func isPunct(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			return false
		}
	}
	return w != ""
}

// CodePhrase codes an actor given as words alone ("Israeli soldiers",
// "Serbian President Vojislav Kostunica", "the Kremlin") at a date, or
// returns nil.
func (s *Stage) CodePhrase(words, date string) (*newsgraph.Actor, error) {
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	return ix.codePhrase(words, date), nil
}

func (ix *index) codePhrase(words, date string) *newsgraph.Actor {
	k := ix.k
	toks := text.Tokenize(words)
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.Text
	}
	if len(ws) > 0 {
		if c, sec := k.Seat(words); c != nil {
			code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
			if sec != "" {
				code.Sectors = []string{sec}
			}
			return code.Actor(words, newsgraph.ActorFromKB)
		}
	}
	c := ix.phrase(ws, date, true)
	if c.Kind == "" {
		c.Kind = newsgraph.ActorGroup
	}
	return c.Actor(words, newsgraph.ActorFromText)
}
