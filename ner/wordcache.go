package ner

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode/utf8"
)

// The tagger's emission score for a token is a sum of feature weight rows.
// Most features depend on one word only: its own spelling, shape, affixes and
// clusters, or its spelling seen from a neighbour's position (the ±2 context
// window). Those partial sums are the same every time a word comes back, and
// news text repeats its words a lot, so the model keeps them per word type in
// a bounded cache shared by all tagging goroutines: a token's score is then a
// handful of cached vectors plus the few features that really depend on the
// sentence (bigrams, gazetteer phrases, document casing, sentence length).
// The scores equal the plain sum up to float rounding; TestCachedScoresMatch
// checks it.

// Cache bounds. Each shard keeps two generations of at most shardLimit words:
// when the current one fills up it becomes the previous one and a word found
// there moves back to the current one, so frequent words stay and rare ones
// age out. With 17 labels an entry is about 600 bytes, so the cache stays
// under 2 × cacheShards × shardLimit × 600 B ≈ 80 MB.
const (
	cacheShards = 32
	shardLimit  = 2048
)

// nearOffsets are the context offsets whose features a cached entry holds, in
// the order of wordEntry.vecs after the two self vectors.
var nearOffsets = [4]int{-2, -1, 1, 2}

// wordEntry is what the tagger knows about one word type. It is immutable
// once made.
type wordEntry struct {
	tok   token  // docCase and gaz are per occurrence and left empty
	lhash uint64 // hash of the gazetteer form
	multi bool   // more than one code point (for the all-caps sentence test)
	// gazStart is false when no gazetteer phrase starts with this word.
	gazStart bool
	// vecs holds 7 score vectors of nl labels: the word's own features in a
	// mixed-case sentence and in an all-caps one, then, for each d of
	// nearOffsets, the context features it gives the token d places before
	// it (features named "the word at offset d is …"), then its length
	// feature in a sentence of more than six tokens.
	vecs []float32
}

// wordCache maps words to entries. It is safe for concurrent use.
type wordCache struct {
	m        *Model
	seed     maphash.Seed
	shards   [cacheShards]cacheShard
	boundary []float32 // 4 vectors: "<s>" at -2, -1 and "</s>" at +1, +2
	// casing holds the document-casing feature's vector for every
	// combination of casing elsewhere, own casing, all-caps sentence and
	// first position: index casingIndex(…)*nl.
	casing []float32
	// pairs are the model's allowed transitions with their weights, for
	// viterbi.
	pairs [][]transPair
}

const numCases = int(caseMixed) + 1

func casingIndex(docCase, caseOf byte, caps, first bool) int {
	i := (int(docCase)*numCases + int(caseOf)) * 4
	if caps {
		i += 2
	}
	if first {
		i++
	}
	return i
}

type cacheShard struct {
	mu        sync.RWMutex
	cur, prev map[string]*wordEntry
}

func newWordCache(m *Model) *wordCache {
	c := &wordCache{m: m, seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].cur = make(map[string]*wordEntry, 64)
	}
	nl := m.nl
	c.boundary = make([]float32, 4*nl)
	for k, d := range nearOffsets {
		pad := "<s>"
		if d > 0 {
			pad = "</s>"
		}
		v := c.boundary[k*nl : (k+1)*nl]
		m.addRow(v, hashString(hashByte(tmpl(fLowerAt), byte(d+8)), pad))
		m.addRow(v, hashString(hashByte(tmpl(fShortAt), byte(d+8)), pad))
	}
	c.pairs = m.labels.transPairs(m.trans, nil)
	c.casing = make([]float32, numCases*numCases*4*nl)
	for dcase := range byte(numCases) {
		for own := range byte(numCases) {
			for _, caps := range []bool{false, true} {
				for _, first := range []bool{false, true} {
					cf, ff := byte('0'), byte('0')
					if caps {
						cf = '1'
					}
					if first {
						ff = '1'
					}
					k := casingIndex(dcase, own, caps, first)
					m.addRow(c.casing[k*nl:(k+1)*nl], hashByte(hashByte(hashByte(hashByte(tmpl(fDocCase), dcase), own), cf), ff))
				}
			}
		}
	}
	return c
}

// wordCache returns the model's cache, making it on first use (the weights
// must be final by then).
func (m *Model) wordCache() *wordCache {
	if c := m.cache.Load(); c != nil {
		return c
	}
	m.cache.CompareAndSwap(nil, newWordCache(m))
	return m.cache.Load()
}

// addRow adds the weights of feature h, if the model has it, to v.
func (m *Model) addRow(v []float32, h uint64) {
	if h == 0 {
		h = 1
	}
	r := m.table.get(h)
	if r < 0 {
		return
	}
	w := m.weights[int(r)*m.nl : int(r)*m.nl+m.nl]
	for l := range v {
		v[l] += w[l]
	}
}

