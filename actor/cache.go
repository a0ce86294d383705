package actor

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// cache is a bounded map that a stage's goroutines share: what the
// knowledge base says of words, names and phrases, which come back in
// document after document. Like a plain map it starts again empty when it
// holds limit entries. Callers copy keys that point into a document.
//
// The entries are spread over shards, each with its own lock, so that
// one worker adding an entry does not hold up another reading; and the
// most used entries are read through a worker's recent set (see recent)
// rather than here: two workers reading one lock take turns on its cache
// line.
type cache[K comparable, V any] struct {
	limit  int
	seed   maphash.Seed
	shards [cacheShards]shard[K, V]

	// n counts the entries.
	n atomic.Int64
}

// cacheShards is the number of shards of a cache.
const cacheShards = 64

// shard is one part of a cache, padded to its own cache lines.
type shard[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
	_  [40]byte
}

// newCache returns a cache of at most limit entries.
func newCache[K comparable, V any](limit int) *cache[K, V] {
	return &cache[K, V]{limit: limit, seed: maphash.MakeSeed()}
}

// shard returns k's shard.
func (c *cache[K, V]) shard(k K) *shard[K, V] {
	return &c.shards[maphash.Comparable(c.seed, k)%cacheShards]
}

// get returns the value cached under k, if any.
func (c *cache[K, V]) get(k K) (V, bool) {
	sh := c.shard(k)
	sh.mu.RLock()
	v, ok := sh.m[k]
	sh.mu.RUnlock()
	return v, ok
}

// put caches v under k. A cache that holds limit entries empties first.
func (c *cache[K, V]) put(k K, v V) {
	sh := c.shard(k)
	for {
		sh.mu.Lock()
		if _, ok := sh.m[k]; ok {
			sh.m[k] = v
			sh.mu.Unlock()
			return
		}
		if c.n.Add(1) <= int64(c.limit) {
			if sh.m == nil {
				sh.m = make(map[K]V, 64)
			}
			sh.m[k] = v
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
func (c *cache[K, V]) empty() {
	for i := range c.shards {
		c.shards[i].mu.Lock()
	}
	if c.n.Load() >= int64(c.limit) {
		for i := range c.shards {
			c.shards[i].m = nil
		}
		c.n.Store(0)
	}
	for i := range c.shards {
		c.shards[i].mu.Unlock()
	}
}

// recentSize is the number of slots of a worker's recent set of each
// kind: most of a document's lookups are of the few thousand most common
// words.
const recentSize = 1 << 12

// recent holds, for one worker (a scratch of the stage's pool), the
// entries of the stage's caches it used last, by hash of the key: one
// entry a slot, the last used. A slot holds the entry and, when short, its
// key, compared there rather than through the entry (a document's
// lookups are many, and each memory access away costs). The caches'
// values depend on their keys alone, so an entry stays right after its
// cache empties.
type recent[E keyed[K], K comparable] struct {
	slots [recentSize]slot[E]
}

// slot is one entry of a recent set, with its key's bytes when they fit.
type slot[E any] struct {
	e   E
	n   uint8 // len of the key in b, or 0xff when it does not fit
	key [23]byte
}

// keyed is an entry of a recent set: a pointer that knows its key.
type keyed[K comparable] interface {
	comparable
	key() K
}

// getString returns the entry in k's slot if it is k's.
func getString[E keyed[string]](r *recent[E, string], h uint64, k string) (E, bool) {
	sl := &r.slots[h&(recentSize-1)]
	var zero E
	switch {
	case sl.e == zero:
	case sl.n != 0xff:
		if int(sl.n) == len(k) && string(sl.key[:sl.n]) == k {
			return sl.e, true
		}
	case sl.e.key() == k:
		return sl.e, true
	}
	return zero, false
}

// putString puts e, whose key is k, in k's slot.
func putString[E keyed[string]](r *recent[E, string], h uint64, k string, e E) {
	sl := &r.slots[h&(recentSize-1)]
	sl.e = e
	if len(k) <= len(sl.key) {
		sl.n = uint8(copy(sl.key[:], k))
	} else {
		sl.n = 0xff
	}
}

// hashString hashes a key of a recent set.
func hashString(seed maphash.Seed, s string) uint64 { return maphash.String(seed, s) }
