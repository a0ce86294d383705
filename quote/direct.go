package quote

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// cue is the attribution found next to a quotation.
type cue struct {
	p, start, end int // the cue's tokens
	v             int // the verb (or the colon)
	ent           int
	colon         bool
	gerund        bool // a participle: its speaker is the sentence's
	after         int  // first token after the cue and what belongs to it
}

// direct attributes every quotation: its cue after it ('"…," Xi said',
// '"…," said Xi', '"…," Xi was quoted as saying'), else before it ('Xi
// said: "…"'), a quotation continued after its cue ('"…," he said, "…"')
// joining it; it is direct when it stands as a sentence of its own or
// next to its cue, partial when it is part of the reporter's sentence.
// Quotations with no cue are kept only when they stand as sentences; they
// take a speaker later (inheritSpeakers).
func (d *docState) direct() {
	for i := range d.spans {
		if d.spans[i].used {
			continue
		}
		d.attribute(i)
	}
}

func (d *docState) attribute(i int) {
	s := d.spans[i]
	p0, p1 := s.p0, s.p1
	toks0, toks1 := d.paras[p0].toks, d.paras[p1].toks
	// The content, without a trailing comma or dash.
	lastEnd := s.b // exclusive end in p1
	for lastEnd > 0 && !(p0 == p1 && lastEnd <= s.a+1) && (toks1[lastEnd-1].Text == "," || toks1[lastEnd-1].Kind == text.Dash) {
		lastEnd--
	}
	if p0 == p1 && words(toks0[s.a+1:lastEnd]) == 0 {
		return
	}

	lo, _ := d.sentRange(p0, s.a)
	if i > 0 {
		// Not before the previous quotation's closing mark.
		pv := d.spans[i-1]
		if pv.p1 == p0 && pv.b < s.a && pv.b+1 > lo {
			lo = pv.b + 1
		}
	}
	startsSentence := true
	for t := lo; t < s.a; t++ {
		if toks0[t].Kind != text.Dash && toks0[t].Text != "(" && toks0[t].Text != "[" && toks0[t].Kind != text.Quote {
			startsSentence = false
			break
		}
	}
	hi := len(toks1)
	if s.b < len(toks1) {
		_, hi = d.sentRange(p1, s.b)
	}
	endsSentence := s.b >= len(toks1) || !s.closed || s.b+1 >= hi || terminal(toks1[s.b+1]) || toks1[s.b+1].Text == ")"
	if !endsSentence && s.b > 0 && terminal(toks1[s.b-1]) && s.b+1 < len(toks1) && capitalised(toks1[s.b+1].Text) && toks1[s.b+1].SpaceBefore {
		endsSentence = true // the splitter kept `…." He` together
	}

	post, hasPost := d.postCue(i, hi)
	if !hasPost && s.b+1 == hi && hi < len(toks1) && s.b > 0 && terminal(toks1[s.b-1]) {
		// The splitter ended the sentence at '…!"' before its cue:
		// '"…!" Mr. Trump wrote on Twitter on Monday.' The next sentence
		// must be nothing but the cue.
		_, hi2 := d.sentRange(p1, hi)
		if c, ok := d.postCue(i, hi2); ok && d.tailEnds(p1, c.after, hi2) {
			post, hasPost = c, true
		}
	}
	pre, hasPre := cue{}, false
	if !hasPost {
		pre, hasPre = d.preCue(i, lo)
	}
	naming := false
	if !hasPost && !hasPre && !startsSentence {
		// 'She called his executive actions “a crucial step forward”'.
		pre, naming = d.namingCue(i, lo)
		hasPre = naming
	}
	kind := KindPartial
	switch {
	case hasPost:
		if startsSentence || d.preCueOnly(i, lo) {
			kind = KindDirect
		}
	case hasPre:
		if pre.after == s.a && d.directAfterPre(pre, s) && endsSentence && !naming {
			kind = KindDirect
		}
	default:
		if startsSentence && endsSentence {
			kind = KindDirect
		}
	}
	if !hasPost && !hasPre && kind != KindDirect {
		return // scare quotes, titles, a word in quotation marks
	}
	if !hasPost && !hasPre && (s.family == 's' && toks0[s.a].Text == "'" || p0 == p1 && words(toks0[s.a+1:lastEnd]) < 2) {
		return // ASCII single quotes with no cue (too often apostrophes), a lone word
	}

	// Text, paragraph by paragraph.
	var b strings.Builder
	firstP, firstT := -1, 0
	lastP, lastT := -1, 0
	d.eachContent(s, func(p, from, to int) {
		if p == p1 {
			to = min(to, lastEnd)
		}
		if from >= to {
			return
		}
		if firstP < 0 {
			firstP, firstT = p, from
		} else {
			b.WriteByte('\n')
		}
		toks := d.paras[p].toks
		b.WriteString(d.slice(p, toks[from].Start, toks[to-1].End))
		lastP, lastT = p, to-1
	})
	if firstP < 0 {
		return
	}
	q := newsgraph.Quote{Kind: kind, Paragraph: firstP, Start: d.tok(firstP, firstT).Start,
		EndParagraph: lastP, End: d.tok(lastP, lastT).End}
	st := &stmt{p0: firstP, s0: int(d.paras[firstP].sentOf[firstT]), p1: lastP, s1: int(d.paras[lastP].sentOf[lastT]), cp: -1, ct: -1}
	var c cue
	switch {
	case hasPost:
		c = post
	case hasPre:
		c = pre
	}
	ent := 0
	conf := confNoCue
	if hasPost || hasPre {
		ent = c.ent
		q.Cue = d.cueText(c.p, c.start, c.end)
		if c.colon {
			q.Cue = ":"
		}
		st.cp, st.ct = c.p, c.v
		if c.gerund {
			st.lateSpeaker = true
			st.lo, _ = d.sentRange(c.p, c.v)
		}
		if c.p == lastP && c.v > lastT {
			st.s1 = int(d.paras[lastP].sentOf[c.v])
		}
		for t := c.start; t < c.end; t++ {
			d.paras[c.p].flags[t] |= flagCue
		}
		switch {
		case c.colon:
			conf = confColon
		case ent != 0:
			conf = confDirectCue
		default:
			conf = confDirectNoSpeak
		}
		if kind == KindPartial {
			conf -= 0.1
		}
	} else {
		st.inherit = true
	}
	// A quotation continued after a post-position cue: '"…," he said, "…"'.
	if hasPost && i+1 < len(d.spans) {
		nx := &d.spans[i+1]
		k := post.after
		if nx.p0 == c.p && k < len(d.paras[c.p].toks) && (d.paras[c.p].toks[k].Text == "," || d.paras[c.p].toks[k].Text == ":") && nx.a == k+1 {
			nx.used = true
			var last int
			ok := false
			d.eachContent(*nx, func(p, from, to int) {
				if p != nx.p1 || from >= to {
					if from < to {
						b.WriteByte(' ')
						b.WriteString(d.slice(p, d.tok(p, from).Start, d.tok(p, to-1).End))
					}
					return
				}
				for to > from && d.tok(p, to-1).Text == "," {
					to--
				}
				if from >= to {
					return
				}
				b.WriteByte(' ')
				b.WriteString(d.slice(p, d.tok(p, from).Start, d.tok(p, to-1).End))
				last = to - 1
				ok = true
			})
			if ok {
				q.EndParagraph, q.End = nx.p1, d.tok(nx.p1, last).End
				st.p1, st.s1 = nx.p1, int(d.paras[nx.p1].sentOf[last])
			}
		}
	}
	q.Text = b.String()
	q.Confidence = round2(conf)
	st.q = q
	d.setSpeaker(st, ent)
	d.add(st)
}

