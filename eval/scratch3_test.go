package eval

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/htmlpage"
)

func TestScratchNoFallback(t *testing.T) {
	HTMLWith(context.Background(), htmlDataDir, os.Stdout, htmlpage.WithFallback(false))
}
