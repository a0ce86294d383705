package actor

import (
	"strconv"
	"strings"

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

var malePronouns = map[string]bool{"he": true, "him": true, "his": true, "himself": true}
var femalePronouns = map[string]bool{"she": true, "her": true, "hers": true, "herself": true}

// personTitles are the titles a nominal person description can use; the
// knowledge base's agents decide their sector.
var personTitles = map[string]bool{"president": true, "leader": true, "premier": true, "minister": true,
	"chancellor": true, "king": true, "queen": true, "prime minister": true, "foreign minister": true,
	"defense minister": true, "defence minister": true, "secretary": true, "secretary of state": true, "senator": true,
	"governor": true, "mayor": true, "general": true, "commander": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "ambassador": true, "envoy": true, "diplomat": true, "official": true, "emperor": true,
	"prince": true, "pope": true, "monarch": true, "dictator": true, "strongman": true, "head of state": true}

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
}

// sectorAdjectives turn a country-less group into a coded one
// ("environmental activists" → ENV).
var sectorAdjectives = map[string]string{"environmental": "ENV", "green": "ENV", "climate": "ENV",
	"opposition": "OPP", "rebel": "REB", "human rights": "NGO", "labour": "LAB", "labor": "LAB", "student": "EDU"}

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
	var recent []personMention
	groups := map[string]*newsgraph.Entity{}
	var order []string
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
						g := gender[rf.ent]
						recent = append(recent, personMention{ent: rf.ent, para: rf.para, tok: rf.ts, male: g == 'm', fem: g == 'f', sentence: si})
					}
				}
				if e := r.nameAt(pi, ti); e != nil && e.Type != "MISC" {
					continue // inside a name; demonyms ("South Korean") may open a group
				}
				tok := pv.toks[ti]
				if tok.Kind != text.Word && tok.Kind != text.Abbrev {
					continue
				}
				lw := tok.Text
				if len(lw) <= 7 { // the pronouns and articles are short
					lw = strings.ToLower(lw)
				}
				switch {
				case malePronouns[lw] || femalePronouns[lw]:
					male := malePronouns[lw]
					for j := len(recent) - 1; j >= 0; j-- {
						c := recent[j]
						if male && c.fem || !male && c.male {
							continue
						}
						r.addMention(c.ent, pi, ti, ti+1, newsgraph.MentionPronoun)
						recent = append(recent, personMention{ent: c.ent, para: pi, tok: ti, male: c.male, fem: c.fem, sentence: si})
						break
					}
				case lw == "the" || lw == "a":
					if n, e := r.nominal(pi, ti, end, recent); n > 0 {
						recent = append(recent, personMention{ent: e, para: pi, tok: ti, sentence: si})
						ti += n - 1
					} else if n := r.group(pi, ti, end, groups, &order); n > 0 {
						ti += n - 1
					}
				case mayOpenGroup(tok.Text):
					if n := r.group(pi, ti, end, groups, &order); n > 0 {
						ti += n - 1
					}
				}
			}
		}
	}
	id := nextEntityID(r.v.doc.Entities)
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
	if r.names == nil {
		r.names = make([][]*newsgraph.Entity, len(r.v.paras))
		for _, rf := range r.refs {
			if r.names[rf.para] == nil {
				r.names[rf.para] = make([]*newsgraph.Entity, len(r.v.paras[rf.para].toks))
			}
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
func mayOpenGroup(w string) bool {
	if isCapitalised(w) {
		return true
	}
	if len(w) > 13 { // longer than any opener
		return false
	}
	return sectorOpeners[strings.ToLower(w)]
}

// sectorOpeners are the first words of sectorAdjectives.
var sectorOpeners = func() map[string]bool {
	m := map[string]bool{}
	for k := range sectorAdjectives {
		m[strings.Fields(k)[0]] = true
	}
	return m
}()

// genders reads Mr / Mrs / Ms / Miss before a person's names.
func (r *resolver) genders() map[*newsgraph.Entity]byte {
	out := map[*newsgraph.Entity]byte{}
	for _, rf := range r.refs {
		if rf.ent.Type != "PERSON" || rf.ts == 0 {
			continue
		}
		switch strings.TrimSuffix(strings.ToLower(r.v.paras[rf.para].toks[rf.ts-1].Text), ".") {
		case "mr", "sir", "lord", "king", "prince":
			out[rf.ent] = 'm'
		case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
			out[rf.ent] = 'f'
		}
	}
	return out
}

// nominal reads "the [demonym] <title>" at token ti and, when it refers to
// a person of the document, adds it as a nominal mention. It returns the
// tokens consumed (0 when nothing matched) and the person.
func (r *resolver) nominal(pi, ti, end int, recent []personMention) (int, *newsgraph.Entity) {
	toks := r.v.paras[pi].toks
	j := ti + 1
	country := ""
	// Demonym of one or two words.
	for l := 2; l >= 1; l-- {
		if j+l <= end {
			p := joinTexts(toks[j : j+l])
			if c := r.k.Demonym(p); c != nil && isCapitalised(toks[j].Text) {
				country = c.ISO3
				j += l
				break
			}
		}
	}
	for j < end && (strings.EqualFold(toks[j].Text, "former") || strings.EqualFold(toks[j].Text, "new")) {
		j++
	}
	title, l := "", 0
	for n := 3; n >= 1; n-- {
		if j+n <= end {
			p := strings.ToLower(joinTexts(toks[j : j+n]))
			if personTitles[p] {
				title, l = p, n
				break
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

// group reads a nationality group noun at token ti ("[the] Chinese side",
// "South Korean media", "Ukrainian soldiers", "environmental activists")
// and records it as a group entity. It returns the tokens consumed.
func (r *resolver) group(pi, ti, end int, groups map[string]*newsgraph.Entity, order *[]string) int {
	toks := r.v.paras[pi].toks
	j := ti
	if lw := strings.ToLower(toks[j].Text); lw == "the" || lw == "a" {
		j++
	}
	country, sector := "", ""
	start := j
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
			}{country, start, j - 1})
			start = j
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
	if country == "" {
		for l := 2; l >= 1; l-- {
			if j+l <= end {
				if s, ok := sectorAdjectives[strings.ToLower(joinTexts(toks[j:j+l]))]; ok {
					sector = s
					j += l
					break
				}
			}
		}
		if sector == "" {
			return 0
		}
	}
	if j >= end || r.nameAt(pi, j) != nil {
		return 0
	}
	head := strings.ToLower(toks[j].Text)
	s := nounSector(r.k, head)
	if s == "" {
		return 0
	}
	// "the Chinese side's statement": still the side.
	if j+1 < end && isCapitalised(toks[j+1].Text) && toks[j+1].Kind == text.Word {
		return 0 // "Chinese Foreign Minister Wang": a descriptor
	}
	if sector == "" {
		sector = s
	}
	prefix := country
	if prefix == "" {
		prefix = "---"
	}
	code := prefix + sector
	e := groups[code]
	if e == nil {
		// Group entities join the document after the scan, so that
		// pointers into doc.Entities stay valid meanwhile.
		e = &newsgraph.Entity{
			Name: r.v.span(pi, start, j+1),
			Type: "GROUP",
			Actor: &newsgraph.Actor{Code: code, Country: country, Sectors: []string{sector}, Kind: newsgraph.ActorGroup,
				Evidence: r.v.span(pi, ti, j+1), Source: newsgraph.ActorFromText, Descriptors: []string{r.v.span(pi, start, j+1)}},
		}
		groups[code] = e
		*order = append(*order, code)
	}
	e.Mentions = append(e.Mentions, r.mention(pi, start, j+1, newsgraph.MentionNominal))
	for _, o := range others {
		oc := o.iso + sector
		oe := groups[oc]
		if oe == nil {
			name := r.v.span(pi, o.from, o.to) + " " + toks[j].Text
			oe = &newsgraph.Entity{Name: name, Type: "GROUP",
				Actor: &newsgraph.Actor{Code: oc, Country: o.iso, Sectors: []string{sector}, Kind: newsgraph.ActorGroup,
					Evidence: r.v.span(pi, ti, j+1), Source: newsgraph.ActorFromText, Descriptors: []string{name}}}
			groups[oc] = oe
			*order = append(*order, oc)
		}
		oe.Mentions = append(oe.Mentions, r.mention(pi, o.from, o.to, newsgraph.MentionNominal))
	}
	return j + 1 - ti
}

// nationality reads a demonym ("South Korean") or a country name used as
// a modifier ("U.S. soldiers") at token j; it returns the country and the
// tokens read, or "".
func (r *resolver) nationality(pi, j, end int) (string, int) {
	toks := r.v.paras[pi].toks
	if j >= end || !isCapitalised(toks[j].Text) {
		return "", 0
	}
	maxLen := 1
	if r.ix.multiStart[strings.ToLower(toks[j].Text)] {
		maxLen = 3
	}
	for l := maxLen; l >= 1; l-- {
		if j+l > end {
			continue
		}
		demonym, country := r.s.nationWords(joinTexts(toks[j : j+l]))
		if demonym != "" {
			return demonym, l
		}
		if country != "" && j+l < end && !isCapitalised(toks[j+l].Text) && r.nameAt(pi, j) == nil {
			return country, l
		}
	}
	return "", 0
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
func nounSector(k *kb.KB, noun string) string {
	if a := k.Agent(noun); a != nil && len(a.Sectors) > 0 {
		return a.Sectors[0]
	}
	if s, ok := groupNouns[noun]; ok {
		return s
	}
	if s, ok := groupNouns[strings.TrimSuffix(noun, "s")]; ok {
		return s
	}
	return ""
}