// get returns the entry of word w, computing it when absent.
func (c *wordCache) get(w string) *wordEntry {
	sh := &c.shards[maphash.String(c.seed, w)%cacheShards]
	sh.mu.RLock()
	e, ok := sh.cur[w]
	if !ok {
		e = sh.prev[w]
	}
	sh.mu.RUnlock()
	if ok {
		return e
	}
	if e == nil {
		e = c.compute(strings.Clone(w))
	}
	sh.mu.Lock()
	if len(sh.cur) >= shardLimit {
		sh.prev, sh.cur = sh.cur, make(map[string]*wordEntry, shardLimit)
	}
	sh.cur[e.tok.word] = e
	sh.mu.Unlock()
	return e
}

// compute builds the entry of word w with the same features as
// extractor.extract.
func (c *wordCache) compute(w string) *wordEntry {
	m := c.m
	nl := m.nl
	lw := strings.ToLower(w)
	long, short := wordShape(w)
	e := &wordEntry{
		tok:   token{word: w, lower: lw, shape: long, short: short, caseOf: wordCase(w)},
		multi: utf8.RuneCountInString(w) > 1,
		vecs:  make([]float32, 7*nl),
	}
	if m.Clusters != nil {
		e.tok.clusters, e.tok.hasClusters = m.Clusters.lookup(w, lw)
	}
	e.lhash = hashString(fnvOffset, gazNorm(lw))
	if m.Gazetteer != nil {
		_, e.gazStart = m.Gazetteer.index[phraseHash(fnvOffset, e.lhash)]
	}
	t := &e.tok
	self := e.vecs[:nl]
	m.addRow(self, tmpl(fBias))
	m.addRow(self, hashString(tmpl(fWord), t.word))
	m.addRow(self, hashString(tmpl(fLower), t.lower))
	m.addRow(self, hashString(tmpl(fShape), t.shape))
	m.addRow(self, hashString(tmpl(fShort), t.short))
	nr := utf8.RuneCountInString(t.lower)
	pos := 0
	for k := 1; k <= 4 && k < nr; k++ {
		_, sz := utf8.DecodeRuneInString(t.lower[pos:])
		pos += sz
		m.addRow(self, hashString(hashByte(tmpl(fPrefix), byte(k)), t.lower[:pos]))
	}
	end := len(t.lower)
	for k := 1; k <= 4 && k < nr; k++ {
		_, sz := utf8.DecodeLastRuneInString(t.lower[:end])
		end -= sz
		m.addRow(self, hashString(hashByte(tmpl(fSuffix), byte(k)), t.lower[end:]))
	}
	if t.hasClusters {
		for l, cl := range t.clusters {
			m.addRow(self, hashUint(hashByte(tmpl(fCluster), byte(l)), uint64(cl)))
		}
	}
	caps := e.vecs[nl : 2*nl]
	copy(caps, self)
	m.addRow(self, hashString(hashByte(tmpl(fLowerShape), '0'), t.short))
	m.addRow(caps, hashString(hashByte(tmpl(fLowerShape), '1'), t.short))
	m.addRow(caps, hashString(tmpl(fCapsSent), t.lower))
	for k, d := range nearOffsets {
		v := e.vecs[(2+k)*nl : (3+k)*nl]
		m.addRow(v, hashString(hashByte(tmpl(fLowerAt), byte(d+8)), t.lower))
		m.addRow(v, hashString(hashByte(tmpl(fShortAt), byte(d+8)), t.short))
		if (d == -1 || d == 1) && t.hasClusters {
			m.addRow(v, hashUint(hashByte(tmpl(fClusterAt), byte(d+8)), uint64(t.clusters[1])))
		}
	}
	m.addRow(e.vecs[6*nl:7*nl], hashString(hashByte(tmpl(fLength), 'L'), t.short))
	return e
}

// l1Size bounds a worker's private map in front of the shared cache: the
// frequent words all live in a few shards of the shared cache, and workers
// reading them at once would contend for those shards' locks.
const l1Size = 1 << 14

// entries looks up the cache entries of a sentence's words into dst,
// through the worker's private map l1 (nil: the shared cache only).
func (c *wordCache) entries(dst []*wordEntry, words []string, l1 map[string]*wordEntry) []*wordEntry {
	dst = dst[:0]
	for _, w := range words {
		e, ok := l1[w]
		if !ok {
			e = c.get(w)
			if l1 != nil {
				if len(l1) >= l1Size {
					clear(l1)
				}
				l1[e.tok.word] = e
			}
		}
		dst = append(dst, e)
	}
	return dst
}

// allCaps is isAllCaps over cache entries.
func allCaps(ents []*wordEntry) bool {
	n := 0
	for _, e := range ents {
		switch e.tok.caseOf {
		case caseLower, caseTitle, caseMixed:
			return false
		case caseUpper:
			if e.multi {
				n++
			}
		}
	}
	return n >= 2
}

