package actor

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/text"
)

// Coreference, kept to rules a reader can check:
//
//   - a personal pronoun (he, him, his, himself, she, her, herself) refers
//     to the most recent person mentioned before it — by name, description
//     or an earlier pronoun — whose gender (from Mr, Mrs, Ms in the
//     document) does not conflict;
//   - a description "the [demonym] <title>" ("the Chinese president", "the
//     South Korean leader", "the minister") not followed by a name refers to
//     the most recent person whose code has that country (when a demonym is
//     given) and whose descriptors or code carry that title's sector;
//   - a group noun with a nationality ("the Chinese side", "South Korean
//     media", "Ukrainian soldiers", "Russian officials") becomes a group
//     entity of its own, coded country + sector; mentions with the same
//     code are one entity.
//
// Added mentions carry Kind "pronoun" or "nominal".

// pronounGender returns 'm' for a masculine personal pronoun, 'f' for a
// feminine one, 0 for any other word.
func pronounGender(w string) byte {
	switch w {
	case "he", "him", "his", "himself", "He", "Him", "His", "Himself":
		return 'm'
	case "she", "her", "hers", "herself", "She", "Her", "Hers", "Herself":
		return 'f'
	}
	return 0
}

// personTitles are the titles a nominal person description can use; the
// knowledge base's agents decide their sector.
var personTitles = map[string]bool{"president": true, "leader": true, "premier": true, "minister": true,
	"chancellor": true, "king": true, "queen": true, "prime minister": true, "foreign minister": true,
	"defense minister": true, "defence minister": true, "secretary": true, "secretary of state": true, "senator": true,
	"governor": true, "mayor": true, "general": true, "commander": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "ambassador": true, "envoy": true, "diplomat": true, "official": true, "emperor": true,
	"prince": true, "pope": true, "monarch": true, "dictator": true, "strongman": true, "head of state": true}

// titleFirst holds the first words of personTitles.
var titleFirst = func() map[string]bool {
	m := map[string]bool{}
	for t := range personTitles {
		first, _, _ := strings.Cut(t, " ")
		m[first] = true
	}
	return m
}()

// groupNouns give a sector to group nouns the agent dictionary may lack.
var groupNouns = map[string]string{
	"official": "GOV", "negotiator": "GOV", "negotiators": "GOV", "leader": "GOV", "leaders": "GOV",
	"emir": "GOV", "diplomat": "GOV", "envoy": "GOV", "envoys": "GOV", "peacekeepers": "MIL", "peacekeeping": "MIL",
	"soldier": "MIL", "servicemen": "MIL", "troop": "MIL", "guerrillas": "REB", "guerrilla": "REB", "militia": "UAF",
	"extremists": "REB", "fighters": "REB", "separatists": "REB", "hackers": "CRM", "settlers": "CVL",
	"aircraft": "MIL", "helicopters": "MIL", "tanks": "MIL", "warplanes": "MIL", "jets": "MIL", "warships": "MIL",
	"gunboats": "MIL", "artillery": "MIL", "youths": "CVL", "nationals": "CVL", "inhabitants": "CVL",
	"population": "CVL", "towns": "CVL", "villages": "CVL", "families": "CVL", "children": "CVL", "prisoners": "CVL",
	"side": "GOV", "government": "GOV", "authorities": "GOV", "administration": "GOV", "leadership": "GOV",
	"officials": "GOV", "delegation": "GOV", "diplomats": "GOV", "regime": "GOV", "cabinet": "GOV",
	"media": "MED", "press": "MED", "journalists": "MED", "reporters": "MED",
	"troops": "MIL", "soldiers": "MIL", "forces": "MIL", "military": "MIL", "army": "MIL", "navy": "MIL",
	"police": "COP", "lawmakers": "LEG", "legislators": "LEG", "parliament": "LEG",
	"protesters": "OPP", "protestors": "OPP", "demonstrators": "OPP", "opposition": "OPP", "activists": "OPP",
	"rebels": "REB", "insurgents": "REB", "militants": "REB", "businesses": "BUS", "companies": "BUS",
	"firms": "BUS", "farmers": "AGR", "workers": "LAB", "students": "EDU", "refugees": "REF", "civilians": "CVL",
	"citizens": "CVL", "residents": "CVL", "people": "CVL", "villagers": "CVL", "voters": "CVL",
	"officers": "MIL", "national": "CVL", "administrators": "GOV", "elders": "ELI",
}

