package actor

import (
	"strings"

	"github.com/newsgraph/newsgraph/kb"
)

// lexeme is what the rules need to know about one token text, looked up
// in the knowledge base once per stage rather than once per use: the
// same words come back in every document.
type lexeme struct {
	text    string // the token text (a copy)
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
	skip    bool   // a skip word (skipWords)
	former  bool   // marks a former official (formerWords)
	person  bool   // names a person of the knowledge base alone (kb.KB.People)
	// descriptor is set when the word alone may be part of a descriptor
	// read back from a name (see resolver.descriptorWord).
	descriptor bool
}

func (l *lexeme) key() string { return l.text }

// role reports a word that names a CAMEO role: a title or group noun with
// a sector such as GOV or MIL ("president", "leader", "spokesman").
func (l *lexeme) role() bool { return sectorCode(l.sector) }

// lexiconSize bounds the stage's caches of words, names and phrases: each starts again empty when it holds lexiconSize entries.
const lexiconSize = 1 << 17

// lexeme returns the lexeme of a token text, through the worker's recent
// lexemes and the stage's cache: the same words come back in every
// document.
func (r *resolver) lexeme(w string) *lexeme {
	sc := r.sc
	h := hashString(sc.seed, w)
	if l, ok := getString(&sc.lexemes, h, w); ok {
		return l
	}
	s := r.s
	l, ok := s.lex.Get(w)
	if !ok {
		l = s.ix.newLexeme(strings.Clone(w)) // not a slice of the paragraph
		s.lex.Put(l.text, l)
	}
	putString(&sc.lexemes, h, w, l)
	return l
}

// newLexeme looks a token text up.
func (ix *index) newLexeme(w string) *lexeme {
	k := ix.k
	l := &lexeme{text: w, lower: strings.ToLower(w), cap: isCapitalised(w)}
	key := kb.Key(w)
	m := k.MatchKey(w, key)
	if isASCII(w) {
		// The lower-case word has the same Key: its agent is m's.
		l.sector = nounSectorOf(k, l.lower, m.Agent)
	} else {
		l.sector = nounSector(k, l.lower)
	}
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
	kw, _, _ := strings.Cut(key, " ")
	l.starts = k.StartsName(kw)
	l.multi = ix.multiStart[l.lower]
	l.skip = skipWords[l.lower]
	l.former = formerWords[l.lower]
	l.person = k.HasPerson(key)
	lw := l.lower
	l.descriptor = l.skip && lw != "of" && lw != "and" || l.former || lw == "counterpart" || lw == "'s" || lw == "’s" ||
		l.agent || l.demonym != "" || l.cap && (l.country != "" || l.capital)
	return l
}

// pair returns kb.KB.Match of tokens j and j+1 of paragraph pi as one
// name ("South Korean", "Prime Minister"). Pairs are too many to cache.
func (r *resolver) pair(pi, j int) kb.Match {
	toks := r.v.paras[pi].toks
	return match(r.k, toks[j].Text+" "+toks[j+1].Text)
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
		ls[j] = r.lexeme(r.v.paras[pi].toks[j].Text)
	}
	return ls[j]
}

// nameInfo is what the knowledge base says of an entity name, looked up
// once per stage: names ("Tony Blair", "Iraq", "Labour") come back in
// document after document.
type nameInfo struct {
	name   string // the name (a copy)
	m      kb.Match
	places []*kb.Place  // kb.Places
	people []*kb.Person // kb.People: by full name or alias
	words  []string     // the Key's words
}

func (n *nameInfo) key() string { return n.name }

// nameInfo returns the knowledge base's entries for a name, through the
// worker's recent names and the stage's cache.
func (r *resolver) nameInfo(name string) *nameInfo {
	sc := r.sc
	h := hashString(sc.seed, name)
	if n, ok := getString(&sc.infos, h, name); ok {
		return n
	}
	s := r.s
	n, ok := s.names.Get(name)
	if !ok {
		e := s.ix.k.LookupKey(name, kb.Key(name))
		n = &nameInfo{name: strings.Clone(name), m: e.Match, places: e.Places, people: e.People, words: strings.Fields(e.Key)}
		s.names.Put(n.name, n)
	}
	putString(&sc.infos, h, name, n)
	return n
}

// match is k.Match(name), through the knowledge base's single index of
// the keys Match reads.
func match(k *kb.KB, name string) kb.Match { return k.MatchKey(name, kb.Key(name)) }
