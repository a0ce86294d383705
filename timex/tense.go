package timex

import (
	"strings"

	"github.com/newsgraph/newsgraph/text"
)

// tenseOf guesses the tense of the clause around tokens first..last of the
// sentence made of tokens [sFirst, sEnd). The clause runs between hard
// boundaries (";", ":", quotation marks, "that", "which", "but" …); the
// cue nearest to the expression wins, looked for first between the commas
// (or "and", "or") around it ("He will meet Yoon on Tuesday, officials said" is future),
// then in the whole clause ("On Tuesday, he will meet Yoon" too). Future
// cues: will, 'll, shall, would, won't, "going/due/set/scheduled/expected/
// plans … to", "is/are" + -ing. Past cues: was, were, had, has, have, did,
// common irregular past forms and regular -ed verbs. No cue: unknown.
func (p *para) tenseOf(sFirst, sEnd, first, last int) Tense {
	lo := first - 1
	for lo >= sFirst && !p.hardBound(lo) {
		lo--
	}
	hi := last + 1
	for hi < sEnd && !p.hardBound(hi) {
		hi++
	}
	slo := first - 1
	for slo > lo && !p.softBound(slo) {
		slo--
	}
	shi := last + 1
	for shi < hi && !p.softBound(shi) {
		shi++
	}
	if t := p.nearestCue(slo+1, shi, first, last); t != TenseUnknown {
		return t
	}
	return p.nearestCue(lo+1, hi, first, last)
}

// nearestCue returns the tense of the cue nearest to first..last within
// tokens [lo, hi), the left one on a tie.
func (p *para) nearestCue(lo, hi, first, last int) Tense {
	for d := 1; first-d >= lo || last+d < hi; d++ {
		if i := first - d; i >= lo {
			if t := p.cue(i); t != TenseUnknown {
				return t
			}
		}
		if i := last + d; i < hi {
			if t := p.cue(i); t != TenseUnknown {
				return t
			}
		}
	}
	return TenseUnknown
}

// softBound reports whether token i separates the parts of a clause: a
// comma, or "and"/"or" joining verb phrases ("met Yoon on Tuesday and will
// return").
func (p *para) softBound(i int) bool {
	return p.punct(i, ",") || p.word(i, "and") || p.word(i, "or")
}

// hardBound reports whether token i separates clauses.
func (p *para) hardBound(i int) bool {
	switch p.kind(i) {
	case text.Quote:
		return true
	case text.Punct:
		s := p.toks[i].Text
		return s == ";" || s == ":" || s == "(" || s == ")"
	case text.Word:
		switch strings.ToLower(p.toks[i].Text) {
		case "that", "which", "who", "because", "but", "although", "though", "whereas", "while":
			return true
		}
	}
	return false
}

// futureVerbs take "to" (or "for") to point ahead: "is due to meet",
// "scheduled for Monday".
var futureVerbs = map[string]bool{
	"going": true, "due": true, "set": true, "scheduled": true, "slated": true, "expected": true, "poised": true,
	"plans": true, "plan": true, "planned": true, "planning": true, "intends": true, "intend": true, "aims": true, "hopes": true,
}

// pastWords are common past forms that do not end in -ed.
var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "has": true, "have": true, "did": true, "said": true, "told": true,
	"met": true, "made": true, "took": true, "gave": true, "came": true, "went": true, "held": true, "saw": true,
	"began": true, "left": true, "won": true, "lost": true, "got": true, "spoke": true, "wrote": true, "sent": true,
	"brought": true, "became": true, "found": true, "kept": true, "led": true, "paid": true, "ran": true, "sold": true,
	"struck": true, "thought": true, "felt": true, "fell": true, "rose": true, "shot": true, "stood": true, "knew": true,
	"meant": true, "heard": true, "flew": true, "drew": true, "grew": true, "threw": true, "broke": true, "chose": true,
}

// notPast are -ed words that are not past verbs.
var notPast = map[string]bool{
	"hundred": true, "sacred": true, "naked": true, "wicked": true, "rugged": true, "beloved": true, "indeed": true,
	"kindred": true, "aged": true, "red": true, "bed": true, "shed": true,
}

// cue returns the tense token i signals, or TenseUnknown.
func (p *para) cue(i int) Tense {
	t := &p.toks[i]
	switch t.Kind {
	case text.Clitic:
		switch strings.ToLower(t.Text) {
		case "'ll", "’ll":
			return TenseFuture
		}
		return TenseUnknown
	case text.Word:
	default:
		return TenseUnknown
	}
	if len(t.Text) > 12 {
		return TenseUnknown
	}
	w := strings.ToLower(t.Text)
	switch w {
	case "will", "shall", "would", "wo":
		return TenseFuture
	case "is", "are", "am":
		if n := i + 1; n < len(p.toks) && p.toks[n].Kind == text.Word && len(p.toks[n].Text) > 4 &&
			strings.HasSuffix(p.toks[n].Text, "ing") && !strings.EqualFold(p.toks[n].Text, "being") {
			return TenseFuture // "is meeting on Tuesday"
		}
		return TenseUnknown
	}
	if futureVerbs[w] && (p.word(i+1, "to") || p.word(i+1, "for")) {
		if w == "set" || w == "due" { // "is set to", not "a set to"; "due to" the rain
			if !p.word(i-1, "is") && !p.word(i-1, "are") && !p.word(i-1, "was") && !p.word(i-1, "were") && !p.word(i-1, "be") && p.kind(i-1) != text.Clitic {
				return TenseUnknown
			}
		}
		return TenseFuture
	}
	if pastWords[w] {
		return TensePast
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !notPast[w] && t.Text[0] >= 'a' {
		return TensePast
	}
	return TenseUnknown
}
