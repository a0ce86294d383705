package eval

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/clean"
)

func TestTmpClean(t *testing.T) {
	_, err := Clean(context.Background(), clean.NewExtractor(), "../testdata/cleaneval", os.Stdout, os.Getenv("V") != "")
	if err != nil {
		t.Fatal(err)
	}
}
