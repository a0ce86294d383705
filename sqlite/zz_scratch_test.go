package sqlite

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

func TestScratchPutLarge(t *testing.T) {
	src := "/tmp/newsgraph-sqlite-bench-v3/search.db"
	dst := filepath.Join(t.TempDir(), "big.db")
	in, err := os.Open(src)
	if err != nil {
		t.Skip(err)
	}
	out, _ := os.Create(dst)
	io.Copy(out, in)
	out.Close()
	in.Close()
	s, err := Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	syn := newSynth(7, 30000)
	var batches [][]newsgraph.Item
	for i := range 20 {
		var b []newsgraph.Item
		for j := range 250 {
			it := syn.item(1_000_000 + i*250 + j)
			b = append(b, it)
		}
		batches = append(batches, b)
	}
	cpu0 := cpuTime()
	start := time.Now()
	for _, b := range batches {
		if _, err := s.Put(context.Background(), b); err != nil {
			t.Fatal(err)
		}
	}
	el := time.Since(start)
	t.Logf("5000 docs into 100k store: %.0f docs/s wall, %.0f docs/cpu-s", 5000/el.Seconds(), 5000/(cpuTime()-cpu0).Seconds())
}
