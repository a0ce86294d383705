package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// Confidence of each rule: how often, reading PolNeAR's training
// articles, the rule's statements are attributions (rounded down).
const (
	confDirectCue      = 0.9  // a quotation with its cue and a speaker entity
	confDirectNoSpeak  = 0.75 // a quotation with its cue but no entity for the speaker
	confColon          = 0.7  // a quotation after "Name:"
	confInherited      = 0.7  // a quotation taking the speaker of the one before
	confNoCue          = 0.4  // a quotation with no cue and no statement before it
	confReportedThat   = 0.8  // X said that …
	confReportedBare   = 0.7  // X said …
	confReportedPost   = 0.75 // …, X said
	confAccordingTo    = 0.75 // according to X, …
	confParticiple     = 0.7  // …, adding that …
	confNoSpeakerScale = 0.85 // factor when no speaker entity was found
)

// reported finds reported speech outside quotation marks: every reporting
// verb with its subject and clause, in the positions the package doc
// lists.
func (d *docState) reported() {
	for p := range d.paras {
		ps := &d.paras[p]
		for _, st := range ps.sents {
			lo, hi := st.First, st.First+len(st.Tokens)
			for v := lo; v < hi; v++ {
				if ps.flags[v]&(flagQuoted|flagCue|flagMark) != 0 || ps.toks[v].Kind != text.Word {
					continue
				}
				if strings.EqualFold(ps.toks[v].Text, "according") && d.is(p, v+1, "to") {
					d.accordingTo(p, v, lo, hi)
					continue
				}
				g, ok := d.groupAt(p, v)
				if !ok || g.verb.class == classQuote {
					continue
				}
				if g.gerund {
					d.participle(g, lo, hi)
				} else {
					d.finite(g, lo, hi)
				}
			}
		}
	}
}

// finite reads a statement around a finite reporting verb: "X said (that)
// …", "…, X said", "…, X said, …", "…, said X".
func (d *docState) finite(g group, lo, hi int) {
	p := g.p
	toks := d.paras[p].toks
	if g.verb.lemma == "ask" && g.start == g.v && g.verb.form == formPast && (g.v == lo || in(askOpeners, toks[g.v-1].Text)) {
		// "Asked if he was ever bullied, …", "when asked whether …": a
		// question put to someone, by someone the sentence does not name.
		j := g.end
		for j < hi && (in(timeWords, toks[j].Text) || in(cueAdverbs, toks[j].Text)) {
			j++
		}
		if j < hi && (in(questionWords, toks[j].Text) || strings.EqualFold(toks[j].Text, "about")) {
			ce := d.contentEnd(p, j, hi)
			for k := j; k < ce; k++ {
				if toks[k].Text == "," {
					ce = k
					break
				}
			}
			if words(toks[j:ce]) >= 2 {
				d.addReported(g, 0, confParticiple, p, j, ce, -1, -1)
			}
		}
		return
	}
	n, ok := d.subjectBefore(p, g.subjectStart, lo)
	if !ok {
		if g.start > lo && toks[g.start-1].Text == "," && g.verb.lemma != "express" {
			d.inverted(g, lo, hi)
		}
		return
	}
	if n.from > lo && in(objectExtraction, toks[n.from-1].Text) && !(n.from > lo+1 && in(prepositions, toks[n.from-2].Text)) {
		return // "what Yoon said", "as he said", but "in which 67 percent say"
	}
	if cs, ce, that, ok := d.complement(g, hi); ok {
		conf := confReportedBare
		if that {
			conf = confReportedThat
		}
		d.addReported(g, n.ent, conf, p, cs, ce, -1, -1)
		return
	}
	if g.verb.lemma == "express" {
		return // only "expressed hope that …" reports anything
	}
	if n.from <= lo || toks[n.from-1].Text != "," {
		return
	}
	if g.verb.form == formBase && g.start == g.v && !d.pluralSubject(p, n) {
		return // "…, a handwritten note from …": a noun, not a verb
	}
	if d.nounLike(g) && !d.namedSubject(p, n) {
		return // "…, including California and other states"
	}
	cs := d.contentStart(p, lo, n.from-1)
	if cs < 0 {
		return
	}
	part1 := words(toks[cs : n.from-1])
	rest := d.skipTail(g, hi)
	if rest < hi && toks[rest].Text == "," && rest+1 < hi && toks[rest+1].Kind != text.Quote && part1 >= 1 &&
		d.continues(p, rest+1, hi, d.hasVerbish(p, cs, n.from-1)) {
		// "China and South Korea, Xi said, are inseparable partners…",
		// "A wall would address crime, she said, but also drugs": the
		// cue inside the statement.
		ce := d.contentEnd(p, rest+1, hi)
		if words(toks[rest+1:ce]) >= 2 {
			d.addReported(g, n.ent, confReportedPost, p, cs, n.from-1, rest+1, ce)
		}
		return
	}
	if part1 >= 3 && (rest >= hi || d.tailEnds(p, rest, hi)) {
		// "…, X said." The content runs from the sentence start.
		d.addReported(g, n.ent, confReportedPost, p, cs, n.from-1, -1, -1)
	}
}

