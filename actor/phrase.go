package actor

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shardcache"
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
	// The code carries one sector; the actor lists every sector the
	// evidence gives ("United States Congress": USAGOVLEG is GOV and LEG).
	secs := c.Sectors
	if c.Former {
		secs = []string{"ELI"}
	}
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

// boundaryWords end the head of a phrase: what follows them ("rebels in
// Darfur", "Albanians of southern Serbia", "supporters of …", "a group
// based in Trinidad") may name where the actor is, not what it is.
var boundaryWords = map[string]bool{"of": true, "in": true, "from": true, "at": true, "near": true, "based": true,
	"living": true, "operating": true, "loyal": true, "inside": true, "across": true, "throughout": true, "who": true}

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
	surname map[string][]personRef
	// multiStart holds the lower-cased first words of multi-word country
	// names and demonyms ("south" of "South Korean"): only those open a
	// longer window when reading nationalities.
	multiStart map[string]bool

	// near maps the hash of every surname of five letters or more with
	// one letter deleted to the surnames, for misspelt names
	// ("Mitterand"); built on first use.
	nearOnce sync.Once
	near     map[uint64][]string
	// nearCands caches nearSurnames.
	nearCands *shardcache.Cache[string, []personRef]
}

func newIndex(k *kb.KB) *index {
	ix := &index{k: k, surname: map[string][]personRef{}, multiStart: map[string]bool{}, nearCands: shardcache.New[string, []personRef](lexiconSize)}
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
		ref := personRef{p, kb.Key(p.Name)}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			f := strings.Fields(kb.Key(n))
			if len(f) < 2 || seen[f[len(f)-1]] {
				continue
			}
			seen[f[len(f)-1]] = true
			ix.surname[f[len(f)-1]] = append(ix.surname[f[len(f)-1]], ref)
		}
	}
	return ix
}

// people finds the people a name run refers to: by full name, else by
// surname when exactly one country's officials of that surname hold a
// role at the date. With choose set (the text gives the name a title), a
// surname whose holders served one country counts even when none serves
// at the date ("President Bush" in an archive dated between two Bushes),
// and choose settles a surname that officials of several countries share.
func (ix *index) people(name, date string, choose func([]string) string) []*kb.Person {
	if ps := ix.k.People(name); len(ps) > 0 {
		return ps
	}
	f := strings.Fields(kb.Key(name))
	if len(f) == 0 {
		return nil
	}
	return ix.bySurname(ix.surname[f[len(f)-1]], f, date, choose)
}

// peopleOf is people for a name looked up already.
func (ix *index) peopleOf(n *nameInfo, date string, choose func([]string) string) []*kb.Person {
	if len(n.people) > 0 {
		return n.people
	}
	if len(n.words) == 0 {
		return nil
	}
	return ix.bySurname(ix.surname[n.words[len(n.words)-1]], n.words, date, choose)
}

// bySurname filters the holders of a surname by the name's other words
// and their roles at the date (see people).
func (ix *index) bySurname(cands []personRef, f []string, date string, choose func([]string) string) []*kb.Person {
	var now, former []*kb.Person
	var nowC, formerC []string
	for _, ref := range cands {
		// "Omar El Bashir" may be "Omar al-Bashir"; "Jane Johnson" is not
		// "Boris Johnson".
		if len(f) > 1 && !hasFirstName(ref.key, f[0]) {
			continue
		}
		p := ref.p
		if r := ix.k.RoleAt(p, date); r != nil && len(r.Code) >= 3 {
			now, nowC = append(now, p), append(nowC, r.Code[:3])
		} else if choose != nil && len(p.Roles) > 0 && len(p.Roles[len(p.Roles)-1].Code) >= 3 {
			former, formerC = append(former, p), append(formerC, p.Roles[len(p.Roles)-1].Code[:3])
		}
	}
	if len(now) == 0 {
		now, nowC = former, formerC
	}
	if len(now) == 0 {
		return nil
	}
	country := nowC[0]
	for _, c := range nowC[1:] {
		if c != country {
			if choose == nil {
				return nil // ambiguous
			}
			country = choose(nowC)
			break
		}
	}
	out := now[:0:0]
	for i, p := range now {
		if nowC[i] == country {
			out = append(out, p)
		}
	}
	return out
}

