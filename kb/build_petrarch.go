package kb

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// pCode is one [CODE dates] of a PETRARCH actor entry.
type pCode struct {
	code, from, to string
	dated          bool
}

// pEntry is one PETRARCH actor entry: a name line, its "+" synonyms and its
// code lines.
type pEntry struct {
	names   []string // raw: "XI_JINPING", "PRESIDENT_XI_JINPING"
	codes   []pCode
	comment string // the comment of the name line
	bad     int    // code lines dropped for an unreadable date
}

// parseActors reads a PETRARCH actor dictionary. An entry starts with an
// unindented name line; "+" lines and indented name lines are synonyms;
// "[CODE dates]" on any of its lines are its codes; "#" starts a comment.
func parseActors(data []byte) []pEntry {
	petrarchBracket := regexp.MustCompile(`\[([^\]]*)\]`)
	var out []pEntry
	var cur *pEntry
	for _, line := range lines(data) {
		line = strings.ToValidUTF8(line, "")
		comment := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line, comment = line[:i], strings.TrimSpace(line[i+1:])
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		name := strings.TrimSpace(petrarchBracket.ReplaceAllString(line, " "))
		switch {
		case name == "":
			// A code line.
		case strings.HasPrefix(name, "+") || indented:
			name = strings.TrimSpace(strings.TrimPrefix(name, "+"))
		default:
			out = append(out, pEntry{comment: comment})
			cur = &out[len(out)-1]
		}
		if cur == nil {
			continue
		}
		if n := normRaw(name); n != "" {
			cur.names = append(cur.names, n)
		}
		for _, m := range petrarchBracket.FindAllStringSubmatch(line, -1) {
			c, ok := parseCode(m[1])
			if !ok {
				if c.code != "" {
					cur.bad++
				}
				continue
			}
			cur.codes = append(cur.codes, c)
		}
	}
	return out
}

// normRaw normalises a raw dictionary name: words joined by "_", no
// trailing "_".
func normRaw(s string) string { return strings.Join(splitRaw(s), "_") }

// parseCode reads "CHNGOV >20121115", "KORGOV 070501-080731", "AFGELI",
// "USRGEO <910409"; a CAMEO country code that is not ISO is mapped to the
// ISO one ("TMPGOV" → "TLSGOV", see isoCountryCode). ok is false for the null code "---", codes that are
// not capitals and digits, and unreadable dates (then code is set).
func parseCode(s string) (pCode, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return pCode{}, false
	}
	c := pCode{code: f[0]}
	if len(c.code) < 3 {
		return pCode{}, false
	}
	for _, r := range c.code {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return pCode{}, false
		}
	}
	c.code = isoCountryCode(c.code)
	d := strings.Join(f[1:], "")
	if d == "" {
		return c, true
	}
	c.dated = true
	var ok1, ok2 bool
	switch {
	case strings.HasPrefix(d, ">"):
		c.from, ok1 = petrarchDate(d[1:])
		ok2 = true
	case strings.HasPrefix(d, "<"):
		c.to, ok2 = petrarchDate(d[1:])
		ok1 = true
	case strings.Contains(d, "-"):
		a, z, _ := strings.Cut(d, "-")
		c.from, ok1 = petrarchDate(a)
		c.to, ok2 = petrarchDate(z)
	default:
		c.from, ok1 = petrarchDate(d)
		ok2 = true
	}
	return c, ok1 && ok2
}

// petrarchDate converts YYMMDD (00–30 → 20YY, else 19YY, as PETRARCH and
// TABARI read it) or YYYYMMDD to "YYYY-MM-DD".
func petrarchDate(s string) (string, bool) {
	var y, m, d int
	var err error
	atoi := func(x string) int {
		n, e := strconv.Atoi(x)
		if e != nil {
			err = e
		}
		return n
	}
	switch len(s) {
	case 6:
		y, m, d = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:6])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	case 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	default:
		return "", false
	}
	if err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// readAgents reads the PETRARCH agents file: "PHRASE {plural} [~CODE]"