// sectorAdjectives turn a country-less group into a coded one
// ("environmental activists" → ENV).
var sectorAdjectives = map[string]string{"environmental": "ENV", "green": "ENV", "climate": "ENV",
	"opposition": "OPP", "rebel": "REB", "human rights": "NGO", "labour": "LAB", "labor": "LAB", "student": "EDU",
	"peacekeeping": "MIL"}

// personMention is a person reference in document order.
type personMention struct {
	ent       *newsgraph.Entity
	para, tok int
	male, fem bool
	sentence  int
}

// coreference adds pronoun and nominal mentions and group entities.
func (r *resolver) coreference() {
	gender := r.genders()
	next := 0 // index into r.refs
	recent := r.recent[:0]
	if r.groups == nil {
		r.groups = map[string]*newsgraph.Entity{}
	}
	groups, order := r.groups, r.order[:0]
	defer func() { r.recent, r.order = recent, order }()
	for pi := range r.v.paras {
		pv := &r.v.paras[pi]
		for si, st := range pv.sents {
			end := st.First + len(st.Tokens)
			for ti := st.First; ti < end; ti++ {
				// Name mentions starting here join the recent list.
				for next < len(r.refs) && (r.refs[next].para < pi || r.refs[next].para == pi && r.refs[next].ts <= ti) {
					rf := r.refs[next]
					next++
					if rf.ent.Type == "PERSON" {
						g := gender[rf.ei]
						recent = append(recent, personMention{ent: rf.ent, para: rf.para, tok: rf.ts, male: g == 'm', fem: g == 'f', sentence: si})
					}
				}
				if e := r.nameAt(pi, ti); e != nil && e.Type != "MISC" {
					// Inside a name; demonyms ("South Korean") may open a
					// group, and so may a place or an international
					// organisation at its first word ("Darfur rebels",
					// "UN peacekeepers").
					if e.Type != "PERSON" && (e.Actor != nil || e.Type != "ORG") && (ti == st.First || r.nameAt(pi, ti-1) != e) {
						if n := r.group(pi, si, ti, end, groups, &order); n > 0 {
							ti += n - 1
						}
					}
					continue
				}
				tok := pv.toks[ti]
				if tok.Kind != text.Word && tok.Kind != text.Abbrev {
					continue
				}
				lw := tok.Text
				switch {
				case pronounGender(lw) != 0:
					male := pronounGender(lw) == 'm'
					for j := len(recent) - 1; j >= 0; j-- {
						c := recent[j]
						if male && c.fem || !male && c.male {
							continue
						}
						r.addMention(c.ent, pi, ti, ti+1, newsgraph.MentionPronoun)
						recent = append(recent, personMention{ent: c.ent, para: pi, tok: ti, male: c.male, fem: c.fem, sentence: si})
						break
					}
				case lw == "the" || lw == "a" || lw == "The" || lw == "A":
					if n, e := r.nominal(pi, ti, end, recent); n > 0 {
						recent = append(recent, personMention{ent: e, para: pi, tok: ti, sentence: si})
						ti += n - 1
					} else if n := r.group(pi, si, ti, end, groups, &order); n > 0 {
						ti += n - 1
					}
				case r.mayOpenGroup(pi, ti), ti+2 < end && isLocative(pv.toks[ti+1].Text) && isCapitalisedOrThe(pv.toks[ti+2].Text):
					// The second case: a bare group noun and a place,
					// "rebels in Darfur".
					if n := r.group(pi, si, ti, end, groups, &order); n > 0 {
						ti += n - 1
					}
				}
			}
		}
	}
	id := nextEntityID(r.v.doc.Entities)
	r.v.doc.Entities = slices.Grow(r.v.doc.Entities, len(order))
	for _, code := range order {
		e := groups[code]
		e.ID = "e" + strconv.Itoa(id)
		id++
		r.v.doc.Entities = append(r.v.doc.Entities, *e)
	}
}

