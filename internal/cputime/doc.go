// Package cputime reads the process's CPU time, for benchmarks that report
// work per CPU-second next to work per wall-second: on a shared, noisy
// machine the CPU figure moves much less than the wall-clock one.
package cputime
