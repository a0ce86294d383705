package ner

import (
	"math"
	"strings"
	"sync"
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
	pool    sync.Pool
}

// featTable maps feature hashes to weight rows by open addressing.
type featTable struct {
	keys []uint64 // 0 marks an empty slot
	rows []int32
	mask uint64
}

func newFeatTable(n int) featTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return featTable{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1)}
}

func (t *featTable) put(h uint64, row int32) {
	i := (h ^ h>>29) & t.mask
	for t.keys[i] != 0 && t.keys[i] != h {
		i = (i + 1) & t.mask
	}
	t.keys[i] = h
	t.rows[i] = row
}

func (t *featTable) get(h uint64) int32 {
	if len(t.keys) == 0 {
		return -1
	}
	i := (h ^ h>>29) & t.mask
	for {
		k := t.keys[i]
		if k == h {
			return t.rows[i]
		}
		if k == 0 {
			return -1
		}
		i = (i + 1) & t.mask
	}
}

// scratch is per-call working memory, pooled.
type scratch struct {
	ex    extractor
	score []float32
	back  []int16
	delta []float32
	best  []int
}

func (m *Model) init() {
	m.labels = newLabelSet(m.Scheme, m.Types)
	m.nl = len(m.labels.names)
	m.pool.New = func() any {
		return &scratch{ex: extractor{gaz: m.Gazetteer, clusters: m.Clusters}}
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
	dc := docCases(sents)
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = m.tag(s, dc)
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
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
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
	return m.labels.decode(viterbi(s, n, nl, m.labels, m.trans))
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// viterbi finds the best label sequence given emission scores s.score
// (n × nl) and transitions trans ((nl+1) × nl), obeying the scheme's
// allowed transitions.
func viterbi(s *scratch, n, nl int, ls *labelSet, trans []float32) []int {
	neg := float32(math.Inf(-1))
	s.delta = grow(s.delta, n*nl)
	s.back = grow(s.back, n*nl)
	for l := range nl {
		if ls.allowed[0][l] {
			s.delta[l] = s.score[l] + trans[l]
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
			for _, p := range ls.prevs[l] {
				if prev[p] == neg {
					continue
				}
				if v := prev[p] + trans[(p+1)*nl+l]; v > best {
					best, arg = v, p
				}
			}
			if best != neg {
				best += em[l]
			}
			cur[l], back[l] = best, int16(arg)
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
