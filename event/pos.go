package event

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// Many of the dictionary's verbs are nouns as often as verbs in news
// ("food aid", "peacekeeping forces", "a peace deal", "air raids", "a U.S.
// request"). Without a tagger, the word's form and its left neighbour
// decide, the way a reader would: a base or -s form after a determiner, a
// possessive, a number, a preposition or an adjective-like word is a noun;
// after a subject, an auxiliary, a modal or "to" it is a verb. Past forms
// and participles stay verbs unless a determiner makes them nouns.

// verbForm classes a verb form by its ending.
type verbForm int

const (
	formBase verbForm = iota // aid, force, reject
	formS                    // aids, forces, rejects
	formEd                   // aided, forced, rejected; irregular pasts
	formIng                  // aiding, forcing
)

func formOf(w string, fl wordFlag) verbForm {
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 4:
		return formIng
	case strings.HasSuffix(w, "ed") || fl&fPastIrreg != 0:
		return formEd
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return formS
	}
	return formBase
}

// posAdverb reports words skipped when looking for a verb's left
// neighbour ("Syria has again offered", "the UN today agreed").
func posAdverb(w string) bool {
	switch w {
	case "also", "again", "already", "now", "today", "yesterday", "tonight", "reportedly", "still",
		"finally", "formally", "further", "repeatedly", "previously", "recently", "then", "just",
		"officially", "effectively", "jointly", "publicly", "strongly", "quickly", "immediately",
		"subsequently", "later", "once", "twice", "routinely", "allegedly", "apparently", "initially",
		"unilaterally", "personally", "secretly", "swiftly", "firmly", "flatly", "sharply", "openly",
		"abruptly", "briefly", "partly", "largely", "mostly", "only", "even", "ever", "actually":
		return true
	}
	return strings.HasSuffix(w, "ly") && len(w) > 5
}

// verbalLeft reports words after which any verb form is a verb: subject
// pronouns, auxiliaries, modals, the infinitive's "to", negations.
func verbalLeft(w string) bool {
	switch w {
	case "to", "he", "she", "it", "they", "we", "i", "you", "who", "which", "that",
		"will", "would", "shall", "should", "can", "could", "may", "might", "must",
		"do", "does", "did", "not", "n't", "never", "cannot", "'ll", "'d",
		"has", "have", "had", "'ve", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am",
		"and", "or", "but", "then", "also":
		return true
	}
	return false
}

// nominalLeft reports words after which a base or -s form is a noun:
// determiners, possessives, quantifiers, prepositions.
func nominalLeft(w string) bool {
	switch w {
	case "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
		"any", "no", "every", "each", "some", "another", "other", "such", "more", "most", "many", "much",
		"several", "few", "both", "all", "new", "first", "last", "second", "third", "further",
		"of", "for", "in", "on", "at", "from", "with", "without", "by", "into", "over", "under", "against",
		"about", "after", "before", "during", "between", "among", "amid", "despite", "through", "toward",
		"towards", "upon", "within", "across", "via", "per", "than":
		return true
	}
	return false
}

