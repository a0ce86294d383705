package ner

import (
	_ "embed"
	"errors"
	"fmt"
	"sync"
)

// embeddedModel is the trained model shipped in the binary (see
// model/NOTICE for what it was trained on).
//
//go:embed model/ner.model.zst
var embeddedModel []byte

// defaultModel loads the embedded model once, on first use.
var defaultModel = sync.OnceValues(func() (*Model, error) {
	if len(embeddedModel) == 0 {
		return nil, errors.New("ner: no embedded model in this build")
	}
	m, err := Load(embeddedModel)
	if err != nil {
		return nil, fmt.Errorf("embedded ner model: %w", err)
	}
	return m, nil
})

// Default returns the model embedded in the binary, loading it on the first
// call. It is shared: callers must not modify it.
func Default() (*Model, error) { return defaultModel() }