// continues reports whether the words from token k, after a cue in the
// middle of a sentence, go on with the statement: not a participle
// ("wiping sweat off his face"), a relative clause, another cue, nor —
// after a full clause — an appositive noun phrase ("a policy that …").
func (d *docState) continues(p, k, hi int, clauseBefore bool) bool {
	toks := d.paras[p].toks
	t := toks[k]
	if g, ok := d.groupAt(p, k); ok && g.gerund {
		return false
	}
	if strings.EqualFold(t.Text, "according") || strings.EqualFold(t.Text, "who") || strings.EqualFold(t.Text, "which") {
		return false
	}
	if t.Kind == text.Word && len(t.Text) > 4 && strings.HasSuffix(t.Text, "ing") && !capitalised(t.Text) {
		return false
	}
	if clauseBefore && in(determiners, t.Text) {
		return false
	}
	return true
}

// nounLike reports whether a verb group is a lone word that is more
// often a noun: "states", "reports", "claims", "note".
func (d *docState) nounLike(g group) bool {
	return g.start == g.v && (g.verb.form == formBase || g.verb.form == formThird) && in(nounLemmas, g.verb.lemma)
}

// namedSubject reports whether a subject is a pronoun or names an entity.
func (d *docState) namedSubject(p int, n np) bool {
	if n.ent != 0 {
		return true
	}
	toks := d.paras[p].toks
	return n.to-n.from == 1 && in(pronounSubjects, toks[n.from].Text)
}

var askOpeners = set("when if after once as while")

// objectExtraction words before a subject make the verb's object a
// question or a comparison, not a statement: "what Yoon said", "as he
// said".
var objectExtraction = set("what whatever how as than which whom")

// inverted reads "…, said X." (the subject after the verb).
func (d *docState) inverted(g group, lo, hi int) {
	p := g.p
	toks := d.paras[p].toks
	if d.nounLike(g) {
		return
	}
	n, ok := d.subjectAfter(p, g.end, hi)
	if !ok {
		return
	}
	// After the subject only an appositive or the sentence's end; the
	// subject has no verb ("…, said the convention could be …" is no
	// inverted cue).
	if n.to < hi && toks[n.to].Text != "," && !terminal(toks[n.to]) && toks[n.to].Kind != text.Quote && toks[n.to].Text != ")" ||
		d.hasVerbish(p, n.from, n.to) {
		return
	}
	cs := d.contentStart(p, lo, g.start-1)
	if cs < 0 || words(toks[cs:g.start-1]) < 3 {
		return
	}
	d.addReported(g, n.ent, confReportedPost, p, cs, g.start-1, -1, -1)
}

// participle reads ", adding that …", ", saying …": the speaker is the
// one of the statement just before in the sentence, else the sentence's
// subject.
func (d *docState) participle(g group, lo, hi int) {
	p := g.p
	toks := d.paras[p].toks
	if g.start <= lo {
		return
	}
	prev := toks[g.start-1].Text
	if prev != "," && !strings.EqualFold(prev, "and") && !strings.EqualFold(prev, "while") && prev != "—" && prev != "--" {
		return
	}
	cs, ce, that, ok := d.complement(g, hi)
	if !ok {
		return
	}
	ent, found := d.sentenceSpeaker(p, lo, g.start)
	conf := confParticiple
	if that && found {
		conf = confReportedThat
	}
	d.addReported(g, ent, conf, p, cs, ce, -1, -1)
}