// docCasesOf is docCases over cache entries.
func docCasesOf(sents [][]*wordEntry) map[string]byte {
	index := map[string]int{}
	var counts [][numCases]int32
	for _, s := range sents {
		if allCaps(s) {
			continue
		}
		for i, e := range s {
			c := e.tok.caseOf
			if i == 0 || c == caseUnseen {
				continue
			}
			k, ok := index[e.tok.lower]
			if !ok {
				k = len(counts)
				index[e.tok.lower] = k
				counts = append(counts, [numCases]int32{})
			}
			counts[k][c]++
		}
	}
	out := make(map[string]byte, len(index))
	for w, k := range index {
		p := &counts[k]
		best := caseUnseen
		for c := caseLower; c <= caseMixed; c++ {
			if p[c] > 0 && (best == caseUnseen || p[c] > p[best]) {
				best = c
			}
		}
		out[w] = best
	}
	return out
}

// scoreCached fills s.score for a sentence from the word cache. It computes
// the same sum as extract followed by the feature loop in scorePlain.
func (m *Model) scoreCached(s *scratch, words []string, dc map[string]byte) {
	c := m.wordCache()
	s.ents = c.entries(s.ents, words, s.l1)
	m.scoreEntries(s, c, s.ents, dc)
}

// scoreEntries fills s.score for a sentence given its words' cache entries.
func (m *Model) scoreEntries(s *scratch, c *wordCache, ents []*wordEntry, dc map[string]byte) {
	n, nl := len(ents), m.nl
	caps := allCaps(ents)
	// Gazetteer phrases.
	s.gaz = grow(s.gaz, n)
	for i := range s.gaz {
		s.gaz[i] = s.gaz[i][:0]
	}
	if m.Gazetteer != nil {
		s.lhash = s.lhash[:0]
		s.starts = s.starts[:0]
		for _, e := range ents {
			s.lhash = append(s.lhash, e.lhash)
			s.starts = append(s.starts, e.gazStart)
		}
		m.Gazetteer.matchFrom(s.lhash, s.starts, func(start, end int, cats uint32) {
			eachGazCode(start, end, cats, func(i int, code uint32) { s.gaz[i] = append(s.gaz[i], code) })
		})
	}
	self := 0
	if caps {
		self = 1
	}
	lenBucket := byte('L')
	switch {
	case n <= 3:
		lenBucket = byte('0' + n)
	case n <= 6:
		lenBucket = 'M'
	}
	lowerAt := func(i int) string {
		if i < 0 {
			return "<s>"
		}
		if i >= n {
			return "</s>"
		}
		return ents[i].tok.lower
	}
	shortAt := func(i int) string {
		if i < 0 {
			return "<s>"
		}
		if i >= n {
			return "</s>"
		}
		return ents[i].tok.short
	}
	s.score = grow(s.score, n*nl)
	for i, e := range ents {
		row := s.score[i*nl : (i+1)*nl]
		copy(row, e.vecs[self*nl:(self+1)*nl])
		for k, d := range nearOffsets {
			var v []float32
			if j := i + d; j < 0 || j >= n {
				v = c.boundary[k*nl : (k+1)*nl]
			} else {
				v = ents[j].vecs[(2+k)*nl : (3+k)*nl]
			}
			addVec(row, v)
		}
		t := &e.tok
		m.addRow(row, hashString(hashByte(hashString(tmpl(fBigramL), lowerAt(i-1)), 0), t.lower))
		m.addRow(row, hashString(hashByte(hashString(tmpl(fBigramR), t.lower), 0), lowerAt(i+1)))
		m.addRow(row, hashString(hashByte(hashString(hashByte(hashString(tmpl(fShort3), shortAt(i-1)), 0), t.short), 0), shortAt(i+1)))
		m.addRow(row, hashString(hashByte(hashString(tmpl(fPrevNext), lowerAt(i-1)), 0), lowerAt(i+1)))
		if i == 0 {
			m.addRow(row, hashString(tmpl(fFirst), t.short))
		}
		var docCase byte
		if dc != nil {
			docCase = dc[t.lower]
		}
		k := casingIndex(docCase, t.caseOf, caps, i == 0)
		addVec(row, c.casing[k*nl:(k+1)*nl])
		if lenBucket == 'L' {
			addVec(row, e.vecs[6*nl:7*nl])
		} else {
			m.addRow(row, hashString(hashByte(tmpl(fLength), lenBucket), t.short))
		}
		for _, g := range s.gaz[i] {
			m.addRow(row, hashUint(hashByte(tmpl(fGaz), 0), uint64(g)))
			m.addRow(row, hashUint(hashByte(tmpl(fGaz), t.caseOf), uint64(g)))
		}
		for _, d := range [...]int{-1, 1} {
			j := i + d
			if j < 0 || j >= n {
				continue
			}
			for _, g := range s.gaz[j] {
				m.addRow(row, hashUint(hashByte(tmpl(fGazAt), byte(d+8)), uint64(g>>8)))
			}
		}
	}
}

func addVec(dst, v []float32) {
	v = v[:len(dst)]
	for l := range dst {
		dst[l] += v[l]
	}
}
