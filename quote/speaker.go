package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph/text"
)

// group is a reporting verb with the auxiliaries and particles of its cue:
// "has said", "was quoted as saying", "pointed out", "went on to say".
type group struct {
	p            int
	start, v     int // first token of the cue, the verb
	end          int // one past the cue's last token
	verb         verb
	gerund       bool // a participle clause: ", adding that …"
	negated      bool
	subjectStart int // where the subject search starts (before start)
}

// groupAt reads the reporting verb at token v of paragraph p. It returns
// false when the word is no reporting verb, or is one whose subject is
// not its speaker: a passive ("he was told"), an infinitive ("expected
// to say", but "went on to say" is a cue), a negation ("did not say").
func (d *docState) groupAt(p, v int) (group, bool) {
	toks := d.paras[p].toks
	t := toks[v]
	if t.Kind != text.Word {
		return group{}, false
	}
	g := group{p: p, start: v, v: v, end: v + 1}
	vb, ok := lookupVerb(t.Text)
	low := ""
	if !ok {
		low = lowerKey(t.Text)
		switch {
		case (low == "point" || low == "points" || low == "pointed" || low == "pointing") && d.is(p, v+1, "out"):
			vb, ok = verb{lemma: "point out", class: classThat, form: formOf(low)}, true
			g.end = v + 2
		case (low == "shot" || low == "shoots") && d.is(p, v+1, "back"):
			vb, ok = verb{lemma: "shoot back", class: classQuote, form: formPast}, true
			g.end = v + 2
		case expressVerbs[low]:
			vb, ok = verb{lemma: "express", class: classThat, form: formOf(low)}, true
		}
		if !ok {
			return group{}, false
		}
	}
	g.verb = vb
	// Walk back over auxiliaries, adverbs and negations.
	j := v - 1
	aux := false
	for ; j >= 0 && v-j <= 5; j-- {
		w := toks[j].Text
		switch {
		case in(negators, w):
			g.negated = true
		case in(auxiliaries, w):
			g.start = j
			aux = true
		case in(passives, w):
			if vb.form == formPast || vb.form == formPastOnly {
				return group{}, false // "he was told"
			}
			g.start = j // "he was saying"
			aux = true
		case in(cueAdverbs, w):
		default:
			goto done
		}
	}
done:
	// The subject ends where the walk stopped: leading adverbs ("Xi also
	// said") stay out of the cue but before the verb.
	g.subjectStart = j + 1
	if vb.form == formGerund && !aux {
		// "was quoted as saying", "is quoted as saying".
		if j >= 1 && strings.EqualFold(toks[j].Text, "as") && strings.EqualFold(toks[j-1].Text, "quoted") {
			k := j - 2
			for k >= 0 && (in(passives, toks[k].Text) || in(auxiliaries, toks[k].Text) || in(cueAdverbs, toks[k].Text)) {
				k--
			}
			g.start, g.subjectStart = k+1, k+1
			return g, !g.negated
		}
		g.gerund = true
		return g, !g.negated
	}
	if j >= 0 && strings.EqualFold(toks[j].Text, "to") {
		// An infinitive: only "went on to say", "continued to say".
		if j >= 2 && strings.EqualFold(toks[j-1].Text, "on") && in(goOnVerbs, toks[j-2].Text) {
			g.start, g.subjectStart = j-2, j-2
		} else if j >= 1 && in(continueVerbs, toks[j-1].Text) {
			g.start, g.subjectStart = j-1, j-1
		} else {
			return group{}, false
		}
		for g.subjectStart > 0 && in(cueAdverbs, toks[g.subjectStart-1].Text) {
			g.subjectStart--
		}
	}
	if g.negated {
		return group{}, false
	}
	return g, true
}

// formOf guesses the form of a regular verb from its ending.
func formOf(w string) verbForm {
	switch {
	case strings.HasSuffix(w, "ing"):
		return formGerund
	case strings.HasSuffix(w, "ed"):
		return formPast
	case strings.HasSuffix(w, "s"):
		return formThird
	}
	return formBase
}

