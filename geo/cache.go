package geo

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/kb"
)

// cacheSize bounds each of a stage's caches; a full cache starts again
// empty.
const cacheSize = 1 << 16

// cache maps strings to what the knowledge base says of them, for a
// stage's lifetime: the same words and names come back in document after
// document. It is safe for concurrent use. The entries are spread over
// shards, each with its own lock, so that workers adding and reading
// entries at once seldom meet on one lock (two workers reading a single
// lock take turns on its cache line, and one adding holds the other up).
type cache[V any] struct {
	seed   maphash.Seed
	shards [cacheShards]shard[V]

	// n counts the entries.
	n atomic.Int64
}

// cacheShards is the number of shards of a cache.
const cacheShards = 64

// shard is one part of a cache, padded to its own cache lines.
type shard[V any] struct {
	mu sync.RWMutex
	m  map[string]V
	_  [40]byte
}

// init readies the cache.
func (c *cache[V]) init() { c.seed = maphash.MakeSeed() }

// get returns the value cached for key, if any.
func (c *cache[V]) get(key string) (V, bool) {
	sh := &c.shards[maphash.String(c.seed, key)%cacheShards]
	sh.mu.RLock()
	v, ok := sh.m[key]
	sh.mu.RUnlock()
	return v, ok
}

// put caches v under a copy of key (keys are often slices of a
// paragraph); a cache holding cacheSize entries empties first.
func (c *cache[V]) put(key string, v V) {
	sh := &c.shards[maphash.String(c.seed, key)%cacheShards]
	for {
		sh.mu.Lock()
		if _, ok := sh.m[key]; ok {
			sh.m[key] = v
			sh.mu.Unlock()
			return
		}
		if c.n.Add(1) <= cacheSize {
			if sh.m == nil {
				sh.m = make(map[string]V, 64)
			}
			sh.m[strings.Clone(key)] = v
			sh.mu.Unlock()
			return
		}
		c.n.Add(-1)
		sh.mu.Unlock()
		c.empty()
	}
}

// empty empties a full cache (one that another worker emptied meanwhile
// is left as it is).
func (c *cache[V]) empty() {
	for i := range c.shards {
		c.shards[i].mu.Lock()
	}
	if c.n.Load() >= cacheSize {
		for i := range c.shards {
			c.shards[i].m = nil
		}
		c.n.Store(0)
	}
	for i := range c.shards {
		c.shards[i].mu.Unlock()
	}
}

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
	if v, ok := s.words.get(w); ok {
		return v
	}
	v := newWord(k, w)
	s.words.put(w, v)
	return v
}

// facts is what the knowledge base holds under one name, looked up once
// per stage.
type facts struct {
	kb.Entry
	// oneCountry is the country all the name's places share, or "".
	oneCountry string
	// macro reports a continent, ocean or world region (isMacroRegion).
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
	if f, ok := s.names.get(name); ok {
		return f
	}
	f := &facts{Entry: k.LookupKey(name, kb.Key(name))}
	f.oneCountry = oneCountry(f.Places)
	f.macro = isMacroRegion(f.Key)
	f.cands = candidates(k, name, f)
	f.within = newWithin(name, f)
	s.names.put(name, f)
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
