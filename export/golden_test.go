package export

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGolden compares every text format's export of the fixtures with
// testdata/fixtures.<format><ext>; -update rewrites them. (Parquet is
// binary and its bytes depend on parquet-go's version: TestParquetRoundTrip
// reads it back instead.)
func TestGolden(t *testing.T) {
	tests := []struct {
		format string
		reader newsgraph.EventReader
	}{
		{FormatGDELTEvents, fixtureReader()},
		{FormatGDELTMentions, fixtureDocReader()},
		{FormatEventsCSV, fixtureReader()},
		{FormatEventsJSONL, fixtureReader()},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var opts Options
			if d, ok := tt.reader.(DocumentGetter); ok {
				opts.Documents = d
			}
			got, _ := export(t, tt.format, tt.reader, newsgraph.EventQuery{}, opts)
			path := filepath.Join("testdata", "fixtures."+tt.format+Extension(tt.format))
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./export -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\ngot:\n%s\nwant:\n%s", tt.format, path, got, want)
			}
		})
	}
}
