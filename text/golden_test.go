package text

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden tokenizes and splits the repository's sample articles
// (../samples/*.txt, one paragraph per line) and compares the result with
// testdata/golden: one line per sentence, its code-point span, then its
// tokens separated by spaces, tokens of kinds other than Word marked with
// the kind's first letters.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../samples/*.txt")
	if err != nil || len(files) == 0 {
		t.Skipf("no sample articles under ../samples (%v)", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		for n, para := range strings.Split(string(raw), "\n") {
			if strings.TrimSpace(para) == "" {
				continue
			}
			fmt.Fprintf(&out, "# paragraph %d\n", n)
			toks := Tokenize(para)
			checkTokens(t, para, toks)
			sents := Sentences(para, toks)
			checkSentences(t, para, toks, sents)
			for _, s := range sents {
				fmt.Fprintf(&out, "[%d,%d)", s.Start, s.End)
				for _, k := range s.Tokens {
					out.WriteByte(' ')
					out.WriteString(k.Text)
					if k.Kind != Word {
						out.WriteString("/" + k.Kind.String()[:2])
					}
				}
				out.WriteByte('\n')
			}
		}
		golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(f), ".txt")+".sentences")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -run Golden -update)", err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s differs from %s; run go test -run Golden -update and review the diff", f, golden)
		}
	}
}
