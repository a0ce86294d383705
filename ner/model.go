package ner

import (
	"math"
	"runtime"
	"strings"
	"sync/atomic"
)

// Model is a trained tagger: feature weights, transition weights, and the
// gazetteer and word clusters its features need. A Model is safe for
// concurrent use.
type Model struct {
	// Scheme is the internal tagging scheme the model was trained with.
	Scheme Scheme
	// Types are the entity types, e.g. PER, ORG, LOC, MISC.
	Types []string
	// Info records how the model was trained (data, options, scores).
	Info map[string]string
	// Gazetteer is the phrase lists the features use (may be nil).
	Gazetteer *Gazetteer
	// Clusters are the word clusters the features use (may be nil).
	Clusters *Clusters

	labels  *labelSet
	nl      int
	table   featTable
	rowKeys []uint64  // feature hash of each weight row
	weights []float32 // row-major, nl per feature row
	trans   []float32 // (nl+1) × nl: row 0 is the sentence start
	// free holds idle per-worker scratch space. Unlike a sync.Pool it
	// survives garbage collections, so the word caches stay warm.
	free  chan *scratch
	cache atomic.Pointer[wordCache] // made on first use, see wordcache.go
}

// featTable maps feature hashes to weight rows by open addressing. Key and
// row share a slot, so a probe touches one cache line. Most features a text
// asks for (word pairs above all) are not in the model; a one-bit-per-hash
// filter small enough to stay in the CPU cache answers those without
// touching the table.
type featTable struct {
	slots  []featSlot
	mask   uint64
	filter []uint64 // filterBits bits, set for every stored hash
}

const filterBits = 1 << 20

func filterBit(h uint64) uint64 { return (h >> 40) & (filterBits - 1) }

type featSlot struct {
	key uint64 // 0 marks an empty slot
	row int32
}

func newFeatTable(n int) featTable {
	size := 16
	for size < n+n/2 {
		size <<= 1
	}
	return featTable{slots: make([]featSlot, size), mask: uint64(size - 1), filter: make([]uint64, filterBits/64)}
}

func (t *featTable) put(h uint64, row int32) {
	i := (h ^ h>>29) & t.mask
	for t.slots[i].key != 0 && t.slots[i].key != h {
		i = (i + 1) & t.mask
	}
	t.slots[i] = featSlot{h, row}
	b := filterBit(h)
	t.filter[b/64] |= 1 << (b % 64)
}

func (t *featTable) get(h uint64) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	if b := filterBit(h); t.filter[b/64]&(1<<(b%64)) == 0 {
		return -1
	}
	i := (h ^ h>>29) & t.mask
	for {
		sl := &t.slots[i]
		if sl.key == h {
			return sl.row
		}
		if sl.key == 0 {
			return -1
		}
		i = (i + 1) & t.mask
	}
}

// scratch is per-call working memory, pooled.
type scratch struct {
	ex     extractor
	ents   []*wordEntry
	l1     map[string]*wordEntry // see wordCache.entries
	gaz    [][]uint32
	pairs  [][]transPair
	lhash  []uint64
	starts []bool
	score  []float32
	back   []int16
	delta  []float32
	best   []int
}

func (m *Model) init() {
	m.labels = newLabelSet(m.Scheme, m.Types)
	m.nl = len(m.labels.names)
	m.free = make(chan *scratch, max(2*runtime.GOMAXPROCS(0), 8))
}

// getScratch takes idle scratch space or makes new.
func (m *Model) getScratch() *scratch {
	select {
	case s := <-m.free:
		return s
	default:
		return &scratch{ex: extractor{gaz: m.Gazetteer, clusters: m.Clusters}, l1: map[string]*wordEntry{}}
	}
}

// putScratch keeps s for the next caller unless enough are idle already.
func (m *Model) putScratch(s *scratch) {
	select {
	case m.free <- s:
	default:
	}
}

// Tag returns the IOB2 tags of one sentence's tokens, without document
// context. Use TagDocument when the sentences of a document are at hand.
func (m *Model) Tag(tokens []string) []string {
	return m.tag(tokens, nil)
}

// TagDocument tags the sentences of one document. Features then see how each
// word is written elsewhere in the document (for example "BRUSSELS" in an
// all-caps headline against "Brussels" in the text).
func (m *Model) TagDocument(sents [][]string) [][]string {
	c := m.wordCache()
	s := m.getScratch()
	defer m.putScratch(s)
	ents := make([][]*wordEntry, len(sents))
	for i, w := range sents {
		ents[i] = c.entries(nil, w, s.l1)
	}
	dc := docCasesOf(ents)
	out := make([][]string, len(sents))
	for i := range sents {
		if len(ents[i]) == 0 {
			out[i] = []string{}
			continue
		}
		if nameless(sents[i]) {
			out[i] = m.outside(len(sents[i]))
			continue
		}
		m.scoreEntries(s, c, ents[i], dc)
		out[i] = m.labels.decode(viterbi(s, len(ents[i]), m.nl, m.labels, m.trans[:m.nl], c.pairs))
	}
	return out
}

// Entities returns the entity chunks of one sentence's tokens.
func (m *Model) Entities(tokens []string) []Span {
	return Chunks(m.Tag(tokens))
}

func (m *Model) tag(tokens []string, dc map[string]byte) []string {
	if len(tokens) == 0 {
		return []string{}
	}
	s := m.getScratch()
	defer m.putScratch(s)
	m.scoreCached(s, tokens, dc)
	return m.labels.decode(viterbi(s, len(tokens), m.nl, m.labels, m.trans[:m.nl], m.wordCache().pairs))
}