// sentenceSpeaker returns the speaker of the latest statement whose cue
// lies in the sentence before token t, else the entity that opens the
// sentence as its subject ("Trump hit back, saying …").
func (d *docState) sentenceSpeaker(p, lo, t int) (int, bool) {
	for i := len(d.stmts) - 1; i >= 0; i-- {
		s := d.stmts[i]
		if s.cp == p && s.ct >= lo && s.ct < t {
			return s.ent, true
		}
	}
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	k := lo
	for k < t && (toks[k].Kind == text.Quote || in(openers, toks[k].Text)) {
		k++
	}
	// A leading phrase closed by a comma: "On Monday, Trump …".
	for j := k; j < t && j-k < 6; j++ {
		if toks[j].Text == "," {
			if in(prepositions, toks[k].Text) || in(timeWords, toks[k].Text) || in(timeModifiers, toks[k].Text) {
				k = j + 1
			}
			break
		}
	}
	if k < t {
		if e := ents[k]; e != 0 && d.speakerType(int(e)) {
			// The subject is the whole name: the next token must follow it.
			j := k
			for j < t && ents[j] == e {
				j++
			}
			if j < t && toks[j].Kind == text.Word && !in(determiners, toks[j].Text) {
				return int(e), true
			}
		}
	}
	return 0, false
}

// openers are sentence openers skipped before a subject.
var openers = set("but and so yet however meanwhile still also then now later earlier separately indeed moreover")

// accordingTo reads "according to X, …" and "…, according to X".
func (d *docState) accordingTo(p, v, lo, hi int) {
	toks := d.paras[p].toks
	n, ok := d.subjectAfter(p, v+2, hi)
	if !ok {
		return
	}
	g := group{p: p, start: v, v: v, end: v + 2}
	start := v
	for start > lo && in(openers, toks[start-1].Text) {
		start--
	}
	if start > lo && (toks[start-1].Text == ":" || toks[start-1].Text == "(" || toks[start-1].Kind == text.Dash) {
		lo = start
	}
	if start == lo {
		// "According to X, content."
		j := n.to
		for j < hi && toks[j].Text != "," && j-n.to < 12 {
			j++
		}
		if j >= hi-1 {
			return
		}
		ce := d.contentEnd(p, j+1, hi)
		if words(toks[j+1:ce]) >= 3 && !d.claimed(p, j+1, ce) {
			d.addReported(g, n.ent, confAccordingTo, p, j+1, ce, -1, -1)
		}
		return
	}
	// "Content, according to X." or "Content, according to X, content."
	end := v
	if toks[end-1].Text == "," {
		end--
	}
	cs := d.contentStart(p, lo, end)
	if cs < 0 || words(toks[cs:end]) < 3 || d.claimed(p, cs, end) {
		return
	}
	j := n.to
	for j < hi && toks[j].Text != "," && !terminal(toks[j]) && j-n.to < 12 {
		j++
	}
	if j < hi-1 && toks[j].Text == "," && toks[j+1].Kind != text.Quote {
		if _, ok := d.groupAt(p, j+1); !ok {
			ce := d.contentEnd(p, j+1, hi)
			if words(toks[j+1:ce]) >= 2 && !d.claimed(p, j+1, ce) {
				d.addReported(g, n.ent, confAccordingTo, p, cs, end, j+1, ce)
				return
			}
		}
	}
	d.addReported(g, n.ent, confAccordingTo, p, cs, end, -1, -1)
}

// claimed reports whether a token of [from, to) belongs to a statement
// or cue found before.
func (d *docState) claimed(p, from, to int) bool {
	for t := from; t < to; t++ {
		if d.paras[p].flags[t]&(flagContent|flagCue) != 0 {
			return true
		}
	}
	return false
}