// nameAt returns the entity whose name mention covers token ti of
// paragraph pi, or nil.
func (r *resolver) nameAt(pi, ti int) *newsgraph.Entity {
	if !r.namesReady {
		// One array for the document's tokens, cut by paragraph.
		r.namesReady = true
		r.names = slices.Grow(r.names[:0], len(r.v.paras))[:len(r.v.paras)]
		all := r.sc.names
		for p, pv := range r.v.paras {
			r.names[p], all = all[:len(pv.toks):len(pv.toks)], all[len(pv.toks):]
		}
		for _, rf := range r.refs {
			for t := rf.ts; t < rf.te; t++ {
				r.names[rf.para][t] = rf.ent
			}
		}
	}
	if ns := r.names[pi]; ns != nil {
		return ns[ti]
	}
	return nil
}

// mayOpenGroup is a cheap test before group: a group noun phrase starts
// with a capitalised word (a nationality or country), a sector adjective,
// or an article.
func (r *resolver) mayOpenGroup(pi, ti int) bool {
	w := r.v.paras[pi].toks[ti].Text
	if isCapitalised(w) {
		return true
	}
	return sectorOpener(w)
}

// isCapitalisedOrThe reports a capitalised word or "the" (before a
// place: "in the Ivory Coast").
func isCapitalisedOrThe(w string) bool { return isCapitalised(w) || w == "the" }

// sectorOpener reports the first words of sectorAdjectives, and
// "ethnic" (a switch: it is asked of many words).
func sectorOpener(w string) bool {
	switch w {
	case "ethnic", "environmental", "green", "climate", "opposition", "rebel", "human", "labour", "labor", "student",
		"peacekeeping":
		return true
	}
	return false
}

// genders reads Mr / Mrs / Ms / Miss before a person's names: 'm' or 'f'
// by entity index, 0 for unknown.
func (r *resolver) genders() []byte {
	out := slices.Grow(r.gender[:0], len(r.v.doc.Entities))[:len(r.v.doc.Entities)]
	clear(out)
	r.gender = out
	var buf [16]byte
	for _, rf := range r.refs {
		if rf.ent.Type != "PERSON" || rf.ts == 0 {
			continue
		}
		switch string(lowerWord(buf[:0], r.v.paras[rf.para].toks[rf.ts-1].Text, ".")) {
		case "mr", "sir", "lord", "king", "prince":
			out[rf.ei] = 'm'
		case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
			out[rf.ei] = 'f'
		}
	}
	return out
}

// lowerWords appends strings.ToLower(joinTexts(toks)) to dst.
func lowerWords(dst []byte, toks []text.Token) []byte {
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = lowerWord(dst, t.Text, "")
	}
	return dst
}

// lowerWord appends strings.TrimSuffix(strings.ToLower(w), suffix) to dst
// (in place for ASCII words, which need no allocation).
func lowerWord(dst []byte, w, suffix string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.TrimSuffix(strings.ToLower(w), suffix)...)
		}
	}
	n := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	if len(dst)-n >= len(suffix) && string(dst[len(dst)-len(suffix):]) == suffix {
		dst = dst[:len(dst)-len(suffix)]
	}
	return dst
}

