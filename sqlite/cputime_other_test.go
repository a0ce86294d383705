//go:build !unix

package sqlite

import "time"

// cpuTime is not measured on this platform; the docs/cpu-s metric is then
// meaningless.
func cpuTime() time.Duration { return 0 }