// verbUse reports whether the dictionary word at token i of the sentence
// [lo, hi) is used as a verb.
func (c *coder) verbUse(i, lo, hi int) bool {
	w := c.lower[i]
	t := c.toks[i]
	form := formOf(w, c.fl[i])
	// A capitalised word inside a sentence is a name or a month ("the
	// Canadian Press", "last March").
	if i > lo && isUpper(t.Text) && c.toks[i-1].Kind != text.Quote && c.toks[i-1].Text != ":" {
		return false
	}
	// "aimed at", "aimed to" say what something is for; to expect is to
	// foresee, not to act ("Hyundai expects its sales to grow").
	if strings.HasPrefix(w, "aim") && i+1 < hi && (c.lower[i+1] == "at" || c.lower[i+1] == "to") ||
		strings.HasPrefix(w, "expect") {
		return false
	}
	// "according to" attributes a report; it is no event; "expected to",
	// "scheduled to" say what may happen (the verb after them is coded,
	// as hypothetical).
	if i+1 < hi && c.lower[i+1] == "to" {
		switch w {
		case "according", "expected", "scheduled", "slated", "poised":
			return false
		}
	}
	p := i - 1
	for p >= lo && c.toks[p].Kind == text.Word && posAdverb(c.lower[p]) && c.mentionAt[p] == 0 && !c.inMent[p] {
		p--
	}
	if p < lo {
		// The sentence's first word: "Talks resumed", "Aid flows".
		return form == formEd || form == formIng
	}
	pt, pw := c.toks[p], c.lower[p]
	if c.inMent[p] || c.mentionEndingAt(p) != nil {
		if form == formIng && c.finiteAfter(i+2, hi) {
			// "British aircraft using guided missiles killed …": a
			// participle describing the subject of a later verb.
			return false
		}
		if form == formEd || form == formIng {
			return true
		}
		// "a U.S. request", "Israeli changes": an adjective, or a name
		// after an article that is not "the", makes a noun; so does the
		// sentence's verb just after ("Norwegian peacekeeping forces
		// delivered").
		if form == formS && i+1 < hi && c.finiteNext(i+1) {
			return false
		}
		// "the first EU trade agreement": a compound noun.
		if i+1 < hi && nounSuffix(c.lower[i+1]) {
			return false
		}
		return !c.modifierMention(p, lo)
	}
	if pt.Kind == text.Clitic && pw == "'s" {
		// "Israel's militia ally", "Belarus's rulers".
		return form == formEd
	}
	if pt.Kind != text.Word && pt.Kind != text.Clitic {
		switch {
		case pt.Kind == text.Number:
			return false
		case pt.Text == ",":
			// "…, commanded by General X, …": a participle in apposition
			// describes a noun.
			if form == formEd && c.find(i+1, min(hi, i+4), "by") >= 0 {
				return false
			}
			return form == formEd || form == formIng
		}
		return true
	}
	if verbalLeft(pw) {
		return true
	}
	if nominalLeft(pw) || c.fl[p]&fDeterminers != 0 {
		return false
	}
	switch form {
	case formEd:
		// "a terror suspect held in Guantanamo Bay plans to sue": a
		// participle after a noun, followed by a preposition, before the
		// clause's own verb, describes the noun; so does one after the
		// clause's verb ("shortened the curfew imposed in Sudan").
		return !c.reducedRelative(i, hi) && !(i+1 < hi && preposition(c.lower[i+1]) && c.finiteBefore(lo, i))
	case formIng:
		return true
	case formS:
		// "security forces attacked" (noun) against "the army shells the
		// town" (verb): a verb takes its object next.
		return i+1 < hi && c.objectStart(i+1)
	}
	// A base form after a plural noun is a verb ("rebels reject"), after
	// another noun or an adjective a noun ("military aid"), and so after
	// a possessive and a noun ("its fisheries dispute").
	if isUpper(pt.Text) {
		// "Palestinians reject", but "the Serbo-Croatian conflict" and
		// "the UK Independence Party whip": after a demonym, or after a
		// name an article opens, the word is a noun.
		return !demonymLike(pw) && !c.articleOpensName(p, lo)
	}
	if p > lo && possessive(c.lower[p-1]) {
		return false
	}
	// "a suspected weapons supply": a singular article opens the noun
	// phrase the plural only modifies.
	for k := p - 1; k >= lo && k >= p-2; k-- {
		if c.lower[k] == "a" || c.lower[k] == "an" {
			return false
		}
	}
	return strings.HasSuffix(pw, "s") && !strings.HasSuffix(pw, "ss")
}

// modifierMention reports an actor mention ending at token p that modifies
// the next word: a demonym ("Israeli", "Senegalese") or a name after an
// article other than "the" or a possessive ("a U.S. request").
func (c *coder) modifierMention(p, lo int) bool {
	m := c.mentionEndingAt(p)
	first := p
	if m != nil {
		first = m.first
	} else {
		for first > lo && c.inMent[first-1] {
			first--
		}
	}
	if first > lo {
		switch c.lower[first-1] {
		case "a", "an", "its", "his", "her", "their", "our", "'s", "of", "for", "with", "by", "to", "on", "in":
			return true
		case "the":
			// "resigned the Free Peru Party whip in October": after
			// "the" and a name, a word with no object of its own is a
			// noun ("the Taliban reject the plan" keeps its verb).
			if p+2 < len(c.toks) && (preposition(c.lower[p+2]) || c.toks[p+2].Kind == text.Punct) {
				return true
			}
		}
	}
	last := c.toks[p].Text
	if strings.HasSuffix(last, "s") {
		return false
	}
	if m != nil && m.ent != nil && c.s.kb != nil {
		if c.s.kb.Demonym(last) != nil {
			return true
		}
	}
	return false
}

// objectStart reports a token that can open a verb's object: a
// determiner, a name, a pronoun, a number, "that".
func (c *coder) objectStart(i int) bool {
	t := c.toks[i]
	if c.mentionAt[i] != 0 || c.inMent[i] || t.Kind == text.Number {
		return true
	}
	if c.fl[i]&fDeterminers != 0 {
		return true
	}
	switch c.lower[i] {
	case "that", "him", "them", "us", "it", "her", "this", "these", "those", "some", "all", "any", "no":
		return true
	}
	return false
}

func isUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// partiesFollow reports a noun that names its parties next: "talks
// between X and Y", "a meeting with X", "a meeting he had with X" — the
// nominal events the coder reads on their own. Only a pronoun and a form
// of have or hold may stand between ("visiting forces agreement with X"
// is no visit).
func (c *coder) partiesFollow(i, hi int) bool {
	if !meetingNoun(c.lower[i]) {
		// "the conflict between X and Y", "air links with X" are states,
		// not events.
		return false
	}
	for j := i + 1; j < hi && j <= i+3; j++ {
		w := c.lower[j]
		if w == "between" || w == "with" {
			for k := j + 1; k < hi && k <= j+3; k++ {
				if c.mentionAt[k] != 0 {
					return true
				}
				if c.toks[k].Kind == text.Punct {
					return false
				}
			}
			return false
		}
		switch w {
		case "he", "she", "they", "we", "it", "had", "has", "have", "held", "holds", "hold":
			continue
		}
		return false
	}
	return false
}