// scorePlain fills s.score by extracting every feature of every token and
// summing its weights: the reference that scoreCached must equal.
func (m *Model) scorePlain(s *scratch, tokens []string, dc map[string]byte) {
	s.ex.extract(tokens, dc)
	n, nl := len(tokens), m.nl
	s.score = grow(s.score, n*nl)
	for i := range n {
		row := s.score[i*nl : (i+1)*nl]
		clear(row)
		for _, h := range s.ex.feats[s.ex.offs[i]:s.ex.offs[i+1]] {
			r := m.table.get(h)
			if r < 0 {
				continue
			}
			w := m.weights[int(r)*nl : int(r)*nl+nl]
			for l := range row {
				row[l] += w[l]
			}
		}
	}
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// transPair is one allowed transition into a label: the previous label and
// the transition weight.
type transPair struct {
	prev int
	w    float32
}

// transPairs lists, for each label, its allowed predecessors with their
// transition weights from trans ((nl+1) × nl, row 0 the sentence start), in
// the order of ls.prevs, reusing dst.
func (ls *labelSet) transPairs(trans []float32, dst [][]transPair) [][]transPair {
	nl := len(ls.names)
	if len(dst) != nl {
		dst = make([][]transPair, nl)
	}
	for l := range nl {
		dst[l] = dst[l][:0]
		for _, p := range ls.prevs[l] {
			dst[l] = append(dst[l], transPair{p, trans[(p+1)*nl+l]})
		}
	}
	return dst
}

// viterbi finds the best label sequence given emission scores s.score
// (n × nl), start weights trans[:nl] and the allowed transitions with their
// weights (transPairs). Disallowed states score -Inf, which no sum escapes,
// so the inner loop needs no test for them.
func viterbi(s *scratch, n, nl int, ls *labelSet, start []float32, pairs [][]transPair) []int {
	neg := float32(math.Inf(-1))
	s.delta = grow(s.delta, n*nl)
	s.back = grow(s.back, n*nl)
	for l := range nl {
		if ls.allowed[0][l] {
			s.delta[l] = s.score[l] + start[l]
		} else {
			s.delta[l] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := s.delta[(i-1)*nl : i*nl]
		cur := s.delta[i*nl : (i+1)*nl]
		back := s.back[i*nl : (i+1)*nl]
		em := s.score[i*nl : (i+1)*nl]
		for l := range nl {
			best, arg := neg, 0
			for _, tp := range pairs[l] {
				if v := prev[tp.prev] + tp.w; v > best {
					best, arg = v, tp.prev
				}
			}
			cur[l], back[l] = best+em[l], int16(arg)
		}
	}
	last := s.delta[(n-1)*nl : n*nl]
	best, arg := neg, 0
	for l := range nl {
		if ls.final[l] && last[l] > best {
			best, arg = last[l], l
		}
	}
	s.best = grow(s.best, n)
	s.best[n-1] = arg
	for i := n - 1; i > 0; i-- {
		s.best[i-1] = int(s.back[i*nl+s.best[i]])
	}
	out := make([]int, n)
	copy(out, s.best)
	return out
}

// decodeWith runs viterbi with transition weights trans, building the
// transition pairs in s.
func decodeWith(s *scratch, n, nl int, ls *labelSet, trans []float32) []int {
	s.pairs = ls.transPairs(trans, s.pairs)
	return viterbi(s, n, nl, ls, trans[:nl], s.pairs)
}

// DomainType maps a CoNLL type to newsgraph's entity types: PER → PERSON,
// ORG → ORG, MISC → MISC, and LOC → GPE when the gazetteer knows the name as
// a country, capital, city or region, else LOC.
func (m *Model) DomainType(conllType string, tokens []string) string {
	switch conllType {
	case "PER":
		return "PERSON"
	case "LOC":
		if m.Gazetteer != nil {
			const gpe = 1<<GazCountry | 1<<GazCapital | 1<<GazCity | 1<<GazRegion | 1<<GazPlace
			if m.Gazetteer.Contains(tokens)&gpe != 0 {
				return "GPE"
			}
		}
		return "LOC"
	}
	return strings.ToUpper(conllType)
}

// outside returns n "O" tags.
func (m *Model) outside(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	return out
}

// nameless reports a sentence that cannot hold a name: no capital letter
// after its first token, and a first token that is a function word
// ("The talks resumed on time."). English names are capitalised, so the
// tagger has nothing to find there; skipping it saves its cost.
func nameless(tokens []string) bool {
	for _, t := range tokens[1:] {
		for i := 0; i < len(t); i++ {
			if c := t[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
				return false
			}
		}
	}
	return functionWord(tokens[0])
}

// functionWord reports a capitalised or lower-case function word that
// opens sentences: articles, pronouns, conjunctions, prepositions and
// common adverbs.
func functionWord(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
		"his", "her", "their", "our", "my", "your", "there", "here", "but", "and", "or", "so", "yet", "nor",
		"if", "when", "while", "as", "after", "before", "since", "because", "although", "though", "however",
		"in", "on", "at", "for", "with", "by", "from", "of", "to", "about", "over", "under", "during",
		"some", "many", "most", "all", "both", "each", "every", "no", "not", "other", "such", "what", "which",
		"who", "how", "why", "where", "also", "now", "then", "still", "even", "only", "just", "more", "much":
		return true
	}
	return false
}