// nominal reads "the [demonym] <title>" at token ti and, when it refers to
// a person of the document, adds it as a nominal mention. It returns the
// tokens consumed (0 when nothing matched) and the person.
func (r *resolver) nominal(pi, ti, end int, recent []personMention) (int, *newsgraph.Entity) {
	toks := r.v.paras[pi].toks
	j := ti + 1
	if j >= end {
		return 0, nil
	}
	// Titles are written in lower case in running text: a word that is
	// neither capitalised nor a title's first word ends it quickly.
	if w := toks[j].Text; !isCapitalised(w) && !titleFirst[w] && w != "former" && w != "new" {
		return 0, nil
	}
	country := ""
	// Demonym of one or two words.
	if l := r.lx(pi, j); l.cap {
		if l.multi && j+2 <= end {
			if d, _ := r.nation(pi, j, 2); d != "" {
				country = d
				j += 2
			}
		}
		if country == "" && l.demonym != "" {
			country = l.demonym
			j++
		}
	}
	for j < end && (strings.EqualFold(toks[j].Text, "former") || strings.EqualFold(toks[j].Text, "new")) {
		j++
	}
	title, l := "", 0
	var buf [32]byte
	if j < end && titleFirst[string(lowerWord(buf[:0], toks[j].Text, ""))] {
		// Every title opens with one of titleFirst's words.
		for n := 3; n >= 1; n-- {
			if j+n <= end {
				if p := lowerWords(buf[:0], toks[j:j+n]); personTitles[string(p)] {
					title, l = string(p), n
					break
				}
			}
		}
	}
	if title == "" {
		return 0, nil
	}
	stop := j + l
	// "the Chinese president Xi Jinping" is a descriptor, not a reference.
	if stop < end && isCapitalised(toks[stop].Text) && toks[stop].Kind == text.Word {
		return 0, nil
	}
	// "the president of Armenia" says whose president is meant: only a
	// person of that country is referred to.
	if stop+1 < end && toks[stop].Text == "of" && isCapitalisedOrThe(toks[stop+1].Text) {
		c, m := r.location(pi, stop, end)
		if c == "" || country != "" && c != country {
			return 0, nil
		}
		country, stop = c, m
	}
	sector := ""
	if a := r.k.Agent(title); a != nil && len(a.Sectors) > 0 {
		sector = a.Sectors[0]
	}
	for k := len(recent) - 1; k >= 0; k-- {
		e := recent[k].ent
		if e.Actor == nil {
			continue
		}
		if country != "" && e.Actor.Country != country {
			continue
		}
		if country == "" && !descriptorHas(e, title) && (sector == "" || !contains(e.Actor.Sectors, sector)) {
			continue
		}
		if country != "" && sector != "" && !contains(e.Actor.Sectors, sector) && !descriptorHas(e, title) {
			continue
		}
		r.addMention(e, pi, ti, stop, newsgraph.MentionNominal)
		return stop - ti, e
	}
	return 0, nil
}

// descriptorHas reports whether one of an entity's descriptors uses a
// title word.
func descriptorHas(e *newsgraph.Entity, title string) bool {
	if e.Actor == nil {
		return false
	}
	for _, d := range e.Actor.Descriptors {
		if strings.Contains(strings.ToLower(d), title) {
			return true
		}
	}
	return false
}

