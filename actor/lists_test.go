package actor

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/text"
)

// TestSectorOpener checks that sectorOpener holds exactly "ethnic" and the
// first words of sectorAdjectives.
func TestSectorOpener(t *testing.T) {
	want := map[string]bool{"ethnic": true}
	for k := range sectorAdjectives {
		want[strings.Fields(k)[0]] = true
	}
	for w := range want {
		if !sectorOpener(w) {
			t.Errorf("sectorOpener(%q) = false", w)
		}
	}
	for _, w := range []string{"", "the", "rights", "Ethnic", "groups", "environment", "rebels"} {
		if sectorOpener(w) != want[w] {
			t.Errorf("sectorOpener(%q) = %v, want %v", w, sectorOpener(w), want[w])
		}
	}
}

// TestLowerWord checks lowerWord and lowerWords against strings.ToLower
// and strings.TrimSuffix.
func TestLowerWord(t *testing.T) {
	for _, w := range []string{"", "Mr.", "MRS", "ms", ".", "Dr..", "İstanbul", "ÉTAT.", "S", "K", "president", "Prime"} {
		if got, want := string(lowerWord(nil, w, ".")), strings.TrimSuffix(strings.ToLower(w), "."); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", w, got, want)
		}
	}
	for _, p := range []string{"Prime Minister", "SECRETARY of State", "Head of ÉTAT", "the president"} {
		toks := text.Tokenize(p)
		if got, want := string(lowerWords(nil, toks)), strings.ToLower(joinTexts(toks)); got != want {
			t.Errorf("lowerWords(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestRecent checks a recent set: an entry is found under its own key
// only, short or long, and a slot holds the last entry put in it.
func TestRecent(t *testing.T) {
	var r recent[*lexeme, string]
	long := strings.Repeat("x", 40)
	for _, w := range []string{"the", long} {
		l := &lexeme{text: w}
		putString(&r, 7, w, l)
		if got, ok := getString(&r, 7, w); !ok || got != l {
			t.Errorf("getString(%q) = %v, %v", w, got, ok)
		}
		if _, ok := getString(&r, 7, w+"s"); ok {
			t.Errorf("getString(%q) found %q's entry", w+"s", w)
		}
		if _, ok := getString(&r, 8, w); ok {
			t.Errorf("getString(%q) found an entry in another slot", w)
		}
	}
}