// lines and "!MARKER! = A, B" substitution sets. Regular plurals are made
// as PETRARCH makes them (Y → IES, S → SES, else S; MAN → MEN added here);
// "{}" means no plural; a substitution makes no plural. An explicit entry
// beats a generated plural; otherwise the later entry wins, as in PETRARCH.
func (b *builder) readAgents(context.Context) error {
	data, err := b.read(srcAgents)
	if err != nil {
		return err
	}
	type agentDef struct {
		sectors  []string
		explicit bool
	}
	defs := map[string]agentDef{}
	var order []string
	put := func(phrase string, sectors []string, explicit bool) {
		k := Key(phrase)
		if k == "" || len(sectors) == 0 {
			return
		}
		old, seen := defs[k]
		if seen && old.explicit && !explicit {
			return
		}
		if !seen {
			order = append(order, k)
		}
		defs[k] = agentDef{sectors, explicit}
	}
	subst := map[string][]string{}
	for _, line := range lines(data) {
		line = strings.ToValidUTF8(line, "")
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "<!") {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			name, items, _ := strings.Cut(line, "=")
			name = strings.Trim(strings.TrimSpace(name), "!")
			for _, it := range strings.Split(items, ",") {
				if it = strings.TrimSpace(it); it != "" {
					subst[name] = append(subst[name], it)
				}
			}
			continue
		}
		phrase, rest, ok := strings.Cut(line, "[")
		if !ok {
			continue
		}
		code, _, _ := strings.Cut(rest, "]")
		sectors := agentSectors(code)
		// The file's "ADMINISTRATION" was caught by a search and replace.
		phrase = strings.ReplaceAll(phrase, "AD!MINIST!RAT", "ADMINISTRAT")
		switch {
		case strings.Count(phrase, "!") >= 2:
			i := strings.IndexByte(phrase, '!')
			j := i + 1 + strings.IndexByte(phrase[i+1:], '!')
			for _, s := range subst[phrase[i+1:j]] {
				put(rawPhrase(phrase[:i]+s+phrase[j+1:]), sectors, true)
			}
		case strings.Contains(phrase, "{"):
			sing, pl, _ := strings.Cut(phrase, "{")
			pl, _, _ = strings.Cut(pl, "}")
			put(rawPhrase(sing), sectors, true)
			if p := rawPhrase(pl); p != "" {
				put(p, sectors, true)
			}
		default:
			sing := rawPhrase(phrase)
			put(sing, sectors, true)
			put(regularPlural(sing), sectors, false)
		}
	}
	for _, h := range handAgents() {
		if _, ok := defs[h.Phrase]; !ok {
			defs[h.Phrase] = agentDef{h.Sectors, true}
			order = append(order, h.Phrase)
		}
	}
	for _, k := range order {
		b.agents = append(b.agents, Agent{Phrase: k, Sectors: defs[k].sectors})
	}
	b.titleKeys = setOf(honorifics()...)
	for _, a := range b.agents {
		b.titleKeys[a.Phrase] = true
	}
	return nil
}

// rawPhrase turns "FOREIGN_MINISTER " into "FOREIGN MINISTER".
func rawPhrase(s string) string { return strings.Join(splitRaw(s), " ") }

// regularPlural makes the regular plural of a phrase's last word.
func regularPlural(p string) string {
	switch {
	case p == "":
		return ""
	case strings.HasSuffix(p, "MAN"):
		return p[:len(p)-3] + "MEN"
	case strings.HasSuffix(p, "Y") && len(p) > 1 && !strings.ContainsRune("AEIOU", rune(p[len(p)-2])):
		return p[:len(p)-1] + "IES"
	case strings.HasSuffix(p, "S"), strings.HasSuffix(p, "X"), strings.HasSuffix(p, "Z"),
		strings.HasSuffix(p, "CH"), strings.HasSuffix(p, "SH"):
		return p + "ES"
	}
	return p + "S"
}

// agentSectors splits an agent code ("~GOVMIL", "NGO~") into sectors.
func agentSectors(code string) []string {
	code = strings.Trim(strings.TrimSpace(code), "~")
	var out []string
	for i := 0; i+3 <= len(code); i += 3 {
		s := code[i : i+3]
		for _, r := range s {
			if r < 'A' || r > 'Z' {
				return out
			}
		}
		out = append(out, s)
	}
	return out
}