// group reads a group noun phrase at token ti and records it as a group
// entity coded country (or international organisation) + sector. It
// returns the tokens consumed. The phrases, "the" or "a" optional:
//
//   - a nationality and a group noun: "the Chinese side", "South Korean
//     media", "U.S. soldiers", "Hungarian and Romanian officials" (two
//     groups);
//   - a place or an international organisation and a group noun: "Darfur
//     rebels", "UN peacekeepers";
//   - a sector adjective: "environmental activists" (---ENV, no country);
//   - an ethnic, religious or regional name the knowledge base does not
//     know ("Karen guerrillas", "Shona rebels", "Moslem forces"): the
//     country of the sentence (see contextCountry);
//   - a people: "ethnic Albanians", "Iraqi Kurds", "Albanians of southern
//     Serbia" (CVL);
//   - any of these or a bare group noun followed by "in" or "of" and a
//     place: "rebels in Darfur", "militias in Tripoli". A people, or a
//     group without a nationality, is coded with the place's country: the
//     CAMEO practice codes an ethnic group with the country where it lives
//     ("ethnic Albanians in south Serbia" → SRBCVL; without a place, the
//     sentence's other country: "ethnic Turks … Sweden's decision" →
//     SWECVL).
func (r *resolver) group(pi, si, ti, end int, groups map[string]*newsgraph.Entity, order *[]string) int {
	toks := r.v.paras[pi].toks
	j := ti
	if lw := toks[j].Text; lw == "the" || lw == "a" || lw == "The" || lw == "A" {
		j++
	}
	if j >= end {
		return 0
	}
	start := j
	ethnic := strings.EqualFold(toks[j].Text, "ethnic")
	if ethnic {
		j++
	}
	country, sector, prefix := "", "", ""
	natFrom := j
	// Coordinated nationalities share the head noun: "Hungarian and
	// Romanian officials" are two groups.
	var others []struct {
		iso      string
		from, to int
	}
	for {
		c, l := r.nationality(pi, j, end)
		if c == "" {
			break
		}
		if country != "" {
			others = append(others, struct {
				iso      string
				from, to int
			}{country, natFrom, j - 1})
			natFrom = j
		}
		country = c
		j += l
		if j+1 < end && (toks[j].Text == "and" || toks[j].Text == ",") && isCapitalised(toks[j+1].Text) {
			if c2, _ := r.nationality(pi, j+1, end); c2 != "" {
				j++
				continue
			}
		}
		break
	}
	if country == "" && j < end && strings.IndexByte(toks[j].Text, '-') > 0 {
		// "Vietnamese-led forces", "Paris-based firms"; "Syrian-backed
		// militias" name no country of their own.
		if iso, ok := r.ix.hyphenated(toks[j].Text); ok {
			if iso == "" {
				return 0
			}
			country = iso
			j++
		}
	}
	natCountry := country
	if len(others) > 0 {
		start = natFrom // the last of coordinated nationalities
	}
	unknown := false // an ethnic, religious or regional name opens the group
	if country == "" && j < end {
		if e := r.nameAt(pi, j); e != nil && e.Type != "MISC" && e.Actor != nil {
			// A place ("Darfur rebels") or an international organisation
			// ("UN peacekeepers") as the modifier.
			k := j
			for k < end && r.nameAt(pi, k) == e {
				k++
			}
			switch {
			case (e.Type == "GPE" || e.Type == "LOC" || e.Type == "FAC") && e.Actor.Country != "":
				country = e.Actor.Country
			case strings.HasPrefix(e.Actor.Code, "IGO") && e.Actor.Country == "":
				prefix = igoHead(e.Actor.Code)
			default:
				return 0
			}
			j = k
		}
	}
	if country == "" && prefix == "" && j < end {
		if lw := r.lower(pi, j); sectorOpener(lw) {
			if s, ok := sectorAdjectives[lw]; ok {
				sector = s
				j++
			} else if j+1 < end {
				if s, ok := sectorAdjectives[lw+" "+r.lx(pi, j+1).lower]; ok {
					sector = s
					j += 2
				}
			}
		}
		if sector == "" && r.unknownModifier(pi, si, j, end) {
			unknown = true
			j++
		} else if sector == "" && r.uncodedName(pi, j) && j+1 < end {
			// A role of the agents that opens with the name: "Islamic
			// fundamentalists".
			if h, l := r.headNoun(pi, j, end); h != "" && l == 2 {
				unknown = true
			}
		}
	}
	if j >= end {
		return 0
	}
	if country == "" && prefix == "" && sector == "" && !unknown &&
		!(j+1 < end && isLocative(toks[j+1].Text) || j+2 < end && isLocative(toks[j+2].Text)) {
		return 0 // a bare group noun is a group only with a place after it
	}
	// The head noun: a two-word role ("security forces", "armed groups")
	// or a group noun; a people is its own head.
	head, headLen := r.headNoun(pi, j, end)
	if head == "" && sector != "" {
		// "opposition groups": the adjective says what the group is.
		if lw := r.lower(pi, j); lw == "group" || lw == "groups" {
			head, headLen = sector, 1
		}
	}
	if head == "" && unknown && j+1 < end && r.adjective(pi, j) {
		// One adjective between: "Moslem fundamentalist demonstrators".
		if h, l := r.headNoun(pi, j+1, end); h != "" {
			head, headLen = h, l+1
		}
	}
	// A people is its own head: "ethnic Albanians", "Albanians of
	// southern Serbia".
	people := head == "" && country != "" && country == natCountry && j > natFrom &&
		isPluralDemonym(r.k, toks[j-1].Text) && (ethnic || isLocative(toks[j].Text))
	if people {
		head = "CVL"
	} else if head == "" {
		return 0
	}
	if headLen > 0 {
		if e := r.nameAt(pi, j); e != nil && e.Type != "MISC" {
			return 0
		}
	}
	hend := j + headLen
	// "Chinese Foreign Minister Wang": a descriptor, not a group.
	if headLen > 0 && hend < end && isCapitalised(toks[hend].Text) && toks[hend].Kind == text.Word {
		return 0
	}
	stop := hend
	loc, locEnd := r.location(pi, hend, end)
	switch {
	case loc != "" && (country == "" && prefix == "" || ethnic || people):
		country, stop = loc, locEnd
	case country == "" && prefix == "" && unknown:
		country = r.contextCountry(ref{para: pi, sent: si, ts: start, te: hend}, nil, "")
	case ethnic:
		// An ethnic group lives in the other country the sentence names.
		if c := r.contextCountry(ref{para: pi, sent: si, ts: start, te: hend}, nil, natCountry); c != "" {
			country = c
		}
	}
	if country == "" && prefix == "" && sector == "" && !unknown && loc == "" {
		return 0 // a bare group noun names no group of its own
	}
	if sector == "" {
		sector = head
	}
	if country == "" && prefix == "" {
		switch {
		case r.peacekeeping(pi, start, hend):
			prefix = "IGO" // peacekeepers of no country: an international force
		case sector == "NGO":
			prefix, sector = "NGO", ""
		case unknown:
			return 0
		}
	}
	codeHead := country
	switch {
	case prefix != "":
		codeHead = prefix
	case codeHead == "":
		codeHead = "---"
	}
	code := codeHead + sector
	var secs []string
	if sector != "" {
		secs = []string{sector}
	}
	e := groups[code]
	if e == nil {
		// Group entities join the document after the scan, so that
		// pointers into doc.Entities stay valid meanwhile.
		name := r.v.span(pi, start, stop)
		e = &newsgraph.Entity{
			Name: name,
			Type: "GROUP",
			Actor: &newsgraph.Actor{Code: code, Country: country, Sectors: secs, Kind: newsgraph.ActorGroup,
				Evidence: r.v.span(pi, ti, stop), Source: newsgraph.ActorFromText, Descriptors: []string{name}},
		}
		groups[code] = e
		*order = append(*order, code)
	}
	e.Mentions = append(e.Mentions, r.mention(pi, start, stop, newsgraph.MentionNominal))
	for _, o := range others {
		oc := o.iso + sector
		oe := groups[oc]
		if oe == nil {
			name := r.v.span(pi, o.from, o.to)
			if headLen > 0 {
				name += " " + r.v.span(pi, j, hend)
			}
			oe = &newsgraph.Entity{Name: name, Type: "GROUP",
				Actor: &newsgraph.Actor{Code: oc, Country: o.iso, Sectors: secs, Kind: newsgraph.ActorGroup,
					Evidence: r.v.span(pi, ti, stop), Source: newsgraph.ActorFromText, Descriptors: []string{name}}}
			groups[oc] = oe
			*order = append(*order, oc)
		}
		oe.Mentions = append(oe.Mentions, r.mention(pi, o.from, o.to, newsgraph.MentionNominal))
	}
	return stop - ti
}

