// Package shardcache is a bounded map that a stage's goroutines share:
// what the knowledge base says of words, names and phrases, which come
// back in document after document. Like a plain map it starts again empty
// when it holds its limit of entries. The entries are spread over shards,
// each with its own lock, so that one worker adding an entry does not hold
// up another reading (two workers reading one lock take turns on its
// cache line).
package shardcache

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// Cache maps keys to values for a stage's lifetime; it is safe for
// concurrent use. Callers copy keys that point into a document before
// Put.
type Cache[K comparable, V any] struct {
	limit  int
	seed   maphash.Seed
	shards [shards]shard[K, V]

	// n counts the entries.
	n atomic.Int64
}

// shards is the number of shards of a cache.
const shards = 64

// shard is one part of a cache, padded to its own cache lines.
type shard[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
	_  [40]byte
}

// New returns a cache of at most limit entries.
func New[K comparable, V any](limit int) *Cache[K, V] {
	return &Cache[K, V]{limit: limit, seed: maphash.MakeSeed()}
}

// shard returns k's shard.
func (c *Cache[K, V]) shard(k K) *shard[K, V] {
	return &c.shards[maphash.Comparable(c.seed, k)%shards]
}

// Get returns the value cached under k, if any.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	sh := c.shard(k)
	sh.mu.RLock()
	v, ok := sh.m[k]
	sh.mu.RUnlock()
	return v, ok
}

// Put caches v under k. A cache that holds its limit of entries empties
// first.
func (c *Cache[K, V]) Put(k K, v V) {
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

// Len returns the number of entries.
func (c *Cache[K, V]) Len() int { return int(c.n.Load()) }

// empty empties a full cache (one that another worker emptied meanwhile
// is left as it is).
func (c *Cache[K, V]) empty() {
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
