package htmlpage

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

// benchPages loads the real eval pages, skipping when they are absent.
func benchPages(b *testing.B) []*newsgraph.Input {
	b.Helper()
	var files []string
	for _, pat := range []string{
		"../../shared/data/html/trafilatura/cache/*.html",
		"../../shared/data/html/htmldate/pages/*.html",
	} {
		m, err := filepath.Glob(pat)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		b.Skip("HTML eval pages not present under ../../shared/data/html")
	}
	ins := make([]*newsgraph.Input, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		ins = append(ins, &newsgraph.Input{Path: f, Format: newsgraph.FormatHTML, Data: data})
	}
	return ins
}

// cpuTime returns the process's user+sys CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchExtract(b *testing.B, e *Extractor) {
	ins := benchPages(b)
	ctx := context.Background()
	cpu0 := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		_, _ = e.Extract(ctx, ins[i%len(ins)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
	// The machine is shared: pages per CPU second (this process's user+sys
	// time, GC included) is the steadier per-core figure.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "pages/cpu-s")
	}
}

// BenchmarkExtract measures one core's throughput on the real eval pages
// with the default options (fallbacks on).
func BenchmarkExtract(b *testing.B) { benchExtract(b, New()) }

// BenchmarkExtractNoFallback is BenchmarkExtract without trafilatura's
// readability and dom-distiller fallbacks.
func BenchmarkExtractNoFallback(b *testing.B) { benchExtract(b, New(WithFallback(false))) }

// BenchmarkExtractParallel runs GOMAXPROCS extractions at once (-cpu 2 for
// the project's two-core target).
func BenchmarkExtractParallel(b *testing.B) {
	ins := benchPages(b)
	e := New()
	ctx := context.Background()
	var next atomic.Int64
	cpu0 := cpuTime()
	start := time.Now()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			_, _ = e.Extract(ctx, ins[int(i)%len(ins)])
		}
	})
	n := float64(next.Load())
	b.ReportMetric(n/time.Since(start).Seconds(), "pages/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "pages/cpu-s")
	}
}