// readActors reads the three PETRARCH actor dictionaries: country entries
// lend their spellings to the countries; people become Persons with dated
// roles; the rest become Orgs.
func (b *builder) readActors(ctx context.Context) error {
	b.personByID = map[string]*Person{}
	b.personByKey = map[string][]*Person{}
	b.orgByID = map[string]*Org{}
	files := []struct{ path, kind string }{
		{srcPetCountry, ""}, {srcPetIntl, ""}, {srcPetMNSA, OrgGroup},
	}
	var undated []pEntry
	var undatedKind []string
	bad := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := b.read(f.path)
		if err != nil {
			return err
		}
		for _, e := range parseActors(data) {
			bad += e.bad
			if len(e.names) == 0 || len(e.codes) == 0 {
				continue
			}
			if iso := b.entryCountry(e); iso != "" {
				if f.path == srcPetCountry {
					i := b.byISO3[iso]
					for _, n := range e.names {
						b.addPetrarchCountryName(i, n)
					}
				}
				continue
			}
			if f.kind == OrgGroup {
				b.addOrg(e, OrgGroup)
				continue
			}
			dated := slices.ContainsFunc(e.codes, func(c pCode) bool { return c.dated })
			marked := strings.Contains(e.comment, "CountryInfo") || strings.Contains(e.comment, "IGOrulers")
			switch {
			case (dated || marked) && !b.looksOrg(e.names[0], false):
				b.addPerson(e)
			case dated || marked:
				b.addOrg(e, "")
			default:
				undated = append(undated, e)
				undatedKind = append(undatedKind, f.kind)
			}
		}
	}
	// Undated entries are people when they look like names: two to four
	// words, the first a first name of the dated people, no organisation word.
	b.firstNames = map[string]bool{}
	for _, p := range b.people {
		if toks := keyTokens(Key(p.Name)); len(toks) >= 2 && !b.titleKeys[toks[0]] {
			b.firstNames[toks[0]] = true
		}
	}
	for i, e := range undated {
		toks := keyTokens(Key(rawPhrase(e.names[0])))
		if len(toks) >= 2 && len(toks) <= 4 && b.firstNames[toks[0]] && !b.looksOrg(e.names[0], true) {
			b.addPerson(e)
		} else {
			b.addOrg(e, undatedKind[i])
		}
	}
	if bad > 0 {
		b.log.Debug("kb: PETRARCH code lines with unreadable dates dropped", "lines", bad)
	}
	return nil
}

// entryCountry returns the ISO3 code of a country entry ("CHINA_ [CHN]",
// "GEORGIA_ [USRGEO <910409] [GEOUNR …] [GEO >911221]"): a bare known ISO3
// code, the open-ended one when there are several; else "".
func (b *builder) entryCountry(e pEntry) string {
	iso := ""
	for _, c := range e.codes {
		if len(c.code) != 3 {
			continue
		}
		if _, ok := b.byISO3[c.code]; !ok {
			continue
		}
		if iso == "" || c.to == "" {
			iso = c.code
		}
	}
	return iso
}

// looksOrg reports whether a raw name has an organisation word; with
// function words, "of", "and" and the like count too.
func (b *builder) looksOrg(raw string, function bool) bool {
	for _, t := range keyTokens(Key(rawPhrase(raw))) {
		for _, w := range orgWords() {
			if t == w && (function || !isOrgFunctionWord(w)) {
				return true
			}
		}
	}
	return false
}

// stripTitles removes leading titles ("PRESIDENT", "UN SECRETARY-GENERAL",
// "CHINESE") from a raw name's words, keeping at least two words. titled
// reports a title that could not be stripped ("PRESIDENT_OBAMA").
func (b *builder) stripTitles(words []string) (out []string, titled bool) {
	isTitle := func(ws []string) bool {
		k := Key(strings.Join(ws, " "))
		k = strings.TrimSuffix(k, " elect") // "President-Elect"
		return b.titleKeys[k] || b.demonymKeys[k] || b.countryKeys[k] != ""
	}
	for len(words) >= 2 {
		n := 0
		for m := min(4, len(words)-1); m >= 1; m-- {
			if isTitle(words[:m]) {
				n = m
				break
			}
		}
		if n == 0 {
			return words, false
		}
		if len(words)-n < 2 {
			return words, true
		}
		words = words[n:]
	}
	return words, false
}

// personNames turns an entry's raw names into a display name and aliases,
// titles stripped, deduplicated by key.
func (b *builder) personNames(raw []string) (string, []string) {
	var names, titled []string
	for _, r := range raw {
		words, t := b.stripTitles(splitRaw(r))
		if len(words) == 0 || isCollective(words) {
			continue
		}
		n := titleCase(words, stylePerson)
		if t {
			titled, _ = addName(titled, "", n)
		} else {
			names, _ = addName(names, "", n)
		}
	}
	if len(names) == 0 {
		names = titled
	}
	if len(names) == 0 {
		return "", nil
	}
	return names[0], names[1:]
}

// isCollective reports a name of a group around a person ("OBAMA
// ADMINISTRATION", "ASSAD REGIME"): not a name of the person.
func isCollective(words []string) bool {
	for _, w := range words {
		switch strings.ToLower(w) {
		case "administration", "government", "regime", "cabinet", "camp", "family", "loyalists", "supporters", "forces":
			return true
		}
	}
	return false
}

