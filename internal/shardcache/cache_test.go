package shardcache

import (
	"fmt"
	"sync"
	"testing"
)

// TestLimit checks that a cache holding its limit of entries starts again
// empty, as a plain map replaced when full would.
func TestLimit(t *testing.T) {
	c := New[string, int](3)
	for i, k := range []string{"a", "b", "c"} {
		c.Put(k, i)
	}
	c.Put("b", 9) // an entry already there is replaced, not counted
	if v, ok := c.Get("b"); !ok || v != 9 {
		t.Fatalf("Get(b) = %d, %v", v, ok)
	}
	c.Put("d", 3)
	for _, k := range []string{"a", "b", "c"} {
		if _, ok := c.Get(k); ok {
			t.Errorf("%s kept after the cache filled", k)
		}
	}
	if v, ok := c.Get("d"); !ok || v != 3 || c.Len() != 1 {
		t.Errorf("Get(d) = %d, %v; Len %d", v, ok, c.Len())
	}
}

// TestConcurrent puts and gets from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	c := New[string, int](100)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				k := fmt.Sprint(i % 150)
				c.Put(k, i)
				if v, ok := c.Get(k); ok && v%150 != i%150 {
					t.Errorf("goroutine %d: Get(%s) = %d", g, k, v)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := c.Len(); n > 100 {
		t.Errorf("%d entries, limit 100", n)
	}
}