// nounBefore reports a plain noun at i, the head of a noun phrase an
// infinitive completes ("responsibility to", "plan to"): a lower-case word
// after a determiner or an adjective, not a verb, an intent word or an
// auxiliary.
func (c *coder) nounBefore(i int) bool {
	if i < 1 || c.toks[i].Kind != text.Word || isUpper(c.toks[i].Text) {
		return false
	}
	w := c.lower[i]
	if c.fl[i]&(fIntentWords|fRefuseWords|fBeForms|fPastAux|fModals|fFutures|fSkipAdv|fAgreeForms) != 0 || verbalLeft(w) {
		return false
	}
	switch w {
	case "ready", "willing", "prepared", "able", "unable", "likely", "set", "due", "going", "about", "trying", "seeking", "order", "expected":
		return false
	}
	if c.isVerbWord(i) {
		// A dictionary verb: a noun only after a determiner ("a plan").
		return c.fl[i-1]&fDeterminers != 0 || nominalLeft(c.lower[i-1])
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
		return false
	}
	return c.fl[i-1]&fDeterminers != 0 || nominalLeft(c.lower[i-1]) || c.toks[i-1].Kind == text.Word && !verbalLeft(c.lower[i-1]) && !c.isVerbWord(i-1)
}

// subordinate reports a participle that modifies what came before rather
// than telling news of its own, after the clause's coded verb at last: a
// reduced relative ("borders open to West Africans ordered out of
// Nigeria", "the curfew imposed in Sudan") or a participial phrase
// ("…, killing one person"). A coordinated verb ("killed one soldier and
// wounded two") and a new clause ("said that …") are not.
func (c *coder) subordinate(v, last int) bool {
	form := formOf(c.lower[v], c.fl[v])
	if form != formEd && form != formIng {
		return false
	}
	for i := last + 1; i < v; i++ {
		switch c.lower[i] {
		case "and", "or", "but":
			// Coordinated verbs ("killed one soldier and wounded two"),
			// not coordinated nouns ("the president and his party").
			if i >= v-2 {
				return false
			}
		case ";", "that", "while", "as", "then":
			return false
		}
		if c.fl[i]&(fBeForms|fPastAux|fModals|fFutures) != 0 || verbalLeft(c.lower[i]) && c.lower[i] != "to" && c.lower[i] != "which" && c.lower[i] != "who" {
			if i == v-1 {
				return false
			}
		}
	}
	return true
}

// futureAfter reports a future or an intention in [from, to): "will",
// "would", "'ll", "willing", "ready", "prepared", "plans", "intends".
func (c *coder) futureAfter(from, to int) bool {
	for i := from; i < to && i < from+6; i++ {
		switch c.lower[i] {
		case "will", "'ll", "would", "willing", "ready", "prepared", "plans", "intends", "going":
			return true
		}
	}
	return false
}

