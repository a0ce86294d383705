package actor

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/text"
)

// Version identifies the rules of this package in records and stores.
const Version = "actor-1"

// Override fixes or adds the code of one actor (a user's override file).
// From and To ("YYYY-MM-DD", either may be empty) limit it to documents
// published in that range.
type Override struct {
	Name, Code, From, To string
}

// Options configure a Stage.
type Options struct {
	// Registry is the corpus-learned registry asked about names that
	// neither the text nor the knowledge base can code (may be nil).
	Registry newsgraph.ActorRegistry
	// Overrides are the user's fixes; they win over every other source.
	Overrides []Override
}

// Stage is the pipeline stage that codes the actors of a document and
// resolves in-document coreference (see the package doc). It implements
// newsgraph.Stage and is safe for concurrent use.
type Stage struct {
	kb        *kb.KB
	reg       newsgraph.ActorRegistry
	overrides map[string][]Override

	once sync.Once
	ix   *index
	err  error

	// learned caches the registry's answers (nil included) for the
	// stage's lifetime, one ingest run: what the corpus learns meanwhile
	// applies on reprocess.
	mu      sync.Mutex
	learned map[string]*newsgraph.Actor

	// nations caches nationWords: the same capitalised words come back in
	// every document.
	nmu     sync.Mutex
	nations map[string][2]string
}

// nationCacheSize bounds the nations cache; it starts again empty when
// full.
const nationCacheSize = 1 << 16

// nationWords returns the country of words as a demonym and as a country
// name (ISO3 codes, "" when not), through a cache.
func (s *Stage) nationWords(words string) (demonym, country string) {
	s.nmu.Lock()
	v, ok := s.nations[words]
	s.nmu.Unlock()
	if ok {
		return v[0], v[1]
	}
	m := s.ix.k.Match(words)
	if m.Demonym != nil {
		v[0] = m.Demonym.ISO3
	}
	if m.Country != nil {
		v[1] = m.Country.ISO3
	}
	s.nmu.Lock()
	if s.nations == nil || len(s.nations) >= nationCacheSize {
		s.nations = map[string][2]string{}
	}
	s.nations[strings.Clone(words)] = v // not a slice of the paragraph
	s.nmu.Unlock()
	return v[0], v[1]
}

// learnedCacheSize bounds the registry cache; it starts again empty when
// full.
const learnedCacheSize = 1 << 16

// learnedActor asks the registry about a name, through the cache.
func (s *Stage) learnedActor(ctx context.Context, name string) (*newsgraph.Actor, error) {
	key := strings.ToLower(name)
	s.mu.Lock()
	a, ok := s.learned[key]
	s.mu.Unlock()
	if ok {
		return cloneActor(a), nil
	}
	a, err := s.reg.LearnedActor(ctx, name)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.learned == nil || len(s.learned) >= learnedCacheSize {
		s.learned = map[string]*newsgraph.Actor{}
	}
	s.learned[key] = a
	s.mu.Unlock()
	return cloneActor(a), nil
}

// cloneActor copies an actor so that documents never share one.
func cloneActor(a *newsgraph.Actor) *newsgraph.Actor {
	if a == nil {
		return nil
	}
	c := *a
	c.Sectors = append([]string(nil), a.Sectors...)
	c.Descriptors = append([]string(nil), a.Descriptors...)
	return &c
}

// index loads the knowledge base (the embedded one when none was given)
// and builds the stage's extra lookups, once.
func (s *Stage) index() (*index, error) {
	s.once.Do(func() {
		k := s.kb
		if k == nil {
			if k, s.err = kb.Default(); s.err != nil {
				s.err = fmt.Errorf("actor: load knowledge base: %w", s.err)
				return
			}
		}
		s.ix = newIndex(k)
	})
	return s.ix, s.err
}

// NewStage returns a stage using k, or the embedded knowledge base when k is
// nil.
func NewStage(k *kb.KB, opts Options) *Stage {
	s := &Stage{kb: k, reg: opts.Registry, overrides: map[string][]Override{}}
	for _, o := range opts.Overrides {
		key := kb.Key(o.Name)
		s.overrides[key] = append(s.overrides[key], o)
	}
	return s
}

var _ newsgraph.Stage = (*Stage)(nil)

// Name identifies the stage.
func (s *Stage) Name() string { return "actor" }

