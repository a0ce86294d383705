package event

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/text"
	"github.com/newsgraph/newsgraph/timex"
)

// Stage is the event coder (newsgraph.Stage "event"): it fills
// Document.Events from the entities, actors, places, quotes and times the
// earlier stages found.
type Stage struct {
	dict *Dictionary
	kb   *kb.KB
	err  error
	bufs sync.Pool // of *buffers
}

// NewStage returns the event stage with the embedded verb dictionary and
// the embedded knowledge base's CAMEO codebook.
func NewStage() *Stage {
	d, err := Default()
	if err != nil {
		return &Stage{err: err}
	}
	k, err := kb.Default()
	return &Stage{dict: d, kb: k, err: err}
}

// Name returns "event".
func (s *Stage) Name() string { return "event" }

// Confidences of the rules.
const (
	confBase     = 0.6  // the verb's own code, a source
	confPattern  = 0.1  // a pattern after or before the verb matched
	confTarget   = 0.1  // a target was found
	confModal    = 0.35 // would, could, may, might, if: hypothetical
	confReported = 0.6  // the cap for reported speech
)

// Annotate codes the events of doc.
func (s *Stage) Annotate(ctx context.Context, doc *newsgraph.Document) error {
	if s.err != nil {
		return s.err
	}
	doc.Events = doc.Events[:0]
	if lang := doc.LanguageCode(); lang != "" && lang != "en" {
		return nil
	}
	paras := text.Reuse(doc.Scratch, doc.Paragraphs)
	ments := actorMentions(doc)
	places := placeMentions(doc)
	buf, _ := s.bufs.Get().(*buffers)
	if buf == nil {
		buf = &buffers{}
	}
	defer s.bufs.Put(buf)
	fl := flow{pi: -2}
	sports := &sportsCheck{paras: paras}
	sentBase := 0 // sentences before the paragraph
	for pi, p := range paras {
		if err := ctx.Err(); err != nil {
			return err
		}
		base := sentBase
		sentBase += len(p.Sentences)
		if len(ments[pi]) == 0 {
			continue
		}
		c := coder{s: s, doc: doc, pi: pi, sentBase: base, toks: p.Tokens, ments: ments[pi], places: places[pi], buf: buf, flow: &fl, sports: sports}
		for si, sent := range p.Sentences {
			c.sentence(si, sent)
			if fl.pi == pi && fl.si == si {
				fl.nsent = len(p.Sentences)
			}
		}
	}
	return nil
}

// mention is an actor mention located by tokens.
type mention struct {
	ent         *newsgraph.Entity
	start, end  int // code points
	first, last int // token indexes, set per paragraph
	possessive  bool
}

// actorMentions returns, per paragraph, the mentions of coded actors
// sorted by start.
func actorMentions(doc *newsgraph.Document) [][]mention {
	out := make([][]mention, len(doc.Paragraphs))
	dateline := make([]int, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		dateline[i] = datelineEnd(p)
	}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Actor == nil || e.Actor.Code == "" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Paragraph < 0 || m.Paragraph >= len(out) {
				continue
			}
			if m.Start < dateline[m.Paragraph] {
				// "NEW YORK, April 16 -": where the story was filed.
				continue
			}
			poss := false
			if m.Kind == newsgraph.MentionPronoun {
				switch strings.ToLower(m.Text) {
				case "his", "her", "its", "their", "our", "my", "your":
					poss = true
				}
			}
			out[m.Paragraph] = append(out[m.Paragraph], mention{ent: e, start: m.Start, end: m.End, possessive: poss})
		}
	}
	for _, ms := range out {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	}
	return out
}

// placeMention is a geocoded mention.
type placeMention struct {
	ent        *newsgraph.Entity
	start, end int
}

func placeMentions(doc *newsgraph.Document) [][]placeMention {
	out := make([][]placeMention, len(doc.Paragraphs))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Geo == nil || e.Geo.Precision == newsgraph.PrecisionCountry {
			continue
		}
		for _, m := range e.Mentions {
			if m.Paragraph >= 0 && m.Paragraph < len(out) {
				out[m.Paragraph] = append(out[m.Paragraph], placeMention{ent: e, start: m.Start, end: m.End})
			}
		}
	}
	return out
}

// coder codes one paragraph.
type coder struct {
	s        *Stage
	doc      *newsgraph.Document
	sports   *sportsCheck // whether the document reports on sport
	pi       int
	sentBase int // the document's sentences before this paragraph
	toks     []text.Token
	ments    []mention
	places   []placeMention
	lower    []string
	ids      []int32
	wi       []*wordInfo
	fl       []wordFlag
	inMent   []bool
	// mentionAt maps a token index to the mention starting there (+1), 0
	// for none.
	mentionAt []int
	buf       *buffers
	flow      *flow
	// sentDate is the current sentence's own date from the text, "" when
	// it has none; inherited is the previous sentence's.
	sentDate, sentPrec string
	inherited, inhPrec string
	// prevHyp says the sentence's previous coded verb was hypothetical.
	prevHyp bool
}

// flow is the narrative's last date from the text: a sentence without a
// time expression of its own inherits the day of the sentence just before
// it ("…said on Tuesday. These comments were made during a meeting…"),
// never one further back, and never a month or a year ("…last met in
// December 2019. Xi said …" is not about 2019).
type flow struct {
	pi, si, nsent int
	date, prec    string
}

// buffers are the per-token slices of a document's coder, reused from
// paragraph to paragraph.
type buffers struct {
	lower     []string
	ids       []int32
	wi        []*wordInfo
	fl        []wordFlag
	mentionAt []int
	inMent    []bool
	consumed  []bool
	hits      []hit
	// seen is a bitmap over word numbers: the words of the sentence being
	// coded.
	seen []uint64
}

func (b *buffers) grow(n int) {
	if cap(b.lower) >= n {
		return
	}
	b.lower, b.ids, b.wi = make([]string, n), make([]int32, n), make([]*wordInfo, n)
	b.fl, b.mentionAt, b.inMent, b.consumed = make([]wordFlag, n), make([]int, n), make([]bool, n), make([]bool, n)
}

func (c *coder) prepare() {
	if c.lower != nil {
		return
	}
	n := len(c.toks)
	c.buf.grow(n)
	c.lower, c.ids, c.wi, c.fl, c.mentionAt = c.buf.lower[:n], c.buf.ids[:n], c.buf.wi[:n], c.buf.fl[:n], c.buf.mentionAt[:n]
	c.inMent = c.buf.inMent[:n]
	for i, t := range c.toks {
		w := lowerASCII(t.Text)
		c.lower[i] = w
		c.fl[i] = classOf(w)
		c.wi[i], c.ids[i], c.mentionAt[i], c.inMent[i] = nil, 0, 0, false
		if t.Kind != text.Word && t.Kind != text.Clitic {
			continue
		}
		if wi := c.s.dict.words[w]; wi != nil {
			c.wi[i], c.ids[i] = wi, wi.id
		}
	}
	j := 0
	for mi := range c.ments {
		m := &c.ments[mi]
		for j < len(c.toks) && c.toks[j].End <= m.start {
			j++
		}
		m.first = j
		k := j
		for k+1 < len(c.toks) && c.toks[k+1].Start < m.end {
			k++
		}
		m.last = k
		for x := j; x <= k && x < len(c.toks); x++ {
			c.inMent[x] = true
		}
		if j < len(c.toks) && (c.mentionAt[j] == 0 || c.ments[c.mentionAt[j]-1].end < m.end) {
			c.mentionAt[j] = mi + 1
		}
	}
}