// contentStart returns where a statement ending at token end (a post-
// position cue's comma) starts: the sentence's start, or after the last
// cue or statement before it, or after a colon. It returns -1 when the
// stretch is inside quotation marks (the quotation rules' business).
func (d *docState) contentStart(p, lo, end int) int {
	ps := &d.paras[p]
	cs := lo
	for t := lo; t < end; t++ {
		f := ps.flags[t]
		if f&(flagContent|flagCue|flagMark|flagQuoted) != 0 || ps.toks[t].Text == ":" || ps.toks[t].Text == ";" {
			cs = t + 1
		}
	}
	for cs < end && (ps.toks[cs].Text == "," || ps.toks[cs].Kind == text.Dash || in(openers, ps.toks[cs].Text) && ps.toks[cs].Text != "still") {
		cs++
	}
	if cs >= end {
		return -1
	}
	return cs
}

// complement finds the clause a verb group reports, after the group: an
// optional addressee ("told reporters"), adverbials ("in a statement",
// "on Tuesday"), "that" (or "if"/"whether" after ask), then the clause to
// the end of the sentence or to the next statement. Verbs of [that]
// require "that"; [bare] verbs take a clause without it when a verb shows
// early in it.
func (d *docState) complement(g group, hi int) (cs, ce int, that, ok bool) {
	p := g.p
	toks := d.paras[p].toks
	j := g.end
	cls := g.verb.class
	if cls == classQuote || j >= hi {
		return 0, 0, false, false
	}
	if g.verb.lemma == "express" {
		// "expressed his willingness to …", "expressed hope that …".
		k := j
		for k < hi && k-j < 4 && !in(attitudes, toks[k].Text) {
			if !isWordTok(toks[k]) {
				return 0, 0, false, false
			}
			k++
		}
		if k >= hi || !in(attitudes, toks[k].Text) {
			return 0, 0, false, false
		}
		ce := d.contentEnd(p, j, hi)
		return j, ce, false, words(toks[j:ce]) >= 3
	}
	object := false
	switch {
	case cls == classObject, g.verb.lemma == "warn", g.verb.lemma == "ask", g.verb.lemma == "promise",
		g.verb.lemma == "write", g.verb.lemma == "say", g.verb.lemma == "explain", g.verb.lemma == "admit":
		if k := d.objectEnd(p, j, hi, g.verb.lemma); k > j {
			j, object = k, true
		}
	}
	if cls == classObject && !object {
		// A longer addressee: "told TheBlaze founder Glenn Beck he would …",
		// "told a Politico reporter Monday evening that …".
		for k := j + 1; k < hi && k-j <= 10; k++ {
			t := toks[k]
			if strings.EqualFold(t.Text, "that") || in(pronounSubjects, t.Text) && !strings.EqualFold(t.Text, "you") && !strings.EqualFold(t.Text, "it") {
				if d.gapOK(p, j, k) {
					j, object = k, true
				}
				break
			}
			if !isWordTok(t) {
				break
			}
		}
	}
	if k := d.thatAhead(p, j, hi); k >= 0 {
		if k+1 >= hi {
			return 0, 0, false, false
		}
		ce := d.contentEnd(p, k+1, hi)
		return k + 1, ce, true, words(toks[k+1:ce]) >= 2
	}
	j = d.skipAdverbials(p, j, hi)
	if j >= hi {
		return 0, 0, false, false
	}
	t := toks[j]
	question := g.verb.lemma == "ask" || g.verb.lemma == "wonder" || g.verb.lemma == "inquire"
	if question && !in(questionWords, t.Text) {
		// "asked our followers who …", "asked Trump how …".
		for k := j + 1; k < hi && k-j <= 5; k++ {
			if in(questionWords, toks[k].Text) {
				if d.gapOK(p, j, k) {
					j, t = k, toks[k]
				}
				break
			}
		}
	}
	if question {
		if !in(questionWords, t.Text) {
			return 0, 0, false, false
		}
		ce := d.contentEnd(p, j, hi)
		return j, ce, false, words(toks[j:ce]) >= 3
	}
	if cls != classBare && !(cls == classObject && object) {
		return 0, 0, false, false
	}
	if object && cls != classObject {
		return 0, 0, false, false // "wrote him a letter"
	}
	if in(notClause, t.Text) && !(in(approximators, t.Text) && j+1 < hi && (toks[j+1].Kind == text.Number || in(amounts, toks[j+1].Text))) &&
		!(j+1 < hi && strings.EqualFold(toks[j+1].Text, "of") && g.verb.lemma == "say") {
		return 0, 0, false, false // but "said much of the plan was …"
	}
	if !(in(clauseOpeners, t.Text) || capitalised(t.Text) || t.Kind == text.Number || d.paras[p].ent[j] != 0 || t.Kind == text.Quote ||
		g.verb.lemma == "say" && t.Kind == text.Word) {
		return 0, 0, false, false
	}
	// "said" and "told X" rarely take a noun phrase ("said no" aside);
	// other verbs need a sign of a clause: a subject pronoun or a verb.
	if g.verb.lemma != "say" && !object && !in(pronounSubjects, t.Text) && !d.hasVerbish(p, j, min(hi, j+10)) {
		return 0, 0, false, false
	}
	ce = d.contentEnd(p, j, hi)
	return j, ce, false, words(toks[j:ce]) >= 3
}