// docView is a document's paragraphs as tokens and sentences.
type docView struct {
	doc   *newsgraph.Document
	paras []paraView
	date  string
}

type paraView struct {
	toks  []text.Token
	sents []text.Sentence
	runes []rune
}

// ref is one name mention located in the tokens.
type ref struct {
	ent    *newsgraph.Entity
	para   int
	sent   int // index in paraView.sents
	ts, te int // token range in the paragraph
}

// Annotate codes doc.Entities' actors and adds coreference mentions.
func (s *Stage) Annotate(ctx context.Context, doc *newsgraph.Document) error {
	ix, err := s.index()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	v := &docView{doc: doc, date: doc.Published.Date, paras: make([]paraView, len(doc.Paragraphs))}
	for i, pa := range text.Reuse(doc.Scratch, doc.Paragraphs) {
		v.paras[i] = paraView{toks: pa.Tokens, sents: pa.Sentences}
	}
	refs := v.locate()
	r := &resolver{s: s, ix: ix, k: ix.k, v: v, refs: refs, codes: map[*newsgraph.Entity]Code{}}
	for i := range doc.Entities {
		if err := r.resolve(ctx, &doc.Entities[i]); err != nil {
			return err
		}
	}
	r.counterparts()
	r.coreference()
	for i := range doc.Entities {
		ms := doc.Entities[i].Mentions
		sort.SliceStable(ms, func(a, b int) bool {
			if ms[a].Paragraph != ms[b].Paragraph {
				return ms[a].Paragraph < ms[b].Paragraph
			}
			return ms[a].Start < ms[b].Start
		})
	}
	return nil
}

// locate maps every name mention to its tokens, in document order.
func (v *docView) locate() []ref {
	var out []ref
	for ei := range v.doc.Entities {
		e := &v.doc.Entities[ei]
		for _, m := range e.Mentions {
			if m.Kind != "" || m.Paragraph < 0 || m.Paragraph >= len(v.paras) {
				continue
			}
			pv := &v.paras[m.Paragraph]
			ts := sort.Search(len(pv.toks), func(i int) bool { return pv.toks[i].Start >= m.Start })
			te := ts
			for te < len(pv.toks) && pv.toks[te].End <= m.End {
				te++
			}
			if te == ts {
				continue
			}
			si := sort.Search(len(pv.sents), func(i int) bool { return pv.sents[i].First+len(pv.sents[i].Tokens) > ts })
			if si == len(pv.sents) {
				continue
			}
			out = append(out, ref{ent: e, para: m.Paragraph, sent: si, ts: ts, te: te})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].para != out[b].para {
			return out[a].para < out[b].para
		}
		return out[a].ts < out[b].ts
	})
	return out
}

