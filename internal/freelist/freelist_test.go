package freelist

import (
	"sync"
	"testing"
)

func TestList(t *testing.T) {
	var l List[*int]
	made := 0
	mk := func() *int { made++; return new(int) }
	a := l.Get(mk)
	b := l.Get(mk)
	if made != 2 || a == b {
		t.Fatalf("made %d, a == b: %v", made, a == b)
	}
	l.Put(a)
	if got := l.Get(mk); got != a || made != 2 {
		t.Errorf("Get after Put = %p (made %d), want the value put back %p", got, made, a)
	}
}

func TestConcurrent(t *testing.T) {
	var l List[[]byte]
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				b := l.Get(func() []byte { return make([]byte, 0, 16) })
				l.Put(append(b[:0], 'x'))
			}
		}()
	}
	wg.Wait()
	if n := len(l.free); n < 1 || n > 8 {
		t.Errorf("%d values kept, want between 1 and 8 (those in use at once)", n)
	}
}
