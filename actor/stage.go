package actor

import (
	"cmp"
	"context"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/freelist"
	"github.com/newsgraph/newsgraph/internal/shardcache"
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
	learned *shardcache.Cache[string, *newsgraph.Actor]

	// nations caches nationWords: the same capitalised words come back in
	// every document.
	nations *shardcache.Cache[string, [2]string]

	// lex, names and phrases cache what the knowledge base says of token
	// texts, of entity names and of descriptor and organisation phrases (see resolver.phrase);
	// scratch keeps a document's working memory between documents.
	lex     *shardcache.Cache[string, *lexeme]
	names   *shardcache.Cache[string, *nameInfo]
	phrases *shardcache.Cache[string, Code]
	scratch freelist.List[*scratch]
}

// nationCacheSize bounds the nations cache; it starts again empty when
// full.
const nationCacheSize = 1 << 16

// nationWords returns the country of words as a demonym and as a country
// name (ISO3 codes, "" when not), through a cache.
func (s *Stage) nationWords(words string) (demonym, country string) {
	v, ok := s.nations.Get(words)
	if ok {
		return v[0], v[1]
	}
	m := match(s.ix.k, words)
	if m.Demonym != nil {
		v[0] = m.Demonym.ISO3
	}
	if m.Country != nil {
		v[1] = m.Country.ISO3
	}
	s.nations.Put(strings.Clone(words), v) // not a slice of the paragraph
	return v[0], v[1]
}

// learnedCacheSize bounds the registry cache; it starts again empty when
// full.
const learnedCacheSize = 1 << 16