var (
	goOnVerbs     = set("went goes go going")
	continueVerbs = set("continued continues continue")
)

// np is a noun phrase: a subject or the object of "according to".
type np struct {
	from, to int // tokens
	ent      int // 1 + speaker entity index, 0 none
}

// subjectBefore reads the subject of a verb group backwards from token
// end (exclusive), no further back than lo: "Chinese President Xi
// Jinping", "he", "Wang Yi, China's foreign minister,", "Smith, who".
// It returns false when no noun phrase ends there.
func (d *docState) subjectBefore(p, end, lo int) (np, bool) {
	toks := d.paras[p].toks
	k := end - 1
	// Time phrases: "Xi on Tuesday said".
	for k >= lo && in(timeWords, toks[k].Text) {
		k--
		if k >= lo && in(timeModifiers, toks[k].Text) {
			k--
		}
	}
	if k < lo {
		return np{}, false
	}
	t := toks[k]
	switch {
	case t.Text == ")":
		// "Smith (R-Texas) said": skip the brackets.
		j := k - 1
		for j >= lo && toks[j].Text != "(" && k-j < 12 {
			j--
		}
		if j <= lo || toks[j].Text != "(" {
			return np{}, false
		}
		n, ok := d.subjectBefore(p, j, lo)
		n.to = end
		return n, ok
	case (t.Text == "," || t.Kind == text.Dash) && k > lo:
		return d.appositiveSubject(p, k, end, lo)
	case in(conjunctions, t.Text):
		// "Graham called Trump “crazy” and said …": the subject of the
		// first verb.
		return np{from: k, to: end, ent: d.clauseSubject(p, lo, k)}, true
	case strings.EqualFold(t.Text, "who") || strings.EqualFold(t.Text, "which"):
		// "Smith, who said", "the ministry, which said".
		h := k - 1
		if h >= lo && toks[h].Text == "," {
			h--
		}
		if h < lo || !isWordTok(toks[h]) {
			return np{}, false
		}
		from := d.npStart(p, h, lo)
		return np{from: from, to: end, ent: d.speakerOf(p, from, h+1)}, true
	}
	if !isWordTok(t) || in(determiners, t.Text) && !in(quantifiers, t.Text) || in(prepositions, t.Text) || in(clauseWords, t.Text) {
		return np{}, false
	}
	if t.Kind == text.Clitic {
		return np{}, false
	}
	from := d.npStart(p, k, lo)
	return np{from: from, to: end, ent: d.speakerOf(p, from, k+1)}, true
}

var conjunctions = set("and but or")

// pluralSubject reports whether the head of a subject agrees with a verb's
// base form ("officials say", "I say", "they say"), so that a noun like
// "note" in "a handwritten note" is not read as a verb.
func (d *docState) pluralSubject(p int, n np) bool {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	h := n.to - 1
	for i := n.from + 1; i < n.to; i++ {
		if ents[i] == 0 && in(npPrepositions, toks[i].Text) {
			h = i - 1 // the core's head: "majorities in all five states"
			break
		}
	}
	for h > n.from && !isWordTok(toks[h]) {
		h--
	}
	if h < 0 || h >= len(toks) {
		return false
	}
	w := toks[h].Text
	if in(pluralHeads, w) || in(quantifiers, w) || toks[h].Kind == text.Number {
		return true
	}
	if e := d.paras[p].ent[h]; e != 0 {
		return d.entity(int(e)).Type == "GROUP" || d.entity(int(e)).Type == "ORG"
	}
	lw := lowerKey(w)
	return len(lw) > 3 && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us") && !strings.HasSuffix(lw, "is")
}

var pluralHeads = set("i we they you people police media staff public personnel folks children men women who percent half majority % dozen")

