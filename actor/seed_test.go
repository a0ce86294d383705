package actor

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/seedtest"
	"github.com/newsgraph/newsgraph/ner"
)

// TestSeedActors runs clean → ner → actor on the seed record and pins the
// actors the issue names, then the whole entity list in a golden file.
func TestSeedActors(t *testing.T) {
	doc := seedtest.Document(t, ner.NewStage(nil), NewStage(nil, Options{}))
	want := map[string]string{
		"Xi Jinping": "CHNGOV", "Yoon Suk-yeol": "KORGOV", "Moon Jae-in": "KORELI",
		"South Korea": "KOR", "ROK": "KOR", "Seoul": "KORGOV",
		"China": "CHN", "Beijing": "CHNGOV", "China's Foreign Ministry": "CHNGOV",
		"North Korea": "PRK",
	}
	for name, code := range want {
		if got := codeOf(doc, name); got != code {
			t.Errorf("%s: %q, want %q", name, got, code)
		}
	}
	if got := codeOf(doc, "G-20"); !strings.HasPrefix(got, "IGO") {
		t.Errorf("G-20: %q, want an IGO code", got)
	}
	side := false
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if strings.EqualFold(m.Text, "Chinese side") && e.Actor != nil && e.Actor.Code == "CHNGOV" {
				side = true
			}
		}
	}
	if !side {
		t.Error(`"the Chinese side" is not coded CHNGOV`)
	}
	golden.JSON(t, filepath.Join("testdata", "seed_actors.golden.json"), doc.Entities)
}