// learnedActor asks the registry about a name, through the cache.
func (s *Stage) learnedActor(ctx context.Context, name string) (*newsgraph.Actor, error) {
	key := strings.ToLower(name)
	if a, ok := s.learned.Get(key); ok {
		return cloneActor(a), nil
	}
	a, err := s.reg.LearnedActor(ctx, name)
	if err != nil {
		return nil, err
	}
	s.learned.Put(strings.Clone(key), a)
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
// and gets its extra lookups, built once per knowledge base (see
// kb.KB.Derived) and shared by the stages made on it.
func (s *Stage) index() (*index, error) {
	s.once.Do(func() {
		k := s.kb
		if k == nil {
			if k, s.err = kb.Default(); s.err != nil {
				s.err = fmt.Errorf("actor: load knowledge base: %w", s.err)
				return
			}
		}
		// One index per knowledge base, shared by the stages made on it.
		s.ix = k.Derived(indexKey{}, func() any { return newIndex(k) }).(*index)
	})
	return s.ix, s.err
}

// scratch is a document's working memory — the resolver, its view of the
// paragraphs and its per-token arrays, lists and maps — kept in a pool
// between documents.
type scratch struct {
	r     resolver
	v     docView
	names []*newsgraph.Entity // see resolver.nameAt
	lex   []*lexeme           // see resolver.lx

	// The worker's recent lexemes and names (see recent), by hashes
	// with seed.
	seed    maphash.Seed
	lexemes recent[*lexeme, string]
	infos   recent[*nameInfo, string]
}

// newScratch makes a scratch for the stage's free list.
func newScratch() *scratch { return &scratch{seed: maphash.MakeSeed()} }

// start readies the scratch for doc and returns its resolver.
func (sc *scratch) start(s *Stage, ix *index, doc *newsgraph.Document) *resolver {
	v := &sc.v
	v.doc, v.date = doc, doc.Published.Date
	v.paras = slices.Grow(v.paras[:0], len(doc.Paragraphs))[:len(doc.Paragraphs)]
	n := 0
	for i, pa := range text.Reuse(doc.Scratch, doc.Paragraphs) {
		v.paras[i] = paraView{toks: pa.Tokens, sents: pa.Sentences}
		n += len(pa.Tokens)
	}
	if cap(sc.names) < n {
		sc.names = make([]*newsgraph.Entity, n, n+n/2)
		sc.lex = make([]*lexeme, n, n+n/2)
	} else {
		sc.names, sc.lex = sc.names[:n], sc.lex[:n]
	}
	r := &sc.r
	r.s, r.ix, r.k, r.v, r.sc = s, ix, ix.k, v, sc
	if r.codes == nil {
		r.codes = map[*newsgraph.Entity]Code{}
		r.countries = map[string]int{}
	}
	r.infos = slices.Grow(r.infos[:0], len(doc.Entities))[:len(doc.Entities)]
	r.refs = v.locate(r.refs[:0])
	return r
}

// finish forgets the document: nothing of it stays in the pool.
func (sc *scratch) finish() {
	r := &sc.r
	clear(sc.names)
	clear(sc.lex)
	clear(sc.v.paras)
	sc.v = docView{paras: sc.v.paras[:0]}
	clear(r.codes)
	clear(r.countries)
	clear(r.infos)
	clear(r.refs)
	clear(r.institutions)
	clear(r.names)
	clear(r.recent)
	clear(r.groups)
	*r = resolver{
		codes: r.codes, countries: r.countries, infos: r.infos[:0], refs: r.refs[:0], institutions: r.institutions[:0],
		countryOrder: r.countryOrder[:0], names: r.names[:0], recent: r.recent[:0], gender: r.gender[:0],
		groups: r.groups, order: r.order[:0],
	}
}

// indexKey is the key of the actor index among the knowledge base's
// derived values.
type indexKey struct{}

// NewStage returns a stage using k, or the embedded knowledge base when k is
// nil.
func NewStage(k *kb.KB, opts Options) *Stage {
	s := &Stage{kb: k, reg: opts.Registry, overrides: map[string][]Override{},
		learned: shardcache.New[string, *newsgraph.Actor](learnedCacheSize), nations: shardcache.New[string, [2]string](nationCacheSize),
		lex:   shardcache.New[string, *lexeme](lexiconSize),
		names: shardcache.New[string, *nameInfo](lexiconSize), phrases: shardcache.New[string, Code](lexiconSize)}
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
	ascii uint8     // 0 unknown, 1 the paragraph is ASCII, 2 it is not
	lex   []*lexeme // per token, filled on use (see resolver.lx)
}

// ref is one name mention located in the tokens.
type ref struct {
	ent    *newsgraph.Entity
	ei     int // ent's index in the document's entities
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
	sc := s.scratch.Get(newScratch)
	defer s.scratch.Put(sc)
	r := sc.start(s, ix, doc)
	defer sc.finish()
	// Places, organisations and nationalities first: a titled person the
	// knowledge base does not know takes the country they give the
	// sentence.
	for pass := range 2 {
		for i := range doc.Entities {
			if (doc.Entities[i].Type == "PERSON") != (pass == 1) {
				continue
			}
			if err := r.resolve(ctx, i); err != nil {
				return err
			}
		}
	}
	r.institutionsInContext()
	r.counterparts()
	r.coreference()
	for i := range doc.Entities {
		// Sorted already unless coreference added mentions; the sort is
		// stable.
		if ms := doc.Entities[i].Mentions; !slices.IsSortedFunc(ms, compareMentions) {
			slices.SortStableFunc(ms, compareMentions)
		}
	}
	return nil
}

// compareMentions orders mentions by paragraph and start.
func compareMentions(a, b newsgraph.Mention) int {
	return cmp.Or(cmp.Compare(a.Paragraph, b.Paragraph), cmp.Compare(a.Start, b.Start))
}

// locate appends every name mention, mapped to its tokens, to out, and
// sorts them in document order.
func (v *docView) locate(out []ref) []ref {
	n := 0
	for _, e := range v.doc.Entities {
		n += len(e.Mentions)
	}
	out = slices.Grow(out, n)
	for ei := range v.doc.Entities {
		e := &v.doc.Entities[ei]
		for _, m := range e.Mentions {
			if m.Kind != "" || m.Paragraph < 0 || m.Paragraph >= len(v.paras) {
				continue
			}
			pv := &v.paras[m.Paragraph]
			// The first token starting at or after the mention's start.
			lo, hi := 0, len(pv.toks)
			for lo < hi {
				if mid := int(uint(lo+hi) >> 1); pv.toks[mid].Start >= m.Start {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			ts := lo
			te := ts
			for te < len(pv.toks) && pv.toks[te].End <= m.End {
				te++
			}
			if te == ts {
				continue
			}
			// The first sentence ending after the mention's first token.
			lo, hi = 0, len(pv.sents)
			for lo < hi {
				if mid := int(uint(lo+hi) >> 1); pv.sents[mid].First+len(pv.sents[mid].Tokens) > ts {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			if lo == len(pv.sents) {
				continue
			}
			out = append(out, ref{ent: e, ei: ei, para: m.Paragraph, sent: lo, ts: ts, te: te})
		}
	}
	// Paragraph and token packed in one key: the same order as comparing
	// them in turn.
	slices.SortFunc(out, func(a, b ref) int { return cmp.Compare(int64(a.para)<<32|int64(a.ts), int64(b.para)<<32|int64(b.ts)) })
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
	if pv.ascii == 0 {
		pv.ascii = 1
		for _, c := range []byte(v.doc.Paragraphs[para]) {
			if c >= 0x80 {
				pv.ascii = 2
				break
			}
		}
	}
	if pv.ascii == 1 {
		// Code points are bytes: a slice of the paragraph, no copy.
		return v.doc.Paragraphs[para][pv.toks[from].Start:pv.toks[to-1].End]
	}
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
	s          *Stage
	ix         *index
	k          *kb.KB
	v          *docView
	refs       []ref
	codes      map[*newsgraph.Entity]Code // text-evidenced codes, for counterparts and nominals
	names      [][]*newsgraph.Entity      // per paragraph and token, the named entity there (see nameAt), once namesReady
	namesReady bool
	// infos[i] is nameInfo of entity i's name, looked up on first use.
	infos []*nameInfo

	// sc holds the per-token arrays, from the stage's pool.
	sc *scratch
	// institutions are organisations named by a state institution alone,
	// coded from the context once everything else is.
	institutions []*newsgraph.Entity

	// countries counts the mentions of the countries the document's place,
	// nationality and organisation entities name (see docCountries), once
	// counted is set.
	counted      bool
	countries    map[string]int
	countryOrder []string

	// recent, gender, groups and order are coreference's: the person
	// mentions, the genders by entity, the group entities by code and
	// their codes in order.
	recent []personMention
	gender []byte
	groups map[string]*newsgraph.Entity
	order  []string
}

// info returns nameInfo of entity i's name.
func (r *resolver) info(i int) *nameInfo {
	if r.infos[i] == nil {
		r.infos[i] = r.nameInfo(r.v.doc.Entities[i].Name)
	}
	return r.infos[i]
}

func (r *resolver) resolve(ctx context.Context, i int) error {
	e := &r.v.doc.Entities[i]
	if a := r.override(e.Name); a != nil {
		e.Actor = a
		return nil
	}
	var a *newsgraph.Actor
	switch e.Type {
	case "PERSON":
		a = r.person(i)
	case "ORG":
		a = r.org(i)
	case "GPE", "LOC", "FAC", "MISC":
		a = r.place(i)
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
	if len(r.s.overrides) == 0 {
		return nil
	}
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
func (r *resolver) person(ei int) *newsgraph.Actor {
	e := &r.v.doc.Entities[ei]
	var best Code
	bestText := ""
	var bestRef ref
	bestClose := false
	var descs []string
	var buf [2]descriptor
	for _, rf := range r.refs {
		if rf.ent != e {
			continue
		}
		for _, d := range r.descriptors(rf, buf[:0]) {
			c := r.phraseAt(d)
			if c.informative() == 0 && !c.Counterpart {
				continue
			}
			if !contains(descs, d.text) {
				descs = append(descs, d.text)
			}
			if c.informative() > best.informative() || bestText == "" {
				best, bestText, bestRef, bestClose = c, d.text, rf, d.close
			}
		}
	}
	// A title in the text ("President Bush", "President Mitterand") lets
	// the knowledge base answer for a surname whose holders have left
	// office, or for a surname misspelt by a letter.
	titled := len(best.Sectors) > 0 && sectorCode(best.Sectors[0]) // a role, not a faith ("Archbishop")
	var choose func([]string) string
	if titled {
		choose = r.chooseCountry
	}
	kbPeople := r.ix.peopleOf(r.info(ei), r.v.date, choose)
	if len(kbPeople) == 0 && titled {
		kbPeople = r.ix.nearPeople(e.Name, r.v.date, choose)
	}
	kbCode, kbPerson := personRole(r.k, kbPeople, r.v.date)
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
		if best.informative() == 1 {
			// The text's title is what the person is in this document:
			// "President" now, or "former president".
			if len(best.Sectors) > 0 {
				kbCode.Sectors = best.Sectors
				kbCode.Former = best.Former
			} else if best.Former {
				kbCode.Former = true
			}
		}
		a := kbCode.Actor("knowledge base: "+describeRole(r.k, kbPerson, r.v.date), newsgraph.ActorFromKB)
		a.Descriptors = descs
		return a
	}
	if titled && bestClose && best.Country == "" && best.Prefix == "" {
		// A titled person the knowledge base does not know ("Planning and
		// Investment Minister Tran Xuan Gia said Vietnam…"): the country
		// the sentence names, else the document's.
		if iso := r.contextCountry(bestRef, e, ""); iso != "" {
			best.Country, best.Kind = iso, newsgraph.ActorPerson
			r.codes[e] = best
			a := best.Actor(bestText+" "+e.Name+" (country from context: "+iso+")", newsgraph.ActorFromText)
			if a != nil {
				a.Descriptors = descs
				return a
			}
		}
	}
	return nil
}

// contextCountry returns the country of a sentence for an actor in it
// that names none: the first country the sentence names — a place,
// nationality or organisation entity coded with a country, or a country
// name or demonym the tagger missed — other than skip, else the
// document's most mentioned country.
func (r *resolver) contextCountry(rf ref, self *newsgraph.Entity, skip string) string {
	first, last := r.v.sentBounds(rf.para, rf.sent)
	toks := r.v.paras[rf.para].toks
	at := func(t int) string {
		if e := r.nameAt(rf.para, t); e != nil {
			if e != self && e.Type != "PERSON" && e.Actor != nil && e.Actor.Country != "" && e.Actor.Country != skip {
				return e.Actor.Country
			}
			return ""
		}
		if toks[t].Kind == text.Word && isCapitalised(toks[t].Text) {
			l := r.lx(rf.para, t)
			d := l.demonym
			if d == "" {
				d = l.country
			}
			if d != skip {
				return d
			}
		}
		return ""
	}
	// The nearest country before the name first ("Australian Prime
	// Minister A met New Zealand Prime Minister B": B's is New Zealand),
	// then the first after it.
	for t := rf.ts - 1; t >= first; t-- {
		if iso := at(t); iso != "" {
			return iso
		}
	}
	for t := rf.te; t < last; t++ {
		if iso := at(t); iso != "" {
			return iso
		}
	}
	return r.dominantCountry(skip)
}

// chooseCountry settles a surname that officials of several countries
// share: the country the document mentions most, else the most populous.
func (r *resolver) chooseCountry(isos []string) string {
	r.docCountries()
	best := ""
	for _, iso := range isos {
		if r.countries[iso] > r.countries[best] {
			best = iso
		}
	}
	if best != "" {
		return best
	}
	return r.ix.populous(isos)
}

// docCountries counts, once per document, the name mentions of the
// countries the place and nationality entities name: a country, a
// demonym, a capital or seat, or a place of one country only. It reads
// the names, not the codes, so that it can serve while places are coded.
func (r *resolver) docCountries() {
	if r.counted {
		return
	}
	r.counted = true
	for i := range r.v.doc.Entities {
		e := &r.v.doc.Entities[i]
		if e.Type != "GPE" && e.Type != "LOC" && e.Type != "MISC" {
			continue
		}
		iso := ""
		info := r.info(i)
		m := info.m
		switch {
		case m.Country != nil:
			iso = m.Country.ISO3
		case m.Demonym != nil:
			iso = m.Demonym.ISO3
		default:
			// A seat or a place counts when its name is one country's only
			// ("Tripoli" may be Lebanon's).
			ps := info.places
			if m.Seat != nil {
				iso = m.Seat.ISO3
			} else if len(ps) > 0 {
				iso = ps[0].Country
			}
			for _, p := range ps {
				if p.Country != iso {
					iso = ""
					break
				}
			}
		}
		if iso == "" {
			continue
		}
		if r.countries[iso] == 0 {
			r.countryOrder = append(r.countryOrder, iso)
		}
		r.countries[iso] += max(len(e.Mentions), 1)
	}
}

// dominantCountry returns the document's most mentioned country other
// than skip (the first mentioned on a tie), or "".
func (r *resolver) dominantCountry(skip string) string {
	r.docCountries()
	best := ""
	for _, c := range r.countryOrder {
		if c != skip && (best == "" || r.countries[c] > r.countries[best]) {
			best = c
		}
	}
	return best
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

// descriptor is a phrase around a name that describes its bearer:
// tokens [from, to) of paragraph para.
type descriptor struct {
	para, from, to int
	text           string
	// close is set when the descriptor's role stands next to the name
	// ("spokesman Mark Oaten", "Minister for Interior Tariq Khan") or in
	// an appositive: then it alone may give the name a country from the
	// context, not a list of names and nouns before it ("Game and the
	// Killers Kelly Clarkson").
	close bool
}

// descriptors appends to out the role phrases of one name mention: the
// words just before it ("former South Korean President", "his South
// Korean counterpart", "China's Foreign Minister") and an appositive after
// it (", China's foreign minister,", ", the Chinese president,").
func (r *resolver) descriptors(rf ref, out []descriptor) []descriptor {
	first, last := r.v.sentBounds(rf.para, rf.sent)
	toks := r.v.paras[rf.para].toks
	// Before: walk back over descriptor-like words.
	i := rf.ts
	for i > first && rf.ts-i < 8 && r.descriptorWord(rf.para, toks, i-1, first) {
		i--
	}
	for i < rf.ts && r.lx(rf.para, i).skip {
		i++
	}
	portfolio := false
	if i == rf.ts {
		i = r.portfolioTitle(rf.para, first, rf.ts)
		portfolio = i < rf.ts
	}
	if i < rf.ts {
		out = append(out, descriptor{rf.para, i, rf.ts, r.v.span(rf.para, i, rf.ts), portfolio || r.lx(rf.para, rf.ts-1).role()})
	}
	// After: ", <descriptor>," or ", <descriptor>." with a title inside.
	if rf.te < last-1 && toks[rf.te].Text == "," {
		j := rf.te + 1
		for j < last && j-rf.te <= 9 && toks[j].Text != "," && toks[j].Text != "." && toks[j].Text != ";" {
			j++
		}
		if j > rf.te+1 && (j == last || toks[j].Text == "," || toks[j].Text == "." || toks[j].Text == ";") {
			if r.hasTitle(rf.para, rf.te+1, j) && !r.startsWithName(rf.para, rf.te+1) {
				from := rf.te + 1
				for from < j && r.lx(rf.para, from).skip {
					from++
				}
				if from < j {
					out = append(out, descriptor{rf.para, from, j, r.v.span(rf.para, from, j), true})
				}
			}
		}
	}
	return out
}

// portfolioTitle finds a title followed by its portfolio before a name
// ("Minister for Interior Aftab Sherpao", "Minister of State for Foreign
// Affairs X"): up to six capitalised words and "for", "of", "and" back
// from the name, the leftmost title among them opens the descriptor. It
// returns ts when there is none.
func (r *resolver) portfolioTitle(pi, first, ts int) int {
	at := ts
	for j := ts - 1; j >= first && ts-j <= 6; j-- {
		l := r.lx(pi, j)
		if l.lower != "for" && l.lower != "of" && l.lower != "and" && !l.cap {
			break
		}
		if l.title {
			at = j
		}
	}
	return at
}

// descriptorWord reports whether token i can be part of a descriptor read
// backwards from a name.
func (r *resolver) descriptorWord(pi int, toks []text.Token, i, first int) bool {
	l := r.lx(pi, i)
	if l.descriptor {
		return true
	}
	// Two-word demonyms and titles ("South Korean", "Prime Minister").
	if i > first && r.lx(pi, i-1).starts {
		if m := r.pair(pi, i-1); m.Demonym != nil || m.Agent != nil || m.Country != nil {
			return true
		}
	}
	if i+1 < len(toks) && l.starts {
		if m := r.pair(pi, i); m.Demonym != nil || m.Agent != nil || m.Country != nil {
			return true
		}
	}
	return false
}

// hasTitle reports whether tokens [from, to) of paragraph pi hold a role
// noun or a word for a former official.
func (r *resolver) hasTitle(pi, from, to int) bool {
	for j := from; j < to; j++ {
		if l := r.lx(pi, j); l.title || l.former {
			return true
		}
	}
	return false
}

// startsWithName rejects appositives that are lists of names ("Xi, Yoon
// and Kishida"): token j of paragraph pi is a person's name.
func (r *resolver) startsWithName(pi, j int) bool {
	l := r.lx(pi, j)
	return l.cap && l.person
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
func (r *resolver) org(ei int) *newsgraph.Actor {
	e := &r.v.doc.Entities[ei]
	info := r.info(ei)
	if c, sec := info.m.Seat, info.m.SeatSector; c != nil {
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		if sec != "" {
			code.Sectors = []string{sec}
		}
		return code.Actor("seat of government: "+e.Name, newsgraph.ActorFromKB)
	}
	if o := info.m.Org; o != nil {
		return r.kbOrg(e.Name, o)
	}
	c := r.phrase(e.Name)
	if c.Country == "" && c.Prefix == "" {
		if len(c.Sectors) > 0 && institutions[c.Sectors[0]] {
			r.institutions = append(r.institutions, e) // coded from the context in institutionsInContext
		}
		return nil
	}
	if c.Kind == "" || c.Kind == newsgraph.ActorCountry {
		c.Kind = newsgraph.ActorOrganisation
	}
	return c.Actor(e.Name, newsgraph.ActorFromText)
}

// institutions are the sectors of a state's institutions: an
// organisation named by them alone ("the Supreme Court", "Parliament",
// "the Interior Ministry") belongs to the country of its context.
var institutions = map[string]bool{"GOV": true, "LEG": true, "JUD": true, "COP": true, "MIL": true, "SPY": true}

// institutionsInContext codes the organisations named by a state
// institution alone with the country of the sentence of their first
// mention, else of the document (see contextCountry), once every place and
// person is coded.
func (r *resolver) institutionsInContext() {
	for _, e := range r.institutions {
		for _, rf := range r.refs {
			if rf.ent != e {
				continue
			}
			if iso := r.contextCountry(rf, e, ""); iso != "" {
				c := r.phrase(e.Name)
				c.Country, c.Kind = iso, newsgraph.ActorOrganisation
				e.Actor = c.Actor(e.Name+" (country from context: "+iso+")", newsgraph.ActorFromText)
			}
			break
		}
	}
}

// kbOrg codes an organisation the knowledge base knows by its whole name.
// A dictionary code with a regional head gives way to the country the name
// carries ("Palestinian Islamic Jihad": MEAREB → PSEREB), and a code
// without a sector takes the sector of a role noun that ends the name
// ("U.N. Security Council" → IGOUNO + GOV).
func (r *resolver) kbOrg(name string, o *kb.Org) *newsgraph.Actor {
	var c Code
	setOrg(&c, o)
	words := strings.Fields(name)
	r.ix.regionalOrg(&c, words)
	if len(c.Sectors) == 0 {
		c.Sectors = r.ix.roleSuffix(words)
	}
	return c.Actor("knowledge base: "+o.Name+" ("+o.Code+")", newsgraph.ActorFromKB)
}

// phrase is index.phrase on the fields of text ("China's" split as
// "China 's") at the document's date, through the stage's cache:
// descriptors ("Prime Minister") and organisation names come back in
// document after document. A code that involves a dated person is not
// kept. The cached codes are shared: their Sectors are never modified in
// place.
func (r *resolver) phrase(text string) Code {
	if c, ok := r.s.cachedPhrase(text); ok {
		return c
	}
	return r.newPhrase(text, strings.Fields(splitPossessive(text)))
}

// phraseAt is phrase for a descriptor, on its tokens.
func (r *resolver) phraseAt(d descriptor) Code {
	if c, ok := r.s.cachedPhrase(d.text); ok {
		return c
	}
	return r.newPhrase(d.text, r.v.words(d.para, d.from, d.to))
}

// cachedPhrase returns the code cached for a phrase, if any.
func (s *Stage) cachedPhrase(text string) (Code, bool) { return s.phrases.Get(text) }

// newPhrase codes the words of text and caches the code (see phrase).
func (r *resolver) newPhrase(text string, words []string) Code {
	c := r.ix.phrase(words, r.v.date, false)
	if c.Person == nil {
		r.s.phrases.Put(strings.Clone(text), c)
	}
	return c
}

// splitPossessive separates "China's" into "China 's" for Phrase.
func splitPossessive(s string) string {
	s = strings.ReplaceAll(s, "’s ", " 's ")
	return strings.ReplaceAll(s, "'s ", " 's ")
}

// place codes a country, a capital used for its government, or a short
// form ("ROK", "DPRK", "US").
func (r *resolver) place(ei int) *newsgraph.Actor {
	e := &r.v.doc.Entities[ei]
	// A capital stands for its government where the text uses it so.
	info := r.info(ei)
	if c, sec := info.m.Seat, info.m.SeatSector; c != nil && r.metonymic(e) {
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		if sec == "" {
			sec = "GOV"
		}
		code.Sectors = []string{sec}
		return code.Actor("seat of government: "+e.Name, newsgraph.ActorFromKB)
	}
	if c := info.m.Country; c != nil {
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		return code.Actor("country: "+e.Name, newsgraph.ActorFromKB)
	}
	if c := info.m.Seat; c != nil {
		// A capital used as a place; a town of the same name in a country
		// the document names, not the capital's, is meant ("militias in
		// Tripoli … the north Lebanese port").
		if ps := info.places; len(ps) > 1 {
			if p := r.pickPlace(ps); p.Country != c.ISO3 && r.countries[p.Country] > r.countries[c.ISO3] {
				code := Code{Country: p.Country, Kind: newsgraph.ActorCountry, KBID: fmt.Sprintf("geonames:%d", p.GeonamesID)}
				return code.Actor("place: "+e.Name+" ("+p.Country+")", newsgraph.ActorFromKB)
			}
		}
		code := Code{Country: c.ISO3, Kind: newsgraph.ActorCountry, KBID: "iso:" + c.ISO3}
		return code.Actor("capital: "+e.Name, newsgraph.ActorFromKB)
	}
	if e.Type == "GPE" || e.Type == "LOC" {
		// Any other place codes as its country, the CAMEO practice; of
		// places sharing a name, one in a country the document names. A
		// world region ("the West", "the Gulf") is no country's, whatever
		// town or province GeoNames names so.
		if ps := info.places; len(ps) > 0 && !kb.MacroRegion(kb.Key(e.Name)) {
			p := r.pickPlace(ps)
			code := Code{Country: p.Country, Kind: newsgraph.ActorCountry, KBID: fmt.Sprintf("geonames:%d", p.GeonamesID)}
			return code.Actor("place: "+e.Name+" ("+p.Country+")", newsgraph.ActorFromKB)
		}
	}
	if e.Type == "MISC" {
		// A nationality adjective ("Chinese", "South Korean") stands for
		// its country, as CAMEO codes it.
		if c := info.m.Demonym; c != nil {
			code := r.phrase(e.Name) // "Palestinians": CVL
			code.Country, code.Kind, code.KBID = c.ISO3, newsgraph.ActorCountry, "iso:"+c.ISO3
			return code.Actor("nationality: "+e.Name, newsgraph.ActorFromKB)
		}
		if o := info.m.Org; o != nil {
			return r.kbOrg(e.Name, o)
		}
		// A people of a country ("Iraqi Kurds", "Bosnian Serbs").
		if f := strings.Fields(e.Name); len(f) > 1 && r.k.Demonym(f[0]) != nil {
			if code := r.phrase(e.Name); code.Country != "" && len(code.Sectors) > 0 {
				code.Kind = newsgraph.ActorGroup
				return code.Actor("nationality: "+e.Name, newsgraph.ActorFromText)
			}
		}
	}
	return nil
}

// pickPlace chooses among the places of one name: the most populous in
// the country the document mentions most, else the most populous.
func (r *resolver) pickPlace(ps []*kb.Place) *kb.Place {
	if len(ps) == 1 || ps[0].Country == ps[len(ps)-1].Country {
		return ps[0]
	}
	r.docCountries()
	best, bestN := ps[0], r.countries[ps[0].Country]
	for _, p := range ps[1:] {
		if n := r.countries[p.Country]; n > bestN {
			best, bestN = p, n
		}
	}
	return best
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