// preCueOnly reports whether only a pre-position cue precedes the opening
// mark in its sentence (then a quotation with a cue after it is still
// direct).
func (d *docState) preCueOnly(i, lo int) bool {
	c, ok := d.preCue(i, lo)
	return ok && c.after == d.spans[i].a
}

// directAfterPre reports whether a quotation after its cue stands as a
// full utterance: after "said:", "said,", "said", not "said that".
func (d *docState) directAfterPre(c cue, s span) bool {
	if c.colon {
		return true
	}
	return !strings.EqualFold(d.paras[s.p0].toks[s.a-1].Text, "that")
}

// postCue reads the cue after a quotation's closing mark: '," Xi said',
// '," said Xi', '," Xi was quoted as saying', '," the Chinese president
// said', '," according to the statement'.
func (d *docState) postCue(i, hi int) (cue, bool) {
	s := d.spans[i]
	p := s.p1
	ps := &d.paras[p]
	toks := ps.toks
	j := s.b + 1
	if s.b >= len(toks) || j >= hi || !s.closed {
		return cue{}, false
	}
	if toks[j].Text == "," || toks[j].Kind == text.Dash {
		j++
	}
	if j >= hi {
		return cue{}, false
	}
	// "…," according to X.
	if strings.EqualFold(toks[j].Text, "according") && j+1 < hi && strings.EqualFold(toks[j+1].Text, "to") {
		n, ok := d.subjectAfter(p, j+2, hi)
		if !ok {
			return cue{}, false
		}
		return cue{p: p, start: j, end: j + 2, v: j, ent: n.ent, after: n.to}, true
	}
	// '," said Xi'.
	if g, ok := d.groupAt(p, j); ok && !g.gerund && g.start == j {
		if n, ok := d.subjectAfter(p, g.end, hi); ok {
			return cue{p: p, start: g.start, end: g.end, v: g.v, ent: n.ent, after: n.to}, true
		}
	}
	// '," Xi said', '," the Chinese president said'.
	for v := j; v < hi && v-j <= 14; v++ {
		t := toks[v]
		if terminal(t) || t.Kind == text.Quote || t.Text == ";" || t.Text == ":" || ps.flags[v]&flagMark != 0 {
			return cue{}, false
		}
		if t.Kind != text.Word {
			continue
		}
		g, ok := d.groupAt(p, v)
		if !ok {
			if _, isVerb := lookupVerb(t.Text); isVerb && v > j {
				return cue{}, false // a negated or passive verb: no cue
			}
			continue
		}
		if g.gerund {
			return cue{}, false
		}
		n, ok := d.subjectBefore(p, g.subjectStart, j)
		if !ok || n.from < j {
			continue // a noun such as "state" in "the Indiana state union"
		}
		if n.from > j && (in(objectExtraction, toks[n.from-1].Text) || !d.subjectGap(p, j, n.from)) {
			continue
		}
		if cs, _, that, ok := d.complement(g, hi); ok && (that || d.clauseStart(p, cs, hi)) {
			// The verb reports a clause of its own: 'on “Hannity,” Newt
			// Gingrich said if …'.
			return cue{}, false
		}
		end := g.end
		if g.verb.class == classObject {
			end = d.objectEnd(p, g.end, hi, g.verb.lemma)
		}
		return cue{p: p, start: g.start, end: end, v: g.v, ent: n.ent, after: d.skipAdverbials(p, end, hi)}, true
	}
	return cue{}, false
}

