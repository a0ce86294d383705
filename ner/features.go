package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FNV-1a, 64 bits: features are hashed, never stored as strings.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hashUint(h uint64, v uint64) uint64 {
	for range 8 {
		h = (h ^ (v & 0xff)) * fnvPrime
		v >>= 8
	}
	return h
}

// Feature templates. Each feature's hash starts with its template number, so
// equal strings under different templates are different features.
const (
	fBias byte = iota + 1
	fWord
	fLower
	fShape
	fShort
	fPrefix
	fSuffix
	fLowerAt // neighbour lower-case word, with its offset
	fShortAt // neighbour short shape, with its offset
	fBigramL
	fBigramR
	fShort3
	fFirst
	fCapsSent
	fDocCase
	fLength
	fGaz
	fGazAt
	fCluster
	fClusterAt
	fLowerShape
	fPrevNext
)

// doc-case values: how a word is written elsewhere in the document, outside
// sentence-initial positions and all-caps sentences.
const (
	caseUnseen byte = iota
	caseLower
	caseTitle
	caseUpper
	caseMixed
)

// token is what the extractor knows about one token before building features.
type token struct {
	word, lower  string
	shape, short string
	caseOf       byte // caseLower etc. of the token itself
	docCase      byte
	gaz          []uint32 // gazetteer category<<8 | position byte
	clusters     [numClusterLevels]uint16
	hasClusters  bool
}

// wordShape returns the long shape (X for upper, x for lower, d for digit,
// other characters kept, runs longer than 4 cut to 4) and the short shape
// (every run cut to one).
func wordShape(w string) (long, short string) {
	var lb, sb strings.Builder
	var prev rune = -1
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'x'
		default:
			c = r
		}
		if c == prev {
			run++
		} else {
			run = 1
			sb.WriteRune(c)
		}
		if run <= 4 {
			lb.WriteRune(c)
		}
		prev = c
	}
	return lb.String(), sb.String()
}

// wordCase classifies a word's capitalisation.
func wordCase(w string) byte {
	upper, lower := 0, 0
	first := true
	firstUpper := false
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
			if first {
				firstUpper = true
			}
		} else if unicode.IsLower(r) {
			lower++
		}
		if unicode.IsLetter(r) {
			first = false
		}
	}
	switch {
	case upper == 0 && lower == 0:
		return caseUnseen
	case upper == 0:
		return caseLower
	case lower == 0:
		if upper == 1 && utf8.RuneCountInString(w) > 1 && !firstUpper {
			return caseMixed
		}
		return caseUpper
	case firstUpper && upper == 1:
		return caseTitle
	}
	return caseMixed
}

// isAllCaps reports whether a sentence is written in capitals (a CoNLL
// headline): at least two words with letters and none with a lower-case one.
func isAllCaps(tokens []string) bool {
	n := 0
	for _, t := range tokens {
		c := wordCase(t)
		if c == caseLower || c == caseTitle || c == caseMixed {
			return false
		}
		if c == caseUpper && utf8.RuneCountInString(t) > 1 {
			n++
		}
	}
	return n >= 2
}

