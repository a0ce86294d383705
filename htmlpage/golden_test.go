package htmlpage

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// golden is what a golden file holds: the JSON record plus the fields that
// are not part of the JSON contract.
type golden struct {
	Record   *newsgraph.Document `json:"record"`
	Author   string              `json:"author"`
	Time     string              `json:"time"`
	Conflict string              `json:"conflict"`
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"headings.html", "lists.html", "nested.html"} {
		t.Run(name, func(t *testing.T) {
			in := &newsgraph.Input{
				Path: name, Format: newsgraph.FormatHTML, Data: readTestdata(t, name),
				Hints: newsgraph.Hints{URL: "https://news.example.org/2020/05/17/" + strings.TrimSuffix(name, ".html")},
			}
			d, err := New().Extract(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(golden{d, d.Author, d.Published.Time, d.Published.Conflict}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".html")+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (run go test -run TestGolden -update and review the diff):\n%s", name, got)
			}
		})
	}
}