// subjectGap reports whether the tokens [j, from) before a subject found
// from its verb still belong to it: adjectives split by a comma, as in
// '," the bespectacled, 71-year-old diplomat said'.
func (d *docState) subjectGap(p, j, from int) bool {
	toks := d.paras[p].toks
	if from-j > 3 || !in(determiners, toks[j].Text) {
		return false
	}
	comma := false
	for k := j; k < from; k++ {
		t := toks[k]
		comma = comma || t.Text == ","
		if !isWordTok(t) && t.Text != "," || in(timeWords, t.Text) || in(prepositions, t.Text) || capitalised(t.Text) && k > j {
			return false
		}
	}
	return comma
}

// gapOK reports whether tokens [from, to) can stand between a cue and
// the quotation it introduces: a few words naming the addressee, the
// place or the medium ("told Breitbart News Daily host Matt Boyle", "said
// in the debate spin room"), with no verb or clause of their own.
func (d *docState) gapOK(p, from, to int) bool {
	if to-from > 9 {
		return false
	}
	toks := d.paras[p].toks
	for k := from; k < to; k++ {
		t := toks[k]
		if !isWordTok(t) && t.Text != "." && t.Kind != text.Dash {
			return false
		}
		if d.paras[p].ent[k] != 0 || t.Kind == text.Clitic {
			continue // "BBC Radio 4's Today programme"
		}
		if in(verbish, t.Text) || in(thatStops, t.Text) || strings.EqualFold(t.Text, "that") {
			return false
		}
		if _, ok := lookupVerb(t.Text); ok {
			return false
		}
	}
	return true
}

// clauseStart reports whether token k plainly opens a clause: a subject
// pronoun, "if", or a name or determiner followed soon by a verb.
func (d *docState) clauseStart(p, k, hi int) bool {
	t := d.paras[p].toks[k]
	if in(pronounSubjects, t.Text) || strings.EqualFold(t.Text, "if") || strings.EqualFold(t.Text, "whether") {
		return true
	}
	return (capitalised(t.Text) || in(determiners, t.Text)) && d.hasVerbish(p, k, min(hi, k+8))
}