// pendingHit is a verb whose meaning a following verb carries ("agreed
// to meet"), coded only when the follower codes nothing.
type pendingHit struct {
	follower int
	head     hit
}

// hit is a dictionary verb found in a sentence.
type hit struct {
	v, ve int // verb's first and last token
	form  Form
}

func (c *coder) sentence(si int, sent text.Sentence) {
	lo, hi := sent.First, sent.First+len(sent.Tokens)
	c.prepare()
	f := c.flow
	c.inherited, c.inhPrec = "", ""
	if f.prec == string(newsgraph.PrecisionDay) && (f.pi == c.pi && f.si == si-1 || f.pi == c.pi-1 && si == 0 && f.si == f.nsent-1) {
		c.inherited, c.inhPrec = f.date, f.prec
	}
	c.sentDate, c.sentPrec = "", ""
	for _, t := range c.doc.Times {
		if t.Paragraph != c.pi || t.Kind != string(timex.KindDate) || t.Start < sent.Start || t.End > sent.End || c.boundTime(t, lo, hi) {
			continue
		}
		r := timex.Resolve(t.Text, c.doc.Published, c.timeTense(t, lo, timex.TensePast))
		if p := r.Granularity.Precision(); r.Value != "" && p != newsgraph.PrecisionNone {
			c.sentDate, c.sentPrec = r.Value, string(p)
			*f = flow{pi: c.pi, si: si, date: r.Value, prec: string(p)}
			break
		}
	}
	c.prevHyp = false
	hits := c.buf.hits[:0]
	defer func() { c.buf.hits = hits[:0] }()
	for i := lo; i < hi; i++ {
		t := c.toks[i]
		if t.Kind != text.Word || c.wi[i] == nil || c.inMent[i] {
			// Not a verb inside an actor's name ("United States", "Russian
			// forces").
			continue
		}
		fs := c.wi[i].forms
		if len(fs) == 0 {
			continue
		}
		if !c.verbUse(i, lo, hi) && !c.partiesFollow(i, hi) {
			continue
		}
		for _, f := range fs {
			if c.restMatches(i+1, hi, f.Rest) {
				hits = append(hits, hit{v: i, ve: i + len(f.Rest), form: f})
				break
			}
		}
	}
	if len(hits) == 0 {
		return
	}
	if c.buf.seen == nil {
		c.buf.seen = make([]uint64, len(c.s.dict.words)/64+2)
	}
	for i := lo; i < hi; i++ {
		if id := c.ids[i]; id != 0 {
			c.buf.seen[id>>6] |= 1 << (id & 63)
		}
	}
	defer func() {
		for i := lo; i < hi; i++ {
			if id := c.ids[i]; id != 0 {
				c.buf.seen[id>>6] = 0
			}
		}
	}()
	consumed := c.buf.consumed[:hi]
	for i := lo; i < hi; i++ {
		consumed[i] = false
	}
	// A verb form just after another verb, with only plain words between,
	// is its object noun: "continue military aid", "demanded support".
	for k := 1; k < len(hits); k++ {
		p, h := hits[k-1], hits[k]
		if h.v > p.ve+3 {
			continue
		}
		plain := true
		det := p.ve+1 < h.v && c.fl[p.ve+1]&fDeterminers != 0 // "rejected a US offer"
		for i := p.ve + 1; i < h.v; i++ {
			if det && i == p.ve+1 {
				continue
			}
			if c.toks[i].Kind != text.Word || c.fl[i] != 0 || c.mentionAt[i] != 0 && !det || c.inMent[i] && !det || pronoun(c.lower[i]) || c.lower[i] == "and" || c.lower[i] == "to" || c.lower[i] == "must" {
				plain = false
				break
			}
		}
		if plain && c.fl[h.v-1]&(fFutures|fModals|fPastAux|fBeForms) == 0 {
			consumed[h.v] = true
			// and what the noun governs: "an offer to host".
			for _, n := range hits[k+1:] {
				if n.v == h.ve+2 && c.lower[h.ve+1] == "to" {
					consumed[n.v] = true
				}
			}
		}
	}
	// "need to improve", "refused to meet": the first verb only says how
	// the second is meant.
	// When the second verb codes nothing ("agreed to undertake
	// exercises"), the first is coded on its own (pending).
	var pending []pendingHit
	for k, h := range hits {
		if ((c.fl[h.v]&fIntentWords != 0) || (c.fl[h.v]&fRefuseWords != 0) || aspectWord(c.lower[h.v])) && h.ve+1 < hi && c.lower[h.ve+1] == "to" {
			for _, n := range hits[k+1:] {
				if n.v > h.ve+1 && n.v <= h.ve+3 && !consumed[h.v] {
					consumed[h.v] = true
					pending = append(pending, pendingHit{follower: n.v, head: h})
				}
			}
		}
	}
	// "X said (that) Y must …": X demands of Y, whatever the verbs.
	evs := c.mustDemands(si, sent, lo, hi, hits, consumed)
	var prevSource []mention
	prevVerb, lastVerb, lastTalk := -1, -1, false
	for _, h := range hits {
		if consumed[h.v] {
			prevVerb = h.v
			continue
		}
		if c.inDirectQuote(c.toks[h.v].Start) {
			continue
		}
		if lastVerb >= 0 && !lastTalk && c.subordinate(h.v, lastVerb) {
			continue
		}
		ev, srcs, ok := c.code(si, sent, lo, hi, h, prevSource, prevVerb, consumed)
		if !ok || len(ev) == 0 {
			for _, p := range pending {
				if p.follower == h.v {
					ev, srcs, ok = c.code(si, sent, lo, hi, p.head, prevSource, prevVerb, consumed)
				}
			}
		}
		if !ok {
			continue
		}
		prevSource, prevVerb = srcs, h.v
		c.prevHyp = len(ev) > 0 && ev[0].Hypothetical
		lastVerb, lastTalk = h.v, len(ev) > 0 && ev[0].Root == "01"
		evs = append(evs, ev...)
	}
	// Talk-only statements only when nothing more specific applies.
	specific := false
	for _, e := range evs {
		if e.Root != "01" {
			specific = true
		}
	}
	// One event per source and sentence: the main clause's, the first.
	// What the same actor did next in the sentence ("rioted …, setting
	// fire to mattresses and smashing furniture") elaborates it; coding
	// each again would count one event many times.
	// (One predicate may act on several targets: "said Russia and
	// Belarus must release …" demands of each.)
	seen := map[string]int{} // source → its event's trigger start
	for _, e := range evs {
		if specific && e.Root == "01" {
			continue
		}
		key := deref(e.Source.Entity) + "|" + e.Source.Code
		if at, ok := seen[key]; ok && (e.Trigger == nil || at != e.Trigger.Start) {
			continue
		}
		if e.Trigger != nil {
			seen[key] = e.Trigger.Start
		} else {
			seen[key] = -1
		}
		c.doc.Events = append(c.doc.Events, e)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// lowerASCII lower-cases s, without allocating when it is lower case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

func (c *coder) restMatches(i, hi int, rest []string) bool {
	for k, w := range rest {
		if i+k >= hi || c.lower[i+k] != w {
			return false
		}
	}
	return true
}

func (c *coder) inDirectQuote(pos int) bool {
	for _, q := range c.doc.Quotes {
		if q.Kind != "direct" {
			continue
		}
		if q.Paragraph == c.pi && pos >= q.Start && (q.EndParagraph > c.pi || pos < q.End) {
			return true
		}
		if q.Paragraph < c.pi && q.EndParagraph >= c.pi && (q.EndParagraph > c.pi || pos < q.End) {
			return true
		}
	}
	return false
}

// clauseStart returns the first token of the clause of the verb at v: the
// token after the nearest clause bound, or the outer clause's start when
// the bound opens a relative clause closed by a comma before the verb
// ("Russia, which invaded Ukraine, signed …").
func (c *coder) clauseStart(lo, v int) int {
	cl := lo
	for i := v - 1; i >= lo; i-- {
		if !c.clauseBound(i) {
			continue
		}
		cl = i + 1
		if w := c.lower[i]; (w == "which" || w == "who") && i > lo && c.lower[i-1] == "," && c.commaBetween(i+1, v) {
			return c.clauseStart(lo, i-1)
		}
		break
	}
	return cl
}

func (c *coder) clauseBound(i int) bool {
	t := c.toks[i]
	if t.Kind == text.Punct && (t.Text == ";" || t.Text == ":") {
		return true
	}
	return t.Kind == text.Quote || (c.fl[i]&fClauseWords != 0)
}

// code codes one verb hit; srcs are the sources it used (for a
// coordinated verb after it).
func (c *coder) code(si int, sent text.Sentence, lo, hi int, h hit, prev []mention, prevVerb int, consumed []bool) ([]newsgraph.Event, []mention, bool) {
	d := c.s.dict
	b := &d.Blocks[h.form.Block]
	// Clause limits.
	cl := c.clauseStart(lo, h.v)
	ch := hi
	for i := h.ve + 1; i < hi; i++ {
		if c.clauseBound(i) {
			ch = i
			break
		}
	}
	// A reported clause is a clause of its own: "X and Y agreed to …, an
	// official said" gives the official neither as source nor as target.
	q := c.indirectQuote(c.toks[h.v].Start)
	if q != nil {
		for i := h.v - 1; i >= cl; i-- {
			if c.toks[i].Start < q.Start {
				cl = i + 1
				break
			}
		}
		for i := h.ve + 1; i < ch; i++ {
			if c.toks[i].End > q.End {
				ch = i
				break
			}
		}
	}
	w := c.lower[h.v]
	// Verbs of relative and adverbial clauses ("…, who has attacked",
	// "after X met Y") are background, not the sentence's news.
	from := lo
	if q != nil {
		from = cl
	}
	for i := from; i < h.v; i++ {
		// A subordinate clause closed by a comma before the verb ("After
		// the talks collapsed, Iran expelled …", "Russia, which invaded
		// Ukraine, signed …") leaves the verb in the main clause.
		if c.fl[i]&fSubWords != 0 && !c.commaBetween(i+1, h.v) {
			return nil, nil, false
		}
		// "as soon as it takes effect", "as long as": a condition.
		if c.lower[i] == "as" && i+2 < h.v && (c.lower[i+1] == "soon" || c.lower[i+1] == "long") && c.lower[i+2] == "as" {
			return nil, nil, false
		}
	}
	// What someone was urged, asked or told to do has not happened: the
	// directive is the event ("urged Care International, the agency she
	// works for, to close its office").
	if h.v > lo+1 && c.lower[h.v-1] == "to" && c.directiveBefore(lo, h.v-1) {
		return nil, nil, false
	}
	// A noun's infinitive ("a common responsibility to protect", "the
	// right to fire", "a plan to attack") is no event.
	if h.v > lo+1 && c.lower[h.v-1] == "to" && c.nounBefore(h.v-2) {
		return nil, nil, false
	}
	// Gerunds after a preposition ("prevent X from escalating") and
	// purpose infinitives after another verb ("met Y to discuss") are not
	// events of their own.
	if h.v > lo && c.toks[h.v].Kind == text.Word && (c.fl[h.v-1]&fGerundPreps != 0) {
		// After a preposition a verb form is a gerund or a noun ("for
		// talks", "in protest").
		return nil, nil, false
	}
	if h.v > lo+1 && c.lower[h.v-1] == "to" && prevVerb >= cl && !(c.fl[h.v-2]&fIntentWords != 0) && !(c.fl[h.v-2]&fRefuseWords != 0) && !aspectWord(c.lower[h.v-2]) && !(c.fl[h.v-2]&fSkipAdv != 0) && c.lower[h.v-2] != "and" {
		return nil, nil, false
	}
	// No actor in reach: no event (before the costlier pattern matching).
	if len(prev) == 0 && q == nil {
		found := false
		for i := cl; i < ch; i++ {
			if c.mentionAt[i] != 0 {
				found = true
				break
			}
		}
		if !found {
			return nil, nil, false
		}
	}
	// The pattern.
	code, reverse, pat := h.form.Code, false, false
	switch code {
	case "":
		code = b.Code
	case NoEvent:
		code = ""
	}
	kin := verbKin(h.form.Verb)
	for _, p := range d.compiled[h.form.Block] {
		if p.verb != "" && p.verb != h.form.Verb && p.verb != kin {
			continue
		}
		if c.present(p.after) && c.present(p.before) && c.matchAfter(h.ve+1, ch, p.after) && c.matchBefore(h.v-1, cl, p.before) {
			code, reverse, pat = p.code, p.reverse, true
			break
		}
	}
	if code == "" && d.Blocks[h.form.Block].Name == "REFUSE" && (h.form.Verb == "reject" || h.form.Verb == "refuse" || h.form.Verb == "rule" && len(h.form.Rest) > 0) {
		// PETRARCH codes "reject" only when it knows the object; CAMEO's
		// default for a rejection is 120 ("reject, not specified below").
		code = "120"
	}
	if h.form.Verb == "send" || h.form.Verb == "dispatch" || h.form.Verb == "despatch" {
		// "sent 21 personnel to Bosnia to investigate …", "dispatched
		// inspectors to monitor …": sending people to look into
		// something is investigating it (090).
		if j := c.investigativePurpose(h.ve+1, hi); j >= 0 {
			code, pat = "090", true
			consumed[j], consumed[j+1] = true, true
		}
	}
	if code != "" && (strings.HasPrefix(code, "17") || violentRoot(code[:2])) && (c.sportsSentence(lo, hi) || c.sports.is()) {
		// "England beat France", "Cameroon took the lead", "striking a
		// forehand": a match, or a report on sport, is no conflict.
		code = ""
	}
	if !pat && (c.fl[h.v]&fAgreeForms != 0) {
		// Agreeing is expressing the intent to cooperate (PLOVER AGREE).
		code = "030"
	}
	if pc := c.protestCode(h, ch); pc != "" {
		code, pat = pc, true
	} else if c.inProtest(h.ve+1, hi) && (code == "" || !strings.HasPrefix(code, "14") && !violentRoot(code[:2])) {
		// "shunned work to protest at …", "blocked the bridge in protest
		// against …": an action done in protest is a protest.
		code, pat = "140", true
	} else if ic := c.issuedCode(h.ve+1, ch); !pat && h.form.Verb == "issue" && ic != "" {
		// "issued a stern reminder", "issued a declaration demanding":
		// words, not goods.
		code = ic
	} else if ec := c.expelCode(h.ve+1, ch); ec != "" && (h.form.Verb == "expel" || h.form.Verb == "deport" || ec != "161" && h.form.Verb == "withdraw") {
		// Expelling diplomats breaks relations; inspectors,
		// peacekeepers and aid agencies have their own codes.
		code = ec
	} else if strings.HasPrefix(w, "telephon") || strings.HasPrefix(w, "phone") {
		// A telephone call is a discussion by telephone (041), whatever
		// PETRARCH's CALL patterns say.
		code = "041"
	}
	if code == "" && c.mustBefore(h.v, cl) && len(prev) > 0 {
		// "X declared that Y must reopen …" demands whatever the verb.
		code = "100"
	}
	if code == "" {
		return nil, nil, false
	}
	// Auxiliaries, negation, modality, intent, refusal before the verb.
	// In reported speech "would" is the future seen from the past ("said
	// they would meet"): an intent, not a supposition.
	reportedWould := q != nil || c.speechBefore(cl, h.v)
	negated, modal, future, past, must := false, false, false, false, false
	intent, refuse := false, false
	if strings.HasSuffix(w, "ed") || (c.fl[h.v]&fPastIrreg != 0) {
		past = true
	}
	for i := h.v - 1; i >= cl && i >= h.v-4; i-- {
		x := c.lower[i]
		switch {
		case c.fl[i]&fNegations != 0:
			negated = true
		case c.fl[i]&fFutures != 0:
			// CAMEO codes a future action as the intent to act.
			future, intent = true, true
		case c.fl[i]&fPastAux != 0:
			past = true
		}
		if c.fl[i]&fModals != 0 && !(x == "would" && reportedWould) {
			modal = true
		}
		if x == "must" {
			must = true
		}
		if x == "to" && i > lo {
			if c.fl[i-1]&fIntentWords != 0 {
				intent = true
				consumed[i-1] = true
				future = true
			}
			if c.fl[i-1]&fRefuseWords != 0 {
				refuse = true
				consumed[i-1] = true
			}
		}
		if c.fl[i]&(fSkipAdv|fNegations|fIntentWords|fRefuseWords) == 0 {
			break
		}
	}
	for i := cl; i < h.v; i++ {
		if c.fl[i]&fModals == 0 {
			continue
		}
		if c.lower[i] == "would" && reportedWould {
			continue
		}
		modal = true
	}
	participle := strings.HasSuffix(w, "ed") || (c.fl[h.v]&fPastIrreg != 0) || strings.HasSuffix(w, "en")
	passive, relative := false, false
	if h.v > lo && participle {
		switch {
		case c.fl[h.v-1]&fBeForms != 0:
			passive = true
		case c.toks[h.v-1].Kind == text.Word && !(c.fl[h.v-1]&fPastAux != 0) && !(c.fl[h.v-1]&fDeterminers != 0) && !timeWord(c.lower[h.v-1]) && c.mentionEndingAt(h.v-1) == nil && c.find(h.ve+1, min(ch, h.ve+5), "by") >= 0:
			// "a statement issued in Beijing by X": a reduced relative.
			passive, relative = true, true
		}
	}
	switch {
	case refuse:
		code = refusal(code)
	case negated && future && cooperativeRoot(code[:2]):
		// "will not accept refugees", "would not meet": refusing to
		// cooperate is an event of its own (CAMEO 12), not a negated
		// one. ("Did not go" stays a non-event.)
		code, negated, intent, modal = refusal(code), false, false, false
	case intent:
		code = intention(code)
	case pat && strings.HasPrefix(b.Code, "01") && !strings.HasPrefix(code, "01") && c.futureAfter(h.ve+1, ch):
		// "said they will release", "says it is willing to withdraw": a
		// statement of what the speaker will do is its intent.
		code = intention(code)
	}
	// Nominal use ("a meeting he had with", "talks between X and Y").
	nominal := h.v > lo && (c.fl[h.v-1]&fDeterminers != 0) || !c.verbUse(h.v, lo, hi)
	var srcs []mention
	var tgt *mention
	after := h.ve + 1
	if passive && !relative && c.find(h.ve+1, ch, "by") < 0 && h.ve+1 < hi && c.lower[h.ve+1] == "to" {
		// "Israel is opposed to French mediation", "is committed to":
		// the participle is an adjective of the subject, who acts.
		passive = false
	}
	if passive {
		if by := c.find(h.ve+1, ch, "by"); by >= 0 {
			// The agent heads the phrase after "by": "by Russian forces",
			// "by the army of Chad", not "by a strong performance in
			// China".
			if m := c.mentionIn(by+1, ch); m != nil && c.agentHead(by+1, m.first) {
				srcs = []mention{*m}
			}
		}
		if m := c.subject(cl, h.v); m != nil && !relative {
			tgt = m
		}
		if len(srcs) == 0 {
			return nil, nil, false
		}
	} else {
		if nominal {
			if bt := c.find(h.ve+1, min(ch, h.ve+3), "between"); bt >= 0 {
				if m := c.mentionIn(bt+1, ch); m != nil {
					srcs = []mention{*m}
					if and := c.find(m.last+1, min(ch, m.last+2), "and"); and >= 0 {
						if n := c.mentionIn(and+1, min(ch, and+4)); n != nil {
							tgt = n
						}
					}
				}
			} else if wi := c.find(h.ve+1, min(ch, h.ve+5), "with"); wi >= 0 {
				if m := c.mentionIn(h.ve+1, wi); m != nil {
					srcs = []mention{*m}
					after = wi
				}
			} else {
				// A noun with no parties of its own ("Israel's wish",
				// "their struggle"): not an event.
				return nil, nil, false
			}
		}
		infinitive := h.v > lo && c.lower[h.v-1] == "to" && prevVerb >= cl
		if len(srcs) == 0 {
			upto := h.v
			if infinitive {
				upto = prevVerb
			}
			if coordinated(c, cl, h.v) && len(prev) > 0 {
				srcs = prev
			} else if m := c.subject(cl, upto); m != nil {
				srcs = []mention{*m}
				if p := c.coordinate(cl, m); p != nil {
					srcs = append([]mention{*p}, srcs...)
				}
			} else if len(prev) > 0 && infinitive {
				srcs = prev
			}
		}
		if tgt == nil && code >= "10" {
			// Conflict is against someone: "protest against X",
			// "sanctions against X".
			// Not across a complement: "demanded that Hamas renounce its
			// struggle against Israel" is a demand of Hamas.
			if ag := c.find(after, c.upToThat(after, min(hi, after+10)), "against"); ag >= 0 {
				tgt = c.mentionIn(ag+1, min(hi, ag+5))
			}
		}
		if tgt == nil {
			// A place is no target of a meeting (its location) nor of
			// a ceasefire or a retreat declared there.
			places := len(srcs) == 1 && (!strings.HasPrefix(code, "04") || travelVerb(w)) && !strings.HasPrefix(code, "087")
			tgt = c.target(after, ch, places)
			// "demanded (on Friday) that X …": the target is the
			// complement's subject, and the complement is not coded.
			if tgt == nil && ch < hi && ch <= h.ve+4 && c.lower[ch] == "that" && verbalRoot(code[:2]) {
				end := hi
				for i := ch + 1; i < hi; i++ {
					if c.lower[i] == ";" {
						end = i
						break
					}
				}
				tgt = c.mentionIn(ch+1, min(end, ch+6))
				for i := ch + 1; i < end; i++ {
					consumed[i] = true
				}
			}
		}
	}
	// Reported speech.
	conf := confBase
	reported := false
	var demanded []mention // the sources of a reported obligation
	if q != nil {
		reported = true
		if sp := c.speaker(q); sp != nil {
			opens := c.opensWithSpeakerSide(q, sp)
			if must && len(srcs) == 1 && srcs[0].ent != sp {
				// "X said Y must …": X demands of Y (CAMEO 10).
				tgt, srcs = &srcs[0], []mention{{ent: sp}}
				code, opens = "100", false
			} else if must && len(srcs) > 1 && !slices.ContainsFunc(srcs, func(m mention) bool { return m.ent == sp }) {
				// "X said Y and Z must …": X demands of each.
				demanded, srcs = srcs, []mention{{ent: sp}}
				code, opens = "100", false
			}
			if len(srcs) == 0 && opens || len(srcs) == 1 && srcs[0].ent.Actor.Kind == newsgraph.ActorCountry && srcs[0].ent.Actor.Country == sp.Actor.Country {
				srcs = []mention{{ent: sp}}
			}
		}
	}
	if strings.HasPrefix(code, "11") && tgt != nil && strings.HasPrefix(tgt.ent.Actor.Code, "IGO") {
		// "complained to the United Nations over Israeli air raids":
		// the complaint is about Israel, made before the UN.
		if m := c.aboutActor(tgt.last+1, hi); m != nil {
			tgt = m
		}
	}
	if strings.HasPrefix(code, "13") && len(srcs) > 0 {
		// "threatened to strike unless Israel rescinded …": the threat
		// is made to whoever must act to avert it.
		if m := c.conditionSubject(h.ve+1, hi); m != nil && m.ent != srcs[0].ent {
			tgt = m
		}
	}
	if (strings.HasPrefix(code, "19") || strings.HasPrefix(code, "18")) && c.bombing(lo, hi) {
		// CAMEO 183: suicide, car and other non-military bombings, whatever
		// the verb ("a roadside bomb killed …").
		code = "183"
	} else if (strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")) && len(srcs) > 0 && unarmed(srcs[0].ent) && c.duringProtest(lo, hi) {
		// "youths threw stones during demonstrations": unarmed people's
		// violence in a protest is a violent protest, a riot (145).
		code = "145"
	} else if (strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")) && c.dispersal(lo, hi) {
		// "opened fire to disperse demonstrators": violent repression
		// (175), not fighting.
		code = "175"
	} else if code == "183" && c.armedForce(lo, hi) {
		// PETRARCH's "&WEAPON * [183] # KILL" takes aircraft and
		// artillery for bombs: what they do is fighting.
		code = "190"
	} else if strings.HasPrefix(code, "19") && (beating(h.form.Verb) || c.forceOnUnarmed(lo, hi, tgt)) {
		// Beating and torture, and force by other than military means
		// against a person or unarmed people (civilians, refugees,
		// journalists, aid workers) are assaults (18), not fighting.
		code = assaultCode(h.form.Verb)
	}
	if must && !reported && len(prev) > 0 && len(srcs) > 0 && !slices.ContainsFunc(srcs, func(m mention) bool { return m.ent == prev[0].ent }) {
		// "X declared that Y (and Z) must …": X demands of each (CAMEO
		// 10).
		if len(srcs) == 1 {
			tgt = &srcs[0]
		} else {
			demanded = srcs
		}
		srcs = prev[:1]
		code = "100"
	}
	if len(srcs) == 0 {
		return nil, nil, false
	}
	if pat {
		conf += confPattern
	}
	if tgt != nil {
		conf += confTarget
	}
	if reported && conf > confReported {
		conf = confReported
	}
	if c.likelyBefore(h.v, lo) {
		modal = true
	}
	if c.prevHyp && coordinated(c, cl, h.v) {
		// "must be approved by X and ratified by Y": the coordinated verb
		// shares the first one's modality.
		modal = true
	}
	if must && code != "100" && !reported {
		// "must still be approved", "should be ratified": an obligation,
		// not an event that happened.
		modal = true
	}
	if modal {
		conf = confModal
	}
	// The meeting family: where it took place.
	loc := c.location(sent)
	var out []newsgraph.Event
	mk := func(src mention, tg *mention) {
		if tg != nil && (tg.ent == src.ent || tg.ent.Actor.Code == src.ent.Actor.Code && !domesticRoot(code[:2])) {
			// An actor does not act on itself ("China's Foreign Ministry
			// quoted Xi": both CHNGOV).
			tg = nil
		}
		if h.form.Verb == "resign" {
			// One resigns from an office, not against anyone.
			tg = nil
		} else if tg == nil && !reverse && domesticRoot(code[:2]) && code != "0871" && code != "0874" {
			// (A ceasefire or a retreat without a named other side is
			// the armed group's own act.)
			// "police opened fire, killing one person", "lifted the state
			// of emergency in Darfur": an unnamed target is the people of
			// the place, else of the source's country (CAMEO practice).
			if cc := c.domesticCountry(cl, ch, src, loc); cc != "" {
				tg = &mention{ent: &newsgraph.Entity{Actor: &newsgraph.Actor{Code: cc, Country: cc, Kind: newsgraph.ActorCountry}}}
			}
		}
		if tg == nil && counterpartRoot(code[:2]) {
			// Consulting, cooperating and aiding are done with someone:
			// without a counterpart ("England went in at half-time",
			// "Mexico leads the way") there is no such event.
			return
		}
		s, t := src, tg
		if reverse && t != nil {
			s, t = *t, &src
		}
		cd := code
		if strings.HasPrefix(cd, "04") && len(cd) == 3 && cd != "041" && cd != "045" && cd != "046" && loc != nil && t != nil {
			sc, tc := s.ent.Actor.Country, t.ent.Actor.Country
			switch loc.Country {
			case tc:
				cd = "042"
			case sc:
				cd = "043"
			default:
				if sc != "" && tc != "" {
					cd = "044"
				}
			}
		}
		out = append(out, c.event(si, sent, h, cd, s, t, loc, negated, conf, past, future))
	}
	switch {
	case len(demanded) > 0:
		for i := range demanded {
			mk(srcs[0], &demanded[i])
		}
	case len(srcs) == 2 && tgt == nil && mutualRoot(code[:2]):
		// "X and Y agreed", "met", "fought": each acted on the other.
		mk(srcs[0], &srcs[1])
		mk(srcs[1], &srcs[0])
	default:
		for _, s := range srcs {
			mk(s, tgt)
		}
	}
	return out, srcs, true
}

// coordinated reports whether the verb at v follows "and" (with
// auxiliaries between): "met Yoon and urged him".
func coordinated(c *coder, cl, v int) bool {
	for i := v - 1; i >= cl && i >= v-3; i-- {
		if c.lower[i] == "and" {
			return true
		}
		if !(c.fl[i]&fSkipAdv != 0) {
			return false
		}
	}
	return false
}

// intention turns an action's code into the intent to do it: "ready to
// work with" (05) → 030, "ready to meet" (04) → 036.
func intention(code string) string {
	switch code[:2] {
	case "04":
		return "036"
	case "05":
		return "030"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	case "14", "15", "16", "17", "18", "19", "20":
		return "130"
	}
	return code
}

// refusal turns an action's code into refusing it (root 12): "refused to
// meet" → 125.
func refusal(code string) string {
	switch code[:2] {
	case "04":
		return "125"
	case "06":
		return "121"
	case "07":
		return "122"
	case "08":
		return "124"
	}
	return "120"
}

func (c *coder) find(from, to int, w string) int {
	for i := from; i < to && i < len(c.lower); i++ {
		if c.lower[i] == w {
			return i
		}
	}
	return -1
}

// mentionIn returns the first actor mention starting in tokens [from, to),
// the head of a noun phrase when several stand together ("his South
// Korean counterpart Yoon Suk-yeol" → Yoon Suk-yeol).
func (c *coder) mentionIn(from, to int) *mention {
	for i := from; i < to && i < len(c.mentionAt); i++ {
		if c.mentionAt[i] == 0 {
			continue
		}
		m := &c.ments[c.mentionAt[i]-1]
		// A better head shortly after, with only words between: "his
		// South Korean counterpart Yoon Suk-yeol".
		for more := true; more; {
			more = false
			for j := m.last + 1; j < to && j <= m.last+3; j++ {
				if c.toks[j].Kind != text.Word || c.fl[j] != 0 || c.lower[j] == "and" || c.lower[j] == "with" || c.lower[j] == "to" {
					break
				}
				if c.mentionAt[j] != 0 {
					m, more = &c.ments[c.mentionAt[j]-1], true
					break
				}
			}
		}
		if m.possessive {
			continue
		}
		return m
	}
	return nil
}

// mentionEndingAt returns the actor mention whose last token is i.
func (c *coder) mentionEndingAt(i int) *mention {
	for mi := range c.ments {
		if c.ments[mi].last == i {
			return &c.ments[mi]
		}
	}
	return nil
}

// subject is the nearest actor mention before the verb in its clause,
// not one after a locative preposition.
func (c *coder) subject(cl, v int) *mention {
	// Skip an appositive or parenthetical just before the verb: "Pakistan,
	// a key U.S. ally, has refused".
	i := v - 1
	for i >= cl && (c.fl[i]&fSkipAdv != 0) {
		i--
	}
	if i > cl && c.lower[i] == "," {
		for j := i - 1; j > cl; j-- {
			if c.lower[j] == "," {
				if c.mentionEndingAt(j-1) != nil {
					v = j
				}
				break
			}
		}
	}
	// "The US dollar has hit a record low": a thing heads the subject,
	// and the actor before it only modifies it; nobody acted.
	h := v - 1
	for h > cl && (c.fl[h]&(fSkipAdv|fBeForms|fPastAux|fModals|fFutures) != 0) {
		h--
	}
	if h >= cl && inanimateHead(c.lower[h]) && c.mentionAt[h] == 0 && !c.inMent[h] {
		return nil
	}
	var best *mention
	for mi := range c.ments {
		m := &c.ments[mi]
		if m.first < cl || m.last >= v {
			continue
		}
		if m.first > 0 && ((c.fl[m.first-1]&fLocPreps != 0) || c.lower[m.first-1] == "from" || c.lower[m.first-1] == "to") {
			continue
		}
		if c.inPlaceList(m, cl) {
			// "had been in Afghanistan and Pakistan": the second of two
			// places after "in" is a place too.
			continue
		}
		best = m
	}
	if best == nil {
		best = c.groupIn(cl, v)
	}
	return best
}

// groupIn returns the place of an unnamed group that opens the clause:
// "Opposition groups in Zimbabwe are demanding", "Rebels in the Ivory
// Coast blocked" — the group acts for its country.
func (c *coder) groupIn(cl, v int) *mention {
	for mi := range c.ments {
		m := &c.ments[mi]
		if m.first < cl+2 || m.last >= v {
			continue
		}
		p := m.first - 1
		if c.lower[p] == "the" {
			p--
		}
		if p <= cl || c.lower[p] != "in" {
			return nil
		}
		noun := c.lower[p-1]
		if !strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "ss") || c.toks[p-1].Kind != text.Word {
			return nil
		}
		for i := cl; i < p; i++ {
			if c.toks[i].Kind != text.Word || c.fl[i]&(fBeForms|fPastAux|fModals|fFutures|fClauseWords) != 0 || c.mentionAt[i] != 0 {
				return nil
			}
		}
		return m
	}
	return nil
}

// coordinate returns X when the subject m is the Y of "X and Y".
func (c *coder) coordinate(cl int, m *mention) *mention {
	if m.first-1 <= cl || c.lower[m.first-1] != "and" {
		return nil
	}
	for mi := range c.ments {
		p := &c.ments[mi]
		if p.last == m.first-2 && p.first >= cl && p.ent != m.ent {
			return p
		}
	}
	return nil
}

// target is the first actor mention after the verb in its clause, within
// fifteen tokens, not after a locative preposition.
func (c *coder) target(from, ch int, places bool) *mention {
	for i := from; i < ch && i < from+15; i++ {
		if adverbialOpener(c.lower[i]) {
			// "reimposed blockades in the West Bank following the
			// deaths of two Israelis": no object past an adverbial.
			break
		}
		if c.mentionAt[i] == 0 {
			continue
		}
		if c.afterLocPrep(i) {
			continue
		}
		if m := c.mentionIn(i, ch); m != nil {
			return m
		}
	}
	// Else a place named after the verb: "evacuate settlements in Gaza"
	// (not for meetings, whose place is their location).
	for i := from; places && i < ch && i < from+15; i++ {
		if c.mentionAt[i] != 0 && c.afterLocPrep(i) {
			return c.mentionIn(i, ch)
		}
	}
	return nil
}

// afterLocPrep reports a mention at token i that a preposition of place
// opens, with at most a determiner and a direction between ("in Gaza",
// "in south Lebanon", "in the eastern town of …").
func (c *coder) afterLocPrep(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if c.fl[k]&fLocPreps != 0 {
			return true
		}
		if c.fl[k]&fDeterminers == 0 && !direction(c.lower[k]) {
			return false
		}
	}
	return false
}

