package actor

import "hash/maphash"

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
