package kb

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sync"
)

// embedded is the knowledge base shipped in the binary, built by
// "newsgraph kb build" (see data/NOTICE for its sources and licenses).
//
//go:embed data/kb.bin.zst
var embedded []byte

// defaultKB loads the embedded knowledge base once, on first use.
var defaultKB = sync.OnceValues(func() (*KB, error) {
	if len(embedded) == 0 {
		return nil, errors.New("kb: no embedded knowledge base in this build")
	}
	k, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded kb: %w", err)
	}
	return k, nil
})

// Default returns the knowledge base embedded in the binary, loading it on
// the first call. It is shared: callers must not modify it.
func Default() (*KB, error) { return defaultKB() }