// direction reports a word of compass direction ("south", "eastern").
func direction(w string) bool {
	switch w {
	case "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
		"northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest":
		return true
	}
	return false
}

// matchAfter matches pattern elements in order from token i, allowing up
// to maxGap other tokens before each.
// present reports whether every element has a word in the sentence (the
// sentence's words are marked in the bitmap c.buf.seen).
func (c *coder) present(els [][]int32) bool {
	seen := c.buf.seen
	for _, el := range els {
		ok := false
		for _, id := range el {
			if seen[id>>6]&(1<<(id&63)) != 0 {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// maxGap is how many other tokens may stand before each pattern word after
// the verb ("gave the Ivory Coast 5.1 million dollars of aid" needs more
// than a few).
const maxGap = 5

func (c *coder) matchAfter(i, end int, els [][]int32) bool {
	for _, el := range els {
		found := false
		for j := i; j < end && j <= i+maxGap; j++ {
			if contains(el, c.ids[j]) {
				i, found = j+1, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// matchBefore matches pattern elements backwards from token i.
func (c *coder) matchBefore(i, start int, els [][]int32) bool {
	for k := len(els) - 1; k >= 0; k-- {
		found := false
		for j := i; j >= start && j >= i-2; j-- {
			if contains(els[k], c.ids[j]) {
				i, found = j-1, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func contains(el []int32, w int32) bool {
	if w == 0 {
		return false
	}
	for _, x := range el {
		if x == w {
			return true
		}
	}
	return false
}

func (c *coder) indirectQuote(pos int) *newsgraph.Quote {
	for i := range c.doc.Quotes {
		q := &c.doc.Quotes[i]
		if q.Kind == "indirect" && q.Paragraph == c.pi && pos >= q.Start && pos < q.End {
			return q
		}
	}
	return nil
}

func (c *coder) speaker(q *newsgraph.Quote) *newsgraph.Entity {
	if q.SpeakerEntity == nil {
		return nil
	}
	for i := range c.doc.Entities {
		e := &c.doc.Entities[i]
		if e.ID == *q.SpeakerEntity && e.Actor != nil && e.Actor.Code != "" {
			return e
		}
	}
	return nil
}

// opensWithSpeakerSide reports whether a reported clause opens with the
// speaker's side: "we", "our country", "his country", "the country".
func (c *coder) opensWithSpeakerSide(q *newsgraph.Quote, sp *newsgraph.Entity) bool {
	t := strings.ToLower(q.Text)
	for _, p := range []string{"we ", "our ", "his country", "her country", "their country", "the country", "his government", "her government", "the government"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	// The speaker's own pronoun: "Switzerland said it had expelled",
	// "the rebels said they would meet", "Xi said he would visit".
	switch sp.Actor.Kind {
	case newsgraph.ActorPerson:
		return strings.HasPrefix(t, "he ") || strings.HasPrefix(t, "she ")
	case newsgraph.ActorGroup:
		return strings.HasPrefix(t, "they ")
	default:
		return strings.HasPrefix(t, "it ") || strings.HasPrefix(t, "they ") && strings.HasSuffix(strings.ToLower(sp.Name), "s")
	}
}

// location is the first geocoded place of the sentence after in/at/near
// (or after another place so introduced: "in Bali, Indonesia").
func (c *coder) location(sent text.Sentence) *newsgraph.Place {
	for _, pm := range c.places {
		if pm.start < sent.Start || pm.end > sent.End {
			continue
		}
		for i := sent.First; i < sent.First+len(sent.Tokens); i++ {
			if c.toks[i].Start == pm.start {
				if i > 0 && (c.fl[i-1]&fLocPreps != 0) {
					p := *pm.ent.Geo
					return &p
				}
				break
			}
		}
	}
	return nil
}

func (c *coder) event(si int, sent text.Sentence, h hit, code string, src mention, tgt *mention, loc *newsgraph.Place, negated bool, conf float64, past, future bool) newsgraph.Event {
	ev := newsgraph.Event{
		Source:       actorOf(src.ent),
		Cameo:        code,
		Root:         code[:2],
		QuadClass:    quadClass(code[:2]),
		Goldstein:    c.goldstein(code),
		Plover:       Plover(code),
		Location:     loc,
		Negated:      negated,
		Hypothetical: conf <= confModal,
		Confidence:   conf,
		Evidence: newsgraph.Evidence{
			Paragraph: c.pi, Sentence: si, DocSentence: c.sentBase + si, Start: sent.Start, End: sent.End,
			Text: sliceRunes(c.doc.Paragraphs[c.pi], c.toks[sent.First], c.toks[sent.First+len(sent.Tokens)-1]),
		},
	}
	if tgt != nil {
		t := actorOf(tgt.ent)
		ev.Target = &t
	}
	if h.form.Verb == "resign" && ev.Root == "08" {
		// Stepping down is retreating from an office: PLOVER's gold
		// standard codes resignations RETREAT, CAMEO yielding (083).
		ev.Plover = "RETREAT"
	}
	a, b := c.toks[h.v], c.toks[h.ve]
	ev.Trigger = &newsgraph.Trigger{Text: sliceRunes(c.doc.Paragraphs[c.pi], a, b), Start: a.Start, End: b.End}
	tense := timex.TenseUnknown
	switch {
	case future:
		tense = timex.TenseFuture
	case past:
		tense = timex.TensePast
	}
	ev.Date, ev.DatePrecision = c.date(sent, tense, c.indirectQuote(c.toks[h.v].Start))
	return ev
}

// sliceRunes returns the paragraph text from token a to token b.
func sliceRunes(p string, a, b text.Token) string {
	start, end, n := -1, len(p), 0
	for bi := range p {
		if n == a.Start {
			start = bi
		}
		if n == b.End {
			end = bi
			break
		}
		n++
	}
	if start < 0 || start > end {
		return ""
	}
	return p[start:end]
}

func actorOf(e *newsgraph.Entity) newsgraph.EventActor {
	if e.ID == "" {
		// A country the rules name without a mention of its own.
		return newsgraph.EventActor{Code: e.Actor.Code, Country: e.Actor.Country}
	}
	id := e.ID
	return newsgraph.EventActor{Entity: &id, Code: e.Actor.Code, Country: e.Actor.Country}
}

// quadClass is CAMEO's quad class of a root: verbal cooperation (01–05)
// 1, material cooperation (06–08) 2, verbal conflict (09–13) 3, material
// conflict (14–20) 4.
func quadClass(root string) int {
	n := int(root[0]-'0')*10 + int(root[1]-'0')
	switch {
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	case n <= 13:
		return 3
	}
	return 4
}

// goldstein is the codebook's Goldstein value for the code, else its
// root's.
func (s *Stage) goldsteinOf(code string) float64 {
	for _, c := range []string{code, code[:min(3, len(code))], code[:2] + "0", code[:2]} {
		if e := s.kb.CameoCode(c); e != nil {
			return e.Goldstein
		}
	}
	return 0
}

func (c *coder) goldstein(code string) float64 { return c.s.goldsteinOf(code) }

// date is the sentence's first date expression resolved with the verb's
// tense, else the publication date at its precision.
func (c *coder) date(sent text.Sentence, tense timex.Tense, q *newsgraph.Quote) (*string, *string) {
	pub := c.doc.Published
	for _, t := range c.doc.Times {
		if t.Paragraph != c.pi || t.Kind != string(timex.KindDate) || t.Start < sent.Start || t.End > sent.End || c.boundTime(t, sent.First, sent.First+len(sent.Tokens)) {
			continue
		}
		tt := c.timeTense(t, sent.First, tense)
		if q != nil && (t.Start < q.Start || t.End > q.End) {
			// The time of the report ("said on Tuesday that …"), not of
			// the reported clause: the report is past.
			tt = c.timeTense(t, sent.First, timex.TensePast)
		}
		r := timex.Resolve(t.Text, pub, tt)
		if p := r.Granularity.Precision(); r.Value != "" && p != newsgraph.PrecisionNone {
			return newsgraph.StringPtr(r.Value), newsgraph.StringPtr(string(p))
		}
	}
	if c.sentDate == "" && c.inherited != "" {
		return newsgraph.StringPtr(c.inherited), newsgraph.StringPtr(c.inhPrec)
	}
	if pub.Date == "" || pub.Precision == newsgraph.PrecisionNone {
		return nil, nil
	}
	return newsgraph.StringPtr(pub.Date), newsgraph.StringPtr(string(pub.Precision))
}

// pronoun reports whether w is a subject pronoun.
func pronoun(w string) bool {
	switch w {
	case "i", "we", "you", "he", "she", "it", "they":
		return true
	}
	return false
}

// timeTense is the tense of the words just before a time expression
// ("said on Tuesday" past, "will meet on Tuesday" future), else def.
func (c *coder) timeTense(t newsgraph.TimeExpr, lo int, def timex.Tense) timex.Tense {
	i := lo
	for i < len(c.toks) && c.toks[i].Start < t.Start {
		i++
	}
	for j := i - 1; j >= lo && j >= i-3; j-- {
		switch {
		case c.fl[j]&fFutures != 0:
			return timex.TenseFuture
		case c.fl[j]&(fPastIrreg|fPastAux) != 0 || c.toks[j].Kind == text.Word && strings.HasSuffix(c.lower[j], "ed"):
			return timex.TensePast
		}
	}
	return def
}

// wordFlag classes the words the rules read.
type wordFlag uint32

// Word classes.
const (
	fClauseWords wordFlag = 1 << iota
	fBeForms
	fNegations
	fModals
	fFutures
	fPastAux
	fSkipAdv
	fIntentWords
	fRefuseWords
	fGerundPreps
	fAgreeForms
	fSubWords
	fLocPreps
	fDeterminers
	fPastIrreg
)

// classOf returns the classes of a lower-case word.
func classOf(w string) wordFlag {
	switch w {
	case "'ll":
		return fFutures
	case "a":
		return fDeterminers
	case "about":
		return fGerundPreps
	case "after":
		return fClauseWords | fGerundPreps | fSubWords
	case "again":
		return fSkipAdv
	case "against":
		return fGerundPreps
	case "agree":
		return fAgreeForms | fIntentWords
	case "agreed":
		return fAgreeForms | fIntentWords
	case "agreeing":
		return fAgreeForms
	case "agrees":
		return fAgreeForms | fIntentWords
	case "already":
		return fSkipAdv
	case "also":
		return fSkipAdv
	case "although":
		return fClauseWords | fSubWords
	case "am":
		return fBeForms
	case "an":
		return fDeterminers
	case "are":
		return fBeForms | fSkipAdv
	case "at":
		return fGerundPreps | fLocPreps
	case "be":
		return fBeForms | fSkipAdv
	case "because":
		return fClauseWords | fSubWords
	case "been":
		return fBeForms | fSkipAdv
	case "before":
		return fClauseWords | fGerundPreps | fSubWords
	case "began":
		return fPastIrreg
	case "being":
		return fBeForms
	case "brought":
		return fPastIrreg
	case "but":
		return fClauseWords
	case "by":
		return fGerundPreps
	case "can":
		return fSkipAdv
	case "committed":
		return fIntentWords
	case "could":
		return fModals | fSkipAdv
	case "decline":
		return fRefuseWords
	case "declined":
		return fRefuseWords
	case "declines":
		return fRefuseWords
	case "despite":
		return fSubWords
	case "determined":
		return fIntentWords
	case "did":
		return fPastAux | fSkipAdv
	case "do":
		return fSkipAdv
	case "does":
		return fSkipAdv
	case "finally":
		return fSkipAdv
	case "for":
		return fGerundPreps
	case "formally":
		return fSkipAdv
	case "fought":
		return fPastIrreg
	case "from":
		return fGerundPreps
	case "further":
		return fSkipAdv
	case "gave":
		return fPastIrreg
	case "had":
		return fPastAux | fSkipAdv
	case "has":
		return fPastAux | fSkipAdv
	case "have":
		return fPastAux | fSkipAdv
	case "held":
		return fPastIrreg
	case "her":
		return fDeterminers
	case "his":
		return fDeterminers
	case "hope":
		return fIntentWords
	case "hoped":
		return fIntentWords
	case "hopes":
		return fIntentWords
	case "if":
		return fClauseWords | fModals
	case "in":
		return fGerundPreps | fLocPreps
	case "intend":
		return fIntentWords
	case "intended":
		return fIntentWords
	case "intends":
		return fIntentWords
	case "is":
		return fBeForms | fSkipAdv
	case "its":
		return fDeterminers
	case "jointly":
		return fSkipAdv
	case "later":
		return fSkipAdv
	case "led":
		return fPastIrreg
	case "left":
		return fPastIrreg
	case "lost":
		return fPastIrreg
	case "made":
		return fPastIrreg
	case "may":
		return fModals | fSkipAdv
	case "met":
		return fPastIrreg
	case "might":
		return fModals | fSkipAdv
	case "must":
		return fSkipAdv
	case "n't":
		return fNegations | fSkipAdv
	case "near":
		return fLocPreps
	case "need":
		return fIntentWords
	case "needs":
		return fIntentWords
	case "never":
		return fNegations | fSkipAdv
	case "no":
		return fNegations
	case "nor":
		return fNegations
	case "not":
		return fNegations | fSkipAdv
	case "of":
		return fGerundPreps
	case "offer":
		return fIntentWords
	case "offered":
		return fIntentWords
	case "offers":
		return fIntentWords
	case "officially":
		return fSkipAdv
	case "on":
		return fGerundPreps
	case "our":
		return fDeterminers
	case "over":
		return fGerundPreps
	case "paid":
		return fPastIrreg
	case "plan":
		return fIntentWords
	case "planned":
		return fIntentWords
	case "plans":
		return fIntentWords
	case "pledge":
		return fIntentWords
	case "pledged":
		return fIntentWords
	case "pledges":
		return fIntentWords
	case "prepared":
		return fIntentWords
	case "promise":
		return fIntentWords
	case "promised":
		return fIntentWords
	case "promises":
		return fIntentWords
	case "readiness":
		return fIntentWords
	case "ready":
		return fIntentWords
	case "refuse":
		return fRefuseWords
	case "refused":
		return fRefuseWords
	case "refuses":
		return fRefuseWords
	case "refusing":
		return fRefuseWords
	case "rejected":
		return fRefuseWords
	case "reportedly":
		return fSkipAdv
	case "said":
		return fPastIrreg
	case "seek":
		return fIntentWords
	case "seeks":
		return fIntentWords
	case "seized":
		return fPastIrreg
	case "sent":
		return fPastIrreg
	case "shall":
		return fFutures
	case "shot":
		return fPastIrreg
	case "should":
		return fModals | fSkipAdv
	case "since":
		return fClauseWords | fSubWords
	case "sought":
		return fIntentWords | fPastIrreg
	case "spoke":
		return fPastIrreg
	case "still":
		return fSkipAdv
	case "struck":
		return fPastIrreg
	case "that":
		return fClauseWords
	case "the":
		return fDeterminers
	case "their":
		return fDeterminers
	case "then":
		return fSkipAdv
	case "though":
		return fClauseWords | fSubWords
	case "threw":
		return fPastIrreg
	case "to":
		return fSkipAdv
	case "told":
		return fPastIrreg
	case "took":
		return fPastIrreg
	case "unless":
		return fClauseWords | fModals | fSubWords
	case "until":
		return fSubWords
	case "vow":
		return fIntentWords
	case "vowed":
		return fIntentWords
	case "vows":
		return fIntentWords
	case "want":
		return fIntentWords
	case "wanted":
		return fIntentWords
	case "wants":
		return fIntentWords
	case "was":
		return fBeForms | fPastAux | fSkipAdv
	case "went":
		return fPastIrreg
	case "were":
		return fBeForms | fPastAux | fSkipAdv
	case "when":
		return fClauseWords | fSubWords
	case "where":
		return fClauseWords
	case "whereas":
		return fClauseWords | fSubWords
	case "whether":
		return fModals
	case "which":
		return fClauseWords | fSubWords
	case "while":
		return fClauseWords | fSubWords
	case "who":
		return fClauseWords | fSubWords
	case "whom":
		return fClauseWords | fSubWords
	case "whose":
		return fSubWords
	case "will":
		return fFutures | fSkipAdv
	case "willing":
		return fIntentWords
	case "willingness":
		return fIntentWords
	case "without":
		return fGerundPreps
	case "won":
		return fPastIrreg
	case "would":
		return fFutures | fModals | fSkipAdv
	}
	return 0
}

// verbalRoot reports whether a CAMEO root is a verbal act whose "that"
// clause names its target ("demanded that X …"); public statements (01)
// report their clause, which is coded as reported speech.
func verbalRoot(root string) bool {
	switch root {
	case "02", "09", "10", "11", "12", "13":
		return true
	}
	return false
}