// travelVerb reports the verbs of going somewhere, whose destination is
// the target of a visit ("arrived in Amman").
func travelVerb(w string) bool {
	for _, v := range [...]string{"arriv", "visit", "travel", "fly", "flew", "tour", "went", "came", "head"} {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// bombing reports a sentence about a non-military bombing: a bomb,
// bomber or explosive device, and no aircraft.
func (c *coder) bombing(lo, hi int) bool {
	bomb := false
	for i := lo; i < hi; i++ {
		if militaryMeans(c.lower[i]) {
			return false
		}
		switch c.lower[i] {
		case "bomb", "bombs", "bombing", "bombings", "bomber", "bombers", "explosive", "explosives", "ied", "ieds", "car-bomb", "suicide":
			bomb = true
		}
	}
	return bomb
}

// militaryMeans reports a word for the weapons and engagements of armed
// forces: what is done with them is fighting (19), whoever it hits.
func militaryMeans(w string) bool {
	switch w {
	case "aircraft", "warplanes", "jets", "planes", "air", "airstrike", "airstrikes", "helicopter", "helicopters", "gunships",
		"shell", "shells", "shelled", "shelling", "tank", "tanks", "artillery", "mortar", "mortars", "missile", "missiles", "rocket", "rockets",
		"gunbattle", "gunbattles", "battle", "battles", "clashes", "fighting", "offensive", "mine", "mines", "minefield", "landmine", "landmines":
		return true
	}
	return false
}

// armedForce reports a word of military means in [lo, hi).
func (c *coder) armedForce(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if militaryMeans(c.lower[i]) {
			return true
		}
	}
	return false
}

// forceOnUnarmed reports force whose victims are unarmed and whose means
// are not military's, in the sentence [lo, hi).
func (c *coder) forceOnUnarmed(lo, hi int, tgt *mention) bool {
	return tgt != nil && unarmed(tgt.ent) && !c.armedForce(lo, hi)
}

// finiteNext reports a verb that follows a noun at i: a past form or an
// auxiliary ("forces delivered", "forces have").
func (c *coder) finiteNext(i int) bool {
	w := c.lower[i]
	if c.fl[i]&(fBeForms|fPastAux|fModals|fFutures) != 0 {
		return true
	}
	switch w {
	case "has", "have":
		return true
	}
	return c.isVerbWord(i) && formOf(w, c.fl[i]) == formEd
}

// mustBefore reports "must" among the few words before the verb at v.
func (c *coder) mustBefore(v, cl int) bool {
	for i := v - 1; i >= cl && i >= v-3; i-- {
		if c.lower[i] == "must" {
			return true
		}
	}
	return false
}

// protestCode codes the protests PETRARCH's verbs miss: a protest noun
// after a light verb ("staged demonstrations", "began a hunger strike",
// "organized a general strike": 141, 142, 143, 145) and blocking a way
// ("blocked roads": 144, obstruct passage). It returns "" otherwise.
func (c *coder) protestCode(h hit, ch int) string {
	w := c.lower[h.v]
	light := false
	for _, v := range [...]string{"stag", "held", "hold", "organi", "launch", "began", "begin", "start", "call", "continu", "mount", "join", "resum", "went", "go", "declar", "threaten", "open", "conduct", "complet"} {
		if strings.HasPrefix(w, v) {
			light = true
			break
		}
	}
	block := strings.HasPrefix(w, "block")
	if !light && !block || c.lower[h.ve] == "off" || h.ve+1 < ch && c.lower[h.ve+1] == "off" {
		// "called off a strike" ends one.
		return ""
	}
	if light && c.investigationNoun(h.ve+1, ch) {
		// "opened an investigation into", "launched a probe": CAMEO 090.
		return "090"
	}
	for i := h.ve + 1; i < ch && i <= h.ve+5; i++ {
		n := c.lower[i]
		if block {
			switch n {
			case "road", "roads", "street", "streets", "bridge", "bridges", "highway", "highways", "traffic", "transport", "railway", "railways", "access", "entrance", "entrances", "port", "crossing", "crossings", "motorway", "motorways":
				return "144"
			}
			continue
		}
		switch n {
		case "demonstration", "demonstrations", "rally", "rallies", "protest", "protests", "march", "marches", "sit-in", "sit-ins", "vigil", "vigils":
			return "141"
		case "hunger":
			if i+1 < ch && strings.HasPrefix(c.lower[i+1], "strike") {
				return "142"
			}
		case "strike", "strikes", "boycott", "boycotts", "walkout", "walkouts", "stoppage":
			return "143"
		case "blockade", "blockades", "roadblock", "roadblocks":
			return "144"
		case "riot", "riots":
			return "145"
		}
		if c.toks[i].Kind != text.Word || c.mentionAt[i] != 0 {
			break
		}
	}
	return ""
}

// domesticRoot reports the roots whose unnamed target is the people of a
// country: yielding (08), protest (14), coercion (17), assault (18),
// fighting (19), mass violence (20).
func domesticRoot(root string) bool {
	switch root {
	case "08", "14", "17", "18", "19", "20":
		return true
	}
	return false
}

// domesticCountry is the country of an action without a named target: the
// country of the first actor or place after in/at/near in the clause, else
// of the event's location, else the source's own.
func (c *coder) domesticCountry(cl, ch int, src mention, loc *newsgraph.Place) string {
	for i := cl + 1; i < ch; i++ {
		if c.mentionAt[i] == 0 || !c.afterLocPrep(i) {
			continue
		}
		m := &c.ments[c.mentionAt[i]-1]
		if m.ent.Actor != nil && m.ent.Actor.Country != "" {
			return m.ent.Actor.Country
		}
	}
	if loc != nil && loc.Country != "" {
		return loc.Country
	}
	if src.ent != nil && src.ent.Actor != nil {
		return src.ent.Actor.Country
	}
	return ""
}

// cooperativeRoot reports the roots of cooperation whose negation is a
// refusal: intent (03), meeting (04), diplomatic and material
// cooperation (05, 06), aid (07), yielding (08).
func cooperativeRoot(root string) bool {
	switch root {
	case "03", "04", "05", "06", "07", "08":
		return true
	}
	return false
}

// mustDemands codes "X said/declared/reiterated (that) Y must VERB" as X's
// demand of Y (CAMEO 100), with the governing verb as trigger, and marks
// the verbs of the governing clause and of the demand consumed.
func (c *coder) mustDemands(si int, sent text.Sentence, lo, hi int, hits []hit, consumed []bool) []newsgraph.Event {
	var out []newsgraph.Event
	for k := lo + 1; k < hi; k++ {
		if c.lower[k] != "must" {
			continue
		}
		y := c.mentionEndingAt(k - 1)
		if y == nil {
			continue
		}
		// The governing verb: the nearest verb before Y, a few words away.
		g := -1
		for i, h := range hits {
			if h.ve < y.first && y.first-h.ve <= 8 && !consumed[h.v] {
				g = i
			}
		}
		if g < 0 {
			continue
		}
		h := hits[g]
		cl := lo
		for i := h.v - 1; i >= lo; i-- {
			if c.clauseBound(i) {
				cl = i + 1
				break
			}
		}
		x := c.subject(cl, h.v)
		if x == nil || x.ent == y.ent {
			continue
		}
		for i := h.ve + 1; i < y.first; i++ {
			if c.mentionAt[i] != 0 && c.fl[i-1]&fLocPreps == 0 && c.lower[i-1] != "to" {
				x = nil // "X told Z that Y must": Z stands between; leave it to the rules
				break
			}
		}
		if x == nil {
			continue
		}
		consumed[h.v] = true
		end := hi
		for i := k + 1; i < hi; i++ {
			if c.clauseBound(i) {
				end = i
				break
			}
		}
		for _, n := range hits {
			if n.v > k && n.v < end {
				consumed[n.v] = true
			}
		}
		out = append(out, c.event(si, sent, h, "100", *x, y, nil, false, confBase+confTarget, true, false))
	}
	return out
}

// speechBefore reports a verb of saying in [from, v): "said", "announced",
// "told reporters" — the clause at v is what was said.
func (c *coder) speechBefore(from, v int) bool {
	for i := from; i < v; i++ {
		switch c.lower[i] {
		case "said", "says", "say", "announced", "announces", "stated", "declared", "told", "added", "confirmed",
			"insisted", "promised", "warned", "indicated", "claimed", "reported", "explained", "wrote", "saying":
			return true
		}
	}
	return false
}

// isVerbWord reports a word the dictionary has as a verb form (its word
// index also holds the words of patterns).
func (c *coder) isVerbWord(i int) bool {
	return c.wi[i] != nil && len(c.wi[i].forms) > 0
}

// nounSuffix reports a word with a noun's ending ("agreement",
// "negotiations", "partnership").
func nounSuffix(w string) bool {
	w = strings.TrimSuffix(w, "s")
	for _, suf := range [...]string{"ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship", "ism", "ure"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// datelineEnd returns the code-point offset where a paragraph's dateline
// ends ("NEW YORK, April 16 -", "MANILA, Philippines —", "BALI (Reuters)
// -"), 0 when it has none: an upper-case place opening the paragraph and
// a spaced dash or a parenthesis within the first 60 characters
// ("NATO-member Norway" has none).
func datelineEnd(p string) int {
	n, letters := 0, 0
	for _, r := range p {
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsUpper(r) {
			return 0
		}
		letters++
		n++
	}
	if letters < 3 {
		return 0
	}
	i, prev := 0, rune(0)
	for _, r := range p {
		if i > 60 {
			return 0
		}
		switch r {
		case '-', '—', '–':
			if prev == ' ' {
				return i + 1
			}
		case '(':
			return i + 1
		}
		prev = r
		i++
	}
	return 0
}

// inProtest reports "to protest", "to demonstrate", "in protest" in
// [from, to), a few words on: the purpose of the action before it.
func (c *coder) inProtest(from, to int) bool {
	for i := from; i+1 < to && i < from+12; i++ {
		if c.lower[i] != "to" && c.lower[i] != "in" {
			continue
		}
		switch c.lower[i+1] {
		case "protest", "demonstrate", "rally":
			return true
		}
	}
	return false
}

// violentRoot reports the roots of violence (18–20), which a protest's
// purpose does not turn into a protest.
func violentRoot(root string) bool {
	return root == "18" || root == "19" || root == "20"
}

// meetingNoun reports the nouns of an encounter, which name an event with
// their parties: "talks with", "a meeting between", "a visit to".
func meetingNoun(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "meeting", "talk", "negotiation", "visit", "discussion", "consultation", "summit", "conversation",
		"call", "encounter", "dialogue", "session", "contact":
		return true
	}
	return false
}

// likelyBefore reports a verb that follows "likely to", "expected to",
// "set to", "due to", "poised to": what may happen, not what did.
func (c *coder) likelyBefore(v, lo int) bool {
	if v-2 >= lo && c.lower[v-1] == "be" && c.lower[v-2] == "to" {
		v-- // "expected to be joined"
	}
	if v-2 < lo || c.lower[v-1] != "to" {
		return false
	}
	switch c.lower[v-2] {
	case "likely", "expected", "set", "due", "poised", "unlikely", "scheduled", "slated":
		return true
	}
	return false
}

// aspectWord reports the verbs that only say when another happens
// ("continued to send arms", "began to withdraw") or that it was decided
// ("decided to allow": a decision is an act, not an intent): the verb
// after "to" carries the event.
func aspectWord(w string) bool {
	for _, v := range [...]string{"continu", "began", "begin", "start", "resum", "kept", "keep", "decid"} {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// issuedCode codes what was issued when PETRARCH's patterns do not: a
// declaration or a communiqué is a statement (010), an appeal or a call
// an appeal (020), an ultimatum or a threat a threat (130), an apology an
// apology (055). "" when none follows.
func (c *coder) issuedCode(from, to int) string {
	for i := from; i < to && i < from+5; i++ {
		switch c.lower[i] {
		case "declaration", "declarations", "communique", "communiqué", "reminder", "statement", "statements":
			return "010"
		case "appeal", "appeals", "call", "calls", "plea":
			return "020"
		case "ultimatum", "threat", "threats", "warning", "warnings":
			return "130"
		case "apology":
			return "055"
		}
	}
	return ""
}

// expelCode codes expelling by whom is expelled (CAMEO 16): diplomats
// break relations (161), peacekeepers (1661), inspectors and observers
// (1662), aid agencies and their workers (1663); "" for anyone else
// (deporting people stays 174). Withdrawing one's own peacekeepers,
// inspectors or aid workers is coded the same (166x).
func (c *coder) expelCode(from, to int) string {
	for i := from; i < to && i < from+8; i++ {
		switch c.lower[i] {
		case "diplomat", "diplomats", "ambassador", "ambassadors", "envoy", "envoys", "attache", "attaché", "consul":
			return "161"
		case "peacekeepers", "peacekeeping", "peace-keepers":
			return "1661"
		case "inspectors", "inspector", "observers", "monitors":
			return "1662"
		case "aid", "agency", "agencies", "relief":
			return "1663"
		}
	}
	return ""
}

// investigationNoun reports an investigation noun among the few words in
// [from, to): "an investigation", "a fraud inquiry", "a probe".
func (c *coder) investigationNoun(from, to int) bool {
	for i := from; i < to && i < from+4; i++ {
		switch c.lower[i] {
		case "investigation", "investigations", "inquiry", "inquiries", "enquiry", "probe", "probes", "hearing", "hearings":
			return true
		}
	}
	return false
}

// agentHead reports a mention at first that heads the phrase opening at
// from: only determiners, numbers and adjectives before it, no noun
// phrase of its own with a preposition ("a strong performance in").
func (c *coder) agentHead(from, first int) bool {
	if first-from > 3 {
		return false
	}
	for i := from; i < first; i++ {
		if c.toks[i].Kind != text.Word && c.toks[i].Kind != text.Number {
			return false
		}
		if preposition(c.lower[i]) {
			return false // the mention is in another noun's phrase
		}
	}
	return true
}

// preposition reports a preposition.
func preposition(w string) bool {
	switch w {
	case "of", "for", "in", "on", "at", "from", "with", "without", "by", "into", "over", "under", "against",
		"about", "after", "before", "during", "between", "among", "amid", "through", "toward", "towards",
		"upon", "within", "across", "via", "per":
		return true
	}
	return false
}

// mutualRoot reports the roots whose coordinated sources act on each other
// ("Israel and Lebanon renewed negotiations", "agreed", "fought"); with
// other verbs ("X and Y suggested") they only act together.
func mutualRoot(root string) bool {
	switch root {
	case "03", "04", "05", "06", "19":
		return true
	}
	return false
}

// inPlaceList reports a mention after "and" whose partner before "and"
// follows in/at/near/from/to: "in Afghanistan and Pakistan".
func (c *coder) inPlaceList(m *mention, cl int) bool {
	and := m.first - 1
	if and <= cl || c.lower[and] != "and" {
		return false
	}
	prev := c.mentionEndingAt(and - 1)
	if prev == nil || prev.first <= cl {
		return false
	}
	w := c.lower[prev.first-1]
	return c.fl[prev.first-1]&fLocPreps != 0 || w == "from" || w == "to"
}

// reducedRelative reports a participle at i (after a plain noun) that a
// preposition follows and a verb of its own clause comes after, with no
// "and" between: "a suspect held in Guantanamo Bay plans to sue".
func (c *coder) reducedRelative(i, hi int) bool {
	if i+1 >= hi || !preposition(c.lower[i+1]) {
		return false
	}
	for j := i + 2; j < hi; j++ {
		w := c.lower[j]
		if w == "and" || w == "or" || c.toks[j].Kind == text.Punct || c.toks[j].Kind == text.Quote {
			return false
		}
		if c.fl[j]&(fBeForms|fPastAux|fModals|fFutures) != 0 {
			return true
		}
		if c.isVerbWord(j) && formOf(w, c.fl[j]) == formS && c.mentionAt[j] == 0 && !c.inMent[j] && !preposition(c.lower[j-1]) && c.fl[j-1]&fDeterminers == 0 {
			return true
		}
		switch w {
		case "plans", "says", "said", "wants", "faces", "remains", "is", "was":
			return true
		}
	}
	return false
}

// directiveBefore reports a verb of asking or telling in the dozen words
// before the infinitive's "to" at to, with its object between: "urged X
// to", "called on X to", "asked the government to", "told them to".
func (c *coder) directiveBefore(lo, to int) bool {
	for i := to - 2; i >= lo && i >= to-14; i-- {
		w := c.lower[i]
		if c.toks[i].Kind == text.Punct && w != "," || c.clauseBound(i) && c.toks[i].Kind != text.Punct {
			return false
		}
		if directiveVerb(w) {
			return true
		}
	}
	return false
}

// directiveVerb reports a form of a verb of asking or telling someone to
// act.
func directiveVerb(w string) bool {
	for _, base := range [...]string{"urge", "ask", "call", "tell", "order", "press", "encourage", "invite", "appeal", "persuade", "implore", "beg", "instruct", "advise", "exhort", "request"} {
		if w == base || w == base+"s" || w == base+"d" || w == base+"ed" || w == base+"ing" ||
			strings.HasSuffix(base, "e") && w == base[:len(base)-1]+"ing" {
			return true
		}
	}
	switch w {
	case "told", "begged", "begging", "pressed":
		return true
	}
	return false
}

// boundTime reports a time expression that bounds something rather than
// dates it: "by 2050", "before 2015", "until March", "since 2019".
func (c *coder) boundTime(t newsgraph.TimeExpr, lo, hi int) bool {
	for i := lo + 1; i < hi; i++ {
		if c.toks[i].Start != t.Start {
			continue
		}
		switch c.lower[i-1] {
		case "by", "before", "until", "till", "since", "through", "throughout":
			return true
		}
		return false
	}
	return false
}

// counterpartRoot reports the roots of acts done with or for someone —
// consulting (04), diplomatic and material cooperation (05, 06), aid (07)
// — which are no events without a target.
func counterpartRoot(root string) bool {
	switch root {
	case "04", "05", "06", "07":
		return true
	}
	return false
}

// unarmed reports a target that does not fight back: a person, or people
// the actor stage puts in an unarmed sector (civilians, refugees, media,
// health and aid workers, teachers, clergy).
func unarmed(e *newsgraph.Entity) bool {
	if e == nil || e.Actor == nil {
		return false
	}
	if e.Type == "PERSON" {
		return true
	}
	for _, s := range e.Actor.Sectors {
		switch s {
		case "CVL", "REF", "MED", "HLH", "EDU", "REL":
			return true
		}
	}
	return false
}

// assaultCode is the assault (CAMEO 18) a verb of force names when it
// falls on the unarmed: beating (182), torture (1822), killing (1823),
// anything else 180.
func assaultCode(verb string) string {
	switch verb {
	case "beat", "assault", "batter":
		return "182"
	case "torture":
		return "1822"
	case "kill", "murder", "massacre", "slaughter", "stab", "execute", "lynch":
		return "1823"
	}
	return "180"
}

// beating reports the verbs of physical assault that are never fighting.
func beating(verb string) bool {
	switch verb {
	case "beat", "torture", "batter":
		return true
	}
	return false
}

// conditionSubject returns the actor that opens a condition ("unless
// Israel rescinded", "if the United States goes ahead") in [from, to),
// or nil.
func (c *coder) conditionSubject(from, to int) *mention {
	for i := from; i < to; i++ {
		if c.lower[i] != "unless" && c.lower[i] != "if" {
			continue
		}
		// The condition's subject: its first words, an actor among them.
		if m := c.mentionIn(i+1, min(to, i+4)); m != nil && m.first <= i+3 {
			return m
		}
		return nil
	}
	return nil
}

// timeWord reports a word that ends a time phrase before a verb ("on
// Thursday rejected", "today said"): no noun a participle could modify.
func timeWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "overnight", "earlier", "later", "again", "also":
		return true
	}
	return false
}

// upToThat returns the index of the first "that" in [from, to), or to.
func (c *coder) upToThat(from, to int) int {
	for i := from; i < to; i++ {
		if c.lower[i] == "that" {
			return i
		}
	}
	return to
}

// dispersal reports force used to break up a crowd in [lo, hi): "to
// disperse", "dispersed the protesters".
func (c *coder) dispersal(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		switch c.lower[i] {
		case "disperse", "dispersed", "dispersing", "break-up":
			return true
		}
	}
	return false
}

// possessive reports a possessive determiner.
func possessive(w string) bool {
	switch w {
	case "its", "their", "his", "her", "our", "my", "your":
		return true
	}
	return false
}

// finiteAfter reports a finite verb in [from, to) before the clause ends
// (a comma, a semicolon, a conjunction or a relative pronoun).
func (c *coder) finiteAfter(from, to int) bool {
	for j := from; j < to && j < from+8; j++ {
		switch c.lower[j] {
		case ",", ";", "and", "but", "or", "who", "which", "that", "to":
			return false
		}
		if c.finiteNext(j) {
			return true
		}
	}
	return false
}

// investigativePurpose reports "to investigate", "to monitor" … among the
// words [from, to): what people were sent to do.
func (c *coder) investigativePurpose(from, to int) int {
	for j := from; j+1 < to && j < from+20; j++ {
		if c.lower[j] != "to" {
			continue
		}
		switch c.lower[j+1] {
		case "investigate", "monitor", "inspect", "probe", "examine", "assess", "verify", "observe", "study":
			return j
		}
	}
	return -1
}

// demonymLike reports a word shaped like a demonym or an adjective of a
// people ("Serbo-Croatian", "Lebanese", "Turkish", "European").
func demonymLike(w string) bool {
	for _, suf := range [...]string{"ian", "ean", "ese", "ish", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// duringProtest reports a protest the sentence [lo, hi) places its action
// in: "during demonstrations", "at a rally", "in riots".
func (c *coder) duringProtest(lo, hi int) bool {
	for i := lo; i+1 < hi; i++ {
		switch c.lower[i] {
		case "during", "at", "in", "amid":
		default:
			continue
		}
		for j := i + 1; j < hi && j <= i+3; j++ {
			switch c.lower[j] {
			case "demonstration", "demonstrations", "protest", "protests", "rally", "rallies", "riot", "riots", "march", "marches":
				return true
			}
		}
	}
	return false
}

// aboutActor returns the actor a complaint is about, after "over",
// "about" or "against" among the words [from, to), or nil.
func (c *coder) aboutActor(from, to int) *mention {
	for i := from; i < to && i < from+8; i++ {
		switch c.lower[i] {
		case "over", "about", "against":
			return c.mentionIn(i+1, min(to, i+6))
		}
	}
	return nil
}

// finiteBefore reports a finite past verb in [lo, i) with no
// coordination or clause break between it and i.
func (c *coder) finiteBefore(lo, i int) bool {
	for k := i - 2; k >= lo; k-- {
		switch c.lower[k] {
		case "and", "or", "but", ",", ";", "that", "which", "who", "while", "as":
			return false
		}
		if c.isVerbWord(k) && (formOf(c.lower[k], c.fl[k]) == formEd || c.fl[k]&fPastIrreg != 0) && (k == lo || c.fl[k-1]&(fBeForms|fPastAux|fDeterminers) == 0) {
			return true
		}
	}
	return false
}

// adverbialOpener reports a word that opens an adverbial phrase or clause
// of time or cause, past which a verb's object does not reach.
func adverbialOpener(w string) bool {
	switch w {
	case "following", "after", "before", "since", "because", "despite", "amid", "when", "while", "until":
		return true
	}
	return false
}

// commaBetween reports a comma among the tokens [from, to).
func (c *coder) commaBetween(from, to int) bool {
	for i := from; i < to; i++ {
		if c.toks[i].Kind == text.Punct && c.toks[i].Text == "," {
			return true
		}
	}
	return false
}

// articleOpensName reports an article before the capitalised words that
// end at p ("the UK Independence Party"): a name used as a modifier.
func (c *coder) articleOpensName(p, lo int) bool {
	for k := p - 1; k >= lo && k >= p-5; k-- {
		switch c.lower[k] {
		case "the", "a", "an":
			return true
		}
		if !isUpper(c.toks[k].Text) {
			return false
		}
	}
	return false
}

// inanimateHead reports a noun of markets and money that cannot act: "the
// US dollar hit", "the Japanese economy shrank".
func inanimateHead(w string) bool {
	switch w {
	case "dollar", "dollars", "economy", "economies", "market", "markets", "stock", "stocks", "share", "shares",
		"price", "prices", "currency", "currencies", "exports", "imports", "growth", "inflation", "rate", "rates",
		"debt", "deficit", "deficits", "budget", "index", "yen", "euro", "pound", "bonds", "output", "sales",
		"earnings", "profits", "revenues", "unemployment", "gdp":
		return true
	}
	return false
}

// sportsSentence reports a sentence [lo, hi) about a sports contest: a
// word only sport uses, or uses most ("match", "tie-break", "semi-final",
// "scrum", "innings").
func (c *coder) sportsSentence(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if sportsWeight(c.lower[i]) == 2 {
			return true
		}
	}
	return false
}

// sportsCheck answers once per document, when first asked, whether it
// reports on sport: only documents with an event of force need to know.
type sportsCheck struct {
	paras       []text.Paragraph
	done, sport bool
}

// is reports whether the document reports on sport (sportsDocument).
func (s *sportsCheck) is() bool {
	if !s.done {
		s.done, s.sport = true, sportsDocument(s.paras)
	}
	return s.sport
}

// sportsDocument reports a report on sport: two words only sport uses,
// or one with other words of sport weighing six in all (see
// sportsWeight). On the BBC corpus it flags 452 of 511 sport reports and
// 40 of 1,714 others (video games in tech, films about sport).
func sportsDocument(paras []text.Paragraph) bool {
	strong, w := 0, 0
	for _, p := range paras {
		for _, t := range p.Tokens {
			if t.Kind != text.Word {
				continue
			}
			x := sportsWeight(lowerASCII(t.Text))
			if x == 2 {
				strong++
			}
			w += x
			if strong >= 2 || strong >= 1 && w >= 6 {
				return true
			}
		}
	}
	return false
}

// sportsWeight weighs a lower-case word as evidence of sport: 2 for words
// only sport uses, or uses most; 1 for words sport uses among others
// ("season", "coach", "victory"); 0 otherwise. Words with a common sense
// outside sport ("war games", "the Arab League", "the death penalty",
// "the final assault") weigh 1 at most.
func sportsWeight(w string) int {
	switch w {
	case "match", "matches", "cup", "championship", "championships", "tournament", "tournaments", "scored",
		"tie-break", "semi-final", "semi-finals", "quarter-final", "quarter-finals", "team-mate", "team-mates",
		"innings", "wicket", "wickets", "striker", "midfielder", "goalkeeper", "rugby", "football", "tennis",
		"cricket", "olympics", "olympic", "sevens", "premiership", "scrum", "fixture", "fixtures", "seeded",
		"half-time", "equaliser", "equalised", "forehand", "backhand":
		return 2
	case "game", "games", "goal", "goals", "league", "coach", "season", "champion", "champions", "title", "final",
		"finals", "victory", "squad", "player", "players", "club", "clubs", "cap", "caps", "set", "sets", "serve",
		"penalty", "penalties", "win", "won", "wins":
		return 1
	}
	return 0
}