// words returns the texts of a paragraph's tokens [from, to).
func (v *docView) words(para, from, to int) []string {
	toks := v.paras[para].toks[from:to]
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// span returns the paragraph text of tokens [from, to).
func (v *docView) span(para, from, to int) string {
	pv := &v.paras[para]
	if pv.runes == nil {
		pv.runes = []rune(v.doc.Paragraphs[para])
	}
	return string(pv.runes[pv.toks[from].Start:pv.toks[to-1].End])
}

// sentBounds returns the token range of a sentence.
func (v *docView) sentBounds(para, sent int) (int, int) {
	st := v.paras[para].sents[sent]
	return st.First, st.First + len(st.Tokens)
}

// resolver holds one document's resolution state.
type resolver struct {
	s     *Stage
	ix    *index
	k     *kb.KB
	v     *docView
	refs  []ref
	codes map[*newsgraph.Entity]Code // text-evidenced codes, for counterparts and nominals
	names [][]*newsgraph.Entity      // per paragraph and token, the named entity there (see nameAt)
}

func (r *resolver) resolve(ctx context.Context, e *newsgraph.Entity) error {
	if a := r.override(e.Name); a != nil {
		e.Actor = a
		return nil
	}
	var a *newsgraph.Actor
	switch e.Type {
	case "PERSON":
		a = r.person(e)
	case "ORG":
		a = r.org(e)
	case "GPE", "LOC", "FAC", "MISC":
		a = r.place(e)
	}
	if a == nil && r.s.reg != nil && (e.Type == "PERSON" || e.Type == "ORG") {
		learned, err := r.s.learnedActor(ctx, e.Name)
		if err != nil {
			return fmt.Errorf("actor: registry: %w", err)
		}
		a = learned
	}
	e.Actor = a
	return nil
}

// override returns the user's code for a name at the document's date.
func (r *resolver) override(name string) *newsgraph.Actor {
	for _, o := range r.s.overrides[kb.Key(name)] {
		d := r.v.date
		if d != "" && (o.From != "" && d < o.From[:min(len(o.From), len(d))] || o.To != "" && d > o.To[:min(len(o.To), len(d))]) {
			continue
		}
		c := roleCode(o.Code)
		c.Kind = newsgraph.ActorPerson
		a := c.Actor("override: "+o.Name+" = "+o.Code, newsgraph.ActorFromOverride)
		if a != nil {
			return a
		}
	}
	return nil
}

// person codes a PERSON from descriptors in the text, else the knowledge
// base with dates.
func (r *resolver) person(e *newsgraph.Entity) *newsgraph.Actor {
	var best Code
	bestText := ""
	var descs []string
	for _, rf := range r.refs {
		if rf.ent != e {
			continue
		}
		for _, d := range r.descriptors(rf) {
			c := r.ix.phrase(d.words, r.v.date, false)
			if c.informative() == 0 && !c.Counterpart {
				continue
			}
			if !contains(descs, d.text) {
				descs = append(descs, d.text)
			}
			if c.informative() > best.informative() || bestText == "" {
				best, bestText = c, d.text
			}
		}
	}
	kbCode, kbPerson := personRole(r.k, r.ix.people(e.Name, r.v.date), r.v.date)
	if best.informative() >= 2 {
		if len(best.Sectors) == 0 && !best.Former && kbCode.Country == best.Country {
			best.Sectors = kbCode.Sectors
		}
		best.Kind = newsgraph.ActorPerson
		if kbPerson != nil {
			best.KBID = kbPerson.ID
		}
		r.codes[e] = best
		a := best.Actor(bestText+" "+e.Name, newsgraph.ActorFromText)
		if a != nil {
			a.Descriptors = descs
			return a
		}
	}
	if best.Counterpart || best.informative() == 1 {
		// Completed later from the other party (counterpart) or the
		// knowledge base's country.
		r.codes[e] = best
	}
	if kbCode.String() != "" {
		kbCode.Kind = newsgraph.ActorPerson
		kbCode.KBID = kbPerson.ID
		if best.informative() == 1 && len(best.Sectors) > 0 {
			kbCode.Sectors = best.Sectors
		}
		a := kbCode.Actor("knowledge base: "+describeRole(r.k, kbPerson, r.v.date), newsgraph.ActorFromKB)
		a.Descriptors = descs
		return a
	}
	return nil
}

// describeRole words the knowledge-base evidence for a person.
func describeRole(k *kb.KB, p *kb.Person, date string) string {
	if ro := k.RoleAt(p, date); ro != nil {
		return roleText(p, ro)
	}
	if len(p.Roles) > 0 {
		return "former " + roleText(p, &p.Roles[len(p.Roles)-1])
	}
	return p.Name
}

func roleText(p *kb.Person, ro *kb.Role) string {
	title := ro.Title
	if title == "" {
		title = ro.Code
	}
	span := ro.From
	if len(span) > 4 {
		span = span[:4]
	}
	span += "–"
	if ro.To != "" {
		span += ro.To[:min(4, len(ro.To))]
	}
	return fmt.Sprintf("%s, %s %s", p.Name, title, span)
}

// descriptor is a phrase around a name that describes its bearer.
type descriptor struct {
	words []string
	text  string
}

// descriptors reads the role phrases of one name mention: the words just
// before it ("former South Korean President", "his South Korean
// counterpart", "China's Foreign Minister") and an appositive after it
// (", China's foreign minister,", ", the Chinese president,").
func (r *resolver) descriptors(rf ref) []descriptor {
	var out []descriptor
	first, last := r.v.sentBounds(rf.para, rf.sent)
	toks := r.v.paras[rf.para].toks
	// Before: walk back over descriptor-like words.
	i := rf.ts
	for i > first && rf.ts-i < 8 && r.descriptorWord(toks, i-1, first) {
		i--
	}
	for i < rf.ts && skipWords[strings.ToLower(toks[i].Text)] {
		i++
	}
	if i < rf.ts {
		out = append(out, descriptor{r.v.words(rf.para, i, rf.ts), r.v.span(rf.para, i, rf.ts)})
	}
	// After: ", <descriptor>," or ", <descriptor>." with a title inside.
	if rf.te < last-1 && toks[rf.te].Text == "," {
		j := rf.te + 1
		for j < last && j-rf.te <= 9 && toks[j].Text != "," && toks[j].Text != "." && toks[j].Text != ";" {
			j++
		}
		if j > rf.te+1 && (j == last || toks[j].Text == "," || toks[j].Text == "." || toks[j].Text == ";") {
			w := r.v.words(rf.para, rf.te+1, j)
			if r.hasTitle(w) && !r.startsWithName(w) {
				from := rf.te + 1
				for from < j && skipWords[strings.ToLower(toks[from].Text)] {
					from++
				}
				if from < j {
					out = append(out, descriptor{r.v.words(rf.para, from, j), r.v.span(rf.para, from, j)})
				}
			}
		}
	}
	return out
}

// descriptorWord reports whether token i can be part of a descriptor read
// backwards from a name.
func (r *resolver) descriptorWord(toks []text.Token, i, first int) bool {
	w := toks[i].Text
	lw := strings.ToLower(w)
	switch {
	case skipWords[lw] && lw != "of" && lw != "and":
		return true
	case formerWords[lw], lw == "counterpart", lw == "'s", lw == "’s":
		return true
	case r.k.Agent(w) != nil, r.k.Demonym(w) != nil:
		return true
	case isCapitalised(w) && (r.k.Country(w) != nil || r.k.Capital(w) != nil):
		return true
	}
	// Two-word demonyms and titles ("South Korean", "Prime Minister").
	if i > first {
		two := toks[i-1].Text + " " + w
		if r.k.Demonym(two) != nil || r.k.Agent(two) != nil || r.k.Country(two) != nil {
			return true
		}
	}
	if i+1 < len(toks) {
		two := w + " " + toks[i+1].Text
		if r.k.Demonym(two) != nil || r.k.Agent(two) != nil || r.k.Country(two) != nil {
			return true
		}
	}
	return false
}

// hasTitle reports whether words contain a role noun.
func (r *resolver) hasTitle(words []string) bool {
	for _, w := range words {
		if a := r.k.Agent(w); a != nil && len(a.Sectors) > 0 {
			return true
		}
		if formerWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// startsWithName rejects appositives that are lists of names ("Xi, Yoon
// and Kishida").
func (r *resolver) startsWithName(words []string) bool {
	return len(words) > 0 && isCapitalised(words[0]) && len(r.k.People(words[0])) > 0
}

// counterparts completes "his South Korean counterpart Yoon": the sector
// is the other party's, the nearest person before with a sector.
func (r *resolver) counterparts() {
	for i, rf := range r.refs {
		c, ok := r.codes[rf.ent]
		if !ok || !c.Counterpart || len(c.Sectors) > 0 || c.Former {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			o, ok := r.codes[r.refs[j].ent]
			if r.refs[j].ent == rf.ent || !ok || len(o.Sectors) == 0 {
				continue
			}
			c.Sectors = o.Sectors
			if c.Country == "" {
				c.Country = o.Country
			}
			c.Kind = newsgraph.ActorPerson
			r.codes[rf.ent] = c
			a := c.Actor(descriptorOf(rf.ent)+" "+rf.ent.Name+" (counterpart of "+r.refs[j].ent.Name+")", newsgraph.ActorFromText)
			if a != nil {
				if rf.ent.Actor != nil {
					a.Descriptors, a.KBID = rf.ent.Actor.Descriptors, rf.ent.Actor.KBID
				}
				rf.ent.Actor = a
			}
			break
		}
	}
}

// descriptorOf returns the first descriptor recorded for an entity.
func descriptorOf(e *newsgraph.Entity) string {
	if e.Actor != nil && len(e.Actor.Descriptors) > 0 {
		return e.Actor.Descriptors[0]
	}
	return ""
}

// org codes an organisation: a seat of government, the knowledge base, or
// the words of its name ("China's Foreign Ministry", "Russian army").
func (r *resolver) org(e *newsgraph.Entity) *newsgraph.Actor {
	if c, sec := r.k.Seat(e.Name); c != nil {
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		if sec != "" {
			code.Sectors = []string{sec}
		}
		return code.Actor("seat of government: "+e.Name, newsgraph.ActorFromKB)
	}
	if o := r.k.Org(e.Name); o != nil {
		var c Code
		setOrg(&c, o)
		return c.Actor("knowledge base: "+o.Name+" ("+o.Code+")", newsgraph.ActorFromKB)
	}
	c := r.ix.phrase(strings.Fields(splitPossessive(e.Name)), r.v.date, false)
	if c.Country == "" && c.Prefix == "" {
		return nil
	}
	if c.Kind == "" || c.Kind == newsgraph.ActorCountry {
		c.Kind = newsgraph.ActorOrganisation
	}
	return c.Actor(e.Name, newsgraph.ActorFromText)
}

// splitPossessive separates "China's" into "China 's" for Phrase.
func splitPossessive(s string) string {
	s = strings.ReplaceAll(s, "’s ", " 's ")
	return strings.ReplaceAll(s, "'s ", " 's ")
}

// place codes a country, a capital used for its government, or a short
// form ("ROK", "DPRK", "US").
func (r *resolver) place(e *newsgraph.Entity) *newsgraph.Actor {
	// A seat (the Kremlin) always stands for its government; a capital only
	// where the text uses it so.
	if c, sec := r.k.Seat(e.Name); c != nil && (r.k.Capital(e.Name) == nil || r.metonymic(e)) {
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		if sec == "" {
			sec = "GOV"
		}
		code.Sectors = []string{sec}
		return code.Actor("seat of government: "+e.Name, newsgraph.ActorFromKB)
	}
	if c := r.k.Country(e.Name); c != nil {
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		return code.Actor("country: "+e.Name, newsgraph.ActorFromKB)
	}
	if c, _ := r.k.Seat(e.Name); c != nil {
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		return code.Actor("capital: "+e.Name, newsgraph.ActorFromKB)
	}
	if e.Type == "GPE" || e.Type == "LOC" {
		// Any other place codes as its country, the CAMEO practice.
		if ps := r.k.Places(e.Name); len(ps) > 0 {
			code := Code{Country: ps[0].Country, Kind: newsgraph.ActorCountry, KBID: fmt.Sprintf("geonames:%d", ps[0].GeonamesID)}
			return code.Actor("place: "+e.Name+" ("+ps[0].Country+")", newsgraph.ActorFromKB)
		}
	}
	if e.Type == "MISC" {
		// A nationality adjective ("Chinese", "South Korean") stands for
		// its country, as CAMEO codes it.
		if c := r.k.Demonym(e.Name); c != nil {
			code := r.ix.phrase(strings.Fields(e.Name), r.v.date, false) // "Palestinians": CVL
			code.Country, code.Kind, code.KBID = c.ISO3, newsgraph.ActorCountry, "iso:"+c.ISO3
			return code.Actor("nationality: "+e.Name, newsgraph.ActorFromKB)
		}
		if o := r.k.Org(e.Name); o != nil {
			var c Code
			setOrg(&c, o)
			return c.Actor("knowledge base: "+o.Name+" ("+o.Code+")", newsgraph.ActorFromKB)
		}
	}
	return nil
}

// locatives are the prepositions that make a capital a place rather than a
// government ("in Beijing", "to Seoul").
var locatives = map[string]bool{"in": true, "to": true, "from": true, "at": true, "near": true, "into": true,
	"outside": true, "around": true, "across": true, "via": true, "through": true, "toward": true, "towards": true,
	"of": true, "on": true, "visit": true, "visited": true, "visiting": true, "leave": true, "left": true}

// metonymic reports whether a capital stands for its government somewhere
// in the document: a mention not governed by a locative ("Beijing and
// Seoul need to…", "Washington said").
func (r *resolver) metonymic(e *newsgraph.Entity) bool {
	for _, rf := range r.refs {
		if rf.ent != e {
			continue
		}
		first, _ := r.v.sentBounds(rf.para, rf.sent)
		toks := r.v.paras[rf.para].toks
		j := rf.ts - 1
		for j >= first && (toks[j].Text == "," || toks[j].Text == "and") {
			j--
			// "in Beijing and Seoul": look past the conjunction to the
			// previous capital's preposition.
			for j >= first && isCapitalised(toks[j].Text) {
				j--
			}
		}
		if j < first || !locatives[strings.ToLower(toks[j].Text)] {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