// populous chooses among countries the most populous, the knowledge
// base's rule for shared demonyms; "" when none is a country.
func (ix *index) populous(isos []string) string {
	best, bestPop := "", -1
	for _, iso := range isos {
		if c := ix.k.CountryByISO3(iso); c != nil && c.Population > bestPop {
			best, bestPop = iso, c.Population
		}
	}
	return best
}

// personRef is a person of the surname index with the Key of its name.
type personRef struct {
	p   *kb.Person
	key string
}

// hasFirstName reports whether a name key starts with first (a Key word),
// or, for names with particles ("José Eduardo dos Santos"), holds it.
func hasFirstName(key, first string) bool {
	if len(key) > len(first) && key[len(first)] == ' ' && strings.HasPrefix(key, first) {
		return true
	}
	if len(first) <= 3 {
		return false
	}
	for i := strings.Index(key, first); i >= 0; {
		if i > 0 && key[i-1] == ' ' && i+len(first) < len(key) && key[i+len(first)] == ' ' {
			return true
		}
		j := strings.Index(key[i+1:], first)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// nearPeople finds the people whose surname is one letter away from the
// name's (an insertion, a deletion or a substitution: "Mitterand",
// "Bouteflicka", "Gbago"), filtered as people does. Only titled names are
// looked up so, with a first name: a misspelt surname alone is too weak.
func (ix *index) nearPeople(name, date string, choose func([]string) string) []*kb.Person {
	f := strings.Fields(kb.Key(name))
	if len(f) < 2 {
		return nil
	}
	last := f[len(f)-1]
	if len(last) < 5 || !isASCII(last) {
		return nil
	}
	cands, ok := ix.nearCands.Get(last)
	if !ok {
		cands = ix.nearSurnames(last)
		ix.nearCands.Put(strings.Clone(last), cands)
	}
	if len(cands) == 0 {
		return nil
	}
	return ix.bySurname(cands, f, date, choose)
}

// nearSurnames returns the holders of the surnames one letter away from
// last.
func (ix *index) nearSurnames(last string) []personRef {
	ix.nearOnce.Do(ix.buildNear)
	var seen []string
	var cands []personRef
	add := func(surnames ...string) {
		for _, s := range surnames {
			if s != last && oneEdit(last, s) && !slices.Contains(seen, s) {
				seen = append(seen, s)
				cands = append(cands, ix.surname[s]...)
			}
		}
	}
	add(ix.near[deletionHash(last, -1)]...) // a letter missing from the name
	var buf [64]byte
	for i := 0; i < len(last) && len(last) <= len(buf); i++ {
		del := append(append(buf[:0], last[:i]...), last[i+1:]...)
		if _, ok := ix.surname[string(del)]; ok {
			add(string(del)) // a letter too many
		}
		add(ix.near[deletionHash(last, i)]...) // a letter changed
	}
	return cands
}

// buildNear fills ix.near: every ASCII surname of five letters or more
// under the hash of each of its one-letter deletions (hashes, not
// strings: a hundred thousand of them).
func (ix *index) buildNear() {
	ix.near = map[uint64][]string{}
	for s := range ix.surname {
		if len(s) < 5 || !isASCII(s) {
			continue
		}
		for i := range len(s) {
			h := deletionHash(s, i)
			ix.near[h] = append(ix.near[h], s)
		}
	}
}

// deletionHash is the FNV-1a hash of s without its byte i (all of s when
// i < 0).
func deletionHash(s string, i int) uint64 {
	h := uint64(14695981039346656037)
	for j := 0; j < len(s); j++ {
		if j != i {
			h ^= uint64(s[j])
			h *= 1099511628211
		}
	}
	return h
}

// oneEdit reports whether two ASCII strings differ by exactly one
// insertion, deletion or substitution.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		diff := 0
		for i := 0; i < len(a); i++ {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hasRole reports whether sectors hold a CAMEO role ("GOV", "MIL"), not
// only a faith or an ethnic group.
func hasRole(sectors []string) bool {
	for _, s := range sectors {
		if sectorCode(s) {
			return true
		}
	}
	return false
}

// nameParticles may stand in lower case inside a name: "Omar Hassan
// al-Bashir", "José Eduardo dos Santos", "Ludwig van Beethoven".
var nameParticles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "bint": true,
	"de": true, "da": true, "das": true, "do": true, "dos": true, "du": true, "van": true, "von": true, "der": true,
	"den": true, "la": true, "le": true, "di": true, "del": true, "ul": true, "ur": true}

// nameWord reports whether a token can continue a personal name: a
// capitalised word, or a particle ("al-Bashir", "dos") followed by one.
func nameWord(tokens []string, j int) bool {
	if isCapitalised(tokens[j]) {
		return true
	}
	w := tokens[j]
	if h := strings.IndexByte(w, '-'); h > 0 {
		return nameParticles[strings.ToLower(w[:h])] && h+1 < len(w) && isCapitalised(w[h+1:])
	}
	return nameParticles[strings.ToLower(w)] && j+1 < len(tokens) && isCapitalised(tokens[j+1])
}

// phrasePart is what one part of a phrase names: its head (the words up
// to a boundary word such as "of" or "in") or its tail (the rest).
type phrasePart struct {
	c          Code
	personCode Code
	headSecs   []string // the last role noun's primary sector
	agentSecs  []string // every sector a role noun names
	defSecs    []string // an organisation's or a seat's own sectors
	from, to   int      // the part's tokens
	// people is set by a demonym in the plural ("Albanians",
	// "Palestinians") and ethnic by "ethnic": the actor is a people, coded
	// with the country where it lives when the phrase names one.
	people, ethnic bool
	peaceKeeping   bool // "peacekeepers", "peacekeeping force"
	igo            bool // an agent of an international force
	personCountry  bool // the country is a named person's, not the words'
	any            bool // something matched
}

// phrase is Phrase with the index. With places set, a phrase that names
// no country but a known place ("Tel Aviv", "villagers in Samarra") takes
// the place's country; entity names do not (an organisation called
// "Summit" is not in New Jersey).
//
// A phrase has a head and, after a boundary word ("of", "in", "from",
// "based"…), a tail: the head says what the actor is and, when it names
// one, its country; the tail gives the country otherwise, and always for a
// people ("ethnic Albanians in south Serbia" → SRB). Parenthesised glosses
// ("(PLO)", "(Freedom)") are read only when the rest names nothing.
func (ix *index) phrase(tokens []string, date string, places bool) Code {
	if inner := dropParens(tokens); len(inner) > 0 && len(inner) < len(tokens) {
		if c := ix.phrase(inner, date, places); c.Country != "" || c.Prefix != "" {
			return c
		}
	}
	tokens = splitEx(tokens)
	var parts [2]phrasePart
	cur := &parts[0]
	n := len(tokens)
	for i := 0; i < n; {
		tok := tokens[i]
		w := strings.ToLower(tok)
		if cur == &parts[0] && cur.any && i > 0 && boundaryWords[w] {
			cur.to = i
			cur = &parts[1]
			cur.from = i + 1
			i++
			continue
		}
		switch {
		case formerWords[w]:
			cur.c.Former = true
			i++
			continue
		case w == "ethnic":
			cur.ethnic = true
			i++
			continue
		case w == "counterpart" || w == "counterparts":
			cur.c.Counterpart = true
			i++
			continue
		case w == "'s" || w == "’s" || w == "'" || w == "’" || isPunct(w):
			i++
			continue
		case strings.HasPrefix(w, "peacekeep"):
			cur.peaceKeeping = true
		}
		if strings.IndexByte(tok, '-') > 0 {
			if iso, ok := ix.hyphenated(tok); ok {
				if iso != "" && cur.c.Country == "" && cur.c.Prefix == "" {
					cur.c.Country = iso
					if cur.c.Kind == "" {
						cur.c.Kind = newsgraph.ActorCountry
					}
				}
				cur.any = cur.any || iso != ""
				i++
				continue
			}
		}
		matched := ix.window(tokens, i, cur)
		if matched == 0 {
			// A run of capitalised words may be a person.
			if isCapitalised(tok) && !skipWords[w] {
				j := i + 1
				for j < n && nameWord(tokens, j) {
					j++
				}
				name := strings.Join(tokens[i:j], " ")
				// A title before the name, or a group it leads after it
				// ("Bush administration"), makes it an official's.
				var choose func([]string) string
				if hasRole(cur.agentSecs) || j < n && sectorCode(nounSector(ix.k, strings.ToLower(tokens[j]))) {
					choose = ix.populous // titled: see people
				}
				people := ix.people(name, date, choose)
				if len(people) == 0 && choose != nil {
					people = ix.nearPeople(name, date, choose)
				}
				if len(people) > 0 && cur.c.Person == nil {
					cur.c.Person = people[0]
					if code, p := personRole(ix.k, people, date); code.String() != "" {
						cur.c.Person, cur.personCode = p, code
					}
					cur.c.Kind, cur.c.KBID = newsgraph.ActorPerson, cur.c.Person.ID
					cur.any = true
					i = j
					continue
				}
				// "Iraqi Kurds": a capitalised plural after a nationality
				// names a people of that country.
				if j == i+1 && cur.c.Country != "" && len(tok) > 3 && strings.HasSuffix(tok, "s") {
					cur.people = true
				}
			}
			i++
			continue
		}
		cur.any = true
		i += matched
	}
	cur.to = n
	head, tail := &parts[0], &parts[1]
	head.finish()
	if tail.to > tail.from {
		tail.finish()
	}
	if places {
		for _, p := range []*phrasePart{head, tail} {
			if p.c.Country == "" && p.c.Prefix == "" && p.to > p.from {
				ix.placeCountry(tokens[p.from:p.to], p)
			}
		}
	}
	c := head.c
	if head.personCountry && tail.c.Country != "" {
		c.Country = tail.c.Country // "King Hassan of Morocco"
	}
	if c.Country == "" && c.Prefix == "" {
		c.Country, c.Prefix, c.Suffix, c.Kind, c.KBID, c.Person = tail.c.Country, tail.c.Prefix, tail.c.Suffix, tail.c.Kind, tail.c.KBID, tail.c.Person
	} else if (head.people || head.ethnic) && tail.c.Country != "" && tail.c.Prefix == "" {
		c.Country = tail.c.Country // the people of a place: where it lives
	}
	if len(c.Sectors) == 0 && !c.Former {
		c.Sectors = tail.c.Sectors
	}
	if c.Country == "" && c.Prefix == "" {
		switch {
		case head.peaceKeeping || tail.peaceKeeping || head.igo || tail.igo:
			// CAMEO (PETRARCH2's agents: PEACEKEEPING_TROOPS [IGO~]):
			// peacekeepers of no named country are an international force.
			c.Prefix, c.Kind = "IGO", newsgraph.ActorIGO
			if len(c.Sectors) == 0 {
				c.Sectors = []string{"MIL"}
			}
		case contains(head.agentSecs, "NGO"), contains(c.Sectors, "NGO"), contains(c.Sectors, "HRI"):
			// "a human rights group" (PETRARCH2's ~HRI), "aid groups": a
			// non-governmental organisation.
			c.Prefix, c.Kind = "NGO", newsgraph.ActorOrganisation
			if !contains(c.Sectors, "HRI") {
				c.Sectors = nil
			}
		}
	}
	return c
}

// finish settles a part's code: a person's dated role fills what the
// words left open, and the sector is chosen.
func (p *phrasePart) finish() {
	// A country the words name wins over the person's ("King Hassan of
	// Morocco").
	c := &p.c
	if p.personCode.String() != "" && (c.Country == "" && c.Prefix == "" || c.Country == p.personCode.Country) {
		p.personCountry = c.Country == "" && c.Prefix == ""
		c.Country, c.Prefix = p.personCode.Country, p.personCode.Prefix
		if len(p.headSecs) == 0 && !c.Former {
			p.headSecs = p.personCode.Sectors
			c.Former = p.personCode.Former
		}
	}
	c.Sectors = pickSectors(p.headSecs, p.agentSecs)
	if len(c.Sectors) == 0 {
		c.Sectors = p.defSecs
	}
	if len(c.Sectors) == 0 && p.people {
		c.Sectors = []string{"CVL"}
	}
	if len(c.Sectors) == 0 && (p.peaceKeeping || p.igo) {
		c.Sectors = []string{"MIL"}
	}
}

// window reads the longest knowledge-base match at token i into part p
// and returns the tokens it covers (0 when none).
func (ix *index) window(tokens []string, i int, p *phrasePart) int {
	k := ix.k
	n := len(tokens)
	w := strings.ToLower(tokens[i])
	c := &p.c
	maxL := 1
	if n-i > 1 {
		// Only a word that opens a longer name needs longer windows.
		if kw, _, _ := strings.Cut(kb.Key(tokens[i]), " "); k.StartsName(kw) || sectorOpener(w) {
			maxL = min(10, n-i)
		}
	}
	for l := maxL; l >= 1; l-- {
		if l == 1 && skipWords[w] && !(i == n-1 || i+1 < n && boundaryWords[strings.ToLower(tokens[i+1])]) {
			// A skip word counts only as the head noun: "a U.S. official".
			return 0
		}
		ph := tokens[i]
		if l > 1 {
			ph = strings.Join(tokens[i:i+l], " ")
		}
		m := match(k, ph)
		capital := isCapitalised(tokens[i])
		switch {
		case m.Seat != nil && c.Country == "" && c.Prefix == "" && capital:
			c.Country, c.Kind, c.KBID = m.Seat.ISO3, newsgraph.ActorCountry, "iso:"+m.Seat.ISO3
			if m.SeatSector != "" {
				p.defSecs = []string{m.SeatSector}
			}
			return l
		case m.Org != nil && c.Prefix == "" && c.Country == "" && ix.orgWindow(tokens, i, l):
			setOrg(c, m.Org)
			ix.regionalOrg(c, tokens[i:i+l])
			p.defSecs = c.Sectors
			if len(p.defSecs) == 0 {
				p.defSecs = ix.roleSuffix(tokens[i : i+l])
			}
			c.Sectors = nil
			return l
		case m.Country != nil && capital:
			if c.Country == "" && c.Prefix == "" {
				c.Country, c.KBID = m.Country.ISO3, "iso:"+m.Country.ISO3
				if c.Kind == "" {
					c.Kind = newsgraph.ActorCountry
				}
			}
			return l
		case m.Demonym != nil && capital:
			if c.Country == "" && c.Prefix == "" {
				c.Country = m.Demonym.ISO3
			}
			// "Palestinians", "Libyans": the people of a country.
			if isPluralDemonym(k, ph) {
				p.people = true
			}
			return l
		case m.Agent != nil && len(m.Agent.Sectors) > 0 && m.Agent.Sectors[0] == "IGO":
			// PETRARCH2's [IGO~] agents ("peacekeeping troops", "truce
			// monitor") name an international force, not a sector.
			p.igo = true
			return l
		case m.Agent != nil && len(m.Agent.Sectors) > 0:
			// The first sector is the role's own: a labour minister is GOV
			// (PETRARCH2's ~GOVLAB), a defence secretary GOV.
			p.headSecs = []string{normSector(m.Agent.Sectors[0])}
			for _, s := range m.Agent.Sectors {
				p.agentSecs = append(p.agentSecs, normSector(s))
			}
			return l
		case l <= 2 && sectorAdjectives[strings.ToLower(ph)] != "":
			// A modifier: "human rights group", "environmental activists".
			p.agentSecs = append(p.agentSecs, sectorAdjectives[strings.ToLower(ph)])
			return l
		case l == 1:
			if sec := nounSector(k, w); sec != "" {
				p.agentSecs = append(p.agentSecs, sec)
				p.headSecs = []string{sec}
				return 1
			}
		}
	}
	return 0
}

// orgWindow reports whether tokens [i, i+l) may name an organisation:
// organisation names are proper names, so the window opens with a capital
// (or the whole phrase is written in capitals), and a single word that is
// not an acronym must stand alone, not inside a longer name ("Tigers" in
// "Liberation Tigers of Tamil Eelam").
func (ix *index) orgWindow(tokens []string, i, l int) bool {
	if l == len(tokens) {
		return true
	}
	if !nameWord(tokens, i) {
		return false
	}
	if l > 1 || isAcronym(tokens[i]) {
		return true
	}
	return (i == 0 || !isCapitalised(tokens[i-1])) && (i+1 >= len(tokens) || !isCapitalised(tokens[i+1]))
}

// roleSuffix returns the sector of a role noun that ends an organisation's
// name ("U.N. Security Council" → GOV), or nil.
func (ix *index) roleSuffix(words []string) []string {
	for l := min(3, len(words)-1); l >= 1; l-- {
		if a := ix.k.Agent(strings.Join(words[len(words)-l:], " ")); a != nil && len(a.Sectors) > 0 && a.Sectors[0] != "IGO" {
			return []string{normSector(a.Sectors[0])}
		}
	}
	return nil
}

// isAcronym reports a word of capitals (periods allowed): "UN", "U.N.",
// "NATO", "UNITA".
func isAcronym(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.' || c == '-' || c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// regionalOrg gives an organisation whose dictionary code is regional or
// transnational ("MEAREB" for the Palestinian Islamic Jihad, "INTREB") the
// country its own name carries, when it carries one.
func (ix *index) regionalOrg(c *Code, words []string) {
	if c.Prefix == "" || c.Prefix == "IGO" || c.Prefix == "NGO" || c.Prefix == "MNC" {
		return
	}
	for _, w := range words {
		if !isCapitalised(w) {
			continue
		}
		if d := ix.k.Demonym(w); d != nil {
			c.Country, c.Prefix, c.Suffix = d.ISO3, "", ""
			return
		}
		if d := ix.k.Country(w); d != nil {
			c.Country, c.Prefix, c.Suffix = d.ISO3, "", ""
			return
		}
	}
}

// isPluralDemonym reports a demonym in the plural: "Palestinians",
// "Albanians", "Serbs".
func isPluralDemonym(k *kb.KB, w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && k.Demonym(w[:len(w)-1]) != nil
}

// hyphenated reads a hyphenated word that names or denies a country:
// "Greek-Cypriot" (two nationalities: the first), "Vietnamese-led",
// "Trinidad-based" (the country), "African-American" (the second names
// the country), "ex-President" (former); "Syrian-backed", "Israeli-occupied",
// "anti-Syria", "pro-Iranian" name another party's country, so none. ok is
// false for other words, read as usual ("ex-President" is split before).
func (ix *index) hyphenated(w string) (iso string, ok bool) {
	a, b, found := strings.Cut(w, "-")
	if !found || a == "" || b == "" || strings.IndexByte(b, '-') >= 0 {
		return "", false
	}
	la, lb := strings.ToLower(a), strings.ToLower(b)
	country := func(s string) string {
		if !isCapitalised(s) {
			return ""
		}
		if c := ix.k.Demonym(s); c != nil {
			return c.ISO3
		}
		if c := ix.k.Country(s); c != nil {
			return c.ISO3
		}
		return ""
	}
	switch la {
	case "anti", "pro", "non":
		return "", country(b) != ""
	}
	switch lb {
	case "led", "based", "born", "controlled", "dominated", "run", "owned", "registered", "flagged":
		if c := country(a); c != "" {
			return c, true
		}
		// A city or a region of one country: "Paris-based", "Florida-born".
		if isCapitalised(a) {
			if c, _ := ix.k.Seat(a); c != nil {
				return c.ISO3, true
			}
			if ps := ix.k.Places(a); len(ps) > 0 && ps[0].Country == ps[len(ps)-1].Country {
				return ps[0].Country, true
			}
		}
		return "", false
	case "backed", "occupied", "allied", "sponsored", "funded", "supported", "held", "annexed", "imposed",
		"brokered", "linked", "inspired", "affiliated", "friendly", "aligned", "trained", "armed":
		return "", country(a) != ""
	}
	ca, cb := country(a), country(b)
	switch {
	case ca != "" && cb != "":
		return ca, true
	case cb != "" && ix.k.Demonym(b) != nil:
		return cb, true
	}
	return "", false
}

// splitEx splits "ex-President" into "ex" and "President".
func splitEx(tokens []string) []string {
	for i, t := range tokens {
		if len(t) > 3 && (t[:3] == "ex-" || t[:3] == "Ex-") {
			out := make([]string, 0, len(tokens)+1)
			out = append(out, tokens[:i]...)
			out = append(out, t[:2], t[3:])
			return append(out, splitEx(tokens[i+1:])...)
		}
	}
	return tokens
}

// dropParens returns the tokens outside parentheses.
func dropParens(tokens []string) []string {
	depth, has := 0, false
	for _, t := range tokens {
		if t == "(" {
			has = true
			break
		}
	}
	if !has {
		return tokens
	}
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		switch {
		case t == "(":
			depth++
		case t == ")" && depth > 0:
			depth--
		case depth == 0:
			out = append(out, t)
		}
	}
	return out
}

// placeCountry gives a part that names no country the country of the
// first known place among its capitalised runs ("Tel Aviv", "Samarra").
func (ix *index) placeCountry(tokens []string, p *phrasePart) {
	n := len(tokens)
	for i := 0; i < n; i++ {
		if !isCapitalised(tokens[i]) {
			continue
		}
		j := i
		for j < n && isCapitalised(tokens[j]) {
			j++
		}
		if ps := ix.k.Places(strings.Join(tokens[i:j], " ")); len(ps) > 0 {
			p.c.Country = ps[0].Country
			if p.c.Kind == "" {
				p.c.Kind = newsgraph.ActorCountry
			}
			return
		}
		i = j
	}
}

// normSector maps PETRARCH2's [~PPL] (people, men, women) to CAMEO's
// civilians.
func normSector(s string) string {
	if s == "PPL" {
		return "CVL"
	}
	return s
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
		if sectorCode(code[:3]) {
			c.Sectors = append(c.Sectors, code[:3])
		} else {
			c.Suffix += code[:3] // an organisation's own code: IGO"UNO"
		}
		code = code[3:]
	}
}

// sectorCode reports CAMEO's sector (role) codes; other three-letter parts
// of a dictionary code name the organisation itself (IGOUNO, IGOWST).
func sectorCode(s string) bool {
	switch s {
	case "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "NGO", "BUS", "CVL", "MED", "EDU", "ELI", "LEG",
		"HLH", "ENV", "LAB", "REF", "CRM", "UAF", "AGR", "IMG", "RAD", "MOD", "INS", "SEP", "REL", "DEV", "HRI", "MNC",
		"JRN", "SOC":
		return true
	}
	return false
}

// pickSectors chooses the phrase's sector: the head noun's, unless a
// modifier names a sector that outranks it.
func pickSectors(head, all []string) []string {
	best := ""
	for _, s := range head {
		if best == "" || sectorPriority[s] > sectorPriority[best] {
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
			c := roleCode(r.Code)
			if c.Prefix == "IGO" && len(c.Sectors) == 0 {
				// An organisation's officer (Kofi Annan: IGOUNO) is its
				// leadership, GOV, as the Security Council and the
				// Secretary-General are coded.
				c.Sectors = []string{"GOV"}
			}
			return c, p
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
		if c.Prefix != "" && !sectorCode(rest[:3]) {
			c.Suffix += rest[:3] // IGO"UNO"
			continue
		}
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