// docCases finds, for every lower-cased word of a document, how it is
// written outside sentence-initial positions and all-caps sentences: the
// most frequent case wins.
func docCases(sents [][]string) map[string]byte {
	counts := map[string]*[5]int{}
	for _, s := range sents {
		if isAllCaps(s) {
			continue
		}
		for i, w := range s {
			if i == 0 {
				continue
			}
			c := wordCase(w)
			if c == caseUnseen {
				continue
			}
			lw := strings.ToLower(w)
			p := counts[lw]
			if p == nil {
				p = new([5]int)
				counts[lw] = p
			}
			p[c]++
		}
	}
	out := make(map[string]byte, len(counts))
	for w, p := range counts {
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

// extractor builds feature hashes for sentences with a model's resources.
type extractor struct {
	gaz      *Gazetteer
	clusters *Clusters
	toks     []token
	feats    []uint64
	offs     []int // feats[offs[i]:offs[i+1]] are token i's features
	lhash    []uint64
}

// prepare fills e.toks for a sentence.
func (e *extractor) prepare(words []string, dc map[string]byte) {
	e.toks = e.toks[:0]
	for _, w := range words {
		lw := strings.ToLower(w)
		long, short := wordShape(w)
		t := token{word: w, lower: lw, shape: long, short: short, caseOf: wordCase(w)}
		if dc != nil {
			t.docCase = dc[lw]
		}
		if e.clusters != nil {
			t.clusters, t.hasClusters = e.clusters.lookup(w, lw)
		}
		e.toks = append(e.toks, t)
	}
	if e.gaz != nil {
		e.lhash = e.lhash[:0]
		for i := range e.toks {
			e.lhash = append(e.lhash, hashString(fnvOffset, gazNorm(e.toks[i].lower)))
		}
		e.gaz.match(e.lhash, func(start, end int, cats uint32) {
			eachGazCode(start, end, cats, func(i int, code uint32) { e.toks[i].gaz = append(e.toks[i].gaz, code) })
		})
	}
}

func (e *extractor) lowerAt(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(e.toks) {
		return "</s>"
	}
	return e.toks[i].lower
}

func (e *extractor) shortAt(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(e.toks) {
		return "</s>"
	}
	return e.toks[i].short
}

func (e *extractor) add(h uint64) {
	if h == 0 {
		h = 1
	}
	e.feats = append(e.feats, h)
}

func tmpl(t byte) uint64 { return hashByte(fnvOffset, t) }

// extract computes the features of a sentence into e.feats/e.offs.
func (e *extractor) extract(words []string, dc map[string]byte) {
	e.prepare(words, dc)
	e.feats = e.feats[:0]
	e.offs = append(e.offs[:0], 0)
	n := len(e.toks)
	caps := isAllCaps(words)
	var capsFlag byte = '0'
	if caps {
		capsFlag = '1'
	}
	lenBucket := byte('L')
	switch {
	case n <= 3:
		lenBucket = byte('0' + n)
	case n <= 6:
		lenBucket = 'M'
	}
	for i := range e.toks {
		t := &e.toks[i]
		e.add(tmpl(fBias))
		e.add(hashString(tmpl(fWord), t.word))
		e.add(hashString(tmpl(fLower), t.lower))
		e.add(hashString(tmpl(fShape), t.shape))
		e.add(hashString(tmpl(fShort), t.short))
		e.add(hashString(hashByte(tmpl(fLowerShape), capsFlag), t.short))
		// Prefixes and suffixes up to 4 code points.
		nr := utf8.RuneCountInString(t.lower)
		pos := 0
		for k := 1; k <= 4 && k < nr; k++ {
			_, sz := utf8.DecodeRuneInString(t.lower[pos:])
			pos += sz
			e.add(hashString(hashByte(tmpl(fPrefix), byte(k)), t.lower[:pos]))
		}
		end := len(t.lower)
		for k := 1; k <= 4 && k < nr; k++ {
			_, sz := utf8.DecodeLastRuneInString(t.lower[:end])
			end -= sz
			e.add(hashString(hashByte(tmpl(fSuffix), byte(k)), t.lower[end:]))
		}
		for _, d := range [...]int{-2, -1, 1, 2} {
			e.add(hashString(hashByte(tmpl(fLowerAt), byte(d+8)), e.lowerAt(i+d)))
			e.add(hashString(hashByte(tmpl(fShortAt), byte(d+8)), e.shortAt(i+d)))
		}
		e.add(hashString(hashByte(hashString(tmpl(fBigramL), e.lowerAt(i-1)), 0), t.lower))
		e.add(hashString(hashByte(hashString(tmpl(fBigramR), t.lower), 0), e.lowerAt(i+1)))
		e.add(hashString(hashByte(hashString(hashByte(hashString(tmpl(fShort3), e.shortAt(i-1)), 0), t.short), 0), e.shortAt(i+1)))
		e.add(hashString(hashByte(hashString(tmpl(fPrevNext), e.lowerAt(i-1)), 0), e.lowerAt(i+1)))
		if i == 0 {
			e.add(hashString(tmpl(fFirst), t.short))
		}
		if caps {
			e.add(hashString(tmpl(fCapsSent), t.lower))
		}
		var first byte = '0'
		if i == 0 {
			first = '1'
		}
		e.add(hashByte(hashByte(hashByte(hashByte(tmpl(fDocCase), t.docCase), t.caseOf), capsFlag), first))
		e.add(hashString(hashByte(tmpl(fLength), lenBucket), t.short))
		for _, g := range t.gaz {
			e.add(hashUint(hashByte(tmpl(fGaz), 0), uint64(g)))
			e.add(hashUint(hashByte(tmpl(fGaz), t.caseOf), uint64(g)))
		}
		for _, d := range [...]int{-1, 1} {
			j := i + d
			if j < 0 || j >= n {
				continue
			}
			for _, g := range e.toks[j].gaz {
				e.add(hashUint(hashByte(tmpl(fGazAt), byte(d+8)), uint64(g>>8)))
			}
		}
		if t.hasClusters {
			for l, c := range t.clusters {
				e.add(hashUint(hashByte(tmpl(fCluster), byte(l)), uint64(c)))
			}
		}
		for _, d := range [...]int{-1, 1} {
			j := i + d
			if j < 0 || j >= n || !e.toks[j].hasClusters {
				continue
			}
			e.add(hashUint(hashByte(tmpl(fClusterAt), byte(d+8)), uint64(e.toks[j].clusters[1])))
		}
		e.offs = append(e.offs, len(e.feats))
	}
}