// addPerson adds or merges a PETRARCH person.
func (b *builder) addPerson(e pEntry) {
	id := "petrarch:" + e.names[0]
	name, aliases := b.personNames(e.names)
	if name == "" {
		return
	}
	var roles []Role
	for _, c := range e.codes {
		roles = addRole(roles, Role{Code: c.code, From: c.from, To: c.to})
	}
	p := b.personByID[id]
	if p == nil {
		// The same name spelt another way in another entry ("BAN_KI_MOON",
		// "SECRETARY-GENERAL_BAN_KI-MOON") is the same person when the two
		// share a country.
		for _, q := range b.personByKey[Key(name)] {
			if shareCountry(q.Roles, roles) || !b.hasCountryRole(q.Roles) || !b.hasCountryRole(roles) {
				p = q
				break
			}
		}
		if p != nil && !strings.Contains(p.Name, "-") && strings.Contains(name, "-") {
			p.Name = name
		}
	}
	if p == nil {
		p = &Person{ID: id, Name: name}
		b.people = append(b.people, p)
		if len(keyTokens(Key(name))) >= 2 {
			b.personByKey[Key(name)] = append(b.personByKey[Key(name)], p)
		}
	}
	b.personByID[id] = p
	p.Aliases, _ = addName(p.Aliases, Key(p.Name), name)
	for _, a := range aliases {
		p.Aliases, _ = addName(p.Aliases, Key(p.Name), a)
	}
	for _, r := range roles {
		p.Roles = addRole(p.Roles, r)
	}
}

// hasCountryRole reports whether a role's code starts with a country.
func (b *builder) hasCountryRole(roles []Role) bool {
	for _, r := range roles {
		if len(r.Code) >= 3 {
			if _, ok := b.byISO3[r.Code[:3]]; ok {
				return true
			}
		}
	}
	return false
}

// shareCountry reports whether two role lists have a code prefix (country
// or IGO) in common.
func shareCountry(a, b []Role) bool {
	for _, x := range a {
		for _, y := range b {
			if len(x.Code) >= 3 && len(y.Code) >= 3 && x.Code[:3] == y.Code[:3] {
				return true
			}
		}
	}
	return false
}

// addRole appends r unless it is there already.
func addRole(roles []Role, r Role) []Role {
	if slices.Contains(roles, r) {
		return roles
	}
	return append(roles, r)
}

// sortRoles orders roles by From ("" first), then To, then Code.
func sortRoles(roles []Role) {
	slices.SortStableFunc(roles, func(x, y Role) int {
		if c := strings.Compare(x.From, y.From); c != 0 {
			return c
		}
		if c := strings.Compare(x.To, y.To); c != 0 {
			return c
		}
		return strings.Compare(x.Code, y.Code)
	})
}

// addOrg adds or merges a PETRARCH organisation; kind "" is decided by
// the code.
func (b *builder) addOrg(e pEntry, kind string) {
	// A place under its own name is not an organisation
	// ("UNITED_STATES_VIRGIN_ISLANDS [USAVIR]").
	k0 := stripThe(Key(rawPhrase(e.names[0])))
	if b.countryKeys[k0] != "" || b.placeKeys[k0] {
		return
	}
	code := ""
	for _, c := range e.codes {
		if code == "" || !c.dated || c.to == "" {
			code = c.code
		}
	}
	if kind == "" {
		kind = orgKind(code)
	}
	id := "petrarch:" + e.names[0]
	o := b.orgByID[id]
	var names []string
	for _, r := range e.names {
		words := splitRaw(r)
		if len(words) > 1 && strings.EqualFold(words[0], "THE") {
			words = words[1:]
		}
		names, _ = addName(names, "", smartCase(strings.Join(words, "_"), styleOrg))
	}
	if len(names) == 0 {
		return
	}
	if o == nil {
		o = &Org{ID: id, Name: names[0], Code: code, Kind: kind}
		if len(code) >= 3 {
			if _, ok := b.byISO3[code[:3]]; ok {
				o.Country = code[:3]
			}
		}
		b.orgByID[id] = o
		b.orgs = append(b.orgs, o)
	}
	for _, n := range names {
		o.Aliases, _ = addName(o.Aliases, Key(o.Name), n)
	}
}

// orgKind classifies an organisation by its PETRARCH code.
func orgKind(code string) string {
	switch {
	case strings.HasPrefix(code, "IGO"):
		return OrgIGO
	case strings.HasPrefix(code, "NGO"), strings.HasPrefix(code, "NGM"):
		return OrgNGO
	}
	for i := 0; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "REB", "INS", "UAF", "IMG", "SEP":
			return OrgGroup
		}
	}
	return OrgOther
}