// objectEnd skips the addressee of a verb: "him", "reporters", "the
// BBC", "The Associated Press", "CNN's Jake Tapper". It returns j when
// there is none.
func (d *docState) objectEnd(p, j, hi int, lemma string) int {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	if j >= hi {
		return j
	}
	if lemma == "say" || lemma == "write" || lemma == "explain" || lemma == "admit" {
		// "said to reporters", "wrote to supporters", "explained to him".
		if !strings.EqualFold(toks[j].Text, "to") || j+1 >= hi {
			return j
		}
		if k := d.objectEnd(p, j+1, hi, "tell"); k > j+1 {
			return k
		}
		return j
	}
	k := j
	if in(determiners, toks[k].Text) && k+1 < hi && !strings.EqualFold(toks[k].Text, "that") {
		k++
	}
	if e := ents[k]; e != 0 {
		for k < hi && ents[k] == e {
			k++
		}
		// "CNN's Jake Tapper".
		if k+1 < hi && toks[k].Kind == text.Clitic && ents[k+1] != 0 {
			e = ents[k+1]
			k++
			for k < hi && ents[k] == e {
				k++
			}
		}
		return k
	}
	if in(objectWords, toks[k].Text) || in(adverbialHeads, toks[k].Text) && k > j {
		return k + 1
	}
	return j
}

// thatAhead finds "that" opening the clause after adverbials: "said
// that", "said in a statement that", "told reporters on Tuesday that".
// It returns -1 when the words before "that" are not adverbials.
func (d *docState) thatAhead(p, j, hi int) int {
	toks := d.paras[p].toks
	if j >= hi {
		return -1
	}
	if strings.EqualFold(toks[j].Text, "that") {
		return j
	}
	first := toks[j].Text
	if first == "," && j+1 < hi {
		first = toks[j+1].Text // "said, in a statement, that"
	}
	if !(in(prepositions, first) || in(timeWords, first) || in(timeModifiers, first) || in(cueAdverbs, first)) {
		return -1
	}
	for k := j + 1; k < hi && k-j <= 14; k++ {
		t := toks[k]
		if strings.EqualFold(t.Text, "that") {
			return k
		}
		if terminal(t) || t.Kind == text.Quote || t.Text == ";" || t.Text == ":" || in(thatStops, t.Text) {
			return -1
		}
		if _, ok := lookupVerb(t.Text); ok {
			return -1
		}
	}
	return -1
}

var thatStops = set("which who whom because if but and or while is are was were has have had will would can could")