// preCue reads the cue before a quotation's opening mark: 'Xi said: "…"',
// 'He told reporters on Tuesday, "…"', 'Trump wrote on Twitter: "…"',
// 'He said that "…"', ', adding: "…"', or a colon after a name ('Trump:
// "…"').
func (d *docState) preCue(i, lo int) (cue, bool) {
	s := d.spans[i]
	p := s.p0
	ps := &d.paras[p]
	toks := ps.toks
	k := s.a - 1
	if k < lo {
		return cue{}, false
	}
	colon := toks[k].Text == ":"
	if colon || toks[k].Text == "," || toks[k].Kind == text.Dash {
		k--
	}
	if k >= lo && strings.EqualFold(toks[k].Text, "that") {
		k--
	}
	for v := k; v >= lo && k-v <= 10; v-- {
		t := toks[v]
		if terminal(t) || t.Kind == text.Quote || t.Text == ";" || ps.flags[v]&(flagMark|flagCue) != 0 {
			break
		}
		if t.Kind != text.Word {
			continue
		}
		g, ok := d.groupAt(p, v)
		if !ok {
			continue
		}
		// Only the addressee and adverbials between the verb and the mark.
		end := g.end
		if g.verb.class == classObject || g.verb.lemma == "say" || g.verb.lemma == "write" {
			end = d.objectEnd(p, g.end, k+1, g.verb.lemma)
		}
		if after := d.skipAdverbials(p, end, k+1); after != k+1 && !d.gapOK(p, g.end, k+1) {
			return cue{}, false
		}
		c := cue{p: p, start: g.start, end: end, v: g.v, after: s.a}
		if g.gerund {
			c.ent, _ = d.sentenceSpeaker(p, lo, g.start)
			c.gerund = true
		} else if n, ok := d.subjectBefore(p, g.subjectStart, lo); ok {
			c.ent = n.ent
		} else if n, ok := d.subjectAfter(p, g.end, k+1); ok {
			c.ent = n.ent // 'Said Trump: "…"'
		}
		return c, true
	}
	if !colon {
		return cue{}, false
	}
	// 'Trump: "…"', 'Trump on Clinton: "…"', '… doesn't surprise
	// Republican pollster Daron Shaw: "…"'.
	c := cue{p: p, start: s.a - 1, end: s.a, v: s.a - 1, colon: true, after: s.a}
	ents := ps.ent
	if s.a-2 >= lo {
		if e := ents[s.a-2]; e != 0 && d.speakerType(int(e)) {
			c.ent = int(e)
			return c, true
		}
	}
	if e := ents[lo]; e != 0 && d.speakerType(int(e)) && s.a-lo <= 10 {
		c.ent = int(e)
	}
	return c, true
}

// namingVerbs put a name or a description in the subject's words:
// 'called Trump “a pathological liar”', 'dubbed it “the comeback kid”'.
var namingVerbs = set(`call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling
	labelling brand brands branded branding term terms termed terming deride derides derided deriding describe
	describes described describing`)

// namingCue finds a naming verb shortly before a quotation, with only its
// object between (and "as"): the quotation is a partial one, its speaker
// the verb's subject.
func (d *docState) namingCue(i, lo int) (cue, bool) {
	s := d.spans[i]
	p := s.p0
	toks := d.paras[p].toks
	for v := s.a - 1; v >= lo && s.a-v <= 12; v-- {
		t := toks[v]
		if terminal(t) || t.Kind == text.Quote || t.Text == ";" || t.Text == ":" || t.Text == "," {
			return cue{}, false
		}
		if !in(namingVerbs, t.Text) {
			continue
		}
		for k := v + 1; k < s.a; k++ {
			if !isWordTok(toks[k]) {
				return cue{}, false
			}
			if d.paras[p].ent[k] == 0 && (in(verbish, toks[k].Text) || in(thatStops, toks[k].Text)) {
				return cue{}, false
			}
		}
		c := cue{p: p, start: v, end: v + 1, v: v, after: s.a}
		k := v - 1
		for k >= lo && (in(auxiliaries, toks[k].Text) || in(cueAdverbs, toks[k].Text)) {
			k--
		}
		if strings.HasSuffix(lowerKey(t.Text), "ing") {
			c.ent, _ = d.sentenceSpeaker(p, lo, v)
		} else if n, ok := d.subjectBefore(p, k+1, lo); ok {
			c.ent = n.ent
		}
		return c, true
	}
	return cue{}, false
}

// inheritSpeakers gives a quotation with no cue the speaker of the
// statement in the sentence just before it (the same paragraph's, or the
// last sentence of the paragraph before): '"…," he said. "…"'.
func (d *docState) inheritSpeakers() {
	ordered := append([]*stmt(nil), d.stmts...)
	sortStmts(ordered)
	for i, s := range ordered {
		if !s.inherit || i == 0 {
			continue
		}
		prev := ordered[i-1]
		adjacent := prev.p1 == s.p0 && (prev.s1 == s.s0 || prev.s1 == s.s0-1) ||
			prev.p1 == s.p0-1 && s.s0 == 0 && prev.s1 == len(d.paras[prev.p1].sents)-1
		if !adjacent || prev.ent == 0 {
			continue
		}
		d.setSpeaker(s, prev.ent)
		s.q.Confidence = confInherited
		s.cp, s.ct = prev.cp, prev.ct
	}
}

// sortStmts orders statements by their content's start.
func sortStmts(ss []*stmt) {
	sort.SliceStable(ss, func(i, j int) bool { return before(ss[i], ss[j]) })
}

func before(a, b *stmt) bool {
	if a.q.Paragraph != b.q.Paragraph {
		return a.q.Paragraph < b.q.Paragraph
	}
	return a.q.Start < b.q.Start
}