// appositiveSubject reads a subject that ends with a comma before its
// verb: "Wang Yi, China's foreign minister, said", "the White House
// press secretary, Josh Earnest, said", "Marley Anderson, 21, a junior
// from Las Vegas, said", "The official, who spoke on the condition of
// anonymity, said". The subject is the clause's first noun phrase; its
// speaker the entity of its head, or a person named in apposition.
func (d *docState) appositiveSubject(p, k, end, lo int) (np, bool) {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	// A short appositive after a name: "Rep. Chris Collins, R-NY, says",
	// "Jason Sims — a teacher from Mount Pleasant — says".
	mark := toks[k].Text
	for j := k - 1; j > lo && k-j <= 10; j-- {
		t := toks[j]
		if t.Text == mark || mark != "," && t.Kind == text.Dash {
			h := j - 1
			if ents[h] != 0 && d.speakerType(int(ents[h])) || capitalised(toks[h].Text) && isWordTok(toks[h]) && !in(clauseWords, toks[h].Text) {
				from := d.npStart(p, h, lo)
				if from < h+1 && capitalised(toks[from].Text) || ents[h] != 0 {
					return np{from: from, to: end, ent: d.speakerOf(p, from, h+1)}, true
				}
			}
			break
		}
		if terminal(t) || t.Kind == text.Quote || t.Text == ";" || t.Text == ":" || t.Text == "," {
			break
		}
	}
	if mark != "," {
		return np{}, false
	}
	// The clause starts after the last hard boundary before k.
	cl := lo
	for j := k - 1; j >= lo && k-j <= 45; j-- {
		t := toks[j]
		if terminal(t) || t.Kind == text.Quote || t.Text == ";" || t.Text == ":" || d.paras[p].flags[j]&(flagCue|flagContent) != 0 {
			cl = j + 1
			break
		}
		if j == lo {
			cl = lo
		}
		if k-j == 45 {
			return np{}, false
		}
	}
	for cl < k && (in(openers, toks[cl].Text) || in(subordinators, toks[cl].Text) || toks[cl].Text == ",") {
		cl++
	}
	fc := cl
	for fc < k && toks[fc].Text != "," {
		fc++
	}
	if fc == cl || fc-cl > 9 || fc == k && k-cl > 9 {
		return np{}, false
	}
	for j := cl; j < fc; j++ {
		if !isWordTok(toks[j]) && toks[j].Text != "." && toks[j].Text != "(" && toks[j].Text != ")" && toks[j].Kind != text.Dash {
			return np{}, false
		}
		if ents[j] == 0 && in(clauseWords, toks[j].Text) && !(strings.EqualFold(toks[j].Text, "that") && j+1 < fc) {
			return np{}, false // "that" may be a determiner: "the authors of that report"
		}
	}
	first := toks[cl].Text
	if !(capitalised(first) || in(determiners, first) || ents[cl] != 0) || in(prepositions, first) {
		return np{}, false
	}
	n := np{from: cl, to: end}
	h := fc - 1
	if e := ents[h]; e != 0 && d.speakerType(int(e)) {
		n.ent = int(e)
		return n, true
	}
	n.ent = d.speakerOf(p, cl, fc)
	if n.ent == 0 {
		// A name in apposition: "the press secretary, Josh Earnest,".
		j := fc + 1
		if j < k && in(determiners, toks[j].Text) {
			j++
		}
		if e := ents[j]; j < k && e != 0 && d.entity(int(e)).Type == "PERSON" {
			m := j
			for m < k && ents[m] == e {
				m++
			}
			if m == k || toks[m].Text == "," {
				n.ent = int(e)
			}
		}
	}
	return n, true
}

var subordinators = set("when while as if although though because after before since once whereas")