// skipAdverbials skips time words ("Tuesday", "last week") and phrases
// such as "in a statement", "on Twitter", "at a news conference" after a
// verb.
func (d *docState) skipAdverbials(p, j, hi int) int {
	toks := d.paras[p].toks
	ents := d.paras[p].ent
	for j < hi {
		t := toks[j]
		switch {
		case (in(timeWords, t.Text) || in(cueAdverbs, t.Text)) && !(j+1 < hi && toks[j+1].Kind == text.Clitic):
			j++
		case in(timeModifiers, t.Text) && j+1 < hi && in(timeWords, toks[j+1].Text):
			j += 2
		case in(prepositions, t.Text) && !strings.EqualFold(t.Text, "that"):
			// A phrase ending in a known head or a name.
			k := j + 1
			found := -1
			for k < hi && k-j <= 6 {
				if in(adverbialHeads, toks[k].Text) {
					found = k + 1
				} else if e := ents[k]; e != 0 {
					for k+1 < hi && ents[k+1] == e {
						k++
					}
					found = k + 1
				} else if !isWordTok(toks[k]) || in(clauseOpeners, toks[k].Text) && !in(determiners, toks[k].Text) {
					break
				}
				k++
				if found > 0 && (k >= hi || !isWordTok(toks[k]) || !in(adverbialHeads, toks[k].Text) && ents[k] == 0) {
					break
				}
			}
			if found < 0 {
				return j
			}
			j = found
		case t.Text == "," && j+1 < hi && (in(prepositions, toks[j+1].Text) || in(timeWords, toks[j+1].Text)):
			// "said, in a statement, that": only when the phrase closes.
			k := d.skipAdverbials(p, j+1, hi)
			if k > j+1 && k < hi && toks[k].Text == "," {
				j = k + 1
			} else {
				return j
			}
		default:
			return j
		}
	}
	return j
}

// skipTail skips what may follow a post-position cue: the addressee and
// adverbials ("…, he told reporters in Seoul on Tuesday").
func (d *docState) skipTail(g group, hi int) int {
	j := g.end
	if g.verb.class == classObject || g.verb.lemma == "say" || g.verb.lemma == "write" {
		j = d.objectEnd(g.p, j, hi, g.verb.lemma)
	}
	return d.skipAdverbials(g.p, j, hi)
}

// tailEnds reports whether what follows token j of the sentence belongs
// to a post-position cue: closing punctuation, a participle clause (",
// adding that …"), "according to", an appositive about the speaker, or a
// few more words with no comma and no verb of their own ("…, he said
// Wednesday morning on MSNBC's “Morning Joe.”").
func (d *docState) tailEnds(p, j, hi int) bool {
	toks := d.paras[p].toks
	for k := j; k < hi; k++ {
		t := toks[k]
		switch {
		case terminal(t) || t.Kind == text.Quote || t.Text == ")" || t.Text == "]":
		case t.Text == ";":
			return true // "…, analysts say; in 2012 …"
		case t.Text == "," || t.Kind == text.Dash:
			if k+1 < hi {
				if g, ok := d.groupAt(p, k+1); ok && g.gerund {
					return true
				}
				if strings.EqualFold(toks[k+1].Text, "according") {
					return true
				}
				// An appositive or a relative clause about the speaker
				// ("…, said Smith, a spokesman for …") or a participle
				// ("…, he said, wiping his face") is no content.
				if t.Text == "," && !d.continues(p, k+1, hi, true) {
					return true
				}
			}
			return false
		default:
			if k-j > 12 || strings.EqualFold(t.Text, "that") {
				return false
			}
			if k == j && !(in(prepositions, t.Text) || in(timeWords, t.Text) || in(timeModifiers, t.Text) || in(cueAdverbs, t.Text) ||
				capitalised(t.Text) || d.paras[p].ent[k] != 0) {
				return false // an object: "expressed admiration for …"
			}
			if _, ok := lookupVerb(t.Text); ok {
				return false
			}
		}
	}
	return true
}

// contentEnd returns where a reported clause starting at cs ends: the end
// of the sentence, without its final punctuation, or before the next
// statement (", adding that", ", according to", "and added that", ", X
// said."), a semicolon, or a quotation of its own.
func (d *docState) contentEnd(p, cs, hi int) int {
	ps := &d.paras[p]
	toks := ps.toks
	// A partial quotation opened inside runs to its closing mark, even
	// past a sentence end the splitter saw inside it.
	for _, s := range d.spans {
		if s.p0 == p && s.p1 == p && s.a >= cs && s.a < hi && s.b >= hi && s.b < len(toks) {
			_, shi := d.sentRange(p, s.b)
			hi = shi
		}
	}
	// No reported clause runs longer than this; the bound keeps a huge
	// unpunctuated paragraph linear.
	hi = min(hi, cs+maxClause)
	ce := hi
	for k := cs; k < hi; k++ {
		t := toks[k]
		if t.Text == ";" {
			ce = k
			break
		}
		if ps.flags[k]&flagCue != 0 {
			ce = k
			break
		}
		if k > cs && (t.Text == "," || t.Kind == text.Dash || strings.EqualFold(t.Text, "and") || strings.EqualFold(t.Text, "but")) && k+1 < hi {
			if d.statementStarts(p, k+1, hi) {
				ce = k
				break
			}
		}
	}
	for ce > cs {
		t := toks[ce-1]
		if terminal(t) || t.Text == "," || t.Text == ":" || t.Kind == text.Dash || t.Text == "(" {
			ce--
			continue
		}
		break
	}
	return ce
}

