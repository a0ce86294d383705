package clean

import (
	"os"
	"testing"
)

func TestTmpExplain(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("F"))
	if err != nil {
		t.Skip()
	}
	os.Stdout.WriteString(New().Explain(string(b)))
}