// clauseSubject returns the entity that is the subject of the clause
// from lo ("Trump hit back, saying …"): the first person, organisation or
// group named outside a prepositional phrase or a possessive and followed
// by a verb-like word ("Speaking Sunday on ABC's “This Week,” Carson
// admitted …, but said …" gives Carson, not ABC). A capitalised word the
// tagger missed counts through nameMatch.
func (d *docState) clauseSubject(p, lo, t int) int {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	for k := lo; k < t && k-lo <= 30; k++ {
		tok := toks[k]
		if tok.Kind != text.Word && tok.Kind != text.Abbrev {
			continue
		}
		e := int(ents[k])
		if e == 0 && capitalised(tok.Text) && (k == lo || toks[k-1].Kind != text.Word || !capitalised(toks[k-1].Text)) {
			e = d.nameMatch(tok.Text)
		}
		if e == 0 || !d.speakerType(e) {
			continue
		}
		j := k
		for j < t && (int(ents[j]) == e || ents[j] == 0 && j == k) {
			j++
		}
		oblique := k > lo && (in(prepositions, toks[k-1].Text) || toks[k-1].Kind == text.Clitic ||
			in(determiners, toks[k-1].Text) && k-1 > lo && in(prepositions, toks[k-2].Text))
		if oblique || j < t && toks[j].Kind == text.Clitic {
			k = j - 1
			continue // "on ABC", "ABC's"
		}
		// "Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed …".
		if j < t && toks[j].Text == "(" {
			for j < t && toks[j].Text != ")" {
				j++
			}
			j++
		}
		if j < t && (toks[j].Kind == text.Word && !in(determiners, toks[j].Text) && !in(prepositions, toks[j].Text) || toks[j].Text == ",") {
			return e
		}
		return 0
	}
	return 0
}

// npStart walks back from head h over the words of its noun phrase.
func (d *docState) npStart(p, h, lo int) int {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	j := h
	for j > lo && h-j < 9 {
		t := toks[j-1]
		if ents[j-1] != 0 && ents[j-1] == ents[j] {
			j--
			continue
		}
		if !isWordTok(t) && t.Text != "&" && t.Text != "-" {
			break
		}
		if t.Kind != text.Clitic && (in(clauseWords, t.Text) || in(verbForms, t.Text)) {
			break
		}
		j--
	}
	return j
}

// verbForms reports reporting verbs for npStart (a verb ends a subject).
var verbForms = func() map[string]bool {
	m := map[string]bool{}
	for w := range verbs {
		m[w] = true
	}
	return m
}()

// speakerOf resolves the speaker of the noun phrase [from, to): the
// entity of its head ("Chinese President Xi Jinping", "he", "the Chinese
// president", "South Korean media"), or, for a head that speaks for
// someone ("the Trump campaign", "a spokesman for the ministry", "a
// statement from the ministry"), the entity it names. A plural subject
// ("Xi and Yoon") and a head that names no entity give 0.
func (d *docState) speakerOf(p, from, to int) int {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	if from >= to {
		return 0
	}
	// Split off a prepositional phrase: "a spokesman for the ministry".
	core := to
	for i := from + 1; i < to; i++ {
		if ents[i] == 0 && in(npPrepositions, toks[i].Text) {
			core = i
			break
		}
	}
	h := core - 1
	for h > from && (toks[h].Kind == text.Punct || toks[h].Kind == text.Quote) {
		h--
	}
	for i := from; i < core; i++ {
		if ents[i] == 0 && (strings.EqualFold(toks[i].Text, "and") || strings.EqualFold(toks[i].Text, "or") || toks[i].Text == "&") {
			return 0 // plural: no one speaker
		}
	}
	if e := ents[h]; e != 0 {
		if d.speakerType(int(e)) {
			return int(e)
		}
		return d.nameMatch(toks[h].Text) // "Calderon" tagged as a place
	}
	if e := d.nameMatch(toks[h].Text); e != 0 {
		return e
	}
	if (strings.EqualFold(toks[h].Text, "it") && h == from || in(orgNouns, toks[h].Text) && strings.EqualFold(toks[from].Text, "the")) && core == to {
		// "The firm said", "It added": the organisation that spoke last.
		return d.orgAntecedent(p, from)
	}
	if !in(representatives, toks[h].Text) {
		return 0
	}
	// The entity the representative speaks for: a modifier or possessor
	// ("the Trump campaign", "China's Foreign Ministry spokesman"), else
	// the object of the preposition.
	for i := h - 1; i >= from; i-- {
		if e := ents[i]; e != 0 && d.speakerType(int(e)) {
			return int(e)
		}
	}
	for i := core; i < to; i++ {
		if e := ents[i]; e != 0 && d.speakerType(int(e)) {
			return int(e)
		}
	}
	return 0
}

