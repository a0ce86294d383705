package actor

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/kb"
)

// lexeme is what the rules need to know about one token text, looked up
// in the knowledge base once per stage rather than once per use: the
// same words come back in every document.
type lexeme struct {
	lower   string // the text in lower case
	cap     bool   // starts with a capital
	sector  string // the sector the word names as a role or group noun (nounSector)
	demonym string // ISO3 of the country whose demonym it is
	country string // ISO3 of the country it names
	capital bool   // a capital or seat of government
	agent   bool   // an agent phrase of one word, with or without sectors
	title   bool   // an agent phrase of one word with sectors
	starts  bool   // may open a name of several words (kb.KB.StartsName)
	multi   bool   // opens a country name or demonym of several words
}

// role reports a word that names a CAMEO role: a title or group noun with
// a sector such as GOV or MIL ("president", "leader", "spokesman").
func (l *lexeme) role() bool { return sectorCodes[l.sector] }

// lexicon caches lexemes by token text for a stage's lifetime. It starts
// again empty when it holds lexiconSize texts.
type lexicon struct {
	mu sync.RWMutex
	m  map[string]*lexeme
}

// lexiconSize bounds the lexicon and the name cache.
const lexiconSize = 1 << 17

// lexeme returns the lexeme of a token text, through the lexicon.
func (s *Stage) lexeme(w string) *lexeme {
	s.lex.mu.RLock()
	l, ok := s.lex.m[w]
	s.lex.mu.RUnlock()
	if ok {
		return l
	}
	l = s.ix.newLexeme(w)
	s.lex.mu.Lock()
	if s.lex.m == nil || len(s.lex.m) >= lexiconSize {
		s.lex.m = make(map[string]*lexeme, 1024)
	}
	s.lex.m[strings.Clone(w)] = l // not a slice of the paragraph
	s.lex.mu.Unlock()
	return l
}

// newLexeme looks a token text up.
func (ix *index) newLexeme(w string) *lexeme {
	k := ix.k
	l := &lexeme{lower: strings.ToLower(w), cap: isCapitalised(w)}
	l.sector = nounSector(k, l.lower)
	e := k.Lookup(w)
	m := e.Match
	if len(w) == 2 && w != "US" && w != "UK" {
		// Two capitals are a country in news text only for the United
		// States and the United Kingdom: "TV", "IT", "AM" are not
		// Tuvalu, Italy and Armenia.
		m.Country, m.Demonym = nil, nil
	}
	if m.Demonym != nil {
		l.demonym = m.Demonym.ISO3
	}
	if m.Country != nil {
		l.country = m.Country.ISO3
	}
	l.capital = m.Seat != nil
	l.agent = m.Agent != nil
	l.title = m.Agent != nil && len(m.Agent.Sectors) > 0
	kw, _, _ := strings.Cut(e.Key, " ")
	l.starts = k.StartsName(kw)
	l.multi = ix.multiStart[l.lower]
	return l
}

// lx returns the lexeme of token j of paragraph pi, looked up on first
// use in the document.
func (r *resolver) lx(pi, j int) *lexeme {
	if r.v.paras[pi].lex == nil {
		// One array for the document's tokens, cut by paragraph.
		all := r.sc.lex
		for p := range r.v.paras {
			m := len(r.v.paras[p].toks)
			r.v.paras[p].lex, all = all[:m:m], all[m:]
		}
	}
	ls := r.v.paras[pi].lex
	if ls[j] == nil {
		ls[j] = r.s.lexeme(r.v.paras[pi].toks[j].Text)
	}
	return ls[j]
}

// nameInfo is what the knowledge base says of an entity name, looked up
// once per stage: names ("Tony Blair", "Iraq", "Labour") come back in
// document after document.
type nameInfo struct {
	m      kb.Match
	places []*kb.Place  // kb.Places
	people []*kb.Person // kb.People: by full name or alias
	words  []string     // the Key's words
}

// nameCache caches nameInfo by name, bounded like the lexicon.
type nameCache struct {
	mu sync.RWMutex
	m  map[string]*nameInfo
}

// nameInfo returns the knowledge base's entries for a name, through the
// stage's cache.
func (s *Stage) nameInfo(name string) *nameInfo {
	s.names.mu.RLock()
	n, ok := s.names.m[name]
	s.names.mu.RUnlock()
	if ok {
		return n
	}
	e := s.ix.k.Lookup(name)
	n = &nameInfo{m: e.Match, places: e.Places, people: e.People, words: strings.Fields(e.Key)}
	s.names.mu.Lock()
	if s.names.m == nil || len(s.names.m) >= lexiconSize {
		s.names.m = make(map[string]*nameInfo, 1024)
	}
	s.names.m[strings.Clone(name)] = n
	s.names.mu.Unlock()
	return n
}