// peacekeeping reports whether tokens [from, to) speak of peacekeepers.
func (r *resolver) peacekeeping(pi, from, to int) bool {
	for _, t := range r.v.paras[pi].toks[from:to] {
		if len(t.Text) >= 9 && strings.EqualFold(t.Text[:9], "peacekeep") {
			return true
		}
	}
	return false
}

// igoHead is the organisation part of an IGO code: "IGOUNO" of
// "IGOUNOGOV".
func igoHead(code string) string {
	out := code[:3]
	for rest := code[3:]; len(rest) >= 3 && !sectorCode(rest[:3]); rest = rest[3:] {
		out += rest[:3]
	}
	return out
}

// lower returns token j of paragraph pi in lower case: the text itself
// when it is lower-case ASCII, else the lexeme's.
func (r *resolver) lower(pi, j int) string {
	w := r.v.paras[pi].toks[j].Text
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return r.lx(pi, j).lower
		}
	}
	return w
}

// isLocative reports "in" and "of", which introduce where a group is.
func isLocative(w string) bool { return w == "in" || w == "of" }

// headNoun reads a group's head noun at token j: a two-word role of the
// agents ("security forces", "armed groups"), else a group noun. It
// returns the sector and the tokens read, or "".
func (r *resolver) headNoun(pi, j, end int) (string, int) {
	toks := r.v.paras[pi].toks
	if toks[j].Kind != text.Word {
		return "", 0
	}
	l := r.lx(pi, j)
	if l.starts && j+1 < end && toks[j+1].Kind == text.Word && !isCapitalised(toks[j+1].Text) {
		if a := r.k.Agent(toks[j].Text + " " + toks[j+1].Text); a != nil && len(a.Sectors) > 0 && a.Sectors[0] != "IGO" {
			return normSector(a.Sectors[0]), 2
		}
	}
	if l.sector != "" {
		return l.sector, 1
	}
	return "", 0
}