// nameMatch returns the one person of the document a capitalised word
// names ("Sanders" where "Bernie Sanders" is an entity but the tagger
// missed this mention), 0 when none or several do.
func (d *docState) nameMatch(w string) int {
	if !capitalised(w) || len(w) < 3 {
		return 0
	}
	if d.names == nil {
		d.names = map[string]int{}
		for i := range d.doc.Entities {
			e := &d.doc.Entities[i]
			if e.Type != "PERSON" {
				continue
			}
			for _, part := range strings.Fields(e.Name) {
				part = strings.Trim(part, ".,")
				if len(part) < 3 || !capitalised(part) {
					continue
				}
				if old, ok := d.names[part]; ok && old != i+1 {
					d.names[part] = -1 // ambiguous: Bill and Hillary Clinton
				} else {
					d.names[part] = i + 1
				}
			}
		}
	}
	if e := d.names[w]; e > 0 {
		return e
	}
	return 0
}

// orgNouns name an organisation already named: "the firm", "the company".
var orgNouns = set(`firm company group newspaper paper broadcaster network agency bank carrier airline retailer
	ministry department union club party organisation organization charity watchdog regulator manufacturer
	maker insurer lender operator publisher studio label`)

// orgAntecedent returns the organisation that spoke in the statement
// nearest before token t (in this paragraph or the two before), if that
// statement's speaker is an organisation: "Umbro said … The firm said …".
func (d *docState) orgAntecedent(p, t int) int {
	best, bp, bt := 0, -1, -1
	for _, s := range d.stmts {
		if s.ent == 0 || s.cp < p-2 || s.cp > p || s.cp == p && s.ct >= t {
			continue
		}
		if s.cp > bp || s.cp == bp && s.ct > bt {
			best, bp, bt = s.ent, s.cp, s.ct
		}
	}
	if best != 0 && d.entity(best).Type == "ORG" {
		return best
	}
	return 0
}

var npPrepositions = set("of for at from in with on by to")

// speakerType reports whether an entity can speak: people,
// organisations, groups, countries and their governments. Locations,
// works and events cannot.
func (d *docState) speakerType(e int) bool {
	switch d.entity(e).Type {
	case "PERSON", "ORG", "GPE", "GROUP", "NORP":
		return true
	case "MISC":
		// A nationality standing for its people ("the Chinese said").
		a := d.entity(e).Actor
		return a != nil && a.Kind != ""
	}
	return false
}

// subjectAfter reads the subject that follows an inverted cue ("…, said
// Xi Jinping", "…, said a spokesman for the ministry, Li Wei") from token
// from, no further than hi.
func (d *docState) subjectAfter(p, from, hi int) (np, bool) {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	if from >= hi {
		return np{}, false
	}
	// Time words first: "said on Tuesday Xi" is rare; "said Tuesday" has
	// no subject at all.
	j := from
	for j < hi && j-from < 12 {
		t := toks[j]
		if ents[j] == 0 && (!isWordTok(t) || in(npStop, t.Text)) {
			break
		}
		j++
	}
	if j == from {
		return np{}, false
	}
	first := toks[from]
	if in(timeWords, first.Text) || in(notClause, first.Text) {
		return np{}, false
	}
	if ents[from] == 0 && !capitalised(first.Text) && !in(determiners, first.Text) && !in(pronounSubjects, first.Text) {
		// "said former congressman Barney Frank", not "said nothing".
		named := false
		for k := from; k < j; k++ {
			named = named || ents[k] != 0 || in(representatives, toks[k].Text)
		}
		if !named {
			return np{}, false
		}
	}
	n := np{from: from, to: j, ent: d.speakerOf(p, from, j)}
	// "said a spokesman, Li Wei": the name in apposition.
	if n.ent == 0 && j+1 < hi && toks[j].Text == "," {
		if e := ents[j+1]; e != 0 && d.entity(int(e)).Type == "PERSON" {
			n.ent = int(e)
		}
	}
	return n, true
}

var npStop = set("who which that when where while because as after before during since and but said says told")
