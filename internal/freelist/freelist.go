// Package freelist keeps reusable values (a stage's per-document working
// memory) between uses. Unlike a sync.Pool it keeps them through garbage
// collections: the buffers and recent sets they hold are worth keeping for
// the stage's lifetime. It holds at most as many values as were in use at
// once.
package freelist

import "sync"

// List is a free list of values of type T; the zero List is empty and
// ready. It is safe for concurrent use.
type List[T any] struct {
	mu   sync.Mutex
	free []T
}

// Get takes an idle value, or makes one with make when none is idle.
func (l *List[T]) Get(make func() T) T {
	l.mu.Lock()
	if n := len(l.free); n > 0 {
		v := l.free[n-1]
		l.free = l.free[:n-1]
		l.mu.Unlock()
		return v
	}
	l.mu.Unlock()
	return make()
}

// Put returns a value its user is done with.
func (l *List[T]) Put(v T) {
	l.mu.Lock()
	l.free = append(l.free, v)
	l.mu.Unlock()
}
