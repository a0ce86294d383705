package geo

import (
	"strings"

	"github.com/newsgraph/newsgraph/kb"
)

// cacheSize bounds each of a stage's caches; a full cache starts again
// empty.
const cacheSize = 1 << 16

// word is what the paragraph scan needs of a capitalised token text.
type word struct {
	// country is Country(text), else Demonym(text): what the word names
	// alone.
	country *kb.Country
	// starts reports that the text's Key opens a name of several words
	// (kb.KB.StartsName).
	starts bool
	// ascii reports an ASCII text, whose Key is a plain transformation
	// of its bytes: the Key of a phrase of such words is their Keys
	// joined by spaces (the empty ones left out).
	ascii bool
	// empty reports an empty Key; the, allIn and restIn are false then.
	empty bool
	// the reports a Key whose first word is "the".
	the bool
	// allIn reports that every word of the Key is a kb.KB.CountryWord;
	// restIn the same for the words after the first.
	allIn, restIn bool
}

// newWord looks a token text up.
func newWord(k *kb.KB, w string) *word {
	key := kb.Key(w)
	m := k.MatchKey(w, key)
	c := m.Country
	if c == nil {
		c = m.Demonym
	}
	out := &word{country: c, starts: k.StartsName(key), ascii: isASCII(w), empty: key == ""}
	if out.empty {
		return out
	}
	words := strings.Fields(key)
	out.the = words[0] == "the"
	out.restIn = true
	for _, kw := range words[1:] {
		if !k.CountryWord(kw) {
			out.restIn = false
			break
		}
	}
	out.allIn = out.restIn && k.CountryWord(words[0])
	return out
}

// word returns the lookups of a token text, through the stage's cache.
func (s *Stage) word(k *kb.KB, w string) *word {
	if v, ok := s.words.Get(w); ok {
		return v
	}
	v := newWord(k, w)
	s.words.Put(strings.Clone(w), v) // keys are often slices of a paragraph
	return v
}

// facts is what the knowledge base holds under one name, looked up once
// per stage.
type facts struct {
	kb.Entry
	// oneCountry is the country all the name's places share, or "".
	oneCountry string
	// macro reports a continent, ocean or world region (kb.MacroRegion).
	macro bool
	// cands are the name's candidates (see candidates), scores zero:
	// copied before use.
	cands []candidate
	// within is what the name says as a container (see newWithin), or
	// nil.
	within *within
}

// facts returns the knowledge base's entries for a name, through the
// stage's cache.
func (s *Stage) facts(k *kb.KB, name string) *facts {
	if f, ok := s.names.Get(name); ok {
		return f
	}
	f := &facts{Entry: k.LookupKey(name, kb.Key(name))}
	f.oneCountry = oneCountry(f.Places)
	f.macro = kb.MacroRegion(f.Key)
	f.cands = candidates(k, name, f)
	f.within = newWithin(name, f)
	s.names.Put(strings.Clone(name), f)
	return f
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