// unknownModifier reports whether token j is a name the knowledge base
// does not know, used as a modifier before a group noun ("Karen
// guerrillas", "Shona rebels"): a capitalised word that the tagger marked
// as a nationality or other name (MISC) or that stands inside the
// sentence, is no role noun itself, and is followed by a group noun.
func (r *resolver) unknownModifier(pi, si, j, end int) bool {
	toks := r.v.paras[pi].toks
	if j+1 >= end || toks[j].Kind != text.Word || !isCapitalised(toks[j].Text) || toks[j+1].Kind != text.Word ||
		isCapitalised(toks[j+1].Text) || skipWords[r.lower(pi, j)] {
		return false
	}
	// An uncoded name the tagger found (MISC, LOC, GPE: "Moslem",
	// "Shona"), not a region's adjective ("European", "Western").
	if !r.uncodedName(pi, j) || regionWords[r.lower(pi, j)] || strings.IndexByte(toks[j].Text, '-') >= 0 {
		return false // "Oscar-nominated" is no name
	}
	if sectorCode(r.lx(pi, j).sector) {
		return false // a role, not a name: "Police officers", "Government troops"
	}
	s, _ := r.headNoun(pi, j+1, end)
	if s == "" && r.adjective(pi, j+1) && j+2 < end && toks[j+2].Kind == text.Word && !isCapitalised(toks[j+2].Text) {
		s, _ = r.headNoun(pi, j+2, end) // "Hutu rebel group", "Tamil civilian refugees"
	}
	return s != ""
}

// adjective reports whether token j may be an adjective between a
// modifier and its head noun: a lower-case word that is not a function
// word ("as", "to", "and").
func (r *resolver) adjective(pi, j int) bool {
	t := r.v.paras[pi].toks[j]
	return t.Kind == text.Word && !isCapitalised(t.Text) && !functionWords[t.Text]
}

// functionWords cannot stand between a modifier and its head noun.
var functionWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "but": true,
	"as": true, "to": true, "of": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true,
	"from": true, "is": true, "are": true, "was": true, "were": true, "be": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "that": true, "this": true, "which": true, "who": true, "it": true,
	"its": true, "their": true, "his": true, "her": true, "not": true, "no": true, "after": true, "before": true}

// regionWords name regions larger than a country: as modifiers they give
// a group no country ("European leaders", "Western diplomats").
var regionWords = map[string]bool{"european": true, "asian": true, "african": true, "western": true, "eastern": true,
	"northern": true, "southern": true, "arab": true, "latin": true, "nordic": true, "scandinavian": true,
	"balkan": true, "caribbean": true, "gulf": true, "pacific": true, "atlantic": true, "mediterranean": true,
	"international": true, "global": true, "foreign": true, "middle": true, "central": true, "south": true,
	"north": true, "east": true, "west": true}

// uncodedName reports whether token j is inside a name the tagger found
// but nothing coded: a nationality, place or other name ("Moslem",
// "Shona", "Islamic"), not a person or an organisation.
func (r *resolver) uncodedName(pi, j int) bool {
	e := r.nameAt(pi, j)
	return e != nil && e.Actor == nil && e.Type != "PERSON" && e.Type != "ORG"
}

// location reads "in" or "of", an optional "the" and compass words, and a
// place at token k ("in Darfur", "of southern Serbia", "in the Ivory
// Coast"); it returns the place's country and the end of its tokens, or "".
func (r *resolver) location(pi, k, end int) (string, int) {
	toks := r.v.paras[pi].toks
	if k+1 >= end || !isLocative(toks[k].Text) {
		return "", 0
	}
	k++
	if strings.EqualFold(toks[k].Text, "the") {
		k++
	}
	for k < end && compassWords[r.lower(pi, k)] {
		k++
	}
	if k >= end || !isCapitalised(toks[k].Text) {
		return "", 0
	}
	if e := r.nameAt(pi, k); e != nil {
		if (e.Type == "GPE" || e.Type == "LOC" || e.Type == "FAC") && e.Actor != nil && e.Actor.Country != "" {
			m := k
			for m < end && r.nameAt(pi, m) == e {
				m++
			}
			return e.Actor.Country, m
		}
		return "", 0
	}
	// A country the tagger missed.
	if !r.lx(pi, k).multi {
		return r.lx(pi, k).country, k + 1
	}
	for l := min(3, end-k); l >= 1; l-- {
		if _, c := r.nation(pi, k, l); c != "" {
			return c, k + l
		}
	}
	return "", 0
}