// maxClause is the longest reported clause, in tokens.
const maxClause = 160

// statementStarts reports whether another statement starts at token k: a
// participle cue (adding, saying), "according to", "added that", or a
// subject with its reporting verb ("…, Xi said.", "and Yoon said").
func (d *docState) statementStarts(p, k, hi int) bool {
	toks := d.paras[p].toks
	if strings.EqualFold(toks[k].Text, "according") && k+1 < hi && strings.EqualFold(toks[k+1].Text, "to") {
		return true
	}
	if g, ok := d.groupAt(p, k); ok {
		return g.gerund || !g.gerund && g.verb.class != classQuote
	}
	for v := k + 1; v < hi && v-k <= 8; v++ {
		t := toks[v]
		if !isWordTok(t) && t.Text != "," {
			return false
		}
		if _, ok := lookupVerb(t.Text); !ok {
			continue
		}
		g, ok := d.groupAt(p, v)
		if !ok || g.gerund {
			return false
		}
		n, ok := d.subjectBefore(p, g.subjectStart, k)
		return ok && n.from == k
	}
	return false
}

// hasVerbish reports whether a verb-like word appears in [from, to)
// before the clause's first comma: the sign of a clause.
func (d *docState) hasVerbish(p, from, to int) bool {
	toks := d.paras[p].toks
	for k := from; k < to; k++ {
		t := toks[k]
		if t.Text == "," || t.Text == ";" || terminal(t) {
			return false
		}
		if in(verbish, t.Text) {
			return true
		}
		if k > from && k-from <= 5 && t.Kind == text.Word && len(t.Text) > 4 && strings.HasSuffix(t.Text, "ed") && d.paras[p].ent[k] == 0 {
			return true
		}
	}
	return false
}

// words counts the word tokens of toks.
func words(toks []text.Token) int {
	n := 0
	for _, t := range toks {
		if isWordTok(t) {
			n++
		}
	}
	return n
}

// addReported records an indirect statement: content [cs, ce), and, for a
// cue in the middle, a second part [cs2, ce2).
func (d *docState) addReported(g group, ent int, conf float64, p, cs, ce, cs2, ce2 int) {
	if ce <= cs {
		return
	}
	ps := &d.paras[p]
	toks := ps.toks
	cueEnd := g.end
	if g.verb.class == classObject {
		cueEnd = d.objectEnd(p, g.end, len(toks), g.verb.lemma)
	}
	if ent == 0 {
		conf *= confNoSpeakerScale
	}
	txt := d.slice(p, toks[cs].Start, toks[ce-1].End)
	end := toks[ce-1].End
	last := ce - 1
	if cs2 >= 0 && ce2 > cs2 {
		txt += " " + d.slice(p, toks[cs2].Start, toks[ce2-1].End)
		end = toks[ce2-1].End
		last = ce2 - 1
	}
	s := &stmt{
		q: newsgraph.Quote{Kind: KindIndirect, Text: txt, Cue: d.cueText(p, g.start, cueEnd),
			Paragraph: p, Start: toks[cs].Start, End: end, EndParagraph: p, Confidence: round2(conf)},
		p0: p, s0: int(ps.sentOf[cs]), p1: p, s1: int(ps.sentOf[last]), cp: p, ct: g.v,
	}
	d.setSpeaker(s, ent)
	for t := g.start; t < cueEnd; t++ {
		ps.flags[t] |= flagCue
	}
	for t := cs; t < ce; t++ {
		ps.flags[t] |= flagContent
	}
	for t := cs2; t >= 0 && t < ce2; t++ {
		ps.flags[t] |= flagContent
	}
	d.add(s)
}

// round2 rounds a confidence to two decimals.
func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
