//go:build !unix

package cputime

import "time"

// Process is not measured on this platform: it returns 0, and benchmarks'
// per-CPU-second metrics are then meaningless.
func Process() time.Duration { return 0 }