// compassWords may stand between "in" and a place: "in south Serbia".
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "north-eastern": true, "north-western": true, "south-eastern": true,
	"south-western": true, "northeast": true, "northwest": true, "southeast": true, "southwest": true}

// nationality reads a demonym ("South Korean") or a country name used as
// a modifier ("U.S. soldiers") at token j; it returns the country and the
// tokens read, or "".
func (r *resolver) nationality(pi, j, end int) (string, int) {
	toks := r.v.paras[pi].toks
	if j >= end || !isCapitalised(toks[j].Text) {
		return "", 0
	}
	lj := r.lx(pi, j)
	maxLen := 1
	if lj.multi {
		maxLen = 3
	}
	for l := maxLen; l >= 1; l-- {
		if j+l > end {
			continue
		}
		demonym, country := lj.demonym, lj.country
		if l > 1 {
			demonym, country = r.nation(pi, j, l)
		}
		if demonym != "" {
			return demonym, l
		}
		if country != "" && j+l < end && !isCapitalised(toks[j+l].Text) && r.nameAt(pi, j) == nil {
			return country, l
		}
	}
	return "", 0
}

// nation returns the country of tokens [j, j+l) of paragraph pi as a
// demonym and as a country name (see Stage.nationWords).
func (r *resolver) nation(pi, j, l int) (demonym, country string) {
	return r.s.nationWords(joinTexts(r.v.paras[pi].toks[j : j+l]))
}

// nextEntityID returns "eN" one past the highest "eN" of ents.
func nextEntityID(ents []newsgraph.Entity) int {
	n := 0
	for _, e := range ents {
		if k, err := strconv.Atoi(strings.TrimPrefix(e.ID, "e")); err == nil && k > n {
			n = k
		}
	}
	return n + 1
}

// addMention adds tokens [ts, te) of paragraph pi as a mention of e.
func (r *resolver) addMention(e *newsgraph.Entity, pi, ts, te int, kind string) {
	e.Mentions = append(e.Mentions, r.mention(pi, ts, te, kind))
}

func (r *resolver) mention(pi, ts, te int, kind string) newsgraph.Mention {
	toks := r.v.paras[pi].toks
	return newsgraph.Mention{Paragraph: pi, Start: toks[ts].Start, End: toks[te-1].End, Text: r.v.span(pi, ts, te), Kind: kind}
}

func joinTexts(toks []text.Token) string {
	if len(toks) == 1 {
		return toks[0].Text
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// nounSector is the sector a role or group noun names: the knowledge
// base's agents, then the group nouns above, singular or plural.
func nounSector(k *kb.KB, noun string) string { return nounSectorOf(k, noun, k.Agent(noun)) }

// nounSectorOf is nounSector given k.Agent(noun).
func nounSectorOf(k *kb.KB, noun string, a *kb.Agent) string {
	if a != nil && len(a.Sectors) > 0 {
		if a.Sectors[0] == "IGO" {
			return ""
		}
		return normSector(a.Sectors[0])
	}
	if s, ok := groupNouns[noun]; ok {
		return s
	}
	if strings.HasSuffix(noun, "s") {
		if s, ok := groupNouns[noun[:len(noun)-1]]; ok {
			return s
		}
		return ""
	}
	// A singular whose plural is known: "prisoner", "town", "assembly".
	if s := agentOrGroup(k, noun+"s"); s != "" {
		return s
	}
	if strings.HasSuffix(noun, "y") {
		return agentOrGroup(k, noun[:len(noun)-1]+"ies")
	}
	return ""
}

// agentOrGroup is the sector of a noun in the agents or the group nouns.
func agentOrGroup(k *kb.KB, noun string) string {
	if a := k.Agent(noun); a != nil && len(a.Sectors) > 0 {
		return normSector(a.Sectors[0])
	}
	return groupNouns[noun]
}
